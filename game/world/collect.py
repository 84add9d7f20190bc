"""Collecting (leukapheresis): blood flows from one arm through a tube into a friendly machine
and back to the other arm. The child drags the T cells into the collection bag; every other cell
flows back to the body. Nothing is lost: a T cell that flows past comes round again.

Made for small fingers on a moving stream: the cells flow in single file, each in its own place
with room round it (a cell let go glides back to its place), and a press takes the T cell near
the finger before any other cell, since T cells are what the child is asked to take. The stream
stands still while a finger is down reaching for a cell (and a moment after a press that took
nothing, for another try), so a T cell the child reaches for waits for them: a press where it
was a moment ago takes it, a finger that landed beside it takes it as it slides onto it, and a
press a little way off, on no other cell, takes it too."""

from __future__ import annotations

import math
import random
from collections import deque

from game.activities import ActivitySpec, Option, register
from game.script.errors import Problem, Where
from game.script.model import Scene
from game.script.session import Session
from game.world.cells import BASE_RADIUS, Cell
from game.world.events import WorldEvent
from game.world.gestures import Gesture, Move, Press, Release
from game.world.reach import Most, goal_problems
from game.world.spots import Spot
from game.world.tapping import Tapping

TUBE_Y = 250.0
TUBE_LEFT, TUBE_RIGHT = 150.0, 1130.0
#: The friendly machine; its window (where the child sees the cells and takes them) is the
#: middle of it, ``WINDOW_INSET`` in from each side.
MACHINE = (400.0, 140.0, 480.0, 220.0)  # x, y, width, height
WINDOW_INSET = 30.0
BAG = (505.0, 420.0, 270.0, 190.0)
#: A finger this close to a T cell's centre (px) picks it up: a generous reach (twice its
#: radius), as T cells are what the child is asked to take...
T_CELL_REACH = 72.0
#: ...and this close to another cell's edge, when no T cell is within reach: a child may still
#: try a red cell (and hear that it goes back), but a tiny platelet is not taken by a near miss.
GRAB_MARGIN = 16.0
#: A press on no cell at all takes a T cell this close (px): a little way off it still counts.
T_CELL_WIDE_REACH = 110.0
#: How fast the stream comes to a stop under a finger, and gets going again (its share of its
#: speed a second): still a fifth of a second after the finger lands.
PACE_EASE = 5.0
#: Seconds the stream stays still after a press that took nothing, for the child's next try.
LINGER = 1.5
#: A press where a T cell was this many seconds ago takes it: the finger lands where the
#: child saw it, and it has flowed on a little since.
REACH_BACK = 1.2
RETURN_SPEED = 500.0
CELL_SCALE = 0.8
#: The least room (px) between two cells next to each other in the stream: a finger pressed on
#: a red cell is beyond the reach of the T cell beside it.
ROOM = 14.0
#: Where a cell leaves the tube for the body (it comes round again from the other arm).
STREAM_END = TUBE_RIGHT + 40.0


def bag_centre() -> tuple[float, float]:
    bx, by, bw, bh = BAG
    return bx + bw / 2, by + bh / 2


def in_bag(x: float, y: float) -> bool:
    bx, by, bw, bh = BAG
    return bx - 30 <= x <= bx + bw + 30 and by - 40 <= y <= by + bh + 20


def in_window(cell: Cell) -> bool:
    """Whether ``cell`` flows through the machine's window, where the child can take it."""
    mx, _, mw, _ = MACHINE
    return cell.state == "free" and mx + WINDOW_INSET <= cell.x <= mx + mw - WINDOW_INSET


class CollectRules(Tapping):
    def __init__(self, scene: Scene, seed: int = 0, session: Session | None = None) -> None:
        self.rng = random.Random(seed)
        self.flow = float(scene.activity.options["flow_speed"])
        kinds = [(a.id, a.kind) for a in scene.actors for _ in range(a.count)]
        self.rng.shuffle(kinds)
        self.cells = [
            Cell(
                id=index,
                actor=actor,
                kind=kind,
                x=0.0,
                y=TUBE_Y,
                radius=BASE_RADIUS[kind] * CELL_SCALE,
                heading=self.rng.uniform(0, math.tau),
            )
            for index, (actor, kind) in enumerate(kinds)
        ]
        self.time = 0.0
        #: How far the stream has flowed (px), and how fast it flows now (1: the scene's speed,
        #: 0: still, under a finger).
        self.travel = 0.0
        self.pace = 1.0
        self.linger = 0.0
        self._travelled: deque[tuple[float, float]] = deque()  # (time, travel) of late
        self.loop, self.places = _stream(self.cells)
        for cell in self.cells:
            cell.x = self.place(cell)
        self.held: Cell | None = None
        self.finger: tuple[float, float] | None = None
        self._events: list[WorldEvent] = []

    # input -----------------------------------------------------------------------------------
    def point(self, x: float, y: float) -> None:
        self.finger = (x, y)  # a held cell follows the finger
        if self.pressed and self.held is None:  # a finger that slides onto a T cell takes it
            near = self.cell_at(x, y, t_cells_only=True)
            if near is not None:
                self.held, near.state = near, "held"
        super().point(x, y)

    def tap(self, x: float, y: float) -> None:
        """Pick up the T cell nearest the finger within a generous reach; else the nearest
        other cell within a smaller one (a child may still try a red cell, and learn)."""
        near = self.cell_at(x, y)
        if near is not None:
            self.held = near
            near.state = "held"

    def cell_at(self, x: float, y: float, t_cells_only: bool = False) -> Cell | None:
        """The cell a press at (x, y) takes: a T cell within ``T_CELL_REACH`` of where it is or
        was a moment ago (a child's finger lands where they saw it) first (see ``tap``), else
        another cell under the finger, else a T cell a little further off."""
        free = sorted(
            (math.hypot(c.x - x, c.y - y), c.kind != "t_cell", c.id, c)
            for c in self.cells
            if c.state == "free"
        )
        t_cells = [(gap, c) for gap, other, _, c in free if not other]
        trail = self.travel - self._travel_before()
        behind = [
            (math.hypot(max(0.0, c.x - trail - x, x - c.x), c.y - y), c.id, c) for _, c in t_cells
        ]
        reached = min(behind, default=None)
        if reached is not None and reached[0] <= T_CELL_REACH:
            return reached[2]
        if t_cells_only:
            return None
        under = [c for gap, other, _, c in free if other and gap <= c.radius + GRAB_MARGIN]
        if under:
            return under[0]
        if t_cells and t_cells[0][0] <= T_CELL_WIDE_REACH:
            return t_cells[0][1]
        return None

    def release(self) -> None:
        lifted = self.pressed
        super().release()
        cell, self.held = self.held, None
        if cell is None:
            if lifted:  # the child missed: the stream waits for the next try
                self.linger = LINGER
            return
        if in_bag(cell.x, cell.y) and cell.kind == "t_cell":
            cell.state = "kept"
            self._events.append(WorldEvent("collect", cell.actor))
        else:
            cell.state = "returning"
            if in_bag(cell.x, cell.y):
                self._events.append(WorldEvent("not_this", cell.actor))

    def _travel_before(self) -> float:
        """How far the stream had flowed ``REACH_BACK`` seconds ago (or when it was first
        seen)."""
        return self._travelled[0][1] if self._travelled else self.travel

    # queries ---------------------------------------------------------------------------------
    def kept(self) -> list[Cell]:
        return [c for c in self.cells if c.state == "kept"]

    def spots(self) -> list[Spot]:
        """One-switch choices: each cell in the machine's window, carried to the bag (the
        child still chooses which: a cell that is not a T cell comes back out)."""
        found = sorted((c for c in self.cells if in_window(c)), key=lambda c: c.x)
        return [Spot(c.x, c.y, c.radius + 8, c.kind, to=bag_centre) for c in found]

    def hint_target(self) -> Cell | None:
        """The T cell a helping arrow points at, from help level 2 up: one in the machine's
        window, nearest its middle; none while no T cell is in it (the arrow never points
        from a cell outside the machine)."""
        if self.assist < 2:
            return None
        mx, _, mw, _ = MACHINE
        ready = [c for c in self.cells if c.kind == "t_cell" and in_window(c)]
        return min(ready, key=lambda c: abs(c.x - (mx + mw / 2)), default=None)

    def place(self, cell: Cell) -> float:
        """Where ``cell``'s own place in the stream is now, across the tube: all places flow
        together, so cells never crowd each other."""
        start = STREAM_END - self.loop
        return start + (self.places[cell.id] + self.travel - start) % self.loop

    # rules -----------------------------------------------------------------------------------
    def update(self, dt: float) -> list[WorldEvent]:
        self.time += dt
        self.linger = max(0.0, self.linger - dt)
        # still under a finger reaching for a cell, or waiting for another try; a cell being
        # carried to the bag lets the others flow on
        still = (self.pressed and self.held is None) or self.linger > 0
        goal, step = (0.0 if still else 1.0), PACE_EASE * dt
        self.pace = max(goal, self.pace - step) if self.pace > goal else min(goal, self.pace + step)
        self.travel += self.flow * self.pace * dt
        self._travelled.append((self.time, self.travel))
        while self._travelled and self._travelled[0][0] < self.time - REACH_BACK:
            self._travelled.popleft()
        for cell in self.cells:
            cell.age += dt
            if cell.state == "free":  # at its place; back to the body, and round again
                cell.x = self.place(cell)
                cell.y = TUBE_Y + math.sin(cell.age * 1.3 + cell.heading) * 10
            elif cell.state == "held" and self.finger is not None:
                cell.x, cell.y = self.finger
            elif cell.state == "returning":
                self._return(cell, dt)
            elif cell.state == "kept":
                self._settle(cell, dt)
        events, self._events = self._events, []
        if self.held is not None:  # carrying a cell is not being stuck: no hint comes
            events.append(WorldEvent("carry", self.held.actor, busy=True))
        return events

    def _return(self, cell: Cell, dt: float) -> None:
        """A cell let go glides back to its own place in the stream (the nearer way round:
        near the end of the tube it flows on into the body)."""
        tx = self.place(cell)
        if tx - cell.x > self.loop / 2:
            tx -= self.loop
        elif cell.x - tx > self.loop / 2:
            tx += self.loop
        gap = math.hypot(tx - cell.x, TUBE_Y - cell.y)
        step = RETURN_SPEED * dt
        if gap <= step:
            cell.x, cell.y, cell.state = self.place(cell), TUBE_Y, "free"
        else:
            cell.x += (tx - cell.x) / gap * step
            cell.y += (TUBE_Y - cell.y) / gap * step

    def _settle(self, cell: Cell, dt: float) -> None:
        """Kept cells float to their own place in the bag."""
        index = self.kept().index(cell)
        bx, by, bw, _ = BAG
        tx = bx + 60 + (index % 4) * (bw - 120) / 3
        ty = by + 70 + (index // 4) * 60
        cell.x += (tx - cell.x) * min(1.0, dt * 6)
        cell.y += (ty - cell.y) * min(1.0, dt * 6)


def _stream(cells: list[Cell]) -> tuple[float, dict[int, float]]:
    """The length of the stream's round trip (the tube, and through the body when the cells
    need more room than the tube has) and each cell's place on it at the start: in single
    file, each with ``ROOM`` round it."""
    needed = sum(2 * c.radius + ROOM for c in cells)
    loop = max(STREAM_END - (TUBE_LEFT - 40.0), needed)
    places: dict[int, float] = {}
    x = STREAM_END - loop
    spare = (loop - needed) / max(1, len(cells))
    for cell in cells:
        x += cell.radius + (ROOM + spare) / 2
        places[cell.id] = x
        x += cell.radius + (ROOM + spare) / 2
    return loop, places


class CollectBot:
    """Picks up the T cell nearest the machine's window and drags it into the bag."""

    FINGER_SPEED = 500.0

    def __init__(self) -> None:
        self.finger: tuple[float, float] | None = None
        self.rest = 0.0

    def step(self, rules: CollectRules, dt: float) -> list[Gesture]:
        self.rest -= dt
        if self.finger is None:
            ready = [c for c in rules.cells if c.kind == "t_cell" and in_window(c)]
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
    """Every T cell (of the goal's actor, when it names one) can be put in the bag once;
    another cell in the bag goes back, which a child who plays it right never does."""
    t_cells = {a.id: a.count for a in scene.actors if a.kind == "t_cell"}
    limits = {
        "collect": Most(noun="T cells", has="the scene has {n}", actors=t_cells),
        "not_this": Most(
            mistake="when a cell that is not a T cell is put in the bag: a child who takes "
            "only T cells would be stuck; count 'collect' instead"
        ),
    }
    problems = goal_problems(scene, limits)
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
