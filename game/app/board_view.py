"""Draws the picture boards (choose, cards, quiz): big tiles with a picture and a word each.

A tile that was picked gets a green ring and a star; a card already heard gets a small star; a
quiz answer that was not right fades a little (never a cross). Help glows around a tile. While a
quiz question is still being said its pictures rest under a light veil, so the child sees what
is coming, listens, and then taps (a tap before that is no answer)."""

from __future__ import annotations

import math
from functools import cache

import pygame

from game.app import art, pace, pictures, text, theme, widgets
from game.script.model import Option, Scene
from game.script.runner import Runner
from game.script.session import Session
from game.script.strings import Strings
from game.world.picks import BoardRules, QuizRules

PICTURE = 160
#: The veil over pictures that wait for their question to be heard: lighter, never hidden.
VEIL = (248, 246, 240, 150)


class BoardView:
    def __init__(self, scene: Scene, rules: BoardRules, session: Session, strings: Strings) -> None:
        self.strings = strings
        self.scene = scene
        self.rules = rules
        self.session = session
        self.background = art.background(scene.background)

    def pace(self) -> int:
        """Tiles stand still; only the help glow and the T cell's bob move, slowly."""
        still = self.rules.choice is not None and self.rules.hint_option() is None
        return pace.RESTING if still else pace.pulsing()

    def draw(self, canvas: pygame.Surface, runner: Runner) -> None:
        canvas.blit(self.background, (0, 0))
        rules = self.rules
        choice = rules.choice
        if choice is None:
            self._hero(canvas)
            return
        hint = rules.hint_option()
        waiting = rules.listening_for is not None
        for option, rect in zip(rules.options, rules.tiles, strict=True):
            tile = pygame.Rect(*map(round, rect))
            self._tile(canvas, option, tile, option is hint)
            if waiting:
                canvas.blit(_veil(tile.size), tile.topleft)

    def _tile(self, canvas: pygame.Surface, option: Option, rect: pygame.Rect, hint: bool) -> None:
        rules = self.rules
        chosen = option.id in rules.chosen
        faded = chosen and isinstance(rules, QuizRules) and not option.right
        if hint:
            glow = 8 + 5 * theme.pulse(rules.time, 0.64)
            pygame.draw.rect(canvas, art.YELLOW, rect.inflate(glow * 2, glow * 2), border_radius=34)
        ringed = chosen and not faded
        edge = art.GREEN if ringed else (224, 207, 196)
        widgets.panel(
            canvas, rect, fill=(240, 238, 232) if faded else art.PAPER, edge=edge, radius=28
        )
        if ringed:
            pygame.draw.rect(canvas, art.GREEN, rect, width=7, border_radius=28)
        colour = option.colour or self.session.hero_colour
        car = self.session.has_car(self.scene.id)
        picture = pictures.picture(option.picture, PICTURE, colour, car=car)
        if faded:
            picture = picture.copy()
            picture.set_alpha(110)
        canvas.blit(picture, picture.get_rect(center=(rect.centerx, rect.y + 20 + PICTURE // 2)))
        label = _label(self.strings.get(option.id), rect.width - 20)
        canvas.blit(label, label.get_rect(center=(rect.centerx, rect.bottom - 34)))
        if chosen and not faded:
            star = art.star_icon(52, True)
            canvas.blit(star, star.get_rect(center=(rect.right - 26, rect.top + 26)))

    def _hero(self, canvas: pygame.Surface) -> None:
        """After the last pick: the child's own T cell, big, with its name."""
        car = self.session.has_car(self.scene.id)
        sprite = art.cell_sprite("t_cell", 120, False, car, self.session.hero_colour)
        bob = 8 * theme.pulse(self.rules.time, 0.32)
        centre = (640, round(330 + bob))
        canvas.blit(sprite, sprite.get_rect(center=centre))
        below = 520 if car else 480  # under its lowest CAR
        widgets.name_tag(canvas, self.strings, self.session.hero_name, 640, below + bob)
        # Confetti dots, not stars: in this game stars mean CD19.
        colours = (art.ORANGE, art.GREEN, art.SKY, art.PURPLE, art.YELLOW, art.BLUE)
        for i, colour in enumerate(colours):
            angle = i * math.tau / len(colours) + theme.moving(self.rules.time) * 0.5
            x, y = 640 + math.cos(angle) * 200, 330 + math.sin(angle) * 150
            pygame.draw.circle(canvas, colour, (round(x), round(y)), 12)


@cache
def _veil(size: tuple[int, int]) -> pygame.Surface:
    veil = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.rect(veil, VEIL, veil.get_rect(), border_radius=28)
    return veil


@cache
def _label(words: str, width: int) -> pygame.Surface:
    face = text.font(34, "bold")
    if face.size(words)[0] > width:
        face = text.font(28, "bold")
    return face.render(words, True, art.INK)
