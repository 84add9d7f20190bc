"""Narration keeps pace with the child (play-test, December 2026, items 9, 13, 15 and 17): no line
about how things are is said after they have changed, every tap counts, the closing card comes
soon after the last line, and a tap on a blue word opens its page even as the line changes."""

from __future__ import annotations

import math

import pygame
import pytest

from game.app.platform import intents
from game.app.screens.play import ScenePlay
from game.app.screens.word_page import WordPage
from game.app.views.narration_view import WORD_GRACE_SECONDS
from game.script.catalog import load_all
from game.script.chapter import Chapter, bot_turn
from game.script.narrator import Timing
from game.script.texts import build_strings, load_library
from game.world.collect import in_window
from game.world.drip import BAG
from game.world.multiply import DISH

STEP = 1 / 60
CHAPTERS = ["meet", "collect", "lab", "grow", "ready", "back", "hunt", "after", "cheer"]


@pytest.fixture(scope="module")
def scenes():
    return load_all()


class Voice:
    """Says every line at a steady 0.4 s a word, the words timed."""

    def __init__(self) -> None:
        self.said: list[str] = []

    def speak(self, line_id: str) -> Timing:
        self.said.append(line_id)
        return Timing(0.4 * 8, tuple(0.4 * i for i in range(8)))

    def hush(self) -> None:
        pass


def moments(scene) -> dict[str, int]:
    """The scene's lines about the moment, with the count each one describes."""
    return {
        line: trigger.count
        for trigger in scene.triggers
        if trigger.moment and trigger.when == "progress"
        for line in trigger.say
    }


def tap_quickly(chapter: Chapter, taps: int, every: float, first: float = 3.0) -> list[tuple]:
    """Tap the dish ``taps`` times, ``every`` seconds apart, until the closing card; returns
    (line id, cells, clock) each time a line starts."""
    started: list[tuple] = []
    times = [first + every * i for i in range(taps)]
    said = 0
    while not chapter.card_showing and chapter.clock < 120:
        if times and chapter.clock >= times[0]:
            times.pop(0)
            chapter.point(*DISH[:2])
            chapter.release()
        chapter.update(STEP)
        for line in chapter.narrator.history[said:]:
            started.append((line, chapter.runner.progress["fill"], chapter.clock))
        said = len(chapter.narrator.history)
    return started


@pytest.mark.parametrize("voice", [False, True], ids=["read", "heard"])
def test_a_quick_child_never_hears_how_many_cells_there_were(scenes, voice):
    """The play-test heard 'Now there are eight. Keep going!' at 64 cells. Six taps 0.8 s apart:
    every line about the count starts while it is true, and the lines that explain still come."""
    grow = scenes["grow"]
    chapter = Chapter(grow, speaker=Voice() if voice else None)
    started = tap_quickly(chapter, 6, 0.8)
    counts = moments(grow)
    assert counts == {"grow.two": 1, "grow.four": 2, "grow.eight": 3, "grow.more": 5}
    for line, progress, clock in started:
        assert counts.get(line, progress) == progress, (line, progress, clock, started)
    transcript = [line for line, _, _ in started]
    explained = ["grow.weeks", "grow.wait", "grow.double", "grow.copy", "grow.count"]
    assert set(explained) <= set(transcript)  # nothing that explains is lost
    if voice:  # a line being said finishes; the one after it is about the count by then
        assert transcript == ["grow.intro", "grow.four", "grow.full", *explained]
    else:
        assert transcript == [
            "grow.intro",
            "grow.two",
            "grow.four",
            "grow.eight",
            "grow.weeks",
            "grow.full",
            "grow.wait",
            "grow.double",
            "grow.copy",
            "grow.count",
        ]
    assert chapter.rules.done == 6 and chapter.card_showing


def test_a_line_about_the_count_leaves_the_screen_when_the_count_changes(scenes):
    grow = scenes["grow"]
    counts = moments(grow)
    chapter = Chapter(grow)
    times = [3.0 + 0.8 * i for i in range(6)]
    while not chapter.card_showing and chapter.clock < 120:
        if times and chapter.clock >= times[0]:
            times.pop(0)
            chapter.point(*DISH[:2])
            chapter.release()
        chapter.update(STEP)
        current = chapter.narrator.current
        if current is not None and current.line_id in counts:
            assert counts[current.line_id] == chapter.runner.progress["fill"], chapter.clock


def test_six_taps_0_8_seconds_apart_make_six_splits_through_the_chapter(scenes):
    chapter = Chapter(scenes["grow"])
    splits = []
    times = [3.0 + 0.8 * i for i in range(6)]
    while chapter.clock < 12:
        if times and chapter.clock >= times[0]:
            times.pop(0)
            chapter.point(*DISH[:2])
            chapter.release()
        chapter.update(STEP)
        splits += chapter.take_sounds()
    assert splits == ["split"] * 6
    assert chapter.runner.progress["fill"] == 6 and len(chapter.rules.cells) == 64


@pytest.mark.parametrize("voice", [False, True], ids=["read", "heard"])
@pytest.mark.parametrize("scene_id", CHAPTERS)
def test_the_closing_card_comes_within_two_seconds_of_the_last_line(scenes, scene_id, voice):
    """The play-test waited 6 to 16 s in the hunt after the last line for the card."""
    chapter = Chapter(scenes[scene_id], speaker=Voice() if voice else None)
    bot = chapter.spec.make_bot()
    last_line_ended = None
    while not chapter.card_showing and chapter.clock < 600:
        bot_turn(chapter, bot, STEP)
        chapter.update(STEP)
        narrator = chapter.narrator
        if narrator.current is None or not narrator.revealed or narrator.queue:
            last_line_ended = None
        elif last_line_ended is None:
            last_line_ended = chapter.clock
    assert chapter.card_showing and last_line_ended is not None, chapter.narrator.history
    assert chapter.clock - last_line_ended <= 2.0
    assert chapter.narrator.current is not None  # the last line stays on screen under the card


# a tap on a blue word -----------------------------------------------------------------------------
def word_then_change(display, scenes):
    """Play the hunt, drawing as the screen would, until a line with a word book word gives way
    to one with no word where it was; returns the play, the word, where it was and the new
    line, with the new line just drawn."""
    library = load_library()
    play = ScenePlay(scenes["hunt"], build_strings(scenes, library), book=library.book)
    canvas = pygame.Surface((1280, 800))
    seen: tuple[str, str, tuple[int, int]] | None = None
    for frame in range(60 * 120):
        play.update(STEP)
        if frame % 6:
            continue  # a calm screen is drawn ten times a second
        line = play.narrator.current.line_id if play.narrator.current else None
        if seen is not None and line != seen[0]:
            play.draw(canvas)
            if play.narration.spoken.word_at(*seen[2]) is None:
                return play, seen[1], seen[2], line
        play.draw(canvas)
        placed = play.narration.spoken._placed
        seen = (line, placed[0][1], placed[0][0].center) if placed and line else None
    raise AssertionError("no line with a word book word gave way to another")


def test_a_tap_on_a_blue_word_as_the_line_changes_opens_its_page_and_skips_nothing(display, scenes):
    play, word, (x, y), line = word_then_change(display, scenes)
    said = list(play.narrator.history)
    play.update(WORD_GRACE_SECONDS / 2)  # the finger was already on its way
    play.handle(intents.PointerDown(x, y))
    assert isinstance(play.page, WordPage) and play.page.word.id == word
    assert play.narrator.history == said and play.narrator.current.line_id == line
    play.handle(intents.PointerUp(x, y))
    assert isinstance(play.page, WordPage)  # the lift belongs to the page, not the story


def test_after_a_moment_the_words_of_the_line_before_are_gone(display, scenes):
    play, _, (x, y), _ = word_then_change(display, scenes)
    play.update(WORD_GRACE_SECONDS + 0.1)
    assert play.narration.hit(x, y, play.chapter.clock) in ("box", None)
    play.handle(intents.PointerDown(x, y))
    assert play.page is None


@pytest.mark.parametrize("scene_id", CHAPTERS)
def test_every_hint_is_about_the_moment(scenes, scene_id):
    """A hint ('Tap the dish') is true only until the child does something."""
    idle = [t for t in scenes[scene_id].triggers if t.when == "idle" and t.say]
    assert idle and all(t.moment for t in idle)


def test_a_hint_on_screen_goes_when_the_child_moves_on(scenes):
    grow = scenes["grow"]
    hints = {line for t in grow.triggers if t.when == "idle" for line in t.say}
    chapter = Chapter(grow)
    while chapter.clock < 120:
        chapter.update(STEP)
        if chapter.narrator.current is not None and chapter.narrator.current.line_id in hints:
            break
    assert chapter.narrator.current.line_id in hints  # the child waited: a hint came
    chapter.point(*DISH[:2])
    chapter.release()
    for _ in range(3):
        chapter.update(STEP)
    assert chapter.runner.progress["fill"] == 1
    current = chapter.narrator.current
    assert current is None or current.line_id not in hints


def test_in_the_hunt_a_hint_that_passed_gives_the_box_back_to_what_to_do(scenes):
    """Play-test: a hint said to its end went once the child found a cell, and the box stayed
    empty for seconds (finds after the third have no lines of their own). Now the hunt's
    how-to comes back, shown and not said again, and stays until something new is said."""
    voice = Voice()
    chapter = Chapter(scenes["hunt"], speaker=voice)
    bot = chapter.spec.make_bot()

    def hunt_until(found: int) -> None:
        while chapter.runner.progress["find_leukemia"] < found and chapter.clock < 300:
            bot_turn(chapter, bot, STEP)
            chapter.update(STEP)

    hunt_until(3)
    chapter.release()
    bot = chapter.spec.make_bot()
    narrator = chapter.narrator
    while narrator.current is None or narrator.current.line_id != "hunt.hint":
        chapter.update(STEP)  # the child rests until the hint comes
        assert chapter.clock < 300, narrator.history
    while not narrator.revealed:
        chapter.update(STEP)  # ... and hears it to its end
    found = chapter.runner.progress["find_leukemia"] + 1
    assert found < 6
    hunt_until(found)
    said = len(voice.said)
    shown = []
    for _ in range(round(5 / STEP)):
        chapter.update(STEP)
        shown.append(narrator.current.line_id if narrator.current else None)
    assert None not in shown, (shown, narrator.history)
    assert shown[-1] == "hunt.how_to" and "hunt.hint" not in shown[-60:], str(narrator.history)
    assert voice.said[said:] == []  # shown again, not said again


# hints give way to the child (play-test: a child who just succeeded was told how to do it) ------
class WordVoice:
    """Says each line at 0.4 s a word, each of its own (English) words timed."""

    def __init__(self, scene) -> None:
        self.scene = scene
        self.said: list[str] = []

    def speak(self, line_id: str) -> Timing:
        self.said.append(line_id)
        count = len(self.scene.line(line_id).text.split())
        return Timing(0.4 * count, tuple(0.4 * i for i in range(count)))

    def hush(self) -> None:
        pass


def first_sentence_seconds(text: str) -> float:
    """How long a WordVoice takes to say the first sentence of ``text``."""
    words = text.split()
    end = next(i for i, word in enumerate(words) if word.endswith((".", "!", "?")))
    return 0.4 * (end + 1)


def busy_now(chapter: Chapter) -> bool:
    """The child is in the middle of doing the thing: a T cell carried, a drop falling."""
    return getattr(chapter.rules, "held", None) is not None or bool(
        getattr(chapter.rules, "drops", None)
    )


def child_acts(chapter: Chapter, scene_id: str, bot) -> None:
    """The child does what the chapter asks, once: keeps a T cell (the demo bot's finger),
    taps the dish, taps the bag."""
    if scene_id == "collect":
        bot_turn(chapter, bot, STEP)
    elif scene_id == "grow":
        chapter.point(*DISH[:2])
        chapter.release()
    else:
        x, y, width, height = BAG
        chapter.point(x + width / 2, y + height / 2)
        chapter.release()


@pytest.mark.parametrize("scene_id", ["collect", "grow", "back"])
def test_a_hint_begun_just_before_the_child_succeeds_is_gone_when_the_answer_shows(
    scenes, scene_id
):
    """Play-test: 'Look for T cells in the machine's window. Drag one down.' went on after the
    count showed 1 of 6, and only then 'Got it!'; 'Tap the cells in the dish' was still said at
    2; 'Tap the bag at the top.' as the drop slid down. A hint the child acts on 0.3 s after it
    begins ends with the sentence being said (the next is left out), and is gone, not kept to
    replay, when the answer to the child's success shows."""
    scene = scenes[scene_id]
    hints = {line for t in scene.triggers if t.when == "idle" for line in t.say}
    goal = scene.goals[0].id
    chapter = Chapter(scene, speaker=WordVoice(scene))
    narrator = chapter.narrator
    while narrator.current is None or narrator.current.line_id not in hints:
        chapter.update(STEP)
        assert chapter.clock < 120, narrator.history
    hint, began = narrator.current.line_id, chapter.clock
    ends = began + first_sentence_seconds(scene.line(hint).text)
    for _ in range(round(0.3 / STEP)):
        chapter.update(STEP)
    bot = chapter.spec.make_bot()
    said = len(narrator.history)
    acted = False
    while len(narrator.history) == said:  # until the next line (the answer) shows
        if scene_id == "collect" or not acted:
            child_acts(chapter, scene_id, bot)
            acted = True
        chapter.update(STEP)
        current = narrator.current
        if chapter.clock > ends + 2 * STEP:
            assert current is None or current.line_id != hint, "the hint's next sentence"
        assert chapter.clock < began + 30, narrator.history
    answer = narrator.current.line_id
    assert chapter.runner.progress[goal] >= 1 and answer not in hints
    assert all(waiting.line_id not in hints for waiting in narrator.queue)
    for _ in range(round(3 / STEP)):  # the answer, and what follows it; the hint never again
        chapter.update(STEP)
        assert narrator.current is None or narrator.current.line_id not in hints
    narrator.replay()
    assert narrator.current.line_id not in hints


@pytest.mark.parametrize("scene_id", ["collect", "back"])
def test_no_hint_starts_while_the_child_carries_a_cell_or_a_drop_falls(scenes, scene_id):
    """The child starts doing the thing a second before a hint would come (picks up a T cell and
    carries it about for 20 s; taps the bag, and the drop slides down the tube): no hint begins
    while they do it. Play-test: 'Tap the bag at the top.' began as the drop slid down."""
    scene = scenes[scene_id]
    hints = {line for t in scene.triggers if t.when == "idle" for line in t.say}
    first = min(t.seconds for t in scene.triggers if t.when == "idle")
    chapter = Chapter(scene, speaker=WordVoice(scene))
    narrator = chapter.narrator
    while chapter.runner.idle_seconds < first - 1:
        chapter.update(STEP)
        assert chapter.clock < 120, narrator.history
    if scene_id == "collect":
        cell = next(c for c in chapter.rules.cells if c.kind == "t_cell" and in_window(c))
        chapter.point(cell.x, cell.y)
        x, y = cell.x, cell.y
        seconds = 20.0
    else:
        child_acts(chapter, scene_id, None)
        seconds = 5.0
    busy_frames = 0
    for frame in range(round(seconds / STEP)):
        if scene_id == "collect":  # about the machine's window, never near the bag
            chapter.point(x + 40 * math.sin(frame / 40), y + 20 * math.cos(frame / 40))
        said = len(narrator.history)
        chapter.update(STEP)
        if busy_now(chapter):
            busy_frames += 1
            assert not hints & set(narrator.history[said:]), (chapter.clock, narrator.history)
    assert busy_frames > 1.5 / STEP  # the child was busy past the hint's time
