"""Faults a clinic can throw at the game: broken or missing files, no sound card, the window
losing focus, the window made tiny or huge. Each time the game falls back (a plain background,
the default font, silence, text only), says so once in the log, and plays on."""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pygame
import pytest

from conftest import ROOT
from game import resources
from game.app.loop import App, StepClock
from game.app.platform import sdl
from game.app.platform.audio import MUSIC, Audio
from game.app.platform.voice import Voice
from game.app.screens.journey_map import JourneyMap
from game.app.screens.notice import Notice
from game.app.screens.play import PAUSE
from game.app.ui import art, text, widgets
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


# No screen, no sound card: said plainly, before anything else -------------------------------
def _bare(tmp_path: Path, **extra: str) -> dict[str, str]:
    """An environment as bare as a login with no desktop: a PATH, a home and a data folder."""
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)}
    if "SYSTEMROOT" in os.environ:  # Windows cannot start Python without it
        env["SYSTEMROOT"] = os.environ["SYSTEMROOT"]
    return {**env, "T_CELL_HERO_DATA_DIR": str(tmp_path / "data"), **extra}


def _launch(tmp_path: Path, *args: str, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=_bare(tmp_path, **extra),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.mark.skipif(
    not sys.platform.startswith(sdl.NEEDS_A_DISPLAY),
    reason="only Linux and the BSDs need DISPLAY or WAYLAND_DISPLAY to show a window",
)
def test_with_no_display_the_game_says_what_is_missing_in_one_line_and_stops(tmp_path):
    done = _launch(tmp_path, "main.py")
    assert done.returncode == 1 and done.stdout == ""
    said = done.stderr.strip().splitlines()
    assert len(said) == 1, done.stderr
    assert "DISPLAY" in said[0] and "`python -m game demo --headless`" in said[0]
    # ... and what it suggests does run without a screen.
    demo = _launch(tmp_path, "-m", "game", "demo", "--headless", "--scene", "hunt", "--frames", "5")
    assert demo.stdout.startswith("demo: goals not reached") and demo.stderr == ""


def test_when_sdl_falls_back_to_drawing_off_screen_the_game_stops_unless_asked(monkeypatch):
    monkeypatch.delenv("SDL_VIDEODRIVER")
    monkeypatch.setenv("DISPLAY", ":0")  # set, but nothing answers there
    monkeypatch.setattr(sdl.pygame.display, "init", lambda: None)
    monkeypatch.setattr(sdl.pygame.display, "quit", lambda: None)
    monkeypatch.setattr(sdl.pygame.display, "get_driver", lambda: "offscreen")
    said = sdl.start_video()
    assert said is not None and "'offscreen'" in said
    monkeypatch.setenv("SDL_VIDEODRIVER", "offscreen")  # asked for: the user knows best
    assert sdl.start_video() is None


def test_what_alsa_prints_while_the_sound_device_fails_goes_to_the_log_not_the_terminal(
    monkeypatch, capfd, caplog
):
    pygame.mixer.quit()

    def alsa_without_a_card(*args, **kwargs):
        os.write(2, b"ALSA lib confmisc.c:855:(parse_card) cannot find card '0'\n" * 8)
        raise pygame.error("ALSA: Couldn't open audio device")

    monkeypatch.setattr(pygame.mixer, "init", alsa_without_a_card)
    caplog.set_level(logging.DEBUG, logger="game.app.platform.sdl")
    assert sdl.open_mixer() == "ALSA: Couldn't open audio device"
    assert capfd.readouterr().err == ""
    noise = [r for r in caplog.records if "cannot find card" in r.getMessage()]
    assert len(noise) == 1 and noise[0].levelname == "DEBUG"


@pytest.mark.parametrize("driver", ["no-such-driver", "alsa"])
def test_a_sound_driver_that_fails_is_one_line_in_the_log_and_nothing_on_the_terminal(
    tmp_path, driver
):
    """'alsa' fails here without a sound card (and prints a dozen lines, unless quieted);
    with a card it works, and then there is nothing to say at all."""
    done = _launch(
        tmp_path, "main.py", "--first-frame", SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER=driver
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    log = (tmp_path / "data" / "t-cell-hero.log").read_text(encoding="utf-8")
    said = [line for line in log.splitlines() if "sound" in line]
    assert len(said) == 1 or (driver == "alsa" and not said), log
    assert all("no sound" in line for line in said)


def test_with_no_sound_device_the_grown_up_is_told_once_and_the_map_says_no_sound(
    display, monkeypatch
):
    pygame.mixer.quit()

    def no_device(*args, **kwargs):
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "init", no_device)
    scenes = load_all()
    strings = build_strings(scenes, load_library())
    voice = Voice(strings)
    assert not voice.available and voice.speak("meet.title") is None  # words only
    app = App(scenes, "meet", display, StepClock(), show_map=True, audio=Audio(), voice=voice)
    assert isinstance(app.overlay, Notice) and app.overlay.note == "ui.sound.none"
    assert isinstance(app.screen, JourneyMap)
    assert "voice" not in [b.name for b in app.screen.buttons()]  # nothing to switch on
    drawn: list[str] = []
    real_fitted = widgets.fitted
    monkeypatch.setattr(
        widgets, "fitted", lambda words, *a: drawn.append(words) or real_fitted(words, *a)
    )
    app.screen.draw(display.canvas)
    assert "No sound" in drawn and "Voice on" not in drawn and "Voice off" not in drawn


def test_the_no_sound_note_comes_first_and_a_note_about_saving_follows_it(
    display, monkeypatch, tmp_path
):
    from game.profile.store import ProfileStore

    blocked = tmp_path / "a-file"
    blocked.write_text("in the way")
    store = ProfileStore(blocked / "data", ("en", "es"))  # cannot save: it has a note too
    scenes = load_all()
    app = App(
        scenes, "meet", display, StepClock(), show_map=True, store=store, audio=Audio(device=False)
    )
    assert isinstance(app.overlay, Notice) and app.overlay.note == "ui.sound.none"
    app.overlay.closed = True
    asyncio.run(app.run(1))
    assert isinstance(app.overlay, Notice) and app.overlay.note == "ui.save.off"
