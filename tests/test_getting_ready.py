"""Getting ready as a child plays it: the slow, deep breath leaves time to breathe, in and then
out, whether the lines are heard or only read (a play-test saw the breath line move on after
about three seconds with the voice off)."""

from __future__ import annotations

import pytest

from game.profile.settings import CHARS_PER_SECOND
from game.script.catalog import load_all
from game.script.chapter import Chapter
from game.script.narrator import Timing
from game.script.texts import build_strings, load_library

STEP = 1 / 60
#: A slow breath in, or out, for a young child.
BREATH = 4.0


@pytest.fixture(scope="module")
def scenes():
    return load_all()


class Voice:
    """Says each line at a steady pace, a third of a second a word, the words timed."""

    def __init__(self, scene) -> None:
        self.words = {line.id: len(line.text.split()) for line in scene.lines}

    def speak(self, line_id: str) -> Timing:
        count = self.words[line_id]
        return Timing(count / 3, tuple(i / 3 for i in range(count)))

    def hush(self) -> None:
        pass


def starts(chapter: Chapter, until: str) -> dict[str, float]:
    """When each line begins, listening without a tap, until ``until`` begins."""
    begun: dict[str, float] = {}
    while until not in begun:
        assert chapter.clock < 120, f"'{until}' never came: {begun}"
        chapter.update(STEP)
        current = chapter.narrator.current
        if current is not None and current.line_id not in begun:
            begun[current.line_id] = chapter.clock
    return begun


@pytest.mark.parametrize(
    "voice, speed",
    [(False, "slow"), (False, "normal"), (False, "fast"), (True, "normal")],
    ids=["read-slow", "read", "read-fast", "heard"],
)
def test_the_slow_deep_breath_leaves_time_to_breathe_in_and_out(scenes, voice, speed):
    ready = scenes["ready"]
    chapter = Chapter(ready, speaker=Voice(ready) if voice else None)
    chapter.narrator.chars_per_second = CHARS_PER_SECOND[speed]
    begun = starts(chapter, "ready.first")
    order = sorted(begun, key=begun.get)
    assert order[1:4] == ["ready.breathe", "ready.breathe_in", "ready.breathe_out"]
    assert begun["ready.breathe_out"] - begun["ready.breathe_in"] >= BREATH  # breathing in
    assert begun["ready.first"] - begun["ready.breathe_out"] >= BREATH  # and out


def test_a_tap_still_moves_on_from_the_breath(scenes):
    """The child is in control: a tap on the box goes on, as from any line."""
    chapter = Chapter(scenes["ready"])
    starts(chapter, "ready.breathe_in")
    chapter.narrator.advance()  # finish the words
    chapter.narrator.advance()  # and on
    assert chapter.narrator.current.line_id == "ready.breathe_out"


def test_a_pause_reads_as_one_in_every_language(scenes):
    """A line that waits (it ends in '...') ends so in each translation too, and the others
    do not: what the child reads agrees with how long it stays."""
    strings = build_strings(scenes, load_library())
    for language in strings.languages:
        strings.set_language(language)
        for scene in scenes.values():
            for line in scene.lines:
                english = line.text.rstrip().endswith("...")
                assert strings.get(line.id).rstrip().endswith(("...", "…")) == english, (
                    language,
                    line.id,
                )
