"""Gestures the demo bot makes, in logical canvas pixels. The app turns them into real input
events (touch or mouse), so the bot plays through exactly the path a child's finger does."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Press:
    x: float
    y: float


@dataclass(frozen=True)
class Move:
    x: float
    y: float


@dataclass(frozen=True)
class Release:
    x: float
    y: float


Gesture = Press | Move | Release
