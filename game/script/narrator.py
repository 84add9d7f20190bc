"""The narration queue: which line shows, how much of it is revealed, when the next one comes.

Narration never blocks play: lines reveal like a typewriter, stay a while, then make room for the
next one. A tap completes the reveal, a second tap moves on; replay starts the line again.

A line that answers what the child just did (``now``) goes ahead of lines that were only waiting
their turn, so "Click! It fits" comes right after the click, not a minute later. While lines wait,
a shown line moves on once it has had time to be read, instead of lingering.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

#: How long a fully shown line stays when an answer to the child is waiting behind it.
ANSWER_WAIT_SECONDS = 1.0
#: A line shown less than this long ago is not said again: repeating it would only nag.
REPEAT_GAP_SECONDS = 12.0


@dataclass(frozen=True)
class Spoken:
    line_id: str
    text: str
    now: bool = False

    @property
    def hold_seconds(self) -> float:
        """How long a fully shown line stays when nothing else is waiting."""
        return 2.5 + 0.35 * len(self.text.split())

    @property
    def read_seconds(self) -> float:
        """How long a fully shown line stays when other lines are waiting."""
        return 1.0 + 0.25 * len(self.text.split())


class Narrator:
    def __init__(self, chars_per_second: float = 30.0) -> None:
        self.chars_per_second = chars_per_second
        self.queue: deque[Spoken] = deque()
        self.current: Spoken | None = None
        self.last: Spoken | None = None
        self.shown = 0.0  # characters revealed
        self.held = 0.0  # seconds since fully revealed
        self.history: list[str] = []  # line ids in the order they appeared
        self.time = 0.0
        self._shown_at: dict[str, float] = {}

    def say(self, line_id: str, text: str, now: bool = False) -> None:
        """Queue a line; ``now`` for a line that answers what the child just did."""
        spoken = Spoken(line_id, text, now)
        shown_at = self._shown_at.get(line_id)
        recent = shown_at is not None and self.time - shown_at < REPEAT_GAP_SECONDS
        if recent or spoken in self.queue:
            return  # the same line again so soon would only nag
        if now:  # after earlier answers, ahead of lines that were only waiting their turn
            ahead = next(
                (i for i, waiting in enumerate(self.queue) if not waiting.now), len(self.queue)
            )
            self.queue.insert(ahead, spoken)
        else:
            self.queue.append(spoken)
        if self.current is None or self.settled_current:
            self._next()

    def advance(self) -> None:
        """A tap, space or enter: finish the reveal, or move on to the next line (or close)."""
        if self.current is None:
            return
        if not self.revealed:
            self.shown = float(len(self.current.text))
            return
        self._next()

    def replay(self) -> None:
        """Show the current line (or the last one) again from its start."""
        line = self.current or self.last
        if line is not None:
            self.current, self.shown, self.held = line, 0.0, 0.0

    def skip_waiting(self) -> None:
        """Drop waiting lines that answer nothing (the how-to-play lines from the start): the
        child has finished, so they would only confuse. Answers to the child stay."""
        self.queue = deque(spoken for spoken in self.queue if spoken.now)

    def update(self, dt: float) -> None:
        self.time += dt
        if self.current is None:
            return
        if not self.revealed:
            self.shown = min(float(len(self.current.text)), self.shown + self.chars_per_second * dt)
            return
        self.held += dt
        if self.queue and self.settled_current:
            self._next()

    @property
    def revealed(self) -> bool:
        return self.current is None or self.shown >= len(self.current.text)

    @property
    def settled_current(self) -> bool:
        """The current line has been fully shown for long enough: a moment when an answer to the
        child waits, its reading time when other lines wait, its comfortable hold when none do."""
        if self.current is None or not self.revealed:
            return False
        if not self.queue:
            wanted = self.current.hold_seconds
        elif self.queue[0].now:
            wanted = ANSWER_WAIT_SECONDS
        else:
            wanted = self.current.read_seconds
        return self.held >= wanted

    @property
    def settled(self) -> bool:
        """Nothing left to say: no queue, and the last line had its time."""
        return not self.queue and (self.current is None or self.settled_current)

    @property
    def visible_text(self) -> str:
        return "" if self.current is None else self.current.text[: int(self.shown)]

    def _next(self) -> None:
        if self.current is not None:
            self.last = self.current
        self.current = self.queue.popleft() if self.queue else None
        self.shown = self.held = 0.0
        if self.current is not None:
            self.history.append(self.current.line_id)
            self._shown_at[self.current.line_id] = self.time
