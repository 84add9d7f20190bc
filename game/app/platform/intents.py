"""Mouse, touch and keyboard become one set of intents.

SDL reports a finger twice: as a finger event and as a mouse event marked ``touch``. The mouse copy
is dropped, so a tap is one tap. Only the first finger steers; a second finger is ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pygame

Point = tuple[float, float]


# Intents of one shape share one dataclass: a subclass keeps its fields (which cannot be
# changed), its repr names it, and it equals only its own kind (PointerDown(1, 2) !=
# PointerUp(1, 2)). Making each a dataclass of its own would cost a launch half a millisecond
# to a millisecond apiece, for nothing.
@dataclass(frozen=True)
class _At:
    """Where a finger or the mouse is, on the canvas."""

    x: float
    y: float


class PointerDown(_At):
    """A finger or the left mouse button goes down."""


class PointerMove(_At):
    """The finger or the held-down mouse moves (a mouse with no button held makes none)."""


class PointerUp(_At):
    """The finger lifts, or the mouse button is let go."""


@dataclass(frozen=True)
class Steer:
    """Keyboard direction, -1..1 on each axis; (0, 0) when no arrow or WASD key is held."""

    dx: float
    dy: float


@dataclass(frozen=True)
class _Signal:
    """An intent that carries nothing but its kind."""


@dataclass(frozen=True)
class Advance:
    """Space or Enter: finish or move on the narration."""

    enter: bool = False  # Enter (not Space): also 'done' when typing a name


@dataclass(frozen=True)
class Typed:
    """Letters typed on a real keyboard (for the child's name)."""

    text: str


class Erase(_Signal):
    """Backspace."""


class Facilitator(_Signal):
    """Ctrl+F: open or close the grown-up's controls."""


class AnyKey(_Signal):
    """Any other key: in one-switch mode, every key is the switch."""


@dataclass(frozen=True)
class Choose:
    """One-switch mode chose a spot the screen acts on itself (``Spot.tell``), by its name."""

    name: str


class Quit(_Signal):
    """The window is closed, or Ctrl+Q."""


class SwitchLanguage(_Signal):
    """Ctrl+L: the next language, for a grown-up at a keyboard (the screen has a button)."""


class Resized(_Signal):
    """The window changed size."""


Intent = (
    PointerDown
    | PointerMove
    | PointerUp
    | Steer
    | Advance
    | Quit
    | Resized
    | SwitchLanguage
    | Typed
    | Erase
    | Facilitator
    | AnyKey
    | Choose
)

_DIRECTIONS = {
    pygame.K_LEFT: (-1, 0),
    pygame.K_a: (-1, 0),
    pygame.K_RIGHT: (1, 0),
    pygame.K_d: (1, 0),
    pygame.K_UP: (0, -1),
    pygame.K_w: (0, -1),
    pygame.K_DOWN: (0, 1),
    pygame.K_s: (0, 1),
}
_ADVANCE_KEYS = {pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER}


class IntentReader:
    """Turns pygame events into intents, in canvas coordinates.

    ``to_logical`` maps window pixels to the canvas; ``window_size`` gives the window's size for
    finger events, which SDL reports from 0 to 1 across the window.
    """

    def __init__(
        self,
        to_logical: Callable[[float, float], Point],
        window_size: Callable[[], tuple[int, int]],
    ) -> None:
        self.to_logical = to_logical
        self.window_size = window_size
        self.finger: tuple[int, int] | None = None  # (touch_id, finger_id) steering now
        self.mouse_down = False
        self.held: set[int] = set()

    def read(self, events: Iterable[pygame.event.Event]) -> list[Intent]:
        intents: list[Intent] = []
        for event in events:
            intent = self._one(event)
            if intent is not None:
                intents.append(intent)
        return intents

    def _one(self, event: pygame.event.Event) -> Intent | None:
        kind = event.type
        if kind == pygame.QUIT:
            return Quit()
        if kind in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            return Resized()
        if kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION):
            return self._mouse(event)
        if kind in (pygame.FINGERDOWN, pygame.FINGERMOTION, pygame.FINGERUP):
            return self._finger(event)
        if kind in (pygame.KEYDOWN, pygame.KEYUP):
            return self._key(event)
        if kind == pygame.TEXTINPUT:
            return Typed(event.text)
        if kind == pygame.WINDOWFOCUSLOST:
            self.held.clear()
            return Steer(0.0, 0.0)
        return None

    def _mouse(self, event: pygame.event.Event) -> Intent | None:
        if getattr(event, "touch", False):
            return None  # SDL's mouse copy of a finger: the finger event already counted
        x, y = self.to_logical(*event.pos)
        if event.type == pygame.MOUSEBUTTONDOWN:
            if event.button != 1:
                return None
            self.mouse_down = True
            return PointerDown(x, y)
        if event.type == pygame.MOUSEBUTTONUP:
            if event.button != 1 or not self.mouse_down:
                return None
            self.mouse_down = False
            return PointerUp(x, y)
        return PointerMove(x, y) if self.mouse_down else None

    def _finger(self, event: pygame.event.Event) -> Intent | None:
        who = (event.touch_id, event.finger_id)
        width, height = self.window_size()
        x, y = self.to_logical(event.x * width, event.y * height)
        if event.type == pygame.FINGERDOWN:
            if self.finger is not None:
                return None
            self.finger = who
            return PointerDown(x, y)
        if who != self.finger:
            return None
        if event.type == pygame.FINGERUP:
            self.finger = None
            return PointerUp(x, y)
        return PointerMove(x, y)

    def _key(self, event: pygame.event.Event) -> Intent | None:
        if event.key in _DIRECTIONS:
            if event.type == pygame.KEYDOWN:
                self.held.add(event.key)
            else:
                self.held.discard(event.key)
            dx = sum(_DIRECTIONS[k][0] for k in self.held)
            dy = sum(_DIRECTIONS[k][1] for k in self.held)
            return Steer(float(max(-1, min(1, dx))), float(max(-1, min(1, dy))))
        if event.type != pygame.KEYDOWN:
            return None
        if event.key in _ADVANCE_KEYS:
            return Advance(enter=event.key != pygame.K_SPACE)
        if event.mod & pygame.KMOD_CTRL:
            control = {pygame.K_q: Quit(), pygame.K_l: SwitchLanguage(), pygame.K_f: Facilitator()}
            return control.get(event.key)
        if event.key == pygame.K_BACKSPACE:
            return Erase()
        return AnyKey()
