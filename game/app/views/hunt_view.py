"""Draws the hunt: the bloodstream, the cells, the CAR locking onto CD19, sparkles, the counter
and the helping arrow. It only reads the rules' state.

Only a cell the child is looking for (a leukemia cell) is celebrated: a ring grows round the
held star and the cell breaks apart into sparkles. A healthy B cell a CAR meets docks without the
ring and fades quietly away."""

from __future__ import annotations

import math

import pygame

from game.app import pace
from game.app.ui import art, theme, widgets
from game.script.model import Scene
from game.script.runner import Runner
from game.script.session import Session
from game.script.strings import Strings
from game.world.cells import BOUNDS, Cell
from game.world.hunt import DOCK_SECONDS, FADE_SECONDS, POP_SECONDS, STAR_REACH, HuntRules

_LAYER = {"platelet": 0, "red_blood_cell": 1, "b_cell": 2, "leukemia_cell": 2, "t_cell": 3}


#: Turned pictures (the CAR holding a star, the helping arrow) are made for every this many
#: degrees, once, instead of being drawn every frame.
TURN_STEP = 5
#: The helping arrow's size (px).
ARROW = 96
#: A cell breaking apart shrinks in this many steps, each made once.
SHRINK_STEPS = 10
#: A healthy B cell fades in this many steps, each made once.
FADE_STEPS = 12
#: Room the name tag under the child's T cell may take (px): half its width (a long name),
#: and its height.
TAG_HALF_WIDTH = 110
TAG_HEIGHT = 48


class HuntView:
    def __init__(self, scene: Scene, rules: HuntRules, session: Session, strings: Strings) -> None:
        self.strings = strings
        self.scene = scene
        self.rules = rules
        self.session = session
        self.background = art.background(scene.background)
        #: Back to front (the cells never change order; the child's T cell is on top), each
        #: with its picture and half its size, for the colour in ``_colour``.
        self._order = sorted(rules.cells, key=lambda c: (_LAYER[c.kind], c is rules.player))
        self._colour = ""
        self._pictures: list[tuple[Cell, pygame.Surface, int, int]] = []
        self._sprites: dict[int, pygame.Surface] = {}  # each cell's picture, by id
        self._shrunk: dict[tuple[int, int], pygame.Surface] = {}
        self._faded: dict[tuple[int, int], pygame.Surface] = {}

    def pace(self) -> int:
        """Every frame while the T cell swims or a cell docks, breaks apart or wiggles; cells
        drifting in the blood (and buddies circling) look smooth at a calmer pace."""
        rules = self.rules
        player = rules.player
        if player.vx or player.vy or rules.leaving:
            return pace.MOVING
        if any(cell.wiggle > 0 for cell in rules.cells):
            return pace.MOVING
        if rules.buddies or any(c.state == "free" and c.drift_speed > 0 for c in rules.cells):
            return pace.DRIFTING
        return pace.RESTING if rules.hint_target() is None else pace.pulsing()

    def draw(self, canvas: pygame.Surface, runner: Runner) -> None:
        rules = self.rules
        canvas.blit(self.background, (0, 0))
        # The crowd goes in one blits() call: most of a frame's drawing (pygame drops the
        # fraction of each place). A cell that does not fit gives a short shake; a cell
        # breaking apart is drawn over the crowd.
        shake = not theme.look().reduced_motion
        pictured = self._pictured()
        art.blit_all(
            canvas,
            [
                (
                    sprite,
                    (
                        (_shaken(cell) if cell.wiggle and shake else cell.x) - half_w,
                        cell.y - half_h,
                    ),
                )
                for cell, sprite, half_w, half_h in pictured
                if cell.state in ("free", "docking", "meeting")
            ],
        )
        self._effects(canvas)
        if rules.buddies:
            buddy = self._picture(rules.buddies[0])  # every buddy looks alike
            half_w, half_h = buddy.get_width() // 2, buddy.get_height() // 2
            art.blit_all(canvas, [(buddy, (b.x - half_w, b.y - half_h)) for b in rules.buddies])
        player = rules.player
        widgets.name_tag(
            canvas, self.strings, self.session.hero_name, player.x, player.y + player.radius + 14
        )
        self._over_the_tag(canvas)
        self._hint(canvas)

    def _over_the_tag(self, canvas: pygame.Surface) -> None:
        """The cell the helping arrow points at is drawn again over the name tag when it lies
        where the tag is, so the tag never hides it (play-test)."""
        target = self.rules.hint_target()
        if target is None or self.session.hero_name is None:
            return
        player = self.rules.player
        reach = target.radius * STAR_REACH  # with its stars
        top = player.y + player.radius + 14
        if (
            abs(target.x - player.x) < TAG_HALF_WIDTH + reach
            and top - reach < target.y < top + TAG_HEIGHT + reach
        ):
            sprite = self._sprites[target.id]
            canvas.blit(sprite, sprite.get_rect(center=(round(target.x), round(target.y))))

    def lowest(self) -> float:
        """The lowest row anything that moves may be drawn at now: the swimming band's bottom
        (cells, buddies and the name tag are kept inside it), or lower for the helping arrow
        and a found cell's sparkles and ring near the bottom: the story box under it is
        drawn again only when something reaches under its top (see ``NarrationView.draw``)."""
        rules = self.rules
        bottom = BOUNDS[3]
        for cell in rules.leaving:  # sparkles: 1.8 radii out; a held star's ring: 1.32 + 47
            holder = rules.holder(cell) if cell.state in ("docking", "meeting") else cell
            low = max(cell.y, holder.y) + 2 * max(cell.radius, holder.radius) + 50
            bottom = max(bottom, low)
        arrow = self.arrow()
        if arrow is not None:  # turned, the arrow reaches 68 px from its centre
            bottom = max(bottom, arrow[0][1] + ARROW * 0.71 + 2)
        return bottom

    def hero_rect(self) -> pygame.Rect:
        """The child's CAR T cell with its name tag, and the CAR T cells that joined it: what
        the closing card must not cover."""
        player = self.rules.player
        reach = round(player.radius * 1.4)  # its CARs stand out round it
        hero = pygame.Rect(0, 0, 2 * reach, 2 * reach + 60)  # the name tag under it
        hero.midtop = (round(player.x), round(player.y) - reach)
        for buddy in self.rules.buddies:
            buddy_rect = pygame.Rect(0, 0, round(buddy.radius * 2.8), round(buddy.radius * 2.8))
            buddy_rect.center = (round(buddy.x), round(buddy.y))
            hero.union_ip(buddy_rect)
        return hero

    def _pictured(self) -> list[tuple[Cell, pygame.Surface, int, int]]:
        """The cells back to front with their pictures (looked up again if the child's colour
        changed). Each picture is the run-length-encoded copy (``art.quick_to_draw``): the
        crowd is most of a frame's drawing."""
        colour = self.session.hero_colour
        if colour != self._colour:
            self._colour = colour
            self._pictures = []
            for cell in self._order:
                sprite = art.quick_to_draw(self._picture(cell))
                self._pictures.append(
                    (cell, sprite, sprite.get_width() // 2, sprite.get_height() // 2)
                )
            self._sprites = {cell.id: sprite for cell, sprite, _, _ in self._pictures}
        return self._pictures

    def _picture(self, cell: Cell) -> pygame.Surface:
        return art.cell_sprite(
            cell.kind, round(cell.radius), bool(cell.markers), cell.car is not None, self._colour
        )

    def _effects(self, canvas: pygame.Surface) -> None:
        """Over the crowd, in one blits() call: the CAR holding the star of each held cell (the
        key in its lock), on the child's T cell or a buddy; each found cell breaking apart
        gently, shrinking away into drifting sparkles; each healthy B cell met fading away.
        Then a ring grows round each held star of a found cell (never a healthy B cell's)."""
        rules = self.rules
        batch: list[tuple[pygame.Surface, tuple[int, int]]] = []
        rings = []
        for cell in rules.leaving:
            sprite = self._sprites[cell.id]
            holder = rules.holder(cell) if cell.state in ("docking", "meeting") else None
            if holder is not None:
                angle = math.atan2(cell.y - holder.y, cell.x - holder.x)
                turn = round(math.degrees(angle) / TURN_STEP) * TURN_STEP % 360
                lock, (dx, dy) = art.car_holding_star(round(holder.radius), turn)
                batch.append((lock, (round(holder.x) + dx, round(holder.y) + dy)))
                if cell.state == "docking":
                    star = holder.radius * 1.32
                    grow = min(1.0, cell.timer / DOCK_SECONDS)
                    rings.append(
                        (holder.x + math.cos(angle) * star, holder.y + math.sin(angle) * star, grow)
                    )
            elif cell.state == "popping":
                batch.extend(self._pop(cell, sprite))
            elif cell.state == "fading":
                batch.append(self._fade(cell, sprite))
        art.blit_all(canvas, batch)
        for x, y, grow in rings:
            pygame.draw.circle(canvas, art.ORANGE, (x, y), 18 + 26 * grow, width=3)

    def _pop(
        self, cell: Cell, sprite: pygame.Surface
    ) -> list[tuple[pygame.Surface, tuple[int, int]]]:
        """A cell breaking apart: its shrinking picture, and ten sparkles drifting out."""
        found = []
        t = min(1.0, cell.timer / POP_SECONDS)
        if t < 0.4:
            step = min(SHRINK_STEPS - 1, int(t * 2 * SHRINK_STEPS))
            small = self._shrunk.get((cell.id, step))
            if small is None:
                small = pygame.transform.smoothscale_by(sprite, 1.0 - step / SHRINK_STEPS)
                self._shrunk[(cell.id, step)] = small
            found.append((small, small.get_rect(center=(round(cell.x), round(cell.y))).topleft))
        reach = cell.radius * (0.3 + 1.5 * t)
        dot = art.sparkle(max(4, round(28 * (1.0 - t))))
        half = dot.get_width() // 2
        x, y = cell.x - half, cell.y - 20 * t - half
        for i in range(10):
            angle = i * math.tau / 10 + cell.id
            found.append(
                (dot, (round(x + math.cos(angle) * reach), round(y + math.sin(angle) * reach)))
            )
        return found

    def _fade(self, cell: Cell, sprite: pygame.Surface) -> tuple[pygame.Surface, tuple[int, int]]:
        """A healthy B cell a CAR met: its picture growing fainter where it is, no sparkles."""
        step = min(FADE_STEPS - 1, int(cell.timer / FADE_SECONDS * FADE_STEPS))
        faint = self._faded.get((cell.id, step))
        if faint is None:
            faint = sprite.copy()
            faint.set_alpha(round(255 * (1.0 - (step + 1) / (FADE_STEPS + 1))))
            self._faded[(cell.id, step)] = faint
        return faint, faint.get_rect(center=(round(cell.x), round(cell.y))).topleft

    def _hint(self, canvas: pygame.Surface) -> None:
        arrow = self.arrow()
        if arrow is None:
            return
        (x, y), turn = arrow
        pointer = art.arrow_turned(ARROW, turn)
        canvas.blit(pointer, pointer.get_rect(center=(round(x), round(y))))

    def arrow(self) -> tuple[tuple[float, float], int] | None:
        """Where the helping arrow is drawn (its centre) and which way it points (degrees):
        beside the child's T cell, pointing at the cell to find; when that cell is so near that
        the arrow would lie on it (play-test: it hid the cell), over the cell pointing down at
        it (under it, pointing up, by the top edge). None with no arrow."""
        rules = self.rules
        target = rules.hint_target()
        if target is None:
            return None
        player = rules.player
        angle = math.atan2(target.y - player.y, target.x - player.x)
        bob = 6 * theme.pulse(rules.time, 0.48)
        reach = player.radius + 50 + bob
        x, y = player.x + math.cos(angle) * reach, player.y + math.sin(angle) * reach
        clear = target.radius * STAR_REACH + ARROW / 2  # its stars, and half the arrow
        if math.hypot(target.x - x, target.y - y) < clear:
            x, y, angle = target.x, target.y - clear - bob, math.pi / 2
            if y - ARROW / 2 < BOUNDS[1]:
                y, angle = target.y + clear + bob, -math.pi / 2
        return (x, y), round(math.degrees(angle) / TURN_STEP) * TURN_STEP % 360


def _shaken(cell: Cell) -> float:
    """Where a cell is drawn across: shaking a little while it says "does not fit"."""
    return cell.x + math.sin(cell.wiggle * 40) * 7 * (cell.wiggle / 0.5)
