"""The journey map, shown before the first chapter and between chapters: nine stops along a
winding path, the ones played marked with a star, the next one glowing. 'Go!' plays it."""

from __future__ import annotations

import math

import pygame

from game.app import art, intents, pictures, text, widgets
from game.script.model import Scene
from game.world.gestures import Gesture, Press, Release

GO = widgets.Button("go", "Go!", pygame.Rect(1000, 640, 240, 110), art.GREEN)
STOP_RADIUS = 70


def stop_places(count: int) -> list[tuple[float, float]]:
    """Stops zig-zag in two rows across the map, like a path on a board game."""
    places = []
    for i in range(count):
        x = 130 + i * (1020 / max(1, count - 1))
        y = 240 if i % 2 == 0 else 460
        places.append((x, y))
    return places


class JourneyMap:
    """``outcome`` becomes 'go' when the child taps Go (or the glowing stop, or Enter)."""

    def __init__(self, chapters: list[Scene], target: str, played: list[str]) -> None:
        self.chapters = chapters
        self.target = target
        self.played = set(played)
        self.places = stop_places(len(chapters))
        self.outcome: str | None = None
        self.clock = 0.0

    @property
    def index(self) -> int:
        return next(i for i, s in enumerate(self.chapters) if s.id == self.target)

    def handle(self, intent: intents.Intent) -> None:
        if isinstance(intent, intents.Advance):
            self.outcome = "go"
        elif isinstance(intent, intents.PointerDown):
            x, y = self.places[self.index]
            if GO.hit(intent.x, intent.y) or math.hypot(intent.x - x, intent.y - y) <= STOP_RADIUS:
                self.outcome = "go"

    def update(self, dt: float) -> None:
        self.clock += dt

    def bot_gestures(self, bot, dt: float) -> list[Gesture]:
        if self.clock < 1.0:
            return []
        x, y = GO.rect.center
        return [Press(x, y), Release(x, y)]

    def draw(self, canvas: pygame.Surface) -> None:
        canvas.fill((238, 246, 240))
        title = text.font(54, "bold").render("Your T cell's journey", True, art.INK)
        canvas.blit(title, title.get_rect(center=(640, 70)))
        pygame.draw.lines(canvas, (214, 200, 170), False, self.places, 26)
        pygame.draw.lines(canvas, (246, 236, 210), False, self.places, 16)
        for i, (scene, (x, y)) in enumerate(zip(self.chapters, self.places, strict=True)):
            self._stop(canvas, i, scene, x, y)
        GO.draw(canvas)
        label = text.font(40, "bold").render(
            f"Next: {self.chapters[self.index].title}", True, art.INK
        )
        rect = label.get_rect(midleft=(60, GO.rect.centery))
        widgets.panel(canvas, rect.inflate(40, 30), radius=28)
        canvas.blit(label, rect)

    def _stop(self, canvas: pygame.Surface, i: int, scene: Scene, x: float, y: float) -> None:
        here = i == self.index
        if here:
            glow = STOP_RADIUS + 12 + 5 * math.sin(self.clock * 4)
            pygame.draw.circle(canvas, art.YELLOW, (x, y), glow)
        edge = art.GREEN if scene.id in self.played else (200, 190, 170)
        pygame.draw.circle(canvas, edge, (x, y), STOP_RADIUS)
        pygame.draw.circle(canvas, art.PAPER, (x, y), STOP_RADIUS - 6)
        icon = pictures.picture(scene.icon or "star", 108)
        canvas.blit(icon, icon.get_rect(center=(round(x), round(y))))
        number = text.font(30, "bold").render(str(i + 1), True, art.INK)
        badge = (round(x - STOP_RADIUS * 0.75), round(y - STOP_RADIUS * 0.75))
        pygame.draw.circle(canvas, art.PAPER, badge, 22)
        pygame.draw.circle(canvas, edge, badge, 22, 4)
        canvas.blit(number, number.get_rect(center=badge))
        if scene.id in self.played:
            star = art.star_icon(44, True)
            canvas.blit(
                star,
                star.get_rect(
                    center=(round(x + STOP_RADIUS * 0.75), round(y - STOP_RADIUS * 0.75))
                ),
            )
        name = _title(scene.title)
        canvas.blit(name, name.get_rect(midtop=(round(x), round(y + STOP_RADIUS + 10))))


def _title(words: str) -> pygame.Surface:
    face = text.font(26, "bold")
    return face.render(words, True, art.INK)
