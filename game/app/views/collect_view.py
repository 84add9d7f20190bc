"""Draws collecting: an arm on each side, the tube, the friendly machine with its window, the
collection bag below, and the cells flowing through."""

from __future__ import annotations

import math

import pygame

from game.app.ui import art, pictures, theme
from game.script.model import Scene
from game.script.runner import Runner
from game.script.session import Session
from game.script.strings import Strings
from game.world.collect import (
    BAG,
    MACHINE,
    TUBE_LEFT,
    TUBE_RIGHT,
    TUBE_Y,
    CollectRules,
    bag_centre,
)

TUBE_FILL = (250, 226, 220)
TUBE_EDGE = (210, 150, 140)
SKIN = (241, 194, 160)
SKIN_EDGE = (214, 160, 126)
#: The helping arrow is turned in steps of this many degrees (each turn is made once).
ARROW_TURN_STEP = 5


class CollectView:
    def __init__(
        self, scene: Scene, rules: CollectRules, session: Session, strings: Strings
    ) -> None:
        self.strings = strings
        self.rules = rules
        self.session = session
        self.stage = art.background(scene.background).copy()
        self._paint_stage(self.stage)

    def _paint_stage(self, canvas: pygame.Surface) -> None:
        """Everything that never moves, painted once."""
        for x, flip in ((0, 1), (1280, -1)):  # an arm at each end of the tube
            arm = pygame.Rect(0, 0, 170, 120)
            arm.center = (x + flip * 40, round(TUBE_Y))
            pygame.draw.ellipse(canvas, SKIN_EDGE, arm.inflate(8, 8))
            pygame.draw.ellipse(canvas, SKIN, arm)
        tube = pygame.Rect(TUBE_LEFT - 60, TUBE_Y - 44, TUBE_RIGHT - TUBE_LEFT + 120, 88)
        pygame.draw.rect(canvas, TUBE_EDGE, tube.inflate(8, 8), border_radius=48)
        pygame.draw.rect(canvas, TUBE_FILL, tube, border_radius=44)
        mx, my, mw, mh = MACHINE
        machine = pygame.Rect(round(mx), round(my), round(mw), round(mh))
        pictures.draw_machine(canvas, machine, 1)
        window = machine.inflate(-60, -90)
        window.centery = round(TUBE_Y)
        pygame.draw.rect(canvas, (200, 226, 240), window.inflate(10, 10), border_radius=24)
        pygame.draw.rect(canvas, TUBE_FILL, window, border_radius=20)
        pictures.draw_face(canvas, machine.centerx, machine.top + 28, 100, 1)
        bx, by, bw, bh = BAG
        bag = pygame.Rect(round(bx), round(by), round(bw), round(bh))
        neck = pygame.Rect(0, 0, 26, bag.top - machine.bottom + 20)
        neck.midbottom = (bag.centerx, bag.top + 10)
        pygame.draw.rect(canvas, TUBE_EDGE, neck, border_radius=10)
        pygame.draw.rect(canvas, (205, 228, 240), bag, border_radius=40)
        pygame.draw.rect(canvas, (120, 160, 186), bag, width=5, border_radius=40)

    def draw(self, canvas: pygame.Surface, runner: Runner) -> None:
        rules = self.rules
        canvas.blit(self.stage, (0, 0))
        colour = self.session.hero_colour
        kept = rules.kept()
        for cell in sorted(rules.cells, key=lambda c: c.state == "held"):
            sprite = art.cell_sprite(cell.kind, round(cell.radius), False, False, colour)
            canvas.blit(sprite, sprite.get_rect(center=(round(cell.x), round(cell.y))))
        if kept and runner.all_done:
            self._cold(canvas)
        target = rules.hint_target()
        if target is not None and rules.held is None:
            self._arrow(canvas, target.x, target.y)

    def _cold(self, canvas: pygame.Surface) -> None:
        """Kept cold for the trip: frosty snowflakes on the bag."""
        bx, by, bw, _ = BAG
        for i, x in enumerate((bx + 20, bx + bw - 20)):
            cx, cy = x, by + 24
            for k in range(3):
                angle = k * math.pi / 3 + i * 0.3
                dx, dy = math.cos(angle) * 18, math.sin(angle) * 18
                pygame.draw.line(canvas, art.BLUE, (cx - dx, cy - dy), (cx + dx, cy + dy), 4)

    def _arrow(self, canvas: pygame.Surface, x: float, y: float) -> None:
        """A ring round the T cell in the machine's window, and a bobbing arrow from it
        toward the bag."""
        bx, by = bag_centre()
        angle = math.atan2(by - y, bx - x)
        turn = round(math.degrees(angle) / ARROW_TURN_STEP) * ARROW_TURN_STEP % 360
        pointer = art.arrow_turned(110, turn)
        reach = 100 + 8 * theme.pulse(self.rules.time, 0.48)
        centre = (round(x + math.cos(angle) * reach), round(y + math.sin(angle) * reach))
        canvas.blit(pointer, pointer.get_rect(center=centre))
        ring = 50 + 4 * theme.pulse(self.rules.time, 0.64)
        pygame.draw.circle(canvas, art.YELLOW, (round(x), round(y)), ring, width=6)
