"""The calm screen a child sees instead of a traceback: "Let's take a little break"."""

from __future__ import annotations

import pygame

from game.app import pace
from game.app.platform import intents
from game.app.ui import art, text, widgets
from game.script.strings import Strings
from game.world.spots import Spot

KEEP_GOING = pygame.Rect(470, 560, 340, 100)


class BreakScreen:
    """Shown after an unexpected error; the details are already in the log file.
    ``outcome`` becomes 'resume' when the child taps the button (or presses Enter)."""

    def __init__(self, strings: Strings) -> None:
        self.strings = strings
        self.outcome: str | None = None
        self.clock = 0.0

    def handle(self, intent: intents.Intent) -> None:
        if (
            isinstance(intent, intents.PointerDown) and KEEP_GOING.collidepoint(intent.x, intent.y)
        ) or isinstance(intent, intents.Advance):
            self.outcome = "resume"

    def spots(self) -> list[Spot]:
        return [
            Spot(
                KEEP_GOING.centerx,
                KEEP_GOING.centery,
                0,
                "keep_going",
                w=KEEP_GOING.width,
                h=KEEP_GOING.height,
            )
        ]

    def update(self, dt: float) -> None:
        self.clock += dt

    def prompt_ids(self) -> tuple[str, ...]:
        return ("ui.break.title", "ui.break.note")

    def draw(self, canvas: pygame.Surface) -> None:
        canvas.fill((231, 238, 247))
        resting = art.cell_sprite("t_cell", 90, False, False)
        canvas.blit(resting, resting.get_rect(center=(640, 260)))
        get = self.strings.get
        title = widgets.fitted(get("ui.break.title"), 60, 1200)
        canvas.blit(title, title.get_rect(center=(640, 430)))
        note = text.render(get("ui.break.note"), text.font(38), art.INK)
        canvas.blit(note, note.get_rect(center=(640, 500)))
        widgets.Button("keep_going", get("ui.break.keep_going"), KEEP_GOING, art.GREEN_DARK).draw(
            canvas
        )

    def relabel(self) -> None:
        """Every word is looked up as it is drawn."""

    def pace(self) -> int:
        """Nothing moves here."""
        return pace.RESTING
