"""Shared on-screen pieces: rounded panels and big buttons (at least 64 logical pixels)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import pygame

from game.app import art, text, theme
from game.script.strings import Strings
from game.world.spots import Spot

MIN_TARGET = 64


def panel(
    canvas: pygame.Surface,
    rect: pygame.Rect,
    fill: tuple[int, int, int] | None = None,
    edge: tuple[int, int, int] | None = None,
    radius: int = 24,
) -> None:
    """A rounded card; in high contrast always white with a thick black edge."""
    look = theme.look()
    if look.high_contrast or fill is None:
        fill = look.box_fill
    if look.high_contrast or edge is None:
        edge = look.box_edge
    shadow = rect.move(0, 5)
    pygame.draw.rect(canvas, (214, 180, 170), shadow, border_radius=radius)
    pygame.draw.rect(canvas, fill, rect, border_radius=radius)
    pygame.draw.rect(canvas, edge, rect, width=look.edge_width, border_radius=radius)


@dataclass(frozen=True)
class Button:
    """A big, round-cornered button with a word on it."""

    name: str
    label: str
    rect: pygame.Rect
    colour: tuple[int, int, int] = art.BLUE

    def __post_init__(self) -> None:
        if min(self.rect.size) < MIN_TARGET:
            raise ValueError(f"button '{self.name}' is smaller than {MIN_TARGET} px")

    def hit(self, x: float, y: float) -> bool:
        return self.rect.collidepoint(x, y)

    @property
    def spot(self) -> Spot:
        """This button as a one-switch choice (a tap at its middle)."""
        r = self.rect
        return Spot(r.centerx, r.centery, max(r.size) / 2, self.name, w=r.width, h=r.height)

    def draw(self, canvas: pygame.Surface) -> None:
        look = theme.look()
        pygame.draw.rect(canvas, (30, 60, 90), self.rect.move(0, 5), border_radius=28)
        pygame.draw.rect(canvas, look.button_fill(self.colour), self.rect, border_radius=28)
        if look.high_contrast:
            pygame.draw.rect(canvas, art.YELLOW, self.rect, width=4, border_radius=28)
        label = fitted(self.label, 38, self.rect.width - 24, (255, 255, 255))
        canvas.blit(label, label.get_rect(center=self.rect.center))


@cache
def fitted(
    words: str, size: int, width: int, colour: tuple[int, int, int] = art.INK
) -> pygame.Surface:
    """Bold ``words`` at ``size`` px, smaller if needed to fit ``width`` (never below 20)."""
    while size > 20 and text.font(size, "bold").size(words)[0] > width:
        size -= 2
    return text.font(size, "bold").render(words, True, colour)


@cache
def _words(words: str, size: int, weight: str = "bold") -> pygame.Surface:
    return text.font(size, weight).render(words, True, art.INK)


def star_counter(canvas: pygame.Surface, strings: Strings, found: int, total: int) -> None:
    """Progress as stars that fill up (at most eight), then in words: '3 of 8'."""
    icons = min(total, 8)
    rect = pygame.Rect(20, 10, 40 + icons * 50 + 130, 70)
    panel(canvas, rect, radius=22)
    for i in range(icons):
        filled = i < found * icons // total
        canvas.blit(art.star_icon(46, filled), (rect.x + 20 + i * 50, rect.y + 12))
    words = _words(strings.get("ui.counter", found=found, total=total), 34)
    canvas.blit(words, words.get_rect(midleft=(rect.x + 30 + icons * 50, rect.centery)))


def title_pill(canvas: pygame.Surface, title: str, right: int = 1260) -> None:
    """The chapter's name, top right, so child and grown-up always know where they are."""
    words = _words(title, 30)
    rect = words.get_rect().inflate(48, 26)
    rect.topright = (right, 18)
    panel(canvas, rect, radius=rect.height // 2)
    canvas.blit(words, words.get_rect(center=rect.center))


def name_tag(
    canvas: pygame.Surface, strings: Strings, name_id: str | None, x: float, y: float
) -> None:
    """The T cell's name (the id of the picked name) on a little tag under it."""
    if not name_id:
        return
    words = _words(strings.get(name_id), 28)
    rect = words.get_rect().inflate(28, 12)
    rect.midtop = (round(x), round(y))
    panel(canvas, rect, fill=(255, 250, 230), radius=rect.height // 2)
    canvas.blit(words, words.get_rect(center=rect.center))


def hold_ring(canvas: pygame.Surface, centre: tuple[int, int], share: float) -> None:
    """A ring filling up clockwise while a corner is held: the grown-up sees it is working."""
    pygame.draw.circle(canvas, (255, 255, 255), centre, 40)
    rect = pygame.Rect(0, 0, 72, 72)
    rect.center = centre
    start = math.pi / 2 - 2 * math.pi * min(1.0, share)
    pygame.draw.arc(canvas, art.BLUE, rect, start, math.pi / 2, 10)
