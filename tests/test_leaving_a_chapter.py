"""Leaving a chapter before its end and coming back, as a child does: pause, then back to the
journey map (or the grown-up's corner), then the same stop again. A quiz goes on where the
child was, within the session."""

from __future__ import annotations

import pygame
import pytest
import test_facilitator as tf

from game.script.catalog import load_all


@pytest.fixture(scope="module")
def scenes():
    return load_all()


def until(app, done, limit: int = 60 * 120) -> None:
    for _ in range(limit):
        if done():
            return
        if app.play is not None and app.screen is app.play:
            app.play.narrator.chars_per_second = 600.0  # a quick reader: the test runs sooner
        tf.run(app)
    raise AssertionError("waited too long")


def answer_right(app) -> str:
    """Wait for the question to be heard, then tap its right picture as a finger does."""
    until(app, lambda: app.play.rules.answerable)
    rules = app.play.rules
    question = rules.choice.id
    right = next(o for o in rules.options if o.right)
    x, y, w, h = rules.tiles[rules.options.index(right)]
    tf.tap(x + w / 2, y + h / 2)
    tf.run(app, 2)
    assert app.session.answers[question].solved
    return question


def go_to_the_quiz_again(app) -> None:
    assert type(app.screen).__name__ == "JourneyMap" and app.screen.target == "cheer"
    tf.press(app, "go")
    assert app.screen is app.play and app.scene_id == "cheer"


def test_the_quiz_left_through_the_grown_ups_corner_goes_on_where_the_child_was(scenes, display):
    app = tf.make_app(scenes, display, first="cheer", show_map=False)
    cheer = app.play.scene
    done = [answer_right(app)]
    until(app, lambda: app.play.rules.choice.id != done[0])
    done.append(answer_right(app))
    kept = {q: (a.tries, a.solved) for q, a in app.session.answers.items()}
    tf.open_panel(app)
    tf.press(app, "map")
    go_to_the_quiz_again(app)
    until(app, lambda: app.play.rules.asking)
    assert app.play.rules.choice.id == cheer.choices[2].id
    assert app.play.chapter.runner.progress["answered"] == 2
    assert {q: (a.tries, a.solved) for q, a in app.session.answers.items()} == kept
    # the grown-up's 'Start this chapter again' starts it from the first question
    tf.open_panel(app)
    tf.press(app, "restart")
    until(app, lambda: app.play.rules.asking)
    assert app.play.rules.choice.id == cheer.choices[0].id
    pygame.event.clear()
