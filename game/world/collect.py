"""Collecting (leukapheresis): blood flows from one arm through a tube into a friendly machine
and back to the other arm. The child drags the T cells into the collection bag; every other cell
flows back to the body. Nothing is lost: a T cell that flows past comes round again."""

from __future__ import annotations

import math
import random

from game.activities import ActivitySpec, Option, register
from game.script.errors import Problem, Where
from game.script.model import Scene
from game.script.session import Session
from game.world.cells import BASE_RADIUS, Cell
from game.world.events import WorldEvent
from game.world.gestures import Gesture, Move, Press, Release
from game.world.spots import Spot
from game.world.tapping import Tapping

TUBE_Y = 250.0
TUBE_LEFT, TUBE_RIGHT = 150.0, 1130.0
#: The machine's window, where the child can see and take the cells.
MACHINE = (400.0, 140.0, 480.0, 220.0)  # x, y, width, height
BAG = (505.0, 420.0, 270.0, 190.0)
#: A finger this close to a cell's centre (px) picks it up: bigger than small cells.
GRAB_REACH = 64.0
RETURN_SPEED = 500.0
CELL_SCALE = 0.8


def bag_centre() -> tuple[float, float]:
    bx, by, bw, bh = BAG
    return bx + bw / 2, by + bh / 2


def in_bag(x: float, y: float) -> bool:
    bx, by, bw, bh = BAG
    return bx - 30 <= x <= bx + bw + 30 and by - 40 <= y <= by + bh + 20


class CollectRules(Tapping):
    def __init__(self, scene: Scene, seed: int = 0, session: Session | None = None) -> None:
        self.rng = random.Random(seed)
        self.flow = float(scene.activity.options["flow_speed"])
        kinds = [(a.id, a.kind) for a in scene.actors for _ in range(a.count)]
        self.rng.shuffle(kinds)
        spacing = (TUBE_RIGHT - TUBE_LEFT) / max(1, len(kinds))
        self.cells = [
            Cell(
                id=index,
                actor=actor,
                kind=kind,
                x=TUBE_LEFT + (index + 0.5) * spacing,
                y=TUBE_Y,
                radius=BASE_RADIUS[kind] * CELL_SCALE,
                heading=self.rng.uniform(0, math.tau),
            )
            for index, (actor, kind) in enumerate(kinds)
        ]
        self.held: Cell | None = None
        self.finger: tuple[float, float] | None = None
        self.time = 0.0
        self._events: list[WorldEvent] = []

    # input -----------------------------------------------------------------------------------
    def point(self, x: float, y: float) -> None:
        self.finger = (x, y)  # a held cell follows the finger
        super().point(x, y)

    def tap(self, x: float, y: float) -> None:
        """Pick up the cell under the finger, if there is one."""
        free = [c for c in self.cells if c.state == "free"]
        near = min(free, key=lambda c: math.hypot(c.x - x, c.y - y), default=None)
        if near is not None and math.hypot(near.x - x, near.y - y) <= max(GRAB_REACH, near.radius):
            self.held = near
            near.state = "held"

    def release(self) -> None:
        super().release()
        cell, self.held = self.held, None
        if cell is None:
            return
        if in_bag(cell.x, cell.y) and cell.kind == "t_cell":
            cell.state = "kept"
            self._events.append(WorldEvent("collect", cell.actor))
        else:
            cell.state = "returning"
            if in_bag(cell.x, cell.y):
                self._events.append(WorldEvent("not_this", cell.actor))

    # queries ---------------------------------------------------------------------------------
    def kept(self) -> list[Cell]:
        return [c for c in self.cells if c.state == "kept"]

    def spots(self) -> list[Spot]:
        """One-switch choices: each cell in the machine's window, carried to the bag (the
        child still chooses which: a cell that is not a T cell comes back out)."""
        mx, _, mw, _ = MACHINE
        found = [c for c in self.cells if c.state == "free" and mx <= c.x <= mx + mw]
        found.sort(key=lambda c: c.x)
        return [Spot(c.x, c.y, c.radius + 8, c.kind, to=bag_centre) for c in found]

    def hint_target(self) -> Cell | None:
        """The T cell a helping arrow points at, from help level 2 up: the one in the window."""
        if self.assist < 2:
            return None
        mx, _, mw, _ = MACHINE
        free = [c for c in self.cells if c.kind == "t_cell" and c.state == "free"]
        return min(free, key=lambda c: abs(c.x - (mx + mw / 2)), default=None)

    # rules -----------------------------------------------------------------------------------
    def update(self, dt: float) -> list[WorldEvent]:
        self.time += dt
        for cell in self.cells:
            cell.age += dt
            if cell.state == "free":
                cell.x += self.flow * dt
                cell.y = TUBE_Y + math.sin(cell.age * 1.3 + cell.heading) * 10
                if cell.x > TUBE_RIGHT + 40:
                    cell.x -= TUBE_RIGHT - TUBE_LEFT + 80  # back to the body, and round again
            elif cell.state == "held" and self.finger is not None:
                cell.x, cell.y = self.finger
            elif cell.state == "returning":
                self._return(cell, dt)
            elif cell.state == "kept":
                self._settle(cell, dt)
        events, self._events = self._events, []
        return events

    def _return(self, cell: Cell, dt: float) -> None:
        gap = abs(cell.y - TUBE_Y)
        step = RETURN_SPEED * dt
        if gap <= step:
            cell.y, cell.state = TUBE_Y, "free"
        else:
            cell.y += math.copysign(step, TUBE_Y - cell.y)

    def _settle(self, cell: Cell, dt: float) -> None:
        """Kept cells float to their own place in the bag."""
        index = self.kept().index(cell)
        bx, by, bw, _ = BAG
        tx = bx + 60 + (index % 4) * (bw - 120) / 3
        ty = by + 70 + (index // 4) * 60
        cell.x += (tx - cell.x) * min(1.0, dt * 6)
        cell.y += (ty - cell.y) * min(1.0, dt * 6)


class CollectBot:
    """Picks up the T cell nearest the machine's window and drags it into the bag."""

    FINGER_SPEED = 500.0

    def __init__(self) -> None:
        self.finger: tuple[float, float] | None = None
        self.rest = 0.0

    def step(self, rules: CollectRules, dt: float) -> list[Gesture]:
        self.rest -= dt
        if self.finger is None:
            free = [c for c in rules.cells if c.kind == "t_cell" and c.state == "free"]
            mx, _, mw, _ = MACHINE
            ready = [c for c in free if mx <= c.x <= mx + mw]
            if not ready or self.rest > 0:
                return []
            cell = ready[0]
            self.finger = (cell.x, cell.y)
            return [Press(*self.finger)]
        goal = bag_centre()
        fx, fy = self.finger
        gap = math.hypot(goal[0] - fx, goal[1] - fy)
        if gap < 4:
            self.finger, self.rest = None, 1.0
            return [Release(*goal)]
        step = min(gap, self.FINGER_SPEED * dt)
        self.finger = (fx + (goal[0] - fx) / gap * step, fy + (goal[1] - fy) / gap * step)
        return [Move(*self.finger)]


def check_collect(scene: Scene) -> list[Problem]:
    t_cells = sum(a.count for a in scene.actors if a.kind == "t_cell")
    problems = []
    for goal in scene.goals:
        if goal.when == "collect" and goal.count > t_cells:
            problems.append(
                Problem(
                    goal.where,
                    f"goal '{goal.id}' needs {goal.count} T cells, the scene has {t_cells}",
                )
            )
    if sum(a.count for a in scene.actors) > 24:
        problems.append(Problem(Where(scene.path), "the tube holds at most 24 cells"))
    return problems


register(
    ActivitySpec(
        name="collect",
        make_rules=CollectRules,
        make_bot=CollectBot,
        events=frozenset({"collect", "not_this"}),
        options={"flow_speed": Option(float, 60.0, 10, 200, "how fast blood flows (px/s)")},
        check=check_collect,
    )
)
