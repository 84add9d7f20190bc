"""The calm screen a child sees instead of a traceback: "Let's take a little break"."""

from __future__ import annotations

import pygame

from game.app import art, intents, text, widgets

KEEP_GOING = widgets.Button("keep_going", "Keep going", pygame.Rect(490, 560, 300, 100), art.GREEN)


class BreakScreen:
    """Shown after an unexpected error; the details are already in the log file.
    ``outcome`` becomes 'resume' when the child taps the button (or presses Enter)."""

    def __init__(self) -> None:
        self.outcome: str | None = None
        self.clock = 0.0

    def handle(self, intent: intents.Intent) -> None:
        if (
            isinstance(intent, intents.PointerDown) and KEEP_GOING.hit(intent.x, intent.y)
        ) or isinstance(intent, intents.Advance):
            self.outcome = "resume"

    def update(self, dt: float) -> None:
        self.clock += dt

    def draw(self, canvas: pygame.Surface) -> None:
        canvas.fill((231, 238, 247))
        resting = art.cell_sprite("t_cell", 90, False, False)
        canvas.blit(resting, resting.get_rect(center=(640, 260)))
        title = text.font(60, "bold").render("Let's take a little break.", True, art.INK)
        canvas.blit(title, title.get_rect(center=(640, 430)))
        note = text.font(38).render("Tap the button when you are ready.", True, art.INK)
        canvas.blit(note, note.get_rect(center=(640, 500)))
        KEEP_GOING.draw(canvas)
