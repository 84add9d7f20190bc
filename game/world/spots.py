"""What a child can choose on screen, for one-switch scanning.

In one-switch mode a highlight moves from spot to spot and any key or tap chooses the lit one.
Choosing does what a finger would: a tap, or a drag the game finishes for the child (a CAR piece
to its place, a T cell into the bag, the hunting T cell to a cell with stars). A ``Guide``
turns a chosen spot into those finger gestures over the next frames.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from game.world.gestures import Gesture, Move, Press, Release

Point = tuple[float, float]


@dataclass(frozen=True)
class Spot:
    """A choosable thing at (x, y) with a ``radius`` for the highlight.

    With no ``to`` it is a tap. With ``to`` it is a drag: press here, then move the finger to
    where ``to()`` says (asked every frame, so a moving cell can be followed) and lift it on
    arrival, or, with ``hold``, keep pressing until ``to()`` returns None."""

    x: float
    y: float
    radius: float
    name: str = ""
    to: Callable[[], Point | None] | None = field(default=None, compare=False)
    hold: bool = False
    #: A button's size, for a highlight that follows its shape (0: a round highlight).
    w: float = 0.0
    h: float = 0.0
    #: Chosen without a finger: the screen is told this spot's name and acts itself (moving
    #: the story on, where a tap would first only finish the line being shown).
    tell: bool = False


class Guide:
    """Moves a finger through one chosen spot's gesture, a frame at a time."""

    FINGER_SPEED = 700.0
    LONGEST = 6.0  # seconds: a drag that has not arrived by then is let go

    def __init__(self, spot: Spot) -> None:
        self.spot = spot
        self.finger: Point | None = None
        self.time = 0.0
        self.done = False

    def step(self, dt: float) -> list[Gesture]:
        if self.done:
            return []
        spot = self.spot
        if self.finger is None:
            self.finger = (spot.x, spot.y)
            if spot.to is None:
                self.done = True
                return [Press(spot.x, spot.y), Release(spot.x, spot.y)]
            return [Press(spot.x, spot.y)]
        assert spot.to is not None
        self.time += dt
        goal = spot.to()
        fx, fy = self.finger
        if goal is None or self.time > self.LONGEST:
            self.done = True
            return [Release(fx, fy)]
        gap = math.hypot(goal[0] - fx, goal[1] - fy)
        if gap < 3 and not spot.hold:
            self.done = True
            return [Release(*goal)]
        step = min(gap, self.FINGER_SPEED * dt)
        if gap > 1e-6:
            fx, fy = fx + (goal[0] - fx) / gap * step, fy + (goal[1] - fy) / gap * step
        self.finger = (fx, fy)
        return [Move(fx, fy)]
