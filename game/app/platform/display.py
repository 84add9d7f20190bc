"""The window and the 1280×800 logical canvas, scaled and letterboxed to any window or screen."""

from __future__ import annotations

from math import gcd

import pygame

LOGICAL = (1280, 800)
LETTERBOX = (59, 51, 70)
#: In a window of another size the canvas is scaled in strips about this many rows tall.
STRIP = 160
#: ...and cut across about every this many columns.
TILE = 320


class Display:
    def __init__(self, window: tuple[int, int] | None = None, fullscreen: bool = False) -> None:
        pygame.display.set_caption("T-Cell Hero")
        pygame.display.set_icon(_icon())  # else pygame reads its own snake picture from disk
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
        #: Whole steps of the scale (2 in a window twice the canvas's size or more): scaling
        #: takes them first without smoothing, then smooths only what is left, so words stay
        #: as sharp as on the canvas (smoothing all of a 2 x scale blurs each edge over two
        #: window pixels; a high-DPI laptop's window is often 2 to 3 x).
        self.crisp = max(1, min(size[0] // LOGICAL[0], size[1] // LOGICAL[1]))
        self.area = pygame.Rect((0, 0), size)
        self.area.center = (width // 2, height // 2)
        if self.direct:  # the game draws straight into the window: no copy a frame
            self.canvas = self.window
        else:
            if self._own_canvas is None:
                # made in the window's own pixel format: no copy to convert it (4 MB)
                self._own_canvas = pygame.Surface(LOGICAL, 0, self.window)
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

    def present(self, rects: list[pygame.Rect] | None = None) -> None:
        """Show the canvas: all of it (``rects`` None), or only those areas of it (an empty
        list: nothing is sent, no flip). In a window of another size only those areas are
        scaled, so a small change costs a small rescale, never the whole canvas."""
        if rects is not None and not rects:
            return
        if self.direct:
            if rects is None:
                pygame.display.flip()
            else:
                pygame.display.update(rects)
            return
        whole = rects is None
        if whole:
            self.window.fill(LETTERBOX)
        # Always the same tiles, whole or in part, so a tile sent alone looks exactly as it
        # does in a whole frame (smoothing a piece on its own shifts it by a fraction of a
        # pixel): strips about ``STRIP`` rows tall, cut across about every ``TILE`` columns,
        # each at whole steps of the scale. A glow round one stop rescales a few tiles.
        down = LOGICAL[1] // gcd(LOGICAL[1], self.area.height)
        across = LOGICAL[0] // gcd(LOGICAL[0], self.area.width)
        strip = down * max(1, STRIP // down)
        tile = across * max(1, TILE // across)
        canvas = pygame.Rect((0, 0), LOGICAL)
        areas = [canvas] if whole else [r.clip(canvas) for r in rects]
        # Each tile is scaled whole, and only its part that changed is shown.
        needed: dict[tuple[int, int], pygame.Rect] = {}
        for r in areas:
            for top in range(r.top // strip * strip, r.bottom, strip):
                for left in range(r.left // tile * tile, r.right, tile):
                    part = r.clip(pygame.Rect(left, top, tile, strip))
                    if (top, left) in needed:
                        part.union_ip(needed[top, left])
                    needed[top, left] = part
        shown = [
            self._scale_part(pygame.Rect(left, top, tile, strip), part)
            for (top, left), part in sorted(needed.items())
        ]
        if whole:
            pygame.display.flip()
        else:
            pygame.display.update(shown)

    def _scale_part(self, rect: pygame.Rect, part: pygame.Rect | None = None) -> pygame.Rect:
        """Scale one area of the canvas into its place in the window, showing only ``part``
        of it (all of it if None); the window's area shown.

        The area is widened to whole steps of the scale (``unit`` canvas pixels become exactly
        ``size`` window pixels), and one more step all round is scaled with it and not shown,
        so smoothing reads the same neighbours as for the whole canvas and no seam shows."""
        part = rect if part is None else part
        shown = []
        for start, end, need_start, need_end, whole, scaled in (
            (rect.left, rect.right, part.left, part.right, LOGICAL[0], self.area.width),
            (rect.top, rect.bottom, part.top, part.bottom, LOGICAL[1], self.area.height),
        ):
            unit = whole // gcd(whole, scaled)
            size = scaled * unit // whole
            first = max(0, start // unit * unit)
            last = min(whole, -(-end // unit) * unit)
            lo, hi = max(0, first - unit), min(whole, last + unit)
            first = max(first, need_start // unit * unit)
            last = min(last, -(-need_end // unit) * unit)
            shown.append((first, last, lo, hi, unit, size))
        (x0, x1, xlo, xhi, xu, xs), (y0, y1, ylo, yhi, yu, ys) = shown
        source = pygame.Rect(xlo, ylo, xhi - xlo, yhi - ylo)
        piece = self.canvas.subsurface(source)
        size = (source.width // xu * xs, source.height // yu * ys)
        if self.crisp > 1:  # whole steps first: each canvas pixel a block of window pixels
            piece = pygame.transform.scale(
                piece, (source.width * self.crisp, source.height * self.crisp)
            )
        if piece.get_size() != size:
            piece = pygame.transform.smoothscale(piece, size)
        inner = pygame.Rect(
            (x0 - xlo) // xu * xs,
            (y0 - ylo) // yu * ys,
            (x1 - x0) // xu * xs,
            (y1 - y0) // yu * ys,
        )
        where = (self.area.x + x0 // xu * xs, self.area.y + y0 // yu * ys)
        self.window.blit(piece, where, inner)
        return pygame.Rect(where, inner.size)


def _default_size() -> tuple[int, int]:
    """1280×800 where the screen has room, else the largest 16:10 window that fits."""
    try:
        desktop = pygame.display.get_desktop_sizes()[0]
    except (pygame.error, IndexError):
        return LOGICAL
    scale = min(1.0, desktop[0] * 0.92 / LOGICAL[0], desktop[1] * 0.88 / LOGICAL[1])
    return max(320, int(LOGICAL[0] * scale)), max(200, int(LOGICAL[1] * scale))


def _icon() -> pygame.Surface:
    """The window's icon: a round blue T cell (drawn, not read from a file)."""
    icon = pygame.Surface((32, 32), pygame.SRCALPHA)
    pygame.draw.circle(icon, (40, 110, 170), (16, 16), 15)
    pygame.draw.circle(icon, (120, 200, 240), (16, 16), 12)
    pygame.draw.circle(icon, (40, 110, 170), (13, 13), 4)
    return icon
