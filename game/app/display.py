"""The window and the 1280×800 logical canvas, scaled and letterboxed to any window or screen."""

from __future__ import annotations

import pygame

LOGICAL = (1280, 800)
LETTERBOX = (59, 51, 70)


class Display:
    def __init__(self, window: tuple[int, int] | None = None, fullscreen: bool = False) -> None:
        pygame.display.set_caption("T-Cell Hero")
        if fullscreen:
            self.window = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            self.window = pygame.display.set_mode(window or _default_size(), pygame.RESIZABLE)
        self._own_canvas: pygame.Surface | None = None
        self._fit()

    def _fit(self) -> None:
        """Where the canvas goes in the window: as large as fits, centred, bars around it."""
        width, height = self.window.get_size()
        scale = min(width / LOGICAL[0], height / LOGICAL[1]) or 1.0
        size = (max(1, round(LOGICAL[0] * scale)), max(1, round(LOGICAL[1] * scale)))
        self.scale = scale
        self.area = pygame.Rect((0, 0), size)
        self.area.center = (width // 2, height // 2)
        if self.direct:  # the game draws straight into the window: no copy a frame
            self.canvas = self.window
        else:
            if self._own_canvas is None:
                self._own_canvas = pygame.Surface(LOGICAL).convert()
            self.canvas = self._own_canvas

    @property
    def direct(self) -> bool:
        """The window is exactly the canvas's size."""
        return self.window.get_size() == LOGICAL

    def resized(self) -> None:
        self.window = pygame.display.get_surface()
        self._fit()

    def to_logical(self, x: float, y: float) -> tuple[float, float]:
        """Window pixels to canvas pixels (points in the bars are clamped to the edge)."""
        lx = (x - self.area.x) / self.scale
        ly = (y - self.area.y) / self.scale
        return min(max(lx, 0.0), LOGICAL[0] - 1.0), min(max(ly, 0.0), LOGICAL[1] - 1.0)

    def to_window(self, x: float, y: float) -> tuple[float, float]:
        return self.area.x + x * self.scale, self.area.y + y * self.scale

    def present(self) -> None:
        if not self.direct:
            self.window.fill(LETTERBOX)
            target = self.window.subsurface(self.area)
            pygame.transform.smoothscale(self.canvas, self.area.size, target)
        pygame.display.flip()


def _default_size() -> tuple[int, int]:
    """1280×800 where the screen has room, else the largest 16:10 window that fits."""
    try:
        desktop = pygame.display.get_desktop_sizes()[0]
    except (pygame.error, IndexError):
        return LOGICAL
    scale = min(1.0, desktop[0] * 0.92 / LOGICAL[0], desktop[1] * 0.88 / LOGICAL[1])
    return max(320, int(LOGICAL[0] * scale)), max(200, int(LOGICAL[1] * scale))
