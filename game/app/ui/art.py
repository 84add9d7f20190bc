"""The game's pictures, painted once with pygame and kept as surfaces.

Everything is drawn three times too large and smoothly shrunk, which gives soft, anti-aliased
edges with the plain pygame drawing calls. Colours come from the Okabe–Ito palette, which
colour-blind children can tell apart, and meaning never rests on colour alone: CD19 is a star
shape, the CAR a Y-shaped hand, a leukemia cell's outline is bumpy where a healthy B cell's is
round (both wear CD19 stars), and only the child's T cell has a face. Its colours (HERO) are
none of the other cells' (CELL_COLOURS), and it stays a smiling cell however small it is drawn.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from functools import cache, lru_cache

import pygame

from game import resources
from game.app.ui.theme import contrast

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
    return solid(pygame.transform.smoothscale(big, size))


#: Alpha values smoothing leaves just short of opaque, and what they become.
_SOLID = bytes(range(250)) + b"\xff" * 6


def solid(picture: pygame.Surface) -> pygame.Surface:
    """``picture`` with the pixels smoothing left just short of opaque made opaque again
    (shrinking loses a step or two of alpha: a body painted opaque came out 253 of 255, a
    hundredth see-through, so every one of its pixels was blended). Opaque pixels of a
    run-length-encoded copy (``quick_to_draw``) are copied, not blended: a crowd of cells is
    drawn in about half the time. Where the pixels cannot be reached (the browser's canvas),
    the picture is as it was."""
    at = _alpha_byte()
    if at is None:
        return picture
    try:
        with memoryview(picture.get_view("0")) as data:
            pixels = bytearray(data.tobytes())
            pixels[at::4] = pixels[at::4].translate(_SOLID)
            data[:] = pixels
    except (ValueError, BufferError, TypeError, pygame.error):  # rows with gaps: as it is
        pass
    return picture


@cache
def _alpha_byte() -> int | None:
    """Which byte of a picture's four holds its alpha (None: pixels out of reach)."""
    probe = pygame.Surface((1, 1), pygame.SRCALPHA)
    probe.fill((0, 0, 0, 255))
    try:
        with memoryview(probe.get_view("0")) as data:
            pixel = data.tobytes()
    except (ValueError, BufferError, TypeError, pygame.error):
        return None
    return pixel.index(255) if len(pixel) == 4 and pixel.count(255) == 1 else None


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


@lru_cache(maxsize=256)
def quick_to_draw(picture: pygame.Surface) -> pygame.Surface:
    """A copy of ``picture`` that SDL keeps run-length encoded: its see-through pixels are
    skipped rather than blended, so drawing it is about a third quicker (the same picture, to
    within one step of colour). Only for drawing: reading its pixels is slow."""
    copy = picture.copy()
    copy.set_alpha(255, pygame.RLEACCEL)
    return copy


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
    surface: pygame.Surface,
    cx: float,
    cy: float,
    radius: float,
    angle: float,
    unit: float,
    reach: float = 0.0,
) -> None:
    """A CAR: a Y-shaped hand on the T cell's edge, open to hold a CD19 star. ``unit`` sets
    how thick it is; ``reach`` (a share of the radius) makes it stand further out, for small
    cells, where a short thick Y would be a lump."""
    base = _around(cx, cy, radius * 0.92, angle)
    fork = _around(cx, cy, radius * (1.18 + reach), angle)
    tips = [_around(fork[0], fork[1], radius * (0.2 + reach), angle + side) for side in (-0.7, 0.7)]
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


#: The other cells' colours, by kind, which the T cell's colours keep away from (see HERO).
#: Leukemia and healthy B cells: body, edge, middle; a red blood cell: edge, body, dimple; a
#: platelet: edge, body.
CELL_COLOURS: dict[str, tuple[tuple[int, int, int], ...]] = {
    "leukemia_cell": (PURPLE, (142, 75, 115), (170, 92, 140)),
    "b_cell": ((127, 209, 185), GREEN, (79, 181, 150)),
    "red_blood_cell": ((196, 82, 60), (229, 132, 102), (207, 104, 78)),
    "platelet": ((207, 150, 70), (242, 196, 123)),
}

#: The colours the child can give their T cell (model.HERO_COLOURS): its body and darker edge.
#: The other cells have pink (leukemia), mint green (B cells), red (red blood cells) and orange
#: and tan (platelets), so the T cell keeps to blues, a blue purple, lime and lemon yellow:
#: every body is at least 20 apart (CIEDE2000) from every other cell's colours and from every
#: background, and the five stay apart for colour-blind eyes too (tests/test_pictures.py).
HERO = {
    "sky": (SKY, BLUE),
    "blue": ((35, 100, 205), (15, 55, 135)),
    "purple": ((150, 115, 250), (95, 62, 185)),
    "lime": ((110, 185, 20), (55, 115, 10)),
    "yellow": ((240, 245, 30), (150, 145, 0)),
}


def hero_colours(colour: str) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """The body and edge colours of the T cell colour the child picked (sky for a name the art
    does not know)."""
    return HERO.get(colour, HERO["sky"])


#: Sizes on screen (radius in pixels). A T cell this big or bigger has the full face (eyes
#: with a glint); smaller ones have two dot eyes and a smile; below NO_FACE, no face at all,
#: since a face of a few pixels reads as a frown.
FULL_FACE = 26
NO_FACE = 8
#: T cells this big or bigger wear six CARs all round; smaller ones three on top, and the
#: smallest two, like raised hands: many spikes round a tiny ball would look like a germ.
ALL_ROUND_CARS = 30
THREE_CARS = 16


def car_angles(pixels: float) -> tuple[float, ...]:
    """Where a T cell of radius ``pixels`` (on screen) wears its CARs: angles clockwise from
    the right."""
    up = -math.pi / 2
    if pixels >= ALL_ROUND_CARS:
        return tuple(i * math.tau / 6 + math.pi / 6 for i in range(6))
    if pixels >= THREE_CARS:
        return (up - 0.95, up, up + 0.95)
    return (up - 0.6, up + 0.6)


def paint_t_cell(surface, cx, cy, r, unit, car: bool, colour: str = "sky") -> None:
    """The child's T cell of radius ``r`` at (cx, cy), on a surface painted ``unit`` times too
    large (see ``painted``), with its CARs if ``car``."""
    body, edge = hero_colours(colour)
    pixels = r / unit
    if car:  # as thick as ever at the hunt's size, bolder when big, thinner and longer when small
        thick = min(2.0, max(0.4, pixels / 46))
        reach = max(0.0, 1 - pixels / ALL_ROUND_CARS) * 0.22
        for angle in car_angles(pixels):
            draw_car(surface, cx, cy, r, angle, unit * thick, reach)
    pygame.draw.circle(surface, edge, (cx, cy), r)
    rim = min(5.0, max(1.5, pixels * 0.11)) * unit
    pygame.draw.circle(surface, body, (cx, cy), r - rim)
    pygame.draw.ellipse(
        surface, _lighter(body), pygame.Rect(cx - r * 0.62, cy - r * 0.72, r * 0.7, r * 0.42)
    )
    draw_cell_face(surface, cx, cy, r, unit, face_colour(body))


def face_colour(body: tuple[int, int, int]) -> tuple[int, int, int]:
    """Ink for the face on a light body, paper on a dark one: the face always stands out
    (a contrast of 3 or more)."""
    return INK if contrast(body, INK) >= 3 else PAPER


def draw_cell_face(
    surface: pygame.Surface, cx: float, cy: float, r: float, unit: float, ink=INK
) -> None:
    """A T cell's friendly face that stays a smile at every size: eyes with a glint on a big
    cell, two dots on a small one, and a smile whose line is never thinner than a pixel and
    a half, in a mouth wide enough to stay open; none on a cell too small to show one."""
    pixels = r / unit
    if pixels < NO_FACE:
        return
    line = max(1.6 * unit, r * 0.075)
    if pixels >= FULL_FACE:
        for side in (-1, 1):
            ex, ey = cx + side * r * 0.3, cy - r * 0.08
            pygame.draw.ellipse(
                surface, ink, pygame.Rect(ex - r * 0.1, ey - r * 0.15, r * 0.2, r * 0.3)
            )
            if ink == INK:
                glint = (ex + r * 0.03, ey - r * 0.06)
                pygame.draw.circle(surface, (255, 255, 255), glint, r * 0.045)
        _smile(surface, cx, cy + r * 0.02, r * 0.34, line, ink)
    else:
        for side in (-1, 1):
            eye = (cx + side * r * 0.3, cy - r * 0.14)
            pygame.draw.circle(surface, ink, eye, max(1.2 * unit, r * 0.11))
        _smile(surface, cx, cy, r * 0.42, line, ink)


def _smile(surface, cx: float, cy: float, radius: float, width: float, ink) -> None:
    """A smile: the lower part of a circle of ``radius`` round (cx, cy), as a round-ended line
    (pygame's thick arcs leave gaps)."""
    turns = [0.45 + i * (math.pi - 0.9) / 10 for i in range(11)]
    points = [_around(cx, cy, radius, a) for a in turns]
    pygame.draw.lines(surface, ink, False, points, max(1, round(width)))
    for point in points:
        pygame.draw.circle(surface, ink, point, width / 2)


def _marked_cell(surface, cx, cy, r, unit, body, edge, core, markers: bool, lumpy: bool) -> None:
    """A B cell: round and smooth, or (``lumpy``) a leukemia cell, a B cell that grew wrong:
    its outline uneven, bumps of different sizes and dents, and a big, lumpy middle. Both wear
    their CD19 stars, each on a stalk from where its edge is."""
    reach = _grown_wrong if lumpy else (lambda angle: 1.0)
    if markers:
        for i in range(6):
            angle = i * math.tau / 6 + 0.3
            _stalked_star(surface, cx, cy, r * reach(angle), angle, unit)
    if lumpy:
        outline = [
            _around(cx, cy, r * reach(i * math.tau / 72), i * math.tau / 72) for i in range(72)
        ]
        inside = [
            _around(cx, cy, r * reach(i * math.tau / 72) - 4 * unit, i * math.tau / 72)
            for i in range(72)
        ]
        pygame.draw.polygon(surface, edge, outline)
        pygame.draw.polygon(surface, body, inside)
        pygame.draw.circle(surface, core, (cx + r * 0.12, cy + r * 0.1), r * 0.42)
        pygame.draw.circle(surface, core, (cx - r * 0.2, cy - r * 0.04), r * 0.3)
        pygame.draw.circle(surface, core, (cx + r * 0.02, cy + r * 0.36), r * 0.22)
        pygame.draw.circle(surface, _lighter(body), (cx - r * 0.36, cy - r * 0.44), r * 0.13)
        return
    pygame.draw.circle(surface, edge, (cx, cy), r)
    pygame.draw.circle(surface, body, (cx, cy), r - 4 * unit)
    pygame.draw.circle(surface, core, (cx + r * 0.1, cy + r * 0.08), r * 0.4)
    pygame.draw.circle(surface, _lighter(body), (cx - r * 0.38, cy - r * 0.4), r * 0.16)


def _grown_wrong(angle: float) -> float:
    """How far a leukemia cell's edge is from its middle at ``angle``, as a share of its
    radius: uneven all round (never a neat flower), at most a little past it, so its stars and
    the picture's square still fit."""
    wobble = 0.07 * math.sin(5 * angle + 0.6) + 0.07 * math.sin(3 * angle + 2.1)
    return 0.92 + wobble + 0.04 * math.sin(7 * angle + 1.0)


def _red_cell(surface, cx, cy, r, unit) -> None:
    edge, body, dimple = CELL_COLOURS["red_blood_cell"]
    disc = pygame.Rect(0, 0, r * 2, r * 1.7)
    disc.center = (round(cx), round(cy))
    pygame.draw.ellipse(surface, edge, disc)
    pygame.draw.ellipse(surface, body, disc.inflate(-6 * unit, -6 * unit))
    pygame.draw.ellipse(surface, dimple, disc.inflate(-r * 1.0, -r * 0.85))


def _platelet(surface, cx, cy, r, unit) -> None:
    edge, body = CELL_COLOURS["platelet"]
    blob = pygame.Rect(0, 0, r * 2, r * 1.5)
    blob.center = (round(cx), round(cy))
    pygame.draw.ellipse(surface, edge, blob)
    pygame.draw.ellipse(surface, body, blob.inflate(-4 * unit, -4 * unit))


def _lighter(colour: tuple[int, int, int], amount: float = 0.45) -> tuple[int, int, int]:
    return tuple(round(c + (255 - c) * amount) for c in colour)  # type: ignore[return-value]


@cache
def cell_sprite(
    kind: str, radius: int, has_markers: bool, has_car: bool, colour: str = "sky"
) -> pygame.Surface:
    """A cell's picture, centred in a square with room for its CARs or CD19 stars. ``colour``
    is the T cell's colour the child picked."""
    # Small T cells' CARs stand further out (see paint_t_cell): a little more room.
    side = int(radius * 3.2) if radius >= ALL_ROUND_CARS else int(radius * 3.6) + 6

    def paint(surface: pygame.Surface, unit: float) -> None:
        c, r = side * unit / 2, radius * unit
        if kind == "t_cell":
            paint_t_cell(surface, c, c, r, unit, has_car, colour)
        elif kind in ("leukemia_cell", "b_cell"):
            body, edge, core = CELL_COLOURS[kind]
            lumpy = kind == "leukemia_cell"
            _marked_cell(surface, c, c, r, unit, body, edge, core, has_markers, lumpy)
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
    path = resources.asset_file(relative, resources.assets_dir())
    if path is None:  # missing, a link out of assets/, or a name no file can have
        log.warning("background assets/%.80s is not there; using a plain colour", relative)
        return canvas
    try:
        picture = pygame.image.load(path)
    except (pygame.error, OSError, ValueError) as exc:
        log.warning("background %s could not be loaded (%s); using a plain colour", path, exc)
        return canvas
    canvas.blit(pygame.transform.smoothscale(picture.convert_alpha(), (1280, 800)), (0, 0))
    return canvas
