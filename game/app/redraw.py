"""What is drawn when, and what is sent to the screen.

Two questions each frame, answered apart so each can be tested on its own:

1. **Is the canvas drawn now?** (``due``, a pure function.) At once when input came or the
   window changed; else when the screen's pace says so (see game.app.pace). A calm screen
   (drawn at ``RESTING`` or ``PULSING`` pace) whose last draws changed nothing for ``STILL_AFTER``
   seconds is looked at only ``STILL_PACE`` times a second until something changes again: input,
   a faster pace, or a draw that finds a change puts it back on its own pace at once.
2. **What is sent to the screen?** (``Shown``.) Only the bands of rows that differ from the
   frame on the screen, found by a checksum of each band, so nothing at all is sent (no flip)
   when a draw changed nothing, and a glow pulsing round one stop sends a strip, not 1280 × 800.
   After the window changed, everything is sent.
"""

from __future__ import annotations

import zlib

import pygame

from game.app import pace

#: A calm screen that changed nothing for this long is looked at less often...
STILL_AFTER = 1.0
#: ...this many times a second (a change that comes without input shows within a quarter of a
#: second; a tap is answered at once whatever the pace).
STILL_PACE = 4
#: Rows in a band: what is sent is whole bands of the canvas's width.
BAND = 16
#: The window was resized, shown or uncovered: what it shows is unknown, so all is sent.
WINDOW_EVENTS = frozenset(
    (
        pygame.VIDEORESIZE,
        pygame.VIDEOEXPOSE,
        pygame.WINDOWEXPOSED,
        pygame.WINDOWSHOWN,
        pygame.WINDOWRESTORED,
        pygame.WINDOWMAXIMIZED,
        pygame.WINDOWSIZECHANGED,
        pygame.WINDOWRESIZED,
    )
)


def due(since_draw: float, pace_now: int, still_for: float, input_came: bool, step: float) -> bool:
    """Whether to draw now: ``since_draw`` seconds since the last draw, the pace the screen
    asks for, how long its draws have changed nothing, whether input (or a window change) came.
    ``step`` is the simulation step: a draw half a step early is on time."""
    if input_came:
        return True
    return since_draw + step / 2 >= 1 / pace_of(pace_now, still_for)


def pace_of(pace_now: int, still_for: float) -> int:
    """The pace a screen is drawn at: its own, or ``STILL_PACE`` once a calm screen has been
    still for ``STILL_AFTER`` seconds."""
    calm = pace_now <= pace.PULSING
    return STILL_PACE if calm and still_for >= STILL_AFTER else pace_now


class Shown:
    """What is on the screen, as a checksum for each band of ``BAND`` rows of the canvas."""

    def __init__(self) -> None:
        self._sums: list[int] = []
        self._size: tuple[int, int] | None = None

    def forget(self) -> None:
        """The screen no longer shows the canvas (a new or resized window): send it all."""
        self._sums = []
        self._size = None

    def changed(self, canvas: pygame.Surface, pace_now: int) -> list[pygame.Rect] | None:
        """The canvas's areas that differ from what was shown (and remember them as shown):
        a list of rectangles (empty: nothing to send), or None to send it all. At a fast pace
        (``DRIFTING`` or ``MOVING``: the hunt's blood, words appearing) most of the screen
        changes every frame, so it is all sent without looking."""
        if pace_now > pace.PULSING:
            self.forget()
            return None
        width, height = canvas.get_size()
        try:
            sums = checksums(canvas)
        except (ValueError, BufferError, pygame.error):  # a canvas with gaps between rows
            self.forget()
            return None
        if self._size != (width, height) or len(sums) != len(self._sums):
            self._sums, self._size = sums, (width, height)
            return None
        rects: list[pygame.Rect] = []
        for index, (old, new) in enumerate(zip(self._sums, sums, strict=True)):
            if old == new:
                continue
            top = index * BAND
            bottom = min(height, top + BAND)
            if rects and rects[-1].bottom == top:  # grow the band above
                rects[-1].height = bottom - rects[-1].top
            else:
                rects.append(pygame.Rect(0, top, width, bottom - top))
        self._sums = sums
        return rects


def checksums(canvas: pygame.Surface) -> list[int]:
    """A CRC-32 of each band of ``BAND`` rows (about a millisecond for 1280 × 800)."""
    pitch, height = canvas.get_pitch(), canvas.get_height()
    span = pitch * BAND
    with memoryview(canvas.get_view("0")) as data:  # the surface is unlocked after
        return [zlib.crc32(data[i : i + span]) for i in range(0, pitch * height, span)]
