"""The lab: the child drags CAR pieces onto their T cell. Each clicks into an empty place on its
surface. When every CAR is on, a cell carrying CD19 floats by and the CAR fits it, like a key in
its lock.

The CARs take a finger once the narration begins the line that tells the child what to do (the
last of the scene's ``start`` lines, "Drag each CAR onto your T cell."): through the story told
before it they rest in their trays, dimmed, so a child is never dragging while being told what a
CAR is, and hears the instruction just as dragging begins.

A CAR let go anywhere on the T cell (its middle too) or near an empty place goes to the empty
place nearest where it was let go, with a click. Let go anywhere else, it glides gently back to
its tray ('back', which a scene can answer with a soft sound), so the child sees it was not
lost and can try again."""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.activities import ActivitySpec, Option, register
from game.script.model import Scene
from game.script.session import Session
from game.world.events import WorldEvent
from game.world.gestures import Gesture, Move, Press, Release
from game.world.reach import Most, goal_problems
from game.world.spots import Spot
from game.world.tapping import Tapping

CENTRE = (640.0, 350.0)
CELL_RADIUS = 105.0
#: How far from the cell's centre a CAR piece sits once attached.
SLOT_REACH = CELL_RADIUS * 1.25
#: A piece let go this close to an empty place clicks into it...
SNAP = 95.0
#: ...and so does one let go this close to the cell's centre: on the cell, or just off its edge.
ON_CELL = CELL_RADIUS + 30.0
GRAB_REACH = 70.0
#: A piece let go off the cell glides home at most this fast (px/s), slowing as it arrives...
HOME_SPEED = 420.0
#: ...and a piece that clicks on slides out to its place this fast.
CLICK_SPEED = 1400.0
#: A piece let go this close to its place in the tray was only picked up: no 'back'.
STILL = 40.0
VISIT_SECONDS = 2.2
#: The leukemia cell that visits once every CAR is on: big enough to see its CD19 stars (the T
#: cell's radius is 105)...
VISITOR_RADIUS = 84.0
#: ...and it stops beside the CAR on the T cell's upper right, one of its stars held in that
#: CAR's Y ("like a key in a lock"), where the child sees both: how far out from the CAR's
#: middle its Y holds the star, and from the star to the visitor's middle (a CD19 star stands
#: about 1.16 of the cell's radius out: see art._marked_cell).
FIT_SLOT = 1
CUP = 32.0
STAR_REACH = 1.16 * VISITOR_RADIUS
#: Where the visitor comes from: off the screen, top right.
VISIT_START = (1420.0, 130.0)
#: A healthy B cell with its CD19 comes first, while the name tag line says "CD19 is like a name
#: tag on B cells" (its ``shows``): it glides in from the right, below the visitor's way, and
#: stands beside the T cell's lower right, clear of the CARs and the story's box...
B_CELL_RADIUS = 62.0
B_CELL_START = (1420.0, 470.0)
B_CELL_AT = (990.0, 470.0)
#: ...until the next line that does not name it begins ("Leukemia cells wear CD19 too"): then
#: it glides back out to the right in this long, gathering speed (as a cell going does in
#: 'Meet your T cell', game/world/stage.py), so the CAR fits the one cell with CD19 left in
#: sight. Its way out stays below the leukemia cell's way in: they never touch.
B_CELL_LEAVE_SECONDS = 0.5


@dataclass
class Piece:
    id: int
    home: tuple[float, float]
    x: float
    y: float
    slot: int | None = None  # the place it is attached at
    held: bool = False


def slot_position(index: int, count: int) -> tuple[float, float]:
    angle = -math.pi / 2 + index * math.tau / count
    return CENTRE[0] + math.cos(angle) * SLOT_REACH, CENTRE[1] + math.sin(angle) * SLOT_REACH


def slot_angle(index: int, count: int) -> float:
    return -math.pi / 2 + index * math.tau / count


def _homes(count: int) -> list[tuple[float, float]]:
    """The tray: half the pieces on the left, half on the right, away from the cell."""
    left = (count + 1) // 2
    homes = []
    for i in range(count):
        side, row, rows = (0, i, left) if i < left else (1, i - left, count - left)
        y = 150 + (row + 0.5) * 440 / rows
        homes.append((170.0 if side == 0 else 1110.0, y))
    return homes


class AttachRules(Tapping):
    def __init__(self, scene: Scene, seed: int = 0, session: Session | None = None) -> None:
        self.count = int(scene.activity.options["pieces"])
        self.pieces = [Piece(i, home, *home) for i, home in enumerate(_homes(self.count))]
        self.held: Piece | None = None
        self.time = 0.0
        #: A cell with CD19 that visits once every CAR is on: 0..1 of its way in, or None. It
        #: comes as the line that names it begins (``shows: leukemia_cell``), or at once when
        #: no line does or no narration tells these rules its lines (the rules played alone).
        self.visit: float | None = None
        #: The healthy B cell that comes with the line that names it (``shows: b_cell``): 0..1
        #: of its way in, or None...
        self.b_cell: float | None = None
        #: ...and 0..1 of its way out once a line that does not name it begins, or None while
        #: it stays; from where it was then (``_b_cell_from``).
        self.b_cell_leaving: float | None = None
        self._b_cell_from = B_CELL_AT
        self._shows = {line.id: line.shows for line in scene.lines if line.shows}
        self._told = any("leukemia_cell" in shows for shows in self._shows.values())
        self._narrated = False  # a narration tells these rules its lines (see begin)
        self._events: list[WorldEvent] = []
        #: The line that tells the child to begin; the CARs take a finger once it is begun.
        self.go_line = _go_line(scene)
        self.ready = self.go_line is None

    @property
    def waiting_to_ask(self) -> str | None:
        """The line the CARs wait for, handed to the narration but not yet begun; None once it
        has begun (or when the scene tells nothing first). The chapter calls :meth:`ask`."""
        return None if self.ready else self.go_line

    def begin(self, line_id: str) -> None:
        """The narration has begun ``line_id``: once every CAR is on, the cells it names come
        (a healthy B cell, then the leukemia cell the CAR fits), so what is said is seen. The
        B cell goes as a line that does not name it begins: the leukemia cell stays, so the CAR
        is seen to fit it and the closing card is beside it."""
        self._narrated = True
        if self.empty_slots():
            return
        shows = self._shows.get(line_id, ())
        if "b_cell" in shows:
            if self.b_cell is None or self.b_cell_leaving is not None:
                self.b_cell, self.b_cell_leaving = 0.0, None  # (named again: it comes back)
        elif self.b_cell is not None and self.b_cell_leaving is None:
            self._b_cell_from = self.b_cell_position() or B_CELL_AT
            self.b_cell_leaving = 0.0
        if "leukemia_cell" in shows and self.visit is None:
            self.visit = 0.0

    def ask(self, line_id: str) -> None:
        """The narration has begun ``line_id``: if it is the instruction, the CARs wake up."""
        if line_id == self.go_line:
            self.ready = True

    # input -----------------------------------------------------------------------------------
    def point(self, x: float, y: float) -> None:
        if self.held is not None:
            self.held.x, self.held.y = x, y
        super().point(x, y)

    def tap(self, x: float, y: float) -> None:
        """Pick up the CAR piece under the finger, if there is one (once the child is told)."""
        if not self.ready:
            return
        free = [p for p in self.pieces if p.slot is None]
        near = min(free, key=lambda p: math.hypot(p.x - x, p.y - y), default=None)
        if near is not None and math.hypot(near.x - x, near.y - y) <= GRAB_REACH:
            self.held, near.held = near, True
            near.x, near.y = x, y

    def release(self) -> None:
        super().release()
        piece, self.held = self.held, None
        if piece is None:
            return
        piece.held = False
        slot = self._nearest_empty(piece.x, piece.y)
        if slot is not None and self._clicks_on(piece, slot):
            piece.slot = slot  # it slides out to its place (see update)
            self._events.append(WorldEvent("attach"))
            waits = self._told and self._narrated  # for the line that names it
            if not waits and all(p.slot is not None for p in self.pieces):
                self.visit = 0.0
        elif math.hypot(*_minus(piece.home, piece)) > STILL:
            self._events.append(WorldEvent("back"))

    def _clicks_on(self, piece: Piece, slot: int) -> bool:
        """Whether ``piece``, let go where it is, clicks into ``slot``: it is on the cell, or
        near that place."""
        on_cell = math.hypot(*_minus(CENTRE, piece)) <= ON_CELL
        return on_cell or math.hypot(*_minus(slot_position(slot, self.count), piece)) <= SNAP

    # queries ---------------------------------------------------------------------------------
    def empty_slots(self) -> list[int]:
        taken = {p.slot for p in self.pieces}
        return [i for i in range(self.count) if i not in taken]

    def _nearest_empty(self, x: float, y: float) -> int | None:
        return min(
            self.empty_slots(),
            key=lambda i: math.hypot(
                slot_position(i, self.count)[0] - x, slot_position(i, self.count)[1] - y
            ),
            default=None,
        )

    def spots(self) -> list[Spot]:
        """One-switch choices: each loose piece, carried to the nearest empty place."""
        if not self.ready:
            return []
        found = []
        for piece in self.pieces:
            if piece.slot is None and piece is not self.held:
                slot = self._nearest_empty(piece.x, piece.y)
                if slot is not None:
                    goal = slot_position(slot, self.count)
                    found.append(Spot(piece.x, piece.y, 50, "piece", to=lambda g=goal: g))
        return found

    def gliding_home(self) -> bool:
        """Whether a piece let go off the cell is on its way back to the tray."""
        return any(p.slot is None and not p.held and p.home != (p.x, p.y) for p in self.pieces)

    def hint(self) -> tuple[Piece, int] | None:
        """A piece and the place it could go, shown from help level 2 up."""
        if self.assist < 2 or self.held is not None or not self.ready:
            return None
        free = [p for p in self.pieces if p.slot is None]
        if not free:
            return None
        piece = free[0]
        slot = self._nearest_empty(piece.x, piece.y)
        return None if slot is None else (piece, slot)

    # rules -----------------------------------------------------------------------------------
    def update(self, dt: float) -> list[WorldEvent]:
        self.time += dt
        for piece in self.pieces:
            if piece.slot is not None:
                _glide(piece, slot_position(piece.slot, self.count), CLICK_SPEED * dt)
            elif not piece.held:  # gently: slower as it comes home
                gap = math.hypot(*_minus(piece.home, piece))
                _glide(piece, piece.home, min(HOME_SPEED, 40.0 + 4.0 * gap) * dt)
        if self.b_cell is not None:
            self.b_cell = min(1.0, self.b_cell + dt / VISIT_SECONDS)
        if self.b_cell_leaving is not None:
            self.b_cell_leaving = min(1.0, self.b_cell_leaving + dt / B_CELL_LEAVE_SECONDS)
        if self.visit is not None and self.visit < 1.0:
            self.visit = min(1.0, self.visit + dt / VISIT_SECONDS)
            if self.visit >= 1.0:
                self._events.append(WorldEvent("fit", markers=frozenset({"cd19"})))
        events, self._events = self._events, []
        return events

    def fit_point(self) -> tuple[float, float]:
        """Where the CAR the visitor fits holds its CD19 star: in that CAR's Y."""
        return _out(slot_angle(FIT_SLOT, self.count), SLOT_REACH + CUP)

    def visitor_position(self) -> tuple[float, float] | None:
        """Where the visiting CD19 cell's middle is: gliding in from the right, slowing, to
        beside the CAR it fits (never over it)."""
        if self.visit is None:
            return None
        tx, ty = _out(slot_angle(FIT_SLOT, self.count), SLOT_REACH + CUP + STAR_REACH)
        sx, sy = VISIT_START
        ease = 1 - (1 - self.visit) ** 3
        return sx + (tx - sx) * ease, sy + (ty - sy) * ease

    def b_cell_position(self) -> tuple[float, float] | None:
        """Where the healthy B cell's middle is: gliding in from the right, slowing, to its
        place beside the T cell, and out again, gathering speed, once the story moves on; None
        before it is named and once it is gone."""
        if self.b_cell is None:
            return None
        if self.b_cell_leaving is not None:
            if self.b_cell_leaving >= 1.0:
                return None
            (sx, sy), (tx, ty) = self._b_cell_from, B_CELL_START
            ease = self.b_cell_leaving**2
        else:
            (sx, sy), (tx, ty) = B_CELL_START, B_CELL_AT
            ease = 1 - (1 - self.b_cell) ** 3
        return sx + (tx - sx) * ease, sy + (ty - sy) * ease


def _out(angle: float, reach: float) -> tuple[float, float]:
    """The point ``reach`` px from the T cell's middle, at ``angle``."""
    return CENTRE[0] + math.cos(angle) * reach, CENTRE[1] + math.sin(angle) * reach


def _go_line(scene: Scene) -> str | None:
    """The last line the scene says as it starts: the one that tells the child what to do."""
    starting = [line for t in scene.triggers if t.when == "start" for line in t.say]
    return starting[-1] if starting else None


def _minus(point: tuple[float, float], piece: Piece) -> tuple[float, float]:
    return point[0] - piece.x, point[1] - piece.y


def _glide(piece: Piece, goal: tuple[float, float], step: float) -> None:
    """Move ``piece`` up to ``step`` px toward ``goal``, arriving exactly."""
    dx, dy = _minus(goal, piece)
    gap = math.hypot(dx, dy)
    if gap <= step:
        piece.x, piece.y = goal
    else:
        piece.x += dx / gap * step
        piece.y += dy / gap * step


def attach_limits(scene: Scene) -> dict[str, Most]:
    """Each CAR piece clicks on once; a cell with CD19 comes, and fits, once."""
    pieces = int(scene.activity.options["pieces"])
    return {
        "attach": Most(pieces, "CARs put on", f"the lab has {{n}} ('pieces: {pieces}')"),
        "fit": Most(1, "fits", "the CAR fits a cell once", markers=frozenset({"cd19"})),
        "back": Most(
            mistake="when a CAR is let go off the cell: a child who puts each one on would be "
            "stuck; count 'attach' instead"
        ),
    }


class AttachBot:
    """Drags each CAR piece to the nearest empty place, resting a moment between pieces."""

    FINGER_SPEED = 600.0

    def __init__(self) -> None:
        self.goal: tuple[float, float] | None = None
        self.finger: tuple[float, float] | None = None
        self.rest = 1.0

    def step(self, rules: AttachRules, dt: float) -> list[Gesture]:
        self.rest -= dt
        if self.finger is None:
            if not rules.ready:
                return []  # a child is being told what a CAR is
            free = [p for p in rules.pieces if p.slot is None]
            if not free or self.rest > 0:
                return []
            piece = free[0]
            slot = rules._nearest_empty(piece.x, piece.y)
            if slot is None:
                return []
            self.finger, self.goal = (piece.x, piece.y), slot_position(slot, rules.count)
            return [Press(*self.finger)]
        assert self.goal is not None
        fx, fy = self.finger
        gx, gy = self.goal
        gap = math.hypot(gx - fx, gy - fy)
        if gap < 3:
            self.finger, self.rest = None, 0.8
            return [Release(gx, gy)]
        step = min(gap, self.FINGER_SPEED * dt)
        self.finger = (fx + (gx - fx) / gap * step, fy + (gy - fy) / gap * step)
        return [Move(*self.finger)]


register(
    ActivitySpec(
        name="attach",
        make_rules=AttachRules,
        make_bot=AttachBot,
        events=frozenset({"attach", "back", "fit"}),
        options={"pieces": Option(int, 6, 2, 8, "how many CAR pieces to put on")},
        check=lambda scene: goal_problems(scene, attach_limits(scene)),
    )
)
