"""The cells a story line names, beside the child's T cell while it is said (a line's
``shows``): "B cells are white blood cells too" brings a B cell, "some young B cells grow wrong"
a bumpy leukemia cell with its CD19 stars. Each glides in from its side of the screen, stays
while the next lines name it too, and glides out when the story moves on.

A new line's cells come as it begins, so the cell it names is there as the words name it: each
slides in from just off the screen and slows into its place (``ARRIVE_SECONDS``). The cells of
the line before that it does not name leave first (``LEAVE_SECONDS``), and the new ones set off
once they are gone, so a cell coming never crosses one going."""

from __future__ import annotations

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
#: Just off the screen, left or right (the biggest guest's radius is 62): where a guest comes
#: from and goes to.
OFF_LEFT, OFF_RIGHT = -80.0, 1360.0
#: A guest coming slides into its place in this long, slowing as it arrives: in sight at once,
#: settled while its name is still being said...
ARRIVE_SECONDS = 0.7
#: ...and one going gathers speed and is off the screen in this long.
LEAVE_SECONDS = 0.5


@dataclass
class Guest:
    kind: str
    x: float
    y: float
    leaving: bool = False
    goal: tuple[float, float] = (0.0, 0.0)
    #: Seconds before it sets off: a guest coming waits for those going.
    wait: float = 0.0
    #: Where its way began, and how far along it is (0 to 1).
    start: tuple[float, float] = (0.0, 0.0)
    done: float = 1.0

    def head_for(self, goal: tuple[float, float], wait: float = 0.0) -> None:
        """Set off (after ``wait`` seconds) from where it is to ``goal``."""
        if goal != self.goal:
            self.start, self.goal, self.done, self.wait = (self.x, self.y), goal, 0.0, wait

    def update(self, dt: float) -> None:
        if self.wait > 0:
            self.wait -= dt
            return
        seconds = LEAVE_SECONDS if self.leaving else ARRIVE_SECONDS
        self.done = min(1.0, self.done + dt / seconds)
        # going: gathering speed, away; coming (or making room): slowing into its place
        ease = self.done**2 if self.leaving else 1 - (1 - self.done) ** 3
        (sx, sy), (gx, gy) = self.start, self.goal
        self.x, self.y = sx + (gx - sx) * ease, sy + (gy - sy) * ease


class Stage:
    def __init__(self) -> None:
        self.guests: list[Guest] = []

    def show(self, kinds: tuple[str, ...]) -> None:
        """The cells the line now said names: those already here stay (and make room), the
        others glide out, new ones glide in from their side once those going are gone."""
        staying = [g for g in self.guests if not g.leaving]
        wanted = list(kinds)
        kept: list[Guest] = []
        for guest in staying:
            if guest.kind in wanted:
                wanted.remove(guest.kind)
                kept.append(guest)
            else:
                guest.leaving = True
                guest.head_for((OFF_LEFT if guest.x < HERO[0] else OFF_RIGHT, guest.y))
        going = [g for g in self.guests if g.leaving]
        clear = max((g.wait + (1 - g.done) * LEAVE_SECONDS for g in going), default=0.0)
        spots = SPOTS.get(len(kinds), ())
        order = _in_order(kept, list(kinds))
        for index, spot in enumerate(spots):
            guest = order[index]
            if guest is None:
                side = OFF_LEFT if spot[0] < HERO[0] else OFF_RIGHT
                guest = Guest(kinds[index], side, spot[1], goal=(side, spot[1]))
                self.guests.append(guest)
                guest.head_for(spot, wait=clear)
            else:
                guest.head_for(spot)

    @property
    def present(self) -> list[Guest]:
        """The guests that are staying (gliding in or standing), not those on their way out."""
        return [g for g in self.guests if not g.leaving]

    def update(self, dt: float) -> None:
        for guest in self.guests:
            guest.update(dt)
        self.guests = [g for g in self.guests if not (g.leaving and g.done >= 1.0)]


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
