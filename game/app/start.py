"""Putting the game together once the story is read: the same on the desktop and in the
browser (``game.cli`` and ``game.app.platform.browser.run``), whatever draws it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from game.profile.settings import Settings

if TYPE_CHECKING:
    from game.app.loop import App
    from game.app.platform.audio import Audio
    from game.app.platform.display import Display
    from game.app.platform.voice import Voice
    from game.cli import Loaded
    from game.profile.store import ProfileStore


def make_app(
    loaded: Loaded,
    display: Display,
    clock,
    *,
    voice: Voice | None,
    audio: Audio | None,
    data_dir: Path | None = None,
    effects: int | None = None,
    music: int | None = None,
    demo: bool = False,
    seed: int = 0,
    finish: str | None = None,
    stop_when_done: bool = False,
    show_map: bool = False,
    forgets: bool = False,
) -> App:
    """The game, with its profiles kept in ``data_dir`` (None: nothing is saved) and the
    settings a new child starts with; volumes are whole percent steps (None: the usual ones).
    ``forgets``: the folder will not outlast the session (a browser that cannot keep a site's
    data), so the grown-up is told at once, as when a disk cannot be written."""
    from game.app.loop import App
    from game.profile.store import ProfileStore

    strings = loaded.strings
    store = ProfileStore(data_dir, tuple(strings.languages)) if data_dir else None
    if store is not None and forgets:
        store.notice = "ui.save.off"
    defaults = Settings(
        language=strings.language,
        band=strings.band,
        role=strings.role,
        voice=voice is not None,
        **{k: v for k, v in (("effects", effects), ("music", music)) if v is not None},
    )
    if store is not None:
        _follow_language(store, defaults, strings.language if loaded.language_given else None)
    return App(
        loaded.scenes,
        loaded.first,
        display,
        clock,
        seed=seed,
        demo=demo,
        finish=finish,
        stop_when_done=stop_when_done,
        show_map=show_map,
        audio=audio,
        library=loaded.library,
        strings=strings,
        voice=voice,
        store=store,
        defaults=defaults,
    )


def _follow_language(store: ProfileStore, defaults: Settings, given: str | None) -> None:
    """'Who is playing?' opens in the language the game will play in, and a new child starts
    in it: the language the last child played in on this device (kept in device.json), from
    one session to the next and from one launch to the next. A language given on the command
    line or in the page's address (``given``) wins at launch."""
    store.follow_language(defaults)
    if given is not None:
        defaults.language = given
