"""Coming back: the child taps the IV bag and a drop of glowing CAR T cells slides down the tube
into the vein, where the cells flow away into the body."""

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
    """A CAR T cell that has arrived in the vein."""

    x: float
    y: float
    phase: float


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
                    self.swimmers.append(Swimmer(x + i * 24, VEIN_Y, self.time + i))
                events.append(WorldEvent("drip"))
        for swimmer in list(self.swimmers):
            swimmer.x += VEIN_SPEED * dt
            swimmer.y = VEIN_Y + math.sin(self.time * 2 + swimmer.phase) * 14
            if swimmer.x > 1340:
                self.swimmers.remove(swimmer)  # off into the body
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
