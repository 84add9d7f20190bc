"""The hunt: the child steers a CAR T cell through the blood to the cells that carry CD19.

The CAR fits only its marker (a key in its lock). A cell with the marker docks onto the CAR and
then breaks apart gently into sparkles, one at a time, so each "click" is heard on its own; a cell
without it gives a small "does not fit" wiggle.
Aim assist bends the T cell's path toward a matching cell nearby, more at higher help levels.
"""

from __future__ import annotations

import math
import random

from game.activities import ActivitySpec, Option, register
from game.script.errors import Problem
from game.script.model import Scene
from game.script.session import Session
from game.world import cells as cellmod
from game.world.cells import Cell
from game.world.events import WorldEvent
from game.world.gestures import Gesture, Move, Press, Release
from game.world.spots import Spot

DOCK_SECONDS = 0.7
POP_SECONDS = 0.9
WIGGLE_SECONDS = 0.5
WIGGLE_COOLDOWN = 1.5
#: The share of full speed at which the T cell must head into a cell for "does not fit".
PUSH_SHARE = 0.4
#: How far (px) aim assist reaches at help levels 0 to 3.
ASSIST_REACH = (0.0, 110.0, 190.0, 300.0)


class HuntRules:
    def __init__(self, scene: Scene, seed: int = 0, session: Session | None = None) -> None:
        self.rng = random.Random(seed)
        self.cells = cellmod.spawn(scene.actors, self.rng)
        player_actor = scene.player
        if player_actor is None:
            raise ValueError(f"scene '{scene.id}' has no player actor")
        self.player = next(c for c in self.cells if c.actor == player_actor.id)
        self.speed = float(scene.activity.options["player_speed"])
        self.assist = int(scene.activity.options["aim_assist"])
        self.max_buddies = int(scene.activity.options["buddies"])
        #: CAR T cells that joined the child's T cell: they multiply when they find CD19.
        self.buddies: list[Cell] = []
        self.target: tuple[float, float] | None = None
        self.steering = (0.0, 0.0)
        self.time = 0.0
        #: The cell the CAR holds: one at a time, so each "click" is heard on its own.
        self.held: Cell | None = None
        #: Cells still shaking "does not fit" (or waiting to again), and cells docking or
        #: breaking apart: a few, looked after apart from the crowd.
        self._shaking: list[Cell] = []
        self._leaving: list[Cell] = []
        #: The cells the CAR fits, free or not (the targets are the free ones).
        self._matching = [c for c in self.others() if c.carries(self.player.car)]

    # input -----------------------------------------------------------------------------------
    def point(self, x: float, y: float) -> None:
        self.target = (x, y)

    def release(self) -> None:
        """The T cell keeps swimming to where the finger was lifted."""

    def steer(self, dx: float, dy: float) -> None:
        self.steering = (dx, dy)
        if dx or dy:
            self.target = None

    def set_assist(self, level: int) -> None:
        self.assist = max(0, min(3, level))

    # queries ---------------------------------------------------------------------------------
    def others(self) -> list[Cell]:
        return [c for c in self.cells if c is not self.player]

    def targets(self) -> list[Cell]:
        """Free cells the CAR fits, nearest first."""
        found = [c for c in self._matching if c.state == "free"]
        return sorted(found, key=self.player.distance_to)

    def spots(self) -> list[Spot]:
        """One-switch choices: each cell the CAR fits; the T cell swims to the chosen one and
        follows it until they meet."""

        def follow(cell: Cell) -> tuple[float, float] | None:
            return (cell.x, cell.y) if cell.state == "free" else None

        return [
            Spot(c.x, c.y, c.radius + 10, c.kind, to=lambda c=c: follow(c), hold=True)
            for c in self.targets()
        ]

    def nearest_target(self) -> Cell | None:
        """The nearest free cell the CAR fits (one pass, no sorting: asked every frame)."""
        free = (c for c in self._matching if c.state == "free")
        return min(free, key=self.player.distance_to, default=None)

    def hint_target(self) -> Cell | None:
        """The cell a helping arrow points at, from help level 2 up."""
        return self.nearest_target() if self.assist >= 2 else None

    # rules -----------------------------------------------------------------------------------
    def update(self, dt: float) -> list[WorldEvent]:
        self.time += dt
        self._move_player(dt)
        events: list[WorldEvent] = []
        player = self.player
        near = cellmod.drift_all(
            self.cells, dt, self.rng, skip=player, near=(player.x, player.y, player.radius)
        )
        for cell in list(self._shaking):
            cell.wiggle = max(0.0, cell.wiggle - dt)
            cell.cooldown = max(0.0, cell.cooldown - dt)
            if not (cell.wiggle or cell.cooldown):
                self._shaking.remove(cell)
        for cell in near:
            events.extend(self._touch(cell))
        for cell in list(self._leaving):
            events.extend(self._break_apart(cell, dt))
            if cell.state == "gone":
                self._leaving.remove(cell)
        self._follow(dt)
        player.age += dt
        return events

    def _follow(self, dt: float) -> None:
        """Buddies swim in a loose ring behind the child's T cell."""
        player = self.player
        for index, buddy in enumerate(self.buddies):
            angle = index * math.tau / max(1, len(self.buddies)) + self.time * 0.6
            reach = player.radius + 46 + 10 * math.sin(self.time * 2 + index)
            tx = player.x + math.cos(angle) * reach
            ty = player.y + math.sin(angle) * reach
            buddy.x += (tx - buddy.x) * min(1.0, dt * 3)
            buddy.y += (ty - buddy.y) * min(1.0, dt * 3)
            buddy.age += dt

    def _move_player(self, dt: float) -> None:
        player = self.player
        dx, dy = self.steering
        if dx or dy:
            length = math.hypot(dx, dy)
            vx, vy = dx / length * self.speed, dy / length * self.speed
        elif self.target is not None:
            tx, ty = self.target
            gap = math.hypot(tx - player.x, ty - player.y)
            if gap < 2:
                vx = vy = 0.0
            else:
                speed = self.speed * min(1.0, gap / 60.0 + 0.15)
                vx, vy = (tx - player.x) / gap * speed, (ty - player.y) / gap * speed
        else:
            vx = vy = 0.0
        vx, vy = self._assisted(vx, vy)
        player.vx, player.vy = vx, vy
        player.x += vx * dt
        player.y += vy * dt
        cellmod.keep_inside(player)

    def _assisted(self, vx: float, vy: float) -> tuple[float, float]:
        """Bend a moving T cell toward the nearest matching cell within reach."""
        speed = math.hypot(vx, vy)
        reach = ASSIST_REACH[self.assist]
        if speed < 1 or not reach:
            return vx, vy
        player = self.player
        within = reach + player.radius
        near = [  # a square test first: only the few cells nearby are measured and sorted
            c
            for c in self._matching
            if c.state == "free"
            and abs(c.x - player.x) <= within + c.radius
            and abs(c.y - player.y) <= within + c.radius
        ]
        for cell in sorted(near, key=player.distance_to):
            gap = self.player.distance_to(cell)
            if gap > reach + cell.radius + self.player.radius:
                break
            to_x, to_y = (cell.x - self.player.x) / gap, (cell.y - self.player.y) / gap
            if (vx * to_x + vy * to_y) / speed < 0.2:
                continue  # only help toward where the child is already heading
            pull = 0.35 + 0.15 * self.assist
            mix_x = vx / speed * (1 - pull) + to_x * pull
            mix_y = vy / speed * (1 - pull) + to_y * pull
            norm = math.hypot(mix_x, mix_y) or 1.0
            return mix_x / norm * speed, mix_y / norm * speed
        return vx, vy

    def _touch(self, cell: Cell) -> list[WorldEvent]:
        player = self.player
        gap = player.distance_to(cell)
        if gap >= player.radius + cell.radius * 0.9:
            return []
        if cell.carries(player.car) and self.held is None:
            cell.state, cell.timer = "docking", 0.0
            self.held = cell
            self._leaving.append(cell)
            return [WorldEvent("bind", cell.actor, cell.markers)]
        self._nudge_apart(cell, gap)
        if cell.carries(player.car):
            return []  # it fits, but the CAR is holding another: one at a time
        # Only the child's own push counts: a T cell drifting back after a passing cell nudged it
        # moves slowly, and must not hear "does not fit" again and again.
        toward = (player.vx * (cell.x - player.x) + player.vy * (cell.y - player.y)) / max(
            gap, 1e-6
        )
        if cell.cooldown > 0 or toward < PUSH_SHARE * self.speed:
            return []
        cell.wiggle, cell.cooldown = WIGGLE_SECONDS, WIGGLE_COOLDOWN
        if cell not in self._shaking:
            self._shaking.append(cell)
        return [WorldEvent("no_fit", cell.actor, cell.markers)]

    def _nudge_apart(self, cell: Cell, gap: float) -> None:
        """Cells do not overlap: the other cell moves aside, and where a wall stops it, the T cell
        bounces softly back."""
        player = self.player
        contact = player.radius + cell.radius * 0.9
        if gap < 1e-6:
            cell.x += contact
            gap = contact
        cell.x += (cell.x - player.x) / gap * (contact - gap)
        cell.y += (cell.y - player.y) / gap * (contact - gap)
        cellmod.keep_inside(cell)
        gap = player.distance_to(cell)
        if gap < contact and gap > 1e-6:
            player.x -= (cell.x - player.x) / gap * (contact - gap)
            player.y -= (cell.y - player.y) / gap * (contact - gap)
            cellmod.keep_inside(player)

    def _break_apart(self, cell: Cell, dt: float) -> list[WorldEvent]:
        cell.timer += dt
        events: list[WorldEvent] = []
        if cell.state == "docking":
            # Held on the CAR: glide to the T cell's edge, then break apart.
            angle = math.atan2(cell.y - self.player.y, cell.x - self.player.x)
            reach = self.player.radius + cell.radius * 0.8
            cell.x += (self.player.x + math.cos(angle) * reach - cell.x) * min(1.0, dt * 8)
            cell.y += (self.player.y + math.sin(angle) * reach - cell.y) * min(1.0, dt * 8)
            if cell.timer >= DOCK_SECONDS:
                cell.state, cell.timer = "popping", 0.0
                self.held = None
                events.append(WorldEvent("pop", cell.actor, cell.markers))
                if len(self.buddies) < self.max_buddies:
                    self.buddies.append(self._buddy())
                    events.append(WorldEvent("buddy", cell.actor, cell.markers))
        elif cell.state == "popping" and cell.timer >= POP_SECONDS:
            cell.state = "gone"
        return events

    def _buddy(self) -> Cell:
        player = self.player
        return Cell(
            id=-1 - len(self.buddies),
            actor=player.actor,
            kind="t_cell",
            x=player.x,
            y=player.y,
            radius=player.radius * 0.55,
            car=player.car,
        )


class HuntBot:
    """Plays like a child: finger on the T cell, then drag it to the nearest starred cell."""

    FINGER_SPEED = 420.0

    def __init__(self) -> None:
        self.finger: tuple[float, float] | None = None
        self.held = 0.0

    def step(self, rules: HuntRules, dt: float) -> list[Gesture]:
        goal = rules.nearest_target()
        if self.finger is None:
            if goal is None:
                return []
            self.finger, self.held = (rules.player.x, rules.player.y), 0.0
            return [Press(*self.finger)]
        self.held += dt
        if goal is None or self.held > 4.0:
            x, y = self.finger
            self.finger = None
            return [Release(x, y)]
        fx, fy = self.finger
        gap = math.hypot(goal.x - fx, goal.y - fy)
        step = min(gap, self.FINGER_SPEED * dt)
        if gap > 1e-6:
            fx, fy = fx + (goal.x - fx) / gap * step, fy + (goal.y - fy) / gap * step
        self.finger = (fx, fy)
        return [Move(fx, fy)]


def check_hunt(scene: Scene) -> list[Problem]:
    """A hunt needs a CAR on the player, and enough matching cells for every bind goal."""
    problems = []
    player = scene.player
    if player is not None and player.car is None:
        return [Problem(player.where, "the hunt's player needs a CAR: add 'car: cd19'")]
    for goal in scene.goals:
        if goal.when != "bind":
            continue
        matching = sum(
            a.count
            for a in scene.actors
            if not a.player
            and (goal.actor in (None, a.id))
            and (goal.marker is None or goal.marker in a.markers)
            and (player is None or player.car in a.markers)
        )
        if matching < goal.count:
            problems.append(
                Problem(
                    goal.where,
                    f"goal '{goal.id}' needs {goal.count} cells the "
                    f"CAR fits, but the scene has {matching}",
                )
            )
    return problems


register(
    ActivitySpec(
        name="hunt",
        make_rules=HuntRules,
        make_bot=HuntBot,
        events=frozenset({"bind", "no_fit", "pop", "buddy"}),
        options={
            "buddies": Option(int, 0, 0, 12, "CAR T cells that join, one for each cell found"),
            "player_speed": Option(float, 300.0, 100, 800, "how fast the T cell swims (px/s)"),
            "aim_assist": Option(int, 1, 0, 3, "help steering toward a matching cell at the start"),
        },
        needs_player=True,
        check=check_hunt,
    )
)
