"""The game plays itself headless: the bot's taps and drags go through the real input path."""

from __future__ import annotations

import asyncio
import re

import pygame

from game.app.demo_report import how_far
from game.app.loop import App, StepClock
from game.cli import main
from game.script.catalog import load_all


def test_demo_of_the_hunt_reaches_its_goal(capsys):
    assert main(["demo", "--scene", "hunt", "--headless", "--frames", "3600"]) == 0
    assert capsys.readouterr().out == "demo: goals reached; 1 chapter played to its goals: hunt\n"


def test_demo_with_too_few_frames_says_the_goal_was_not_reached_and_how_far_it_got(capsys):
    assert main(["demo", "--scene", "hunt", "--headless", "--frames", "300"]) == 1
    said = capsys.readouterr().out  # (a new child first: their colour, who is playing)
    assert said.startswith("demo: goals not reached after 300 frames (5 s): in chapter ")
    assert re.search(r"'hunt', 0 of 1 goals reached \(find_leukemia: \d+ of \d+\)", said)
    assert said.rstrip().endswith("chapters finished: 0 of 9")


def test_a_whole_journey_demo_out_of_frames_names_the_chapter_its_goals_and_those_finished(
    tmp_path, capsys
):
    args = ["demo", "--headless", "--frames", "600", "--data-dir", str(tmp_path)]
    assert main(args) == 1
    said = capsys.readouterr().out
    assert said.startswith("demo: goals not reached after 600 frames (10 s): in chapter 1 of 9")
    assert "'meet', 0 of 1 goals reached" in said


def test_how_far_on_the_map_counts_the_chapters_finished(display):
    app = App(load_all(), "lab", display, StepClock(), show_map=True)
    app.session.played_chapter("meet")
    app.session.played_chapter("collect")
    assert how_far(app).endswith(
        "on the journey map, before chapter 3 of 9 'lab'; chapters finished: 2 of 9 (meet, collect)"
    )


def test_demo_plays_by_touch_events_through_the_intent_reader(display, monkeypatch):
    seen = []
    app = App(load_all(), "hunt", display, StepClock(), demo=True, stop_when_done=True)
    original = app.reader.read

    def spy(events):
        events = list(events)
        seen.extend(e.type for e in events)
        return original(events)

    monkeypatch.setattr(app.reader, "read", spy)
    result = asyncio.run(app.run(3600))
    assert result.goals_reached and not result.crashed
    assert pygame.FINGERDOWN in seen and pygame.FINGERMOTION in seen
    assert seen.count(pygame.MOUSEBUTTONDOWN) == seen.count(pygame.FINGERDOWN)


def test_an_unexpected_error_shows_the_break_screen_and_keep_going_restarts(
    display, monkeypatch, tmp_path
):
    from game import logs
    from game.app.screens.break_screen import KEEP_GOING, BreakScreen

    log_path = logs.setup_logging()
    app = App(load_all(), "hunt", display, StepClock())

    def broken(dt):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(app.play.rules, "update", broken)
    asyncio.run(app.run(3))
    assert isinstance(app.screen, BreakScreen) and app.result.crashed
    assert "ZeroDivisionError: a bug" in log_path.read_text()
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=KEEP_GOING.center, button=1, touch=False)
    )
    asyncio.run(app.run(app.result.frames + 2))
    assert app.screen is app.play and app.play.scene.id == "hunt"


def test_after_the_goals_the_closing_lines_come_soon_and_then_the_card(display):
    app = App(load_all(), "hunt", display, StepClock(), demo=True)
    app._draw = lambda: None  # drawing only reads state: 80 s of hunt go faster undrawn
    while not app.play.card_showing and app.result.frames < 60 * 90:
        app.frame()  # one step at a time, as the bot taps the card at once
    history = app.play.narrator.history
    assert app.play.card_showing, history
    closing = next(t.say for t in app.play.scene.triggers if t.when == "all_done")
    assert closing[0] == "hunt.done" and history[-len(closing) :] == list(closing)
    assert "hunt.how_to" not in history[history.index("hunt.first_match") :]
    assert len(history) == len(set(history)) or history.count("hunt.no_fit") <= 2
