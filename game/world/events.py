"""What an activity reports to the scene runner."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WorldEvent:
    """Something happened in the world: ``type`` is an activity event such as 'bind'.

    ``line`` is a line the scene's data ties to this very thing (a quiz answer's explanation, a
    card's meaning); the chapter says it at once."""

    type: str
    actor: str | None = None
    markers: frozenset[str] = frozenset()
    line: str | None = None
