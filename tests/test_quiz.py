"""The teach-back quiz as a child life specialist relies on it: an answer counts only once the
question has been heard, an answer after the glowing hint is recorded as with help, questions
about what was left out are not asked, and each age band sees its own answers. Results and the
summary picture say how each question went, and a saved profile keeps it."""

from __future__ import annotations

import re
import textwrap
from dataclasses import replace
from datetime import datetime

import pygame
import pytest

from conftest import ROOT, problems_in
from game.app.ui import art
from game.profile.profile import Profile
from game.script.catalog import check_files, journey, load_all
from game.script.chapter import Chapter, play_with_bot
from game.script.narrator import Timing
from game.script.schema import parse_scene
from game.script.session import Answer, Session
from game.world import picks

STEP = 1 / 60


@pytest.fixture(scope="module")
def scenes():
    return load_all()


def tap_option(chapter: Chapter, option) -> None:
    """A finger on the picture of ``option``, then the frame that reads it."""
    rules = chapter.rules
    x, y, w, h = rules.tiles[rules.options.index(option)]
    chapter.point(x + w / 2, y + h / 2)
    chapter.release()
    chapter.update(STEP)


def until(chapter: Chapter, done, limit: float = 120.0) -> None:
    start = chapter.clock
    while not done():
        assert chapter.clock - start < limit, "waited too long"
        chapter.update(STEP)


def right_of(rules) -> object:
    return next(o for o in rules.options if o.right)


# heard first -----------------------------------------------------------------------------------
def test_a_tap_before_the_question_has_been_said_is_not_an_answer(scenes):
    chapter = Chapter(scenes["cheer"])
    chapter.update(STEP)
    rules = chapter.rules
    question = rules.choice
    assert rules.listening_for == question.ask and not rules.answerable
    assert rules.spots() == []  # one switch: nothing to choose yet
    tap_option(chapter, right_of(rules))
    assert chapter.session.answers == {} and rules.chosen == set()
    until(chapter, lambda: rules.answerable)  # the opening lines, then the question, in full
    assert question.ask in chapter.narrator.history and rules.listening_for is None
    assert len(rules.spots()) == len(rules.options)
    tap_option(chapter, right_of(rules))
    answer = chapter.session.answers[question.id]
    assert (answer.tries, answer.right_first_try, answer.with_help) == (1, True, False)


def test_a_wrong_answer_hears_show_you_again_then_the_explanation(scenes):
    chapter = Chapter(scenes["cheer"])
    rules = chapter.rules
    until(chapter, lambda: rules.answerable)
    wrong = next(o for o in rules.options if not o.right)
    explanation = wrong.say or rules.choice.explain
    tap_option(chapter, wrong)
    until(chapter, lambda: explanation in chapter.narrator.history)
    said = list(chapter.narrator.history)
    assert said.index("cheer.try") < said.index(explanation)


def test_a_wrong_answer_shows_the_right_picture_while_it_is_explained(scenes, display):
    """ "Let me show you again." shows something: the right picture glows while the explanation
    is said (a play-test saw nothing change), and the answer after it is recorded with help."""
    from game.app.views.board_view import BoardView
    from game.script.texts import build_strings, load_library

    strings = build_strings(scenes, load_library())
    chapter = Chapter(scenes["cheer"], strings=strings)
    rules = chapter.rules
    view = BoardView(scenes["cheer"], rules, chapter.session, strings)
    until(chapter, lambda: rules.answerable)
    question, right = rules.choice, right_of(rules)
    wrong = next(o for o in rules.options if not o.right)
    explanation = wrong.say or question.explain
    canvas = pygame.Surface((1280, 800))
    x, y, w, _ = map(round, rules.tiles[rules.options.index(right)])
    around = [(px, y - 2) for px in range(x + 40, x + w - 40, 4)]  # just above the right card

    def glowing() -> bool:
        view.draw(canvas, chapter.runner)
        return any(canvas.get_at(point)[:3] == art.YELLOW for point in around)

    assert not glowing()
    tap_option(chapter, wrong)
    until(chapter, lambda: chapter.narrator.current.line_id == explanation)
    assert rules.hint_option() == right and glowing()
    tap_option(chapter, right)
    answer = chapter.session.answers[question.id]
    assert answer.solved and answer.with_help and answer.tries == 2


def test_the_question_stays_written_above_the_pictures_while_a_hint_is_said(scenes, display):
    from game.app.views.board_view import QUESTION_TOP, BoardView
    from game.script.texts import build_strings, load_library

    strings = build_strings(scenes, load_library())
    chapter = Chapter(scenes["cheer"], strings=strings)
    rules = chapter.rules
    view = BoardView(scenes["cheer"], rules, chapter.session, strings)
    question = strings.get(rules.choice.ask)
    assert view.question() is None  # not before it is asked
    until(chapter, lambda: rules.answerable)
    assert view.question() == question
    # Given a child who waits: the hint takes the narration box...
    until(chapter, lambda: chapter.narrator.current.line_id == "cheer.hint", limit=60.0)
    assert question not in chapter.narrator.text
    # ...then the question is still written above the pictures, in ink on its card
    assert view.question() == question
    canvas = pygame.Surface((1280, 800))
    view.draw(canvas, chapter.runner)
    band = pygame.Rect(40, QUESTION_TOP, 1200, round(rules.tiles[0][1]) - QUESTION_TOP)
    assert any(
        canvas.get_at((x, y))[:3] == art.INK
        for x in range(band.left, band.right, 2)
        for y in range(band.top, band.bottom, 2)
    )


@pytest.mark.parametrize("text_size", ["normal", "largest"])
def test_two_pictures_are_big_far_apart_and_clear_of_the_question_and_the_words(
    scenes, display, text_size
):
    """A small finger on a tablet: each two-picture question (most of them, for ages 4 to 6)
    has big cards with room between them, the question written above them and the narration
    box, even at its tallest, below them."""
    from game.app.ui import theme
    from game.app.views.board_view import QUESTION_TOP, BoardView
    from game.app.views.narration_view import NarrationView
    from game.script.texts import build_strings, load_library

    theme.use(theme.Look(text_size=text_size))
    try:
        strings = build_strings(scenes, load_library())
        strings.set_band("little")
        chapter = Chapter(scenes["cheer"], session=Session(band="little"), strings=strings)
        rules = chapter.rules
        view = BoardView(scenes["cheer"], rules, chapter.session, strings)
        narration = NarrationView(strings)
        canvas = pygame.Surface((1280, 800))
        pairs = 0
        while not rules.finished:
            until(chapter, lambda: rules.answerable)
            if len(rules.options) == 2:
                pairs += 1
                (x1, y1, w1, h1), (x2, _, w2, h2) = rules.tiles
                assert min(w1, h1, w2, h2) >= 320, "cards big enough for a small finger"
                assert x2 - (x1 + w1) >= 120, "room between the two cards"
                view.draw(canvas, chapter.runner)
                assert view.question() is not None  # still written above them
                assert y1 > QUESTION_TOP + 60
                narration.draw(canvas, chapter.narrator, chapter.clock)
                assert y1 + h1 < narration.box.top, "the narration box covers no card"
            tap_option(chapter, right_of(rules))
            until(chapter, lambda: rules.finished or (rules.choice and not rules.chosen))
        assert pairs >= 5
    finally:
        theme.use(theme.Look())


def bunting() -> list[pygame.Rect]:
    """Where the party's bunting hangs, read from its picture (assets/backgrounds/party.svg):
    the string and its flags down each side, each with its stroke's width round it."""
    svg = (ROOT / "assets" / "backgrounds" / "party.svg").read_text(encoding="utf-8")
    sides: dict[bool, list[tuple[float, float]]] = {True: [], False: []}
    for path in re.findall(r'<path d="([^"]+)"', svg):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path)]
        points = list(zip(numbers[0::2], numbers[1::2], strict=True))
        sides[points[0][0] < 640] += points
    rects = []
    for points in sides.values():
        xs, ys = [x for x, _ in points], [y for _, y in points]
        rect = pygame.Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        rects.append(rect.inflate(4, 4))
    return rects


def test_the_bunting_is_read_from_the_party_picture():
    left, right = sorted(bunting(), key=lambda r: r.x)
    assert left.left <= 26 and left.right >= 72 and left.top <= 110 and left.bottom >= 620
    assert right.left <= 1208 and right.right >= 1254


def each_question(chapter: Chapter):
    """Play the quiz through: each question once it is asked, then its right answer."""
    rules = chapter.rules
    while not rules.finished:
        until(chapter, lambda: rules.answerable)
        yield rules.choice
        tap_option(chapter, right_of(rules))
        until(chapter, lambda: rules.finished or (rules.choice and not rules.chosen))


@pytest.mark.parametrize("role", ["patient", "sibling"])
def test_every_question_is_written_clear_of_the_bunting(scenes, display, role):
    """Play-test: a long question ran into the bunting at the top of the quiz (Spanish 'Después
    de que vuelvan las células CAR T, ¿dónde te quedas?' most). Every question of the quiz, in
    English and Spanish and for every age band, is written (wrapped or smaller) on a card that
    stands clear of the bunting on both sides and above its pictures."""
    from game.app.views.board_view import BoardView
    from game.script.texts import build_strings, load_library

    strings = build_strings(scenes, load_library())
    strings.set_role(role)
    flags = bunting()
    seen = set()
    for band in ("little", "middle", "older"):
        strings.set_band(band)
        chapter = Chapter(scenes["cheer"], session=Session(band=band), strings=strings)
        view = BoardView(scenes["cheer"], chapter.rules, chapter.session, strings)
        for choice in each_question(chapter):
            top = min(y for _, y, _, _ in chapter.rules.tiles)
            for language in ("en", "es"):
                strings.set_language(language)
                words = strings.get(choice.ask)
                card = view.question_rect()
                assert card is not None, (language, band, words)  # written, not left out
                assert card.collidelist(flags) == -1, (language, band, words, card)
                assert card.bottom <= top, (language, band, words)
                seen.add((language, band, choice.id))
    assert len(seen) == 2 * (6 + 9 + 9)


class SlowVoice:
    """A voice that takes four seconds over every line."""

    def speak(self, line_id: str) -> Timing:
        return Timing(4.0)

    def hush(self) -> None:
        pass


def test_while_the_voice_still_says_the_question_the_pictures_wait(scenes):
    chapter = Chapter(scenes["cheer"], speaker=SlowVoice())
    rules = chapter.rules
    until(
        chapter,
        lambda: (
            chapter.narrator.current is not None
            and chapter.narrator.current.line_id == rules.choice.ask
        ),
    )
    narrator = chapter.narrator
    assert narrator.visible_text == narrator.text  # the words are all on screen...
    assert narrator.speaking and not rules.answerable  # ...but still being said
    tap_option(chapter, right_of(rules))
    assert chapter.session.answers == {}
    until(chapter, lambda: not narrator.speaking)
    assert rules.answerable


def test_the_bot_waits_for_the_question_too(scenes):
    chapter = Chapter(scenes["cheer"])
    bot = picks.BoardBot()
    chapter.update(STEP)
    for _ in range(600):  # ten seconds of a bot that would tap at once if it could
        if not chapter.rules.answerable:
            assert bot.step(chapter.rules, STEP) == []
        chapter.update(STEP)
    assert play_with_bot(chapter) < 600 and chapter.card_showing


# help ------------------------------------------------------------------------------------------
def test_an_answer_after_the_glowing_hint_is_with_help_never_right_first_time(scenes):
    chapter = Chapter(scenes["cheer"])
    rules = chapter.rules
    until(chapter, lambda: rules.answerable)
    question = rules.choice
    until(chapter, lambda: rules.hint_option() is not None, limit=60)  # stuck: the glow comes
    assert rules.assist >= 2 and "cheer.hint_more" in chapter.narrator.history
    tap_option(chapter, rules.hint_option())
    answer = chapter.session.answers[question.id]
    assert answer.with_help and answer.solved and answer.tries == 1
    assert not answer.right_first_try
    until(chapter, lambda: rules.choice is not question)
    assert rules.assist == 0 and rules.hint_option() is None  # the next question starts afresh


def test_help_after_a_wrong_try_is_still_help():
    session = Session()
    session.answer("q", False)
    session.answer("q", True, with_help=True)
    assert session.answers["q"] == Answer(
        tries=2, right_first_try=False, solved=True, with_help=True
    )
    session.answer("r", True, with_help=True)
    assert not session.answers["r"].right_first_try


# left and come back ----------------------------------------------------------------------------
def answer_right(chapter: Chapter) -> str:
    """Wait for the question to be heard, tap its right picture; the question's id."""
    rules = chapter.rules
    until(chapter, lambda: rules.answerable)
    question = rules.choice.id
    tap_option(chapter, right_of(rules))
    return question


def test_a_quiz_left_and_played_again_in_the_session_goes_on_where_the_child_was(scenes):
    cheer = scenes["cheer"]
    session = Session()
    first = Chapter(cheer, session=session)
    first_rules = first.rules
    until(first, lambda: first_rules.answerable)
    wrong = next(o for o in first_rules.options if not o.right)
    tap_option(first, wrong)  # one wrong try, kept
    done = [answer_right(first)]
    until(first, lambda: first_rules.choice.id != done[0])
    done.append(answer_right(first))
    kept = dict(session.answers)
    assert kept[done[0]].tries == 2 and not first.complete
    # left for the map; then the quiz again, in the same session
    again = Chapter(cheer, session=session)
    until(again, lambda: again.rules.asking)
    assert again.rules.choice.id == cheer.choices[2].id  # the first one not answered
    assert again.runner.progress["answered"] == 2  # the stars the child had
    assert session.answers == kept  # nothing answered again, nothing lost
    play_with_bot(again)
    assert again.card_showing and again.complete
    assert list(session.answers) == [c.id for c in cheer.choices]
    assert session.answers[done[0]].tries == 2  # counted once, as it went
    # played to its end: the next time it starts at the first question
    fresh = Chapter(cheer, session=session)
    until(fresh, lambda: fresh.rules.asking)
    assert fresh.rules.choice.id == cheer.choices[0].id
    assert fresh.runner.progress["answered"] == 0


def test_a_new_session_starts_the_quiz_at_its_first_question(scenes):
    cheer = scenes["cheer"]
    session = Session()
    chapter = Chapter(cheer, session=session)
    answer_right(chapter)
    profile = Profile("child-1")
    profile.take(session)
    later = Chapter(cheer, session=profile.session({}))  # another day
    until(later, lambda: later.rules.asking)
    assert later.rules.choice.id == cheer.choices[0].id


# left out --------------------------------------------------------------------------------------
def about_first(cheer, *names: str):
    """The quiz with only its first question about ``names``."""
    choices = tuple(replace(c, about=names if i == 0 else ()) for i, c in enumerate(cheer.choices))
    return replace(cheer, choices=choices)


def test_a_question_about_a_left_out_chapter_is_skipped_and_the_quiz_still_ends(scenes):
    cheer = about_first(scenes["cheer"], "after")
    skipped = cheer.choices[0].id
    assert cheer.without(["healthy_b_cells"]) is cheer  # nothing it asks about is left out
    without = cheer.without(["after"])
    assert [c.id for c in without.choices] == [c.id for c in cheer.choices[1:]]
    answered = next(g for g in cheer.goals if g.when == "right")
    assert next(g for g in without.goals if g.id == answered.id).count == answered.count - 1
    chapter = Chapter(without, seed=2)
    play_with_bot(chapter)
    assert chapter.card_showing and chapter.complete
    assert skipped not in chapter.session.answers
    assert list(chapter.session.answers) == [c.id for c in without.choices]


def test_a_question_about_a_left_out_detail_is_skipped(scenes):
    cheer = about_first(scenes["cheer"], "after", "healthy_b_cells")
    assert len(cheer.without(["healthy_b_cells"]).choices) == len(cheer.choices) - 1


def test_with_every_question_left_out_the_chapter_ends_after_its_story(scenes):
    cheer = scenes["cheer"]
    everything = replace(cheer, choices=tuple(replace(c, about=("after",)) for c in cheer.choices))
    without = everything.without(["after"])
    assert without.choices == () and all(g.when != "right" for g in without.goals)
    chapter = Chapter(without)
    play_with_bot(chapter)
    assert chapter.card_showing and chapter.session.answers == {}


# age bands -------------------------------------------------------------------------------------
BANDED = """\
version: 1
id: quiz2
title: A quiz
activity: quiz
lines:
  - id: quiz2.ask
    text: Where does your T cell get its CAR?
  - id: quiz2.explain
    text: In the lab.
choices:
  - id: car
    ask: quiz2.ask
    explain: quiz2.explain
    about: [after]
    options:
      - {id: quiz2.a, text: In the lab, picture: lab, right: yes}
      - {id: quiz2.b, text: In the sun, picture: sun, bands: [little, middle]}
      - {id: quiz2.c, text: In the machine, picture: machine, bands: [older]}
      - {id: quiz2.d, text: From the IV bag, picture: iv_bag, bands: older}
goals:
  - id: answered
    when: right
    count: 1
triggers:
  - when: right
    sound: chime
"""


def banded(text: str = BANDED):
    return parse_scene("quiz2.yaml", text.encode(), ROOT / "assets")


def change(old: str, new: str) -> str:
    assert old in BANDED
    return BANDED.replace(old, new, 1)


@pytest.mark.parametrize(
    ("band", "shown"),
    [
        ("little", ["quiz2.a", "quiz2.b"]),
        ("middle", ["quiz2.a", "quiz2.b"]),
        ("older", ["quiz2.a", "quiz2.c", "quiz2.d"]),
    ],
)
def test_each_age_band_sees_its_own_answers_laid_out_as_shown(band, shown):
    scene = banded()
    assert scene.choices[0].about == ("after",)
    rules = picks.QuizRules(scene, session=Session(band=band))
    assert [o.id for o in rules.options] == shown
    assert rules.tiles == picks.quiz_layout(len(shown))
    rules.update(STEP)
    rules.hear("quiz2.ask")
    assert [s.name for s in rules.spots()] == shown


def test_the_chapter_takes_the_band_from_the_words_and_the_bot_plays_it(scenes):
    from game.script.texts import build_strings, load_library

    strings = build_strings(scenes, load_library())
    strings.set_band("older")
    session = Session()
    chapter = Chapter(banded(), session=session, strings=strings)
    assert session.band == "older" and len(chapter.rules.options) == 3
    play_with_bot(chapter)
    assert chapter.card_showing and session.answers["car"].solved


def test_bands_are_checked_where_they_are_written():
    [problem] = problems_in(change("bands: [older]}", "bands: [oldr]}"))
    assert (problem.where.line, problem.where.col) == (18, 71)  # at the name
    assert problem.message.startswith("unknown age band 'oldr' (did you mean 'older'?)")
    [problem] = problems_in(change("bands: [older]}", "bands: []}"))
    assert problem.where.line == 18 and "'bands' needs at least one age band" in problem.message


def test_every_band_keeps_one_right_answer_and_two_pictures():
    no_right = change("right: yes}", "right: yes, bands: [little, middle]}")
    [problem] = problems_in(no_right)
    assert (problem.where.line, problem.where.col) == (11, 5)
    assert problem.message == (
        "each quiz question needs one 'right: yes' for the 'older' age band (it has 0)"
    )
    alone = change("bands: [little, middle]}", "bands: [middle]}")
    [problem] = problems_in(alone)
    assert problem.message == (
        "a quiz question needs at least two pictures for the 'little' age band"
    )


def test_bands_and_about_are_for_quiz_questions_only():
    cards = change("activity: quiz", "activity: cards").replace(", right: yes", "")
    cards = cards.replace("    explain: quiz2.explain\n", "")
    cards = cards.replace("picture: lab}", "picture: lab, say: quiz2.ask}")
    for option in ("b", "c", "d"):
        cards = cards.replace(f"id: quiz2.{option}, ", f"id: quiz2.{option}, say: quiz2.ask, ")
    cards = cards.replace("when: right", "when: card")
    assert [(p.where.line, p.message) for p in problems_in(cards)] == [
        (13, "'about' is for quiz questions, not 'cards'"),
        *((line, "'bands' is for quiz answers, not 'cards'") for line in (16, 17, 18)),
    ]


def test_a_question_names_the_age_bands_it_is_asked_of_where_it_is_written():
    fine = change("    about: [after]\n", "    about: [after]\n    bands: [middle, older]\n")
    assert banded(fine).choices[0].bands == ("middle", "older")
    assert banded(change("    about: [after]\n", "    bands: older\n")).choices[0].bands == (
        "older",
    )
    [problem] = problems_in(fine.replace("bands: [middle, older]", "bands: [midle, older]"))
    assert (problem.where.line, problem.where.col) == (15, 13)  # at the name
    assert problem.message.startswith("unknown age band 'midle' (did you mean 'middle'?)")
    [problem] = problems_in(fine.replace("bands: [middle, older]", "bands: []"))
    assert problem.where.line == 15 and "'bands' needs at least one age band" in problem.message
    # its answers are checked for the bands it is asked of: 'little' sees one picture here,
    # but is never asked
    alone = fine.replace("bands: [little, middle]}", "bands: [middle]}")
    assert problems_in(alone) == []
    assert problems_in(alone.replace("    bands: [middle, older]\n", "")) != []


def test_a_question_s_bands_are_for_the_quiz_only():
    cards = change("activity: quiz", "activity: cards").replace(", right: yes", "")
    explained = "    explain: quiz2.explain\n    about: [after]\n"
    cards = cards.replace(explained, "    bands: [older]\n")
    cards = cards.replace("picture: lab}", "picture: lab, say: quiz2.ask}")
    for option in ("b", "c", "d"):
        cards = cards.replace(f"id: quiz2.{option}, ", f"id: quiz2.{option}, say: quiz2.ask, ")
        cards = cards.replace(", bands: [little, middle]}", "}").replace(", bands: [older]}", "}")
    cards = cards.replace(", bands: older}", "}").replace("when: right", "when: card")
    assert [(p.where.line, p.message) for p in problems_in(cards)] == [
        (13, "'bands' is for quiz questions, not 'cards'"),
    ]
    teach = BANDED.replace("activity: quiz", "activity: cards").split("choices:")[0]
    teach += "teach_back:\n  ask: quiz2.ask\n  bands: [older]\n  options: []\n"
    assert any(
        "a 'teach_back' question is asked of every age band" in p.message
        for p in problems_in(teach)
    )


def test_the_youngest_get_a_shorter_quiz_and_its_answers_are_kept(scenes):
    """Ages 4 to 6 are asked fewer questions (the shipped quiz: six of nine); the chapter
    still ends on its stars, and every answer reaches Results and the session's record."""
    from game.app.grownup.summary import quiz_rows
    from game.profile.records import SessionRecord
    from game.script.texts import build_strings, load_library

    cheer = scenes["cheer"]
    asked = {}
    for band in ("little", "middle"):
        strings = build_strings(scenes, load_library())
        strings.set_band(band)
        chapter = Chapter(cheer, seed=3, session=Session(), strings=strings)
        play_with_bot(chapter)
        assert chapter.card_showing and chapter.complete
        session = chapter.session
        asked[band] = list(session.answers)
        goal = next(g for g in chapter.scene.goals if g.when == "right")
        assert chapter.runner.progress[goal.id] == goal.count == len(asked[band])
        profile = Profile("child-1")
        profile.settings.band = band
        profile.take(session)
        rows = quiz_rows(profile, [scenes[i] for i in journey(scenes)], strings)
        assert [row.question for row in rows] == [
            strings.get(c.ask) for c in cheer.choices if c.id in asked[band]
        ]
        assert all(row.solved for row in rows)
        record = SessionRecord.start([])
        record.update(session, profile.settings, 300.0, [])
        assert list(record.answers) == asked[band] and record.band == band
    assert asked["middle"] == [c.id for c in cheer.choices]
    assert len(asked["little"]) < len(asked["middle"])
    assert asked["little"] == [c.id for c in cheer.choices if "little" in c.bands]


def write(folder, text: str):
    path = folder / "quiz2.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_about_names_a_chapter_or_a_detail_with_a_suggestion(tmp_path):
    assert check_files([write(tmp_path, BANDED)])[1] == []
    fine = change("about: [after]", "about: [healthy_b_cells, hunt]")
    assert check_files([write(tmp_path, fine)])[1] == []  # a detail of a shipped scene
    _, problems = check_files([write(tmp_path, change("about: [after]", "about: [aftr]"))])
    [problem] = problems
    assert (problem.where.line, problem.where.col) == (14, 13)
    assert problem.message == "unknown chapter or detail 'aftr' (did you mean 'after'?)"
    _, problems = check_files([write(tmp_path, change("about: [after]", "about: healty_b_cells"))])
    assert [str(p).split(": ", 1)[1] for p in problems] == [
        "unknown chapter or detail 'healty_b_cells' (did you mean 'healthy_b_cells'?)"
    ]
    [problem] = problems_in(change("about: [after]", "about: [After]"))
    assert problem.where.line == 14 and "is not a valid id" in problem.message


# results ----------------------------------------------------------------------------------------
class Recording:
    """The game's words, noting every id asked for."""

    def __init__(self, strings) -> None:
        self.strings = strings
        self.asked: list[str] = []

    def __getattr__(self, name: str):
        return getattr(self.strings, name)

    def get(self, text_id: str, **fields) -> str:
        self.asked.append(text_id)
        return self.strings.get(text_id, **fields)


def answered_profile(scenes) -> Profile:
    cheer = scenes["cheer"]
    first, second, third = (c.id for c in cheer.choices[:3])
    profile = Profile("child-1")
    profile.played = ["cheer"]
    profile.answers = {
        first: Answer(1, True, True),
        second: Answer(1, False, True, with_help=True),
        third: Answer(3, False, True),
    }
    return profile


def test_results_say_right_first_time_with_help_or_after_tries(scenes):
    from game.app.grownup.summary import quiz_rows
    from game.script.texts import build_strings, load_library

    strings = build_strings(scenes, load_library())
    rows = quiz_rows(answered_profile(scenes), [scenes[i] for i in journey(scenes)], strings)
    assert [row.outcome(strings) for row in rows] == [
        "Right on the first try",
        "With help",
        "After 3 tries",
    ]
    strings.set_language("es")
    assert [row.outcome(strings) for row in rows][1:] == ["Con ayuda", "Después de 3 intentos"]
    unfinished = replace(rows[2], solved=False)
    strings.set_language("en")
    assert unfinished.outcome(strings) == "Not finished yet"


def test_the_results_page_and_the_summary_picture_show_with_help(scenes, display):
    import pygame

    from game.app.grownup.facilitator import FacilitatorPanel
    from game.app.grownup.summary import PAGE, draw_summary
    from game.script.texts import build_strings, load_library

    strings = Recording(build_strings(scenes, load_library()))
    chapters = [scenes[i] for i in journey(scenes)]
    profile = answered_profile(scenes)
    panel = FacilitatorPanel(strings, profile, chapters, None, "cheer", 60.0, [], False)
    panel.strings = Recording(panel.strings)  # the panel's own words (the grown-up's language)
    panel.press("page:results")
    canvas = pygame.Surface((1280, 800))
    panel.draw(canvas)
    outcomes = ("ui.results.first_yes", "ui.results.with_help", "ui.results.after_tries")
    # each row's outcome, in order (the page also asks them to lay its pages out)
    asked = [i for i in panel.strings.asked if i in outcomes]
    assert list(dict.fromkeys(asked)) == list(outcomes)
    strings.asked.clear()
    page = draw_summary(profile, chapters, strings, datetime(2026, 12, 1, 10, 0))
    assert page.get_size() == PAGE
    assert [i for i in strings.asked if i in outcomes] == list(outcomes)
    assert "ui.results.first_no" not in strings.asked


# saved -----------------------------------------------------------------------------------------
def test_with_help_is_saved_and_an_older_save_still_loads(scenes):
    profile = answered_profile(scenes)
    again = Profile.from_dict(profile.to_dict())
    assert again.answers == profile.answers
    session = again.session({})
    assert session.answers == profile.answers and session.band == profile.settings.band
    again.take(session)
    assert again.answers == profile.answers

    older = profile.to_dict()
    for saved in older["answers"].values():
        del saved["with_help"]  # as saved before answers knew about help
    loaded = Profile.from_dict(older)
    assert not any(a.with_help for a in loaded.answers.values())
    assert [a.right_first_try for a in loaded.answers.values()] == [True, False, False]

    mixed = profile.to_dict()
    second = list(mixed["answers"])[1]
    mixed["answers"][second]["right_first_try"] = True  # a hand-edited file: help wins
    assert not Profile.from_dict(mixed).answers[second].right_first_try


@pytest.mark.parametrize("band", ["middle", "little"])
def test_after_the_last_answer_each_closing_line_is_said_once_and_the_question_stays_gone(
    scenes, band
):
    """Play-test report (seen once, not reproduced here): after the quiz's last answer the
    question came back, its 'Yes! In or near the hospital...' was said again and 'You can
    feel proud' never came. Played to its end by the demo bot, timed by the English voice
    files: once the last question is answered and gone, no question comes back, and its answer,
    'proud' and 'bye' are said once each, in that order."""
    from test_meet import RecordedVoice

    from game.script.chapter import bot_turn
    from game.script.texts import build_strings, load_library

    strings = build_strings(scenes, load_library())
    strings.set_band(band)
    chapter = Chapter(scenes["cheer"], session=Session(band=band), strings=strings)
    chapter.narrator.speaker = RecordedVoice(band)
    last = chapter.scene.choices[-1]
    bot = chapter.spec.make_bot()
    gone = False
    while not chapter.card_showing:
        assert chapter.clock < 400, chapter.narrator.history
        bot_turn(chapter, bot, 1 / 60)
        chapter.update(1 / 60)
        gone = gone or chapter.rules.finished
        assert not (gone and chapter.rules.on_show), "the question came back"
    history = chapter.narrator.history
    right = next(o.say for o in last.options if o.right)
    closing = [right, "cheer.proud", "cheer.bye"]
    assert history[history.index(last.ask) :][-3:] == closing, history
    assert all(history.count(line) == 1 for line in closing), history
