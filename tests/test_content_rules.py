"""The content rules ``check`` warns about (docs/content-rules.md), each pinned to the line and
column an author must fix; and the goals ``check`` refuses because a child could never reach
them, and quiz question ids two chapters share (issue 17)."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, problems_in
from game.cli import main
from game.script.catalog import check_files, load_all
from game.script.content_rules import content_warnings, read_rules
from game.script.texts import load_library

CARDS = """\
version: 1
id: rules
title: Rules
activity: cards
lines:
  - id: rules.card
    text: {text}
choices:
  - id: board
    options:
      - {{id: rules.card.a, text: Medicine, picture: medicine, say: rules.card}}
goals:
  - id: heard
    when: card
    count: 1
"""


def at(source: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """(line, col) of the ``nth`` ``needle`` in ``source``, counted from 1 as editors do."""
    start = -1
    for _ in range(nth):
        start = source.index(needle, start + 1)
    before = source[:start]
    return before.count("\n") + 1, start - (before.rfind("\n") + 1) + 1


def warnings_for(tmp_path: Path, source: str, library=None) -> list[tuple[int, int, str]]:
    """The content warnings for one scene file, as (line, col, message)."""
    path = tmp_path / "rules.yaml"
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    scenes, problems = check_files([path])
    assert problems == [], problems
    found = content_warnings(scenes, library or load_library(), whole=False)
    assert all(w.where.path == str(path) for w in found), found
    return [(w.where.line, w.where.col, w.message) for w in found]


def cards(text: str) -> str:
    return CARDS.format(text=text)


# soft words ---------------------------------------------------------------------------------------
def test_a_word_to_avoid_is_found_with_what_to_say_instead(tmp_path):
    source = cards("Then a needle goes in.")
    assert warnings_for(tmp_path, source) == [
        (*at(source, "needle"), "'needle': say 'a small poke' (content rules)")
    ]


def test_words_to_avoid_are_found_in_any_case_and_their_simple_forms(tmp_path):
    source = cards("Hurt cells are dying. They were killed, not bad cells.")
    assert warnings_for(tmp_path, source) == [
        (*at(source, "Hurt"), "'Hurt': say 'a poke, or some pressure' (content rules)"),
        (*at(source, "dying"), "'dying': say 'break apart' (content rules)"),
        (*at(source, "killed"), "'killed': say 'stop, or break apart' (content rules)"),
        (
            *at(source, "bad cells"),
            "'bad cells': say 'sick cells, or cells that grew wrong' (content rules)",
        ),
    ]


def test_only_whole_words_and_never_the_words_to_use(tmp_path):
    """'shotgun'-like longer words, 'studied', and the brief's own words (fight, poke, stop)."""
    source = cards("They help fight germs. A poke, then stop the shots-free cells. Skill!")
    found = warnings_for(tmp_path, source)
    assert found == [(*at(source, "shots"), "'shots': say 'a poke' (content rules)")]


def test_a_quoted_text_is_located_inside_its_quotes(tmp_path):
    source = cards('"It may sting a bit."')
    assert warnings_for(tmp_path, source) == [
        (*at(source, "sting"), "'sting': say 'a poke' (content rules)")
    ]


def test_words_to_avoid_in_variants_and_picture_labels(tmp_path):
    source = CARDS.format(text="Tap a card.\n    older: The poison is strong.").replace(
        "text: Medicine", "text: Shot"
    )
    assert warnings_for(tmp_path, source) == [
        (*at(source, "poison"), "'poison': say 'strong medicine' (content rules)"),
        (*at(source, "Shot"), "'Shot': say 'a poke' (content rules)"),
    ]


def spanish_library(tmp_path: Path, entries: dict[str, str]):
    """The shipped word book and menus, and a Spanish table with these entries."""
    folder = tmp_path / "words"
    (folder / "book").mkdir(parents=True)
    (folder / "lang").mkdir()
    shutil.copy(ROOT / "scenes" / "book" / "words.yaml", folder / "book" / "words.yaml")
    shutil.copy(ROOT / "scenes" / "lang" / "en.yaml", folder / "lang" / "en.yaml")
    table = "language: Español\nvoice: es-419\nstrings:\n" + "".join(
        f'  {text_id}:\n    text: "{text}"\n    en: "00000000"\n'
        for text_id, text in entries.items()
    )
    (folder / "lang" / "es.yaml").write_text(table, encoding="utf-8")
    return load_library(folder), folder / "lang" / "es.yaml", table


def test_spanish_words_to_avoid_are_found_in_the_spanish_table(tmp_path):
    library, es, table = spanish_library(
        tmp_path,
        {
            "rules.card": "Te ponen una inyección y no duele.",
            "rules.card.a": "Células malas",
            "hunt.intro": "Matar",  # a text of a scene not checked now: not looked at
        },
    )
    path = tmp_path / "rules.yaml"
    path.write_text(cards("Tap a card."), encoding="utf-8")
    scenes, _ = check_files([path])
    found = content_warnings(scenes, library, whole=False)
    assert [(str(w.where), w.message) for w in found] == [
        (
            f"{es}:{at(table, 'inyección')[0]}:{at(table, 'inyección')[1]}",
            "'inyección': say 'un tubito llamado vía IV' (content rules)",
        ),
        (
            f"{es}:{at(table, 'duele')[0]}:{at(table, 'duele')[1]}",
            "'duele': say 'un apretoncito, o presión' (content rules)",
        ),
        (
            f"{es}:{at(table, 'Células')[0]}:{at(table, 'Células')[1]}",
            "'Células malas': say 'células enfermas, o células que crecieron mal' (content rules)",
        ),
    ]


# line length and little variants ------------------------------------------------------------------
def test_a_line_over_16_words(tmp_path):
    long = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen."
    source = cards(f"Tap a card.\n    older: {long} Fifteen sixteen seventeen.")
    assert warnings_for(tmp_path, source) == [
        (
            *at(source, "one two"),
            "the 'older' variant has 17 words; a line has at most 16: split it into two lines "
            "(content rules)",
        )
    ]
    assert warnings_for(tmp_path, cards(f"{long} Fifteen sixteen.")) == []


def test_a_title_is_not_a_line(tmp_path):
    source = cards("Tap a card.").replace("title: Rules", "title: " + "a " * 17)
    assert warnings_for(tmp_path, source) == []


def test_a_little_variant_longer_than_its_line(tmp_path):
    source = cards(
        "Tap a card.\n"
        "    little: Tap a card now, please.\n"
        "    sibling: Tap any card you like.\n"
        "    sibling_little: Tap a card now, please, you two."
    )
    assert warnings_for(tmp_path, source) == [
        (
            *at(source, "Tap a card now, please."),
            "the 'little' variant has 5 words, more than the line (3): a variant for ages 4 to "
            "6 is never longer (content rules)",
        ),
        (
            *at(source, "Tap a card now, please, you two."),
            "the 'sibling_little' variant has 7 words, more than 'sibling' (5): a variant for "
            "ages 4 to 6 is never longer (content rules)",
        ),
    ]


# fact ids -----------------------------------------------------------------------------------------
def test_a_line_that_states_a_fact_needs_its_fact_id(tmp_path):
    source = cards("First you get chemo for a few days.")
    assert warnings_for(tmp_path, source) == [
        (
            *at(source, "chemo"),
            "this line speaks of 'chemo' but names no fact: add the fact it states (F9), like "
            "'fact: F9' (content rules)",
        )
    ]
    assert warnings_for(tmp_path, cards("First you get chemo.\n    fact: F9")) == []


def test_a_fact_word_in_a_variant_and_one_with_several_facts(tmp_path):
    source = cards("Tap a card.\n    older: The CARs fit CD19.")
    assert warnings_for(tmp_path, source) == [
        (
            *at(source, "CARs"),
            "this line speaks of 'CARs' but names no fact: add the fact it states (one of F6, "
            "F7, F10, F11), like 'fact: F6' (content rules)",
        )
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Which cell has CD19?",  # a question
        "Drag the CAR onto your T cell.",  # how to play
        "In this game, CD19 looks like little stars.",  # about the game
        "Leukemia is nobody's fault. You did nothing wrong.",  # a child-life message
        "This is a car you drive!",  # 'car' is not 'CAR'
    ],
)
def test_what_is_not_a_fact(tmp_path, text):
    assert warnings_for(tmp_path, cards(text)) == []


# text cut by '#' ----------------------------------------------------------------------------------
def test_a_text_cut_short_by_a_yaml_comment(tmp_path):
    source = cards("Tap card #2, then the next.")
    assert warnings_for(tmp_path, source) == [
        (
            *at(source, "#2"),
            "the text stops at '#': YAML reads '#2, then the next.' as a note for authors, so "
            "the child sees only 'Tap card'; put the whole text in quotes (content rules)",
        )
    ]
    assert warnings_for(tmp_path, cards('"Tap card #2, then the next."')) == []
    assert warnings_for(tmp_path, cards("Tap card number#2.")) == []


# the grown-up's words for what may be left out ----------------------------------------------------
def test_an_optional_chapter_or_detail_needs_its_panel_words(tmp_path):
    source = cards("Tap a card.") + "optional: yes\n"
    assert warnings_for(tmp_path, source) == [
        (
            *at(source, "yes"),
            "the grown-up's controls show this chapter with the words 'ui.leave.rules.in' and "
            "'ui.leave.rules.out', missing from scenes/lang/en.yaml: add ui.leave.rules.in: "
            '"..." there (content rules)',
        )
    ]


def test_a_detail_with_its_words_and_one_without():
    hunt = (ROOT / "scenes" / "hunt.yaml").read_text(encoding="utf-8")
    assert "detail: healthy_b_cells" in hunt
    library = load_library()
    scenes = load_all()
    assert [w for w in content_warnings({"hunt": scenes["hunt"]}, library, whole=False)] == []


# the shipped words, the rules page, and the command -----------------------------------------------
def test_the_shipped_scenes_keep_every_content_rule():
    assert content_warnings(load_all(), load_library()) == []


def test_the_rules_page_holds_the_briefs_words_to_avoid():
    rules, problems = read_rules()
    assert problems == []
    english = [a.pattern for a in rules.avoid if a.language == "en"]
    for word in ("hurt", "pain", "sting", "shot", "cut", "kill", "bad cells", "put to sleep"):
        assert any(p.search(f"a {word} b") for p in english), word
    for word in ("dye", "bug", "needle", "die", "poison", "attack"):
        assert any(p.search(f"a {word} b") for p in english), word
    spanish = [a.pattern for a in rules.avoid if a.language == "es"]
    for word in ("inyección", "pinchazo", "duele", "aguja", "morir", "células malas", "matar"):
        assert any(p.search(f"a {word} b") for p in spanish), word
    for word in ("fight", "poke", "pressure", "stop", "sick cells", "sleepy medicine"):
        assert not any(p.search(f"a {word} b") for p in english), word


def test_a_row_the_rules_page_cannot_read_is_located(tmp_path):
    page = (ROOT / "docs" / "content-rules.md").read_text(encoding="utf-8")
    broken = page.replace("| en | needle | a small poke |", "| en | needle |")
    path = tmp_path / "content-rules.md"
    path.write_text(broken, encoding="utf-8")
    _, problems = read_rules(path)
    assert [(p.where.line, p.message) for p in problems] == [
        (
            at(broken, "| en | needle |")[0],
            "this row cannot be read: write | language | avoid | say instead | (content rules)",
        )
    ]


def test_check_prints_each_warning_and_strict_fails_on_it(tmp_path, capsys):
    path = tmp_path / "rules.yaml"
    source = cards("Then a needle goes in.")
    path.write_text(source, encoding="utf-8")
    assert main(["check", str(path)]) == 0
    line, col = at(source, "needle")
    expected = f"warning: {path}:{line}:{col}: 'needle': say 'a small poke' (content rules)"
    assert expected in capsys.readouterr().out.splitlines()
    assert main(["check", "--strict", str(path)]) == 1


# goals a child could never reach (errors) ---------------------------------------------------------
def only(text: str) -> tuple[int, int, str]:
    found = problems_in(text, "rules.yaml")
    assert len(found) == 1, "\n".join(str(p) for p in found) or "no problem found"
    return found[0].where.line, found[0].where.col, found[0].message


def test_a_cards_goal_larger_than_the_cards(tmp_path):
    source = cards("Tap a card.").replace("count: 1", "count: 3")
    assert only(source) == (
        *at(source, "id: heard"),
        "goal 'heard' needs 3 cards, but the chapter has 1 cards to tap: the child would be "
        "stuck at 1 of 3",
    )


def test_a_cards_goal_on_tapping_again():
    source = cards("Tap a card.").replace("when: card", "when: again")
    assert only(source) == (
        *at(source, "id: heard"),
        "goal 'heard' counts 'again', which happens only when a card is tapped a second time: "
        "a child who taps each card once would be stuck; count 'card' instead",
    )


def test_a_goal_about_an_actor_on_an_event_about_no_cell():
    source = (
        cards("Tap a card.")
        .replace("lines:", "actors:\n  - id: b\n    kind: b_cell\nlines:")
        .replace("    when: card\n", "    when: card\n    actor: b\n")
    )
    assert only(source) == (
        *at(source, "b\n", 2),
        "goal 'heard' counts only 'card' about the actor 'b', but a 'card' is never about a "
        "cell, so it would never count: remove 'actor'",
    )


QUIZ = """\
version: 1
id: {id}
title: Quiz
activity: quiz
lines:
  - id: {id}.ask
    text: Which one?
  - id: {id}.explain
    text: Look again.
choices:
  - id: {question}
    ask: {id}.ask
    explain: {id}.explain
    options:
      - {{id: {id}.a, text: This, picture: sun, right: yes}}
      - {{id: {id}.b, text: That, picture: moon}}
      - {{id: {id}.c, text: Other, picture: star, bands: [older]}}
goals:
  - id: answered
    when: {when}
    count: {count}
"""


def test_a_quiz_goal_larger_than_its_questions():
    source = QUIZ.format(id="rules", question="hot", when="right", count=2)
    assert only(source) == (
        *at(source, "id: answered"),
        "goal 'answered' needs 2 right answers, but the quiz has 1 questions: the child would "
        "be stuck at 1 of 2",
    )
    assert problems_in(QUIZ.format(id="rules", question="hot", when="right", count=1)) == []


def test_a_quiz_goal_on_wrong_answers():
    source = QUIZ.format(id="rules", question="hot", when="try_again", count=1)
    assert only(source)[2] == (
        "goal 'answered' counts 'try_again', which happens only after a wrong answer: a child "
        "who answers every question right would be stuck; count 'right' instead"
    )


@pytest.mark.parametrize(
    "activity, goal, message",
    [
        (
            "{name: attach, pieces: 4}",
            "when: attach\n    count: 5",
            "goal 'g' needs 5 CARs put on, but the lab has 4 ('pieces: 4'): the child would be "
            "stuck at 4 of 5",
        ),
        (
            "attach",
            "when: fit\n    count: 2",
            "goal 'g' needs 2 fits, but the CAR fits a cell once: the child would be stuck at 1 "
            "of 2",
        ),
        (
            "attach",
            "when: back\n    count: 1",
            "goal 'g' counts 'back', which happens only when a CAR is let go off the cell: a "
            "child who puts each one on would be stuck; count 'attach' instead",
        ),
        (
            "{name: multiply, generations: 3}",
            "when: split\n    count: 4",
            "goal 'g' needs 4 splits, but the cells split 3 times ('generations: 3'): the child "
            "would be stuck at 3 of 4",
        ),
        (
            "{name: drip, drops: 2}",
            "when: drip\n    count: 3",
            "goal 'g' needs 3 drops, but the IV bag holds 2 ('drops: 2'): the child would be "
            "stuck at 2 of 3",
        ),
        (
            "drip",
            "when: drop\n    marker: cd19\n    count: 1",
            "goal 'g' counts only 'drop' about cells with 'cd19', but a 'drop' is never about "
            "one, so it would never count: remove 'marker'",
        ),
    ],
)
def test_every_activity_refuses_a_goal_it_cannot_fill(activity, goal, message):
    source = (
        f"version: 1\nid: rules\ntitle: Rules\nactivity: {activity}\nlines: []\n"
        f"goals:\n  - id: g\n    {goal}\n"
    )
    assert only(source) == (*at(source, "id: g"), message)


def test_a_collect_goal_counts_the_t_cells_of_its_actor():
    source = (
        "version: 1\nid: rules\ntitle: Rules\nactivity: collect\nlines: []\n"
        "actors:\n  - id: t\n    kind: t_cell\n    count: 3\n"
        "  - id: u\n    kind: t_cell\n    count: 1\n"
        "goals:\n  - id: g\n    when: collect\n    actor: u\n    count: 2\n"
    )
    assert only(source) == (
        *at(source, "id: g"),
        "goal 'g' needs 2 T cells, but the scene has 1: the child would be stuck at 1 of 2",
    )


def test_a_choose_goal_larger_than_its_choices():
    source = textwrap.dedent(
        """\
        version: 1
        id: rules
        title: Rules
        activity: choose
        lines: []
        choices:
          - id: name
            keep: name
            options:
              - {id: rules.sam, text: Sam, picture: star}
        goals:
          - id: picked
            when: pick
            count: 2
        """
    )
    assert only(source) == (
        *at(source, "id: picked"),
        "goal 'picked' needs 2 picks, but the chapter has 1 choices: the child would be stuck "
        "at 1 of 2",
    )


# quiz ids across chapters (an error: answers are saved by question id) ----------------------------
def test_a_quiz_question_id_used_in_two_chapters(tmp_path):
    first = tmp_path / "quiz_a.yaml"
    second = tmp_path / "quiz_b.yaml"
    first.write_text(QUIZ.format(id="quiz_a", question="hot", when="right", count=1))
    source = QUIZ.format(id="quiz_b", question="hot", when="right", count=1)
    second.write_text(source)
    _, problems = check_files([first, second])
    line, col = at(source, "- id: hot")
    assert [str(p) for p in problems] == [
        f"{second}:{line}:{col + 2}: the quiz question id 'hot' is also used at "
        f"{first}:{line}:{col + 2}: answers are saved by question id for the whole journey, "
        "so give each quiz question its own id"
    ]
