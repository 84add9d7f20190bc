"""A long soak: 20,000 frames of random taps, drags and keys through every scene (a fixed seed,
so a failure plays again the same way), with profiles saved on the way. No exception may reach
the loop, and the memory must level off, not keep growing."""

from __future__ import annotations

import random
import sys

import pygame
import pytest

from game.app.loop import App, StepClock
from game.profile.store import ProfileStore
from game.script.catalog import journey, load_all

FRAMES = 20_000
SEED = 20261121
#: The memory may grow this much after the first pass through every scene (caches filling up,
#: like a word rendered for the first time), and no more.
GROWTH_MB = 40
KEYS = (
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_SPACE,
    pygame.K_RETURN,
    pygame.K_a,
    pygame.K_BACKSPACE,
)


def resident_mb() -> float | None:
    """The memory this process holds now (Linux), else its peak so far, else None."""
    try:
        with open("/proc/self/statm") as statm:
            import os

            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        pass
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (2**20 if sys.platform == "darwin" else 2**10)


class Fidget:
    """A restless finger and a keyboard: taps, drags, stray keys, now and then the grown-up's
    and the language's shortcuts. Never a quit."""

    def __init__(self, rng: random.Random, display) -> None:
        self.rng = rng
        self.display = display
        self.down: tuple[float, float] | None = None
        self.finger = False

    def events(self) -> list[pygame.event.Event]:
        rng, found = self.rng, []
        if self.down is not None:
            if rng.random() < 0.08:
                found.append(self._pointer("up", *self.down))
                self.down = None
            else:
                x = min(1279.0, max(0.0, self.down[0] + rng.uniform(-40, 40)))
                y = min(799.0, max(0.0, self.down[1] + rng.uniform(-40, 40)))
                self.down = (x, y)
                found.append(self._pointer("move", x, y))
        elif rng.random() < 0.08:
            self.finger = rng.random() < 0.5
            self.down = (rng.uniform(0, 1279), rng.uniform(0, 799))
            found.append(self._pointer("down", *self.down))
        if rng.random() < 0.02:
            key = rng.choice(KEYS)
            found.append(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0))
            found.append(pygame.event.Event(pygame.KEYUP, key=key, mod=0))
        if rng.random() < 0.0015:  # the grown-up's controls, or the next language
            key = rng.choice((pygame.K_f, pygame.K_l))
            found.append(pygame.event.Event(pygame.KEYDOWN, key=key, mod=pygame.KMOD_CTRL))
        return found

    def _pointer(self, what: str, x: float, y: float) -> pygame.event.Event:
        wx, wy = self.display.to_window(x, y)
        if self.finger:
            width, height = self.display.window.get_size()
            kind = {"down": pygame.FINGERDOWN, "move": pygame.FINGERMOTION, "up": pygame.FINGERUP}
            return pygame.event.Event(
                kind[what],
                touch_id=1,
                finger_id=0,
                x=wx / width,
                y=wy / height,
                dx=0.0,
                dy=0.0,
                pressure=1.0,
            )
        pos = (round(wx), round(wy))
        if what == "move":
            return pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(1, 0, 0))
        kind = pygame.MOUSEBUTTONDOWN if what == "down" else pygame.MOUSEBUTTONUP
        return pygame.event.Event(kind, pos=pos, button=1)


@pytest.mark.slow
def test_twenty_thousand_frames_of_random_input_through_every_scene(display, tmp_path):
    scenes = load_all()
    order = journey(scenes)
    order += sorted(set(scenes) - set(order))
    store = ProfileStore(tmp_path, ("en", "es"))
    app = App(scenes, order[0], display, StepClock(), show_map=True, store=store)
    fidget = Fidget(random.Random(SEED), display)
    for _step in ("colour", "who is getting CAR T cells", "how old"):  # a new child: three taps
        x, y = app.screen.tiles()[0].rect.center
        for what in ("down", "up"):
            pygame.event.post(fidget._pointer(what, x, y))
        app.frame()
    assert app.profile.id != "guest"
    each = FRAMES // len(order)
    visited, baseline = [], None
    for round_ in range(2):
        for scene_id in order:
            app.overlay = None
            app._start(scene_id)  # as the grown-up's 'play this chapter' does
            visited.append(scene_id)
            for _ in range(each // 2):
                for event in fidget.events():
                    pygame.event.post(event)
                app.frame()
                assert app.running, "only a quit stops the game"
        if round_ == 0:
            baseline = resident_mb()
    assert app.result.frames >= FRAMES - len(order)
    assert not app.result.crashed, "an exception reached the loop; see the log"
    assert set(visited) == set(scenes)
    app._autosave()
    # The restless finger may open the grown-up's panel and make another child; every save
    # still reads back whole, and none had to be set aside.
    saved = [p.id for p in ProfileStore(tmp_path, ("en", "es")).load()]
    assert app.profile.id in saved
    assert not list(tmp_path.rglob("*set-aside*"))
    now = resident_mb()
    if baseline is not None and now is not None:
        assert now - baseline < GROWTH_MB, f"memory grew from {baseline:.0f} to {now:.0f} MB"
