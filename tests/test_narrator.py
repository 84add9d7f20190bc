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


def test_an_answer_to_the_child_goes_ahead_of_waiting_lines_but_after_earlier_answers():
    narrator = Narrator()
    narrator.say("a.intro", "Welcome to the blood")
    narrator.say("a.more", "More to know")
    narrator.say("a.match", "It fits", now=True)
    narrator.say("a.again", "Another one", now=True)
    assert [s.line_id for s in narrator.queue] == ["a.match", "a.again", "a.more"]


def test_while_lines_wait_a_shown_line_moves_on_after_its_reading_time():
    narrator = Narrator(chars_per_second=1000)
    narrator.say("a.one", "One two three four")
    narrator.update(0.1)  # fully revealed
    narrator.say("a.two", "Next")
    reading = narrator.current.read_seconds
    assert reading < narrator.current.hold_seconds
    narrator.update(reading - 0.1)
    assert narrator.current.line_id == "a.one"
    narrator.update(0.2)
    assert narrator.current.line_id == "a.two"


def test_the_same_line_is_not_said_again_so_soon_but_is_later():
    narrator = Narrator(chars_per_second=1000)
    narrator.say("a.nope", "No stars here", now=True)
    narrator.update(5.0)
    narrator.say("a.nope", "No stars here", now=True)
    assert narrator.history == ["a.nope"] and not narrator.queue
    narrator.update(8.0)
    narrator.say("a.nope", "No stars here", now=True)
    assert narrator.history == ["a.nope", "a.nope"]


def test_when_the_child_has_finished_waiting_how_to_lines_are_skipped_answers_stay():
    narrator = Narrator()
    narrator.say("a.intro", "Welcome")
    narrator.say("a.how", "Drag your T cell")
    narrator.say("a.done", "You did it!", now=True)
    narrator.skip_waiting()
    assert [s.line_id for s in narrator.queue] == ["a.done"]
