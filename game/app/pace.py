"""How often a screen needs drawing.

Drawing is most of what a frame costs, so the loop draws at 60 frames a second only while
something moves fast: a finger dragging, a cell breaking apart, words appearing. Cells drifting
and words lighting up with the voice look smooth at 30; a slow glow or bob (under 1 Hz, a few
pixels) at 15. A screen where nothing moves is drawn 10 times a second, so a change that comes
without input (the next line of narration) shows within a tenth of a second; once such a calm
screen's draws have changed nothing for a second, it is looked at 4 times a second until
something changes (see game.app.redraw, which also sends only what changed to the screen).
Input is never kept waiting: the loop wakes for it at once and draws.

Each screen, overlay and view may say its pace with a ``pace()`` method; one that does not is
drawn every frame.
"""

from __future__ import annotations

from game.app.ui import theme

MOVING = 60
DRIFTING = 30
PULSING = 15
RESTING = 10


def of(thing: object) -> int:
    """The pace ``thing`` asks for (``MOVING`` if it does not say)."""
    pace = getattr(thing, "pace", None)
    return pace() if pace is not None else MOVING


def pulsing() -> int:
    """For a slow glow or bob: resting under reduced motion, where nothing pulses."""
    return RESTING if theme.look().reduced_motion else PULSING
