"""Many, many T cells: a tap makes every CAR T cell in the dish split in two, so one becomes two,
then four, eight... until the dish is full.

Every tap counts: a tap while the cells are still splitting waits its turn, and while taps wait
the splitting goes twice as fast, so the dish keeps up with a quick child."""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.activities import ActivitySpec, Option, register
from game.script.model import Scene
from game.script.session import Session
from game.world.events import WorldEvent
from game.world.gestures import Gesture, Press, Release
from game.world.reach import Most, goal_problems
from game.world.spots import Spot
from game.world.tapping import Tapping

DISH = (640.0, 360.0, 245.0)  # centre x, centre y, radius
SPLIT_SECONDS = 0.9
#: How much faster a split plays while another tap waits for it.
CATCH_UP = 2.0
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


@dataclass
class DishCell:
    x: float
    y: float
    from_x: float
    from_y: float
    to_x: float
    to_y: float


def places(count: int) -> list[tuple[float, float]]:
    """Evenly spread places for ``count`` cells in the dish (a sunflower pattern)."""
    cx, cy, radius = DISH
    if count == 1:
        return [(cx, cy)]
    reach = radius - cell_radius(count) - 8
    return [
        (
            cx + math.cos(i * GOLDEN_ANGLE) * reach * math.sqrt((i + 0.5) / count),
            cy + math.sin(i * GOLDEN_ANGLE) * reach * math.sqrt((i + 0.5) / count),
        )
        for i in range(count)
    ]


def cell_radius(count: int) -> float:
    """Cells get smaller as the dish fills, so they always fit."""
    return min(80.0, DISH[2] * 0.6 / math.sqrt(count))


class MultiplyRules(Tapping):
    def __init__(self, scene: Scene, seed: int = 0, session: Session | None = None) -> None:
        self.generations = int(scene.activity.options["generations"])
        self.cells = [DishCell(*DISH[:2], *DISH[:2], *DISH[:2])]
        self.done = 0  # splits so far
        self.splitting = 0.0  # 0 when still, else 0..1 through a split
        self.time = 0.0
        #: Taps not played out yet: each one splits the cells once more, in turn.
        self.waiting = 0

    @property
    def full(self) -> bool:
        return self.done >= self.generations

    @property
    def radius(self) -> float:
        return cell_radius(len(self.cells))

    @property
    def taps_left(self) -> int:
        """Taps that would still split the cells (those already waiting count as made)."""
        return self.generations - self.done - self.waiting

    def spots(self) -> list[Spot]:
        """One-switch choice: the dish, while a tap can still split the cells (a switch press
        during a split waits its turn, as a tap does)."""
        if self.taps_left <= 0 or not self.cells:
            return []
        return [Spot(self.cells[0].x, self.cells[0].y, self.radius + 16, "dish")]

    def tap(self, x: float, y: float) -> None:
        cx, cy, radius = DISH
        if math.hypot(x - cx, y - cy) <= radius + 20 and self.taps_left > 0:
            self.waiting += 1

    def update(self, dt: float) -> list[WorldEvent]:
        self.time += dt
        events: list[WorldEvent] = []
        if self.splitting:
            speed = CATCH_UP if self.waiting else 1.0
            self.splitting = min(1.0, self.splitting + speed * dt / SPLIT_SECONDS)
            ease = 1 - (1 - self.splitting) ** 2
            for cell in self.cells:
                cell.x = cell.from_x + (cell.to_x - cell.from_x) * ease
                cell.y = cell.from_y + (cell.to_y - cell.from_y) * ease
            if self.splitting >= 1.0:
                self.splitting = 0.0
                if self.full:
                    events.append(WorldEvent("full"))
        elif self.waiting:
            self.waiting -= 1
            self._split()
            events.append(WorldEvent("split"))
        return events

    def _split(self) -> None:
        """Each cell becomes two; the two glide apart to the new places."""
        targets = places(len(self.cells) * 2)
        born: list[DishCell] = []
        for index, cell in enumerate(self.cells):
            for twin in (0, 1):
                tx, ty = targets[index * 2 + twin]
                born.append(DishCell(cell.x, cell.y, cell.x, cell.y, tx, ty))
        self.cells = born
        self.done += 1
        self.splitting = 1e-6


def multiply_limits(scene: Scene) -> dict[str, Most]:
    """The cells split 'generations' times, and the dish fills once."""
    times = int(scene.activity.options["generations"])
    return {
        "split": Most(times, "splits", f"the cells split {{n}} times ('generations: {times}')"),
        "full": Most(1, "full dishes", "the dish fills once"),
    }


class MultiplyBot:
    """Taps the dish, then watches the cells split before tapping again."""

    def __init__(self) -> None:
        self.rest = 1.5

    def step(self, rules: MultiplyRules, dt: float) -> list[Gesture]:
        self.rest -= dt
        if rules.splitting or rules.full or self.rest > 0:
            return []
        self.rest = 2.0
        x, y = rules.cells[0].x, rules.cells[0].y
        return [Press(x, y), Release(x, y)]


register(
    ActivitySpec(
        name="multiply",
        make_rules=MultiplyRules,
        make_bot=MultiplyBot,
        events=frozenset({"split", "full"}),
        options={"generations": Option(int, 6, 2, 8, "how many times the cells split")},
        check=lambda scene: goal_problems(scene, multiply_limits(scene)),
    )
)
