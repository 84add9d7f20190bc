"""What an activity reports to the scene runner."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WorldEvent:
    """Something happened in the world: ``type`` is an activity event such as 'bind'.

    ``line`` is a line the scene's data ties to this very thing (a quiz answer's explanation, a
    card's meaning). It answers the child, so it is said at once, unless ``answer`` is False (a
    question asked when pictures appear), which waits its turn.

    A ``quiet`` event counts toward goals, but the triggers that listen for it do not fire:
    nothing answers it (a pick the child made before the chapter, kept from their profile).

    A ``busy`` event tells only that the child is in the middle of doing something (carrying a
    cell to the bag): they are not stuck, so the wait for a hint starts again. It counts toward
    no goal and nothing answers it."""

    type: str
    actor: str | None = None
    markers: frozenset[str] = frozenset()
    line: str | None = None
    answer: bool = True
    quiet: bool = False
    busy: bool = False
