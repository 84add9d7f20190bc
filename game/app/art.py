"""The game's pictures, painted once with pygame and kept as surfaces.

Everything is drawn three times too large and smoothly shrunk, which gives soft, anti-aliased
edges with the plain pygame drawing calls. Colours come from the Okabe–Ito palette, which
colour-blind children can tell apart, and meaning never rests on colour alone: CD19 is a star
shape, the CAR a Y-shaped hand.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from functools import cache

import pygame

from game import resources

log = logging.getLogger(__name__)

SUPERSAMPLE = 3
INK = (43, 43, 58)
PAPER = (255, 253, 247)
# Okabe–Ito
ORANGE = (230, 159, 0)
SKY = (86, 180, 233)
GREEN = (0, 158, 115)
YELLOW = (240, 228, 66)
BLUE = (0, 114, 178)
VERMILLION = (213, 94, 0)
PURPLE = (204, 121, 167)
#: For buttons with white words on them (contrast above 7:1).
PURPLE_DARK = (112, 58, 124)
GREEN_DARK = (0, 112, 80)
VERMILLION_DARK = (160, 52, 0)


def painted(
    size: tuple[int, int], paint: Callable[[pygame.Surface, float], None]
) -> pygame.Surface:
    """A picture of ``size``: ``paint`` draws it ``SUPERSAMPLE`` times larger (its second
    argument is that scale), and it is smoothly shrunk, for soft anti-aliased edges."""
    big = pygame.Surface((size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE), pygame.SRCALPHA)
    paint(big, SUPERSAMPLE)
    return pygame.transform.smoothscale(big, size)


def blit_all(
    canvas: pygame.Surface, batch: Sequence[tuple[pygame.Surface, tuple[float, float]]]
) -> None:
    """Draw many pictures at once: pygame-ce's ``fblits`` where there is one (a tenth quicker
    for a crowd of cells), else ``blits``. Places may have fractions; they are dropped."""
    if _FBLITS:
        canvas.fblits(batch)
    else:
        canvas.blits(batch, False)


_FBLITS = hasattr(pygame.Surface, "fblits")


def _around(cx: float, cy: float, radius: float, angle: float) -> tuple[float, float]:
    return cx + math.cos(angle) * radius, cy + math.sin(angle) * radius


def star_points(
    cx: float, cy: float, outer: float, inner: float, points: int = 5, turn: float = -math.pi / 2
) -> list[tuple[float, float]]:
    corners = []
    for i in range(points * 2):
        radius = outer if i % 2 == 0 else inner
        corners.append(_around(cx, cy, radius, turn + i * math.pi / points))
    return corners


def draw_star(
    surface: pygame.Surface,
    cx: float,
    cy: float,
    size: float,
    fill: tuple[int, int, int] = YELLOW,
    edge: tuple[int, int, int] = (110, 96, 0),
    turn: float = -math.pi / 2,
) -> None:
    pygame.draw.polygon(surface, edge, star_points(cx, cy, size * 1.18, size * 0.62, turn=turn))
    pygame.draw.polygon(surface, fill, star_points(cx, cy, size, size * 0.45, turn=turn))


def _thick_line(surface: pygame.Surface, colour, start, end, width: float) -> None:
    pygame.draw.line(surface, colour, start, end, max(1, round(width)))
    for point in (start, end):
        pygame.draw.circle(surface, colour, point, width / 2)


def draw_car(
    surface: pygame.Surface, cx: float, cy: float, radius: float, angle: float, unit: float
) -> None:
    """A CAR: a Y-shaped hand on the T cell's edge, open to hold a CD19 star."""
    base = _around(cx, cy, radius * 0.92, angle)
    fork = _around(cx, cy, radius * 1.18, angle)
    tips = [_around(fork[0], fork[1], radius * 0.2, angle + side) for side in (-0.7, 0.7)]
    for colour, width in ((BLUE, 7 * unit), (ORANGE, 4 * unit)):
        _thick_line(surface, colour, base, fork, width)
        for tip in tips:
            _thick_line(surface, colour, fork, tip, width)


def _stalked_star(surface, cx, cy, radius, angle, unit) -> None:
    """CD19: a star on a short stalk, standing out from the cell's edge."""
    _thick_line(
        surface,
        (110, 96, 0),
        _around(cx, cy, radius * 0.9, angle),
        _around(cx, cy, radius * 1.16, angle),
        3.5 * unit,
    )
    sx, sy = _around(cx, cy, radius * 1.3, angle)
    draw_star(surface, sx, sy, radius * 0.2, turn=angle)


#: The T cell's body colour for each colour the child can pick, and its darker edge.
HERO = {
    "sky": (SKY, BLUE),
    "blue": ((64, 140, 205), (0, 84, 140)),
    "green": ((72, 190, 150), (0, 120, 88)),
    "orange": (ORANGE, (168, 110, 0)),
    "purple": (PURPLE, (150, 72, 118)),
    "yellow": (YELLOW, (170, 150, 20)),
}


def _t_cell(surface, cx, cy, r, unit, car: bool, colour: str = "sky") -> None:
    body, edge = HERO.get(colour, HERO["sky"])
    if car:
        for i in range(6):
            draw_car(surface, cx, cy, r, i * math.tau / 6 + math.pi / 6, unit)
    pygame.draw.circle(surface, edge, (cx, cy), r)
    pygame.draw.circle(surface, body, (cx, cy), r - 5 * unit)
    pygame.draw.ellipse(
        surface, _lighter(body), pygame.Rect(cx - r * 0.62, cy - r * 0.72, r * 0.7, r * 0.42)
    )
    for side in (-1, 1):  # a friendly face: eyes with a glint, and a smile
        ex, ey = cx + side * r * 0.3, cy - r * 0.08
        pygame.draw.ellipse(
            surface, INK, pygame.Rect(ex - r * 0.1, ey - r * 0.15, r * 0.2, r * 0.3)
        )
        pygame.draw.circle(surface, (255, 255, 255), (ex + r * 0.03, ey - r * 0.06), r * 0.045)
    smile = pygame.Rect(cx - r * 0.3, cy - r * 0.05, r * 0.6, r * 0.45)
    pygame.draw.arc(surface, INK, smile, math.pi * 1.15, math.pi * 1.85, max(2, round(4 * unit)))


def _marked_cell(surface, cx, cy, r, unit, body, edge, core, markers: bool, lumpy: bool) -> None:
    if markers:
        for i in range(6):
            _stalked_star(surface, cx, cy, r, i * math.tau / 6 + 0.3, unit)
    if lumpy:
        for i in range(9):
            pygame.draw.circle(surface, edge, _around(cx, cy, r * 0.86, i * math.tau / 9), r * 0.22)
    pygame.draw.circle(surface, edge, (cx, cy), r)
    if lumpy:
        for i in range(9):
            pygame.draw.circle(
                surface, body, _around(cx, cy, r * 0.84, i * math.tau / 9), r * 0.22 - 4 * unit
            )
    pygame.draw.circle(surface, body, (cx, cy), r - 4 * unit)
    pygame.draw.circle(surface, core, (cx + r * 0.1, cy + r * 0.08), r * 0.48)
    pygame.draw.circle(surface, _lighter(body), (cx - r * 0.38, cy - r * 0.4), r * 0.16)


def _red_cell(surface, cx, cy, r, unit) -> None:
    disc = pygame.Rect(0, 0, r * 2, r * 1.7)
    disc.center = (round(cx), round(cy))
    pygame.draw.ellipse(surface, (196, 82, 60), disc)
    pygame.draw.ellipse(surface, (229, 132, 102), disc.inflate(-6 * unit, -6 * unit))
    pygame.draw.ellipse(surface, (207, 104, 78), disc.inflate(-r * 1.0, -r * 0.85))


def _platelet(surface, cx, cy, r, unit) -> None:
    blob = pygame.Rect(0, 0, r * 2, r * 1.5)
    blob.center = (round(cx), round(cy))
    pygame.draw.ellipse(surface, (207, 150, 70), blob)
    pygame.draw.ellipse(surface, (242, 196, 123), blob.inflate(-4 * unit, -4 * unit))


def _lighter(colour: tuple[int, int, int], amount: float = 0.45) -> tuple[int, int, int]:
    return tuple(round(c + (255 - c) * amount) for c in colour)  # type: ignore[return-value]


@cache
def cell_sprite(
    kind: str, radius: int, has_markers: bool, has_car: bool, colour: str = "sky"
) -> pygame.Surface:
    """A cell's picture, centred in a square with room for its CARs or CD19 stars. ``colour``
    is the T cell's colour the child picked."""
    side = int(radius * 3.2)

    def paint(surface: pygame.Surface, unit: float) -> None:
        c, r = side * unit / 2, radius * unit
        if kind == "t_cell":
            _t_cell(surface, c, c, r, unit, has_car, colour)
        elif kind == "leukemia_cell":
            _marked_cell(
                surface,
                c,
                c,
                r,
                unit,
                PURPLE,
                (142, 75, 115),
                (170, 92, 140),
                has_markers,
                lumpy=True,
            )
        elif kind == "b_cell":
            _marked_cell(
                surface,
                c,
                c,
                r,
                unit,
                (127, 209, 185),
                GREEN,
                (79, 181, 150),
                has_markers,
                lumpy=False,
            )
        elif kind == "red_blood_cell":
            _red_cell(surface, c, c, r, unit)
        else:
            _platelet(surface, c, c, r, unit)

    return painted((side, side), paint)


@cache
def sparkle(size: int) -> pygame.Surface:
    def paint(surface: pygame.Surface, unit: float) -> None:
        c = size * unit / 2
        draw_star(surface, c, c, c * 0.95, fill=YELLOW, edge=ORANGE)
        pygame.draw.circle(surface, (255, 255, 255), (c, c), c * 0.22)

    return painted((size, size), paint)


@cache
def star_icon(size: int, filled: bool) -> pygame.Surface:
    def paint(surface: pygame.Surface, unit: float) -> None:
        c = size * unit / 2
        if filled:
            draw_star(surface, c, c, c * 0.8)
        else:
            pygame.draw.polygon(surface, (200, 184, 176), star_points(c, c, c * 0.95, c * 0.5))
            pygame.draw.polygon(surface, PAPER, star_points(c, c, c * 0.72, c * 0.36))

    return painted((size, size), paint)


@cache
def arrow(length: int) -> pygame.Surface:
    """A soft arrow pointing right, for aim assist's 'this way' hint."""
    height = length // 2

    def paint(surface: pygame.Surface, unit: float) -> None:
        w, h = length * unit, height * unit
        pygame.draw.ellipse(surface, (*YELLOW, 90), pygame.Rect(0, 0, w, h))
        for colour, grow in ((BLUE, 5 * unit), (ORANGE, 0.0)):
            shaft = pygame.Rect(
                w * 0.12 - grow, h * 0.38 - grow, w * 0.5 + 2 * grow, h * 0.24 + 2 * grow
            )
            pygame.draw.rect(surface, colour, shaft, border_radius=int(h))
            pygame.draw.polygon(
                surface,
                colour,
                [
                    (w * 0.55 - grow, h * 0.14 - grow * 1.5),
                    (w * 0.9 + grow * 1.5, h * 0.5),
                    (w * 0.55 - grow, h * 0.86 + grow * 1.5),
                ],
            )

    return painted((length, height), paint)


@cache
def arrow_turned(length: int, degrees: int) -> pygame.Surface:
    """The helping arrow pointing ``degrees`` clockwise from the right (made once per turn)."""
    return pygame.transform.rotozoom(arrow(length), -degrees, 1.0)


@cache
def car_holding_star(radius: int, degrees: int) -> tuple[pygame.Surface, tuple[int, int]]:
    """A CAR holding a CD19 star, reaching out ``degrees`` clockwise from the right of a T cell
    of ``radius``, and where its top left goes from the T cell's centre. Painted once per
    turn, not every frame, and cut to what is drawn (blitting empty pixels costs too)."""
    reach = radius * 1.32 + 11 * 1.18 + 6
    side = math.ceil(reach) * 2

    def paint(surface: pygame.Surface, unit: float) -> None:
        c = side * unit / 2
        draw_car(surface, c, c, radius * unit, 0.0, 1.6 * unit)
        draw_star(surface, c + radius * 1.32 * unit, c, 11 * unit, turn=0.0)

    turned = pygame.transform.rotozoom(painted((side, side), paint), -degrees, 1.0)
    drawn = turned.get_bounding_rect()
    offset = (drawn.x - turned.get_width() // 2, drawn.y - turned.get_height() // 2)
    return turned.subsurface(drawn).copy(), offset


@cache
def replay_icon(size: int) -> pygame.Surface:
    """A round arrow: 'say it again'."""

    def paint(surface: pygame.Surface, unit: float) -> None:
        c = size * unit / 2
        ring = pygame.Rect(0, 0, c * 1.1, c * 1.1)
        ring.center = (round(c), round(c))
        pygame.draw.arc(surface, PAPER, ring, 0.5, math.tau - 0.2, max(2, round(6 * unit)))
        tip = _around(c, c, c * 0.55, 0.5)
        pygame.draw.polygon(
            surface,
            PAPER,
            [
                (tip[0] - c * 0.28, tip[1] - c * 0.05),
                (tip[0] + c * 0.2, tip[1] - c * 0.12),
                (tip[0] - c * 0.02, tip[1] + c * 0.3),
            ],
        )

    return painted((size, size), paint)


@cache
def background(relative: str | None) -> pygame.Surface:
    """A scene's background from assets/, scaled to the canvas; a calm plain colour if the file
    is missing or broken (logged once)."""
    canvas = pygame.Surface((1280, 800))
    canvas.fill((251, 233, 226))
    if relative is None:
        return canvas
    path = resources.assets_dir() / relative
    try:
        picture = pygame.image.load(path)
    except (pygame.error, OSError, FileNotFoundError) as exc:
        log.warning("background %s could not be loaded (%s); using a plain colour", path, exc)
        return canvas
    canvas.blit(pygame.transform.smoothscale(picture.convert_alpha(), (1280, 800)), (0, 0))
    return canvas
