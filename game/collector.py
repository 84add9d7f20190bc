"""Python's cycle collector, held back while the game starts and while a story is read.

Starting the game makes tens of thousands of objects that live as long as it does (modules,
classes, the story, fonts); each time enough new ones are made, Python looks through them
all for reference cycles, and finds none. So the collector waits while they are made
(``hold`` at launch, ``paused`` while scene files are read), and once the first screen is up
what was made is set aside for good (``settled``: ``gc.freeze``), so the collections that
come later look only at what play makes: a hunt frame is never held up by a look through the
whole story. Rules and data use this too: it never imports pygame.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_held = False


def hold() -> None:
    """Hold the collector back until ``settled`` (at launch, before the game's imports)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def settled() -> None:
    """The game is up: what it made so far is kept for good, and collections start again.
    Nothing happens unless ``hold`` held the collector back."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()


def release() -> None:
    """Collections start again if ``hold`` still holds them back (the game stopped before
    its first screen settled), without setting anything aside."""
    global _held
    if _held:
        _held = False
        gc.enable()


@contextmanager
def paused() -> Iterator[None]:
    """No collection inside the block (reading scene files: a 200-scene story is a third
    quicker); the collector is as it was afterwards, even if the block raised."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
