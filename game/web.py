"""``python -m game web OUT/``: the game as a static web site, for tablets (iPad, Android).

What goes in OUT/ (served by any web server: ``python -m http.server`` on a clinic PC, or an
intranet; nothing is ever asked of another host):

- ``index.html``, ``bridge.js`` (the canvas, sound and input back end), ``sw.js`` (keeps every
  file for use with no network), ``manifest.webmanifest`` and icons (installable);
- ``pyodide/``: Python for the browser, Pyodide's core from npm, pinned by version and SHA-256
  and fetched once into the build cache (``~/.cache/t-cell-hero`` or ``$T_CELL_HERO_CACHE``);
- ``game.bundle.gz``: the game's Python, PyYAML's pure-Python part (from this environment),
  the scenes, the story as this build read and checked it, and the small asset files, written
  into Pyodide's own files at start (fonts, sounds and voices as empty stand-ins: the page
  plays and draws the real ones from ``assets/``);
- ``assets/``: every asset file as it is, fetched by the page (voices only when said);
- ``files.json``: what the page loads first, the voice files' lengths, and the list the
  offline copy keeps, with a version that changes whenever any file does.

Building needs the network once (Pyodide); the installed game never does.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import tarfile
import urllib.request
from pathlib import Path

from game import resources

PYODIDE_VERSION = "314.0.7"
PYODIDE_URL = f"https://registry.npmjs.org/pyodide/-/pyodide-{PYODIDE_VERSION}.tgz"
PYODIDE_SHA256 = "66b7949e5a0cba2250b586d7e368bf12fb482800748d182c4618254b685ffaa0"
#: The part of Pyodide's package the page needs (no package wheels: the game needs none).
PYODIDE_FILES = (
    "pyodide.js",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
PYODIDE_NOTICE = f"""Pyodide {PYODIDE_VERSION} (https://pyodide.org), from npm's 'pyodide' package.
Licensed under the Mozilla Public License 2.0 (https://mozilla.org/MPL/2.0/).
Its source: https://github.com/pyodide/pyodide
"""
SITE = Path(__file__).resolve().parent / "app" / "platform" / "browser" / "site"


def build(out: Path, cache: Path | None = None) -> dict:
    """Write the site into ``out`` (made if missing; files of an earlier build are replaced).
    Returns a summary: files, bytes, version."""
    from game.voice.kokoro import cache_dir

    if out.is_dir() and any(out.iterdir()) and not (out / "files.json").is_file():
        raise RuntimeError(f"{out} is not empty and not a web build: choose an empty folder")
    # Made beside it and put in its place at the end: a server keeps serving the old build
    # meanwhile, and nothing of the old one lingers in the new (or in the offline copy).
    final, out = out, out.with_name(f".{out.name}.building")
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    assets = resources.assets_dir()
    _pyodide(out / "pyodide", cache or cache_dir())
    shutil.copytree(assets, out / "assets", dirs_exist_ok=True)
    bundle, contents = _bundle(assets, _story())
    (out / "game.bundle.gz").write_bytes(bundle)
    for name in ("index.html", "bridge.js", "manifest.webmanifest"):
        shutil.copyfile(SITE / name, out / name)
    _icons(out)
    listing = _files_listing(out, assets)
    listing["bundle"] = contents
    # The time every game file gets in the browser: the same for the same build, so the code
    # compiled at one launch is used at the next (and a new build's is compiled afresh).
    listing["built"] = 1_500_000_000 + int(listing["version"][:7], 16)
    (out / "files.json").write_text(json.dumps(listing, indent=1), encoding="utf-8")
    # The offline copy's worker names this build, so a tablet that kept an older one takes
    # this one up the next time the game is opened (see site/sw.js).
    worker = (SITE / "sw.js").read_text(encoding="utf-8")
    (out / "sw.js").write_text(worker.replace("__VERSION__", listing["version"]), "utf-8")
    if final.exists():
        old = final.with_name(f".{final.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        final.rename(old)
        out.rename(final)
        shutil.rmtree(old)
    else:
        out.rename(final)
    return {"files": len(listing["keep"]), "bytes": listing["bytes"], "version": listing["version"]}


def _pyodide(into: Path, cache: Path) -> None:
    package = cache / f"pyodide-{PYODIDE_VERSION}.tgz"
    if not package.is_file() or _sha256(package.read_bytes()) != PYODIDE_SHA256:
        print(f"fetching {PYODIDE_URL}")
        with urllib.request.urlopen(PYODIDE_URL, timeout=300) as response:
            data = response.read()
        if _sha256(data) != PYODIDE_SHA256:
            raise RuntimeError(f"{PYODIDE_URL} does not match its pinned SHA-256")
        cache.mkdir(parents=True, exist_ok=True)
        package.write_bytes(data)
    into.mkdir(parents=True, exist_ok=True)
    with tarfile.open(package) as archive:
        for name in PYODIDE_FILES:
            member = archive.extractfile(f"package/{name}")
            if member is None:
                raise RuntimeError(f"Pyodide {PYODIDE_VERSION} has no {name}")
            (into / name).write_bytes(member.read())
    (into / "NOTICE.txt").write_text(PYODIDE_NOTICE, encoding="utf-8")


def _story() -> bytes:
    """The story as this build reads and checks it, so the page need not read a scene file
    (Python in a browser reads them several times slower); a problem stops the build."""
    from game import cli
    from game.script import startcache

    return startcache.dumps(cli._read_story())


#: Files the page uses itself (fonts through FontFace, sounds through Web Audio): in the
#: game's own files they are empty stand-ins, so the game's checks that a file is there pass.
PAGE_FILES = (".mp3", ".ogg", ".wav", ".ttf", ".otf")


def _bundle(assets: Path, story: bytes) -> tuple[bytes, list[list]]:
    """The files Python reads, laid out as in a checkout (game/, scenes/, assets/, yaml/, and
    story.pickle), as one gzip stream and its table of contents ([name, size], in order):
    the page writes them into Pyodide's files with no Python at all, which is much quicker
    than unpacking an archive in Python."""
    import yaml

    code = Path(__file__).resolve().parent
    files: list[tuple[str, bytes]] = []
    for path in sorted(code.rglob("*.py")):
        if "__pycache__" not in path.parts:
            files.append((f"game/{path.relative_to(code).as_posix()}", path.read_bytes()))
    scenes = resources.scenes_dir()
    for path in sorted(scenes.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            files.append((f"scenes/{path.relative_to(scenes).as_posix()}", path.read_bytes()))
    for path in sorted(Path(yaml.__file__).parent.glob("*.py")):
        files.append((f"yaml/{path.name}", path.read_bytes()))
    for path in sorted(assets.rglob("*")):
        if path.is_file():
            stand_in = path.suffix.lower() in PAGE_FILES
            data = b"" if stand_in else path.read_bytes()
            files.append((f"assets/{path.relative_to(assets).as_posix()}", data))
    files.append(("story.pickle", story))
    contents = [[name, len(data)] for name, data in files]
    return gzip.compress(b"".join(data for _, data in files), 9, mtime=0), contents


def _files_listing(out: Path, assets: Path) -> dict:
    from game.voice.index import load_index, voice_file

    voices = assets / "voice"
    lengths = {}
    for folder in sorted(p for p in voices.iterdir() if p.is_dir()) if voices.is_dir() else []:
        for text_id, recorded in load_index(voices, folder.name).items():
            path = voice_file(voices, folder.name, text_id)
            lengths[path.relative_to(assets).as_posix()] = recorded.seconds
    keep = sorted(
        p.relative_to(out).as_posix()
        for p in out.rglob("*")
        if p.is_file() and p.name not in ("files.json", "sw.js")
    )
    digest = hashlib.sha256()
    size = 0
    for name in keep:
        data = (out / name).read_bytes()
        size += len(data)
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return {
        "version": digest.hexdigest()[:16],
        "bytes": size,
        "fonts": [
            {"family": p.stem, "file": f"fonts/{p.name}"}
            for p in sorted((assets / "fonts").glob("*"))
            if p.suffix.lower() in (".ttf", ".otf")
        ],
        "pictures": [
            p.relative_to(assets).as_posix()
            for folder in ("backgrounds", "pictures")
            for p in sorted((assets / folder).glob("*"))
            if p.suffix.lower() in (".svg", ".png")
        ],
        "lengths": lengths,
        "keep": ["./", *keep],
    }


def _icons(out: Path) -> None:
    """The home-screen icons: the window's T cell, larger."""
    from game.app.platform import sdl

    pygame = sdl.pygame
    for size in (192, 512):
        icon = pygame.Surface((size, size))
        icon.fill((253, 246, 236))
        k = size / 32
        pygame.draw.circle(icon, (40, 110, 170), (16 * k, 16 * k), 13 * k)
        pygame.draw.circle(icon, (120, 200, 240), (16 * k, 16 * k), 10.5 * k)
        pygame.draw.circle(icon, (40, 110, 170), (13 * k, 13 * k), 3.5 * k)
        pygame.image.save(icon, str(out / f"icon-{size}.png"))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
