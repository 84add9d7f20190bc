"""Shared on-screen pieces: rounded panels and big buttons (at least 64 logical pixels)."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.app import art, text

MIN_TARGET = 64


def panel(
    canvas: pygame.Surface,
    rect: pygame.Rect,
    fill=art.PAPER,
    edge=(224, 207, 196),
    radius: int = 24,
) -> None:
    shadow = rect.move(0, 5)
    pygame.draw.rect(canvas, (214, 180, 170), shadow, border_radius=radius)
    pygame.draw.rect(canvas, fill, rect, border_radius=radius)
    pygame.draw.rect(canvas, edge, rect, width=3, border_radius=radius)


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

    def draw(self, canvas: pygame.Surface) -> None:
        pygame.draw.rect(canvas, (30, 60, 90), self.rect.move(0, 5), border_radius=28)
        pygame.draw.rect(canvas, self.colour, self.rect, border_radius=28)
        label = text.font(38, "bold").render(self.label, True, (255, 255, 255))
        canvas.blit(label, label.get_rect(center=self.rect.center))
