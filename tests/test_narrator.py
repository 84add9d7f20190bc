"""The narration queue: typewriter reveal, tap to complete, hold, replay; it never blocks."""

from __future__ import annotations

from game.script.narrator import Narrator


def test_a_line_reveals_letter_by_letter_and_a_tap_completes_it():
    narrator = Narrator(chars_per_second=10)
    narrator.say("a.one", "Hello there")
    narrator.update(0.5)
    assert narrator.visible_text == "Hello"
    narrator.advance()
    assert narrator.visible_text == "Hello there" and narrator.revealed


def test_a_second_tap_moves_on_and_the_last_tap_closes_the_box():
    narrator = Narrator()
    narrator.say("a.one", "One")
    narrator.say("a.two", "Two")
    narrator.advance()  # reveal all
    narrator.advance()  # next line
    assert narrator.current.line_id == "a.two"
    narrator.advance()
    narrator.advance()
    assert narrator.current is None and narrator.settled
    assert narrator.history == ["a.one", "a.two"]


def test_queued_lines_follow_on_their_own_after_being_read():
    narrator = Narrator(chars_per_second=100)
    narrator.say("a.one", "One two three")
    narrator.say("a.two", "Next")
    for _ in range(60 * 10):
        narrator.update(1 / 60)
    assert narrator.history == ["a.one", "a.two"]


def test_replay_starts_the_line_again():
    narrator = Narrator(chars_per_second=100)
    narrator.say("a.one", "Hello")
    narrator.update(1.0)
    narrator.replay()
    assert narrator.visible_text == "" and narrator.current.line_id == "a.one"


def test_the_same_line_is_not_queued_twice():
    narrator = Narrator()
    narrator.say("a.one", "One")
    narrator.say("a.two", "Two")
    narrator.say("a.two", "Two")
    assert len(narrator.queue) == 1
