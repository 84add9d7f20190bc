"""The hunt: the child steers a CAR T cell through the blood to the leukemia cells.

The CAR fits only its marker (a key in its lock), and healthy B cells carry CD19 too (content
brief F12). So what the child looks for comes from the scene's goals, not from the marker: a
*target* is a free cell the CAR fits that counts toward a goal not yet reached (in the shipped
hunt, a leukemia cell). Only targets are pointed at, offered as one-switch spots and helped
toward. A target docks onto the CAR and breaks apart gently into sparkles ('bind', then 'pop'),
one at a time in the whole hunt (the child's T cell's or a buddy's), with a short rest after
each: a child who sweeps through a crowd of them sees, hears and counts each one on its own, and
the counter goes up by one each time, never by three in one drag (play-test). Any other cell the
CAR fits (a healthy B cell) is never needed: when a CAR T cell passes and touches one, it docks
and fades quietly away ('bind', then 'fade', never 'pop' or a buddy) and counts for nothing.

The child is the one who finds them: a target is found only while the child is hunting (a
finger down, the arrow keys held, their T cell swimming where the child sent it, or a moment
after): a leukemia cell that drifts into a T cell resting on its own is only nudged aside, and the
buddies do not find cells for a child who has stopped (play-test: the counter rose from two to
four while the child did nothing). The buddies (CAR T cells that join, one for each target found)
find cells too as they swim beside a hunting child, though the child always finds at least two in
three, and a buddy no sooner than ``BUDDY_REST`` after the last cell broke apart; a target a buddy
finds counts like one the child finds: every leukemia cell that goes is counted, so while a goal
is unmet a cell it needs is still free (``check_hunt`` makes sure the scene has enough). A buddy
leaves the last cell a goal needs to the child. Healthy B cells are never the child's to chase,
but every child hears of them: once the child has found two, a buddy swims off to meet one.

A cell without the marker wiggles "does not fit" only when the child pushes into it on purpose:
heading at it and pressing on for a moment, never brushing past, never just after a match, and
never while the T cell also touches a cell with the marker, or the cell pushed lies under one: in
a crowd, the child sees the stars, and "that cell has no stars" would contradict them. Cells the
T cell pushes aside are spread gently apart, so none hides another.
Aim assist bends the T cell's path toward a target nearby, more at higher help levels.
"""

from __future__ import annotations

import math
import random

from game.activities import ActivitySpec, Option, register
from game.script.model import Scene
from game.script.session import Session
from game.world import cells as cellmod
from game.world.cells import Cell
from game.world.events import WorldEvent
from game.world.hunt_bot import HuntBot
from game.world.hunt_goals import FOUND, check_hunt, counts
from game.world.spots import Spot

DOCK_SECONDS = 0.7
POP_SECONDS = 0.9
#: A healthy B cell a CAR met fades this slowly: quiet, no sparkles.
FADE_SECONDS = 1.4
WIGGLE_SECONDS = 0.5
WIGGLE_COOLDOWN = 1.5
#: The share of full speed at which the T cell must head into a cell for "does not fit"...
PUSH_SHARE = 0.4
#: ...its heading at most about 45 degrees off the cell's centre (brushing past is not trying)...
PUSH_AIM = 0.7
#: ...and pressing on for this long.
PUSH_SECONDS = 0.25
#: After a CAR fits a cell the child pushes on: no "does not fit" for this long (the docking
#: and the breaking apart, and a little more).
QUIET_AFTER_BIND = 2.5
#: A cell's CD19 stars stand out to this many times its radius from its centre.
STAR_REACH = 1.3
#: After a found cell has broken apart, the next is found no sooner than this (s).
FIND_REST = 0.8
#: Cells near the T cell (and cells with the marker, anywhere) nearer than this share of their
#: two radii are spread apart, until their bodies only touch...
SPREAD_OVERLAP = 1.0
#: ...by this share of the overlap a second: gently, never a jump.
SPREAD_RATE = 4.0
#: In a crowd, the cells with the marker away from the T cell are spread this many at a
#: time, taking turns (in a hunt of a few dozen cells, all of them at every frame).
SPREAD_AWAY = 16
#: More cells than this are a crowd (``bench`` hunts among hundreds): half of them drift at
#: each frame, the other half at the next (see cells.drift_all), and cells lying on one
#: another are spread at every other frame, by twice as much.
CROWD = 100
#: The child is hunting for this long (s) after their last touch or key, and while their T
#: cell still swims to where the finger was lifted: only then are cells found.
HUNTING_GRACE = 2.0
#: A buddy finds a cell no sooner than this (s) after the last found cell broke apart: each
#: one the child finds is seen on its own first.
BUDDY_REST = 3.0
#: The T cell swims when it moves faster than this (px a second): where the child sent it, it
#: slows to a stop, and pressed against the edge it does not move at all.
SWIMMING = 20.0
#: How fast (px a second) a buddy swims to meet a healthy B cell.
ERRAND_SPEED = 220.0
#: How far (px) aim assist reaches at help levels 0 to 3.
ASSIST_REACH = (0.0, 110.0, 190.0, 300.0)
#: Room (px) kept under the child's T cell for its name tag, so the tag stays on screen too.
NAME_TAG_ROOM = 56.0
#: At the start, cells stand at least this far (px) apart, their stars and CARs counted (and
#: in a hunt of a few dozen cells, spreading keeps them so as they drift)...
START_ROOM = 8.0
#: ...moved apart in at most this many passes over every pair (a hunt of a few dozen cells).
START_PASSES = 40
#: The name tag under the child's T cell, kept clear at the start as a round this wide (px).
TAG_RADIUS = 60.0


class HuntRules:
    def __init__(self, scene: Scene, seed: int = 0, session: Session | None = None) -> None:
        self.rng = random.Random(seed)
        self.cells = cellmod.spawn(scene.actors, self.rng)
        player_actor = scene.player
        if player_actor is None:
            raise ValueError(f"scene '{scene.id}' has no player actor")
        self.player = next(c for c in self.cells if c.actor == player_actor.id)
        if len(self.cells) <= CROWD:  # (hundreds cannot all have room: ``bench``)
            fixed = {a.id for a in scene.actors if a.place.points}
            player = self.player
            tag = Cell(-1000, "", "name_tag", player.x, player.y + player.radius + 38, TAG_RADIUS)
            place_apart([*self.cells, tag], [c for c in self.cells if c.actor not in fixed])
        self.speed = float(scene.activity.options["player_speed"])
        self.assist = int(scene.activity.options["aim_assist"])
        self.max_buddies = int(scene.activity.options["buddies"])
        #: CAR T cells that joined the child's T cell: they multiply when they find CD19.
        self.buddies: list[Cell] = []
        self.target: tuple[float, float] | None = None
        self.steering = (0.0, 0.0)
        self.time = 0.0
        #: A finger is down on the hunt, and when the child last touched it or pressed a key.
        self._pressing = False
        self._touched = -math.inf
        #: The T cell swam at this frame (pressed against the edge, it does not).
        self._swimming = False
        #: What each T cell's CAR holds, by the T cell's id, and who holds each held cell: one
        #: at a time, so each "click" is heard on its own.
        self._holding: dict[int, Cell] = {}
        self._holders: dict[int, Cell] = {}
        #: Cells still shaking "does not fit" (or waiting to again), and cells docking, breaking
        #: apart or fading: a few, looked after apart from the crowd.
        self._shaking: list[Cell] = []
        self._leaving: list[Cell] = []
        #: Seconds the child has been pushing into each cell the CAR does not fit, by id.
        self._pushing: dict[int, float] = {}
        self._last_bind = -math.inf
        #: The found cell docking or breaking apart (one at a time), and when the next may be
        #: found.
        self._finding: Cell | None = None
        self._next_find = 0.0
        #: Whose turn it is to be spread, among the many cells with the marker far from the T
        #: cell (see _away_turn).
        self._spread_turn = 0
        #: Frames played: in a crowd of more than CROWD cells, half of it drifts at each, and
        #: cells are spread at every other.
        self._frames = 0
        #: Targets found by the child's own T cell and by its buddies: the buddies help, but the
        #: child finds at least two in three, so the hunt stays the child's.
        self._child_finds = 0
        self._buddy_finds = 0
        #: Healthy B cells must be met for the story to tell F12, but never chased by the child:
        #: once the child has found two targets, the first buddy swims off to meet the nearest
        #: one (its errand) and comes back.
        self._met_bystander = False
        self._errand: Cell | None = None
        #: The goals that count found cells, and what each has counted (as the runner counts).
        self._goals = [g for g in scene.goals if g.when in FOUND]
        self._found = [0] * len(self._goals)
        #: The cells the CAR fits, free or not, and the goals each would count for.
        self._matching = [c for c in self.others() if c.carries(self.player.car)]
        self._matching_ids = {c.id for c in self._matching}
        self._counted_by = {
            c.id: tuple(i for i, g in enumerate(self._goals) if counts(g, c.actor, c.markers))
            for c in self._matching
        }
        #: The cells some goal counts, and the ids of those an unmet goal still counts.
        self._sought = [c for c in self._matching if self._counted_by[c.id]]
        self._wanted = self._still_wanted()

    # input -----------------------------------------------------------------------------------
    def point(self, x: float, y: float) -> None:
        self.target = (x, y)
        self._pressing, self._touched = True, self.time

    def release(self) -> None:
        """The T cell keeps swimming to where the finger was lifted (and rests there)."""
        self._pressing, self._touched = False, self.time

    def steer(self, dx: float, dy: float) -> None:
        self.steering = (dx, dy)
        self._touched = self.time
        if dx or dy:
            self.target = None

    def set_assist(self, level: int) -> None:
        self.assist = max(0, min(3, level))

    # queries ---------------------------------------------------------------------------------
    def others(self) -> list[Cell]:
        return [c for c in self.cells if c is not self.player]

    @property
    def held(self) -> Cell | None:
        """The cell the child's CAR holds."""
        return self._holding.get(self.player.id)

    def holder(self, cell: Cell) -> Cell | None:
        """The T cell (the child's or a buddy) whose CAR holds ``cell``."""
        return self._holders.get(cell.id)

    def is_target(self, cell: Cell) -> bool:
        """A free cell the CAR fits that counts toward a goal not yet reached."""
        return cell.state == "free" and cell.id in self._wanted

    def targets(self) -> list[Cell]:
        """The cells to find, nearest first: never one no goal needs (a healthy B cell)."""
        found = [c for c in self._sought if c.state == "free" and c.id in self._wanted]
        return sorted(found, key=self.player.distance_to)

    def bystanders(self) -> list[Cell]:
        """Free cells the CAR fits that no goal needs (healthy B cells): nothing points at
        them, and the demo bot steers round them."""
        return [c for c in self._matching if c.state == "free" and c.id not in self._wanted]

    def spots(self) -> list[Spot]:
        """One-switch choices: each target; the T cell swims to the chosen one and follows it
        until they meet."""

        def follow(cell: Cell) -> tuple[float, float] | None:
            return (cell.x, cell.y) if self.is_target(cell) else None

        return [
            Spot(c.x, c.y, c.radius + 10, c.kind, to=lambda c=c: follow(c), hold=True)
            for c in self.targets()
        ]

    def nearest_target(self) -> Cell | None:
        """The nearest target (one pass, no sorting: asked every frame)."""
        found = (c for c in self._sought if c.state == "free" and c.id in self._wanted)
        return min(found, key=self.player.distance_to, default=None)

    def hint_target(self) -> Cell | None:
        """The cell a helping arrow points at, from help level 2 up."""
        return self.nearest_target() if self.assist >= 2 else None

    @property
    def hunting(self) -> bool:
        """Whether the child is hunting now: a finger down, an arrow key held, their T cell
        swimming where they sent it, or within ``HUNTING_GRACE`` of their last touch."""
        return (
            self._pressing
            or self.steering != (0.0, 0.0)
            or self._swimming
            or self.time - self._touched < HUNTING_GRACE
        )

    # rules -----------------------------------------------------------------------------------
    def update(self, dt: float) -> list[WorldEvent]:
        self.time += dt
        self._move_player(dt)
        events: list[WorldEvent] = []
        player = self.player
        # The cells near the child's T cell and its buddies (they swim round it), found while
        # the cells move: the only ones either can touch this frame.
        reach = player.radius + 2 * cellmod.BASE_RADIUS["leukemia_cell"]  # and cells it pushed
        for buddy in self.buddies:
            reach = max(reach, math.hypot(buddy.x - player.x, buddy.y - player.y) + buddy.radius)
        crowded = len(self.cells) > CROWD
        turn, self._frames = self._frames & 1, self._frames + 1
        near = cellmod.drift_all(
            self.cells,
            dt,
            self.rng,
            skip=player,
            near=(player.x, player.y, reach),
            turn=turn if crowded else None,
        )
        for cell in list(self._shaking):
            cell.wiggle = max(0.0, cell.wiggle - dt)
            cell.cooldown = max(0.0, cell.cooldown - dt)
            if not (cell.wiggle or cell.cooldown):
                self._shaking.remove(cell)
        pushed, self._pushing = self._pushing, {}
        starred = self._starred_at_hand(near)
        for cell in near:
            events.extend(self._touch(cell, dt, pushed, starred))
        if not crowded:
            near_ids = {c.id for c in near}
            self._spread(near + [c for c in self._matching if c.id not in near_ids], dt, True)
        elif turn:  # a crowd: every other frame, by twice as much, the cells far off in turns
            # (and near: those the T cell itself may have pushed, not all round its buddies)
            pushing = player.radius + 2 * cellmod.BASE_RADIUS["leukemia_cell"]
            close = [
                c
                for c in near
                if -pushing < c.x - player.x < pushing and -pushing < c.y - player.y < pushing
            ]
            close_ids = {c.id for c in close}
            away = self._away_turn([c for c in self._matching if c.id not in close_ids])
            self._spread(close + away, 2 * dt)
        matching = [c for c in near if c.id in self._matching_ids]
        for buddy in self.buddies:
            events.extend(self._buddy_meets(buddy, matching))
        self._send_on_errand()
        for cell in list(self._leaving):
            events.extend(self._leave(cell, dt))
            if cell.state == "gone":
                self._leaving.remove(cell)
        self._follow(dt)
        player.age += dt
        return events

    def _send_on_errand(self) -> None:
        """Once the child has found two targets and no healthy B cell has been met, the first
        buddy swims to the nearest one, so every child hears that the CAR fits them too."""
        if self._errand is not None and self._errand.state != "free":
            self._errand = None
        if self._met_bystander or self._errand is not None or self._child_finds < 2:
            return
        if self.buddies and (waiting := self.bystanders()):
            self._errand = min(waiting, key=self.buddies[0].distance_to)

    def _follow(self, dt: float) -> None:
        """Buddies swim in a loose ring behind the child's T cell; a buddy on an errand swims
        straight to its healthy B cell."""
        player = self.player
        for index, buddy in enumerate(self.buddies):
            if index == 0 and self._errand is not None:
                gap = buddy.distance_to(self._errand)
                step = min(gap, ERRAND_SPEED * dt)
                if gap > 1e-6:
                    buddy.x += (self._errand.x - buddy.x) / gap * step
                    buddy.y += (self._errand.y - buddy.y) / gap * step
                buddy.age += dt
                continue
            angle, reach = self._ring_place(index, buddy)
            tx = player.x + math.cos(angle) * reach
            ty = player.y + math.sin(angle) * reach
            buddy.x += (tx - buddy.x) * min(1.0, dt * 3)
            buddy.y += (ty - buddy.y) * min(1.0, dt * 3)
            buddy.age += dt
        ring = [b for i, b in enumerate(self.buddies) if i or self._errand is None]
        self._spread(ring, dt)  # two places taken on the same side: side by side
        for buddy in ring:
            cellmod.keep_inside(buddy, buddy.radius * cellmod.CAR_REACH)

    def _ring_place(self, index: int, buddy: Cell) -> tuple[float, float]:
        """Where buddy ``index`` swims round the child's T cell: its angle and distance. A
        slowly turning ring; by a wall (or in a corner) the buddies share the open side, a
        little farther out, so none is squeezed against the wall over the T cell's face."""
        player, count = self.player, len(self.buddies)
        reach = player.radius + 46 + 10 * math.sin(self.time * 2 + index)
        room = reach + buddy.radius * cellmod.CAR_REACH
        left, top, right, bottom = cellmod.BOUNDS
        open_x = (player.x - room < left) - (player.x + room > right)
        open_y = (player.y - room < top) - (player.y + room > bottom)
        if not (open_x or open_y):
            return index * math.tau / max(1, count) + self.time * 0.6, reach
        span = math.pi / 2 if open_x and open_y else math.pi
        middle = math.atan2(open_y, open_x)
        reach = max(reach, count * 2.3 * buddy.radius / span)
        return middle - span / 2 + span * (index + 0.5) / count, reach

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
        was_x, was_y = player.x, player.y
        player.x += vx * dt
        player.y += vy * dt
        self._keep_in_view()
        self._swimming = math.hypot(player.x - was_x, player.y - was_y) > SWIMMING * dt
        if not (self._swimming or self._pressing):
            self.target = None  # there, or held by the edge short of it: it rests

    def _keep_in_view(self) -> None:
        """The child's T cell stays wholly on screen: its CARs and its name tag too."""
        player = self.player
        reach = player.radius * cellmod.CAR_REACH if player.car else None
        cellmod.keep_inside(player, reach, NAME_TAG_ROOM)

    def _assisted(self, vx: float, vy: float) -> tuple[float, float]:
        """Bend a moving T cell toward the nearest target within reach (never into a healthy B
        cell on the way: the help leads to the cells to find, not past them)."""
        speed = math.hypot(vx, vy)
        reach = ASSIST_REACH[self.assist]
        if speed < 1 or not reach:
            return vx, vy
        player = self.player
        within = reach + player.radius
        near: list[Cell] = []  # targets nearby, by a square test first: few are measured
        aside: list[Cell] = []  # and healthy B cells nearby
        for c in self._matching:
            if (
                c.state == "free"
                and abs(c.x - player.x) <= within + c.radius
                and abs(c.y - player.y) <= within + c.radius
            ):
                (near if c.id in self._wanted else aside).append(c)
        for cell in sorted(near, key=player.distance_to):
            gap = self.player.distance_to(cell)
            if gap > reach + cell.radius + self.player.radius:
                break
            to_x, to_y = (cell.x - self.player.x) / gap, (cell.y - self.player.y) / gap
            if (vx * to_x + vy * to_y) / speed < 0.2 or self._blocked(cell, gap, aside):
                continue  # only help toward where the child is already heading
            pull = 0.35 + 0.15 * self.assist
            mix_x = vx / speed * (1 - pull) + to_x * pull
            mix_y = vy / speed * (1 - pull) + to_y * pull
            norm = math.hypot(mix_x, mix_y) or 1.0
            return mix_x / norm * speed, mix_y / norm * speed
        return vx, vy

    def _blocked(self, target: Cell, gap: float, aside: list[Cell]) -> bool:
        """Whether one of the cells ``aside`` lies on the straight way to ``target``."""
        player = self.player
        to_x, to_y = (target.x - player.x) / gap, (target.y - player.y) / gap
        for cell in aside:
            bx, by = cell.x - player.x, cell.y - player.y
            along = min(max(bx * to_x + by * to_y, 0.0), gap)
            if math.hypot(bx - to_x * along, by - to_y * along) < player.radius + cell.radius:
                return True
        return False

    def _touch(
        self, cell: Cell, dt: float, pushed: dict[int, float], starred: list[Cell] | None
    ) -> list[WorldEvent]:
        player = self.player
        gap = player.distance_to(cell)
        if gap >= player.radius + cell.radius * 0.9:
            return []
        fits = cell.carries(player.car)
        found = not self.is_target(cell) or (self._may_find() and self.hunting)
        if fits and self.held is None and found:  # a target only for a child who is hunting
            return [self._dock(cell, player)]
        self._nudge_apart(cell, gap)
        if fits or starred is None or any(_covers(star, cell) for star in starred):
            return []  # it fits, but one at a time; or stars are at hand: never "no stars"
        return self._tried(cell, gap, dt, pushed)

    def _starred_at_hand(self, near: list[Cell]) -> list[Cell] | None:
        """The cells with the CAR's marker the child sees at their T cell (``near``: the free
        cells near it, and the one its CAR holds), for ``_covers``; None while the T cell
        touches one: then no cell it touches "has no stars"."""
        player = self.player
        starred = [c for c in near if c.carries(player.car)]
        if self.held is not None:
            starred.append(self.held)
        reach = player.radius * cellmod.CAR_REACH  # where the pictures meet, CARs and stars
        if any(player.distance_to(c) < reach + c.radius * STAR_REACH for c in starred):
            return None
        return starred

    @property
    def leaving(self) -> list[Cell]:
        """The cells held by a CAR, breaking apart or fading, in the order they were met (a
        few at most: the view draws them over the crowd without looking through it)."""
        return self._leaving

    def _may_find(self) -> bool:
        """Whether a target may be found now: none is docking or breaking apart, and the last
        has had its moment (so each is seen and counted on its own)."""
        return self._finding is None and self.time >= self._next_find

    def _away_turn(self, away: list[Cell]) -> list[Cell]:
        """The cells of ``away`` spread at this frame: all of them, or in a crowd of more than
        ``SPREAD_AWAY`` every n-th, a different share at each frame."""
        if len(away) <= SPREAD_AWAY:
            return away
        turns = -(-len(away) // SPREAD_AWAY)
        self._spread_turn = (self._spread_turn + 1) % turns
        return away[self._spread_turn :: turns]

    def _spread(self, crowd: list[Cell], dt: float, drawn: bool = False) -> None:
        """Free cells of ``crowd`` that lie on one another (the T cell pushed them together, or
        they drifted so) move gently apart, so each can be seen: their bodies, or with
        ``drawn`` all that is drawn of them (stars and CARs: a hunt of a few dozen cells, so
        no cell drifts onto another's stars).

        Only cells in the same or a neighbouring square of a grid as wide as the room two cells
        need can lie on one another, so each cell is compared with those few, not with every
        other: a crowd of hundreds costs a fraction of a millisecond (``bench``)."""
        free = [c for c in crowd if c.state == "free"]
        if len(free) < 2:
            return
        share = min(1.0, SPREAD_RATE * dt) / 2
        reach = {c.id: drawn_reach(c) for c in free} if drawn else None
        widest = max(reach.values()) if reach else max(c.radius for c in free)
        size = 2 * widest * SPREAD_OVERLAP + (START_ROOM if reach else 0.0)
        grid: dict[tuple[int, int], list[Cell]] = {}
        for cell in free:
            grid.setdefault((int(cell.x // size), int(cell.y // size)), []).append(cell)
        moved: dict[int, Cell] = {}
        hypot = math.hypot
        for (gx, gy), here in grid.items():
            # This square with itself, then with the squares after it: each pair once.
            for key in (None, (gx + 1, gy), (gx - 1, gy + 1), (gx, gy + 1), (gx + 1, gy + 1)):
                there = here if key is None else grid.get(key)
                if not there:
                    continue
                for index, one in enumerate(here):
                    for other in here[index + 1 :] if key is None else there:
                        dx, dy = other.x - one.x, other.y - one.y
                        if reach is None:
                            room = (one.radius + other.radius) * SPREAD_OVERLAP
                        else:
                            room = reach[one.id] + reach[other.id] + START_ROOM
                        if not (-room < dx < room and -room < dy < room):
                            continue
                        gap = hypot(dx, dy)
                        if gap >= room:
                            continue
                        if gap < 1e-6:
                            dx, dy, gap = 1.0, 0.0, 1.0
                        push = (room - gap) * share / gap
                        one.x -= dx * push
                        one.y -= dy * push
                        other.x += dx * push
                        other.y += dy * push
                        moved[one.id], moved[other.id] = one, other
        for cell in moved.values():
            cellmod.keep_inside(cell)

    def _tried(
        self, cell: Cell, gap: float, dt: float, pushed: dict[int, float]
    ) -> list[WorldEvent]:
        """The child's T cell presses on a cell its CAR does not fit: "does not fit", but only
        for a push on purpose. Not for a T cell drifting back after a passing cell nudged it
        (it moves slowly), nor one brushing past (heading by), nor a brief bump, nor just after
        a match (the child pushing on would hear "no" right after "yes")."""
        player = self.player
        toward = (player.vx * (cell.x - player.x) + player.vy * (cell.y - player.y)) / max(
            gap, 1e-6
        )
        heading = math.hypot(player.vx, player.vy)
        if toward < PUSH_SHARE * self.speed or toward < PUSH_AIM * heading:
            return []
        pressing = pushed.get(cell.id, 0.0) + dt
        self._pushing[cell.id] = pressing
        if (
            pressing < PUSH_SECONDS
            or cell.cooldown > 0
            or self.time - self._last_bind < QUIET_AFTER_BIND
        ):
            return []
        cell.wiggle, cell.cooldown = WIGGLE_SECONDS, WIGGLE_COOLDOWN
        if cell not in self._shaking:
            self._shaking.append(cell)
        return [self._event("no_fit", cell)]

    def _buddy_meets(self, buddy: Cell, nearby: list[Cell]) -> list[WorldEvent]:
        """A buddy's CAR docks a cell it fits that it touches as it swims (one at a time), but
        leaves the child the last cell a goal needs: "You did it!" stays true. ``nearby``: the
        cells the CAR fits that are near enough to be touched (see ``update``)."""
        if buddy.id in self._holding or buddy.car is None:
            return []
        bx, by, radius = buddy.x, buddy.y, buddy.radius
        for cell in nearby:  # the nearness first: every buddy asks every frame
            reach = radius + cell.radius * 0.9
            dx, dy = cell.x - bx, cell.y - by
            if not (-reach < dx < reach and -reach < dy < reach) or dx * dx + dy * dy >= reach**2:
                continue
            if cell.state != "free" or not cell.carries(buddy.car) or self._last_needed(cell):
                continue
            if not self.is_target(cell) or (self._buddy_may_find() and self._may_find()):
                return [self._dock(cell, buddy)]
        return []

    def _buddy_may_find(self) -> bool:
        """Whether a buddy may find a target now: beside a child who is hunting, a while after
        the last cell broke apart, and the child keeps at least two in three."""
        return (
            (self._buddy_finds + 1) * 2 <= self._child_finds
            and self.time >= self._next_find - FIND_REST + BUDDY_REST
            and self.hunting
        )

    def _last_needed(self, cell: Cell) -> bool:
        """Whether finding ``cell`` would reach a goal."""
        return any(
            self._goals[i].count - self._found[i] == 1 for i in self._counted_by.get(cell.id, ())
        )

    def _dock(self, cell: Cell, holder: Cell) -> WorldEvent:
        """The CAR fits: ``cell`` docks onto ``holder``. A target will break apart; any other
        cell (a healthy B cell) is only met, and will fade quietly away."""
        cell.state = "docking" if self.is_target(cell) else "meeting"
        if cell.state == "meeting":
            self._met_bystander = True
        else:
            self._finding = cell
            if holder is self.player:
                self._child_finds += 1
            else:
                self._buddy_finds += 1
        cell.timer = 0.0
        self._holding[holder.id] = cell
        self._holders[cell.id] = holder
        self._leaving.append(cell)
        self._last_bind = self.time
        return self._event("bind", cell)

    def _event(self, kind: str, cell: Cell) -> WorldEvent:
        """An event about ``cell``, counted toward the goals as the scene runner will count
        it, so the rules know which goals are still unmet."""
        for index, goal in enumerate(self._goals):
            if (
                goal.when == kind
                and self._found[index] < goal.count
                and counts(goal, cell.actor, cell.markers)
            ):
                self._found[index] += 1
                if self._found[index] == goal.count:  # reached: its cells are wanted no more
                    self._wanted = self._still_wanted()
        return WorldEvent(kind, cell.actor, cell.markers)

    def _still_wanted(self) -> set[int]:
        """The ids of the cells a goal not yet reached counts."""
        unmet = {i for i, goal in enumerate(self._goals) if self._found[i] < goal.count}
        return {c.id for c in self._sought if unmet.intersection(self._counted_by[c.id])}

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
            self._keep_in_view()

    def _leave(self, cell: Cell, dt: float) -> list[WorldEvent]:
        """A held cell glides to its T cell's edge; then a target breaks apart into sparkles
        (and a buddy may join), and a cell only met fades away."""
        cell.timer += dt
        events: list[WorldEvent] = []
        if cell.state in ("docking", "meeting"):
            holder = self._holders[cell.id]
            angle = math.atan2(cell.y - holder.y, cell.x - holder.x)
            reach = holder.radius + cell.radius * 0.8
            cell.x += (holder.x + math.cos(angle) * reach - cell.x) * min(1.0, dt * 8)
            cell.y += (holder.y + math.sin(angle) * reach - cell.y) * min(1.0, dt * 8)
            cellmod.keep_inside(cell)  # held at a T cell by the edge: still wholly seen
            if cell.timer < DOCK_SECONDS:
                return events
            del self._holding[holder.id], self._holders[cell.id]
            if cell.state == "meeting":
                cell.state, cell.timer = "fading", 0.0
                return [self._event("fade", cell)]
            cell.state, cell.timer = "popping", 0.0
            events.append(self._event("pop", cell))
            if len(self.buddies) < self.max_buddies:
                self.buddies.append(self._buddy())
                events.append(self._event("buddy", cell))
        elif cell.timer >= (POP_SECONDS if cell.state == "popping" else FADE_SECONDS):
            cell.state = "gone"
            if cell is self._finding:
                self._finding, self._next_find = None, self.time + FIND_REST
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


def drawn_reach(cell: Cell) -> float:
    """How far from its centre ``cell`` is drawn: its CARs, its stars, or its body."""
    if cell.car is not None:
        return cell.radius * cellmod.CAR_REACH
    return cell.radius * (STAR_REACH if cell.markers else 1.0)


def place_apart(cells: list[Cell], movable: list[Cell]) -> None:
    """At the start, cells placed at random in their areas are moved apart until none lies on
    another, stars and CARs counted, with ``START_ROOM`` between them (play-test: they started
    on one another and were spread apart only later). Only ``movable`` cells move (not the
    child's T cell and its name tag, nor cells the scene placed at points)."""
    moving = {c.id for c in movable}
    for _ in range(START_PASSES):
        crowded = False
        for index, one in enumerate(cells):
            for other in cells[index + 1 :]:
                if one.id not in moving and other.id not in moving:
                    continue
                room = drawn_reach(one) + drawn_reach(other) + START_ROOM
                dx, dy = other.x - one.x, other.y - one.y
                gap = math.hypot(dx, dy)
                if gap >= room:
                    continue
                crowded = True
                if gap < 1e-6:
                    dx, dy, gap = 1.0, 0.0, 1.0
                push = (room - gap) / gap
                share = 0.5 if one.id in moving and other.id in moving else 1.0
                if one.id in moving:
                    one.x -= dx * push * share
                    one.y -= dy * push * share
                    cellmod.keep_inside(one, drawn_reach(one))
                if other.id in moving:
                    other.x += dx * push * share
                    other.y += dy * push * share
                    cellmod.keep_inside(other, drawn_reach(other))
        if not crowded:
            return


def _covers(star: Cell, cell: Cell) -> bool:
    """Whether ``star`` (a cell with the CAR's marker) lies over much of ``cell``: the child
    sees stars there, not ``cell``."""
    return star.distance_to(cell) < star.radius + cell.radius * 0.5


register(
    ActivitySpec(
        name="hunt",
        make_rules=HuntRules,
        make_bot=HuntBot,
        events=frozenset({"bind", "no_fit", "pop", "fade", "buddy"}),
        options={
            "buddies": Option(int, 0, 0, 12, "CAR T cells that join, one for each cell found"),
            "player_speed": Option(float, 300.0, 100, 800, "how fast the T cell swims (px/s)"),
            "aim_assist": Option(int, 1, 0, 3, "help steering toward a matching cell at the start"),
        },
        needs_player=True,
        check=check_hunt,
    )
)
