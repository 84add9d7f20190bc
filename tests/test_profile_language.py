"""'Who is playing?' opens in the language the game will play in: the language the last child
played in on this device, or the one given with --lang (a play-test: a Spanish-speaking child
found the first screen in English, the language the game had been started in, every time)."""

from __future__ import annotations

import asyncio
import json

import pygame
import pytest

from game.app.screens.profiles_screen import ProfilesScreen
from game.script.catalog import load_all
from game.script.texts import build_strings, load_library


@pytest.fixture(scope="module")
def scenes():
    return load_all()


def launch(scenes, display, folder, lang: str | None = None):
    """The game as ``play`` starts it (make_app), with its profiles in ``folder``; ``lang``
    as given with --lang (None: no --lang)."""
    from game.app.loop import StepClock
    from game.app.start import make_app
    from game.cli import Loaded

    library = load_library()
    strings = build_strings(scenes, library)
    strings.set_language(lang or "en")
    loaded = Loaded(scenes, "meet", library, strings, language_given=lang is not None)
    app = make_app(loaded, display, StepClock(), voice=None, audio=None, data_dir=folder)
    run(app)
    return app


def run(app, frames: int = 1) -> None:
    asyncio.run(app.run(app.result.frames + frames))


def tap(app, x: float, y: float) -> None:
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        pygame.event.post(pygame.event.Event(kind, pos=(round(x), round(y)), button=1))
    run(app)


def new_child_playing_in(app, lang: str) -> None:
    """A new child (the first colour, 'Me!'), who then switches the language (Ctrl+L)."""
    screen = app.screen
    assert isinstance(screen, ProfilesScreen)
    if not screen.picking_colour:
        tap(app, *next(t for t in screen.tiles() if t.name == "new").rect.center)
    for prefix in ("colour:", "role:", "age:"):
        if isinstance(app.screen, ProfilesScreen):
            tiles = [t for t in app.screen.tiles() if t.name.startswith(prefix)]
            if tiles:
                tap(app, *tiles[0].rect.center)
    while app.strings.language != lang:
        key = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_l, mod=pygame.KMOD_LCTRL)
        pygame.event.post(key)
        run(app)
    run(app, 2)  # saved


def end_session(app) -> None:
    """The grown-up ends the session from their panel: 'who is playing?' comes back."""
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_f, mod=pygame.KMOD_LCTRL))
    run(app)
    for name in ("page:child", "switch_child"):
        button = next(b for b in app.front.buttons() if b.name == name)
        tap(app, *button.rect.center)


def test_who_is_playing_comes_back_in_the_language_the_last_child_played_in(
    scenes, display, tmp_path
):
    app = launch(scenes, display, tmp_path)
    new_child_playing_in(app, "es")
    end_session(app)
    assert isinstance(app.screen, ProfilesScreen)
    assert app.strings.language == "es"
    assert app.screen.tiles()[0].label == app.strings.text_in("es", "ui.profiles.new")


def test_the_next_launch_opens_in_the_language_the_last_child_played_in(scenes, display, tmp_path):
    new_child_playing_in(launch(scenes, display, tmp_path), "es")
    assert json.loads((tmp_path / "device.json").read_text())["language"] == "es"
    app = launch(scenes, display, tmp_path)  # started as 'play' is, with no --lang
    assert isinstance(app.screen, ProfilesScreen) and app.strings.language == "es"
    # A new child starts in it too: the language they saw the question in.
    new_child_playing_in(app, "es")
    assert app.profile.settings.language == "es"


def test_a_language_given_at_launch_comes_first(scenes, display, tmp_path):
    new_child_playing_in(launch(scenes, display, tmp_path), "en")
    app = launch(scenes, display, tmp_path, lang="es")  # --lang es
    assert isinstance(app.screen, ProfilesScreen) and app.strings.language == "es"


def test_english_given_at_launch_comes_first_too(scenes, display, tmp_path):
    new_child_playing_in(launch(scenes, display, tmp_path), "es")
    app = launch(scenes, display, tmp_path, lang="en")  # --lang en
    assert isinstance(app.screen, ProfilesScreen) and app.strings.language == "en"


def test_the_command_line_tells_a_language_given_from_none(capsys):
    from game.cli import _load

    assert _load(None).language_given is False and _load(None).strings.language == "en"
    assert _load(None, "en").language_given is True


def test_the_grown_ups_language_and_the_last_childs_are_kept_apart(tmp_path):
    from game.profile.device import DeviceSettings
    from game.profile.profile import Profile
    from game.profile.store import ProfileStore

    store = ProfileStore(tmp_path, ("en", "es"))
    child = Profile("child-1")
    child.settings.language = "es"
    store.save(child)
    store.save_device(DeviceSettings(grownup_language="en"))  # read before the child played
    kept = ProfileStore(tmp_path, ("en", "es")).load_device()
    assert (kept.grownup_language, kept.language) == ("en", "es")
    (tmp_path / "device.json").write_text('{"language": "fr"}')  # a language it does not have
    assert ProfileStore(tmp_path, ("en", "es")).load_device().language is None
