"""Fonts and line wrapping. Andika is made for beginning readers; it ships in assets/fonts."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

import pygame

from game import resources
from game.script.readable import LIMITS, clip

log = logging.getLogger(__name__)

FONT_FILES = {"regular": "Andika-Regular.ttf", "bold": "Andika-Bold.ttf"}


@cache
def font(size: int, weight: str = "regular") -> pygame.font.Font:
    """Andika at ``size`` pixels; pygame's own font if the file is missing or broken (said
    once in the log for each file, not for each size)."""
    path = resources.assets_dir() / "fonts" / FONT_FILES[weight]
    try:
        inside = resources.asset_file(f"fonts/{FONT_FILES[weight]}", resources.assets_dir())
        if inside is None:  # missing, or a link that leads out of assets/
            raise FileNotFoundError("no such file in assets/fonts")
        face = pygame.font.Font(inside, size)
        face.size("Aa")  # a broken file can make a font that only fails when used
        return face
    except (OSError, pygame.error, ValueError) as exc:
        if path not in _told:
            _told.add(path)
            log.warning("font %s could not be loaded (%s); using the default font", path, exc)
        return pygame.font.Font(None, size)


_told: set[Path] = set()


def render(
    words: str, face: pygame.font.Font, colour: tuple[int, ...], limit: int = max(LIMITS.values())
) -> pygame.Surface:
    """``words`` drawn in ``face``, whatever they hold: clipped first (see
    :func:`~game.script.readable.clip`: no control characters or surrogates, no pile of marks,
    at most ``limit`` characters), so the image is never more than a line of readable text.
    Words that draw nothing (only zero-width characters) give an empty image of the face's
    height, where pygame would raise "Text has zero width"; this never raises."""
    shown = clip(words, limit)
    try:
        return face.render(shown, True, colour)
    except (pygame.error, ValueError, UnicodeError):
        return pygame.Surface((0, face.get_height()), pygame.SRCALPHA)


def width(words: str, face: pygame.font.Font, limit: int = max(LIMITS.values())) -> int:
    """How wide :func:`render` draws ``words``; never raises."""
    try:
        return face.size(clip(words, limit))[0]
    except (pygame.error, ValueError, UnicodeError):
        return 0


def wrap(text: str, face: pygame.font.Font, width: int) -> list[str]:
    """Break ``text`` into lines no wider than ``width``, at spaces only. Text too long to
    read (which ``check`` refuses) is clipped first, so this never takes long."""
    lines: list[str] = []
    current = ""
    for word in clip(text).split():
        attempt = f"{current} {word}" if current else word
        if current and face.size(attempt)[0] > width:
            lines.append(current)
            current = word
        else:
            current = attempt
    if current:
        lines.append(current)
    return lines
