"""The cells a story line names, beside the child's T cell while it is said (a line's
``shows``): "B cells are white blood cells too" brings a B cell, "some young B cells grow wrong"
a bumpy leukemia cell with its CD19 stars. Each glides in gently from its side of the screen,
stays while the next lines name it too, and glides out when the story moves on."""

from __future__ import annotations

import math
from dataclasses import dataclass

#: Where the child's T cell stands while the story is told (see BoardView): the guests keep
#: to either side of it.
HERO = (640.0, 330.0)
#: Where the guests stand, by how many there are: beside the T cell, left and right.
SPOTS: dict[int, tuple[tuple[float, float], ...]] = {
    1: ((960.0, 330.0),),
    2: ((320.0, 330.0), (960.0, 330.0)),
    3: ((320.0, 330.0), (960.0, 220.0), (960.0, 450.0)),
    4: ((320.0, 220.0), (960.0, 220.0), (320.0, 450.0), (960.0, 450.0)),
}
#: Off screen, left or right: where a guest comes from and goes to.
OFF_LEFT, OFF_RIGHT = -160.0, 1440.0
#: A guest glides at most this fast (px/s), slowing as it arrives: calm, never a dash.
GLIDE_SPEED = 420.0
#: ...and this much of what is left of its way each second, so it eases in.
EASE = 3.0


@dataclass
class Guest:
    kind: str
    x: float
    y: float
    leaving: bool = False
    goal: tuple[float, float] = (0.0, 0.0)


class Stage:
    def __init__(self) -> None:
        self.guests: list[Guest] = []

    def show(self, kinds: tuple[str, ...]) -> None:
        """The cells the line now said names: those already here stay (and make room), the
        others glide out, new ones glide in from their side."""
        staying = [g for g in self.guests if not g.leaving]
        wanted = list(kinds)
        kept: list[Guest] = []
        for guest in staying:
            if guest.kind in wanted:
                wanted.remove(guest.kind)
                kept.append(guest)
            else:
                guest.leaving = True
                guest.goal = (OFF_LEFT if guest.x < HERO[0] else OFF_RIGHT, guest.y)
        spots = SPOTS.get(len(kinds), ())
        order = _in_order(kept, list(kinds))
        for index, spot in enumerate(spots):
            guest = order[index]
            if guest is None:
                side = OFF_LEFT if spot[0] < HERO[0] else OFF_RIGHT
                guest = Guest(kinds[index], side, spot[1])
                self.guests.append(guest)
            guest.goal = spot

    @property
    def present(self) -> list[Guest]:
        """The guests that are staying (gliding in or standing), not those on their way out."""
        return [g for g in self.guests if not g.leaving]

    def update(self, dt: float) -> None:
        for guest in self.guests:
            gx, gy = guest.goal
            gap = math.hypot(gx - guest.x, gy - guest.y)
            step = min(GLIDE_SPEED, 30.0 + EASE * gap) * dt
            if gap <= step:
                guest.x, guest.y = gx, gy
            else:
                guest.x += (gx - guest.x) / gap * step
                guest.y += (gy - guest.y) / gap * step
        self.guests = [g for g in self.guests if not (g.leaving and (g.x, g.y) == g.goal)]


def _in_order(kept: list[Guest], kinds: list[str]) -> list[Guest | None]:
    """For each place in ``kinds``, the guest already here that takes it (None: a new one)."""
    left = list(kept)
    order: list[Guest | None] = []
    for kind in kinds:
        found = next((g for g in left if g.kind == kind), None)
        if found is not None:
            left.remove(found)
        order.append(found)
    return order
