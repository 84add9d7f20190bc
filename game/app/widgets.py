"""Shared on-screen pieces: rounded panels and big buttons (at least 64 logical pixels)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache, lru_cache

import pygame

from game.app import art, text, theme
from game.script.strings import Strings
from game.world.spots import Spot

MIN_TARGET = 64
#: A panel's shadow: this far down, in this colour.
SHADOW = 5
SHADOW_COLOUR = (214, 180, 170)


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
    _blit_card(canvas, rect, fill, edge, look.edge_width, radius)


def _blit_card(
    canvas: pygame.Surface,
    rect: pygame.Rect,
    fill: tuple[int, int, int],
    edge: tuple[int, int, int],
    edge_width: int,
    radius: int,
    shadow: tuple[int, int, int] = SHADOW_COLOUR,
) -> None:
    x, y = rect.topleft
    art.blit_all(
        canvas,
        [
            (piece, (x + dx, y))
            for piece, dx in _card_pieces(rect.size, fill, edge, edge_width, radius, shadow)
        ],
    )


@lru_cache(maxsize=96)
def _panel_image(
    size: tuple[int, int],
    fill: tuple[int, int, int],
    edge: tuple[int, int, int],
    edge_width: int,
    radius: int,
    shadow: tuple[int, int, int] = SHADOW_COLOUR,
) -> pygame.Surface:
    """A rounded card with its shadow, painted once with smooth corners."""
    width, height = size

    def paint(surface: pygame.Surface, unit: float) -> None:
        card = pygame.Rect(0, 0, round(width * unit), round(height * unit))
        corner = round(radius * unit)
        pygame.draw.rect(surface, shadow, card.move(0, round(SHADOW * unit)), border_radius=corner)
        pygame.draw.rect(surface, fill, card, border_radius=corner)
        if edge_width:
            line = round(edge_width * unit)
            pygame.draw.rect(surface, edge, card, width=line, border_radius=corner)

    return art.painted((width, height + SHADOW), paint)


@lru_cache(maxsize=96)
def _card_pieces(
    size: tuple[int, int],
    fill: tuple[int, int, int],
    edge: tuple[int, int, int],
    edge_width: int,
    radius: int,
    shadow: tuple[int, int, int],
) -> list[tuple[pygame.Surface, int]]:
    """A card as its rounded ends (see-through corners) and its solid middle, each with where
    it goes across: a solid picture is much quicker to draw, and the narration box is large."""
    image = _panel_image(size, fill, edge, edge_width, radius, shadow)
    width, height = image.get_size()
    end = radius + 2
    if width <= end * 2 + 16 or pygame.display.get_surface() is None:
        return [(image, 0)]
    middle = image.subsurface((end, 0, width - 2 * end, height)).convert()
    return [
        (image.subsurface((0, 0, end, height)).copy(), 0),
        (middle, end),
        (image.subsurface((width - end, 0, end, height)).copy(), width - end),
    ]


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
        fill = look.button_fill(self.colour)
        edge, edge_width = (art.YELLOW, 4) if look.high_contrast else (fill, 0)
        _blit_card(canvas, self.rect, fill, edge, edge_width, 28, (30, 60, 90))
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


def shade(canvas: pygame.Surface, colour: tuple[int, int, int, int]) -> None:
    """Dim the whole canvas under a card or page (the see-through layer is made once)."""
    canvas.blit(_shade(canvas.get_size(), colour), (0, 0))


@cache
def _shade(size: tuple[int, int], colour: tuple[int, int, int, int]) -> pygame.Surface:
    layer = pygame.Surface(size, pygame.SRCALPHA)
    layer.fill(colour)
    return layer


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
