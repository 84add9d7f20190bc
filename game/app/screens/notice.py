"""A calm card over the game, which waits underneath until the button is tapped: 'Paused',
the break reminder, or a one-time note for the grown-up."""

from __future__ import annotations

import pygame

from game.app import pace
from game.app.platform import intents
from game.app.ui import art, pictures, text, widgets
from game.script.strings import Strings
from game.world.gestures import Gesture, Press, Release
from game.world.spots import Spot

CARD = pygame.Rect(240, 120, 800, 540)  # room for three rows of note above the button
BUTTON = pygame.Rect(CARD.centerx - 190, CARD.bottom - 140, 380, 100)


class Notice:
    """``closed`` becomes True when the button is tapped (or Enter or Space pressed)."""

    def __init__(
        self,
        strings: Strings,
        title: str,
        note: str,
        button: str,
        picture: str = "t_cell",
        colour: str = "sky",
    ) -> None:
        """``title``, ``note`` and ``button`` are text ids; ``picture`` is drawn on top, a T cell
        in ``colour``, the child's."""
        self.strings = strings
        self.colour = colour
        self.title = title
        self.note = note
        self.label = button
        self.picture = picture
        self.closed = False
        self.clock = 0.0

    @property
    def button(self) -> widgets.Button:
        return widgets.Button("close", self.strings.get(self.label), BUTTON, art.GREEN_DARK)

    def handle(self, intent: intents.Intent) -> None:
        if isinstance(intent, intents.Advance) or (
            isinstance(intent, intents.PointerDown) and self.button.hit(intent.x, intent.y)
        ):
            self.closed = True

    def update(self, dt: float) -> None:
        self.clock += dt

    def prompt_ids(self) -> tuple[str, ...]:
        """A child's card (pause, the break reminder) is said; a note for the grown-up is not."""
        return () if self.picture == "grown_up" else (self.title, self.note)

    def buttons(self) -> list[widgets.Button]:
        return [self.button]

    def spots(self) -> list[Spot]:
        return [self.button.spot]

    def bot_gestures(self, bot, dt: float) -> list[Gesture]:
        if self.clock < 1.0:
            return []
        x, y = BUTTON.center
        return [Press(x, y), Release(x, y)]

    def relabel(self) -> None:
        """Every word is looked up as it is drawn."""

    def pace(self) -> int:
        """Nothing moves here."""
        return pace.RESTING

    def draw(self, canvas: pygame.Surface) -> None:
        self.backdrop(canvas)
        self.card(canvas)

    def backdrop(self, canvas: pygame.Surface) -> None:
        """The game underneath, dimmed: it waits, so the loop keeps this and draws only the
        card over it until something changes (see App._draw)."""
        widgets.shade(canvas, (30, 30, 50, 150))

    def card(self, canvas: pygame.Surface) -> None:
        widgets.panel(canvas, CARD, radius=36)
        picture = pictures.picture(self.picture, 120, self.colour)
        canvas.blit(picture, picture.get_rect(center=(CARD.centerx, CARD.y + 85)))
        title = widgets.fitted(self.strings.get(self.title), 50, CARD.width - 60)
        canvas.blit(title, title.get_rect(center=(CARD.centerx, CARD.y + 185)))
        face = text.font(34)
        for i, row in enumerate(text.wrap(self.strings.get(self.note), face, CARD.width - 80)):
            words = text.render(row, face, art.INK)
            canvas.blit(words, words.get_rect(center=(CARD.centerx, CARD.y + 245 + i * 44)))
        self.button.draw(canvas)
