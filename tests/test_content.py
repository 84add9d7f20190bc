"""Every word the child sees follows the content brief (shared/content-brief.md): soft words,
short lines, no numbers, a fact id on every line that states a fact, each chapter teaching its
facts, and a reading level at or below US grade 3; simpler still for little ones. The Spanish
follows the same rules, in Spanish."""

from __future__ import annotations

import re

import pytest
from readability import flesch_kincaid_grade, syllables

from game.script.catalog import journey, load_all
from game.script.texts import all_texts, build_strings, load_library

AVOID = (
    "hurt",
    "pain",
    "sting",
    "shot",
    "cut",
    "kill",
    "bad cell",
    "put to sleep",
    "dye",
    "bug",
    "cure",
    "die",
    "death",
)
#: Words that name something medical: a line using one states a fact, unless it only asks or
#: shows the child what to do (questions, how-to lines, hints, picture labels).
MEDICAL = (
    r"\bCD19",
    r"\bCAR\b",
    r"\bIV\b",
    r"(?i:\bleukemia)",
    r"(?i:\bchemo)",
    r"(?i:\bfever)",
    r"(?i:\bB cell)",
    r"(?i:\bwhite blood)",
    r"(?i:\bcollect)",
    r"(?i:\blab)",
    r"(?i:\bhospital)",
    r"(?i:\bmultiply)",
)
INSTRUCTION = re.compile(r"\.(how_to|hint|hint_more|ask|pick_\w+|try)$")
#: Lines that mention a medical word without stating a medical fact, and why.
NOT_FACTS = {
    "meet.not_fault": "the brief's 'nobody's fault' guidance, not a medical fact",
    "hunt.stars": "explains the game's picture of CD19",
}
#: What each chapter teaches, from the issue and the brief.
CHAPTER_FACTS = {
    "meet": {"F1", "F2", "F3"},
    "collect": {"F4", "F5"},
    "lab": {"F6", "F7"},
    "grow": {"F8"},
    "ready": {"F9"},
    "back": {"F10"},
    "hunt": {"F11", "F12"},
    "after": {"F13", "F14", "F15"},
}


@pytest.fixture(scope="module")
def scenes():
    return load_all()


#: Soft words in Spanish: no 'duele/dolor', 'pinchazo', 'inyección', 'matar', 'células malas',
#: 'bicho', 'curar', 'morir', 'muerte'.
AVOID_ES = (
    "duel",
    "dolor",
    "pinch",
    "inyecci",
    "mata",
    "mató",
    "células malas",
    "bicho",
    "cura",
    "muer",
    "morir",
)


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture(scope="module")
def texts(scenes, library):
    """What the child sees and hears: every chapter's words and the word book (not the menus
    for the grown-up)."""
    return [t for t in all_texts(scenes, library) if t.kind not in ("menu", "forms")]


@pytest.fixture(scope="module")
def lines(texts):
    """The narration as 7 to 9 year olds hear it."""
    return [t for t in texts if t.kind == "line" and "@" not in t.id]


def band_lines(texts, band):
    """The narration for one age band: each line's variant for it, else the line."""
    variants = {t.id.split("@")[0]: t for t in texts if t.id.endswith(f"@{band}")}
    return [variants.get(t.id, t) for t in texts if t.kind == "line" and "@" not in t.id]


def passage(items):
    return " ".join(t.text if t.text[-1] in ".!?" else t.text + "." for t in items)


def test_no_words_the_brief_says_to_avoid(texts):
    for text in texts:
        for word in AVOID:
            assert not re.search(rf"\b{word}", text.text, re.IGNORECASE), (text.id, word)


def test_healthy_b_cells_are_never_left_out(texts):
    """F12: never say the CAR T cells touch 'only' the sick cells."""
    for text in texts:
        assert not re.search(r"\bonly\b.*\b(sick|leukemia|cancer)", text.text, re.I), text.id


def test_lines_are_short(texts):
    for band in ("little", "middle", "older"):
        said = band_lines(texts, band)
        counts = [len(line.text.split()) for line in said]
        assert max(counts) <= 16, [line.id for line in said if len(line.text.split()) > 16]
        assert sum(c <= 12 for c in counts) / len(counts) >= 0.95  # about 12, rarely more


def test_little_ones_get_simpler_lines(texts):
    """A 4 to 6 variant is never longer than the line it simplifies, and reads easier."""
    by_id = {t.id: t for t in texts}
    little = [t for t in texts if t.id.endswith("@little")]
    assert len(little) >= 15
    for variant in little:
        line = by_id[variant.id.split("@")[0]]
        assert len(variant.text.split()) <= len(line.text.split()), variant.id
    assert flesch_kincaid_grade(passage(band_lines(texts, "little"))) < flesch_kincaid_grade(
        passage(band_lines(texts, "middle"))
    )
    assert len([t for t in texts if t.id.endswith("@older")]) >= 15


def test_word_book_meanings_are_one_or_two_short_sentences(texts):
    meanings = [t for t in texts if t.kind == "meaning"]
    assert len(meanings) == 13
    for meaning in meanings:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", meaning.text) if s]
        assert 1 <= len(sentences) <= 3, meaning.id
        assert all(len(s.split()) <= 12 for s in sentences), meaning.id


def test_picture_labels_are_a_few_words(texts):
    for text in texts:
        if text.kind == "label":
            assert len(text.text.split()) <= 4, text.id


def test_no_numbers_for_the_child(texts):
    for text in texts:
        assert not re.search(r"\d|%", text.text.replace("CD19", "")), text.id


def test_every_line_that_states_a_medical_fact_names_it(lines):
    for line in lines:
        medical = any(re.search(term, line.text) for term in MEDICAL)
        exempt = INSTRUCTION.search(line.id) or line.text.endswith("?") or line.id in NOT_FACTS
        if medical and not exempt:
            assert line.fact is not None, f"{line.id}: '{line.text}' needs 'fact: F..'"


def test_each_chapter_teaches_its_facts_and_the_journey_covers_them_all(scenes):
    for scene_id, facts in CHAPTER_FACTS.items():
        found = {t.fact for t in scenes[scene_id].texts() if t.fact}
        assert facts <= found, (scene_id, facts - found)
    every = {t.fact for scene in scenes.values() for t in scene.texts() if t.fact}
    assert every == {f"F{n}" for n in range(1, 17)}


def test_the_narration_reads_at_or_below_grade_3(scenes, lines, texts):
    assert flesch_kincaid_grade(passage(lines)) <= 3.0
    assert flesch_kincaid_grade(passage(band_lines(texts, "older"))) <= 4.0
    for scene_id in journey(scenes):  # and no chapter much harder than the rest
        chapter = [t for t in scenes[scene_id].texts() if t.kind == "line" and "@" not in t.id]
        assert flesch_kincaid_grade(passage(chapter)) <= 4.0, scene_id


def test_the_reading_level_measure_tells_easy_from_hard():
    easy = "The cat sat on the mat. It was a big cat."
    hard = (
        "Chimeric antigen receptors are engineered proteins enabling lymphocytes to recognise "
        "malignant cells expressing particular surface antigens."
    )
    assert flesch_kincaid_grade(easy) < 1 < 3 < flesch_kincaid_grade(hard)
    assert [syllables(w) for w in ("leukemia", "CD19", "IV", "CAR", "cell")] == [4, 4, 2, 1, 1]


def test_the_avoided_words_check_would_catch_one():
    assert re.search(r"\bkill", "The T cell kills it", re.IGNORECASE)


@pytest.fixture(scope="module")
def spanish(scenes, library, texts):
    strings = build_strings(scenes, library)
    return {t.id: strings.text_in("es", t.id) for t in texts}


def test_the_spanish_is_complete_and_a_real_translation(spanish, texts):
    assert None not in spanish.values()
    english = {t.id: t.text for t in texts}
    same = [i for i, words in spanish.items() if words == english[i]]
    # Only names and words that are the same in both languages ('CAR', 'CD19', 'Luna').
    assert len(same) <= 8, same


def test_the_spanish_uses_soft_words_and_no_numbers(spanish, texts):
    kinds = {t.id: t.kind for t in texts}
    for text_id, words in spanish.items():
        for word in AVOID_ES:
            assert not re.search(rf"\b{word}", words, re.IGNORECASE), (text_id, word)
        assert not re.search(r"\d|%", words.replace("CD19", "")), text_id
        limit = 4 if kinds[text_id] == "label" else 18  # Spanish runs a little longer
        if kinds[text_id] != "meaning":
            assert len(words.split()) <= limit, text_id
