"""What every pointer-driven activity shares: one tap per press however the finger then moves,
no use for arrow keys, and a help level kept within 0..3."""

from __future__ import annotations


class Tapping:
    pressed = False
    assist = 0

    def point(self, x: float, y: float) -> None:
        """The child presses or drags at (x, y): only the press itself is a tap."""
        if self.pressed:
            return
        self.pressed = True
        self.tap(x, y)

    def tap(self, x: float, y: float) -> None:
        """A new press at (x, y)."""

    def release(self) -> None:
        self.pressed = False

    def steer(self, dx: float, dy: float) -> None:
        """These activities are tapped and dragged; arrow keys do nothing here."""

    def set_assist(self, level: int) -> None:
        self.assist = max(0, min(3, level))
