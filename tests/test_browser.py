"""The browser build (issue 20): its pygame subset against pygame-ce, and the whole game played
in headless Chromium from `python -m game web`, served on 127.0.0.1.

The Chromium test needs node, Debian's chromium-headless-shell and tests/browser's npm packages
(`npm ci --prefix tests/browser`); .ci/run installs them and sets T_CELL_HERO_BROWSER=required,
so there a missing tool fails instead of skipping."""

from __future__ import annotations

import ast
import contextlib
import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pygame
import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.app.platform.browser import canvas
from game.app.platform.browser.rect import Rect

ROOT = Path(__file__).resolve().parent.parent
GAME = ROOT / "game"
BROWSER_TESTS = ROOT / "tests" / "browser"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium-headless-shell")


# the subset ---------------------------------------------------------------------------------
def _pygame_names(path: Path) -> set[str]:
    """Every ``pygame.a``, ``pygame.a.b`` (and deeper: ``pygame.mixer.music.load``) a file reads."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute):
            chain = []
            while isinstance(node, ast.Attribute):
                chain.append(node.attr)
                node = node.value
            if isinstance(node, ast.Name) and node.id == "pygame":
                names.add(".".join(reversed(chain)))
    return names


def test_the_browser_back_end_has_everything_the_game_draws_with():
    """Every pygame name the screens, views, ui and platform use (all but the desktop-only
    tools: the live preview and SDL's own set-up) exists in the browser's back end, so a new
    call to pygame cannot quietly break the browser build."""
    desktop_only = {"preview.py", "sdl.py"}
    files = [
        p
        for p in (GAME / "app").rglob("*.py")
        if "browser" not in p.parts and p.name not in desktop_only
    ]
    used = set().union(*(_pygame_names(p) for p in files))
    assert {"Surface", "draw.circle", "mixer.music.load", "event.post"} <= used  # the scan works
    missing = []
    for name in sorted(used):
        where = canvas
        for part in name.split("."):
            where = getattr(where, part, None)
        if where is None and not name.startswith("__"):
            missing.append(name)
    assert missing == []


def test_the_back_end_has_every_method_the_game_calls_on_pygames_objects():
    """Surfaces, fonts, sounds, channels and the music: each method the game calls that
    pygame's object has, the browser's has too. (A few names are also methods of other things
    the game calls: text.width(), font.size(), a Rect's copy(), a Sound's set_volume().)"""
    called = set()
    for path in (GAME / "app").rglob("*.py"):
        if "browser" in path.parts or path.name in ("preview.py", "sdl.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                called.add(node.func.attr)
    others = {"width", "size", "name", "copy", "set_volume"}
    pairs = (
        (pygame.Surface, canvas.Surface),
        (pygame.font.Font, canvas.Font),
        (pygame.mixer.Sound, canvas.Sound),
        (pygame.mixer.Channel, canvas.Channel),
        (pygame.mixer.music, canvas.mixer.music),
    )
    checked = set()
    for theirs, mine in pairs:
        used = {n for n in called & set(dir(theirs)) if not n.startswith("_")}
        checked |= used
        assert [n for n in sorted(used - others) if not hasattr(mine, n)] == [], theirs
    assert {"blit", "fill", "render", "get_length", "play", "load"} <= checked  # the scan works


def test_the_back_end_numbers_are_pygames():
    """Event types, keys and flags mean the same on both back ends (intents.py compares them)."""
    constants = [n for n in dir(canvas) if n.isupper() and hasattr(pygame, n)]
    assert len(constants) > 30
    assert [n for n in constants if getattr(canvas, n) != getattr(pygame, n)] == []


# Rect ---------------------------------------------------------------------------------------
small = st.integers(-50, 50)
sizes = st.integers(0, 40)
rects = st.tuples(small, small, sizes, sizes)
POINTS = ("center", "topleft", "topright", "bottomleft", "bottomright", "midtop", "midbottom")
POINTS += ("midleft", "midright", "size")


@given(rects, rects, small, small)
def test_rect_behaves_as_pygames(a, b, dx, dy):
    mine, theirs = Rect(a), pygame.Rect(a)
    other_mine, other_theirs = Rect(b), pygame.Rect(b)
    for name in POINTS:
        assert getattr(mine, name) == tuple(getattr(theirs, name)), name
    for name in ("left", "right", "top", "bottom", "centerx", "centery"):
        assert getattr(mine, name) == getattr(theirs, name), name
    assert tuple(mine.move(dx, dy)) == tuple(theirs.move(dx, dy))
    assert tuple(mine.inflate(dx, dy)) == tuple(theirs.inflate(dx, dy))
    assert tuple(mine.clip(other_mine)) == tuple(theirs.clip(other_theirs))
    assert tuple(mine.union(other_mine)) == tuple(theirs.union(other_theirs))
    assert tuple(mine.clamp(other_mine)) == tuple(theirs.clamp(other_theirs))
    assert mine.colliderect(other_mine) == theirs.colliderect(other_theirs)
    assert mine.contains(other_mine) == theirs.contains(other_theirs)
    assert mine.collidepoint(dx, dy) == theirs.collidepoint(dx, dy)
    assert bool(mine) == bool(theirs)
    for name in POINTS:
        moved_mine, moved_theirs = Rect(a), pygame.Rect(a)
        setattr(moved_mine, name, (dx, dy))
        setattr(moved_theirs, name, (dx, dy))
        assert tuple(moved_mine) == tuple(moved_theirs), name


# the back end with a page that only records ----------------------------------------------------
class Page:
    """Stands in for bridge.js: every call is noted; surfaces get numbers."""

    def __init__(self):
        self.calls: list[tuple] = []
        self.queue: list = []
        self.made = 0

    def __getattr__(self, name):
        def call(*args):
            self.calls.append((name, *args))
            if name in ("surface", "copy", "text", "scale", "rotate", "picture"):
                self.made += 1
                return self.made
            if name == "metrics":
                return 20 * 65536 + 6
            if name == "measure":
                return 10.2 * len(args[1])
            if name == "waiting":
                return len(self.queue)
            if name == "events":
                out, self.queue = json.dumps(self.queue), []
                return out
            return 0

        return call


@pytest.fixture
def page(monkeypatch):
    fake = Page()
    monkeypatch.setattr(canvas, "_js", fake)
    monkeypatch.setattr(canvas, "_stage", None)
    canvas._posted.clear()
    return fake


def test_a_blit_from_part_of_a_picture_lands_where_pygame_puts_it(page):
    target, source = canvas.Surface((100, 80)), canvas.Surface((30, 20), canvas.SRCALPHA)
    shown = target.blit(source, (90, 5), (-5, 10, 20, 20))
    blit = next(c for c in page.calls if c[0] == "blit")
    # the area's part outside the picture is left out, and the rest moves over with it
    assert blit[3:9] == (95, 5, 0, 10, 15, 10)
    theirs = pygame.Surface((100, 80)).blit(pygame.Surface((30, 20)), (90, 5), (-5, 10, 20, 20))
    assert tuple(shown) == tuple(theirs)


def test_fill_replaces_on_a_see_through_picture_and_ignores_alpha_on_an_opaque_one(page):
    canvas.Surface((10, 10), canvas.SRCALPHA).fill((1, 2, 3, 128))
    canvas.Surface((10, 10)).fill((1, 2, 3, 128))
    fills = [c for c in page.calls if c[0] == "fill"]
    assert fills[0][2] == "rgba(1,2,3,0.502)" and fills[0][-1] is False
    assert fills[1][2] == "rgba(1,2,3,1)" and fills[1][-1] is True


def test_a_see_through_colour_cuts_a_see_through_picture_as_pygame_does(page):
    """pygame's shapes replace pixels (the moon's crescent is cut with a clear colour); the
    page is told to, only where it matters."""
    moon = canvas.Surface((40, 40), canvas.SRCALPHA)
    canvas.draw.circle(moon, (250, 220, 90), (20, 20), 18)
    canvas.draw.circle(moon, (0, 0, 0, 0), (28, 16), 15)
    canvas.draw.circle(canvas.Surface((40, 40)), (0, 0, 0, 0), (28, 16), 15)
    circles = [c for c in page.calls if c[0] == "circle"]
    assert [c[-1] for c in circles] == [False, True, False]


def test_text_is_measured_once_and_drawn_at_its_size(page):
    face = canvas.Font(None, 30)
    assert face.size("Hi") == (21, 26) and face.get_height() == 26
    face.size("Hi")
    assert [c[0] for c in page.calls].count("measure") == 1
    words = face.render("Hi", True, (0, 0, 0))
    assert words.get_size() == (21, 26)


def test_the_pages_input_becomes_pygames_events(page):
    page.queue = [
        ["finger", "down", 3, 0.5, 0.25],
        ["mouse", "down", 10, 20, 1],
        ["mouse", "move", 12, 22, 0],
        ["mouse", "up", 12, 22, 1],
        ["key", "down", "Enter", False],
        ["key", "down", "l", True],
        ["text", "é"],
        ["blur"],
    ]
    events = canvas.event.get()
    assert [e.type for e in events] == [
        pygame.FINGERDOWN,
        pygame.MOUSEBUTTONDOWN,
        pygame.MOUSEMOTION,
        pygame.MOUSEBUTTONUP,
        pygame.KEYDOWN,
        pygame.KEYDOWN,
        pygame.TEXTINPUT,
        pygame.WINDOWFOCUSLOST,
    ]
    assert (events[0].x, events[0].y, events[0].finger_id) == (0.5, 0.25, 3)
    assert events[2].buttons == (1, 0, 0)  # moved while pressed: a drag
    assert events[4].key == pygame.K_RETURN
    assert events[5].key == pygame.K_l and events[5].mod & pygame.KMOD_CTRL
    assert events[6].text == "é"
    assert canvas.event.get() == []


def test_a_made_up_finger_goes_through_the_page_and_its_mouse_copy_is_dropped(page):
    """The demo bot's taps reach the game as a child's do: as pointer events on the page."""
    canvas.event.post(canvas.event.Event(pygame.FINGERDOWN, x=0.5, y=0.25, finger_id=0))
    canvas.event.post(
        canvas.event.Event(pygame.MOUSEBUTTONDOWN, pos=(640, 200), button=1, touch=True)
    )
    canvas.event.post(canvas.event.Event(pygame.KEYDOWN, key=pygame.K_SPACE, mod=0))
    assert [c for c in page.calls if c[0] == "touch"] == [("touch", "down", 640.0, 200.0)]
    assert [e.type for e in canvas.event.get()] == [pygame.KEYDOWN]


def test_install_puts_the_back_end_where_pygame_was(page, monkeypatch):
    for name in ["pygame", *(f"pygame.{m}" for m in ("draw", "font", "image", "transform"))]:
        monkeypatch.delitem(sys.modules, name, raising=False)
    for name in ("mixer", "event", "display", "time"):
        monkeypatch.delitem(sys.modules, f"pygame.{name}", raising=False)
    canvas.install(page)
    import pygame as there

    assert there is canvas
    assert there.display.set_mode((1280, 800)).get_size() == (1280, 800)


# the whole game in headless Chromium ------------------------------------------------------------
def _tools_missing() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed"
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is not installed (apt-get install chromium-headless-shell)"
    if not (BROWSER_TESTS / "node_modules" / "puppeteer-core").is_dir():
        return "puppeteer-core is not installed (npm ci --prefix tests/browser)"
    return None


def _difference(first: Path, second: Path) -> float:
    """How far apart two pictures look: the mean difference of their colours, 0 to 255, with
    both made small (so smoothing and one-pixel shifts of text do not count)."""
    values = []
    for path in (first, second):
        picture = pygame.transform.smoothscale(pygame.image.load(str(path)), (160, 100))
        values.append(pygame.image.tobytes(picture, "RGB"))
    return sum(abs(a - b) for a, b in zip(*values, strict=True)) / len(values[0])


@pytest.mark.slow
def test_the_web_build_plays_the_whole_journey_in_a_browser(tmp_path):
    _need_the_browser()
    site = tmp_path / "web"
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    build = [sys.executable, "-m", "game", "web", str(site)]
    subprocess.run(build, check=True, cwd=ROOT, env=env, capture_output=True, timeout=600)

    pictures = tmp_path / "pictures"
    pictures.mkdir()
    with serving(site) as url:
        report = _node("journey.mjs", url, str(pictures))
    assert "failure" not in report, report["failure"]
    assert report["offsite"] == []  # nothing asked of any other host
    assert not [line for line in report["console"] if line.startswith("pageerror")]

    # the first screen came, said its words where a screen reader reads them, and took taps
    assert report["first"]["firstFrameMs"] > 0 and report["first"].get("error") is None
    assert report["first"]["snapshot"] is True  # Python started from the build's snapshot
    assert report["live"] == "Pick a color for your T cell"
    assert report["turnPortrait"] and not report["turnLandscape"]  # "turn the tablet" upright only
    assert report["pointers"] >= 4 and report["tapsLeft"] == 0  # down and up, twice: all read
    assert report["liveAfterTap"] not in ("", report["live"])  # a colour chosen: the next question

    # the grown-up's corner opens from the keyboard; a Spanish child hears Spanish
    assert report["screenBefore"] == "ProfilesScreen"
    assert report["grownUp"] == "FacilitatorPanel"
    assert report["liveSpanish"] == "Elige un color para tu célula T"

    # the demo bot played every chapter to its goals, tapping through the page
    assert report["demo"]["ok"] and report["demo"]["goals_reached"], report["demo"]
    assert report["demo"]["played"].startswith("9 chapters played to their goals")

    # the child's profile was kept across closing and opening the page
    assert report["profilesAfterDemo"] not in ("", "[]")
    assert report["profilesAfterReload"] == report["profilesAfterDemo"]

    # with no network, the kept copy opens and still has the child's profile
    assert report["offlineReady"] is True
    assert report["offline"]["shown"] == "yes", report["offline"]
    assert report["offlineProfiles"] == report["profilesAfterDemo"]

    # the map, the hunt and the quiz look as they do on the desktop
    for name, scene, at, extra in (
        ("map", "meet", "1", ["--map"]),
        ("hunt", "hunt", "2", []),
        ("quiz", "cheer", "10", []),
    ):
        assert report[name]["ok"], report[name]
        desktop = tmp_path / f"desktop-{name}.png"
        shot = ["screenshot", "--scene", scene, "--at", at, *extra, str(desktop)]
        subprocess.run([sys.executable, "-m", "game", *shot], check=True, cwd=ROOT, env=env)
        assert _difference(desktop, pictures / f"{name}.png") < 6.0, name


@pytest.mark.slow
def test_a_tablet_that_kept_the_game_takes_up_a_new_build(tmp_path, monkeypatch):
    """A clinic updates its server: a tablet that kept the old build still starts the game
    (never a mix of two builds' files), and the next time it is opened it plays the new one."""
    _need_the_browser()
    from game import web

    site, profile = tmp_path / "web", tmp_path / "chromium-profile"
    web.build(site)
    first = json.loads((site / "files.json").read_text())["version"]
    story = web._story()
    monkeypatch.setattr(web, "_story", lambda: story + b"\n")  # a new build (pickle ignores it)
    with serving(site) as url:
        visits = [_node("update.mjs", url, str(profile))]
        web.build(site)
        second = json.loads((site / "files.json").read_text())["version"]
        assert second != first
        visits.append(_node("update.mjs", url, str(profile)))
        visits.append(_node("update.mjs", url, str(profile)))
    for visit in visits:
        assert visit["shown"] == "yes" and visit["error"] is None, visit
    assert visits[0]["ran"] == first and visits[0]["active"]
    assert visits[1]["ran"] == first  # the kept copy, whole, while the new one is fetched
    assert visits[1]["waiting"]
    assert visits[2]["ran"] == second
    assert visits[2]["kept"] == [f"t-cell-hero-{second}"]  # the old copy is gone


@pytest.mark.slow
def test_a_snapshot_the_browser_refuses_still_starts_the_game(tmp_path):
    """The start-up snapshot uses Pyodide's own private options: if a browser refuses it,
    the page starts Python itself, and a build made where there is no Node.js has none."""
    _need_the_browser()
    from game import web

    site = tmp_path / "web"
    web.build(site)
    listing = json.loads((site / "files.json").read_text())
    assert listing["snapshot"] == f"pyodide/{web.SNAPSHOT}"
    assert any(name.startswith(f"{web.PYCACHE}/") for name, _ in listing["bundle"])
    (site / listing["snapshot"]).write_bytes(gzip.compress(b"not Python's memory"))
    with serving(site) as url:
        visit = _node("update.mjs", url, str(tmp_path / "chromium-profile"))
    assert visit["shown"] == "yes" and visit["error"] is None, visit
    assert visit["snapshot"] is False


def test_every_ogg_sound_has_a_wav_copy_of_the_same_length(tmp_path):
    """Safari before 18.4 plays no OGG: the web build puts a WAV beside each OGG sound."""
    import wave

    from game import web

    assets = tmp_path / "assets"
    shutil.copytree(ROOT / "assets" / "sounds", assets / "sounds")
    shutil.copytree(ROOT / "assets" / "music", assets / "music")
    web._wav_copies(assets)
    oggs = sorted(assets.rglob("*.ogg"))
    assert oggs
    pygame.mixer.init()
    try:
        for ogg in oggs:
            with wave.open(str(ogg.with_suffix(".wav"))) as copy:
                seconds = copy.getnframes() / copy.getframerate()
            assert seconds == pytest.approx(pygame.mixer.Sound(str(ogg)).get_length(), abs=0.01)
    finally:
        pygame.mixer.quit()


@pytest.mark.slow
def test_a_browser_that_plays_no_ogg_gets_the_wav_copies(tmp_path):
    _need_the_browser()
    from game import web

    site = tmp_path / "web"
    web.build(site)
    with serving(site) as url:
        report = _node("sounds.mjs", url)
    assert "failure" not in report, report["failure"]
    fetched = [name for name, status in report["fetched"] if status in (200, 304)]
    assert "music/journey.wav" in fetched
    assert [name for name in fetched if name.startswith("sounds/") and name.endswith(".wav")]
    assert not [name for name in fetched if name.endswith(".ogg")]
    assert any(name.endswith(".mp3") for name in fetched)  # voices stay MP3, which Safari plays


@pytest.mark.slow
def test_a_build_without_node_has_no_snapshot_and_compiles_in_the_browser(tmp_path, monkeypatch):
    from game import web

    real_which = shutil.which
    monkeypatch.setattr(
        web.shutil, "which", lambda name: None if name == "node" else real_which(name)
    )
    made = web.build(tmp_path / "web")
    listing = json.loads((tmp_path / "web" / "files.json").read_text())
    assert made["snapshot"] is False and listing["snapshot"] is None
    assert listing["pycache"] == "/data/pycache"  # the browser keeps what it compiles
    assert not any(name.startswith(f"{web.PYCACHE}/") for name, _ in listing["bundle"])
    assert not (tmp_path / "web" / "pyodide" / web.SNAPSHOT).exists()


def _need_the_browser() -> None:
    missing = _tools_missing()
    if missing:
        if os.environ.get("T_CELL_HERO_BROWSER") == "required":
            pytest.fail(missing)
        pytest.skip(missing)


@contextlib.contextmanager
def serving(site: Path):
    """``site`` served on 127.0.0.1 (a clinic PC's `python -m http.server`); yields its URL."""
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _node(script: str, *args: str) -> dict:
    run = subprocess.run(
        ["node", str(BROWSER_TESTS / script), *args],
        capture_output=True,
        text=True,
        timeout=1800,
        env={**os.environ, "CHROMIUM": CHROMIUM},
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_args) -> None:
        pass


@pytest.mark.slow
def test_on_a_high_dpi_screen_the_stage_is_as_sharp_as_the_screen(tmp_path):
    """An iPad shows two device pixels to a CSS pixel: the stage (and each word) keeps two to
    a game pixel, so the first screen has much more fine detail than the same screen kept at
    one and scaled by the browser, and it is the same screen; taps land where they are meant."""
    _need_the_browser()
    from game import web

    site = tmp_path / "web"
    web.build(site)
    with serving(site) as url:
        report = _node("sharp.mjs", url)
    assert "failure" not in report, report["failure"]
    sharp, one = report["screen"], report["one"]
    assert sharp["error"] is None and one["error"] is None
    assert (sharp["sharp"], sharp["width"], sharp["height"]) == (2, 2560, 1600)
    assert (one["sharp"], one["width"], one["height"]) == (1, 1280, 800)
    assert sharp["screen"] == one["screen"] == "ProfilesScreen"
    assert sharp["edges"] > 1.3 * one["edges"]  # words and shapes drawn at the screen's size
    differences = sorted(abs(a - b) for a, b in zip(sharp["blocks"], one["blocks"], strict=True))
    assert differences[len(differences) // 2] <= 2 and differences[-20] <= 12  # the same screen
    x, y = report["pointer"]
    assert abs(x - 640) < 1 and abs(y - 400) < 1
