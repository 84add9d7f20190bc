"""What is drawn when, and what is sent to the screen.

Two questions each frame, answered apart so each can be tested on its own:

1. **Is the canvas drawn now?** (``due``, a pure function.) At once when input came or the
   window changed; else when the screen's pace says so (see game.app.pace). A calm screen
   (drawn at ``RESTING`` or ``PULSING`` pace) whose last draws changed nothing for ``STILL_AFTER``
   seconds is looked at only ``STILL_PACE`` times a second until something changes again: input,
   a faster pace, or a draw that finds a change puts it back on its own pace at once.
2. **What is sent to the screen?** (``Shown``.) Only the bands of rows that differ from the
   frame on the screen, each compared with a copy of it, so nothing at all is sent (no flip)
   when a draw changed nothing, and a glow pulsing round one stop sends a strip, not 1280 × 800.
   After the window changed, everything is sent.
3. **Only the part that moves?** (``part``, a pure function.) A screen may name the one area of
   it that moves on its own (``moving_area()``: the journey map's glow). While nothing else
   happens (no input, no overlay, the same screen, the same area and state as at its last whole
   draw), only that area is drawn (clipped) and sent, without a look; the whole screen is
   drawn and looked at again at least every ``WHOLE_EVERY`` seconds.
"""

from __future__ import annotations

import pygame

from game.app import pace

#: A calm screen that changed nothing for this long is looked at less often...
STILL_AFTER = 1.0
#: ...this many times a second (a change that comes without input shows within a quarter of a
#: second; a tap is answered at once whatever the pace).
STILL_PACE = 4
#: While only a screen's moving area is drawn, the whole of it is drawn again this often.
WHOLE_EVERY = 2.0
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


#: Input that only moves the pointer: it changes nothing on a screen that does not follow the
#: pointer (a drag is part of the screen's own state), so it does not stop ``part`` (a mouse
#: moving over the journey map costs a glow, not a map) nor redraw what waits under a card.
POINTER_MOVES = frozenset((pygame.MOUSEMOTION, pygame.FINGERMOTION))


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


def part(
    moving: tuple | None, at_whole_draw: tuple | None, since_whole: float, quiet: bool
) -> pygame.Rect | None:
    """The area to draw alone (None: draw the whole screen). ``moving`` is what the screen in
    front says now (its id, and its ``moving_area()``: an area and the state it is drawn
    from), ``at_whole_draw`` what it said at the last whole draw; ``quiet``: no input, no
    overlay, nothing else on top. A change of screen, area or state, input, or
    ``WHOLE_EVERY`` seconds since the last whole draw: the whole screen."""
    if not quiet or moving is None or moving[1] is None or since_whole >= WHOLE_EVERY:
        return None
    if moving != at_whole_draw:
        return None
    return pygame.Rect(moving[1][0])


class Shown:
    """What is on the screen: a copy of each band of ``BAND`` rows of the canvas as last sent.

    Each band of the canvas is compared byte for byte with its copy where it lies (a memcmp:
    half a millisecond for 1280 × 800 when it is in the processor's cache, a few when it is
    not, where copying every band first took up to twenty on a busy machine, and a CRC-32 of
    it up to ten, in the frame that answers a tap); only a band that changed is copied. The
    copies are the canvas's size once more (4 MB)."""

    def __init__(self) -> None:
        self._bands: list[bytes | None] = []
        self._size: tuple[int, int] | None = None

    def forget(self) -> None:
        """The screen no longer shows the canvas (a new or resized window): send it all."""
        self._bands = []
        self._size = None

    def sent(self, rects: list[pygame.Rect]) -> None:
        """These areas were sent without a look: the next look sends their bands again."""
        for rect in rects:
            last = min(len(self._bands), -(-rect.bottom // BAND))
            for index in range(max(0, rect.top // BAND), last):
                self._bands[index] = None

    def changed(
        self, canvas: pygame.Surface, pace_now: int, scaled: bool = False
    ) -> list[pygame.Rect] | None:
        """The canvas's areas that differ from what was shown (and remember them as shown):
        a list of rectangles (empty: nothing to send), or None to send it all. At a fast pace
        (``DRIFTING`` or ``MOVING``: the hunt's blood, words appearing) most of the screen
        changes every frame, so it is all sent without looking; but not into a window of
        another size (``scaled``), where what is sent is also rescaled: there a look costs less
        than rescaling what did not change (the story box under the hunt, all but the box
        while its words appear)."""
        if pace_now > pace.PULSING and not scaled:
            self.forget()
            return None
        width, height = canvas.get_size()
        try:
            pitch = canvas.get_pitch()
        except pygame.error:  # no pixels to look at (the browser's canvas): send it all
            self.forget()
            return None
        span = pitch * BAND
        count = -(-height // BAND)
        if self._size != (width, height) or len(self._bands) != count:
            self._bands, self._size = [None] * count, (width, height)
            fresh = True  # all of it is sent; the copies are taken below
        else:
            fresh = False
        rects: list[pygame.Rect] = []
        try:
            with memoryview(canvas.get_view("0")) as data:  # the surface is unlocked after
                for index in range(count):
                    start = index * span
                    with data[start : start + span] as band:  # released at once, whatever
                        shown = self._bands[index]
                        # startswith reads any buffer, so the canvas is compared in place (a
                        # memcmp); a copy is made only of a band that changed.
                        same = shown is not None and len(shown) == len(band)
                        if same and shown.startswith(band):
                            continue
                        self._bands[index] = band.tobytes()
                    top = index * BAND
                    bottom = min(height, top + BAND)
                    if rects and rects[-1].bottom == top:  # grow the band above
                        rects[-1].height = bottom - rects[-1].top
                    else:
                        rects.append(pygame.Rect(0, top, width, bottom - top))
        except (ValueError, BufferError, pygame.error):  # a canvas with gaps between rows
            self.forget()
            return None
        return None if fresh else rects
