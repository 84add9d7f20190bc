"""``python -m game web OUT/``: the game as a static web site, for tablets (iPad, Android).

What goes in OUT/ (served by any web server: ``python -m http.server`` on a clinic PC, or an
intranet; nothing is ever asked of another host):

- ``index.html``, ``bridge.js`` (the canvas, sound and input back end), ``sw.js`` (keeps every
  file for use with no network), ``manifest.webmanifest`` and icons (installable);
- ``pyodide/``: Python for the browser, Pyodide's core from npm, pinned by version and SHA-256
  and fetched once into the build cache (``~/.cache/t-cell-hero`` or ``$T_CELL_HERO_CACHE``);
- ``game.tar.gz``: the game's Python, PyYAML's pure-Python part (from this environment),
  the scenes and the small asset files, unpacked into Pyodide's own files at start; sound and
  voice files are in it as empty stand-ins, so the game's checks that a file is there pass;
- ``assets/``: every asset file as it is, fetched by the page (voices only when said);
- ``files.json``: what the page loads first, the voice files' lengths, and the list the
  offline copy keeps, with a version that changes whenever any file does.

Building needs the network once (Pyodide); the installed game never does.
"""

from __future__ import annotations

import hashlib
import io
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
#: Played by the page from assets/, so only an empty stand-in goes in game.tar.gz.
MEDIA = (".mp3", ".ogg", ".wav")
SITE = Path(__file__).resolve().parent / "app" / "platform" / "browser" / "site"


def build(out: Path, cache: Path | None = None) -> dict:
    """Write the site into ``out`` (made if missing; files of an earlier build are replaced).
    Returns a summary: files, bytes, version."""
    from game.voice.kokoro import cache_dir

    out.mkdir(parents=True, exist_ok=True)
    assets = resources.assets_dir()
    _pyodide(out / "pyodide", cache or cache_dir())
    shutil.copytree(assets, out / "assets", dirs_exist_ok=True)
    (out / "game.tar.gz").write_bytes(_game_archive(assets, _story()))
    for name in ("index.html", "bridge.js", "sw.js", "manifest.webmanifest"):
        shutil.copyfile(SITE / name, out / name)
    _icons(out)
    listing = _files_listing(out, assets)
    (out / "files.json").write_text(json.dumps(listing, indent=1), encoding="utf-8")
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


def _game_archive(assets: Path, story: bytes) -> bytes:
    """The game's Python, the scenes, PyYAML and the assets (media as empty stand-ins), laid
    out as in a checkout: /app/game, /app/scenes, /app/assets, /app/yaml. File times are
    kept, so the story cache made at the first start is used at the next."""
    import yaml

    code = Path(__file__).resolve().parent
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz", compresslevel=9) as archive:

        def add(path: Path, name: str, empty: bool = False) -> None:
            info = archive.gettarinfo(str(path), name)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.mode = 0o644
            if empty:
                info.size = 0
                archive.addfile(info, io.BytesIO(b""))
            else:
                with path.open("rb") as f:
                    archive.addfile(info, f)

        for path in sorted(code.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".md") and "__pycache__" not in path.parts:
                add(path, f"game/{path.relative_to(code).as_posix()}")
        scenes = resources.scenes_dir()
        for path in sorted(scenes.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                add(path, f"scenes/{path.relative_to(scenes).as_posix()}")
        for path in sorted(Path(yaml.__file__).parent.glob("*.py")):
            add(path, f"yaml/{path.name}")
        for path in sorted(assets.rglob("*")):
            if path.is_file():
                add(path, f"assets/{path.relative_to(assets).as_posix()}", path.suffix in MEDIA)
        info = tarfile.TarInfo("story.pickle")
        info.size, info.mode = len(story), 0o644
        archive.addfile(info, io.BytesIO(story))
    return buffer.getvalue()


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
