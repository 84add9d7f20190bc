"""The feelings check-in at the start and end of a session, and teach-back after each chapter,
played through the app by taps as a child and a child life specialist would; what the summary
picture lists of them; and old saves without them still loading."""

from __future__ import annotations

import asyncio
from datetime import datetime

import pygame
import pytest

from conftest import problems_in
from game.script.catalog import journey, load_all

TEACH_BACK = """\
version: 1
id: mini
title: Mini
activity: multiply
lines:
  - {id: mini.ask, text: How many?}
  - {id: mini.explain, text: Very many.}
  - {id: mini.yes, text: Yes! Very many.}
goals:
  - {id: fill, when: split, count: 2}
teach_back:
  ask: mini.ask
  explain: mini.explain
  options:
    - {id: mini.a, text: One, picture: t_cell}
    - {id: mini.b, text: Many, picture: many_cells, right: yes, say: mini.yes}
"""


@pytest.fixture(scope="module")
def scenes():
    return load_all()


def run(app, frames: int = 1) -> None:
    asyncio.run(app.run(app.result.frames + frames))


def tap(app, x: float, y: float, frames: int = 1) -> None:
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        pygame.event.post(pygame.event.Event(kind, pos=(round(x), round(y)), button=1))
    run(app, frames)


def make_app(scenes, display, folder, **settings):
    from game.app.loop import App, StepClock
    from game.profile.settings import Settings
    from game.profile.store import ProfileStore

    defaults = Settings(voice=False, **settings)
    store = ProfileStore(folder, ("en", "es"))
    return App(scenes, "meet", display, StepClock(), show_map=True, store=store, defaults=defaults)


def new_child(app) -> None:
    from game.app.screens.profiles_screen import SKIP

    for name in ("colour:meet.colour.lime", "role:patient"):
        tile = next(t for t in app.screen.tiles() if t.name == name)
        tap(app, *tile.rect.center)
    assert app.screen.picking_age  # how old they are: 'Skip' keeps the usual age band
    tap(app, *SKIP.center)


def tap_face(app, face: int) -> None:
    from game.app.screens.feelings import tile_rect

    tap(app, *tile_rect(face - 1).center)


def until(app, done, frames: int = 3000) -> None:
    for _ in range(frames):
        if done():
            return
        run(app)
    raise AssertionError("it never came")


def screen_name(app) -> str:
    return type(app.screen).__name__


# the feelings check-in ----------------------------------------------------------------------------
def test_the_check_in_comes_after_the_child_is_chosen_and_keeps_the_face_tapped(
    scenes, display, tmp_path
):
    app = make_app(scenes, display, tmp_path)
    new_child(app)
    assert screen_name(app) == "FeelingsCheckIn" and app.screen.when == "before"
    assert app.screen.prompt_ids() == ("ui.feelings.ask", "ui.feelings.how")  # said aloud
    assert {"ui.feelings.ask", "ui.feelings.how", "ui.feelings.thanks"} <= set(
        __import__("game.script.model", fromlist=["VOICED_MENUS"]).VOICED_MENUS
    )
    assert [s.name for s in app.screen.spots()] == [f"face:{n}" for n in range(1, 6)]
    tap_face(app, 3)
    assert app.session.feelings == {"before": 3}
    assert app.screen.prompt_ids() == ("ui.feelings.thanks",)  # a kind thank-you, then on
    until(app, lambda: screen_name(app) == "JourneyMap")
    assert app.session.feelings == {"before": 3}


def test_the_check_in_is_left_out_when_the_grown_up_turns_it_off(scenes, display, tmp_path):
    app = make_app(scenes, display, tmp_path, feelings_check_in=False)
    new_child(app)
    assert screen_name(app) == "JourneyMap" and app.session.feelings == {}


def test_a_keyboard_chooses_a_face_with_the_arrows_and_enter(scenes, display, tmp_path):
    app = make_app(scenes, display, tmp_path)
    new_child(app)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0))
    run(app)
    assert app.screen.chosen is None  # Enter before any arrow chooses nothing
    for key in (pygame.K_RIGHT, pygame.K_RIGHT, pygame.K_LEFT):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0))
        run(app)
    assert app.screen.focus == 0
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0))
    run(app)
    assert app.session.feelings == {"before": 1}


def test_the_demo_taps_the_calm_face(display):
    from game.app.screens.feelings import FeelingsCheckIn, tile_rect
    from game.script.session import Session
    from game.script.texts import build_strings, load_library
    from game.world.gestures import Press

    screen = FeelingsCheckIn(build_strings(load_all(), load_library()), Session(), "before")
    screen.update(1.2)
    press = screen.bot_gestures(None, 1 / 60)[0]
    assert isinstance(press, Press) and tile_rect(0).collidepoint(press.x, press.y)


def test_the_end_check_in_comes_after_the_last_chapters_card_then_the_map(
    scenes, display, tmp_path
):
    app = make_app(scenes, display, tmp_path)
    new_child(app)
    tap_face(app, 2)
    until(app, lambda: screen_name(app) == "JourneyMap")
    last = app.chapters[-1].id
    app._start(last)
    app.play.outcome = "map"  # the last chapter's closing card: 'Journey map'
    run(app)
    assert screen_name(app) == "FeelingsCheckIn" and app.screen.when == "after"
    tap_face(app, 1)
    until(app, lambda: screen_name(app) == "JourneyMap")
    assert app.session.feelings == {"before": 2, "after": 1}
    app._start(last)  # played again: asked once a session
    app.play.outcome = "map"
    run(app)
    assert screen_name(app) == "JourneyMap"


def test_ending_the_session_from_the_panel_asks_then_goes_back_to_who_is_playing(
    scenes, display, tmp_path
):
    app = make_app(scenes, display, tmp_path)
    new_child(app)
    tap_face(app, 4)
    until(app, lambda: screen_name(app) == "JourneyMap")
    session = app.session
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_f, mod=pygame.KMOD_LCTRL))
    run(app)
    app.overlay.press("page:session")
    assert {"set:feelings_check_in", "set:teach_back", "end_session"} <= {
        b.name for b in app.overlay.buttons()
    }
    app.overlay.press("end_session")
    run(app)
    assert screen_name(app) == "FeelingsCheckIn" and app.screen.when == "after"
    tap_face(app, 2)
    until(app, lambda: screen_name(app) == "ProfilesScreen")
    assert session.feelings == {"before": 4, "after": 2}


# teach-back ---------------------------------------------------------------------------------------
def finish_chapter(app, scene_id: str) -> None:
    """Play ``scene_id`` to its closing card, then tap its main button."""
    from game.script.chapter import play_with_bot

    app._start(scene_id)
    play_with_bot(app.play.chapter)
    run(app)
    forward = app.play.buttons()[0]
    tap(app, *forward.rect.center)


def answer(app, right: bool) -> None:
    rules = app.play.rules
    until(app, lambda: rules.answerable)
    index = next(i for i, o in enumerate(rules.options) if o.right is right)
    x, y, w, h = rules.tiles[index]
    tap(app, x + w / 2, y + h / 2)


def test_no_teach_back_question_unless_the_grown_up_turns_it_on(scenes, display, tmp_path):
    app = make_app(scenes, display, tmp_path, feelings_check_in=False)
    new_child(app)
    finish_chapter(app, "collect")
    assert screen_name(app) == "JourneyMap"
    assert "collect.teach" not in app.session.answers


def test_after_the_last_chapter_the_map_points_at_the_first_one_not_yet_played(
    scenes, display, tmp_path
):
    """A grown-up started the last chapter from the panel: its closing card's map button leads
    to what the child missed, not back to the first chapter they already played."""
    app = make_app(scenes, display, tmp_path, feelings_check_in=False)
    new_child(app)
    finish_chapter(app, "meet")
    finish_chapter(app, "cheer")
    assert screen_name(app) == "JourneyMap"
    assert app.map_target == "collect"


def test_teach_back_after_a_chapter_records_tries_and_help_and_a_wrong_tap_never_blocks(
    scenes, display, tmp_path
):
    app = make_app(scenes, display, tmp_path, feelings_check_in=False, teach_back=True)
    new_child(app)
    finish_chapter(app, "collect")
    assert app.play.scene.activity.name == "quiz" and app.play.rules.choice.id == "collect.teach"
    assert app.scene_id == "collect"
    answer(app, right=False)
    run(app, 5)
    assert app.play.rules.hint_option() is not None  # the right picture glows: help
    narrator = app.play.chapter.narrator
    said = [narrator.current.line_id, *(waiting.line_id for waiting in narrator.queue)]
    assert "ui.teach.try" in said and "collect.teach.explain" in said  # kind words, again
    answer(app, right=True)
    until(app, lambda: screen_name(app) == "JourneyMap")
    record = app.session.answers["collect.teach"]
    assert (record.tries, record.right_first_try, record.with_help, record.solved) == (
        2,
        False,
        True,
        True,
    )
    assert app.screen.target == "lab"


def test_a_teach_back_answered_at_once_is_right_on_the_first_try(scenes, display, tmp_path):
    app = make_app(scenes, display, tmp_path, feelings_check_in=False, teach_back=True)
    new_child(app)
    finish_chapter(app, "lab")
    answer(app, right=True)
    until(app, lambda: screen_name(app) == "JourneyMap")
    record = app.session.answers["lab.teach"]
    assert (record.tries, record.right_first_try, record.with_help) == (1, True, False)


def test_every_chapter_but_the_final_quiz_has_one_teach_back_question(scenes):
    from game.script.teach_back import teach_back_scene
    from game.script.texts import build_strings, load_library
    from game.world.picks import check_question

    english = build_strings(scenes, load_library()).english
    for scene_id in journey(scenes):
        scene = scenes[scene_id]
        if scene.activity.name == "quiz":
            assert scene.teach_back is None
            continue
        question = scene.teach_back
        assert question is not None and question.id == f"{scene_id}.teach", scene_id
        assert check_question(question, alone=True) == []
        lines = {line.id: line for line in scene.lines}
        assert question.ask in lines and question.explain in lines
        for band in ("little", "middle", "older"):  # short lines, one right picture each
            shown = question.shown_to(band)
            assert sum(o.right for o in shown) == 1 and 2 <= len(shown) <= 4
        for line_id in (question.ask, question.explain, *(o.say for o in question.options)):
            if line_id:
                assert len(lines[line_id].text.split()) <= 13, line_id
        quiz = teach_back_scene(scene, english)
        assert quiz is not None and quiz.choices == (question,)


def test_the_teach_back_block_is_checked_like_a_quiz_question():
    assert problems_in(TEACH_BACK) == []
    two_right = TEACH_BACK.replace("picture: t_cell}", "picture: t_cell, right: yes}")
    assert any("one 'right: yes'" in p.message for p in problems_in(two_right))
    unknown = TEACH_BACK.replace("explain: mini.explain", "explain: mini.explian")
    assert any("unknown line 'mini.explian'" in p.message for p in problems_in(unknown))
    named = TEACH_BACK.replace("teach_back:\n", "teach_back:\n  id: quiz\n")
    assert any("'mini.teach'" in p.message for p in problems_in(named))
    no_ask = TEACH_BACK.replace("  ask: mini.ask\n", "")
    assert any("needs 'ask'" in p.message for p in problems_in(no_ask))


# the summary picture, and old saves ---------------------------------------------------------------
def test_the_summary_lists_the_feelings_as_faces_and_each_teach_back_answer(scenes, display):
    from game.app.grownup.summary import MARGIN, PAGE, draw_summary, feelings_rows, quiz_rows
    from game.profile.profile import Profile
    from game.script.session import Answer
    from game.script.texts import build_strings, load_library

    strings = build_strings(scenes, load_library())
    assert feelings_rows({"before": 4, "after": 1}, strings) == [
        ("At the start", 4),
        ("At the end", 1),
    ]
    assert feelings_rows({"before": 0, "after": "5"}, strings) == []  # never a stray number
    chapters = [scenes[i] for i in journey(scenes)]
    profile = Profile("child-1")
    profile.played = [s.id for s in chapters]
    questions = [s.teach_back for s in chapters if s.teach_back] + list(scenes["cheer"].choices)
    profile.answers = {c.id: Answer(2, False, True, True) for c in questions}
    rows = quiz_rows(profile, chapters, strings, teach_back=True)
    asked = [strings.get(c.ask) for c in questions]
    assert [r.question for r in rows] == asked  # teach-back in journey order, then the quiz
    assert rows[0].question == "What do T cells look for?"
    assert len(quiz_rows(profile, chapters, strings)) == len(scenes["cheer"].choices)
    page = draw_summary(
        profile, chapters, strings, datetime(2026, 12, 1), {"before": 4, "after": 1}
    )
    bottom = page.subsurface((0, PAGE[1] - MARGIN // 2, PAGE[0], MARGIN // 2))
    assert pygame.transform.average_color(bottom)[:3] == (255, 255, 255)  # all on the page


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_word_on_the_summary_lies_whole_inside_the_picture(scenes, display, language):
    """Play-test: 'At the end: Happ' ran off the right edge. With the longest feeling words
    (either way round) and a long name, every text drawn on the page lies inside it, and the
    feeling words are drawn whole."""
    from game.app.grownup import summary
    from game.app.screens.feelings import MOODS
    from game.app.ui import text
    from game.profile.profile import NAME_LENGTH, Profile
    from game.script.texts import build_strings, load_library

    strings = build_strings(scenes, load_library())
    strings.set_language(language)
    chapters = [scenes[i] for i in journey(scenes)]
    profile = Profile("child-1", child_name="W" * NAME_LENGTH)
    profile.played = [s.id for s in chapters]
    longest = sorted(
        range(1, len(MOODS) + 1), key=lambda f: len(strings.get(f"ui.feelings.{MOODS[f - 1]}"))
    )[-2:]
    render = text.render
    drawn: list[tuple[str, pygame.Rect]] = []
    said: dict[int, tuple[str, pygame.Surface]] = {}  # the images kept: ids stay theirs

    def spy(words, *args, **kwargs):
        image = render(words, *args, **kwargs)
        said[id(image)] = (words, image)
        return image

    class Page(pygame.Surface):
        def blit(self, source, dest, *args, **kwargs):
            if id(source) in said:
                where = pygame.Rect(dest[0], dest[1], *source.get_size())
                drawn.append((said[id(source)][0], where))
            return super().blit(source, dest, *args, **kwargs)

    for before, after in (longest, longest[::-1], (1, 5)):
        drawn.clear()
        feelings = {"before": before, "after": after}
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(text, "render", spy)
            patch.setattr(summary.pygame, "Surface", Page)
            page = summary.draw_summary(profile, chapters, strings, datetime(2026, 12, 1), feelings)
        inside = page.get_rect().inflate(-summary.MARGIN, -summary.MARGIN)
        assert drawn and all(inside.contains(rect) for _, rect in drawn), [
            (words, rect) for words, rect in drawn if not inside.contains(rect)
        ]
        texts = " ".join(words for words, _ in drawn)
        for face in (before, after):
            assert strings.get(f"ui.feelings.{MOODS[face - 1]}") in texts
        assert "W" * NAME_LENGTH in texts


def test_old_settings_and_profiles_without_the_new_fields_still_load():
    from game.profile.profile import Profile
    from game.profile.settings import Settings

    old = Settings().to_dict()
    del old["feelings_check_in"], old["teach_back"]
    settings = Settings.from_dict(old)
    assert settings.feelings_check_in is True and settings.teach_back is False
    saved = {
        "version": 1,
        "id": "child-1",
        "picked": {"colour": "meet.colour.sky"},
        "played": ["meet"],
        "answers": {"t_cell": {"tries": 1, "right_first_try": True, "solved": True}},
        "settings": old,
    }
    profile = Profile.from_dict(saved)
    assert profile.settings.feelings_check_in and not profile.settings.teach_back
    assert profile.session({}).feelings == {}
    wrong = Settings.from_dict({**old, "feelings_check_in": "no", "teach_back": 1})
    assert wrong.feelings_check_in is True and wrong.teach_back is False
