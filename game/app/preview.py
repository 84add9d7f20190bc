"""``python -m game preview scenes/NAME.yaml``: the chapter in a window, played again from the
start each time its file (or the word book, a language table, a picture) is saved. While
``check`` finds problems, they are shown instead, large, until they are fixed.

The rules (what to watch, what a file is now) are game/script/preview.py; this is the window.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pygame

from game.app.loop import App, Clock
from game.app.platform import intents
from game.app.platform.display import Display
from game.app.start import make_app
from game.app.ui import art, pictures, text
from game.script import preview as rules
from game.script.errors import Problem, Where

log = logging.getLogger(__name__)

#: The problems screen: a calm blue-grey, dark ink, room for a dozen problems.
CALM = (231, 238, 247)
MARGIN = 50
WIDTH = 1280 - 2 * MARGIN
TITLE_SIZE = 46
PROBLEM_SIZE = 30
LOCATION_INK = (0, 84, 140)


class ProblemsScreen:
    """Every problem ``check`` found, as ``file:line:col: message``, in words large enough to
    read from a chair; what does not fit is counted at the bottom."""

    def __init__(self, problems: list[Problem], path: Path) -> None:
        self.problems = problems
        self.path = path

    def lines(self) -> list[str]:
        """What the screen says, top to bottom (for tests, and for the log)."""
        return [str(p) for p in self.problems]

    def draw(self, canvas: pygame.Surface) -> None:
        canvas.fill(CALM)
        title_face = text.font(TITLE_SIZE, "bold")
        count = len(self.problems)
        title = f"{self.path.name}: {count} problem{'s' if count != 1 else ''} to fix"
        canvas.blit(text.render(title, title_face, art.INK), (MARGIN, 36))
        them = "it is" if count == 1 else "they are"
        note = f"Save the file again when {them} fixed: the chapter comes back by itself."
        canvas.blit(text.render(note, text.font(26), art.INK), (MARGIN, 100))
        face, bold = text.font(PROBLEM_SIZE), text.font(PROBLEM_SIZE, "bold")
        y, bottom, gap = 160, 800 - 60, face.get_linesize()
        for shown, problem in enumerate(self.problems):
            where = f"{problem.where}:"
            rows = text.wrap(problem.message, face, WIDTH - 30)
            if y + gap * (1 + len(rows)) > bottom:
                left = count - shown
                more = f"... and {left} more: run 'python -m game check {self.path}' to see all"
                canvas.blit(text.render(more, face, art.INK), (MARGIN, bottom + 10))
                break
            canvas.blit(text.render(where, bold, LOCATION_INK), (MARGIN, y))
            y += gap
            for row in rows:
                canvas.blit(text.render(row, face, art.INK), (MARGIN + 30, y))
                y += gap
            y += gap // 3


class Preview:
    """The preview's loop: a chapter (an :class:`App`) or the problems screen, and a watch on
    the files. ``now`` tells the time for the watch (tests pass their own)."""

    def __init__(
        self,
        path: Path,
        display: Display,
        clock: Clock,
        *,
        language: str = "en",
        band: str | None = None,
        role: str | None = None,
        make_voice: Callable | None = None,
        audio=None,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = path
        self.display = display
        self.clock = clock
        self.words = {"language": language}
        if band is not None:
            self.words["band"] = band
        if role is not None:
            self.words["role"] = role
        self.make_voice = make_voice
        self.audio = audio
        self.now = now
        self.watch = rules.Watch(path)
        self.app: App | None = None
        self.problems: ProblemsScreen | None = None
        self.reader = intents.IntentReader(display.to_logical, display.window.get_size)
        self.running = True
        self.frames = 0
        self.reload()

    @property
    def showing(self) -> str:
        """'chapter' or 'problems'."""
        return "chapter" if self.app is not None else "problems"

    def reload(self) -> None:
        """Read the files again and start the chapter from the beginning, or show what is
        wrong. Pictures and backgrounds are painted again (a file may have changed)."""
        pictures._picture.cache_clear()
        pictures._told.clear()
        art.background.cache_clear()
        if self.app is not None and self.app.voice is not None:
            self.app.voice.hush()
        found = rules.load_preview(self.path, **self.words)
        if isinstance(found, list):
            self.app = None
            self.problems = ProblemsScreen(found, self.path)
            log.info("preview: %d problem(s) in %s", len(found), self.path)
            return
        self.problems = None
        strings = found.strings
        try:
            voice = self.make_voice(strings) if self.make_voice is not None else None
            self.app = make_app(found, self.display, self.clock, voice=voice, audio=self.audio)
        except Exception as exc:  # never a traceback: say it on screen, as a problem
            log.exception("preview could not start %s", self.path)
            where = Where(str(self.path))
            self.app = None
            self.problems = ProblemsScreen(
                [Problem(where, f"the chapter could not start ({exc})")], self.path
            )

    def frame(self) -> None:
        """One turn: look at the files (about twice a second), then one frame of what is on."""
        if self.watch.changed(self.now()):
            self.reload()
        self.frames += 1
        if self.app is not None:
            self.app.frame()
            if not self.app.running:  # the window was closed
                self.running = False
            return
        _, events = self.clock.tick(1 / 20)  # a still screen: a few frames a second
        for intent in self.reader.read(events):
            if isinstance(intent, intents.Quit):
                self.running = False
            elif isinstance(intent, intents.Resized):
                self.display.resized()
        if self.problems is not None:
            self.problems.draw(self.display.canvas)
        self.display.present()

    def run(self, frames: int | None = None) -> None:
        """Until the window is closed, or for ``frames`` turns (the tests' hook)."""
        stop = None if frames is None else self.frames + frames
        while self.running and (stop is None or self.frames < stop):
            self.frame()


def run_preview(path: Path, language: str, band: str, role: str, voice: bool) -> int:
    """Open the window and preview ``path`` until it is closed."""
    from game import logs
    from game.app.loop import FrameClock
    from game.app.platform import sdl
    from game.app.platform.audio import Audio
    from game.app.platform.voice import Voice
    from game.voice.system import SystemSpeech

    logs.setup_logging()
    no_screen = sdl.start_video(False)
    if no_screen is not None:
        print(f"preview needs a screen, but {no_screen}", file=sys.stderr)
        return 1
    pygame.font.init()
    device = sdl.open_mixer() is None
    audio = Audio(device=device)
    system = SystemSpeech.find() if voice else None

    def make_voice(strings):
        return Voice(strings, system=system, device=device) if voice else None

    display = Display()
    pygame.display.set_caption(f"T-Cell Hero preview: {path.name}")
    shown = Preview(
        path,
        display,
        FrameClock(),
        language=language,
        band=band,
        role=role,
        make_voice=make_voice,
        audio=audio,
    )
    print(f"previewing {path}; save it to see the change, close the window to stop")
    try:
        shown.run()
    except Exception:  # never a traceback
        log.exception("the preview could not go on")
        print("the preview had to stop; details are in the game's log", file=sys.stderr)
        return 1
    return 0
