"""Draws the hunt: the bloodstream, the cells, the CAR locking onto CD19, sparkles, the counter
and the helping arrow. It only reads the rules' state."""

from __future__ import annotations

import math

import pygame

from game.app import art, theme, widgets
from game.script.model import Scene
from game.script.runner import Runner
from game.script.session import Session
from game.script.strings import Strings
from game.world.cells import Cell
from game.world.hunt import DOCK_SECONDS, POP_SECONDS, HuntRules

_LAYER = {"platelet": 0, "red_blood_cell": 1, "b_cell": 2, "leukemia_cell": 2, "t_cell": 3}


class HuntView:
    def __init__(self, scene: Scene, rules: HuntRules, session: Session, strings: Strings) -> None:
        self.strings = strings
        self.scene = scene
        self.rules = rules
        self.session = session
        self.background = art.background(scene.background)

    def draw(self, canvas: pygame.Surface, runner: Runner) -> None:
        rules = self.rules
        canvas.blit(self.background, (0, 0))
        for cell in sorted(rules.cells, key=lambda c: (_LAYER[c.kind], c is rules.player)):
            if cell.state == "popping":
                self._pop(canvas, cell)
            elif cell.state != "gone":
                self._cell(canvas, cell)
        for cell in rules.cells:
            if cell.state == "docking":
                self._lock(canvas, cell)
        for buddy in rules.buddies:
            self._cell(canvas, buddy)
        player = rules.player
        widgets.name_tag(
            canvas, self.strings, self.session.hero_name, player.x, player.y + player.radius + 14
        )
        self._hint(canvas)

    def _cell(self, canvas: pygame.Surface, cell: Cell) -> None:
        sprite = art.cell_sprite(
            cell.kind,
            round(cell.radius),
            bool(cell.markers),
            cell.car is not None,
            self.session.hero_colour,
        )
        x = cell.x
        if not theme.look().reduced_motion:  # a short shake: "does not fit"
            x += math.sin(cell.wiggle * 40) * 7 * (cell.wiggle / 0.5)
        canvas.blit(sprite, sprite.get_rect(center=(round(x), round(cell.y))))

    def _lock(self, canvas: pygame.Surface, cell: Cell) -> None:
        """The CAR's Y-shaped hand holding a CD19 star: the key in its lock."""
        player = self.rules.player
        angle = math.atan2(cell.y - player.y, cell.x - player.x)
        art.draw_car(canvas, player.x, player.y, player.radius, angle, 1.6)
        star_x = player.x + math.cos(angle) * player.radius * 1.32
        star_y = player.y + math.sin(angle) * player.radius * 1.32
        art.draw_star(canvas, star_x, star_y, 11, turn=angle)
        grow = min(1.0, cell.timer / DOCK_SECONDS)
        ring = 18 + 26 * grow
        pygame.draw.circle(canvas, art.ORANGE, (star_x, star_y), ring, width=3)

    def _pop(self, canvas: pygame.Surface, cell: Cell) -> None:
        """Break apart gently: the cell shrinks away into drifting sparkles."""
        t = min(1.0, cell.timer / POP_SECONDS)
        if t < 0.4:
            sprite = art.cell_sprite(cell.kind, round(cell.radius), bool(cell.markers), False)
            small = pygame.transform.rotozoom(sprite, 0, 1.0 - t * 2)
            canvas.blit(small, small.get_rect(center=(round(cell.x), round(cell.y))))
        for i in range(10):
            angle = i * math.tau / 10 + cell.id
            reach = cell.radius * (0.3 + 1.5 * t)
            size = max(4, round(28 * (1.0 - t)))
            dot = art.sparkle(size)
            centre = (cell.x + math.cos(angle) * reach, cell.y + math.sin(angle) * reach - 20 * t)
            canvas.blit(dot, dot.get_rect(center=(round(centre[0]), round(centre[1]))))

    def _hint(self, canvas: pygame.Surface) -> None:
        target = self.rules.hint_target()
        if target is None:
            return
        player = self.rules.player
        angle = math.atan2(target.y - player.y, target.x - player.x)
        bob = 6 * theme.pulse(self.rules.time, 0.48)
        reach = player.radius + 50 + bob
        pointer = pygame.transform.rotate(art.arrow(96), -math.degrees(angle))
        centre = (player.x + math.cos(angle) * reach, player.y + math.sin(angle) * reach)
        canvas.blit(pointer, pointer.get_rect(center=(round(centre[0]), round(centre[1]))))
