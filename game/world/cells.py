"""Cells: where they start and how they drift. Shared by every activity that shows cells."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from game.script.model import Actor

#: The swimming band of the bloodstream, between the top counter and the narration box.
BOUNDS = (0.0, 90.0, 1280.0, 620.0)  # left, top, right, bottom
#: A T cell with CARs is drawn out to this many times its radius from its centre (its CARs
#: stand out from its body).
CAR_REACH = 1.45

BASE_RADIUS = {
    "t_cell": 46.0,
    "leukemia_cell": 42.0,
    "b_cell": 36.0,
    "red_blood_cell": 30.0,
    "platelet": 14.0,
}


@dataclass(slots=True)
class Cell:
    """One cell on screen. ``state`` is 'free', 'docking' (held by a CAR), 'popping' or 'gone'."""

    id: int
    actor: str
    kind: str
    x: float
    y: float
    radius: float
    markers: frozenset[str] = frozenset()
    car: str | None = None
    drift_style: str = "still"
    drift_speed: float = 0.0
    heading: float = 0.0
    vx: float = 0.0
    vy: float = 0.0
    state: str = "free"
    timer: float = 0.0
    wiggle: float = 0.0
    cooldown: float = 0.0
    age: float = field(default=0.0)

    def carries(self, marker: str | None) -> bool:
        return marker is not None and marker in self.markers

    def distance_to(self, other: Cell) -> float:
        return math.hypot(other.x - self.x, other.y - self.y)


def spawn(actors: tuple[Actor, ...], rng: random.Random) -> list[Cell]:
    """Make every actor's cells at their places; the same seed gives the same world."""
    cells: list[Cell] = []
    for actor in actors:
        radius = BASE_RADIUS[actor.kind] * actor.size
        for index in range(actor.count):
            x, y = _position(actor, index, radius, rng, cells)
            cells.append(
                Cell(
                    id=len(cells),
                    actor=actor.id,
                    kind=actor.kind,
                    x=x,
                    y=y,
                    radius=radius,
                    markers=actor.markers,
                    car=actor.car,
                    drift_style=actor.drift.style,
                    drift_speed=actor.drift.speed,
                    heading=rng.uniform(0, math.tau),
                    age=rng.uniform(0, 10),
                )
            )
    return cells


def _position(
    actor: Actor, index: int, radius: float, rng: random.Random, placed: list[Cell]
) -> tuple[float, float]:
    """The actor's next point, or the roomiest of a few random tries in its area, so cells do
    not start on top of each other."""
    points = actor.place.points
    if points:
        return points[index % len(points)]
    x, y, w, h = actor.place.area
    left, top, right, bottom = BOUNDS
    best, room = (x, y), -math.inf
    for _ in range(12):
        candidate = (
            min(max(rng.uniform(x, x + w), left + radius), right - radius),
            min(max(rng.uniform(y, y + h), top + radius), bottom - radius),
        )
        gap = min(
            (
                math.hypot(candidate[0] - c.x, candidate[1] - c.y) - c.radius - radius
                for c in placed
            ),
            default=math.inf,
        )
        if gap > room:
            best, room = candidate, gap
        if gap > 12:
            break
    return best


def drift_all(
    cells: list[Cell],
    dt: float,
    rng: random.Random,
    skip: Cell | None = None,
    near: tuple[float, float, float] | None = None,
    turn: int | None = None,
) -> list[Cell]:
    """Move every free cell (but ``skip``) by its drift style: still, a slow wander, or the
    blood's flow; return those that come within ``near`` (x, y, reach) of a point, by a
    square test (a cell within reach plus its own radius across and down). Run for hundreds
    of cells every frame, so written for speed: one loop, no calls but the maths.

    With ``turn`` (0 or 1, a crowd of hundreds), only the cells whose id has that parity move,
    by twice ``dt``: each cell moves at every other frame, a step of a pixel or two at the
    blood's slow pace, for half the cost; every cell is still looked at for ``near``."""
    left, top, right, bottom = BOUNDS
    sin, cos, random_ = math.sin, math.cos, rng.random
    found: list[Cell] = []
    px, py, reach = near if near is not None else (0.0, 0.0, -math.inf)
    step = dt if turn is None else 2 * dt
    for cell in cells:
        if cell.state != "free" or cell is skip:
            continue
        if turn is not None and cell.id & 1 != turn:
            limit = reach + cell.radius
            if -limit < cell.x - px < limit and -limit < cell.y - py < limit:
                found.append(cell)
            continue
        dt = step
        cell.age += dt
        style = cell.drift_style
        if style == "flow":
            radius = cell.radius
            x = cell.x + cell.drift_speed * dt
            y = cell.y + sin(cell.age * 1.3 + cell.id) * 12 * dt
            if x - radius > right:
                x = left - radius
            cell.x = x
            if y < top + radius:
                y = top + radius
            elif y > bottom - radius:
                y = bottom - radius
            cell.y = y
        elif style == "wander":
            radius, speed = cell.radius, cell.drift_speed * dt
            heading = cell.heading + (-1.5 + 3.0 * random_()) * dt  # rng.uniform(-1.5, 1.5)
            x = cell.x + cos(heading) * speed
            y = cell.y + sin(heading) * speed
            if not left + radius <= x <= right - radius:
                heading = math.pi - heading
                x = min(max(x, left + radius), right - radius)
            if not top + radius <= y <= bottom - radius:
                heading = -heading
                y = min(max(y, top + radius), bottom - radius)
            cell.x, cell.y, cell.heading = x, y, heading
        limit = reach + cell.radius
        if -limit < cell.x - px < limit and -limit < cell.y - py < limit:
            found.append(cell)
    return found


def keep_inside(cell: Cell, reach: float | None = None, below: float = 0.0) -> None:
    """Keep ``cell`` wholly within the swimming band: its body, or all that is drawn within
    ``reach`` px of its centre (a T cell with its CARs), and ``below`` px more under it (the
    name tag under the child's T cell)."""
    left, top, right, bottom = BOUNDS
    side = cell.radius if reach is None else max(reach, cell.radius)
    cell.x = min(max(cell.x, left + side), right - side)
    cell.y = min(max(cell.y, top + side), bottom - max(side, cell.radius + below))
