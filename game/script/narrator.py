"""The narration queue: which line shows, how much of it is revealed, when the next one comes.

Narration never blocks play: lines reveal like a typewriter, stay a while, then make room for the
next one. A tap completes the reveal, a second tap moves on; replay starts the line again.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass


@dataclass(frozen=True)
class Spoken:
    line_id: str
    text: str

    @property
    def hold_seconds(self) -> float:
        """How long a fully shown line stays before the next queued one replaces it."""
        return 2.5 + 0.35 * len(self.text.split())


class Narrator:
    def __init__(self, chars_per_second: float = 30.0) -> None:
        self.chars_per_second = chars_per_second
        self.queue: deque[Spoken] = deque()
        self.current: Spoken | None = None
        self.last: Spoken | None = None
        self.shown = 0.0  # characters revealed
        self.held = 0.0  # seconds since fully revealed
        self.history: list[str] = []  # line ids in the order they appeared

    def say(self, line_id: str, text: str) -> None:
        spoken = Spoken(line_id, text)
        if (spoken == self.current and not self.revealed) or spoken in self.queue:
            return  # the same line twice in a row would only nag
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

    def update(self, dt: float) -> None:
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
        """The current line has been fully shown for long enough to be read."""
        return (
            self.current is not None and self.revealed and (self.held >= self.current.hold_seconds)
        )

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
