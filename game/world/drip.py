"""Coming back: the child taps the IV bag and a drop of glowing CAR T cells slides down the tube
into the vein, where the cells gather, each swimming gently in its own place, all of them in
sight: at the end every CAR T cell from the bag is in the arm."""

from __future__ import annotations

import itertools
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

BAG = (150.0, 110.0, 200.0, 250.0)  # x, y, width, height
#: The tube from the bag down to where it meets the vein.
TUBE = ((250.0, 370.0), (250.0, 450.0), (330.0, 520.0), (620.0, 540.0), (760.0, 540.0))
VEIN_Y = 560.0
DROP_SPEED = 260.0
VEIN_SPEED = 170.0
MAX_DROPS = 3
CELLS_PER_DROP = 3
#: Where the cells gather in the vein: rows of places right of the tube's end, clear of the
#: screen's right edge and of the narration box below (a cell's radius is 22 on screen).
GATHER_LEFT, GATHER_STEP = 810.0, 58.0
GATHER_ROWS = (520.0, 562.0, 604.0)
#: How far a gathered cell bobs up and down in its place (px).
BOB = 4.0


def tube_length() -> float:
    return sum(math.dist(a, b) for a, b in itertools.pairwise(TUBE))


def along_tube(distance: float) -> tuple[float, float]:
    """The point ``distance`` px along the tube from the bag."""
    for a, b in itertools.pairwise(TUBE):
        part = math.dist(a, b)
        if distance <= part:
            t = distance / part
            return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        distance -= part
    return TUBE[-1]


@dataclass
class Drop:
    distance: float = 0.0


@dataclass
class Swimmer:
    """A CAR T cell that has arrived in the vein, on its way to its place (``home``)."""

    x: float
    y: float
    phase: float
    home: tuple[float, float] = (0.0, 0.0)


def gather_place(index: int) -> tuple[float, float]:
    """The place of the ``index``-th cell to arrive: along the rows in turn, the middle row
    set off by half a place, so the crowd looks loose; past the last place, they share."""
    columns = 8
    row = index % len(GATHER_ROWS)
    column = (index // len(GATHER_ROWS)) % columns
    offset = GATHER_STEP / 2 if row == 1 else 0.0
    return GATHER_LEFT + column * GATHER_STEP + offset, GATHER_ROWS[row]


class DripRules(Tapping):
    def __init__(self, scene: Scene, seed: int = 0, session: Session | None = None) -> None:
        self.total = int(scene.activity.options["drops"])
        self.left = self.total  # drops still in the bag
        self.drops: list[Drop] = []
        self.swimmers: list[Swimmer] = []
        self.time = 0.0
        self._tapped = False

    def tap(self, x: float, y: float) -> None:
        bx, by, bw, bh = BAG
        if bx - 30 <= x <= bx + bw + 30 and by - 30 <= y <= by + bh + 60:
            self._tapped = True

    def spots(self) -> list[Spot]:
        """One-switch choice: the IV bag, while it has drops to give."""
        if not self.can_drop:
            return []
        bx, by, bw, bh = BAG
        return [Spot(bx + bw / 2, by + bh / 2, max(bw, bh) / 2, "bag")]

    @property
    def can_drop(self) -> bool:
        return self.left > 0 and len(self.drops) < MAX_DROPS

    def update(self, dt: float) -> list[WorldEvent]:
        self.time += dt
        events: list[WorldEvent] = []
        if self._tapped and self.can_drop:
            self.left -= 1
            self.drops.append(Drop())
            events.append(WorldEvent("drop"))
        self._tapped = False
        length = tube_length()
        for drop in list(self.drops):
            drop.distance += DROP_SPEED * dt
            if drop.distance >= length:
                self.drops.remove(drop)
                x = TUBE[-1][0]
                for i in range(CELLS_PER_DROP):
                    home = gather_place(len(self.swimmers))
                    self.swimmers.append(Swimmer(x + i * 24, VEIN_Y, self.time + i, home))
                events.append(WorldEvent("drip"))
        if self.drops:  # a drop on its way down: the child is not stuck (no hint comes)
            events.append(WorldEvent("fall", busy=True))
        for swimmer in self.swimmers:  # each swims to its place, slowing, and bobs there
            hx, hy = swimmer.home
            hy += math.sin(self.time * 2 + swimmer.phase) * BOB
            gap = math.hypot(hx - swimmer.x, hy - swimmer.y)
            step = min(VEIN_SPEED, 20.0 + 3.0 * gap) * dt
            if gap <= step:
                swimmer.x, swimmer.y = hx, hy
            else:
                swimmer.x += (hx - swimmer.x) / gap * step
                swimmer.y += (hy - swimmer.y) / gap * step
        return events


def drip_limits(scene: Scene) -> dict[str, Most]:
    """Each drop in the bag leaves it once and reaches the vein once."""
    drops = int(scene.activity.options["drops"])
    bag = f"the IV bag holds {{n}} ('drops: {drops}')"
    return {"drop": Most(drops, "drops", bag), "drip": Most(drops, "drops", bag)}


class DripBot:
    """Taps the bag, waits for the drop, taps again."""

    def __init__(self) -> None:
        self.rest = 1.5

    def step(self, rules: DripRules, dt: float) -> list[Gesture]:
        self.rest -= dt
        if not rules.can_drop or self.rest > 0:
            return []
        self.rest = 2.0
        bx, by, bw, bh = BAG
        x, y = bx + bw / 2, by + bh / 2
        return [Press(x, y), Release(x, y)]


register(
    ActivitySpec(
        name="drip",
        make_rules=DripRules,
        make_bot=DripBot,
        events=frozenset({"drop", "drip"}),
        options={"drops": Option(int, 6, 1, 12, "how many drops are in the IV bag")},
        check=lambda scene: goal_problems(scene, drip_limits(scene)),
    )
)
