"""The narration queue: which line shows, how much of it is revealed, when the next one comes.

Narration never blocks play: lines reveal like a typewriter, stay a while, then make room for the
next one. A tap completes the reveal, a second tap moves on; replay starts the line again.

A line that answers what the child just did (``now``) goes ahead of lines that were only waiting
their turn, so "Click! It fits" comes right after the click, not a minute later. While lines wait,
a shown line moves on once it has had time to be read, instead of lingering: heard lines a
moment after the voice ends, lines that are only read once a young reader could have read them.

A line about the moment ("Now there are eight") is true only until the child moves on. It goes
ahead of other answers, and when the goal it describes moves on before it is said it is dropped
(``move_on``); one being said finishes the sentence it is in, never cut mid-word (the sentences
after it are left out), and then goes at once, with no pause after it and not kept to replay. A
line that is only shown goes at once. So no line about how things are starts after they have
changed. Lines that explain are never dropped: they follow once the child's moment has been
answered. When such a line goes and nothing follows, the box is not left empty: it shows again,
whole and quiet (not said again), the line that says what to do now: the last line of the opening,
or the question waiting for its answer (``standing``). Any new line takes its place at once.

A hint (``hint``: what to do, said when the child has done nothing for a while) is such a line,
and it is not said while the child is in the middle of doing what it says (carrying a cell, a
drop falling: ``busy``): one waiting is dropped, one being said finishes its sentence and goes.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

#: How long a fully shown line stays when an answer to something the child did since it began is
#: waiting behind it.
ANSWER_WAIT_SECONDS = 1.0
#: A line shown less than this long ago is not said again: repeating it would only nag.
REPEAT_GAP_SECONDS = 12.0
#: Once everything has been said, the scene may close this long after the last line ends.
CLOSING_BEAT_SECONDS = 1.0
#: A young reader's pace at the normal text speed, in words a second: about 110 words a minute,
#: an eight-year-old reading aloud, or a grown-up reading unhurried to a younger child. The
#: grown-up's text speed scales it: 'slow' is about a first-grader's 60 words a minute.
READING_WORDS_PER_SECOND = 1.8
NORMAL_CHARS_PER_SECOND = 30.0
#: The goal a ``moment`` line belongs to when any goal's progress makes it untrue.
ANY_GOAL = "*"
#: A line that ends in an ellipsis ("Breathe in slowly...") leaves the child time to do what it
#: says: it stays at least this long from when it begins, heard or only read (a slow breath in,
#: or out, for a young child). A tap on the box still moves on.
PAUSE_SECONDS = 4.0
#: What ends a sentence (a closing quote or bracket may follow).
SENTENCE_ENDS = (".", "!", "?", "\u2026")


@dataclass(frozen=True)
class Spoken:
    line_id: str
    text: str  # the English, as the scene says it; what is shown comes from ``text_for``
    now: bool = False
    #: For a line about the moment: the goal whose next progress makes it untrue (``ANY_GOAL``:
    #: any goal's). None for a line that stays true.
    moment: str | None = None
    #: When it was asked for (the narrator's clock).
    at: float = field(default=0.0, compare=False)
    #: A hint: what to do, for a child who has done nothing for a while (see ``busy``).
    hint: bool = False


@dataclass(frozen=True)
class Timing:
    """How long a line's voice lasts, and when each of its words starts (None: unknown, so
    the whole line lights up while it is spoken)."""

    seconds: float
    words: tuple[float, ...] | None = None


class Speaker(Protocol):
    def speak(self, line_id: str) -> Timing | None:
        """Start saying the line; its timing, or None when it cannot be heard (text only)."""

    def hush(self) -> None:
        """Stop saying it."""


def hold_seconds(words: str) -> float:
    """How long a fully shown line stays when nothing else is waiting."""
    return 2.5 + 0.35 * len(words.split())


def pauses(words: str) -> bool:
    """Whether a line (its English, so every language keeps the same time) ends in an
    ellipsis: a pause for the child to fill (see ``PAUSE_SECONDS``)."""
    return words.rstrip().endswith(("...", "\u2026"))


def read_seconds(words: str) -> float:
    """How long a fully shown line stays when other lines are waiting."""
    return 1.0 + 0.25 * len(words.split())


def reading_seconds(words: str, chars_per_second: float = NORMAL_CHARS_PER_SECOND) -> float:
    """How long a line that is read, not heard, needs from the moment it starts to appear: a
    breath, then every word at a young reader's pace (scaled by the grown-up's text speed)."""
    pace = READING_WORDS_PER_SECOND * chars_per_second / NORMAL_CHARS_PER_SECOND
    return 1.5 + len(words.split()) / pace


class Narrator:
    """``text_for`` gives a line's words in the child's language and age band (default: the
    scene's English); ``speaker`` says them aloud. Both are asked again on every new line and
    replay, so a language switch shows and says the current line in the new language."""

    def __init__(
        self,
        chars_per_second: float = 30.0,
        text_for: Callable[[str], str] | None = None,
        speaker: Speaker | None = None,
    ) -> None:
        self.chars_per_second = chars_per_second
        self.text_for = text_for
        self.speaker = speaker
        #: The current line's voice, while it plays (None: text only, or finished).
        self.timing: Timing | None = None
        self.elapsed = 0.0  # seconds since the current line started
        self.queue: deque[Spoken] = deque()
        self.current: Spoken | None = None
        self.last: Spoken | None = None
        self.shown = 0.0  # characters revealed
        self.held = 0.0  # seconds since fully revealed
        self.history: list[str] = []  # line ids in the order they appeared
        self.time = 0.0
        self._shown_at: dict[str, float] = {}
        self._heard = False  # the current line was given to a voice (not only shown)
        self._passed = False  # the current line is about a moment that has passed
        #: When a passed line being said goes (seconds into it): the end of its sentence.
        self._cut = float("inf")
        self._began = 0.0  # when the current line began (the narrator's clock)
        #: The line that says what to do now: the last one begun that answers nothing and
        #: stays true (an opening line, a question waiting for its answer). It comes back to
        #: the box, quietly, when a line about a passed moment goes with nothing after it.
        self.standing: Spoken | None = None
        self._restored = False  # the current line is ``standing``, back in the box quietly

    def say(
        self,
        line_id: str,
        text: str,
        now: bool = False,
        moment: str | None = None,
        hint: bool = False,
    ) -> None:
        """Queue a line; ``now`` for a line that answers what the child just did; ``moment``
        for one about how things are right now (see ``Spoken.moment``); ``hint`` for a hint
        (see ``busy``)."""
        spoken = Spoken(line_id, text, now, moment, self.time, hint)
        shown_at = self._shown_at.get(line_id)
        recent = shown_at is not None and self.time - shown_at < REPEAT_GAP_SECONDS
        if recent or any(waiting.line_id == line_id for waiting in self.queue):
            return  # the same line again so soon would only nag
        if now:
            # After earlier answers, ahead of lines that were only waiting their turn; an answer
            # about the moment also ahead of answers that explain (they stay true for later).
            def behind(waiting: Spoken) -> bool:
                return not waiting.now or (moment is not None and waiting.moment is None)

            ahead = next((i for i, w in enumerate(self.queue) if behind(w)), len(self.queue))
            self.queue.insert(ahead, spoken)
        else:
            self.queue.append(spoken)
        if self.current is None or self.settled_current:
            self._next()

    def move_on(self, goal: str) -> None:
        """The child moved ``goal`` on: lines about how it was are no longer true. Waiting ones
        are dropped. One being said finishes its sentence and then goes at once; one that is
        only shown goes now. Lines that explain stay."""

        def stale(spoken: Spoken) -> bool:
            return spoken.moment in (goal, ANY_GOAL)

        self._drop(stale)

    def busy(self) -> None:
        """The child is in the middle of doing something (carrying a cell to the bag, a drop
        sliding down): a hint now would tell them how to do what they are doing. Waiting hints
        are dropped; one being said finishes its sentence and goes, as a line about a moment
        that has passed does."""
        self._drop(lambda spoken: spoken.hint)

    def _drop(self, stale: Callable[[Spoken], bool]) -> None:
        self.queue = deque(spoken for spoken in self.queue if not stale(spoken))
        if self.current is not None and stale(self.current):
            if not self._passed:
                self._passed = True
                self._cut = self._sentence_end()
            if not self.speaking:
                self._leave()

    def _sentence_end(self) -> float:
        """When, in seconds into the current line's voice, the sentence being said ends: the
        next word's start (its last word's end for the last sentence). From the words' timings,
        or, without them, from how far through the words the voice is by its length."""
        timing, words = self.timing, self.text.split()
        if timing is None or not words:
            return float("inf")

        def ends(word: str) -> bool:
            return word.rstrip("\"'\u201d\u00bb)").endswith(SENTENCE_ENDS)

        if timing.words and len(timing.words) == len(words):
            starts = [*timing.words, timing.seconds]
            said = self.spoken_word or 0
            last = next((i for i in range(said, len(words)) if ends(words[i])), len(words) - 1)
            return starts[last + 1]
        # No word timings: each character takes the same share of the voice.
        text = " ".join(words)
        at = self.elapsed / timing.seconds * len(text)
        place = 0
        for word in words:
            place += len(word) + 1
            if place - 1 >= at and ends(word):
                return place / len(text) * timing.seconds
        return timing.seconds

    def advance(self) -> None:
        """A tap, space or enter: finish the reveal, or move on to the next line. With no next
        line the last one stays in its box (often what to do now: a tap must not wipe it)."""
        if self.current is None:
            return
        if not self.revealed:
            self.shown = float(len(self.text))
            self._hush()
            return
        if self.queue:
            self._next()

    def replay(self) -> None:
        """Show (and say) the current line, or the last one, again from its start (never a line
        about a moment that has passed: that one goes, and the line before it is said again)."""
        if self._passed:
            self._leave(restore=False)
        line = self.current or self.last
        if line is not None:
            self.current = line
            self._begin()

    def hush(self) -> None:
        """Stop the voice (a page opened over the story); the line stays as it is."""
        self._hush()
        self.shown = float(len(self.text))

    @property
    def text(self) -> str:
        """The current line's words as the child sees them ('' when none)."""
        if self.current is None:
            return ""
        return self.text_for(self.current.line_id) if self.text_for else self.current.text

    @property
    def speaking(self) -> bool:
        return self.timing is not None and self.elapsed < self.timing.seconds

    @property
    def spoken_word(self) -> int | None:
        """Which word (counting whitespace-separated words from 0) is being said, when the
        voice's word timings are known; None otherwise."""
        if not self.speaking or self.timing is None or not self.timing.words:
            return None
        index = 0
        for i, start in enumerate(self.timing.words):
            if start <= self.elapsed:
                index = i
        return index

    def skip_waiting(self) -> None:
        """Drop waiting lines that answer nothing (the how-to-play lines from the start): the
        child has finished, so they would only confuse. Answers to the child stay."""
        self.queue = deque(spoken for spoken in self.queue if spoken.now)

    def update(self, dt: float) -> None:
        self.time += dt
        if self.current is not None:
            self.elapsed += dt
            if self.timing is not None and not self.speaking:
                self.timing = None  # the voice has finished: the line is now fully heard
            if self._passed and (not self.speaking or self.elapsed >= self._cut):
                self._leave()  # its sentence said; what it described has changed
        if self.current is None:
            if self.queue:
                self._next()
            return
        if not self.revealed:
            self.shown = min(float(len(self.text)), self.shown + self.chars_per_second * dt)
            return
        self.held += dt
        if self.queue and self.settled_current:
            self._next()

    @property
    def revealed(self) -> bool:
        """Shown and said in full: the text has appeared and the voice has finished."""
        return self.current is None or (self.shown >= len(self.text) and not self.speaking)

    @property
    def settled_current(self) -> bool:
        """The current line has been fully shown for long enough: a moment when an answer to
        what the child did since it began waits, its reading time when other lines wait (for a
        line that was only shown, at least the time a young reader needs), its comfortable hold
        when none do. Lines asked for together (a trigger's facts) each get their reading time."""
        if self.current is None or not self.revealed:
            return False
        if self._restored:
            return True  # only a reminder of what to do: anything new comes at once
        if pauses(self.current.text) and self.elapsed < PAUSE_SECONDS:
            return False
        if not self.queue:
            return self.held >= hold_seconds(self.text)
        if self.queue[0].now and (self._heard or self.queue[0].at > self._began):
            return self.held >= ANSWER_WAIT_SECONDS
        if not self._heard and self.elapsed < reading_seconds(self.text, self.chars_per_second):
            return False
        return self.held >= read_seconds(self.text)

    @property
    def settled(self) -> bool:
        """Nothing left to say: no queue, and the last line had its time."""
        return not self.queue and (self.current is None or self.settled_current)

    @property
    def said_all(self) -> bool:
        """Nothing waits, and the last line was said (or shown) in full a moment ago: a closing
        card may come now. The line stays in its box under the card, to be read to the end."""
        if self.queue:
            return False
        return self.current is None or (self.revealed and self.held >= CLOSING_BEAT_SECONDS)

    @property
    def visible_text(self) -> str:
        return self.text[: int(self.shown)]

    def _next(self) -> None:
        if self.current is not None:
            self.last = self.current
        self.current = self.queue.popleft() if self.queue else None
        if self.current is None:
            self._hush()
            self.shown = self.held = 0.0
            return
        self.history.append(self.current.line_id)
        self._shown_at[self.current.line_id] = self.time
        if not self.current.now and self.current.moment is None:
            self.standing = self.current
        self._begin()

    def _begin(self) -> None:
        """Start the current line: say it, and show it whole while it is said (the words light
        up as they are spoken), or reveal it like a typewriter when it cannot be heard."""
        self.shown = self.held = self.elapsed = 0.0
        self._began = self.time
        self.timing = None
        if self.speaker is not None and self.current is not None:
            self.timing = self.speaker.speak(self.current.line_id)
        self._heard = self.timing is not None
        self._passed = self._restored = False
        self._cut = float("inf")
        if self.timing is not None:
            self.shown = float(len(self.text))

    def _leave(self, restore: bool = True) -> None:
        """The current line goes, and is not kept to replay: it is no longer true. With nothing
        waiting, the line that says what to do now comes back, shown whole and not said again
        (``restore``: not when the child asked to hear a line again; ``replay`` chooses)."""
        self._hush()
        self.current = None
        self.shown = self.held = 0.0
        self._passed = self._restored = False
        if restore and not self.queue and self.standing is not None:
            self.current, self._restored = self.standing, True
            self.elapsed = 0.0
            self._heard = False
            self.shown = float(len(self.text))

    def _hush(self) -> None:
        if self.timing is not None and self.speaker is not None:
            self.speaker.hush()
        self.timing = None
