"""Draws the dish where one CAR T cell becomes two, four, eight... many."""

from __future__ import annotations

from functools import cache

import pygame

from game.app.ui import art, pictures, text, theme
from game.script.model import Scene
from game.script.runner import Runner
from game.script.session import Session
from game.script.strings import Strings
from game.world.multiply import DISH, MultiplyRules


@cache
def _count(number: int) -> pygame.Surface:
    return text.render(str(number), text.font(64, "bold"), art.INK)


class MultiplyView:
    def __init__(
        self, scene: Scene, rules: MultiplyRules, session: Session, strings: Strings
    ) -> None:
        self.strings = strings
        self.rules = rules
        self.session = session
        self.stage = art.background(scene.background).copy()
        cx, cy, radius = DISH
        pictures.draw_dish(self.stage, cx, cy, radius, 1)

    def draw(self, canvas: pygame.Surface, runner: Runner) -> None:
        rules = self.rules
        canvas.blit(self.stage, (0, 0))
        radius = round(rules.radius)
        # Every copy wears its CARs, as the story says; small ones fewer (see art.car_angles).
        sprite = art.cell_sprite("t_cell", radius, False, True, self.session.hero_colour)
        for cell in rules.cells:
            canvas.blit(sprite, sprite.get_rect(center=(round(cell.x), round(cell.y))))
        if rules.assist >= 2 and not rules.splitting and not rules.full:
            first = rules.cells[0]
            ring = radius + 16 + 5 * theme.pulse(rules.time, 0.64)
            pygame.draw.circle(canvas, art.YELLOW, (round(first.x), round(first.y)), ring, 6)
        number = _count(len(rules.cells))
        canvas.blit(number, self._count_rect(number))

    def hero_rect(self) -> pygame.Rect:
        """The dish full of the child's CAR T cells and how many there are: what the closing
        card must not cover."""
        cx, cy, dish = DISH
        full = pygame.Rect(round(cx - dish), round(cy - dish), round(2 * dish), round(2 * dish))
        return full.union(self._count_rect(_count(len(self.rules.cells))))

    @staticmethod
    def _count_rect(number: pygame.Surface) -> pygame.Rect:
        cx, cy, dish = DISH
        return number.get_rect(midleft=(round(cx + dish + 60), round(cy)))
