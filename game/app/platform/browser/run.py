"""The game in the browser: what the page (site/index.html) runs once Pyodide has started.

The page has unpacked the game into Pyodide's files, mounted the browser's own storage as the
data folder, loaded the fonts and pictures, and hands over ``tch`` (site/bridge.js). From here
on it is the desktop game: the same story, screens, narration, voices, profiles and grown-up
corner, drawn through :mod:`game.app.platform.browser.canvas` and paced by the page's frames.
"""

from __future__ import annotations

import logging
import pickle
import random
import time
from pathlib import Path

from game.app.platform.browser import canvas

log = logging.getLogger(__name__)

#: The story (scenes, word book, languages) as the build read and checked it.
STORY = Path("/app/story.pickle")
#: Where the page mounts the browser's storage (IndexedDB) for profiles and records.
DATA = Path("/data")


class PageClock:
    """Real time between frames, never waiting: the page calls for a frame at its own pace."""

    def __init__(self) -> None:
        self.last = time.perf_counter()

    def tick(self, interval: float):
        now = time.perf_counter()
        elapsed, self.last = now - self.last, now
        return elapsed, canvas.event.get()


async def main(page, options) -> dict:
    """Play until the game ends. ``options`` come from the page's address: ``lang`` and
    ``band`` to start with; ``demo=1``: the bot plays the whole journey as fast as it can;
    ``storage=lost``: the browser's storage could not be opened (the grown-up is told);
    ``frames=N``: play N steps and stop, for a picture to compare with the desktop's, of
    ``scene`` (the bot playing it) or, with ``map=1``, of the journey map; ``cells=N``
    (``bench --web``): the bot hunts among N cells in real time for ``seconds``, and the
    result says how many frames a second the page showed."""
    # Python may have started from the build's snapshot (game/web.py), whose random state
    # would then be every tablet's: draw a fresh one.
    random.seed()
    from game import collector

    collector.hold()  # until the first screen is up: see game/collector.py
    canvas.install(page)
    options = dict(options)
    from game import logs
    from game.app import pace
    from game.app.grownup import files
    from game.app.loop import STEP, StepClock
    from game.app.platform.audio import Audio
    from game.app.platform.display import LOGICAL, Display
    from game.app.platform.voice import Voice
    from game.app.start import make_app
    from game.cli import CHAPTER_FRAMES, _load
    from game.script.catalog import journey
    from game.script.strings import DEFAULT_BAND, DEFAULT_ROLE

    page.mark("imported")
    logs.setup_logging(DATA)
    demo = options.get("demo") == "1"
    picture = options.get("frames") is not None
    crowd = int(options["cells"]) if options.get("cells") else None
    scene = "hunt" if crowd else options.get("scene") or None
    language, band = options.get("lang") or None, options.get("band") or DEFAULT_BAND
    shipped = STORY.is_file()  # read at build time (game/web.py): nothing to read here
    loaded = _load(
        scene,
        language,
        band,
        DEFAULT_ROLE,
        None if shipped else DATA / "cache",
        (lambda: pickle.loads(STORY.read_bytes())) if shipped else None,
    )
    page.mark("story")
    if loaded is None:
        return {"ok": False, "error": "the story could not be read"}
    if crowd:
        from game.bench import crowded_hunt

        loaded.scenes["hunt"] = crowded_hunt(loaded.scenes, crowd)
    chapters = [loaded.first] if scene else journey(loaded.scenes, loaded.first)
    frames = int(options["frames"]) if picture else None
    if demo and frames is None:
        frames = CHAPTER_FRAMES * len(chapters)
    quick = demo or picture

    class PageVoice(Voice):
        """The voice, with each line also written where a screen reader reads it."""

        def speak(self, line_id: str):
            page.say(self.strings.get(line_id))
            return super().speak(line_id)

    def download(path: Path) -> None:
        from pyodide.ffi import to_js

        page.download(path.name, to_js(path.read_bytes()))

    files.on_saved = download
    audio = None if picture else Audio(0.8, 0.4)
    app = make_app(
        loaded,
        Display(LOGICAL),
        StepClock() if quick else PageClock(),
        voice=None if picture else PageVoice(loaded.strings),  # a picture: as the desktop's
        audio=audio,
        data_dir=None if picture or crowd else DATA,
        demo=demo or bool(crowd) or (picture and options.get("map") != "1"),
        finish=chapters[-1],
        stop_when_done=demo,
        show_map=not (picture or crowd) or options.get("map") == "1",
        forgets=options.get("storage") == "lost",
    )
    if audio is not None:
        audio.start_music()

    told, showing = False, ""
    seconds = float(options.get("seconds") or 8)
    turns, python, back = 0, 0.0, 0.0

    async def turn() -> None:
        nonlocal told, showing, turns, python, back
        now = time.perf_counter()
        shown = type(app.overlay or app.screen).__name__
        if shown != showing:  # what is in front, for the page's tests
            showing = shown
            page.showing(shown)
        if back:
            turns, python = turns + 1, python + now - back
        if not told and app.first_frame_at is not None:
            told = True
            page.first_frame()
        if crowd and now - started >= seconds:
            app.running = False
        if quick:
            await page.turn()
        elif app.pace < pace.MOVING:  # calm: fewer frames, woken at once by a tap
            await page.calm(max(0, 1000 / app.pace - 1000 / pace.MOVING))
        else:
            await page.next_frame()
        back = time.perf_counter()

    started = time.perf_counter()
    result = await app.run(frames, turn, budget=3 * STEP if quick else 0.0)
    elapsed = time.perf_counter() - started
    from game.app.demo_report import chapters_played

    return {
        "ok": not result.crashed,
        "goals_reached": result.goals_reached,
        "frames": result.frames,
        "seconds": round(elapsed, 1),
        "played": chapters_played(app),
        "fps": round(turns / elapsed, 1),
        "python_ms": round(1000 * python / max(1, turns), 2),
    }
