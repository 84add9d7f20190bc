"""How the game looks for the child playing now: text size, high contrast, reduced motion.

The app sets the look when a profile is chosen or a setting changes (``use``); drawing code
reads it (``look``). It only changes how things are drawn, never what happens, so it is kept
here like the font cache rather than passed through every view.

Every animation that repeats goes through ``pulse``: it is at most ``MAX_HZ`` times a second
in any mode (nothing may flash more than three times a second), and still under reduced
motion.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

#: Nothing on screen repeats (pulses, bobs, glows) faster than this, in any mode.
MAX_HZ = 3.0
#: Narration text size in pixels for each text size step.
TEXT_SIZES = {"normal": 38, "large": 46, "largest": 54}
#: How much bigger the words on buttons and picture cards are at each text size step (they
#: grow less than the narration: a box has a fixed size, and two lines must still fit in it).
LABEL_SCALE = {"normal": 1.0, "large": 1.12, "largest": 1.24}

INK = (43, 43, 58)
PAPER = (255, 253, 247)
BLACK = (0, 0, 0)
WHITE = (255, 255, 255)


@dataclass(frozen=True)
class Look:
    text_size: str = "normal"
    high_contrast: bool = False
    reduced_motion: bool = False

    @property
    def narration_size(self) -> int:
        return TEXT_SIZES[self.text_size]

    def label_size(self, normal: int) -> int:
        """The size of words on a button or card that are ``normal`` px at normal text size."""
        return round(normal * LABEL_SCALE[self.text_size])

    @property
    def box_fill(self) -> tuple[int, int, int]:
        return WHITE if self.high_contrast else PAPER

    @property
    def box_edge(self) -> tuple[int, int, int]:
        return BLACK if self.high_contrast else (224, 207, 196)

    @property
    def edge_width(self) -> int:
        return 5 if self.high_contrast else 3

    @property
    def ink(self) -> tuple[int, int, int]:
        return BLACK if self.high_contrast else INK

    def button_fill(self, colour: tuple[int, int, int]) -> tuple[int, int, int]:
        """High contrast: every button is black with white words (21:1)."""
        return BLACK if self.high_contrast else colour


_current = Look()


def use(new: Look) -> None:
    global _current
    _current = new


def look() -> Look:
    return _current


def pulse(time: float, hz: float) -> float:
    """A smooth -1..1 wave ``hz`` times a second (never above ``MAX_HZ``); 0 under reduced
    motion, so glows and bobs stand still."""
    if _current.reduced_motion:
        return 0.0
    return math.sin(time * 2 * math.pi * min(hz, MAX_HZ))


def moving(time: float) -> float:
    """Time for decoration that turns or drifts (confetti, a spinning drop): frozen under
    reduced motion."""
    return 0.0 if _current.reduced_motion else time


def contrast(one: tuple[int, int, int], two: tuple[int, int, int]) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(colour: tuple[int, int, int]) -> float:
        channels = []
        for value in colour:
            c = value / 255
            channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
        r, g, b = channels
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)
