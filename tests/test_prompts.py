"""A child who cannot read hears every screen they act on: who is playing and its answers,
picking a color, the journey map and where to go next, the word book's word before its meaning,
the closing card and pause. Played through the app with taps, with a voice that records what it
is asked to say."""

from __future__ import annotations

import pygame
import pytest

from game.script.catalog import load_all
from game.script.narrator import Timing
from game.script.prompt import GAP_SECONDS, Prompt
from tests.test_facilitator import make_app, press, run, tap, tap_tile


class Ears:
    """The app's voice, as far as the app knows it: it says each id for a second."""

    def __init__(self, seconds: float = 1.0) -> None:
        self.said: list[str] = []
        self.hushed = 0
        self.seconds = seconds
        self.enabled = True
        self.available = True

    def speak(self, text_id: str) -> Timing | None:
        self.said.append(text_id)
        return Timing(self.seconds) if self.enabled else None

    def hush(self) -> None:
        self.hushed += 1

    def set_enabled(self, enabled: bool) -> None:
        """The test app's settings turn the voice off; these ears keep listening."""


@pytest.fixture(scope="module")
def scenes():
    return load_all()


def test_a_prompt_says_its_texts_one_after_another_and_stops_when_nothing_is_heard():
    ears = Ears(seconds=1.0)
    prompt = Prompt(("a", "b"), ears)
    prompt.update(0.0)
    assert ears.said == ["a"]
    prompt.update(1.0)
    assert ears.said == ["a"]  # a breath between them
    prompt.update(GAP_SECONDS)
    assert ears.said == ["a", "b"] and prompt.finished
    ears = Ears()
    ears.enabled = False
    prompt = Prompt(("a", "b"), ears)
    prompt.update(0.0)
    prompt.update(5.0)
    assert ears.said == ["a"] and prompt.done  # the voice is off: nothing more is tried
    assert Prompt(("a",), None).done  # no voice at all


def test_who_is_playing_then_the_color_then_the_role_question_and_its_answers(
    scenes, display, tmp_path
):
    ears = Ears()
    app = make_app(scenes, display, tmp_path)
    app.voice = ears
    app.prompt = Prompt((), ears)
    run(app, 2)
    assert ears.said == ["ui.profiles.pick_colour"]  # no children yet: straight to the colors
    tap_tile(app, "colour:meet.colour.lime")
    run(app, 240)
    assert ears.said[1:] == [
        "ui.profiles.who_gets",
        "ui.profiles.role.patient",
        "ui.profiles.role.sibling",
    ]
    from game.app.screens.feelings import tile_rect

    role = next(t for t in app.screen.tiles() if t.name == "role:patient")
    tap(*role.rect.center)
    run(app, 240)
    assert ears.said[4:] == ["ui.profiles.how_old"]  # how old they are
    press(app, "skip")
    run(app, 240)
    assert ears.said[5:] == ["ui.feelings.ask", "ui.feelings.how"]  # the feelings check-in
    tap(*tile_rect(0).center)
    run(app, 300)
    # a thank-you, then the map, and where to go next
    assert ears.said[7:] == ["ui.feelings.thanks", "ui.map.title", "meet.title"]


def test_a_tap_on_a_later_stop_says_the_hint_and_a_new_screen_hushes_the_old_words(
    scenes, display, tmp_path
):
    from game.app.screens.journey_map import JourneyMap

    ears = Ears(seconds=3.0)
    app = make_app(scenes, display, tmp_path)
    app.voice = ears
    app.prompt = Prompt((), ears)
    run(app)
    tap_tile(app, "colour:meet.colour.lime")
    tap_tile(app, "role:patient")
    run(app, 5)
    assert isinstance(app.screen, JourneyMap)
    x, y = app.screen.places[3]
    tap(x, y)
    run(app, 5)
    assert ears.said[-1] == "ui.map.first"  # "First, let's go here!" (then where, once said)
    hushed = ears.hushed
    press(app, "book", 2)
    assert ears.hushed > hushed  # the hint stops as the word book opens
    assert ears.said[-1] == "ui.book.title"


def test_the_word_book_says_the_word_then_its_meaning(scenes, display, tmp_path):
    from game.app.screens.word_page import WordPage
    from game.script.texts import build_strings, load_library

    library = load_library()
    ears = Ears(seconds=0.5)
    page = WordPage(library.book.words[0], build_strings(scenes, library), ears)
    page.update(1 / 60)
    word = library.book.words[0]
    assert ears.said == [word.id]
    for _ in range(90):
        page.update(1 / 60)
    assert ears.said == [word.id, word.meaning_id]


def test_pause_is_said_but_a_note_for_the_grown_up_is_not(scenes, display):
    from game.app.screens.notice import Notice
    from game.script.texts import build_strings, load_library

    strings = build_strings(scenes, load_library())
    pause = Notice(strings, "ui.pause.title", "ui.pause.note", "ui.pause.go_on")
    note = Notice(strings, "ui.note.title", "ui.save.off", "ui.note.ok", "grown_up")
    assert pause.prompt_ids() == ("ui.pause.title", "ui.pause.note")
    assert note.prompt_ids() == ()
    pygame.event.clear()
