"""Pictures for choices, cards and quiz answers, and the props of each chapter (IV bag, machine,
dish). Painted once with pygame, in the same soft style and palette as the cells (see art).
An author's own pictures come from assets/pictures/ (see game/script/gallery.py)."""

from __future__ import annotations

import logging
import math
from functools import cache
from pathlib import Path

import pygame

from game import resources
from game.app.ui import art
from game.app.ui.art import BLUE, GREEN, INK, ORANGE, PAPER, PURPLE, SKY, VERMILLION, YELLOW
from game.script import gallery

log = logging.getLogger(__name__)

WHITE = (255, 255, 255)
SKIN = (241, 194, 160)
HAIR = (110, 72, 50)
GLASS = (214, 236, 248)
STEEL = (150, 170, 186)
SHIRT_CUFF = (86, 180, 233)
LIPS = (214, 120, 120)


def _rect(cx: float, cy: float, w: float, h: float) -> pygame.Rect:
    rect = pygame.Rect(0, 0, round(w), round(h))
    rect.center = (round(cx), round(cy))
    return rect


def _width(unit: float, px: float) -> int:
    return max(1, round(px * unit))


def draw_face(s, cx, cy, r, unit) -> None:
    """Two dot eyes and a smile, as on the machine and the grown-ups; ``r`` sets its size."""
    for side in (-1, 1):
        pygame.draw.circle(s, INK, (cx + side * r * 0.25, cy - r * 0.1), r * 0.07)
    # wide and thin for its size: a small face's short thick smile read as a moustache
    smile = _rect(cx, cy + r * 0.02, r * 0.62, r * 0.4)
    pygame.draw.arc(s, INK, smile, math.pi * 1.12, math.pi * 1.88, max(1, round(r * 0.065)))


def _person(s, cx, cy, r, unit, shirt, hat: bool = False) -> None:
    """A friendly grown-up: head, smile, shoulders."""
    pygame.draw.ellipse(s, shirt, _rect(cx, cy + r * 0.95, r * 1.7, r * 1.1))
    pygame.draw.circle(s, HAIR, (cx, cy - r * 0.2), r * 0.62)
    pygame.draw.circle(s, SKIN, (cx, cy - r * 0.1), r * 0.55)
    draw_face(s, cx, cy - r * 0.05, r * 0.8, unit)
    if hat:
        pygame.draw.rect(s, WHITE, _rect(cx, cy - r * 0.62, r * 0.9, r * 0.3), border_radius=6)
        pygame.draw.rect(s, VERMILLION, _rect(cx, cy - r * 0.62, r * 0.12, r * 0.22))
        pygame.draw.rect(s, VERMILLION, _rect(cx, cy - r * 0.62, r * 0.22, r * 0.1))


def _sun(s, cx, cy, r, unit) -> None:
    for i in range(10):
        a = i * math.tau / 10
        art._thick_line(
            s, ORANGE, art._around(cx, cy, r * 0.62, a), art._around(cx, cy, r * 0.92, a), 8 * unit
        )
    pygame.draw.circle(s, ORANGE, (cx, cy), r * 0.55)
    pygame.draw.circle(s, YELLOW, (cx, cy), r * 0.48)


def _moon(s, cx, cy, r, unit) -> None:
    pygame.draw.circle(s, (230, 200, 60), (cx, cy), r * 0.7)
    pygame.draw.circle(s, YELLOW, (cx, cy), r * 0.64)
    # Drawing with a clear colour on a see-through surface cuts the crescent out.
    pygame.draw.circle(s, (0, 0, 0, 0), (cx + r * 0.32, cy - r * 0.18), r * 0.58)


def _zap(s, cx, cy, r, unit) -> None:
    bolt = [
        (0.15, -0.9),
        (-0.45, 0.1),
        (-0.02, 0.1),
        (-0.2, 0.9),
        (0.5, -0.2),
        (0.06, -0.2),
        (0.3, -0.9),
    ]
    points = [(cx + x * r, cy + y * r) for x, y in bolt]
    pygame.draw.polygon(s, ORANGE, points)
    inner = [(cx + x * r * 0.8, cy + y * r * 0.8) for x, y in bolt]
    pygame.draw.polygon(s, YELLOW, inner)


def _dino(s, cx, cy, r, unit) -> None:
    """A friendly long-necked dinosaur, smiling: the badge of the T cell name Dino. Smooth, with
    no spikes or stars, so nothing on it looks like a bumpy leukemia cell or CD19."""
    legs = (-0.36, -0.12, 0.14, 0.36)
    neck_from, head = (cx + r * 0.3, cy + r * 0.1), (cx + r * 0.46, cy - r * 0.5)
    for colour, grow in ((art.GREEN_DARK, 1.0), (GREEN, 0.0)):  # a dark edge, then the body
        edge = r * 0.06 * grow
        tail = [
            (cx - r * 0.3, cy + r * 0.02 - edge),
            (cx - r * 0.92 - edge * 1.5, cy + r * 0.5),
            (cx - r * 0.3, cy + r * 0.46 + edge),
        ]
        pygame.draw.polygon(s, colour, tail)
        for dx in legs:
            leg = _rect(cx + r * dx, cy + r * 0.5, r * 0.12 + edge * 1.6, r * 0.36 + edge * 1.6)
            pygame.draw.rect(s, colour, leg, border_radius=max(1, round(8 * unit)))
        art._thick_line(s, colour, neck_from, head, r * 0.2 + edge * 2)
        pygame.draw.ellipse(
            s, colour, _rect(cx, cy + r * 0.2, r * 0.9 + edge * 2, r * 0.54 + edge * 2)
        )
        pygame.draw.ellipse(
            s, colour, _rect(head[0] + r * 0.1, head[1], r * 0.46 + edge * 2, r * 0.3 + edge * 2)
        )
    pygame.draw.circle(s, INK, (head[0] + r * 0.08, head[1] - r * 0.04), r * 0.05)
    smile = _rect(head[0] + r * 0.18, head[1] - r * 0.02, r * 0.22, r * 0.14)
    pygame.draw.arc(s, INK, smile, math.pi * 1.05, math.pi * 1.95, _width(unit, 5))


def _wand(s, cx, cy, r, unit) -> None:
    """'With a zap': a magic wand zapping, a burst of little lines and dots at its tip. Not a
    lightning bolt (that is the badge of the T cell name Zip), and no star (stars mean CD19)."""
    tip = (cx + r * 0.2, cy - r * 0.2)
    handle = (cx - r * 0.72, cy + r * 0.72)
    art._thick_line(s, INK, handle, tip, 16 * unit)
    white = (tip[0] - (tip[0] - handle[0]) * 0.22, tip[1] - (tip[1] - handle[1]) * 0.22)
    art._thick_line(s, WHITE, white, tip, 9 * unit)
    colours = (ORANGE, SKY, GREEN, VERMILLION, BLUE, PURPLE, YELLOW, GREEN)
    step = math.radians(240) / (len(colours) - 1)
    for i, colour in enumerate(colours):  # a fan round the tip, away from the hand
        a = math.radians(-165) + i * step
        start = art._around(*tip, r * 0.24, a)
        end = art._around(*tip, r * (0.46 if i % 2 else 0.58), a)
        art._thick_line(s, colour, start, end, 8 * unit)
        if i:
            dot = art._around(*tip, r * 0.7, a - step / 2)
            pygame.draw.circle(s, colours[-i], dot, r * 0.05)


def _rocket(s, cx, cy, r, unit) -> None:
    """A rocket ship going up: a silly place to be ('In a rocket'). Not the moon or the sun
    (the badges of the T cell names Luna and Sunny), and no star (stars mean CD19)."""
    pygame.draw.polygon(
        s, ORANGE, [(cx - r * 0.2, cy + r * 0.5), (cx, cy + r * 0.95), (cx + r * 0.2, cy + r * 0.5)]
    )
    pygame.draw.polygon(
        s, YELLOW, [(cx - r * 0.1, cy + r * 0.5), (cx, cy + r * 0.75), (cx + r * 0.1, cy + r * 0.5)]
    )
    for side in (-1, 1):  # fins
        fin = [
            (cx + side * r * 0.22, cy),
            (cx + side * r * 0.56, cy + r * 0.56),
            (cx + side * r * 0.22, cy + r * 0.46),
        ]
        pygame.draw.polygon(s, VERMILLION, fin)
    body = _rect(cx, cy - r * 0.08, r * 0.62, r * 1.36)
    pygame.draw.ellipse(s, VERMILLION, body)
    s.set_clip(pygame.Rect(0, round(cy - r * 0.4), s.get_width(), s.get_height()))
    pygame.draw.ellipse(s, WHITE, body)  # white below its red nose
    s.set_clip(None)
    pygame.draw.ellipse(s, INK, body, _width(unit, 4))
    pygame.draw.circle(s, SKY, (cx, cy - r * 0.08), r * 0.15)  # the window
    pygame.draw.circle(s, BLUE, (cx, cy - r * 0.08), r * 0.15, _width(unit, 5))


def _tree(s, cx, cy, r, unit) -> None:
    """A tree: a brown trunk and a round green top ('In a tree', a silly place)."""
    trunk = _rect(cx, cy + r * 0.45, r * 0.26, r * 0.7)
    pygame.draw.rect(s, HAIR, trunk, border_radius=max(1, round(6 * unit)))
    for dx, dy, size in ((-0.3, -0.05, 0.34), (0.3, -0.05, 0.34), (0.0, -0.35, 0.4)):
        pygame.draw.circle(s, (0, 130, 90), (cx + r * dx, cy + r * dy), r * size)
    for dx, dy, size in ((-0.28, -0.07, 0.29), (0.28, -0.07, 0.29), (0.0, -0.37, 0.35)):
        pygame.draw.circle(s, GREEN, (cx + r * dx, cy + r * dy), r * size)


def _clock(s, cx, cy, r, unit) -> None:
    """A clock, for waiting ('Wait until tomorrow'): a round face, twelve ticks, two hands."""
    pygame.draw.circle(s, STEEL, (cx, cy), r * 0.72)
    pygame.draw.circle(s, WHITE, (cx, cy), r * 0.64)
    for i in range(12):
        a = i * math.tau / 12
        inner = 0.48 if i % 3 else 0.42
        art._thick_line(
            s, INK, art._around(cx, cy, r * inner, a), art._around(cx, cy, r * 0.56, a), 5 * unit
        )
    art._thick_line(s, INK, (cx, cy), art._around(cx, cy, r * 0.3, -math.pi / 2 - 1.0), 9 * unit)
    art._thick_line(s, BLUE, (cx, cy), art._around(cx, cy, r * 0.44, -math.pi / 2), 7 * unit)
    pygame.draw.circle(s, INK, (cx, cy), r * 0.06)


def _heart(s, cx, cy, r, unit) -> None:
    pygame.draw.circle(s, VERMILLION, (cx - r * 0.3, cy - r * 0.2), r * 0.36)
    pygame.draw.circle(s, VERMILLION, (cx + r * 0.3, cy - r * 0.2), r * 0.36)
    pygame.draw.polygon(
        s,
        VERMILLION,
        [(cx - r * 0.64, cy - r * 0.08), (cx + r * 0.64, cy - r * 0.08), (cx, cy + r * 0.7)],
    )


def draw_iv_bag(
    s,
    cx,
    cy,
    w,
    h,
    unit,
    fill: float = 1.0,
    glow: bool = True,
    cell: tuple = SKY,
    cells: int | None = None,
) -> None:
    """An IV bag: a soft clear pouch with glowing CAR T cells inside (in ``cell``'s colour,
    the child's), a hook on top and a spout below. An empty bag (``fill`` 0) holds no cells.
    ``cells``: exactly how many it holds, each its own dot, three to a row, the level high
    enough for them (the bag of 'Coming back': one for each drop still in it); None: a few."""
    bag = _rect(cx, cy, w, h)
    pygame.draw.rect(s, STEEL, _rect(cx, bag.top - h * 0.06, w * 0.16, h * 0.12), border_radius=4)
    pygame.draw.rect(s, (196, 222, 236), bag, border_radius=round(w * 0.22))
    pygame.draw.rect(s, (120, 160, 186), bag, width=_width(unit, 4), border_radius=round(w * 0.22))
    if cells == 0:
        fill = 0.0
    if fill > 0:
        level = bag.inflate(-w * 0.14, -h * 0.1)
        full = level.height
        row = w * 0.21  # a row of dots, three across
        rows = math.ceil(cells / 3) if cells is not None else 0
        level.height = round(min(full, max(full * max(0.08, fill), rows * row + w * 0.06)))
        level.bottom = bag.bottom - round(h * 0.05)
        pygame.draw.rect(s, (255, 236, 170), level, border_radius=round(w * 0.16))
        dots = max(1, round(5 * fill)) if cells is None else cells
        for i in range(dots if glow else 0):
            x = level.left + level.width * (0.22 + 0.28 * (i % 3))
            if cells is None:
                y = level.bottom - level.height * (0.25 + 0.35 * (i // 3))
            else:
                y = level.bottom - w * 0.03 - row * (i // 3 + 0.5)
            pygame.draw.circle(s, (255, 248, 210), (x, y), w * 0.09)
            pygame.draw.circle(s, cell, (x, y), w * 0.055)
    pygame.draw.rect(
        s, (120, 160, 186), _rect(cx, bag.bottom + h * 0.05, w * 0.12, h * 0.1), border_radius=3
    )


def draw_machine(s, rect: pygame.Rect, unit: float) -> None:
    """The friendly collecting machine: a rounded box with a face and a window."""
    pygame.draw.rect(s, (168, 200, 220), rect.move(0, 6 * unit), border_radius=round(30 * unit))
    pygame.draw.rect(s, (226, 239, 247), rect, border_radius=round(30 * unit))
    pygame.draw.rect(
        s, (120, 160, 186), rect, width=_width(unit, 5), border_radius=round(30 * unit)
    )


def draw_dish(s, cx, cy, r, unit) -> None:
    """A round lab dish seen from above."""
    pygame.draw.circle(s, (196, 214, 228), (cx, cy + 8 * unit), r + 14 * unit)
    pygame.draw.circle(s, (232, 242, 250), (cx, cy), r + 14 * unit)
    pygame.draw.circle(s, (248, 252, 255), (cx, cy), r)
    pygame.draw.circle(s, (200, 222, 238), (cx, cy), r, _width(unit, 4))
    pygame.draw.arc(s, WHITE, _rect(cx, cy, r * 1.7, r * 1.7), 2.2, 2.9, _width(unit, 8))


def _flask(s, cx, cy, r, unit) -> None:
    neck = _rect(cx, cy - r * 0.55, r * 0.36, r * 0.5)
    body = [
        (cx - r * 0.18, cy - r * 0.35),
        (cx + r * 0.18, cy - r * 0.35),
        (cx + r * 0.7, cy + r * 0.7),
        (cx - r * 0.7, cy + r * 0.7),
    ]
    pygame.draw.polygon(s, GLASS, body)
    pygame.draw.polygon(s, (110, 160, 190), body, _width(unit, 4))
    pygame.draw.rect(s, GLASS, neck)
    pygame.draw.rect(s, (110, 160, 190), neck, _width(unit, 4))
    liquid = [
        (cx - r * 0.45, cy + r * 0.3),
        (cx + r * 0.45, cy + r * 0.3),
        (cx + r * 0.62, cy + r * 0.64),
        (cx - r * 0.62, cy + r * 0.64),
    ]
    pygame.draw.polygon(s, (150, 220, 190), liquid)
    for dx, dy in ((-0.2, 0.45), (0.15, 0.52), (0.3, 0.4)):
        pygame.draw.circle(s, WHITE, (cx + dx * r, cy + dy * r), r * 0.05)


def _thermometer(s, cx, cy, r, unit) -> None:
    art._thick_line(s, (120, 140, 160), (cx, cy - r * 0.7), (cx, cy + r * 0.3), 26 * unit)
    art._thick_line(s, WHITE, (cx, cy - r * 0.7), (cx, cy + r * 0.3), 18 * unit)
    art._thick_line(s, VERMILLION, (cx, cy - r * 0.25), (cx, cy + r * 0.3), 10 * unit)
    pygame.draw.circle(s, (120, 140, 160), (cx, cy + r * 0.5), r * 0.26)
    pygame.draw.circle(s, VERMILLION, (cx, cy + r * 0.5), r * 0.2)
    for i in range(3):  # warm wavy lines
        x = cx + r * (0.45 + 0.0 * i)
        y = cy - r * 0.5 + i * r * 0.3
        pygame.draw.arc(s, ORANGE, _rect(x, y, r * 0.3, r * 0.2), 0, math.pi, _width(unit, 4))


def _face(s, cx, cy, r, unit, mood: str) -> None:
    """A round child's face: tired (closed eyes and a 'z'), achy (a hand on the head),
    muddled (a speech bubble of mixed-up letters), happy (a big open smile)."""
    pygame.draw.circle(s, (224, 170, 136), (cx, cy), r * 0.52)
    pygame.draw.circle(s, SKIN, (cx, cy), r * 0.48)
    if mood == "tired":
        for side in (-1, 1):
            pygame.draw.arc(
                s,
                INK,
                _rect(cx + side * r * 0.18, cy - r * 0.05, r * 0.2, r * 0.12),
                math.pi,
                math.tau,
                _width(unit, 4),
            )
        pygame.draw.line(
            s, INK, (cx - r * 0.1, cy + r * 0.22), (cx + r * 0.1, cy + r * 0.22), _width(unit, 4)
        )
        for i, size in enumerate((0.16, 0.12)):
            zx, zy, z = cx + r * (0.55 + 0.2 * i), cy - r * (0.45 + 0.25 * i), r * size
            pygame.draw.lines(
                s,
                BLUE,
                False,
                [(zx - z, zy - z), (zx + z, zy - z), (zx - z, zy + z), (zx + z, zy + z)],
                _width(unit, 5),
            )
    elif mood == "happy":  # 'Only happy ones': a smiling face, not the sun (Sunny's badge)
        for side in (-1, 1):
            pygame.draw.circle(s, INK, (cx + side * r * 0.18, cy - r * 0.08), r * 0.06)
            pygame.draw.circle(s, (240, 150, 140), (cx + side * r * 0.3, cy + r * 0.1), r * 0.07)
        mouth = [art._around(cx, cy + r * 0.1, r * 0.24, i * math.pi / 8) for i in range(9)]
        pygame.draw.polygon(s, INK, mouth)  # a big open smile
        pygame.draw.circle(s, LIPS, (cx, cy + r * 0.26), r * 0.07)
    else:
        for side in (-1, 1):
            pygame.draw.circle(s, INK, (cx + side * r * 0.18, cy - r * 0.05), r * 0.06)
        pygame.draw.arc(
            s, INK, _rect(cx, cy + r * 0.25, r * 0.3, r * 0.14), 0.2, math.pi - 0.2, _width(unit, 4)
        )
    if mood == "achy":
        pygame.draw.circle(s, SKIN, (cx + r * 0.45, cy - r * 0.4), r * 0.17)
        pygame.draw.circle(
            s, (224, 170, 136), (cx + r * 0.45, cy - r * 0.4), r * 0.17, _width(unit, 3)
        )
        for i in range(3):
            a = -2.4 + i * 0.5
            art._thick_line(
                s,
                ORANGE,
                art._around(cx, cy, r * 0.62, a),
                art._around(cx, cy, r * 0.78, a),
                5 * unit,
            )
    if mood == "muddled":
        bubble = _rect(cx + r * 0.45, cy - r * 0.6, r * 0.9, r * 0.5)
        pygame.draw.ellipse(s, WHITE, bubble)
        pygame.draw.ellipse(s, (150, 150, 170), bubble, _width(unit, 3))
        for i, colour in enumerate((BLUE, ORANGE, GREEN)):
            bx = bubble.left + bubble.width * (0.25 + 0.25 * i)
            by = bubble.centery + (i - 1) * r * 0.06
            pygame.draw.circle(s, colour, (bx, by), r * 0.07)


def _hospital(s, cx, cy, r, unit) -> None:
    body = _rect(cx, cy + r * 0.15, r * 1.4, r * 1.1)
    pygame.draw.rect(s, (240, 232, 220), body, border_radius=8)
    pygame.draw.rect(s, (180, 160, 140), body, _width(unit, 4), border_radius=8)
    for row in range(2):
        for col in range(3):
            if row == 1 and col == 1:
                continue
            win = _rect(
                body.left + body.width * (0.2 + 0.3 * col),
                body.top + body.height * (0.3 + 0.4 * row),
                r * 0.22,
                r * 0.2,
            )
            pygame.draw.rect(s, GLASS, win, border_radius=4)
    pygame.draw.rect(
        s, (180, 160, 140), _rect(cx, body.bottom - r * 0.18, r * 0.3, r * 0.36), border_radius=4
    )
    pygame.draw.circle(s, WHITE, (cx, body.top - r * 0.05), r * 0.25)
    pygame.draw.rect(s, VERMILLION, _rect(cx, body.top - r * 0.05, r * 0.1, r * 0.32))
    pygame.draw.rect(s, VERMILLION, _rect(cx, body.top - r * 0.05, r * 0.32, r * 0.1))


def _secret(s, cx, cy, r, unit) -> None:
    """'Shh': a child with a finger held up to the lips, the hand it belongs to in sight under
    the chin and a small nose above, so it never reads as a long nose (a fib)."""
    fy = cy - r * 0.1  # the face's middle
    pygame.draw.circle(s, HAIR, (cx, fy - r * 0.08), r * 0.5)
    pygame.draw.circle(s, (224, 170, 136), (cx, fy), r * 0.47)
    pygame.draw.circle(s, SKIN, (cx, fy), r * 0.44)
    for side in (-1, 1):  # eyes looking to one side, as when sharing a quiet moment
        pygame.draw.circle(s, WHITE, (cx + side * r * 0.17, fy - r * 0.1), r * 0.085)
        pygame.draw.circle(s, INK, (cx + side * r * 0.17 + r * 0.03, fy - r * 0.1), r * 0.05)
    nose = _rect(cx, fy + r * 0.02, r * 0.12, r * 0.1)
    pygame.draw.arc(s, (200, 140, 110), nose, math.pi * 1.1, math.pi * 1.9, _width(unit, 4))
    lips = _rect(cx, fy + r * 0.23, r * 0.28, r * 0.13)  # pursed, saying 'shh'
    pygame.draw.ellipse(s, LIPS, lips)
    pygame.draw.ellipse(s, (150, 70, 70), lips.inflate(-r * 0.1, -r * 0.07))
    # the hand: a soft fist under the chin, its finger up across the lips
    fist = _rect(cx + r * 0.02, fy + r * 0.6, r * 0.34, r * 0.3)
    pygame.draw.rect(
        s, (224, 170, 136), fist.inflate(6 * unit, 6 * unit), border_radius=round(r * 0.12)
    )
    pygame.draw.rect(s, SKIN, fist, border_radius=round(r * 0.1))
    for i in range(1, 3):  # the curled fingers' knuckles
        x = fist.left + fist.width * i / 3
        pygame.draw.line(
            s,
            (224, 170, 136),
            (x, fist.top + r * 0.08),
            (x, fist.bottom - r * 0.04),
            _width(unit, 3),
        )
    pygame.draw.rect(
        s,
        SHIRT_CUFF,
        _rect(cx + r * 0.02, fist.bottom + r * 0.06, r * 0.42, r * 0.14),
        border_radius=6,
    )
    tip, base = (cx, fy + r * 0.19), (cx, fist.top + r * 0.06)
    art._thick_line(s, (224, 170, 136), base, tip, 18 * unit)
    art._thick_line(s, SKIN, base, tip, 13 * unit)


def _ball(s, cx, cy, r, unit) -> None:
    """A soccer ball: white with dark five-sided patches and the seams between them (a child
    knows it by its patches; an orange ball with curved lines reads as a basketball)."""
    radius = r * 0.55
    side = int(radius * 2) + 4
    c = side / 2
    ball = pygame.Surface((side, side), pygame.SRCALPHA)
    pygame.draw.circle(ball, WHITE, (c, c), radius)
    dark = art.INK

    def patch(x: float, y: float, size: float, turn: float) -> list[tuple[float, float]]:
        return [art._around(x, y, size, turn + i * math.tau / 5) for i in range(5)]

    middle = patch(c, c, radius * 0.3, -math.pi / 2)
    for corner, angle in zip(
        middle, [-math.pi / 2 + i * math.tau / 5 for i in range(5)], strict=True
    ):
        x, y = art._around(c, c, radius * 0.98, angle)
        pygame.draw.line(
            ball, dark, corner, art._around(c, c, radius * 0.72, angle), _width(unit, 3)
        )
        pygame.draw.polygon(ball, dark, patch(x, y, radius * 0.3, angle + math.pi / 5))
    pygame.draw.polygon(ball, dark, middle)
    round_mask = pygame.Surface((side, side), pygame.SRCALPHA)
    pygame.draw.circle(round_mask, (255, 255, 255, 255), (c, c), radius)
    ball.blit(round_mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)  # patches end at the edge
    s.blit(ball, (cx - c, cy - c))
    pygame.draw.circle(s, dark, (cx, cy), radius, _width(unit, 3))


def _room(s, cx, cy, r, unit) -> None:
    """Making room: a clear space with cells stepping aside, and a soft glow in the middle."""
    pygame.draw.circle(s, (255, 244, 200), (cx, cy), r * 0.45)
    for i in range(8):
        a = i * math.tau / 8
        x, y = art._around(cx, cy, r * 0.72, a)
        pygame.draw.circle(s, (207, 150, 190), (x, y), r * 0.14)
    for i in range(4):
        a = i * math.tau / 4 + 0.4
        art._thick_line(
            s, ORANGE, art._around(cx, cy, r * 0.2, a), art._around(cx, cy, r * 0.42, a), 5 * unit
        )


def _medicine(s, cx, cy, r, unit) -> None:
    draw_iv_bag(s, cx, cy - r * 0.1, r * 0.9, r * 1.2, unit, fill=0.8, glow=False)
    pygame.draw.rect(s, WHITE, _rect(cx, cy - r * 0.05, r * 0.5, r * 0.3), border_radius=6)
    pygame.draw.rect(s, GREEN, _rect(cx, cy - r * 0.05, r * 0.08, r * 0.22))
    pygame.draw.rect(s, GREEN, _rect(cx, cy - r * 0.05, r * 0.22, r * 0.08))


def draw_car(s: pygame.Surface, cx: float, cy: float, c: float) -> None:
    """A CAR: the Y-shaped hand on a stem, pointing up, filling a square of half-size ``c``."""
    base, fork = (cx, cy + c * 0.62), (cx, cy + c * 0.02)
    tips = [(cx - c * 0.42, cy - c * 0.55), (cx + c * 0.42, cy - c * 0.55)]
    for colour, width in ((art.BLUE, c * 0.47), (art.ORANGE, c * 0.27)):
        art._thick_line(s, colour, base, fork, width)
        for tip in tips:
            art._thick_line(s, colour, fork, tip, width)


def _patient(s, cx, cy, r, unit, cell: tuple = SKY) -> None:
    """'I am getting CAR T cells': a child, and a bag of CAR T cells with its tube to them."""
    draw_iv_bag(s, cx + r * 0.55, cy - r * 0.4, r * 0.42, r * 0.6, unit, cell=cell)
    art._thick_line(
        s, (120, 160, 186), (cx + r * 0.55, cy - r * 0.05), (cx + r * 0.1, cy + r * 0.6), 5 * unit
    )
    _person(s, cx - r * 0.3, cy + r * 0.05, r * 0.6, unit, BLUE)


def _sibling(s, cx, cy, r, unit, cell: tuple = SKY) -> None:
    """'My brother or sister is': two children side by side, a heart between them, and the
    bag of CAR T cells by the other one."""
    draw_iv_bag(s, cx + r * 0.78, cy - r * 0.55, r * 0.26, r * 0.38, unit, cell=cell)
    art._thick_line(
        s, (120, 160, 186), (cx + r * 0.78, cy - r * 0.32), (cx + r * 0.7, cy + r * 0.5), 4 * unit
    )
    _person(s, cx - r * 0.45, cy + r * 0.05, r * 0.5, unit, ORANGE)
    _person(s, cx + r * 0.42, cy + r * 0.12, r * 0.45, unit, BLUE)
    _heart(s, cx, cy - r * 0.62, r * 0.3, unit)


def _many_cells(s, cx, cy, r, unit, colour, car: bool) -> None:
    """A crowd of the child's T cells, packed like seeds in a sunflower; with their CARs, a
    few less of them, so each is big enough to wear them (see art.car_angles)."""
    golden = math.pi * (3 - math.sqrt(5))
    count, size = (12, 0.17) if car else (24, 0.13)
    for i in range(count):
        reach = r * (0.7 if car else 0.72) * math.sqrt((i + 0.5) / count)
        x, y = cx + math.cos(i * golden) * reach, cy + math.sin(i * golden) * reach
        art.paint_t_cell(s, x, y + (r * 0.06 if car else 0), r * size, unit, car, colour)


def _white_blood_cells(size: int) -> pygame.Surface:
    """White blood cells are many kinds: a T cell and a B cell (with its CD19 stars) side by
    side, so the word does not look like either one alone."""
    holder = pygame.Surface((size, size), pygame.SRCALPHA)
    radius = round(size * 0.19)
    b_cell = art.cell_sprite("b_cell", radius, True, False)
    t_cell = art.cell_sprite("t_cell", radius, False, False)
    holder.blit(b_cell, b_cell.get_rect(center=(round(size * 0.66), round(size * 0.6))))
    holder.blit(t_cell, t_cell.get_rect(center=(round(size * 0.32), round(size * 0.42))))
    return holder


def _tube(s, name: str, c: float, r: float, unit: float, cell: tuple) -> None:
    """The word book's IV, infusion and central line (game/app/ui/tubes.py)."""
    from game.app.ui import tubes  # tubes draws with this module's helpers

    if name == "iv":
        tubes.draw_iv(s, c, c, r, unit)
    elif name == "infusion":
        tubes.draw_infusion(s, c, c, r, unit, cell)
    else:
        tubes.draw_central_line(s, c, c, r, unit)


#: Pictures of the child's own T cells, which wear their CARs once they have them.
WITH_CAR = ("t_cell", "many_cells")
#: Pictures with the child's cells in a bag: in their colour, without CARs to show.
IN_THEIR_COLOUR = ("iv_bag", "infusion", "patient", "sibling")


def picture(
    name: str,
    size: int,
    colour: str = "sky",
    back: tuple[int, int, int] = PAPER,
    car: bool = False,
) -> pygame.Surface:
    """The picture called ``name`` (see model.PICTURES), ``size`` px square. ``colour`` is the
    child's T cell colour, for pictures of their cells, and ``car`` whether those cells wear
    their CARs (see Session.has_car)."""
    if name in IN_THEIR_COLOUR:
        return _picture(name, size, colour, back, False)
    if name not in WITH_CAR:  # one painting of every other picture, whoever is playing
        return _picture(name, size, "sky", back, False)
    return _picture(name, size, colour, back, car)


@cache
def _picture(
    name: str, size: int, colour: str, back: tuple[int, int, int], car: bool
) -> pygame.Surface:
    if name in ("t_cell", "leukemia_cell", "b_cell", "red_blood_cell", "platelet"):
        radius = {"platelet": 0.2, "red_blood_cell": 0.3}.get(name, 0.28) * size
        sprite = art.cell_sprite(
            name, round(radius), name in ("leukemia_cell", "b_cell"), car, colour
        )
        holder = pygame.Surface((size, size), pygame.SRCALPHA)
        holder.blit(sprite, sprite.get_rect(center=(size // 2, size // 2)))
        return holder
    if name == "white_blood_cells":
        return _white_blood_cells(size)
    if name not in gallery.DRAWN:  # an author's own picture; the placeholder if it fails
        from_file = _from_file(name, size)
        if from_file is not None:
            return from_file

    def paint(s: pygame.Surface, unit: float) -> None:
        c = size * unit / 2
        r = c * 0.9
        if name == "cd19":
            art.draw_star(s, c, c, r * 0.6)
        elif name == "car":
            draw_car(s, c, c, r * 0.8)
        elif name == "lab":
            _flask(s, c, c, r, unit)
        elif name == "machine":
            draw_machine(s, _rect(c, c, r * 1.5, r * 1.2), unit)
            draw_face(s, c, c, r, unit)
        elif name in ("iv", "infusion", "central_line"):
            _tube(s, name, c, r, unit, art.hero_colours(colour)[0])
        elif name == "iv_bag":
            draw_iv_bag(s, c, c, r * 0.9, r * 1.3, unit, cell=art.hero_colours(colour)[0])
        elif name == "medicine":
            _medicine(s, c, c, r, unit)
        elif name == "many_cells":
            _many_cells(s, c, c, r, unit, colour, car)
        elif name == "hot":
            _thermometer(s, c, c, r, unit)
        elif name in ("tired", "achy", "muddled", "happy"):
            _face(s, c, c + r * 0.1, r, unit, name)
        elif name == "grown_up":
            _person(s, c - r * 0.35, c - r * 0.1, r * 0.55, unit, GREEN, hat=True)
            _person(s, c + r * 0.4, c + r * 0.05, r * 0.42, unit, ORANGE)
        elif name == "doctor":
            _person(s, c, c - r * 0.1, r * 0.6, unit, WHITE)
        elif name == "hospital":
            _hospital(s, c, c, r, unit)
        elif name == "sun":
            _sun(s, c, c, r, unit)
        elif name == "star":
            art.draw_star(s, c, c, r * 0.75)
        elif name == "moon":
            _moon(s, c, c, r, unit)
        elif name == "zap":
            _zap(s, c, c, r, unit)
        elif name == "dino":
            _dino(s, c, c, r, unit)
        elif name == "wand":
            _wand(s, c, c, r, unit)
        elif name == "rocket":
            _rocket(s, c, c, r, unit)
        elif name == "tree":
            _tree(s, c, c, r, unit)
        elif name == "clock":
            _clock(s, c, c, r, unit)
        elif name == "heart":
            _heart(s, c, c, r, unit)
        elif name == "secret":
            _secret(s, c, c, r, unit)
        elif name == "ball":
            _ball(s, c, c, r, unit)
        elif name == "room":
            _room(s, c, c, r, unit)
        elif name == "patient":  # the profile screen's 'who is getting CAR T cells?'
            _patient(s, c, c, r, unit, art.hero_colours(colour)[0])
        elif name == "sibling":
            _sibling(s, c, c, r, unit, art.hero_colours(colour)[0])
        else:  # a picture the art does not know yet: a calm placeholder, never a crash
            pygame.draw.circle(s, PURPLE, (c, c), r * 0.4, _width(unit, 6))

    return art.painted((size, size), paint)


#: Picture files that could not be used, each said once in the log (not once for each size).
_told: set[Path] = set()


def _from_file(name: str, size: int) -> pygame.Surface | None:
    """The picture file ``assets/pictures/<name>.svg`` (or ``.png``) fitted into ``size`` px
    square with a little room around it, as the drawn ones have; None when there is no such
    file or it cannot be used: too large, not the picture its name says, or broken."""
    path = gallery.picture_files(resources.assets_dir()).get(name)
    if path is None:
        return None
    box = max(1, round(size * 0.9))
    try:
        bytes_ = path.stat().st_size
        if bytes_ > gallery.MAX_PICTURE_BYTES:
            raise ValueError(f"{bytes_} bytes; at most {gallery.MAX_PICTURE_BYTES} are read")
        if path.suffix.lower() == ".svg":  # drawn at the size it is shown: never huge
            image = pygame.image.load_sized_svg(str(path), (box, box))
        else:
            _check_png(path)
            image = pygame.image.load(str(path))
        width, height = image.get_size()
        if width < 1 or height < 1:
            raise ValueError("it draws nothing")
        plain = pygame.Surface((width, height), pygame.SRCALPHA)  # any format, no display needed
        plain.blit(image, (0, 0))
        scale = min(box / width, box / height)
        fitted = pygame.transform.smoothscale(
            plain, (max(1, round(width * scale)), max(1, round(height * scale)))
        )
    except (pygame.error, OSError, ValueError, MemoryError, OverflowError) as exc:
        if path not in _told:
            _told.add(path)
            log.warning("picture %s could not be used (%s); drawing a placeholder", path, exc)
        return None
    holder = pygame.Surface((size, size), pygame.SRCALPHA)
    holder.blit(fitted, fitted.get_rect(center=(size // 2, size // 2)))
    return holder


def _check_png(path: Path) -> None:
    """Refuse a file that is not a PNG, or one whose pixels would take too much memory (a
    small file can say it is 50000 pixels wide), before pygame reads it."""
    with path.open("rb") as file:
        head = file.read(24)
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    width, height = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    most = gallery.MAX_PICTURE_SIDE
    if not (0 < width <= most and 0 < height <= most):
        raise ValueError(f"{width} x {height} pixels; at most {most} x {most} are read")
