"""The journey map, shown before the first chapter and between chapters: nine stops along a
winding path, the ones played marked with a star, the next one glowing. 'Go!' plays it.

It is also the title screen: the language, the age band and the voice are chosen here, and
the word book opens from here."""

from __future__ import annotations

import math
from typing import Protocol

import pygame

from game.app import art, intents, pace, pictures, text, theme, widgets
from game.app.play import language_button
from game.script.model import Scene
from game.script.session import DEFAULT_COLOUR, from_the_lab, wears_car
from game.script.strings import BANDS, Strings
from game.world.gestures import Gesture, Press, Release
from game.world.spots import Spot

GO = pygame.Rect(1000, 640, 240, 110)
BOOK = pygame.Rect(40, 640, 250, 110)
LANGUAGE = pygame.Rect(580, 14, 200, 72)
BAND = pygame.Rect(796, 14, 244, 72)
VOICE = pygame.Rect(1056, 14, 204, 72)
STOP_RADIUS = 70


class Switch(Protocol):
    enabled: bool

    def set_enabled(self, enabled: bool) -> None: ...


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

    def __init__(
        self,
        chapters: list[Scene],
        target: str,
        played: list[str],
        strings: Strings,
        voice: Switch | None = None,
        child: str = "",
        colour: str = DEFAULT_COLOUR,
    ) -> None:
        """``voice`` is what the voice button turns on and off (no button without one);
        ``child`` is the child's name, if the grown-up typed one; ``colour`` their T cell's,
        which the stops that show it are painted in (with its CARs from the lab on)."""
        self.strings = strings
        self.child = child
        self.colour = colour
        self.from_lab = from_the_lab(chapters)
        self.voice = voice
        self.chapters = chapters
        self.target = target
        self.played = set(played)
        self.places = stop_places(len(chapters))
        self.outcome: str | None = None
        self.clock = 0.0

    @property
    def index(self) -> int:
        return next(i for i, s in enumerate(self.chapters) if s.id == self.target)

    def buttons(self) -> list[widgets.Button]:
        get = self.strings.get
        found = [
            widgets.Button("go", get("ui.go"), GO, art.GREEN_DARK),
            widgets.Button("book", get("ui.book.open"), BOOK),
            language_button(self.strings, LANGUAGE),
            widgets.Button("band", get(f"ui.band.{self.strings.band}"), BAND, art.INK),
        ]
        if self.voice is not None:
            state = "on" if self.voice.enabled else "off"
            found.append(widgets.Button("voice", get(f"ui.voice.{state}"), VOICE, art.INK))
        return found

    def handle(self, intent: intents.Intent) -> None:
        if isinstance(intent, intents.Advance):
            self.outcome = "go"
        elif isinstance(intent, intents.PointerDown):
            x, y = self.places[self.index]
            if math.hypot(intent.x - x, intent.y - y) <= STOP_RADIUS:
                self.outcome = "go"
            for button in self.buttons():
                if button.hit(intent.x, intent.y):
                    self._press(button.name)

    def _press(self, name: str) -> None:
        if name in ("go", "book"):
            self.outcome = name
        elif name == "language":
            self.strings.next_language()
        elif name == "band":
            self.strings.set_band(BANDS[(BANDS.index(self.strings.band) + 1) % len(BANDS)])
        elif name == "voice" and self.voice is not None:
            self.voice.set_enabled(not self.voice.enabled)

    def spots(self) -> list[Spot]:
        return [b.spot for b in self.buttons()]

    def relabel(self) -> None:
        """Nothing to redo: every word is looked up as it is drawn."""

    def update(self, dt: float) -> None:
        self.clock += dt

    def pace(self) -> int:
        """Only the glow round the next stop moves."""
        return pace.pulsing()

    def bot_gestures(self, bot, dt: float) -> list[Gesture]:
        if self.clock < 1.0:
            return []
        x, y = GO.center
        return [Press(x, y), Release(x, y)]

    def draw(self, canvas: pygame.Surface) -> None:
        canvas.fill((238, 246, 240))
        words = (
            self.strings.get("ui.map.title.named", child=self.child)
            if self.child
            else self.strings.get("ui.map.title")
        )
        title = widgets.fitted(words, 48, LANGUAGE.x - 60)
        canvas.blit(title, title.get_rect(midleft=(40, LANGUAGE.centery + 4)))
        pygame.draw.lines(canvas, (214, 200, 170), False, self.places, 26)
        pygame.draw.lines(canvas, (246, 236, 210), False, self.places, 16)
        for i, (scene, (x, y)) in enumerate(zip(self.chapters, self.places, strict=True)):
            self._stop(canvas, i, scene, x, y)
        for button in self.buttons():
            button.draw(canvas)
        chapter = self.strings.get(f"{self.chapters[self.index].id}.title")
        label = widgets.fitted(
            self.strings.get("ui.map.next", chapter=chapter), 40, GO.x - BOOK.right - 100
        )
        rect = label.get_rect(midleft=(BOOK.right + 50, GO.centery))
        widgets.panel(canvas, rect.inflate(40, 30), radius=28)
        canvas.blit(label, rect)

    def _stop(self, canvas: pygame.Surface, i: int, scene: Scene, x: float, y: float) -> None:
        here = i == self.index
        if here:
            glow = STOP_RADIUS + 12 + 5 * theme.pulse(self.clock, 0.64)
            pygame.draw.circle(canvas, art.YELLOW, (x, y), glow)
        edge = art.GREEN if scene.id in self.played else (200, 190, 170)
        pygame.draw.circle(canvas, edge, (x, y), STOP_RADIUS)
        pygame.draw.circle(canvas, art.PAPER, (x, y), STOP_RADIUS - 6)
        car = wears_car(self.from_lab, (), scene.id)
        icon = pictures.picture(scene.icon or "star", 108, self.colour, car=car)
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
        name = widgets.fitted(self.strings.get(f"{scene.id}.title"), 26, 240)
        canvas.blit(name, name.get_rect(midtop=(round(x), round(y + STOP_RADIUS + 10))))
