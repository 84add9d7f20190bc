"""Every word the child sees follows the content brief (shared/content-brief.md): soft words,
short lines, no numbers and no number of weeks, "right away" whenever the child is told to tell
someone, US spelling, a fact id on every line that states a fact, each chapter teaching its facts,
F1 to F18 all taught, and a reading level at or below US grade 3; simpler for little ones and fuller
for older ones, line by line and chapter by chapter. Brothers and sisters hear their own version of
every line about the patient's body. The quiz is teach-back. The Spanish follows the same rules,
in Spanish."""

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
    "meet.catch": "the brief's guidance for brothers and sisters: nobody can catch leukemia",
    "hunt.stars": "explains the game's picture of CD19",
    "lab.not_a_car": "explains the word CAR, so it is not heard as a car you drive",
}
#: What each chapter teaches, from the issue and the brief.
CHAPTER_FACTS = {
    "meet": {"F1", "F2", "F3"},
    "collect": {"F4", "F5"},
    "lab": {"F6", "F7"},
    "grow": {"F8"},
    "ready": {"F9"},
    "back": {"F10"},
    "hunt": {"F11", "F12", "F17", "F18"},
    "after": {"F13", "F14", "F15", "F18"},
    "cheer": {"F4", "F9", "F12", "F13", "F14"},
}
ALL_FACTS = {f"F{n}" for n in range(1, 19)}


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


def band_lines(texts, band, role="patient"):
    """The narration for one age band and role, as the game resolves it (see
    ``Strings.resolve``): a brother or sister hears the sibling variant for their band, else the
    sibling line; everyone else the band's variant, else the line."""
    by_id = {t.id: t for t in texts}
    chain = [band] if band != "middle" else []
    if role == "sibling":
        chain = ([f"sibling_{band}"] if band != "middle" else []) + ["sibling", *chain]
    said = []
    for t in texts:
        if t.kind == "line" and "@" not in t.id:
            said.append(next((by_id[f"{t.id}@{v}"] for v in chain if f"{t.id}@{v}" in by_id), t))
    return said


def passage(items):
    return " ".join(t.text if t.text[-1] in ".!?" else t.text + "." for t in items)


def test_no_words_the_brief_says_to_avoid(texts):
    for text in texts:
        for word in AVOID:
            assert not re.search(rf"\b{word}", text.text, re.IGNORECASE), (text.id, word)


#: A wrong answer in the quiz, there to catch this very misconception (and explained when tapped).
WRONG_ON_PURPOSE = {"cheer.fit.c"}


def test_healthy_b_cells_are_never_left_out(texts):
    """F12: never say the CAR T cells touch 'only' the sick cells."""
    for text in texts:
        if text.id in WRONG_ON_PURPOSE:
            continue
        assert not re.search(r"\bonly\b.*\b(sick|leukemia|cancer)", text.text, re.I), text.id


@pytest.mark.parametrize("role", ["patient", "sibling"])
def test_lines_are_short(texts, role):
    """About 12 words at most, rarely more; the fuller lines for 10 to 12 year olds may run a
    little longer, but never past 16 words or 15 in one sentence."""
    for band, share in (("little", 0.95), ("middle", 0.95), ("older", 0.8)):
        said = band_lines(texts, band, role)
        counts = [len(line.text.split()) for line in said]
        assert max(counts) <= 16, [line.id for line in said if len(line.text.split()) > 16]
        assert sum(c <= 12 for c in counts) / len(counts) >= share, (band, role)
        for line in said:
            for sentence in re.split(r"(?<=[.!?])\s+", line.text):
                assert len(sentence.split()) <= 15, (line.id, sentence)


def weight(text):
    """How much a line asks of a reader: its words, then its syllables."""
    found = re.findall(r"[A-Za-z0-9'-]+", text)
    return (len(found), sum(syllables(w) for w in found))


#: Each variant and the line it must be simpler (little) or fuller (older) than.
PAIRS = (("little", ""), ("sibling_little", "sibling"), ("older", ""), ("sibling_older", "sibling"))


def test_each_little_variant_is_simpler_and_each_older_one_fuller(texts):
    """Measured line by line: a 4 to 6 variant has fewer words (or as many, with fewer
    syllables) than the line it simplifies; a 10 to 12 variant has more."""
    by_id = {t.id: t for t in texts}
    checked = 0
    for variant, against in PAIRS:
        for text in [t for t in texts if t.id.endswith(f"@{variant}")]:
            base = text.id.split("@")[0]
            plain = by_id[f"{base}@{against}" if against else base]
            if variant.endswith("little"):
                assert weight(text.text) < weight(plain.text), (text.id, text.text, plain.text)
            else:
                assert weight(text.text) > weight(plain.text), (text.id, text.text, plain.text)
            checked += 1
    assert len([t for t in texts if t.id.endswith("@little")]) >= 25
    assert len([t for t in texts if t.id.endswith("@older")]) >= 25
    assert checked >= 80


def test_the_measure_of_simpler_tells_them_apart():
    assert weight("It is quick.") < weight("It is quick. A grown-up can stay.")
    assert weight("A machine sorts it.") < weight("A machine organizes it.")


def test_word_book_meanings_are_one_or_two_short_sentences(texts):
    meanings = [t for t in texts if t.kind == "meaning"]
    assert len(meanings) == 16
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
    assert every == ALL_FACTS


def test_the_narration_reads_at_or_below_grade_3(scenes, lines, texts):
    assert flesch_kincaid_grade(passage(lines)) <= 3.0
    assert flesch_kincaid_grade(passage(band_lines(texts, "older"))) <= 4.0
    for scene_id in journey(scenes):  # and no chapter much harder than the rest
        chapter = [t for t in scenes[scene_id].texts() if t.kind == "line" and "@" not in t.id]
        assert flesch_kincaid_grade(passage(chapter)) <= 4.0, scene_id


@pytest.mark.parametrize("role", ["patient", "sibling"])
def test_reading_level_rises_with_the_band_in_every_chapter(scenes, texts, role):
    """little <= middle <= older, for the whole journey and for each chapter."""

    def grade(band, scene_id=None):
        said = band_lines(texts, band, role)
        if scene_id is not None:
            said = [t for t in said if t.scene == scene_id]
        return flesch_kincaid_grade(passage(said))

    assert grade("little") < grade("middle") < grade("older")
    for scene_id in journey(scenes):
        little, middle, older = (grade(band, scene_id) for band in ("little", "middle", "older"))
        assert little <= middle <= older, (scene_id, little, middle, older)


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
        # Spanish runs a little longer: a place needs its 'en el' ('En el hospital o cerca').
        limit = 5 if kinds[text_id] == "label" else 18
        if kinds[text_id] != "meaning":
            assert len(words.split()) <= limit, text_id


# The rules the December 2026 review added --------------------------------------------------------

#: British spellings the US English must not use (the English says 'leukemia', so it is US).
BRITISH = (
    r"colour",
    r"favourit",
    r"recognis",
    r"\bcosy",
    r"centre",
    r"realis",
    r"organis",
    r"behaviour",
    r"\bgrey",
    r"neighbour",
    r"honour",
    r"humour",
    r"programme",
    r"travell",
    r"\bmum\b",
)
#: A number of days, weeks or months: the child never hears one (F14: "a few weeks" at most).
NUMBER_OF_WEEKS = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(days?|weeks?|months?)",
    re.I,
)
NUMBER_OF_WEEKS_ES = re.compile(
    r"\b(\d+|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)\s+(días?|semanas?|meses)",
    re.I,
)
#: Telling someone how the body feels: always "right away" (F13).
TELL = re.compile(r"\btell\b[^.!?]*\b(grown-up|nurse|doctor)", re.I)


@pytest.fixture(scope="module")
def everything(scenes, library):
    """Every English text, menus included."""
    return all_texts(scenes, library)


def test_the_english_uses_us_spelling(everything):
    for text in everything:
        for british in BRITISH:
            assert not re.search(british, text.text, re.I), (text.id, text.text)


def test_the_spelling_check_would_catch_one():
    assert re.search(BRITISH[0], "Pick a colour", re.I)


def test_no_number_of_weeks_in_either_language(texts, spanish):
    for text in texts:
        assert not NUMBER_OF_WEEKS.search(text.text), text.id
        assert not NUMBER_OF_WEEKS_ES.search(spanish[text.id]), text.id
    assert NUMBER_OF_WEEKS.search("You stay for about four weeks.")
    assert NUMBER_OF_WEEKS_ES.search("Te quedas unas cuatro semanas.")


def test_telling_a_grown_up_is_always_right_away_in_both_languages(texts, spanish):
    told = [t for t in texts if t.kind in ("line", "meaning") and TELL.search(t.text)]
    assert len(told) >= 20  # every band and role of the after cards, the quiz, collection day
    for text in told:
        assert "right away" in text.text, (text.id, text.text)
    for text in texts:
        if "right away" in text.text:
            assert "enseguida" in spanish[text.id], (text.id, spanish[text.id])


def test_fever_is_told_honestly_in_every_band_and_role(scenes, texts):
    """F13: a fever can mean the CAR T cells are busy and can mean germs; tell a grown-up right
    away; some kids get no fever and that is okay. Cold and shivery can be a fever too."""
    for role in ("patient", "sibling"):
        for band in ("little", "middle", "older"):
            said = {
                t.id.split("@")[0]: t.text
                for t in band_lines(texts, band, role)
                if t.scene == "after"
            }
            opening = " ".join(said[i] for i in ("after.busy", "after.germs", "after.no_fever"))
            for needed in ("busy", "germs", "right away", "(no|never get a) fever"):
                assert re.search(needed, opening), (role, band, needed)
            assert "shivery" in said["after.hot"] and "right away" in said["after.hot"]
    fever = next(t for t in texts if t.id == "words.fever.meaning").text
    assert "cold and shivery" in fever and "right away" in fever


def test_every_after_card_ends_with_telling_a_grown_up_right_away(scenes, texts):
    """A card can be heard alone, so each says what to do (the review's child-life rule)."""
    by_id = {t.id: t for t in texts}
    cards = [o for choice in scenes["after"].choices for o in choice.options]
    for option in cards:
        if option.id in ("after.card.stay",):
            continue  # where the child stays, not how the body feels
        for suffix in ("", "@little", "@older", "@sibling", "@sibling_little", "@sibling_older"):
            said = by_id.get(option.say + suffix)
            if said is not None:
                assert said.text.rstrip("!.").endswith("right away"), said.id


#: Lines that speak of the patient's own body, blood, treatment or feelings in it.
ABOUT_THE_PATIENT = re.compile(
    r"\byour (body|blood|T cells|CAR T cells|own cells|IV|bed|arm|head|care team|doctors)\b"
    r"|\byou (might|may) (feel|notice)\b|\byou (get|stay|rest)\b|\byou did nothing wrong\b",
    re.I,
)
#: Lines that say 'your ...' and are as true for a brother or sister as for the patient.
TRUE_FOR_EVERYONE = {
    "meet.blood": "everybody's blood has lots of different cells",
    "meet.helper": "everybody's T cells are white blood cells",
    "meet.patrol": "everybody's T cells look around their body",
    "meet.many": "everybody has lots of T cells",
    "meet.hide": "about leukemia cells, said of the immune system in general",
}


def test_brothers_and_sisters_hear_their_own_version_of_lines_about_the_patient(texts):
    ids = {t.id for t in texts}
    for text in texts:
        base, _, band = text.id.partition("@")
        if text.kind != "line" or band.startswith("sibling") or base in TRUE_FOR_EVERYONE:
            continue
        if ABOUT_THE_PATIENT.search(text.text):
            assert f"{base}@sibling" in ids, f"{text.id}: '{text.text}' needs 'sibling:'"
    for text in texts:
        base, _, band = text.id.partition("@")
        if band in ("little", "older") and f"{base}@sibling" in ids:
            assert f"{base}@sibling_{band}" in ids, f"{base} needs 'sibling_{band}:'"


@pytest.mark.parametrize("band", ["little", "middle", "older"])
def test_a_brother_or_sister_hears_what_the_brief_says_they_need(texts, band):
    """They cannot catch leukemia, it is nobody's fault, and their feelings matter."""
    said = " ".join(t.text for t in band_lines(texts, band, "sibling"))
    for needed in ("cannot catch leukemia", "nobody's fault", "feelings matter"):
        assert needed in said, (band, needed)
    assert "your brother or sister" in said


#: What a brother or sister must not be told is theirs: the patient's T cells, cell or blood.
YOURS = {
    "en": re.compile(r"\byour (T cells?|cells?|blood)\b", re.I),
    "es": re.compile(r"\b(tu célula|tus células|tu sangre)\b", re.I),
}
#: Texts that say 'your blood' or 'your T cells' of everybody's (the word book's meanings too).
SAID_OF_EVERYONE = {
    **TRUE_FOR_EVERYONE,
    "meet.title": "the chapter's name (a title has no variants); its lines say 'this T cell'",
}


def told_a_sibling_is_theirs(scenes, library, texts, band, language, role="sibling"):
    strings = build_strings(scenes, library)
    strings.set_language(language)
    strings.set_role(role)
    strings.set_band(band)
    told = []
    for text in texts:
        if "@" in text.id or text.kind == "meaning" or text.id in SAID_OF_EVERYONE:
            continue
        words = strings.get(text.id)
        if YOURS[language].search(words):
            told.append((text.id, words))
    return told


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("band", ["little", "middle", "older"])
def test_a_brother_or_sister_is_never_told_the_t_cell_is_theirs(
    scenes, library, texts, band, language
):
    """A sibling guides "this T cell", their brother's or sister's: no line, label or title they
    hear says "your T cell", "your cell" or "your blood" of it (a four-year-old sibling told
    "Drag each CAR onto your T cell" may think their own T cells get CARs; play-test)."""
    assert told_a_sibling_is_theirs(scenes, library, texts, band, language) == []


def test_the_check_for_your_t_cell_would_catch_one(scenes, library, texts):
    """The patient is told "your T cell", and the same check finds it."""
    for language in ("en", "es"):
        told = dict(told_a_sibling_is_theirs(scenes, library, texts, "middle", language, "patient"))
        assert {"lab.how_to", "grow.how_to", "hunt.how_to"} <= told.keys(), language


#: Asking a child to write ('They may ask you to write your name').
WRITE = {"en": re.compile(r"\bwrit", re.I), "es": re.compile(r"\bescrib", re.I)}


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("role", ["patient", "sibling"])
def test_ages_4_to_6_are_not_told_they_will_be_asked_to_write(
    scenes, library, texts, role, language
):
    """Many children of 4 to 6 cannot write yet: 'They may ask you to write your name' is said
    only to older children (play-test)."""
    strings = build_strings(scenes, library)
    strings.set_language(language)
    strings.set_role(role)
    line_ids = [t.id for t in texts if t.kind == "line" and "@" not in t.id]
    said = {}
    for band in ("little", "middle"):
        strings.set_band(band)
        said[band] = [i for i in line_ids if WRITE[language].search(strings.get(i))]
    assert said["little"] == []
    assert "after.name" in said["middle"]  # the check finds it where it is said


@pytest.mark.parametrize("role", ["patient", "sibling"])
def test_feelings_and_questions_are_welcome(texts, role):
    said = " ".join(t.text for t in band_lines(texts, "middle", role))
    for feeling in ("scared", "sad", "mad", "bored", "missing home", "cry"):
        assert re.search(rf"\b{feeling}", said, re.I), (role, feeling)
    assert "any question" in said


def test_collection_and_infusion_day_are_told_as_the_child_lives_them(texts):
    said = {t.id.split("@")[0]: t.text for t in band_lines(texts, "middle")}
    collect = " ".join(v for k, v in said.items() if k.startswith("collect."))
    for needed in ("bed or a chair", "few hours", "cold", "tingle", "right away", "another tube"):
        assert needed in collect, needed
    back = " ".join(v for k, v in said.items() if k.startswith("back."))
    for needed in ("usually quick", "grown-up can stay", "frozen", "warmed", "check"):
        assert needed in back, needed


# The quiz as teach-back ---------------------------------------------------------------------------

#: Pictures that only make a silly answer: fine for little ones, never for 10 to 12.
SILLY = {"sun", "moon", "ball", "zap", "wand", "star", "heart", "rocket", "tree"}


def shown_to(option, band):
    bands = getattr(option, "bands", None)
    return not bands or band in bands


def test_the_quiz_asks_about_collecting_chemo_and_healthy_b_cells(scenes):
    quiz = scenes["cheer"]
    facts = {}
    for choice in quiz.choices:
        for line_id in (choice.explain, *(o.say for o in choice.options if o.say)):
            if line_id and quiz.line(line_id).fact:
                facts.setdefault(quiz.line(line_id).fact, set()).add(choice.id)
    for fact in ("F4", "F9", "F12", "F13", "F14"):
        assert fact in facts, fact


def test_the_safety_question_asks_what_the_child_will_do(scenes, texts):
    by_id = {t.id: t.text for t in texts}
    hot = next(c for c in scenes["cheer"].choices if c.id == "hot")
    for suffix in ("", "@sibling"):
        assert by_id[hot.ask + suffix].endswith("What will you do?")
        assert re.search(r"\bfeels hot and shivery\b", by_id[hot.ask + suffix])
    right = next(o for o in hot.options if o.right)
    assert "right away" in by_id[right.say]
    for choice in scenes["cheer"].choices:  # no question reads as one about the weather
        assert not re.search(r"\b(hot|cold|sunny)\b", by_id[choice.ask].replace("feels hot", ""))


def test_older_children_get_plausible_wrong_answers_and_silly_ones_never_repeat(scenes):
    for band in ("little", "middle", "older"):
        silly_seen = []
        for choice in scenes["cheer"].choices:
            shown = [o for o in choice.options if shown_to(o, band)]
            assert sum(o.right for o in shown) == 1 and len(shown) >= 2, (band, choice.id)
            wrong = [o for o in shown if not o.right]
            if band == "older":
                assert not [o.id for o in wrong if o.picture in SILLY], choice.id
            silly_seen += [o.picture for o in wrong if o.picture in SILLY]
        assert len(silly_seen) == len(set(silly_seen)), (band, silly_seen)


def test_a_wrong_answer_puts_the_burden_on_the_game(texts):
    tries = next(t for t in texts if t.id == "cheer.try").text
    assert "show you again" in tries and "Good try" not in tries


def test_questions_about_what_can_be_left_out_say_so(scenes):
    """The fever and stay questions need the Afterwards chapter; the 'which cells does the CAR
    fit' question needs the healthy B cells."""
    about = {c.id: set(getattr(c, "about", ()) or ()) for c in scenes["cheer"].choices}
    assert "after" in about["hot"] and "after" in about["stay"]
    assert "healthy_b_cells" in about["fit"]


#: A sentence that only reassures ("That is okay.", "Está bien."): it needs something before it
#: to be about.
BARE_REASSURANCE = re.compile(
    r"^(that|it|this) is (okay|ok|fine)( too)?[.!]$|^(eso )?está bien( también)?[.!]$",
    re.IGNORECASE,
)


def sentences(words: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?:])\s+", words) if s.strip()]


def test_a_reassurance_always_follows_what_it_is_about(texts, spanish):
    """ "That is okay." opening a line is about nothing the child has heard (a play-test heard
    "That is okay. Doctors can help." for a 6-year-old): the line first says what is okay."""
    for language, words_of in (("en", {t.id: t.text for t in texts}), ("es", spanish)):
        for text_id, words in words_of.items():
            said = sentences(words)
            assert said and not BARE_REASSURANCE.match(said[0]), (language, text_id, words)


def test_the_reassurance_check_would_catch_one():
    assert BARE_REASSURANCE.match(sentences("That is okay. Doctors can help.")[0])
    assert BARE_REASSURANCE.match(sentences("Está bien. Los doctores pueden ayudar.")[0])
    assert not BARE_REASSURANCE.match(sentences("Está bien llorar. Puedes contarlo.")[0])
    assert not BARE_REASSURANCE.match(sentences("Some kids get no fever. That is okay.")[0])


#: The names a question may ask about, longest first (a 'CAR T cell' is not also a 'T cell').
NAMES = {
    "en": (
        r"CAR T cells?",
        r"T cells?",
        r"B cells?",
        r"red blood cells?",
        r"white blood cells?",
        r"leukemia",
        r"CAR",
        r"CD19",
        r"IV",
        r"platelets?",
        r"lab",
        r"machine",
        r"hospital",
        r"chemo",
        r"fever",
        r"grown-ups?",
        r"doctors?",
        r"nurses?",
    ),
    "es": (
        r"células? CAR T",
        r"células? T",
        r"células? B",
        r"glóbulos? rojos?",
        r"glóbulos? blancos?",
        r"leucemia",
        r"CAR",
        r"CD19",
        r"IV",
        r"plaquetas?",
        r"laboratorio",
        r"máquina",
        r"hospital",
        r"quimio",
        r"fiebre",
        r"adultos?",
        r"doctor(?:es|a)?",
        r"enfermer[oa]s?",
    ),
}


def names_in(words: str, language: str) -> set[str]:
    """The names ``words`` says, each as its pattern."""
    found = set()
    for pattern in NAMES[language]:
        if re.search(rf"(?<!\w){pattern}(?!\w)", words, re.IGNORECASE):
            found.add(pattern)
            words = re.sub(rf"(?<!\w){pattern}(?!\w)", " ", words, flags=re.IGNORECASE)
    return found


def quiz_questions(scenes):
    for scene in scenes.values():
        for choice in scene.questions:
            if choice.ask and (scene.activity.name == "quiz" or choice is scene.teach_back):
                yield scene.id, choice


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_quiz_card_never_gives_its_answer_away_by_naming_the_question(scenes, library, language):
    """A child who reads must not find the answer by matching words: the right card names
    nothing its question names unless a wrong card names it too (a play-test read "Which one is a
    T cell?" over a card saying "T cell"). Ages 4 to 6 are the exception for a question asking
    which one is a kind of cell: few of them read, and they were never told what else to call it
    (test_a_question_asking_which_one_is_a_kind_has_a_right_answer_that_names_it)."""
    strings = build_strings(scenes, library)
    strings.set_language(language)
    checked = 0
    for band in ("little", "middle", "older"):
        strings.set_band(band)
        for scene_id, choice in quiz_questions(scenes):
            if band == "little" and WHICH_ONE_IS[language].match(strings.get(choice.ask)):
                continue
            shown = [o for o in choice.options if shown_to(o, band)]
            asked = names_in(strings.get(choice.ask), language)
            right = next(o for o in shown if o.right)
            wrong = set().union(
                *(names_in(strings.get(o.id), language) for o in shown if o != right)
            )
            given_away = (names_in(strings.get(right.id), language) & asked) - wrong
            assert not given_away, (scene_id, choice.id, band, strings.get(right.id), given_away)
            checked += 1
    assert checked >= 40


def test_the_give_away_check_would_catch_one():
    assert names_in("Which one is a T cell?", "en") & names_in("T cell", "en")
    assert not names_in("How do CAR T cells come back?", "en") & names_in("Collects T cells", "en")
    assert names_in("¿Cuál es la célula T?", "es") & names_in("Célula T", "es")


#: A question asking which card is one kind of thing: "Which one is a T cell?", "¿Cuál es la
#: célula T?" (the kind is its group).
WHICH_ONE_IS = {
    "en": re.compile(r"^Which (?:one|cell) is (?:a|an|the) (.+)\?$", re.I),
    "es": re.compile(r"^¿Cuál es (?:la|el|una|un) (.+)\?$", re.I),
}
ARE = {"en": " are ", "es": " son "}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_question_asking_which_one_is_a_kind_has_a_right_answer_that_names_it(
    scenes, library, texts, language
):
    """The question "Which one is a T cell?" is answered by a card whose words say "T cell", or
    say what the child's age band was told a T cell is ("T cells are white blood cells", ages 7
    to 12). Ages 4 to 6 are told only "T cells are helpers in your blood", so a card saying
    "White blood cell" named something else to them (play-test)."""
    strings = build_strings(scenes, library)
    strings.set_language(language)
    line_ids = [t.id for t in texts if t.kind == "line" and "@" not in t.id]
    checked = 0
    for band in ("little", "middle", "older"):
        strings.set_band(band)
        heard = [
            names_in(s, language)
            for i in line_ids
            for s in sentences(strings.get(i))
            if ARE[language] in s
        ]
        for scene_id, choice in quiz_questions(scenes):
            asked = WHICH_ONE_IS[language].match(strings.get(choice.ask))
            if not asked or (choice.bands and band not in choice.bands):
                continue
            kind = names_in(asked.group(1), language)
            right = next(o for o in choice.options if o.right and shown_to(o, band))
            named = names_in(strings.get(right.id), language)
            told_so = any(kind | named <= said for said in heard)
            assert kind and (kind <= named or told_so), (
                scene_id,
                choice.id,
                band,
                strings.get(choice.ask),
                strings.get(right.id),
            )
            checked += 1
    assert checked >= 3


#: What starts a Spanish answer that says where: 'En un cohete', 'Al laboratorio'.
PLACE_WORDS_ES = ("en", "a", "al", "cerca", "dentro", "junto")


def test_a_spanish_answer_to_where_is_worded_like_the_answers_beside_it(scenes, library):
    """A place needs its 'en el' in Spanish: '¿dónde te quedas?' is answered 'En el hospital o
    cerca', as 'En un cohete' and 'En el laboratorio' beside it (it said 'Hospital o cerca').
    When every wrong card a band sees starts with a word of place, the right one does too."""
    strings = build_strings(scenes, library)
    strings.set_language("es")
    checked = 0
    for band in ("little", "middle", "older"):
        strings.set_band(band)
        for scene_id, choice in quiz_questions(scenes):
            if "dónde" not in strings.get(choice.ask).lower():
                continue
            shown = [o for o in choice.options if shown_to(o, band)]
            first = {o.id: strings.get(o.id).split()[0].lower() for o in shown}
            if all(first[o.id] in PLACE_WORDS_ES for o in shown if not o.right):
                right = next(o for o in shown if o.right)
                assert first[right.id] in PLACE_WORDS_ES, (
                    scene_id,
                    choice.id,
                    band,
                    strings.get(right.id),
                )
                checked += 1
    assert checked >= 2


def test_a_spanish_question_agrees_with_what_it_asks_about(scenes, library, texts):
    """'¿Qué guarda las células T...?' reads as a slip for 'guardan': no Spanish question puts a
    verb for one thing right before 'las' or 'los' and what it is about."""
    strings = build_strings(scenes, library)
    strings.set_language("es")
    slip = re.compile(r"¿Qué \w+[ae] (las|los) ", re.IGNORECASE)
    assert slip.search("¿Qué guarda las células T cuando las recolectan?")
    asked = [t.id for t in texts if t.kind == "line" and "?" in t.text]
    assert len(asked) >= 10
    assert [
        (i, strings.text_in("es", i)) for i in asked if slip.search(strings.text_in("es", i))
    ] == []


#: Words for what each T cell name's badge shows (its picture on the name card and on the child's
#: tile): Sunny's sun, Dino's dinosaur, Luna's moon, Zip's lightning bolt.
BADGE_WORDS = {
    "sun": {"en": ("sun",), "es": ("sol",)},
    "dino": {"en": ("dino", "dinosaur"), "es": ("dino", "dinosaurio")},
    "moon": {"en": ("moon",), "es": ("luna",)},
    "zap": {"en": ("lightning", "bolt"), "es": ("rayo", "relámpago")},
}
#: The pictures drawn as a star: CD19's, and the plain star (the quiz chapter's icon).
STAR_PICTURES = {"cd19", "star"}
#: The beginnings of the words for a star ('Starry', 'Estrellita', a 'lucero' is a bright star).
STAR_WORDS = {"en": (r"star",), "es": (r"estrell", r"lucer")}


def name_badges(scenes):
    """The T cell names' pictures, which a child sees as their own badge all through the game."""
    return {
        option.picture: option.text
        for scene in scenes.values()
        for choice in scene.choices
        if choice.keep == "name"
        for option in choice.options
    }


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_quiz_or_teach_back_card_shows_or_names_a_t_cell_names_badge(scenes, library, language):
    """A child who named their T cell Sunny, Dino, Luna or Zip never sees its badge as a wrong
    answer (play-test: 'In the sun' and 'On the moon' in the quiz, 'The moon' in Meet's
    teach-back; before them 'With a zap' under the bolt). No card in any chapter's quiz or
    teach-back shows a badge, for any age band, and a card's words say what its picture shows,
    so none names a badge either ('With a zap' read 'Con un rayo', a lightning bolt, in Spanish)."""
    badges = name_badges(scenes)
    assert set(badges) == set(BADGE_WORDS), badges  # every badge has its words here
    strings = build_strings(scenes, library)
    strings.set_language(language)
    checked, seen = 0, set()
    for band in ("little", "middle", "older"):
        strings.set_band(band)
        for scene_id, choice in quiz_questions(scenes):
            for option in (o for o in choice.options if shown_to(o, band)):
                assert option.picture not in badges, (scene_id, option.id, badges[option.picture])
                words = strings.get(option.id).lower()
                named = [
                    w
                    for words_of in BADGE_WORDS.values()
                    for w in words_of[language]
                    if re.search(rf"\b{w}\b", words)
                ]
                assert not named, (scene_id, option.id, words)
                checked += 1
                seen.add(scene_id)
    assert checked >= 100 and {"meet", "cheer", "lab", "collect", "after"} <= seen


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_t_cell_name_is_a_star_or_wears_cd19s_star(scenes, library, language):
    """The whole game shows CD19 as stars on leukemia cells and B cells ('Look for stars!'): a
    child whose T cell was Star saw its own badge on the leukemia cells it hunted, and as the
    quiz's right answer 'Cells with CD19'. No name's badge is drawn as a star, no name is a
    word for star, and each badge is its name's alone: no other name, card, quiz answer, word
    book word or chapter icon shows it."""
    strings = build_strings(scenes, library)
    strings.set_language(language)
    names = [
        option
        for scene in scenes.values()
        for choice in scene.choices
        if choice.keep == "name"
        for option in choice.options
    ]
    assert len(names) >= 4
    shown_elsewhere = [
        (option.id, option.picture)
        for scene in scenes.values()
        for choice in scene.questions
        if choice.keep != "name"
        for option in choice.options
    ]
    shown_elsewhere += [(word.id, word.picture) for word in library.book.words]
    shown_elsewhere += [(f"{scene.id}.icon", scene.icon) for scene in scenes.values()]
    assert len(shown_elsewhere) > 90
    badges = [option.picture for option in names]
    assert len(set(badges)) == len(badges), badges  # no two names share a badge
    for option in names:
        assert option.picture not in STAR_PICTURES, (option.id, option.picture)
        also = [where for where, picture in shown_elsewhere if picture == option.picture]
        assert not also, (option.id, option.picture, also)
        words = strings.get(option.id).lower()
        starry = [w for w in STAR_WORDS[language] if re.search(rf"\b{w}", words)]
        assert not starry, (option.id, words)


#: The word for how a leukemia cell looks in this game (uneven: it grew wrong; see art.py).
BUMPY = {"en": "bumpy", "es": "bultos"}


def test_the_hunt_says_how_to_tell_a_leukemia_cell_not_only_by_its_stars(texts, spanish):
    """Healthy B cells wear CD19 stars too (F12), so "a leukemia cell with stars" is not enough
    to find one: the how-to and the hint say it is the bumpy one, in both languages (a
    play-test child could not tell them apart)."""
    english = {t.id: t.text for t in texts}
    telling = [i for i in english if re.fullmatch(r"hunt\.(how_to|hint)(@\w+)?", i)]
    assert len(telling) >= 2
    for language, words_of in (("en", english), ("es", spanish)):
        for text_id in telling:
            assert BUMPY[language] in words_of[text_id].lower(), (language, text_id)


LOOK_FOR = {"en": re.compile(r"\b(look for|find)\b", re.I), "es": re.compile(r"\bbusca\b", re.I)}


def test_what_the_hunt_says_to_look_for_is_the_bumpy_cells(texts, spanish):
    """Healthy B cells wear stars too, so "Look for stars!" sends a child to them as well: every
    sentence of the hunt's how-to and hint that says what to look for names the bumps, in both
    languages and for every variant (a play-test child looked for stars only)."""
    english = {t.id: t.text for t in texts}
    telling = [i for i in english if re.fullmatch(r"hunt\.(how_to|hint)(@\w+)?", i)]
    checked = 0
    for language, words_of in (("en", english), ("es", spanish)):
        for text_id in telling:
            for sentence in sentences(words_of[text_id]):
                if LOOK_FOR[language].search(sentence):
                    assert BUMPY[language] in sentence.lower(), (language, text_id, sentence)
                    checked += 1
    assert checked >= 4


#: Words that greet someone as a boy or a girl in Spanish ('amiga nueva', 'campeón', 'niña').
GENDERED_ES = re.compile(
    r"\b(amig[oa]|campe[oó]na?|chic[oa]|niñ[oa]|querid[oa]|bienvenid[oa])s?\b", re.IGNORECASE
)


def test_no_spanish_greeting_calls_the_child_a_boy_or_a_girl(scenes, spanish):
    """The answer to the child's pick of a name or a color ("Hello, new friend!") is said to
    every child, whose T cell may be Dino or Solecito: in Spanish it greets no one as 'amiga' or
    'amigo' (a review heard "¡Hola, amiga nueva!" after Dino), in any variant; and no Spanish
    line calls anyone 'amigo' or 'amiga'."""
    answers = {
        option.say for choice in scenes["meet"].choices for option in choice.options if option.say
    }
    assert {"meet.nice_name", "meet.nice_colour"} <= answers
    greetings = [i for i in spanish if i.split("@")[0] in answers]
    assert "meet.nice_name@sibling" in greetings
    for text_id in greetings:
        assert not GENDERED_ES.search(spanish[text_id]), (text_id, spanish[text_id])
    for text_id, words in spanish.items():
        assert not re.search(r"\bamig[oa]\b", words, re.IGNORECASE), (text_id, words)


def test_the_gendered_greeting_check_would_catch_one():
    assert GENDERED_ES.search("¡Hola, amiga nueva! Esta célula T es tuya.")
    assert GENDERED_ES.search("¡Bienvenido, campeón!")
    assert not GENDERED_ES.search("Una máquina amigable separa la sangre.")


#: The words a card's text must use when it shows one of these pictures, so the words and the
#: picture say the same thing ('Wait until later' under a sleeping face reads "go to sleep";
#: 'With a zap' under a magic wand).
PICTURE_WORDS = {
    "wand": {"en": r"\bwand\b", "es": r"\bvarita\b"},
    "clock": {"en": r"\b(wait|later|tomorrow|time)\b", "es": r"\b(esperar|tarde|mañana|hora)\b"},
    "tired": {
        "en": r"\b(tired|sleepy|rest)\b",
        "es": r"\b(cansa\w*|sueño|descans\w*)\b",
    },
    "rocket": {"en": r"\brocket\b", "es": r"\bcohete\b"},
    "tree": {"en": r"\btree\b", "es": r"\bárbol\b"},
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_cards_words_say_what_its_picture_shows(scenes, library, language):
    """A card of a picture that means a thing (a wand, a clock, a sleeping face...) names it, or
    what it stands for, in both languages, in every chapter's cards, quiz and teach-back."""
    strings = build_strings(scenes, library)
    strings.set_language(language)
    checked = set()
    for scene in scenes.values():
        for choice in scene.questions:
            for option in choice.options:
                if option.picture in PICTURE_WORDS:
                    words = strings.get(option.id)
                    pattern = PICTURE_WORDS[option.picture][language]
                    assert re.search(pattern, words, re.IGNORECASE), (option.id, words)
                    checked.add(option.picture)
    assert checked == set(PICTURE_WORDS), checked


#: Things you ride in: the lab says "It is not a car you drive!", so no card beside "A CAR"
#: may be another one (a review: 'A rocket' was the wrong answer next to it).
VEHICLES = {
    "pictures": {"rocket"},
    "en": r"\b(rocket|car you drive|truck|bus|train|plane|boat|bike|bicycle)s?\b",
    "es": r"\b(cohete|coche|carro|auto|camión|autobús|tren|avión|barco|bici\w*)s?\b",
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_answer_beside_the_car_in_the_lab_is_a_vehicle(scenes, library, language):
    """The lab's teach-back asks what the T cell gets: no wrong answer beside "A CAR" is a thing
    to ride in, in any age band, by its picture or its words."""
    strings = build_strings(scenes, library)
    strings.set_language(language)
    teach = scenes["lab"].teach_back
    assert any(option.picture == "car" and option.right for option in teach.options)
    for band in ("little", "middle", "older"):
        wrong = [o for o in teach.options if shown_to(o, band) and not o.right]
        assert wrong, band
        for option in wrong:
            assert option.picture not in VEHICLES["pictures"], (band, option.id)
            words = strings.get(option.id)
            assert not re.search(VEHICLES[language], words, re.IGNORECASE), (band, option.id)


def test_a_slow_breath_is_asked_for_with_the_same_word_in_spanish(texts, spanish):
    """ "Let's take a slow, deep breath together." then "Breathe in slowly...": the Spanish asks
    for the same slow breath with the same word, 'despacio', each time (a review: the first line
    said 'Respiremos lento y profundo juntos', then 'Toma aire despacio...')."""
    english = {t.id: t.text for t in texts}
    slow = [i for i, words in english.items() if re.search(r"\bslow(ly)?\b.*\bbreath", words, re.I)]
    slow += [
        i for i, words in english.items() if re.search(r"\bbreathe\b.*\bslowly\b", words, re.I)
    ]
    assert {"ready.breathe", "ready.breathe_in", "ready.breathe_out"} <= set(slow), slow
    for text_id in slow:
        assert re.search(r"\bdespacio\b", spanish[text_id]), (text_id, spanish[text_id])
        assert not re.search(r"\blent[oa]\b", spanish[text_id]), (text_id, spanish[text_id])
