"""``python -m game web OUT/``: the game as a static web site, for tablets (iPad, Android).

What goes in OUT/ (served by any web server: ``python -m http.server`` on a clinic PC, or an
intranet; nothing is ever asked of another host):

- ``index.html``, ``bridge.js`` (the canvas, sound and input back end), ``sw.js`` (keeps every
  file for use with no network), ``manifest.webmanifest`` and icons (installable);
- ``pyodide/``: Python for the browser, Pyodide's core from npm, pinned by version and SHA-256
  and fetched once into the build cache (``~/.cache/t-cell-hero`` or ``$T_CELL_HERO_CACHE``);
  and, where the building machine has Node.js, ``python.snapshot.gz``: Python's memory just
  after it started, made by running that same Pyodide in Node. The page starts from it instead
  of starting Python (about four seconds less on a slow machine); without it, or if it cannot
  be used, the page starts Python itself;
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
import subprocess
import tarfile
import tempfile
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
    package = _pyodide(out / "pyodide", cache or cache_dir())
    shutil.copytree(assets, out / "assets", dirs_exist_ok=True)
    _wav_copies(out / "assets")
    files = _game_files(assets, _story())
    snapshot, compiled = _snapshot(package, files) or (None, [])
    if snapshot is not None:
        (out / "pyodide" / SNAPSHOT).write_bytes(gzip.compress(snapshot, 6, mtime=0))
    bundle, contents = _bundle(files + compiled)
    (out / "game.bundle.gz").write_bytes(bundle)
    for name in ("index.html", "bridge.js", "manifest.webmanifest"):
        shutil.copyfile(SITE / name, out / name)
    _icons(out)
    listing = _files_listing(out, assets)
    listing["bundle"] = contents
    listing["snapshot"] = f"pyodide/{SNAPSHOT}" if snapshot is not None else None
    # Where the game's compiled code is: shipped in the bundle, or kept by the browser after
    # the first launch compiled it.
    listing["pycache"] = f"/app/{PYCACHE}" if compiled else "/data/pycache"
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
    return {
        "files": len(listing["keep"]),
        "bytes": listing["bytes"],
        "version": listing["version"],
        "snapshot": snapshot is not None,
    }


def _pyodide(into: Path, cache: Path) -> Path:
    """Pyodide's files the page needs, into ``into``; returns the package it came from."""
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
    return package


#: Python's memory once started, made at build time (see ``_snapshot``).
SNAPSHOT = "python.snapshot.gz"
#: The game's code compiled at build time, in the bundle (each file checked by its hash
#: of nothing: a build's compiled code goes only with that build's files).
PYCACHE = "pycache"
#: Imported before the snapshot is taken, so the page finds them imported: the game's rules
#: and data, which never import pygame (tests/test_purity.py), and the standard library they
#: use. The screens import pygame, which is the page's own (``canvas.install``), so they are
#: imported in the page.
SNAPSHOT_IMPORTS = (
    "game.cli",
    "game.activities",
    "game.script.chapter",
    "game.script.narrator",
    "game.script.runner",
    "game.world.hunt",
    "game.voice.index",
    "game.profile.profile",
    "game.profile.store",
)
#: Run by Node in a folder holding Pyodide's package and the game's files (``app/``): start
#: Python as the page does, put the game where the page puts it, import the modules above and
#: write Python's memory. ``loadPyodide``'s snapshot options are Pyodide's own (marked private
#: in its documentation, so tied to the pinned version): the page starts Python itself if the
#: snapshot is refused. A fixed hash seed keeps builds of the same files alike.
SNAPSHOT_SCRIPT = """
import { loadPyodide } from "./pyodide.mjs";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
const pyodide = await loadPyodide({ _makeSnapshot: true, env: { PYTHONHASHSEED: "0" } });
const modules = JSON.parse(process.argv[2]);
for (const name of readdirSync("app", { recursive: true })) {
  const path = "/app/" + name.replaceAll("\\\\", "/");
  let data;
  try { data = readFileSync("app/" + name); } catch { continue; }  // a folder
  pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
  pyodide.FS.writeFile(path, data);
}
pyodide.globals.set("modules", pyodide.toPy(modules));
pyodide.runPython(`
import importlib, sys
sys.path.insert(0, "/app")
sys.dont_write_bytecode = True
for name in modules:
    importlib.import_module(name)
assert "pygame" not in sys.modules, "the snapshot must not import pygame"
`);
writeFileSync("snapshot.bin", pyodide.makeMemorySnapshot());
// Then the rest of the game's code compiled as Pyodide's Python compiles it, for the page.
pyodide.runPython(`
import compileall, py_compile, sys
sys.pycache_prefix, sys.dont_write_bytecode = "/pyc", False
mode = py_compile.PycInvalidationMode.UNCHECKED_HASH
assert compileall.compile_dir("/app", quiet=1, invalidation_mode=mode)
`);
const walk = (folder) => {
  for (const name of pyodide.FS.readdir(folder)) {
    if (name === "." || name === "..") continue;
    const path = folder + "/" + name;
    if (pyodide.FS.isDir(pyodide.FS.stat(path).mode)) walk(path);
    else {
      mkdirSync("compiled" + folder, { recursive: true });
      writeFileSync("compiled" + path, pyodide.FS.readFile(path));
    }
  }
};
walk("/pyc");
"""


def _snapshot(
    package: Path, files: list[tuple[str, bytes]]
) -> tuple[bytes, list[tuple[str, bytes]]] | None:
    """Python's memory just after Pyodide started it with the game's rules and data imported,
    and the game's code compiled by that Python (``PYCACHE/...``, for the bundle), made by
    running the pinned Pyodide in Node.js (a build-time tool, like the voice tools); None,
    with a note, where there is no Node or it fails: the page then starts Python, imports and
    compiles the game itself, a few seconds slower."""
    node = shutil.which("node")
    if node is None:
        print("web: no Node.js here, so no start-up snapshot: the page starts Python itself")
        return None
    with tempfile.TemporaryDirectory() as folder, tarfile.open(package) as archive:
        for member in archive.getmembers():
            name = member.name.removeprefix("package/")
            if member.isfile() and "/" not in name:
                source = archive.extractfile(member)
                if source is not None:
                    (Path(folder) / name).write_bytes(source.read())
        for name, data in files:
            (Path(folder) / "app" / name).parent.mkdir(parents=True, exist_ok=True)
            (Path(folder) / "app" / name).write_bytes(data)
        (Path(folder) / "snapshot.mjs").write_text(SNAPSHOT_SCRIPT, encoding="utf-8")
        arguments = json.dumps(list(SNAPSHOT_IMPORTS))
        try:
            subprocess.run(
                [node, "snapshot.mjs", arguments],
                cwd=folder,
                check=True,
                capture_output=True,
                timeout=300,
            )
            compiled = Path(folder) / "compiled" / "pyc"
            return (Path(folder) / "snapshot.bin").read_bytes(), [
                (f"{PYCACHE}/{path.relative_to(compiled).as_posix()}", path.read_bytes())
                for path in sorted(compiled.rglob("*.pyc"))
            ]
        except (OSError, subprocess.SubprocessError) as exc:
            detail = getattr(exc, "stderr", b"") or b""
            print(f"web: no start-up snapshot ({exc}; {detail.decode(errors='replace')[-500:]})")
            print("web: the page starts Python itself, a few seconds slower")
            return None


def _wav_copies(assets: Path) -> None:
    """Beside each OGG sound (the effects and the music), the same sound as WAV: Safari
    plays OGG Vorbis only from 18.4 (iPadOS 18.4) on, and the page plays the WAV where the
    browser cannot play OGG (site/bridge.js). Decoded with pygame, which the build has."""
    import os
    import wave

    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")  # nothing is played
    import pygame

    started = pygame.mixer.get_init() is None
    if started:
        pygame.mixer.init(frequency=44100, size=-16, channels=1)
    try:
        frequency, size, channels = pygame.mixer.get_init()
        if size != -16:
            raise RuntimeError(f"the sound mixer is {size}-bit; WAV copies need 16-bit")
        for ogg in sorted(assets.rglob("*.ogg")):
            with wave.open(str(ogg.with_suffix(".wav")), "wb") as copy:
                copy.setnchannels(channels)
                copy.setsampwidth(2)
                copy.setframerate(frequency)
                copy.writeframes(pygame.mixer.Sound(str(ogg)).get_raw())
    finally:
        if started:
            pygame.mixer.quit()


def _story() -> bytes:
    """The story as this build reads and checks it, so the page need not read a scene file
    (Python in a browser reads them several times slower); a problem stops the build."""
    from game import cli
    from game.script import startcache

    return startcache.dumps(cli._read_story())


#: Files the page uses itself (fonts through FontFace, sounds through Web Audio): in the
#: game's own files they are empty stand-ins, so the game's checks that a file is there pass.
PAGE_FILES = (".mp3", ".ogg", ".wav", ".ttf", ".otf")


def _game_files(assets: Path, story: bytes) -> list[tuple[str, bytes]]:
    """The files Python reads, laid out as in a checkout (game/, scenes/, assets/, yaml/, and
    story.pickle). They go to the page as one gzip stream (``_bundle``) that it writes into
    Pyodide's files with no Python at all, much quicker than unpacking an archive in Python."""
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
    return files


def _bundle(files: list[tuple[str, bytes]]) -> tuple[bytes, list[list]]:
    """``files`` as one gzip stream and its table of contents ([name, size], in order)."""
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
