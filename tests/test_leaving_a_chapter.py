"""Leaving a chapter before its end and coming back, as a child does: pause, then back to the
journey map (or the grown-up's corner), then the same stop again. A quiz goes on where the
child was, within the session."""

from __future__ import annotations

import pygame
import pytest
import test_facilitator as tf

from game.script.catalog import load_all
from game.script.chapter import play_with_bot


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


# pause: keep playing, or back to the map --------------------------------------------------------
def pause(app):
    from game.app.screens.notice import Notice
    from game.app.screens.play import PAUSE

    tf.tap(*PAUSE.center)
    tf.run(app)
    assert isinstance(app.overlay, Notice) and app.overlay.title == "ui.pause.title"
    return app.overlay


def test_pause_offers_a_soft_way_back_to_the_map_and_the_quiz_goes_on_from_there(scenes, display):
    app = tf.make_app(scenes, display, first="cheer", show_map=False)
    cheer = app.play.scene
    answered = answer_right(app)
    paused = pause(app)
    names = [b.name for b in paused.buttons()]
    assert names == ["close", "map"]  # keep playing first, as Enter chooses
    labels = {b.name: b.label for b in paused.buttons()}
    assert labels["map"] == "Back to the map"
    go_on, back = paused.buttons()
    assert back.quiet and not go_on.quiet  # the soft second choice, told apart by more than colour
    assert not back.rect.colliderect(go_on.rect)
    tf.press(app, "map")
    assert app.overlay is None
    assert type(app.screen).__name__ == "JourneyMap" and app.screen.target == "cheer"
    assert "cheer" not in app.session.played  # left, not played
    go_to_the_quiz_again(app)
    until(app, lambda: app.play.rules.asking)
    assert app.play.rules.choice.id == cheer.choices[1].id != answered


def test_the_way_back_to_the_map_is_reached_by_the_keyboard_and_by_one_switch(scenes, display):
    from game.app.screens.notice import Notice

    app = tf.make_app(scenes, display, first="grow", show_map=False)
    tf.run(app, 30)
    pause(app)
    key = pygame.KEYDOWN
    pygame.event.post(pygame.event.Event(key, key=pygame.K_RETURN, mod=0))
    tf.run(app)
    assert app.overlay is None and app.screen is app.play  # Enter: keep playing
    pause(app)
    for pressed in (pygame.K_RIGHT, pygame.K_RETURN):
        pygame.event.post(pygame.event.Event(key, key=pressed, mod=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pressed, mod=0))
        tf.run(app)
    assert type(app.screen).__name__ == "JourneyMap" and app.screen.target == "grow"

    app = tf.make_app(scenes, display, first="grow", show_map=False)
    app.profile.settings.one_switch = True
    app.profile.settings.scan_seconds = 0.5
    tf.run(app, 30)
    until(app, lambda: app.scanner.lit is not None and app.scanner.lit.name == "pause", 600)
    pygame.event.post(pygame.event.Event(key, key=pygame.K_x, mod=0))
    until(app, lambda: isinstance(app.overlay, Notice), 120)
    assert {s.name for s in app.overlay.spots()} == {"close", "map"}
    until(app, lambda: app.scanner.lit is not None and app.scanner.lit.name == "map", 600)
    pygame.event.post(pygame.event.Event(key, key=pygame.K_x, mod=0))
    until(app, lambda: type(app.screen).__name__ == "JourneyMap", 120)
    assert app.screen.target == "grow"


def test_the_break_reminder_leaves_the_closing_card_and_its_next_in_sight(scenes, display):
    """It comes at a calm moment, often the closing card: it stands beside it, never over it,
    wherever the card stands (left or right of the chapter's hero)."""
    from game.app.screens.notice import Notice

    for chapter, side in (("grow", None), ("grow", "left")):
        app = tf.make_app(scenes, display, first=chapter, show_map=False)
        play_with_bot(app.play.chapter)  # played to its end: its closing card
        tf.run(app)
        assert app.play.card_showing
        if side is not None:
            app.play.card_side = side
        card = app.play.card_rect()
        app.profile.settings.break_minutes = 10
        app.since_break = 10 * 60
        tf.run(app, 2)
        reminder = app.overlay
        assert isinstance(reminder, Notice) and reminder.title == "ui.rest.title"
        assert not reminder.rect.colliderect(card)
        assert all(0 <= x <= 1280 for x in (reminder.rect.left, reminder.rect.right))
        nxt = next(b for b in app.play.buttons() if b.name in ("next", "map"))
        assert card.contains(nxt.rect)
        tf.press(app, "close")
        assert app.overlay is None
        assert app.play.card_showing  # Next is still there to tap


def test_the_first_tap_on_next_after_the_break_reminder_counts(scenes, display):
    """Closed, the reminder says the last line again under the closing card (play-test: the
    card and its Next went away while it was said, so the child's first tap did nothing)."""
    for voiced in (False, True):
        app = tf.make_app(scenes, display, first="grow", show_map=False)
        if voiced:  # the last line said again takes a voice's time, not a typewriter's
            app.play.narrator.speaker = Ears()
        play_with_bot(app.play.chapter)
        tf.run(app)
        app.profile.settings.break_minutes = 10
        app.since_break = 10 * 60
        tf.run(app, 2)
        assert app.overlay is not None and app.overlay.title == "ui.rest.title"
        tf.press(app, "close")
        assert app.overlay is None
        assert not app.play.narrator.revealed  # the last line is being said again...
        tf.press(app, "next")  # ...and the first tap on Next, at once, goes on
        assert app.screen is not app.play or app.scene_id != "grow"


class Ears:
    """A voice that says every line in three seconds."""

    def speak(self, line_id: str):
        from game.script.narrator import Timing

        return Timing(3.0)

    def hush(self) -> None:
        pass


def test_the_quiz_taken_up_again_goes_on_with_its_next_question_not_its_opening(scenes, display):
    """Play-test: coming back to a quiz left halfway said "You did it! You followed your T cell
    all the way." and "Let's play a picture game" again before the next question. Within the
    session it goes on with the next question at once; the opening lines come again only when
    the quiz starts from its first question (the grown-up's 'Start this chapter again')."""
    app = tf.make_app(scenes, display, first="cheer", show_map=False)
    cheer = app.play.scene
    opening = ["cheer.hello", "cheer.game"]
    answer_right(app)
    assert app.play.narrator.history[:2] == opening  # the first time, as it was
    until(app, lambda: app.play.rules.choice.id != cheer.choices[0].id)
    answer_right(app)
    pause(app)
    tf.press(app, "map")
    go_to_the_quiz_again(app)
    until(app, lambda: app.play.rules.asking)
    said = app.play.narrator.history
    assert said[0] == cheer.choices[2].ask, said  # the next question, first
    assert not set(opening) & set(said)
    assert app.play.chapter.runner.progress["answered"] == 2
    # from its first question again, it opens as it did
    tf.open_panel(app)
    tf.press(app, "restart")
    until(app, lambda: app.play.rules.asking)
    assert app.play.narrator.history[:2] == opening
    pygame.event.clear()


def test_a_finished_chapter_played_again_and_left_never_holds_the_journey_back(display):
    """Play-test: a child finished Getting ready, tapped 'Play again' on its closing card, then
    pause, 'Back to the map': the map glowed Getting ready again and a tap on Coming back said
    'First, let's go here!'. The next stop is the chapter after it, and a tap on it starts it."""
    from game.activities import registry
    from game.app.loop import App, StepClock
    from game.app.screens.journey_map import JourneyMap

    app = App(load_all(), "meet", display, StepClock(), show_map=True)
    for done in ("meet", "collect", "lab", "grow"):
        app.session.played_chapter(done)
    app._start("ready")
    app._draw = lambda: None  # drawing only reads state
    app.demo = True  # the demo bot plays the chapter
    app.bot = registry()[app.play.scene.activity.name].make_bot()
    while not app.play.card_showing and app.result.frames < 60 * 240:
        app.frame()  # one step at a time: the card's buttons are the child's, not the bot's
    assert app.play.card_showing and "ready" in app.session.played
    app.demo, app.bot = False, None
    tf.press(app, "again")
    assert app.screen is app.play and app.scene_id == "ready" and not app.play.card_showing
    tf.run(app, 30)
    pause(app)
    tf.press(app, "map")
    assert isinstance(app.screen, JourneyMap)
    assert app.screen.target == "back" and app.profile.at == "back"
    assert app.screen.said[1] == "back.title"  # 'Next: Coming back'
    stops = [s.id for s in app.chapters]
    assert app.screen.state(stops.index("ready")) == "played"
    tf.tap(*app.screen.places[stops.index("back")])
    tf.run(app)
    assert app.screen is app.play and app.scene_id == "back"
    # the grown-up's 'Back to the map' from a chapter played again points on as well
    app._start("ready")
    tf.run(app, 30)
    tf.open_panel(app)
    tf.press(app, "map")
    assert isinstance(app.screen, JourneyMap) and app.screen.target == "back"
    pygame.event.clear()


def test_an_unfinished_chapter_left_by_pause_is_still_where_the_map_points(display):
    """The other side of the rule: a chapter left before its first end (also one a grown-up
    jumped to) is where the map points, to come back to."""
    from game.app.loop import App, StepClock

    app = App(load_all(), "meet", display, StepClock(), show_map=True)
    app._start("hunt")  # as the grown-up's panel does
    tf.run(app, 30)
    pause(app)
    tf.press(app, "map")
    assert type(app.screen).__name__ == "JourneyMap" and app.screen.target == "hunt"
    pygame.event.clear()


def test_the_pause_card_shows_the_t_cell_as_it_is_in_the_chapter(scenes, display):
    """Play-test: after the lab the pause card showed the child's T cell without its CARs.
    It is drawn as in the chapter under it: with CARs in the hunt, without in Collecting."""
    from game.app.loop import App, StepClock
    from game.app.screens.notice import Notice

    for scene_id, car in (("hunt", True), ("collect", False)):
        app = App(scenes, scene_id, display, StepClock())
        assert app.play is not None
        app.frame()
        app.play.outcome = "pause"
        while app.overlay is None:
            app.frame()
        assert isinstance(app.overlay, Notice) and app.overlay.car is car, scene_id
