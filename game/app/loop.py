"""The main loop: asyncio-shaped (one ``await asyncio.sleep(0)`` a frame, so the game can later
run in a browser), with a fixed simulation step and a cap on catch-up so a slow frame never
spirals. The same loop runs headless for the demo, screenshots and tests."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pygame

from game.activities import registry
from game.app import intents
from game.app.audio import Audio
from game.app.break_screen import BreakScreen
from game.app.display import Display
from game.app.journey_map import JourneyMap
from game.app.play import ScenePlay
from game.app.voice import Voice
from game.app.word_page import BookScreen
from game.script.catalog import journey
from game.script.model import Scene
from game.script.session import Session
from game.script.strings import Strings
from game.script.texts import Library, build_strings, load_library
from game.world import gestures

log = logging.getLogger(__name__)

STEP = 1 / 60
MAX_STEPS_PER_FRAME = 5


class Clock(Protocol):
    def tick(self) -> float:
        """Seconds since the last call (waiting first, if the clock paces frames)."""


class FrameClock:
    """Real time, paced to 60 frames a second."""

    def __init__(self) -> None:
        self.clock = pygame.time.Clock()

    def tick(self) -> float:
        return self.clock.tick(60) / 1000.0


class StepClock:
    """Exactly one step a frame and no waiting: the demo and tests run as fast as they can and
    the same seed always plays the same way."""

    def tick(self) -> float:
        return STEP


@dataclass
class Result:
    frames: int = 0
    goals_reached: bool = False
    crashed: bool = False


class App:
    def __init__(
        self,
        scenes: dict[str, Scene],
        first: str,
        display: Display,
        clock: Clock,
        seed: int = 0,
        demo: bool = False,
        finish: str | None = None,
        stop_when_done: bool = False,
        show_map: bool = False,
        audio: Audio | None = None,
        results: Path | None = None,
        library: Library | None = None,
        strings: Strings | None = None,
        voice: Voice | None = None,
    ) -> None:
        """``finish`` is the scene whose goals count as success (default: ``first``);
        ``stop_when_done`` ends the run as soon as they are reached; ``show_map`` opens on the
        journey map instead of going straight into ``first``. ``strings`` holds the words in
        the chosen language and band (default: the shipped tables, English); ``voice`` says
        the lines (default: text only)."""
        self.scenes = scenes
        self.library = library or load_library()
        self.strings = strings or build_strings(scenes, self.library)
        self.voice = voice
        self.display = display
        self.clock = clock
        self.seed = seed
        self.demo = demo
        self.reader = intents.IntentReader(display.to_logical, display.window.get_size)
        self.screen: ScenePlay | BreakScreen | JourneyMap | BookScreen
        self.session = Session()
        self.chapters = [scenes[i] for i in journey(scenes)]
        self.bot = None
        self.audio = audio
        #: Where this session's results (chapters played, quiz answers) are kept, or None.
        self.results = results
        self.play: ScenePlay | None = None
        self.scene_id = first
        if show_map:
            self._show_map(first)
        else:
            self._start(first)
        self.finish = finish or first
        self.stop_when_done = stop_when_done
        self.running = True
        self.result = Result()

    async def run(self, max_frames: int | None = None) -> Result:
        """Play until the window closes or ``max_frames`` simulation steps have run."""
        behind = 0.0
        self.running = True
        while self.running:
            behind += min(self.clock.tick(), STEP * MAX_STEPS_PER_FRAME)
            self._guarded(self._input)
            while behind >= STEP and self.running:
                behind -= STEP
                self._guarded(self._step)
                self.result.frames += 1
                if max_frames is not None and self.result.frames >= max_frames:
                    self.running = False
            self._guarded(self._draw)
            self.display.present()
            await asyncio.sleep(0)
        return self.result

    def _input(self) -> None:
        for intent in self.reader.read(pygame.event.get()):
            if isinstance(intent, intents.Quit):
                self.running = False
            elif isinstance(intent, intents.Resized):
                self.display.resized()
            elif isinstance(intent, intents.SwitchLanguage):
                self.strings.next_language()
                self.screen.relabel()
            else:
                self.screen.handle(intent)

    def _step(self) -> None:
        if self.demo and not isinstance(self.screen, BreakScreen):
            for gesture in self.screen.bot_gestures(self.bot, STEP):
                self._post(gesture)
        self.screen.update(STEP)
        if self.screen is self.play and self.play.chapter.complete and not self._saved:
            self._saved = True
            self._save_results()
        if self.audio is not None and self.screen is self.play:
            for name in self.play.chapter.take_sounds():
                self.audio.play(name)
        if self.play is not None and self.scene_id == self.finish and self.play.goals_reached:
            self.result.goals_reached = True
            if self.stop_when_done:
                self.running = False
        outcome = self.screen.outcome
        if outcome in ("resume", "again"):
            self._start(self.scene_id)
        elif outcome == "next" and self.play.scene.next:
            self._show_map(self.play.scene.next)
        elif outcome == "go" and isinstance(self.screen, JourneyMap):
            self._start(self.screen.target)
        elif outcome == "book" and isinstance(self.screen, JourneyMap):
            self._hush()
            self.screen = BookScreen(self.library.book, self.strings, self.voice)
        elif outcome == "map" and isinstance(self.screen, BookScreen):
            self._show_map(self.map_target)

    def _hush(self) -> None:
        if self.voice is not None:
            self.voice.hush()

    def _start(self, scene_id: str) -> None:
        self._hush()
        self.scene_id = scene_id
        self.play = ScenePlay(
            self.scenes[scene_id],
            self.strings,
            self.seed,
            self.session,
            self.library.book,
            self.voice,
        )
        self._saved = False
        self.screen = self.play
        if self.demo:
            self.bot = registry()[self.play.scene.activity.name].make_bot()

    def _save_results(self) -> None:
        """Keep this session's teach-back results for the child life specialist. Never a
        reason to stop: if the folder cannot be written, the game goes on (logged once)."""
        if self.results is None:
            return
        try:
            self.session.save(self.results)
        except OSError as exc:
            log.warning("could not save the results to %s (%s); going on", self.results, exc)
            self.results = None

    def _show_map(self, target: str) -> None:
        """Between chapters: where the child has been, and where they go next."""
        chapters = self.chapters if target in {s.id for s in self.chapters} else []
        if not chapters:  # a scene outside the journey (a test or a new story): no map
            self._start(target)
            return
        self._hush()
        self.map_target = target
        self.screen = JourneyMap(chapters, target, self.session.played, self.strings, self.voice)

    def _draw(self) -> None:
        self.screen.draw(self.display.canvas)

    def _guarded(self, part) -> None:
        """Run one part of a frame; an unexpected error shows the break screen, never a
        traceback. The current scene is kept, so 'Keep going' starts it again."""
        try:
            part()
        except Exception:
            log.exception("unexpected error in scene '%s'", self.scene_id)
            self.result.crashed = True
            if isinstance(self.screen, BreakScreen):
                self.running = False  # the break screen itself failed: stop calmly
                return
            self._hush()
            self.screen = BreakScreen(self.strings)
            self.bot = None

    def _post(self, gesture: gestures.Gesture) -> None:
        """Send a bot gesture as a finger would: a finger event plus SDL's mouse copy."""
        width, height = self.display.window.get_size()
        wx, wy = self.display.to_window(gesture.x, gesture.y)
        finger = {
            "touch_id": 1,
            "finger_id": 0,
            "x": wx / width,
            "y": wy / height,
            "dx": 0.0,
            "dy": 0.0,
            "pressure": 1.0,
        }
        pos = (round(wx), round(wy))
        if isinstance(gesture, gestures.Press):
            pygame.event.post(pygame.event.Event(pygame.FINGERDOWN, finger))
            pygame.event.post(
                pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=True)
            )
        elif isinstance(gesture, gestures.Move):
            pygame.event.post(pygame.event.Event(pygame.FINGERMOTION, finger))
            pygame.event.post(
                pygame.event.Event(
                    pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(1, 0, 0), touch=True
                )
            )
        else:
            pygame.event.post(pygame.event.Event(pygame.FINGERUP, finger))
            pygame.event.post(
                pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=True)
            )
