"""The narration box: large, calm text at the bottom, revealed like a typewriter, with a replay
button. It only reads the narrator's state."""

from __future__ import annotations

import math

import pygame

from game.app import art, text, widgets
from game.script.narrator import Narrator

BOX = pygame.Rect(32, 646, 1216, 142)
REPLAY = pygame.Rect(BOX.right - 112, BOX.y + 27, 88, 88)
TEXT_LEFT = BOX.x + 36
TEXT_WIDTH = REPLAY.x - TEXT_LEFT - 24
LINE_HEIGHT = 50
FONT_SIZE = 38


class NarrationView:
    def __init__(self) -> None:
        self.face = text.font(FONT_SIZE)
        self._rendered: tuple[str, list[tuple[str, pygame.Surface]]] | None = None

    def hit(self, x: float, y: float) -> str | None:
        """'replay' for the replay button, 'box' for the rest of the box, else None."""
        if REPLAY.collidepoint(x, y):
            return "replay"
        return "box" if BOX.collidepoint(x, y) else None

    def _lines(self, words: str) -> list[tuple[str, pygame.Surface]]:
        if self._rendered is None or self._rendered[0] != words:
            wrapped = text.wrap(words, self.face, TEXT_WIDTH)
            self._rendered = (
                words,
                [(line, self.face.render(line, True, art.INK)) for line in wrapped],
            )
        return self._rendered[1]

    def draw(self, canvas: pygame.Surface, narrator: Narrator, clock: float) -> None:
        if narrator.current is None and narrator.last is None:
            return
        widgets.panel(canvas, BOX)
        self._replay_button(canvas)
        if narrator.current is None:
            return
        lines = self._lines(narrator.current.text)
        top = BOX.centery - len(lines) * LINE_HEIGHT // 2
        remaining = int(narrator.shown)
        for index, (words, surface) in enumerate(lines):
            y = top + index * LINE_HEIGHT + (LINE_HEIGHT - surface.get_height()) // 2
            if remaining >= len(words):
                canvas.blit(surface, (TEXT_LEFT, y))
            elif remaining > 0:
                width = self.face.size(words[:remaining])[0]
                canvas.blit(surface, (TEXT_LEFT, y), pygame.Rect(0, 0, width, surface.get_height()))
            remaining -= len(words) + 1
        if narrator.revealed and narrator.queue:
            self._more_marker(canvas, clock)

    def _replay_button(self, canvas: pygame.Surface) -> None:
        pygame.draw.circle(canvas, (30, 60, 90), (REPLAY.centerx, REPLAY.centery + 4), 44)
        pygame.draw.circle(canvas, art.BLUE, REPLAY.center, 44)
        icon = art.replay_icon(64)
        canvas.blit(icon, icon.get_rect(center=REPLAY.center))

    def _more_marker(self, canvas: pygame.Surface, clock: float) -> None:
        """A small bobbing triangle: there is more to hear; a tap moves on."""
        x, y = REPLAY.x - 40, BOX.bottom - 34 + 4 * math.sin(clock * 4)
        pygame.draw.polygon(canvas, art.BLUE, [(x - 12, y - 8), (x + 12, y - 8), (x, y + 8)])
