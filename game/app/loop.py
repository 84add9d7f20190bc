"""The main loop: asyncio-shaped (one ``await asyncio.sleep(0)`` a frame, so the game can later
run in a browser), with a fixed simulation step and a cap on catch-up so a slow frame never
spirals. The same loop runs headless for the demo, screenshots and tests."""

from __future__ import annotations

import importlib
import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import pygame

from game import collector
from game.activities import registry
from game.app import pace, redraw
from game.app.keeper import Keeper
from game.app.platform import intents
from game.app.platform.audio import Audio
from game.app.platform.display import Display
from game.app.platform.voice import Voice
from game.app.scanning import Scanner, is_switch
from game.app.screens.notice import Notice
from game.app.screens.profiles_screen import ProfilesScreen
from game.app.ui import theme, widgets
from game.profile.profile import Profile
from game.profile.settings import Settings
from game.profile.store import ProfileStore
from game.script.model import Scene
from game.script.prompt import Prompt
from game.script.session import Session, from_the_lab
from game.script.strings import Strings
from game.script.teach_back import teach_back_scene
from game.script.texts import Library, build_strings, load_library
from game.world import gestures

if TYPE_CHECKING:
    from game.app.grownup.facilitator import FacilitatorPanel
    from game.app.screens.break_screen import BreakScreen
    from game.app.screens.feelings import FeelingsCheckIn
    from game.app.screens.journey_map import JourneyMap
    from game.app.screens.play import ScenePlay
    from game.app.screens.word_page import BookScreen
    from game.profile import export

log = logging.getLogger(__name__)

STEP = 1 / 60
MAX_STEPS_PER_FRAME = 5
#: Hold here this long to open (or close) the grown-up's controls.
CORNER = pygame.Rect(0, 0, 96, 96)
HOLD_SECONDS = 3.0
#: A break reminder waits for a calm moment (the map, a closing card) at most this long.
REMINDER_PATIENCE = 120.0
#: The screens the first one ('who is playing?') does not need, by the module that has them:
#: imported once the first frame is on the screen (see ``_is`` and ``App.frame``), so a child
#: sees the game sooner.
LATER = {
    "BreakScreen": "game.app.screens.break_screen",
    "FacilitatorPanel": "game.app.grownup.facilitator",
    "FeelingsCheckIn": "game.app.screens.feelings",
    "JourneyMap": "game.app.screens.journey_map",
    "ScenePlay": "game.app.screens.play",
    "BookScreen": "game.app.screens.word_page",
}


def _is(thing: object, *names: str) -> bool:
    """``isinstance(thing, one of names)`` for the screens in ``LATER``, without importing
    them: a screen whose module is not imported yet cannot be on the screen."""
    for name in names:
        module = sys.modules.get(LATER[name])
        if module is not None and isinstance(thing, getattr(module, name)):
            return True
    return False


def _later(name: str) -> type:
    """A screen class from ``LATER``, imported when first needed."""
    return getattr(importlib.import_module(LATER[name]), name)


class Clock(Protocol):
    def tick(self, interval: float) -> tuple[float, list[pygame.event.Event]]:
        """Wait for the next frame, ``interval`` seconds after the last (or less, if input
        comes first); return the seconds since the last call and the events that came."""


class FrameClock:
    """Real time, never more than 60 frames a second, and fewer while the screen is calm. Every
    wait, at full speed too, ends when input comes after a frame that had none, so a tap is
    answered at once, never kept for the rest of a frame's wait; after a frame that had input
    the next comes a 60 Hz frame later, so a finger's stream of moves is drawn at most 60
    times a second."""

    #: How often a wait looks for input (where SDL cannot sleep until input comes).
    LOOK_EVERY = 0.008
    #: How late a wait may end and the next frame still keep to the 60 Hz beat (a sleep ends
    #: a little late; a frame that took long is not made up for by a short one after it).
    LATE = 0.002

    def __init__(self) -> None:
        from game.app.platform import sdl

        self.last = time.perf_counter()
        self.busy = False  # the last frame had input (or another event)
        #: When the last wait was due to end, if it ran to its end: at full speed the next
        #: frame is due a 60 Hz frame after it, not after the moment the wait really ended.
        self.beat: float | None = None
        #: Sleeps until input comes (on X11, Wayland, Windows, macOS): see sdl.input_waiter.
        self.wait_for_input = sdl.input_waiter()

    def tick(self, interval: float) -> tuple[float, list[pygame.event.Event]]:
        if interval > 0:  # (no wait for the first frame)
            soonest = self.last + (STEP if self.busy else 0.0)
            deadline = self.last + max(interval, STEP)
            beat = self.beat
            if interval <= STEP and beat is not None and 0 <= self.last - beat < self.LATE:
                deadline = beat + STEP  # on the 60 Hz beat: a wait's lateness is not carried on
            self.beat = None
            while (now := time.perf_counter()) < deadline:
                if now < soonest:  # input just came: the next at most a 60 Hz frame later
                    time.sleep(min(soonest, deadline) - now)
                elif self.wait_for_input is not None and deadline - now >= 0.001:
                    # (in whole milliseconds, rounded down: the rest is slept below)
                    if self.wait_for_input((deadline - now) * 1000):
                        break
                elif pygame.event.peek():
                    break
                else:
                    time.sleep(min(self.LOOK_EVERY, deadline - now))
            else:
                self.beat = deadline
        now = time.perf_counter()
        elapsed, self.last = now - self.last, now
        events = pygame.event.get()
        self.busy = bool(events)
        return elapsed, events


class StepClock:
    """Exactly one step a frame and no waiting: the demo and tests run as fast as they can and
    the same seed always plays the same way."""

    def tick(self, interval: float) -> tuple[float, list[pygame.event.Event]]:
        return STEP, pygame.event.get()


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
        library: Library | None = None,
        strings: Strings | None = None,
        voice: Voice | None = None,
        store: ProfileStore | None = None,
        defaults: Settings | None = None,
    ) -> None:
        """``finish`` is the scene whose goals count as success (default: ``first``);
        ``stop_when_done`` ends the run as soon as they are reached; ``show_map`` opens on the
        journey map instead of going straight into ``first``. With a ``store`` to keep
        profiles in, 'who is playing?' comes first. ``strings`` holds the words (default: the
        shipped tables); ``voice`` says the lines (default: text only); ``defaults`` are a
        new child's settings."""
        self.scenes = scenes
        self.library = library or load_library()
        self.strings = strings or build_strings(scenes, self.library)
        self.voice = voice
        self.display = display
        self.clock = clock
        self.seed = seed
        self.demo = demo
        self.reader = intents.IntentReader(display.to_logical, display.window.get_size)
        #: The screens, bottom first: the one being played (a chapter, the map, the word book,
        #: who is playing, the feelings check-in or the break screen), then anything over it
        #: (a note, pause, the break reminder, the grown-up's panel). The top one takes the
        #: input and moves on; every one draws itself, bottom first. See ``screen``,
        #: ``overlay`` and ``_close``.
        self.stack: list[
            ScenePlay
            | BreakScreen
            | JourneyMap
            | BookScreen
            | ProfilesScreen
            | FeelingsCheckIn
            | FacilitatorPanel
            | Notice
        ] = []
        self.bot = None
        self.audio = audio
        #: Who is playing, their settings, and what is kept for them (game/app/keeper.py).
        self.keeper = Keeper(scenes, self.strings, store, defaults, voice, audio)
        self.play: ScenePlay | None = None
        #: What comes after the feelings check-in on screen, and after the chapter's teach-back
        #: question being played (see ``_check_in`` and ``_teach_back``).
        self._after_check_in: Callable[[], None] | None = None
        self._after_teach: Callable[[], None] | None = None
        self.scene_id = first
        self.map_target = first
        self.scanner = Scanner()
        self.since_break = 0.0
        self.holding: float | None = None  # seconds the top-left corner has been held
        #: How often each scene failed with an unexpected error (see ``_guarded``).
        self._failures: dict[str, int] = {}
        #: What the screen in front says when it opens (see game/script/prompt.py), and for
        #: which screen, words and language it was made.
        self.prompt = Prompt((), None)
        self._prompt_for: tuple = ()
        self.finish = finish or first
        self.stop_when_done = stop_when_done
        self.running = True
        self.result = Result()
        #: Frames are drawn at this many a second (see game.app.pace).
        self.pace = pace.MOVING
        self._behind = 0.0  # simulated time owed to the real clock
        self._since_draw = 0.0
        #: What the screen shows, and how long its calm draws have changed nothing (see
        #: game.app.redraw: what is drawn when, and what is sent).
        self.shown = redraw.Shown()
        self._still_for = 0.0
        #: What the screen in front said it moves at its last whole draw, and the time since
        #: (see redraw.part); the screen under an overlay, kept while the overlay shows.
        self._moving_at_whole: tuple | None = None
        self._since_whole = 0.0
        self._under: tuple | None = None
        #: When the first frame was shown (time.monotonic), for the benchmark.
        self.first_frame_at: float | None = None
        #: The screens in LATER are imported (at the frame after the first).
        self._ready = False
        #: The last frame's events made an intent (a mouse moving with no button held makes
        #: none, and nothing on screen follows it: no draw for it).
        self._acted = False
        self.first = first
        self.show_map = show_map
        self._apply_settings()
        if store is not None:
            self._choose_profile()
        elif show_map:
            self._show_map(first)
        else:
            self._start(first)
        if audio is not None and not audio.ready:  # no sound device: told first, over all else
            self.overlay = Notice(
                self.strings, "ui.note.title", "ui.sound.none", "ui.note.ok", "grown_up"
            )

    # the stack of screens ----------------------------------------------------------------------
    @property
    def screen(self):
        """The screen at the bottom of the stack, the one being played."""
        return self.stack[0]

    @screen.setter
    def screen(self, screen) -> None:
        """Play ``screen`` instead (anything over the old one stays over the new one)."""
        if self.stack:
            self.stack[0] = screen
        else:
            self.stack.append(screen)

    @property
    def overlay(self):
        """The screen on top when something is over the game, else None: it takes all input
        while everything under it waits."""
        return self.stack[-1] if len(self.stack) > 1 else None

    @overlay.setter
    def overlay(self, overlay) -> None:
        """Put ``overlay`` on top of the stack; None takes every overlay away (the game moves
        on: a chapter starts, the map shows)."""
        if overlay is None:
            del self.stack[1:]
        else:
            self.stack.append(overlay)

    def _close(self) -> None:
        """Take the top overlay away: what was under it is in front again (the pause card
        after the grown-up's panel that was opened over it)."""
        if len(self.stack) > 1:
            self.stack.pop()

    # the child and their settings (kept by self.keeper) ---------------------------------------
    @property
    def store(self) -> ProfileStore | None:
        return self.keeper.store

    @property
    def profile(self) -> Profile:
        """The child playing (a guest when nobody is chosen)."""
        return self.keeper.profile

    @property
    def session(self) -> Session:
        return self.keeper.session

    @property
    def session_seconds(self) -> float:
        return self.keeper.session_seconds

    @property
    def journey(self) -> list[Scene]:
        """Every chapter in playing order, for this child's age band."""
        return self.keeper.journey

    @property
    def chapters(self) -> list[Scene]:
        """The journey without the chapters left out for this child."""
        return self.keeper.chapters

    def _choose_profile(self) -> None:
        self._hush()
        assert self.store is not None
        keeper = self.keeper
        self.screen = ProfilesScreen(
            self.store.load(),
            keeper.keeps("colour"),
            keeper.keeps("name"),
            self.strings,
            keeper.defaults.role,
            from_the_lab(self.journey),
            ask_age=True,
        )
        if self.store.notice is not None and self.overlay is None:  # else once it is closed
            self._tell_once(self.store.notice)

    def _tell_once(self, note: str) -> None:
        """A gentle note for the grown-up (like 'progress is not being saved')."""
        if self.store is not None:
            self.store.notice = None
        self.overlay = Notice(self.strings, "ui.note.title", note, "ui.note.ok", "grown_up")

    def _begin(self, profile: Profile) -> None:
        """Play as ``profile``: their settings, and the journey map where they left off (or
        straight into the scene asked for on the command line)."""
        self.keeper.begin(profile)  # their settings in place, and saved
        self.since_break = 0.0
        self._show_settings()
        self._tell_if_not_saved()
        self._check_in("before", self._set_off)

    def _set_off(self) -> None:
        """The session's first screen: the journey map where the child left off (or the scene
        asked for on the command line)."""
        if not self.show_map:
            self._start(self.first)
            return
        chapter_ids = [s.id for s in self.chapters]
        unplayed = [i for i in chapter_ids if i not in self.profile.played]
        last = self.profile.at if self.profile.at in chapter_ids else chapter_ids[0]
        self._show_map(unplayed[0] if unplayed else last)

    # the feelings check-in and teach-back -----------------------------------------------------
    def _check_in(self, when: str, then: Callable[[], None]) -> None:
        """The feelings check-in ('before' or 'after', game/app/screens/feelings.py), then ``then``.
        Only in a session on the journey map (not a single chapter asked for on the command
        line), for a child chosen on 'who is playing?', when it is on for them, and once each
        way a session; else ``then`` at once."""
        if (
            self.store is None
            or not self.show_map
            or not self.profile.settings.feelings_check_in
            or when in self.session.feelings
        ):
            then()
            return
        self._hush()
        self._after_check_in = then
        self.screen = _later("FeelingsCheckIn")(
            self.strings, self.session, when, self.session.hero_colour
        )

    def _teach_back(self, then: Callable[[], None]) -> None:
        """After a chapter's closing card: its teach-back question when the grown-up turned
        teach-back on (game/script/teach_back.py), played as a one-question quiz; then
        ``then``, as soon as its answer has been said."""
        settings = self.profile.settings
        chapter = self.scenes.get(self.scene_id)
        scene = None
        if settings.teach_back and chapter is not None:
            scene = teach_back_scene(chapter, self.strings.english, settings.leave_out)
        if scene is None:
            then()
            return
        self._start(self.scene_id, scene)
        self._after_teach = then

    def _chapter_over(self, target: str, last: bool) -> None:
        """The closing card's button: the teach-back question (when on), after the last
        chapter the feelings check-in (when on), then the map at ``target``."""
        if last:
            self._teach_back(lambda: self._check_in("after", lambda: self._show_map(target)))
        else:
            self._teach_back(lambda: self._show_map(target))

    def _session_over(self) -> None:
        """The grown-up ended the session: it is saved, and 'who is playing?' comes back."""
        if self.store is None:  # no children to choose between: the map
            self._show_map(self.map_target)
            return
        self._autosave()
        self.keeper.as_guest()
        self.play = None
        self._show_settings()
        self._choose_profile()

    def _apply_settings(self) -> None:
        """Put this child's settings into the words, voice, sound and look, the narration's
        speed and the screen's labels."""
        self.keeper.apply_settings()
        self._show_settings()

    def _show_settings(self) -> None:
        """The settings the keeper put in place, shown: the narration's speed, the labels."""
        if self.play is not None:
            self.play.narrator.chars_per_second = self.profile.settings.chars_per_second
        self._relabel_screen()

    def _relabel_screen(self) -> None:
        if not self.stack:  # before the first screen
            return
        screen = self.screen
        if _is(screen, "JourneyMap", "ScenePlay"):
            screen.child = self.profile.child_name
        screen.relabel()

    def _autosave(self) -> None:
        """Save the child's profile when it changed (game/app/keeper.py); a save that failed
        is told to the grown-up, once."""
        if self.keeper.save():
            self._tell_if_not_saved()

    def _tell_if_not_saved(self) -> None:
        """After a save: if the store could not write it, the grown-up is told, once."""
        if self.store is not None and self.store.notice and self.overlay is None:
            self._tell_once(self.store.notice)

    # the loop -------------------------------------------------------------------------------------
    async def run(
        self, max_frames: int | None = None, turn: Callable | None = None, budget: float = 0.0
    ) -> Result:
        """Play until the window closes or ``max_frames`` simulation steps have run, giving
        way to the event loop once a frame (a browser): ``await turn()`` (default
        ``asyncio.sleep(0)``). With ``budget`` seconds, frames run back to back for that long
        before each turn (a demo as fast as it can go, with the page still answering)."""
        import asyncio  # not imported before the first frame on the desktop (see run_here)

        turn = turn or (lambda: asyncio.sleep(0))
        self.running = True
        while self.running:
            until = time.perf_counter() + budget
            self.frame(max_frames)
            while self.running and time.perf_counter() < until:
                self.frame(max_frames)
            await turn()
        return self._finish()

    def run_here(self, max_frames: int | None = None) -> Result:
        """The same as ``run`` without an event loop: the desktop game (no asyncio to import
        before the first frame)."""
        self.running = True
        while self.running:
            self.frame(max_frames)
        return self._finish()

    def _finish(self) -> Result:
        if self._since_draw:  # the last step is always on the canvas (for screenshots)
            self._guarded(self._draw)
        self._guarded(self._autosave)
        return self.result

    def frame(self, max_frames: int | None = None) -> bool:
        """One turn of the loop: wait for the next frame or for input, run the simulation steps
        that are due, and draw if the screen's pace (or input) asks for it. True if drawn."""
        first = self.first_frame_at is None  # shown at once: no wait, one step, drawn
        if not first and not self._ready:  # the screens the first frame did not need
            self._ready = True
            for module in sorted(set(LATER.values())):
                importlib.import_module(module)
            collector.settled()  # what starting made is kept for good: see game/collector.py
        interval = 1 / self.pace
        elapsed, events = self.clock.tick(0.0 if first else interval)
        self._behind += min(elapsed, max(STEP * MAX_STEPS_PER_FRAME, interval + STEP))
        if first:
            self._behind = max(self._behind, STEP)
        self._acted = False
        self._guarded(lambda: self._input(events))
        while self._behind >= STEP and self.running:
            self._behind -= STEP
            self._guarded(self._step)
            self.result.frames += 1
            if max_frames is not None and self.result.frames >= max_frames:
                self.running = False
        self._since_draw += elapsed
        self.pace = self._pace()
        if any(e.type in redraw.WINDOW_EVENTS for e in events):
            self.shown.forget()  # resized or uncovered: everything is sent again
        moves_only = all(e.type in redraw.POINTER_MOVES for e in events)
        if not moves_only:
            self._under = None  # input may change what lies under an overlay
        # Input draws at once, but a pointer moving by itself (a mouse with no button held, a
        # second finger) changes nothing on screen: it waits for the screen's own pace.
        came = self._acted or not moves_only
        due = redraw.due(self._since_draw, self.pace, self._still_for, came, STEP)
        if not (first or due):
            return False
        self._since_whole += self._since_draw
        quiet = moves_only and self.overlay is None and not self.scanning and self.holding is None
        area = redraw.part(self._moving(), self._moving_at_whole, self._since_whole, quiet)
        if area is not None:  # only the part that moves: drawn and sent, no look
            self._guarded(lambda: self._draw_part(area))
            self.shown.sent([area])
            self.display.present([area])
            self._still_for = 0.0
        else:
            self._guarded(self._draw)
            self._moving_at_whole, self._since_whole = self._moving(), 0.0
            changed = self.shown.changed(self.display.canvas, self.pace, not self.display.direct)
            self.display.present(changed)
            self._still_for = self._still_for + self._since_draw if changed == [] else 0.0
        self._since_draw = 0.0
        if self.first_frame_at is None:
            self.first_frame_at = time.monotonic()
        return True

    def _pace(self) -> int:
        """How often to draw now: the fastest of what is on screen (see game.app.pace)."""
        if self.holding is not None:
            return pace.MOVING  # the corner's ring is filling
        layers = self.stack
        if len(layers) > 1 and getattr(layers[-1], "backdrop", None) is not None:
            layers = layers[-1:]  # the game waits under it, drawn once and kept (see _draw)
        try:
            paces = [pace.of(layer) for layer in layers]
            if self.scanning:
                paces.append(pace.of(self.scanner))
        except Exception:  # never a reason to stop: draw every frame
            log.exception("could not tell the pace of the screen")
            return pace.MOVING
        return max(paces)

    @property
    def front(self):
        """What takes input now: the overlay if there is one, else the screen."""
        return self.overlay if self.overlay is not None else self.screen

    @property
    def scanning(self) -> bool:
        """One-switch scanning, for the child's screens (the grown-up's panel is tapped)."""
        return self.profile.settings.one_switch and not _is(self.overlay, "FacilitatorPanel")

    def _input(self, events: list[pygame.event.Event]) -> None:
        made = self.reader.read(events)
        self._acted = bool(made)
        for intent in made:
            if isinstance(intent, intents.Quit):
                self.running = False
            elif isinstance(intent, intents.Resized):
                self.display.resized()
            elif isinstance(intent, intents.Facilitator):
                self._toggle_panel()
            elif isinstance(intent, intents.SwitchLanguage):
                self.strings.next_language()
                self.profile.settings.language = self.strings.language
                self.front.relabel()
            else:
                self._corner(intent)
                if self.scanning:
                    if is_switch(intent):
                        self.scanner.select()
                else:
                    self.front.handle(intent)

    def _corner(self, intent: intents.Intent) -> None:
        """Holding the top-left corner for three seconds opens or closes the grown-up's
        controls: a child will not do it by chance, and it needs no keyboard."""
        if isinstance(intent, intents.PointerDown):
            self.holding = 0.0 if CORNER.collidepoint(intent.x, intent.y) else None
        elif isinstance(intent, intents.PointerMove) and self.holding is not None:
            if not CORNER.collidepoint(intent.x, intent.y):
                self.holding = None
        elif isinstance(intent, intents.PointerUp):
            self.holding = None

    def _toggle_panel(self) -> None:
        self.holding = None
        if _is(self.overlay, "FacilitatorPanel"):
            self._close()
            return
        self._hush()
        current = self.scene_id if self.screen is self.play else None
        from game.app.grownup.facilitator import summary_folders

        folders = summary_folders(
            self.store.folder.parent if self.store and self.store.folder else None
        )
        self.overlay = _later("FacilitatorPanel")(
            self.strings,
            self.profile,
            self.journey,
            current,
            self.map_target,
            self.session_seconds,
            folders,
            saving=self.store is not None and self.store.saving,
            language=self.keeper.grownup_language(),
        )
        self.overlay.feelings = dict(self.session.feelings)
        self.overlay.colour = self.session.hero_colour
        if self.play is not None:
            self.play.pressing = False

    def _step(self) -> None:
        if self.holding is not None:
            self.holding += STEP
            if self.holding >= HOLD_SECONDS:
                self._toggle_panel()
        self.keeper.played(STEP, isinstance(self.screen, ProfilesScreen))
        front = self.front
        if self.scanning:
            for intent in self.scanner.update(
                front.spots(), STEP, self.profile.settings.scan_seconds
            ):
                front.handle(intent)
        if self.demo and not _is(front, "BreakScreen", "FacilitatorPanel"):
            for gesture in front.bot_gestures(self.bot, STEP):
                self._post(gesture)
        if self.first_frame_at is not None:  # said once the screen is there to see
            self._say_prompt()
        if self.overlay is not None:
            self.overlay.update(STEP)
            self._overlay_done()
            return
        self.since_break += STEP
        self.screen.update(STEP)
        if self.audio is not None and self.screen is self.play:
            for name in self.play.chapter.take_sounds():
                self.audio.play(name)
        if self.play is not None and self.scene_id == self.finish and self.play.goals_reached:
            self.result.goals_reached = True
            if self.stop_when_done:
                self.running = False
        self._outcome()
        self._remind()
        self._autosave()

    def _say_prompt(self) -> None:
        """Say the front screen's title or question when it opens (or its question or the
        language changes), once; a screen with nothing to say leaves the voice to it."""
        front = self.front
        ids = front.prompt_ids() if hasattr(front, "prompt_ids") else ()
        key = (id(front), ids, self.strings.language)
        if key != self._prompt_for:
            self._prompt_for = key
            self.prompt.stop()
            self.prompt = Prompt(ids, self.voice)
        self.prompt.update(STEP)

    def _outcome(self) -> None:
        screen = self.screen
        outcome = screen.outcome
        if _is(screen, "FeelingsCheckIn"):
            if outcome == "done" and self.prompt.done and self._after_check_in is not None:
                then, self._after_check_in = self._after_check_in, None
                then()
            return
        if self._after_teach is not None and screen is self.play and screen.card_showing:
            then, self._after_teach = self._after_teach, None  # the teach-back is answered
            then()
            return
        if isinstance(screen, ProfilesScreen):
            if outcome == "chosen":
                self._begin(next(p for p in screen.profiles if p.id == screen.chosen))
            elif outcome == "new" and screen.new_colour is not None:
                self._begin(
                    self.keeper.new_profile(
                        screen.new_colour, screen.profiles, screen.new_role, screen.new_band
                    )
                )
        elif outcome == "resume":
            self._resume()
        elif outcome == "again":
            self._start(self.scene_id)
        elif outcome == "pause" and self.play is not None:
            self.play.outcome = None
            self._hush()
            self.overlay = Notice(
                self.strings,
                "ui.pause.title",
                "ui.pause.note",
                "ui.pause.go_on",
                colour=self.session.hero_colour,
                car=self.session.has_car(self.scene_id),  # as in the chapter under it
                # a soft way out, to the journey map (a chapter on it)
                second=("map", "ui.pause.map") if self._on_the_map(self.scene_id) else None,
            )
        elif outcome == "next" and self.play is not None:
            following = self._following(self.scene_id)
            if following is not None:
                self._chapter_over(following, last=False)
        elif outcome == "go" and _is(screen, "JourneyMap"):
            self._start(screen.target)
        elif outcome == "book" and _is(screen, "JourneyMap"):
            self._hush()
            self.screen = _later("BookScreen")(
                self.library.book, self.strings, self.voice, self.session.hero_colour
            )
        elif outcome == "map" and _is(screen, "ScenePlay"):  # the last chapter's card
            following = self._following(self.scene_id)
            self._chapter_over(following or self._first_unplayed(), last=following is None)
        elif outcome == "map" and _is(screen, "BookScreen"):
            self._show_map(self.map_target)

    def _resume(self) -> None:
        """'Keep going' after the break screen: the same scene again the first time it failed;
        once it has failed twice, the journey map at the next chapter, so a scene that keeps
        failing never locks the child in."""
        if self._failures.get(self.scene_id, 0) < 2:
            self._start(self.scene_id)
            return
        following = self._following(self.scene_id)
        if following is None or following == self.scene_id:
            following = next((s.id for s in self.chapters if s.id != self.scene_id), None)
        if following is None:
            self.running = False  # nothing else to play: stop calmly, progress is saved
            return
        self._show_map(following)

    def _on_the_map(self, scene_id: str) -> bool:
        """Whether ``scene_id`` is a stop on this child's journey map."""
        return any(scene.id == scene_id for scene in self.chapters)

    def _first_unplayed(self) -> str:
        """The first chapter this child has not played (all played: the first), where the map
        points after the last one: a child who came to it by a grown-up's shortcut is led to
        what they missed, not back to the start."""
        ids = [s.id for s in self.chapters]
        return next((i for i in ids if i not in self.session.played), ids[0])

    def _after_leaving(self, scene_id: str) -> str:
        """Where the map points when the child leaves ``scene_id`` before its end (pause's
        'Back to the map', the grown-up's 'map'): that chapter if it is not finished yet, to
        come back to (a quiz goes on where they were; so does a chapter a grown-up jumped
        to); a chapter finished before and being played again never holds the journey back:
        then the first chapter not finished (see ``_first_unplayed``), or, all finished, the
        one after it."""
        if scene_id not in self.session.played:
            return scene_id
        if any(s.id not in self.session.played for s in self.chapters):
            return self._first_unplayed()
        return self._following(scene_id) or scene_id

    def _following(self, scene_id: str) -> str | None:
        """The chapter after ``scene_id`` for this child (left-out chapters are passed by)."""
        ids = [s.id for s in self.journey]
        if scene_id not in ids:
            return self.scenes[scene_id].next
        kept = {s.id for s in self.chapters}
        return next((i for i in ids[ids.index(scene_id) + 1 :] if i in kept), None)

    def _remind(self) -> None:
        """After the chosen minutes, a gentle break reminder at the next calm moment."""
        minutes = self.profile.settings.break_minutes
        if not minutes or isinstance(self.screen, ProfilesScreen):
            return
        due = self.since_break - minutes * 60
        calm = _is(self.screen, "JourneyMap") or (
            self.play is not None and self.screen is self.play and self.play.card_showing
        )
        if due >= 0 and (calm or due >= REMINDER_PATIENCE):
            self._hush()
            closing = self.play is not None and self.screen is self.play and self.play.card_showing
            self.overlay = Notice(
                self.strings,
                "ui.rest.title",
                "ui.rest.note",
                "ui.rest.go_on",
                colour=self.session.hero_colour,
                car=self.session.has_car(self.scene_id if self.screen is self.play else None),
                avoid=self.play.card_rect() if closing else None,  # its Next stays in sight
            )
            self.since_break = 0.0

    def _overlay_done(self) -> None:
        overlay = self.overlay
        if isinstance(overlay, Notice):
            if overlay.closed and overlay.chosen == "map" and self.screen is self.play:
                self.overlay = None  # pause's 'Back to the map': the chapter is left
                self._show_map(self._after_leaving(self.scene_id))
            elif overlay.closed:
                self._close()
                if self.store is not None and self.store.notice is not None:
                    self._tell_once(self.store.notice)  # a note that waited for this one
                elif self.play is not None and self.screen is self.play:
                    self.play.narrator.replay()
            return
        if not _is(overlay, "FacilitatorPanel"):
            return
        if overlay.changed:
            overlay.changed = False
            self._apply_settings()
            self._autosave()
        if overlay.language != self.keeper.device.grownup_language:
            self.keeper.keep_grownup_language(overlay.language)
        command = overlay.take_command()
        if command is None:
            return
        if command == "save_summary":
            overlay.message = self._save_summary(overlay)
            return
        if command == "show_records":
            from game.app.grownup import files
            from game.app.grownup.records_page import RecordsView

            chapters = files.question_chapters(self.scenes)
            overlay.records = RecordsView(self._device_sessions(), chapters)
            return
        if command == "export_records":
            from game.app.grownup import files

            chapters = files.question_chapters(self.scenes)
            overlay.message = files.export_sessions(overlay, self._device_sessions, chapters)
            return
        self.overlay = None
        if command.startswith("play:"):
            self._start(command.removeprefix("play:"))
        elif command == "restart":
            self.session.solved_in.pop(self.scene_id, None)  # from its first question
            self._start(self.scene_id)
        elif command == "skip":
            following = self._following(self.scene_id)
            self._show_map(following or self.scene_id)
        elif command == "map":
            at = self._after_leaving(self.scene_id)
            self._show_map(self.map_target if self.screen is not self.play else at)
        elif command == "end_session":
            self._check_in("after", self._session_over)
        elif command in ("switch_child", "clear_child", "clear_all") and self.store is not None:
            self._autosave()
            self.keeper.forget(command)
            self.play = None
            self._show_settings()
            self._choose_profile()

    def _save_summary(self, panel: FacilitatorPanel) -> str:
        """Save the one-page summary picture of this session (see game.app.grownup.files)."""
        from game.app.grownup import files

        own = self.store.folder if self.store is not None else None
        return files.save_summary_picture(
            panel, self.keeper.taken(), self.journey, self.strings, self.session.feelings, own
        )

    def _device_sessions(self) -> export.Device:
        """Every child's sessions on this device, this child's as it is now (saved first)."""
        self._autosave()
        return self.keeper.device_sessions()

    def _hush(self) -> None:
        if self.voice is not None:
            self.voice.hush()

    def _start(self, scene_id: str, scene: Scene | None = None) -> None:
        """Play chapter ``scene_id`` (or ``scene`` in its place: its teach-back question)."""
        self._hush()
        self._after_teach = None
        self.scene_id = scene_id
        self.profile.at = scene_id
        settings = self.profile.settings
        self.session.from_lab = from_the_lab(self.journey)  # where the T cell wears its CARs
        self.play = _later("ScenePlay")(
            scene or self.scenes[scene_id].without(settings.leave_out),
            self.strings,
            self.seed,
            self.session,
            self.library.book,
            self.voice,
            settings.chars_per_second,
            self.profile.child_name,
        )
        self.screen = self.play
        if self.demo:
            self.bot = registry()[self.play.scene.activity.name].make_bot()

    def _show_map(self, target: str) -> None:
        """Between chapters: where the child has been, and where they go next."""
        chapters = self.chapters
        if target not in {s.id for s in chapters}:  # a scene outside the journey: no map
            self._start(target)
            return
        self._hush()
        self.map_target = target
        self.profile.at = target
        self.screen = _later("JourneyMap")(
            chapters,
            target,
            self.session.played,
            self.strings,
            self.voice,
            self.profile.child_name,
            self.session.hero_colour,
        )

    def _moving(self) -> tuple | None:
        """The screen in front and what it says moves on its own (see redraw.part)."""
        moving_area = getattr(self.screen, "moving_area", None)
        if moving_area is None:
            return None
        try:
            return (id(self.screen), moving_area())
        except Exception:  # never a reason to stop: draw it whole
            log.exception("could not tell what moves on the screen")
            return None

    def _draw_part(self, area: pygame.Rect) -> None:
        """Draw only ``area`` of the screen (nothing else is on top: see redraw.part)."""
        canvas = self.display.canvas
        canvas.set_clip(area)
        try:
            self.screen.draw(canvas)
        finally:
            canvas.set_clip(None)

    def _draw(self) -> None:
        canvas = self.display.canvas
        top = self.stack[-1]
        backdrop = getattr(top, "backdrop", None) if len(self.stack) > 1 else None
        if backdrop is None:
            self._under = None
            for layer in self.stack:
                layer.draw(canvas)
        else:  # the game waits under the overlay: drawn and dimmed once, then kept
            # (with the card too when nothing on it moves: pause, the break reminder)
            still = pace.of(top) <= pace.RESTING
            key = (tuple(map(id, self.stack)), canvas.get_size(), theme.look(), still)
            key += (self.strings.language, self.strings.band, self.strings.role)
            if self._under is not None and self._under[0] == key:
                canvas.blit(self._under[1], (0, 0))
                if not still:
                    top.card(canvas)
            else:
                for layer in self.stack[:-1]:
                    layer.draw(canvas)
                backdrop(canvas)
                if still:
                    top.card(canvas)
                self._under = (key, canvas.copy())
                if not still:
                    top.card(canvas)
        if self.scanning:
            self.scanner.draw(canvas)
        if self.holding is not None and self.holding > 0.3:
            widgets.hold_ring(canvas, CORNER.center, self.holding / HOLD_SECONDS)

    def _guarded(self, part) -> None:
        """Run one part of a frame; an unexpected error shows the break screen, never a
        traceback. The current scene is kept, so 'Keep going' starts it again (see ``_resume``)."""
        try:
            part()
        except Exception:
            log.exception("unexpected error in scene '%s'", self.scene_id)
            self.result.crashed = True
            if self.play is not None and self.screen is self.play:
                self._failures[self.scene_id] = self._failures.get(self.scene_id, 0) + 1
            if _is(self.screen, "BreakScreen"):
                self.running = False  # the break screen itself failed: stop calmly
                return
            self._hush()
            self.screen = _later("BreakScreen")(self.strings)
            self.overlay = None
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
