"""Import pygame with SDL set up for the game. Set the environment before pygame loads.

Also the two questions SDL answers badly on its own: is there a screen to open a window on, and
is there a sound device (asked without letting ALSA's complaints reach the terminal)."""

from __future__ import annotations

import contextlib
import logging
import math
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from typing import BinaryIO

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# Windows tablets: render at the real pixel size instead of letting Windows blur-stretch us.
os.environ.setdefault("SDL_WINDOWS_DPI_AWARENESS", "permonitorv2")
# A mouse is a mouse: never also report it as a finger (intents.py drops the reverse copy,
# the mouse events SDL makes from each finger).
os.environ.setdefault("SDL_MOUSE_TOUCH_EVENTS", "0")
# X11: show the window's pixels through shared memory (MIT-SHM), not through an OpenGL texture.
# Where OpenGL is drawn in software (no graphics card: Mesa's llvmpipe) SDL's texture path costs
# the game about 9 ms of CPU for every frame shown, even for a few changed pixels; shared memory
# costs it almost nothing and sends only the areas asked for (see game/app/redraw.py).
if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd", "dragonfly")):
    os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")

import pygame

__all__ = ["open_mixer", "pygame", "start_video", "use_headless_drivers"]

log = logging.getLogger(__name__)

#: Where a window needs an X11 or Wayland display (macOS and Windows always have their own).
NEEDS_A_DISPLAY = ("linux", "freebsd", "openbsd", "netbsd", "dragonfly")
#: SDL's video drivers that show nothing: fine when asked for, a silent trap when chosen.
INVISIBLE_DRIVERS = ("offscreen", "dummy")


#: SDL's video drivers that can sleep until input comes (the others are polled every
#: millisecond by SDL_WaitEventTimeout, which costs more than looking every few milliseconds).
WAITING_DRIVERS = ("x11", "wayland", "windows", "cocoa")


def input_waiter() -> Callable[[int], bool] | None:
    """A way to sleep until input comes or ``ms`` milliseconds pass (rounded down to whole
    ones, so it never sleeps past a deadline), True if input came: SDL's own
    ``SDL_WaitEventTimeout`` (the event is left in the queue for pygame), which sleeps on the
    window system's connection and is woken by events posted from other threads. None where
    it cannot be had (another driver, SDL not found): the caller looks every few milliseconds
    instead."""
    try:
        if pygame.display.get_driver() not in WAITING_DRIVERS:
            return None
        library = _sdl_library()
        if library is None:
            return None
        wait = library.SDL_WaitEventTimeout
    except (pygame.error, OSError, AttributeError):
        return None
    import ctypes

    wait.argtypes = [ctypes.c_void_p, ctypes.c_int]
    wait.restype = ctypes.c_int
    return lambda ms: wait(None, max(0, math.floor(ms))) == 1


def _sdl_library():
    """The SDL2 library pygame uses (already loaded, so the same one), or None."""
    import ctypes
    import glob

    here = os.path.dirname(os.path.abspath(pygame.__file__))
    names = {
        "win32": ["SDL2.dll"],
        "darwin": ["libSDL2-2.0.0.dylib", ".dylibs/libSDL2-2.0.0.dylib"],
    }.get(sys.platform, [])
    places = [os.path.join(here, name) for name in names]
    places += sorted(glob.glob(os.path.join(here, "..", "pygame_ce.libs", "libSDL2-2*")))
    places += sorted(glob.glob(os.path.join(here, ".dylibs", "libSDL2*")))
    for place in places:
        if os.path.exists(place):
            return ctypes.CDLL(place)
    return None


def use_headless_drivers() -> None:
    """No window, no sound card: SDL's dummy drivers (call before pygame.init)."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"


def start_video(headless: bool = False) -> str | None:
    """Start SDL's video, before any window opens. Returns why no window could be seen (None:
    go on). Without a display on Linux or a BSD, SDL falls back to drawing off screen and the
    game would play for minutes with nobody able to see it, so that is refused; a driver the
    user set in ``SDL_VIDEODRIVER`` is theirs to choose."""
    asked = os.environ.get("SDL_VIDEODRIVER")
    if headless:
        use_headless_drivers()
    elif not asked and not _has_display():
        return "no display was found (neither DISPLAY nor WAYLAND_DISPLAY is set)"
    with _c_stderr_to_log("starting the display"):  # SDL's Wayland probe, for one, prints
        pygame.display.init()
    driver = pygame.display.get_driver()
    if not headless and not asked and driver in INVISIBLE_DRIVERS:
        pygame.display.quit()
        return f"no display could be opened (SDL fell back to its '{driver}' driver)"
    return None


def _has_display() -> bool:
    if not sys.platform.startswith(NEEDS_A_DISPLAY):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def open_mixer() -> str | None:
    """Open the sound device unless it is open: None when it is ready, else why not.

    Without a sound card ALSA prints a dozen 'ALSA lib ...' lines on the C library's stderr
    before SDL gives up, and no setting quiets it in every ALSA version or on every platform.
    So the process's stderr (file descriptor 2) points at a temporary file while the device
    opens, and whatever was printed there goes to the log (debug) instead of the terminal."""
    if pygame.mixer.get_init():
        return None
    with _c_stderr_to_log("opening the sound device"):
        try:
            pygame.mixer.init()
        except pygame.error as exc:
            return str(exc) or "the sound device could not start"
    return None


@contextlib.contextmanager
def _c_stderr_to_log(doing: str) -> Iterator[None]:
    saved = _borrow_stderr()
    if saved is None:  # no stderr to quiet (a windowed app on Windows): nothing to do
        yield
        return
    with tempfile.TemporaryFile() as caught:
        os.dup2(caught.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        said = _read(caught)
    if said:
        log.debug("printed while %s:\n%s", doing, said)


def _borrow_stderr() -> int | None:
    """A copy of file descriptor 2 to put back afterwards (None when there is none)."""
    try:
        if sys.stderr is not None:
            sys.stderr.flush()
        return os.dup(2)
    except (OSError, ValueError):
        return None


def _read(caught: BinaryIO) -> str:
    caught.seek(0)
    return caught.read().decode("utf-8", "replace").strip()
