"""Import pygame with SDL set up for the game. Set the environment before pygame loads."""

from __future__ import annotations

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# Windows tablets: render at the real pixel size instead of letting Windows blur-stretch us.
os.environ.setdefault("SDL_WINDOWS_DPI_AWARENESS", "permonitorv2")
# A mouse is a mouse: never also report it as a finger (intents.py drops the reverse copy,
# the mouse events SDL makes from each finger).
os.environ.setdefault("SDL_MOUSE_TOUCH_EVENTS", "0")

import pygame

__all__ = ["pygame", "use_headless_drivers"]


def use_headless_drivers() -> None:
    """No window, no sound card: SDL's dummy drivers (call before pygame.init)."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
