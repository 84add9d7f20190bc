"""Faults a clinic can throw at the game: broken or missing files, no sound card, the window
losing focus, the window made tiny or huge. Each time the game falls back (a plain background,
the default font, silence, text only), says so once in the log, and plays on."""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path

import pygame
import pytest

from game import resources
from game.app import art, text, widgets
from game.app.audio import MUSIC, Audio
from game.app.loop import App, StepClock
from game.app.notice import Notice
from game.app.play import PAUSE
from game.app.voice import Voice
from game.script.catalog import load_all
from game.script.texts import build_strings, load_library

GARBAGE = b"\x00\x13 this is not what the name says it is \xff" * 40


def _forget_loaded_files() -> None:
    """Drop every picture and font made from files, so the next ones are loaded again."""
    for cached in (art.background, text.font, widgets.fitted, widgets._words):
        cached.cache_clear()
    text._told.clear()


@pytest.fixture
def broken_assets(tmp_path, monkeypatch):
    """An assets folder where every kind of file is broken or missing: one font is garbage and
    the other gone, the hunt's background is garbage, one sound is garbage and the rest gone,
    no music, no voice files."""
    assets = tmp_path / "assets"
    for folder in ("fonts", "backgrounds", "sounds", "voice"):
        (assets / folder).mkdir(parents=True)
    (assets / "fonts" / text.FONT_FILES["regular"]).write_bytes(GARBAGE)
    (assets / "backgrounds" / "bloodstream.svg").write_bytes(GARBAGE)
    (assets / "sounds" / "click.ogg").write_bytes(GARBAGE)
    scenes = load_all()  # checked against the real files first, as at start-up
    monkeypatch.setattr(resources, "assets_dir", lambda: assets)
    _forget_loaded_files()
    yield scenes
    _forget_loaded_files()


def _warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]


def _hunt(display, scenes, strings=None, **options) -> App:
    """The hunt, played by the demo bot (the words built from the scenes unless given)."""
    strings = strings or build_strings(scenes, load_library())
    return App(scenes, "hunt", display, StepClock(), demo=True, strings=strings, **options)


def test_broken_and_missing_files_fall_back_are_logged_once_and_the_hunt_goes_on(
    display, broken_assets, caplog
):
    scenes = broken_assets
    strings = build_strings(scenes, load_library())
    pygame.mixer.quit()
    audio = Audio()
    voice = Voice(strings)
    app = App(
        scenes,
        "hunt",
        display,
        StepClock(),
        demo=True,
        stop_when_done=True,
        strings=strings,
        audio=audio,
        voice=voice,
    )
    assert audio.start_music() is False
    result = asyncio.run(app.run(3600))
    assert result.goals_reached and not result.crashed

    warnings = _warnings(caplog)
    told = Counter(warnings)
    assert told and max(told.values()) == 1, told  # each fault is said once, not every frame
    for name in (*text.FONT_FILES.values(), "bloodstream.svg", "click.ogg", Path(MUSIC).name):
        assert sum(name in w for w in warnings) == 1, name
    assert any("voice" in w for w in warnings)  # no voice files: text only
    # The fallbacks are real: a plain background, and words still drawn in the default font.
    assert art.background("backgrounds/bloodstream.svg").get_at((5, 400))[:3] == (251, 233, 226)
    assert text.font(30).size("Hello")[0] > 0
    pygame.mixer.quit()


def test_a_file_missing_at_start_up_is_a_located_error_not_a_window(tmp_path, monkeypatch):
    """The other way round: a scene naming a background that is not there is refused before
    any window opens (the loader checks every file it names)."""
    from conftest import problems_in

    found = problems_in(
        """\
        version: 1
        id: mini
        title: A small hunt
        activity: hunt
        background: backgrounds/nowhere.svg
        actors:
          - {id: hero, kind: t_cell, player: yes, car: cd19}
        """
    )
    assert any("nowhere.svg" in p.message and p.where.line == 5 for p in found)


def test_with_no_audio_device_the_game_plays_silently_with_words_on_screen(
    display, monkeypatch, caplog
):
    pygame.mixer.quit()

    def no_device(*args, **kwargs):
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "init", no_device)
    scenes = load_all()
    strings = build_strings(scenes, load_library())
    app = _hunt(display, scenes, strings, stop_when_done=True, audio=Audio(), voice=Voice(strings))
    result = asyncio.run(app.run(3600))
    assert result.goals_reached and not result.crashed
    assert app.play is not None and app.play.narrator.history  # the lines were shown
    warnings = _warnings(caplog)
    assert sum("no sound" in w for w in warnings) == 1
    assert sum("no voice" in w for w in warnings) == 1


FOCUS_EVENTS = (
    pygame.WINDOWFOCUSLOST,
    pygame.WINDOWHIDDEN,
    pygame.WINDOWMINIMIZED,
    pygame.WINDOWRESTORED,
    pygame.WINDOWSHOWN,
    pygame.WINDOWFOCUSGAINED,
)


def test_losing_and_regaining_focus_lets_go_of_held_keys_and_play_goes_on(display):
    app = _hunt(display, load_all())
    asyncio.run(app.run(10))
    assert app.play is not None
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RIGHT, mod=0))
    asyncio.run(app.run(app.result.frames + 5))
    assert app.play.rules.steering == (1.0, 0.0)
    # Focus goes to another window while the key is down: its key-up never comes.
    pygame.event.post(pygame.event.Event(pygame.WINDOWFOCUSLOST))
    asyncio.run(app.run(app.result.frames + 1))
    assert app.play.rules.steering == (0.0, 0.0)  # the T cell does not swim off on its own
    for kind in FOCUS_EVENTS:
        pygame.event.post(pygame.event.Event(kind))
        asyncio.run(app.run(app.result.frames + 30))
    app.stop_when_done = True
    result = asyncio.run(app.run(3600))
    assert result.goals_reached and not result.crashed


def _resize(app: App, size: tuple[int, int]) -> None:
    pygame.display.set_mode(size, pygame.RESIZABLE)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))
    asyncio.run(app.run(app.result.frames + 1))
    assert app.display.window.get_size() == size


def test_a_tiny_then_a_huge_window_keep_the_game_running_and_taps_land(display):
    app = _hunt(display, load_all())
    asyncio.run(app.run(30))
    for tiny in ((1, 1), (160, 100), (90, 600)):
        _resize(app, tiny)
        asyncio.run(app.run(app.result.frames + 30))
        assert not app.result.crashed
    _resize(app, (3840, 2400))
    asyncio.run(app.run(app.result.frames + 10))
    # A tap on Pause, in the huge window's pixels, lands on Pause.
    app.demo = False
    x, y = (round(v) for v in app.display.to_window(*PAUSE.center))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x, y), button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(x, y), button=1))
    asyncio.run(app.run(app.result.frames + 2))
    assert isinstance(app.overlay, Notice)
    shown = app.display.window.get_at(app.display.area.center)
    assert shown[:3] != (0, 0, 0)  # the canvas is drawn into the big window
    app.overlay = None
    _resize(app, (1280, 800))
    app.demo, app.stop_when_done = True, True
    result = asyncio.run(app.run(app.result.frames + 3600))
    assert result.goals_reached and not result.crashed
