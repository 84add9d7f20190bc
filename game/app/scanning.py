"""One-switch mode: a highlight moves through what can be chosen on screen, one spot every few
seconds, and any key, tap or click chooses the lit one. The choice is then played out as a
finger would (see ``game.world.spots.Guide``).

Every press chooses: presses that come while the last choice is still playing out (a T cell
being carried to the bag, the hunting T cell swimming to a cell) are kept, and each chooses
the lit spot in turn as soon as the one before is done. The highlight stays on the same thing
when the spots change round it (a cell drifts, a button appears), so it never jumps under a
finger about to press. A spot the screen acts on itself (``Spot.tell``: moving the story on)
is chosen by name, with no finger."""

from __future__ import annotations

import pygame

from game.app import pace
from game.app.platform import intents
from game.app.ui import art
from game.world.gestures import Gesture, Move, Press
from game.world.spots import Guide, Spot

#: What counts as pressing the switch: a tap or click, any key, Space or Enter, an arrow.
SWITCH = (intents.PointerDown, intents.AnyKey, intents.Advance, intents.Steer)


def distinct(spots: list[Spot]) -> list[Spot]:
    """Spots in different places (three CAR pieces stacked in one place are one choice)."""
    seen: set[tuple[int, int]] = set()
    found = []
    for spot in spots:
        key = (round(spot.x / 12), round(spot.y / 12))
        if key not in seen:
            seen.add(key)
            found.append(spot)
    return found


def is_switch(intent: intents.Intent) -> bool:
    if isinstance(intent, intents.Steer):
        return bool(intent.dx or intent.dy)
    return isinstance(intent, SWITCH)


def as_intent(gesture: Gesture) -> intents.Intent:
    if isinstance(gesture, Press):
        return intents.PointerDown(gesture.x, gesture.y)
    if isinstance(gesture, Move):
        return intents.PointerMove(gesture.x, gesture.y)
    return intents.PointerUp(gesture.x, gesture.y)


class Scanner:
    def __init__(self) -> None:
        self.index = 0
        self.clock = 0.0
        self.guide: Guide | None = None
        self.spots: list[Spot] = []
        #: Presses that came while a choice played out: each chooses once the one before is done.
        self.waiting = 0
        #: Spots chosen that the screen acts on itself (``Spot.tell``), told on the next update.
        self.told: list[str] = []

    def update(self, spots: list[Spot], dt: float, seconds: float) -> list[intents.Intent]:
        """Move the highlight on every ``seconds``; while a choice plays out, the intents of
        its finger instead, or the names of spots the screen acts on itself."""
        if self.told:
            found: list[intents.Intent] = [intents.Choose(name) for name in self.told]
            self.told = []
            return found
        if self.guide is not None:
            found = [as_intent(g) for g in self.guide.step(dt)]
            if self.guide.done:
                self.guide = None
            return found
        self._follow(distinct(spots))
        if not self.spots:
            self.index = 0
            return []
        if self.waiting:
            self.waiting -= 1
            self.select()
            return []
        self.clock += dt
        if self.clock >= seconds:
            self.clock = 0.0
            self.index = (self.index + 1) % len(self.spots)
        return []

    def _follow(self, spots: list[Spot]) -> None:
        """Take the spots on screen now, keeping the highlight on the one it was on (the same
        kind of thing, nearest where it was), else on the same place in the list."""
        before = self.lit
        self.spots = spots
        if not spots:
            return
        same = [
            i for i, spot in enumerate(spots) if before is not None and spot.name == before.name
        ]
        if before is not None and same:
            self.index = min(
                same, key=lambda i: (spots[i].x - before.x) ** 2 + (spots[i].y - before.y) ** 2
            )
        else:
            self.index %= len(spots)

    @property
    def lit(self) -> Spot | None:
        if self.guide is not None or not self.spots:
            return None
        return self.spots[self.index % len(self.spots)]

    def pace(self) -> int:
        """Every frame while a choice plays out (a finger dragging); the ring's steps are
        seconds apart."""
        return pace.MOVING if self.guide is not None else pace.RESTING

    def select(self) -> None:
        """The switch was pressed: play out the lit spot (or, while a choice plays out, the one
        lit when it is done)."""
        if self.guide is not None:
            self.waiting += 1
            return
        spot = self.lit
        if spot is None:
            return
        if spot.tell:
            self.told.append(spot.name)
        else:
            self.guide = Guide(spot)
        self.clock = 0.0

    def draw(self, canvas: pygame.Surface) -> None:
        """A thick yellow ring with a black edge round the lit spot: seen by shape as well as
        colour, and it never blinks."""
        spot = self.lit
        if spot is None:
            return
        if spot.w and spot.h:
            rect = pygame.Rect(0, 0, round(spot.w) + 20, round(spot.h) + 20)
            rect.center = (round(spot.x), round(spot.y))
            pygame.draw.rect(canvas, (0, 0, 0), rect.inflate(8, 8), width=14, border_radius=34)
            pygame.draw.rect(canvas, art.YELLOW, rect, width=8, border_radius=30)
        else:
            centre = (round(spot.x), round(spot.y))
            radius = round(spot.radius) + 12
            pygame.draw.circle(canvas, (0, 0, 0), centre, radius + 4, width=14)
            pygame.draw.circle(canvas, art.YELLOW, centre, radius, width=8)
