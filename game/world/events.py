"""What an activity reports to the scene runner."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WorldEvent:
    """Something happened in the world: ``type`` is an activity event such as 'bind'."""

    type: str
    actor: str | None = None
    markers: frozenset[str] = frozenset()
