"""Draws coming back: the IV bag on its pole, the tube down to the arm's vein, drops of glowing
CAR T cells sliding down, and the cells gathering in the vein."""

from __future__ import annotations

import math

import pygame

from game.app.ui import art, pictures, theme
from game.script.model import Scene
from game.script.runner import Runner
from game.script.session import Session
from game.script.strings import Strings
from game.world.drip import BAG, CELLS_PER_DROP, TUBE, DripRules, along_tube, gather_place

POLE = (140, 140, 150)


class DripView:
    def __init__(self, scene: Scene, rules: DripRules, session: Session, strings: Strings) -> None:
        self.strings = strings
        self.rules = rules
        self.session = session
        self.stage = art.background(scene.background).copy()
        bx, by, bw, bh = BAG
        # the wire reaches the bag's hook, and the tube its spout (the picture's lowest part)
        pygame.draw.line(self.stage, POLE, (bx + bw / 2, 60), (bx + bw / 2, by + 4), 8)
        pygame.draw.line(self.stage, POLE, (bx + bw / 2 - 60, 60), (bx + bw / 2 + 60, 60), 8)
        tube = [(TUBE[0][0], by + bh - 6), *TUBE]
        _tube(self.stage, tube)

    def hero_rect(self) -> pygame.Rect:
        """Where the CAR T cells gather in the vein: the closing card stands clear of them."""
        count = self.rules.total * CELLS_PER_DROP
        places = [gather_place(i) for i in range(count)]
        around = pygame.Rect(0, 0, 0, 0)
        around.center = (round(places[0][0]), round(places[0][1]))
        for x, y in places:
            around = around.union(pygame.Rect(round(x) - 26, round(y) - 26, 52, 52))
        return around

    def draw(self, canvas: pygame.Surface, runner: Runner) -> None:
        rules = self.rules
        canvas.blit(self.stage, (0, 0))
        bx, by, bw, bh = BAG
        surface = _bag(round(bw), round(bh), rules.left, rules.total, self.session.hero_colour)
        canvas.blit(surface, (round(bx), round(by)))
        if rules.assist >= 2 and rules.can_drop:
            glow = 10 + 5 * theme.pulse(rules.time, 0.64)
            pygame.draw.rect(
                canvas,
                art.YELLOW,
                pygame.Rect(round(bx), round(by), round(bw), round(bh)).inflate(glow * 2, glow * 2),
                width=6,
                border_radius=50,
            )
        colour = self.session.hero_colour
        small = art.cell_sprite("t_cell", 16, False, True, colour)
        for drop in rules.drops:
            x, y = along_tube(drop.distance)
            pygame.draw.circle(canvas, (255, 244, 200), (round(x), round(y)), 24)
            for i in range(CELLS_PER_DROP):
                angle = i * math.tau / CELLS_PER_DROP + theme.moving(rules.time) * 2
                point = (round(x + math.cos(angle) * 9), round(y + math.sin(angle) * 9))
                canvas.blit(small, small.get_rect(center=point))
        swimmer = art.cell_sprite("t_cell", 22, False, True, colour)
        for cell in rules.swimmers:
            canvas.blit(swimmer, swimmer.get_rect(center=(round(cell.x), round(cell.y))))
        tip = TUBE[-1]
        pygame.draw.circle(canvas, (150, 190, 210), tip, 14)


_bags: dict[tuple[int, int, int, int, str], pygame.Surface] = {}


def _bag(width: int, height: int, left: int, total: int, colour: str) -> pygame.Surface:
    """The IV bag holding ``left`` of its ``total`` drops: one dot of cells for each drop
    still in it, so they count down with the child's taps, in the child's ``colour``; painted
    once for each count (empty when no drop is left in it)."""
    key = (width, height, left, total, colour)
    if key not in _bags:

        def paint(surface: pygame.Surface, unit: float) -> None:
            pictures.draw_iv_bag(
                surface,
                width * unit / 2,
                height * unit / 2,
                width * unit * 0.9,
                height * unit * 0.88,
                unit,
                fill=left / total,
                cell=art.hero_colours(colour)[0],
                cells=left,
            )

        _bags[key] = art.painted((width, height), paint)
    return _bags[key]


#: The IV tube: its edge and the clear inside, and how wide each is drawn.
TUBE_EDGE, TUBE_INSIDE = (150, 190, 210), (236, 246, 252)
TUBE_WIDTHS = (22, 14)


def _tube(canvas: pygame.Surface, points: list[tuple[float, float]]) -> None:
    """The tube along ``points``, with round bends (pygame's thick lines meet with a notch at
    each corner: the edge broke at the bend)."""
    for colour, width in zip((TUBE_EDGE, TUBE_INSIDE), TUBE_WIDTHS, strict=True):
        pygame.draw.lines(canvas, colour, False, points, width)
        for point in points[1:-1]:
            pygame.draw.circle(canvas, colour, point, width / 2)
