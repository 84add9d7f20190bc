"""The narration queue: typewriter reveal, tap to complete, hold, replay; it never blocks."""

from __future__ import annotations

from game.script.narrator import (
    ANY_GOAL,
    CLOSING_BEAT_SECONDS,
    Narrator,
    Timing,
    hold_seconds,
    read_seconds,
    reading_seconds,
)


def test_a_line_reveals_letter_by_letter_and_a_tap_completes_it():
    narrator = Narrator(chars_per_second=10)
    narrator.say("a.one", "Hello there")
    narrator.update(0.5)
    assert narrator.visible_text == "Hello"
    narrator.advance()
    assert narrator.visible_text == "Hello there" and narrator.revealed


def test_a_second_tap_moves_on_and_a_tap_on_the_last_line_leaves_it_there():
    """The last line is often what to do now ("Tap a picture you like"): a child tapping the
    box to move on must not wipe it (play-test: the box went blank)."""
    from game.script.narrator import hold_seconds

    narrator = Narrator()
    narrator.say("a.one", "One")
    narrator.say("a.two", "Two")
    narrator.advance()  # reveal all
    narrator.advance()  # next line
    assert narrator.current.line_id == "a.two"
    narrator.advance()
    narrator.advance()
    narrator.advance()
    assert narrator.current.line_id == "a.two" and narrator.text == "Two"
    narrator.update(hold_seconds("Two"))
    assert narrator.settled  # and it has had its time
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
    reading = read_seconds(narrator.text)
    assert reading < hold_seconds(narrator.text)
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


class FakeSpeaker:
    """Says every line for 2 seconds, its words at 0, 0.5, 1.0, ... (or says nothing)."""

    def __init__(self, heard: bool = True, words: bool = True) -> None:
        self.heard, self.words = heard, words
        self.said: list[str] = []
        self.hushed = 0

    def speak(self, line_id):
        self.said.append(line_id)
        if not self.heard:
            return None
        return Timing(2.0, (0.0, 0.5, 1.0, 1.5) if self.words else None)

    def hush(self):
        self.hushed += 1


def test_a_spoken_line_shows_whole_and_lights_each_word_as_it_is_said():
    speaker = FakeSpeaker()
    narrator = Narrator(speaker=speaker)
    narrator.say("a.one", "One two three four")
    assert speaker.said == ["a.one"]
    assert narrator.visible_text == "One two three four"  # no typewriter under a voice
    assert narrator.spoken_word == 0 and not narrator.revealed
    narrator.update(1.1)
    assert narrator.spoken_word == 2
    narrator.update(1.0)  # the voice has finished
    assert narrator.spoken_word is None and narrator.revealed


def test_without_word_timings_the_line_is_lit_while_it_is_said():
    narrator = Narrator(speaker=FakeSpeaker(words=False))
    narrator.say("a.one", "One two")
    assert narrator.speaking and narrator.spoken_word is None
    narrator.update(2.1)
    assert not narrator.speaking


def test_a_line_that_cannot_be_heard_falls_back_to_the_typewriter():
    narrator = Narrator(chars_per_second=10, speaker=FakeSpeaker(heard=False))
    narrator.say("a.one", "Hello there")
    assert narrator.visible_text == "" and not narrator.speaking
    narrator.update(0.5)
    assert narrator.visible_text == "Hello"


def test_a_tap_while_speaking_hushes_the_voice_and_replay_says_it_again():
    speaker = FakeSpeaker()
    narrator = Narrator(speaker=speaker)
    narrator.say("a.one", "One two")
    narrator.advance()
    assert speaker.hushed == 1 and narrator.revealed
    narrator.replay()
    assert speaker.said == ["a.one", "a.one"] and narrator.speaking


def test_text_comes_from_the_lookup_so_a_language_switch_shows_at_once():
    words = {"a.one": "Hola"}
    narrator = Narrator(text_for=lambda line_id: words[line_id])
    narrator.say("a.one", "Hello")
    narrator.advance()
    assert narrator.text == "Hola"
    words["a.one"] = "Hello again"
    assert narrator.text == "Hello again" and not narrator.revealed  # the rest still appears
    narrator.advance()
    assert narrator.visible_text == "Hello again"


def run(narrator: Narrator, seconds: float) -> None:
    for _ in range(round(seconds * 60)):
        narrator.update(1 / 60)


# lines about the moment -------------------------------------------------------------------------
def test_a_waiting_line_about_the_moment_is_dropped_when_its_goal_moves_on():
    narrator = Narrator(chars_per_second=1000)
    narrator.say("a.intro", "Welcome to the lab")
    narrator.say("a.four", "Two became four!", now=True, moment="fill")
    narrator.say("a.weeks", "This takes a few weeks.", now=True)
    narrator.say("a.other", "The other goal moved", now=True, moment="other")
    narrator.move_on("fill")
    assert [s.line_id for s in narrator.queue] == ["a.other", "a.weeks"]  # the facts stay
    narrator.move_on("elsewhere")
    assert [s.line_id for s in narrator.queue] == ["a.other", "a.weeks"]


def test_a_line_about_any_goal_passes_with_any_progress():
    narrator = Narrator(chars_per_second=1000)
    narrator.say("a.intro", "Welcome")
    narrator.say("a.how", "Tap your cell to make two!", moment=ANY_GOAL)
    narrator.say("a.fact", "Cells copy themselves.", now=True)
    narrator.move_on("fill")
    assert narrator.current.line_id == "a.intro"
    assert [s.line_id for s in narrator.queue] == ["a.fact"]


def test_an_answer_about_the_moment_goes_ahead_of_answers_that_explain_start_lines_keep_order():
    narrator = Narrator()
    narrator.say("a.intro", "Welcome")
    narrator.say("a.how", "Tap the dish", moment=ANY_GOAL)  # a start line: in its turn
    narrator.say("a.weeks", "It takes weeks", now=True)
    narrator.say("a.eight", "Now there are eight", now=True, moment="fill")
    narrator.say("a.more", "So many", now=True, moment="fill")
    assert [s.line_id for s in narrator.queue] == ["a.eight", "a.more", "a.weeks", "a.how"]


def test_a_shown_line_about_a_passed_moment_goes_at_once_and_is_not_kept_to_replay():
    narrator = Narrator(chars_per_second=10)
    narrator.say("a.intro", "Hello")
    run(narrator, 8.0)
    narrator.say("a.eight", "Now there are eight", now=True, moment="fill")
    assert narrator.current.line_id == "a.eight"
    narrator.move_on("fill")
    assert narrator.current.line_id == "a.intro" and narrator.last.line_id == "a.intro"
    narrator.say("a.sixteen", "Sixteen!", now=True, moment="fill")
    assert narrator.current.line_id == "a.sixteen" and narrator.visible_text == ""


def test_a_passed_moment_with_nothing_after_it_gives_the_box_back_to_what_to_do_now():
    """Play-test: after a hint was said to its end and the child found a cell, the box stayed
    empty until the next hint. The opening's last line comes back, whole, quiet and settled;
    a new line takes its place at once, and the round arrow says it again."""
    speaker = FakeSpeaker()
    narrator = Narrator(speaker=speaker)
    narrator.say("a.intro", "Welcome")
    narrator.say("a.how", "Drag your cell to a bumpy cell")
    run(narrator, 8.0)
    narrator.say("a.fact", "Cells copy themselves.", now=True)  # an answer that explains
    run(narrator, 8.0)
    narrator.say("a.hint", "Find a bumpy cell", now=True, moment=ANY_GOAL)
    run(narrator, 0.5)
    narrator.move_on("find")  # found one while the hint was said: it finishes, then goes
    assert narrator.current.line_id == "a.hint"
    said = len(speaker.said)
    run(narrator, 2.0)
    assert narrator.current.line_id == "a.how"  # not the fact before the hint: what to do
    assert narrator.visible_text == "Drag your cell to a bumpy cell"
    assert len(speaker.said) == said and not narrator.speaking  # shown, not said again
    assert narrator.settled and narrator.history.count("a.how") == 1
    narrator.say("a.found", "Click! It fits.", now=True)
    assert narrator.current.line_id == "a.found"  # an answer never waits behind it
    narrator.say("a.no", "No stars", now=True, moment=ANY_GOAL)
    run(narrator, 4.0)
    narrator.move_on("find")
    run(narrator, 2.0)
    assert narrator.current.line_id == "a.how"
    narrator.replay()  # the round arrow
    assert speaker.said[-1] == "a.how" and narrator.speaking


def test_a_line_being_said_when_its_moment_passes_finishes_its_sentence_then_goes():
    speaker = FakeSpeaker()
    narrator = Narrator(speaker=speaker)
    narrator.say("a.eight", "Now there are eight", now=True, moment="fill")
    narrator.say("a.weeks", "It takes weeks", now=True)
    run(narrator, 0.5)
    narrator.move_on("fill")
    assert narrator.current.line_id == "a.eight" and speaker.hushed == 0  # never cut mid-word
    run(narrator, 1.4)
    assert narrator.current.line_id == "a.eight"
    run(narrator, 0.2)  # the voice (2 s) has ended: no pause after it
    assert narrator.current.line_id == "a.weeks"
    narrator.say("a.nine", "Nine", now=True, moment="fill")
    narrator.move_on("fill")
    assert narrator.current.line_id == "a.weeks"  # a line that explains is never cut short


class WordSpeaker:
    """Says each line at 0.4 s a word, the words timed."""

    def __init__(self) -> None:
        self.hushed = 0

    def speak(self, line_id):
        count = len(self.text[line_id].split())
        return Timing(0.4 * count, tuple(0.4 * i for i in range(count)))

    def hush(self):
        self.hushed += 1


def test_a_hint_being_said_when_the_child_moves_on_ends_with_its_sentence_before_the_answer():
    """Play-test: 'Look for T cells in the machine's window. Drag one down.' went on to its end
    after the child had kept a T cell, and 'Got it!' came only then. Now the sentence being said
    ends, the next is left out, and the answer follows at once; the hint is not kept to replay."""
    hint = "Look for T cells in the machine's window. Drag one down."
    speaker = WordSpeaker()
    speaker.text = {"a.hint": hint, "a.got": "Got it!"}
    narrator = Narrator(speaker=speaker)
    narrator.say("a.hint", hint, now=True, moment=ANY_GOAL, hint=True)
    run(narrator, 0.5)  # the child keeps a cell as 'Look' is said
    narrator.move_on("keep")
    narrator.say("a.got", "Got it!", now=True)
    run(narrator, 0.4 * 8 - 0.5 - 0.1)  # 'window.', the 8th word, ends at 3.2 s: said whole
    assert narrator.current.line_id == "a.hint" and speaker.hushed == 0
    run(narrator, 0.2)
    assert narrator.current.line_id == "a.got" and speaker.hushed == 1  # not 'Drag one down.'
    narrator.replay()
    assert narrator.current.line_id == "a.got"


def test_a_line_whose_moment_passes_in_its_last_sentence_is_said_to_its_end():
    speaker = WordSpeaker()
    speaker.text = {"a.hint": "Follow the arrow. Drag the T cell into the bag."}
    narrator = Narrator(speaker=speaker)
    narrator.say("a.hint", speaker.text["a.hint"], now=True, moment=ANY_GOAL, hint=True)
    run(narrator, 1.5)  # 'Drag' is being said
    narrator.move_on("keep")
    run(narrator, 0.4 * 10 - 1.5 - 0.1)
    assert narrator.current.line_id == "a.hint"
    run(narrator, 0.2)
    assert narrator.current is None


def test_while_the_child_is_busy_no_hint_starts_and_one_being_said_ends_with_its_sentence():
    """Carrying a cell, a drop falling: a hint waiting is dropped, one being said ends with its
    sentence. Other lines, even about the moment, stay."""
    speaker = WordSpeaker()
    speaker.text = {"a.hint": "Tap the bag. Down go the cells!", "a.more": "Now more come"}
    narrator = Narrator(speaker=speaker)
    narrator.say("a.more", "Now more come", now=True, moment=ANY_GOAL)
    narrator.say("a.hint", speaker.text["a.hint"], now=True, moment=ANY_GOAL, hint=True)
    narrator.busy()
    assert [w.line_id for w in narrator.queue] == []  # the hint waiting is gone
    assert narrator.current.line_id == "a.more"
    run(narrator, 0.1)
    narrator.busy()
    run(narrator, 0.4 * 3)
    assert narrator.current.line_id == "a.more"  # not a hint: said to its end
    run(narrator, 3.0)
    narrator.say("a.hint", speaker.text["a.hint"], now=True, moment=ANY_GOAL, hint=True)
    run(narrator, 0.2)
    narrator.busy()  # the child taps the bag as the hint begins
    run(narrator, 0.4 * 3 - 0.3)
    assert narrator.current.line_id == "a.hint"  # 'Tap the bag.' to its end
    run(narrator, 0.2)
    assert narrator.current is None or narrator.current.line_id != "a.hint"


def test_replay_never_says_again_a_line_whose_moment_has_passed():
    speaker = FakeSpeaker()
    narrator = Narrator(speaker=speaker)
    narrator.say("a.intro", "Welcome")
    run(narrator, 3.0)
    narrator.say("a.eight", "Now there are eight", now=True, moment="fill")
    narrator.update(0.5)
    narrator.move_on("fill")
    narrator.replay()  # a tap on the round arrow, or a language switch
    assert narrator.current.line_id == "a.intro" and speaker.said[-1] == "a.intro"


# reading time ----------------------------------------------------------------------------------
def test_a_line_that_is_only_read_stays_until_a_young_reader_has_read_it():
    words = "Your T cells go to a lab far away to learn a new trick"
    narrator = Narrator(chars_per_second=30)
    narrator.say("a.read", words)
    narrator.say("a.next", "Next")
    needed = reading_seconds(words)
    assert needed > 1.5 + len(words.split()) / 2  # slower than two words a second
    run(narrator, needed - 0.1)
    assert narrator.current.line_id == "a.read"
    run(narrator, 0.2)
    assert narrator.current.line_id == "a.next"
    assert reading_seconds(words, 16.0) > needed > reading_seconds(words, 48.0)  # text speed


def test_a_heard_line_moves_on_a_moment_after_its_voice_not_at_reading_pace():
    narrator = Narrator(speaker=FakeSpeaker())
    narrator.say("a.one", "One two three four five six seven eight nine ten")
    narrator.say("a.two", "Next")
    heard = 2.0 + read_seconds(narrator.text)
    assert heard < reading_seconds(narrator.text)
    run(narrator, heard + 0.1)
    assert narrator.current.line_id == "a.two"


def test_everything_is_said_a_moment_after_the_last_line_ends_not_after_its_long_hold():
    narrator = Narrator(speaker=FakeSpeaker())
    narrator.say("a.one", "You did it! CAR T cells look for CD19 all over the body.")
    run(narrator, 2.0 + CLOSING_BEAT_SECONDS - 0.1)
    assert not narrator.said_all
    run(narrator, 0.2)
    assert narrator.said_all and not narrator.settled  # the hold is for hints, not the card
    assert narrator.current.line_id == "a.one"  # still on screen, under the card


def test_lines_asked_for_together_are_each_read_but_a_new_answer_comes_after_a_moment():
    """The play-test: 'Waiting can feel long. The lab is busy for you.' was gone a second after
    it had typed out, because the facts behind it were answers too."""
    narrator = Narrator(chars_per_second=30)
    narrator.say("a.full", "The dish is full of CAR T cells!", now=True)
    narrator.say("a.wait", "Waiting can feel long. The lab is busy for you.", now=True)
    run(narrator, reading_seconds("The dish is full of CAR T cells!") - 0.1)
    assert narrator.current.line_id == "a.full"  # a fact behind it waits its turn
    run(narrator, 0.2)
    assert narrator.current.line_id == "a.wait"
    run(narrator, 2.5)  # typed out, and a moment to start reading
    narrator.say("a.pop", "Pop!", now=True)  # the child did something new
    run(narrator, 1.1)
    assert narrator.current.line_id == "a.pop"
