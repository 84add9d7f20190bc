"""The word book's pictures of the soft tubes that take medicine and cells into the blood, each
its own so a child can tell the three words apart (they were one IV bag for all three):

- ``iv``: an arm with a tiny tube taped on under a clear sticker, its thin line curving away;
- ``infusion``: a bag of the child's glowing cells dripping down the line into that arm;
- ``central_line``: a smiling child with a soft tube on the chest, under a clear sticker, its
  two ends capped (it stays in for a while).

Drawn with pygame like the other pictures (see pictures.py), on the painted surface ``s``
three times too large (``unit``)."""

from __future__ import annotations

import itertools

import pygame

from game.app.ui import art
from game.app.ui.art import BLUE, GREEN, VERMILLION
from game.app.ui.pictures import HAIR, SKIN, WHITE, _rect, _width, draw_face, draw_iv_bag

SKIN_EDGE = (214, 160, 128)
TUBE = (150, 186, 206)
TUBE_EDGE = (110, 150, 176)
STICKER = (236, 246, 252)
STICKER_EDGE = (150, 196, 222)
SHIRT = art.SKY


def _line(s, points, unit, width: float = 9) -> None:
    """A thin clear tube along ``points``: a darker edge with a light core."""
    for colour, px in ((TUBE_EDGE, width), (TUBE, width * 0.55)):
        for a, b in itertools.pairwise(points):
            art._thick_line(s, colour, a, b, px * unit)


def _curve(start, control, end, steps: int = 14) -> list[tuple[float, float]]:
    """Points along a soft bend from ``start`` to ``end`` pulled toward ``control``."""
    found = []
    for i in range(steps + 1):
        t = i / steps
        x = (1 - t) ** 2 * start[0] + 2 * (1 - t) * t * control[0] + t * t * end[0]
        y = (1 - t) ** 2 * start[1] + 2 * (1 - t) * t * control[1] + t * t * end[1]
        found.append((x, y))
    return found


def _arm(s, cx, cy, r, unit) -> tuple[float, float]:
    """A forearm and hand lying across the picture, from a sleeve on the left; where the tiny
    tube goes in (the back of the wrist) is returned."""
    top, bottom = cy - r * 0.2, cy + r * 0.2
    arm = [(cx - r * 0.95, top), (cx + r * 0.35, top + r * 0.04)]
    arm += [(cx + r * 0.35, bottom - r * 0.04), (cx - r * 0.95, bottom)]
    pygame.draw.polygon(s, SKIN, arm)
    pygame.draw.ellipse(s, SKIN, _rect(cx + r * 0.5, cy, r * 0.5, r * 0.42))  # the hand
    for i in range(3):  # fingers, curled softly
        pygame.draw.circle(s, SKIN, (cx + r * 0.72, cy - r * 0.12 + i * r * 0.12), r * 0.075)
    pygame.draw.lines(s, SKIN_EDGE, False, arm[:2], _width(unit, 3))
    pygame.draw.lines(s, SKIN_EDGE, False, arm[2:], _width(unit, 3))
    sleeve = _rect(cx - r * 0.82, cy, r * 0.32, r * 0.56)
    pygame.draw.rect(s, SHIRT, sleeve, border_radius=round(r * 0.08))
    return cx + r * 0.05, cy - r * 0.02


def _sticker(s, x, y, w, h, unit) -> None:
    """A clear sticker holding the tube still."""
    rect = _rect(x, y, w, h)
    pygame.draw.rect(s, STICKER, rect, border_radius=round(w * 0.18))
    pygame.draw.rect(s, STICKER_EDGE, rect, _width(unit, 3), border_radius=round(w * 0.18))


def _tiny_tube(s, x, y, r, unit) -> None:
    """Where the tube goes in: a short soft tube under a sticker, with a small cap."""
    _sticker(s, x, y, r * 0.42, r * 0.3, unit)
    art._thick_line(s, TUBE_EDGE, (x - r * 0.14, y), (x + r * 0.06, y), 8 * unit)
    pygame.draw.rect(s, WHITE, _rect(x + r * 0.1, y, r * 0.12, r * 0.12), border_radius=4)
    pygame.draw.rect(
        s, TUBE_EDGE, _rect(x + r * 0.1, y, r * 0.12, r * 0.12), _width(unit, 2), border_radius=4
    )


def draw_iv(s, cx, cy, r, unit) -> None:
    """An IV: a tiny tube in the arm, held by a clear sticker, its line going up and away."""
    x, y = _arm(s, cx, cy + r * 0.3, r, unit)
    _line(
        s,
        _curve((x + r * 0.16, y), (x + r * 0.55, y - r * 0.1), (cx + r * 0.45, cy - r * 0.75)),
        unit,
    )
    _tiny_tube(s, x, y, r, unit)


def draw_infusion(s, cx, cy, r, unit, cell: tuple) -> None:
    """An infusion: the bag of the child's glowing cells up high, drops falling in the little
    chamber under it, and the line down into the arm."""
    bag_x, bag_y = cx + r * 0.45, cy - r * 0.5
    draw_iv_bag(s, bag_x, bag_y, r * 0.5, r * 0.68, unit, cell=cell)
    chamber = _rect(bag_x, bag_y + r * 0.5, r * 0.16, r * 0.22)
    pygame.draw.rect(s, STICKER, chamber, border_radius=round(r * 0.06))
    pygame.draw.rect(s, TUBE_EDGE, chamber, _width(unit, 3), border_radius=round(r * 0.06))
    drop = (bag_x, chamber.centery)
    pygame.draw.circle(s, cell, drop, r * 0.045)
    pygame.draw.polygon(
        s,
        cell,
        [
            (drop[0] - r * 0.04, drop[1] - r * 0.01),
            (drop[0] + r * 0.04, drop[1] - r * 0.01),
            (drop[0], drop[1] - r * 0.09),
        ],
    )
    x, y = _arm(s, cx - r * 0.1, cy + r * 0.55, r * 0.8, unit)
    start = (bag_x, chamber.bottom)
    _line(s, _curve(start, (bag_x + r * 0.05, y + r * 0.05), (x + r * 0.14, y)), unit, 8)
    _tiny_tube(s, x, y, r * 0.8, unit)
    for i in range(2):  # drops on their way down the line
        px, py = _curve(start, (bag_x + r * 0.05, y + r * 0.05), (x + r * 0.14, y))[4 + 4 * i]
        pygame.draw.circle(s, cell, (px, py), r * 0.035)


def draw_central_line(s, cx, cy, r, unit) -> None:
    """A central line: a smiling child, and on the chest, under a clear sticker, a soft tube
    whose two ends hang down with their caps on."""
    pygame.draw.ellipse(s, SHIRT, _rect(cx, cy + r * 0.62, r * 1.6, r * 0.9))  # shoulders
    neck = _rect(cx, cy + r * 0.22, r * 0.56, r * 0.4)
    pygame.draw.ellipse(s, SKIN, neck)  # the open collar shows the top of the chest
    pygame.draw.circle(s, HAIR, (cx, cy - r * 0.38), r * 0.42)
    pygame.draw.circle(s, SKIN, (cx, cy - r * 0.3), r * 0.37)
    draw_face(s, cx, cy - r * 0.26, r * 0.55, unit)
    x, y = cx + r * 0.14, cy + r * 0.3  # just under the collarbone
    ends = [(cx + r * 0.32, cy + r * 0.84), (cx + r * 0.5, cy + r * 0.78)]
    fork = (cx + r * 0.38, cy + r * 0.55)
    _line(s, _curve((x, y), (x + r * 0.22, y + r * 0.02), fork), unit, 10)
    for end, cap in zip(ends, (VERMILLION, BLUE), strict=True):
        _line(s, [fork, end], unit, 8)
        pygame.draw.rect(s, cap, _rect(end[0], end[1], r * 0.1, r * 0.12), border_radius=4)
    _sticker(s, x, y, r * 0.3, r * 0.24, unit)
    art._thick_line(s, TUBE_EDGE, (x - r * 0.06, y), (x + r * 0.1, y + r * 0.01), 9 * unit)
    pygame.draw.circle(s, GREEN, (x - r * 0.07, y), r * 0.02)  # where it goes in, under the sticker
