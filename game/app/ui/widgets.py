"""Shared on-screen pieces: rounded panels and big buttons (at least 64 logical pixels)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache, lru_cache

import pygame

from game.app.ui import art, labels, text, theme
from game.script.strings import Strings
from game.world.spots import Spot

MIN_TARGET = 64
Colour = tuple[int, int, int]
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
    #: The second of two choices side by side: in high contrast, where every other button is
    #: black, it is white with a black edge and black words, so the two never look the same.
    quiet: bool = False
    #: The largest its words may be at normal text size (they grow with the text size).
    size: int = 38
    #: The open page's tab: light, with dark words and a thick dark edge, while the others are
    #: dark; told apart by more than colour, in high contrast too.
    selected: bool = False
    #: Room (px) kept clear of its words at each end, for a mark drawn there (the star on a
    #: chapter played, in the grown-up's panel).
    room: int = 0

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

    def colours(self) -> tuple[Colour, Colour, int, Colour]:
        """Its fill, edge, edge width and words' colour in the current look."""
        look = theme.look()
        fill = look.button_fill(self.colour)
        edge, edge_width = (art.YELLOW, 4) if look.high_contrast else (fill, 0)
        words = theme.WHITE
        if look.high_contrast and self.quiet:
            fill, edge, edge_width, words = theme.WHITE, theme.BLACK, 5, theme.BLACK
        if self.selected:
            fill, edge, edge_width, words = look.box_fill, look.ink, 7, look.ink
        return fill, edge, edge_width, words

    @property
    def label_box(self) -> pygame.Rect:
        """Where its words go: inside the edge, with a little room all round."""
        return self.rect.inflate(-2 * (LABEL_PAD[0] + self.room), -2 * LABEL_PAD[1])

    def label_image(self) -> pygame.Surface:
        """Its words as big as the text size asks, on two lines before smaller (see label)."""
        box = self.label_box
        colour = self.colours()[3]
        wanted = theme.look().label_size(self.size)
        return labels.label(self.label, wanted, box.width, box.height, colour)

    def draw(self, canvas: pygame.Surface) -> None:
        fill, edge, edge_width, _ = self.colours()
        _blit_card(canvas, self.rect, fill, edge, edge_width, 28, (30, 60, 90))
        image = self.label_image()
        canvas.blit(image, image.get_rect(center=self.rect.center))


#: Room kept inside a button round its words (across, down).
LABEL_PAD = (18, 8)


def common_size(texts: list[str], size: tuple[int, int], most: int = 38, room: int = 0) -> int:
    """The largest words (as ``Button.size``, at normal text size) with which each of ``texts``
    fits a button of ``size`` (keeping ``room`` at each end, see ``Button.room``) without being
    made smaller: a row of tabs or a grid of chapters in one size, never one of them smaller
    than the others."""
    box = Button("probe", "", pygame.Rect((0, 0), size), room=room).label_box
    look = theme.look()
    for base in range(most, 8, -1):
        wanted = look.label_size(base)
        if wanted <= labels.LABEL_MIN or all(
            labels.label_layout(words, wanted, box.width, box.height)[0] == wanted
            for words in texts
        ):
            return base
    return most


@cache
def fitted(
    words: str, size: int, width: int, colour: tuple[int, int, int] = art.INK
) -> pygame.Surface:
    """Bold ``words`` at ``size`` px, smaller if needed to fit ``width`` (never below 20)."""
    while size > 20 and text.width(words, text.font(size, "bold")) > width:
        size -= 2
    return text.render(words, text.font(size, "bold"), colour)


@cache
def _words(words: str, size: int, weight: str = "bold") -> pygame.Surface:
    return text.render(words, text.font(size, weight), art.INK)


def shade(canvas: pygame.Surface, colour: tuple[int, int, int, int]) -> None:
    """Dim the whole canvas under a card or page (the see-through layer is made once)."""
    canvas.blit(_shade(canvas.get_size(), colour), (0, 0))


@cache
def _shade(size: tuple[int, int], colour: tuple[int, int, int, int]) -> pygame.Surface:
    layer = pygame.Surface(size, pygame.SRCALPHA)
    layer.fill(colour)
    return layer


#: The most stars the counter shows; a longer goal shows each star as a share of it.
MOST_STARS = 10


def star_marks(found: int, total: int) -> list[bool]:
    """The progress stars, filled or not: one a step, at most ``MOST_STARS`` (then each stands
    for a share: the first lights with the first step, the last only when all are done). The
    counter and the closing card both show these, so they always agree."""
    icons = min(total, MOST_STARS)
    lit = found * icons // total
    if found > 0:
        lit = max(1, lit)
    if found < total:
        lit = min(icons - 1, lit)
    return [i < lit for i in range(icons)]


def star_counter(canvas: pygame.Surface, strings: Strings, found: int, total: int) -> None:
    """Progress as stars that fill up (see ``star_marks``), then in words: '3 of 8'."""
    words = strings.get("ui.counter", found=found, total=total)
    canvas.blit(_counter(tuple(star_marks(found, total)), words, theme.look()), COUNTER_AT)


COUNTER_AT = (20, 10)


@lru_cache(maxsize=8)
def _counter(marks: tuple[bool, ...], words: str, look: theme.Look) -> pygame.Surface:
    """The star counter, made once for each count (it is on every frame of a chapter)."""
    icons = len(marks)
    rect = pygame.Rect(0, 0, 40 + icons * 50 + 130, 70)
    image = pygame.Surface((rect.width, rect.height + SHADOW), pygame.SRCALPHA)  # and its shadow
    panel(image, rect, radius=22)
    for i, filled in enumerate(marks):
        image.blit(art.star_icon(46, filled), (rect.x + 20 + i * 50, rect.y + 12))
    text = _words(words, 34)
    image.blit(text, text.get_rect(midleft=(rect.x + 30 + icons * 50, rect.centery)))
    return image


def title_pill(canvas: pygame.Surface, title: str, right: int = 1260) -> None:
    """The chapter's name, top right, so child and grown-up always know where they are."""
    image = _pill(title, theme.look())
    canvas.blit(image, image.get_rect(topright=(right, 18)))


@lru_cache(maxsize=8)
def _pill(title: str, look: theme.Look) -> pygame.Surface:
    """The title pill, made once for each title (it is on every frame of a chapter)."""
    words = _words(title, 30)
    rect = words.get_rect().inflate(48, 26)
    rect.topleft = (0, 0)
    image = pygame.Surface((rect.width, rect.height + SHADOW), pygame.SRCALPHA)  # and its shadow
    panel(image, rect, radius=rect.height // 2)
    image.blit(words, words.get_rect(center=rect.center))
    return image


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
