"""``python -m game preview``'s rules, with no window: which files to watch, and what a scene
file is now (a chapter ready to play, or the problems ``check`` finds in it).

The window (game/app/preview.py) asks :class:`Watch` about twice a second whether anything
changed, and on a change calls :func:`load_preview` again. Nothing here raises: a file saved
half-way, removed, or full of anything at all is a list of problems, never a crash.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from game import resources
from game.script.catalog import check_files, label_for, load_all
from game.script.errors import Problem, SceneError, Where, did_you_mean
from game.script.model import Scene
from game.script.strings import DEFAULT_BAND, DEFAULT_ROLE, Strings
from game.script.texts import Library, build_strings, load_library

log = logging.getLogger(__name__)

#: How often the files are looked at, in seconds.
POLL_SECONDS = 0.5


@dataclass(frozen=True)
class Ready:
    """The chapter to play, among every other scene (so the journey, and whether the child's
    T cell wears its CARs yet, are as in the game)."""

    scenes: dict[str, Scene]
    first: str
    library: Library
    strings: Strings


Stamp = tuple[tuple[str, int, int], ...]


def watched_files(scene: Path) -> list[Path]:
    """What the preview looks at: the scene file, the word book, the chapters' order, the
    language tables, and the picture and background files (a new picture shows at once)."""
    scenes, assets = resources.scenes_dir(), resources.assets_dir()
    files = [scene, scenes / "book" / "words.yaml", scenes / "journey.yaml"]
    for folder in (scenes / "lang", assets / "pictures", assets / "backgrounds"):
        try:
            files += sorted(p for p in folder.iterdir() if not p.name.startswith("."))
        except OSError:
            continue
    return files


def stamp(files: list[Path]) -> Stamp:
    """Each file's modification time and size (-1 for a file that is not there): a save
    changes it. Never raises."""
    found = []
    for path in files:
        try:
            info = os.stat(path)
            found.append((str(path), info.st_mtime_ns, info.st_size))
        except (OSError, ValueError):
            found.append((str(path), -1, -1))
    return tuple(found)


class Watch:
    """Says when a watched file changed since it last looked (at most every POLL_SECONDS)."""

    def __init__(self, scene: Path) -> None:
        self.scene = scene
        self.last: Stamp = stamp(watched_files(scene))
        self.looked = 0.0

    def changed(self, now: float) -> bool:
        if now - self.looked < POLL_SECONDS:
            return False
        self.looked = now
        current = stamp(watched_files(self.scene))
        if current == self.last:
            return False
        self.last = current
        return True


def load_preview(
    path: Path,
    language: str = "en",
    band: str = DEFAULT_BAND,
    role: str = DEFAULT_ROLE,
) -> Ready | list[Problem]:
    """The scene file at ``path`` as it is now: ready to play, or every problem ``check``
    finds in it, the word book and the language tables (as ``check PATH`` prints them)."""
    try:
        return _load(path, language, band, role)
    except Exception as exc:  # the preview must outlive anything a file can hold
        log.exception("preview could not read %s", path)
        return [Problem(Where(label_for(path)), f"this file could not be read ({exc})")]


def _load(path: Path, language: str, band: str, role: str) -> Ready | list[Problem]:
    if not path.is_file():
        return [Problem(Where(label_for(path)), "there is no such file (is it being saved?)")]
    scenes, problems = check_files([path])
    library = None
    try:
        library = load_library()
    except SceneError as exc:
        problems = [*problems, *exc.problems]
    if problems or library is None or not scenes:
        return sorted(problems) or [Problem(Where(label_for(path)), "no scene in this file")]
    scene = next(iter(scenes.values()))
    try:  # the other chapters as shipped, so the journey is the game's
        others = load_all()
    except SceneError:  # another file has problems: this chapter on its own
        others = {}
    others = {i: s for i, s in others.items() if s.path != scene.path and i != scene.id}
    everything = {**others, scene.id: scene}
    strings = build_strings(everything, library)
    if language not in strings.languages:
        message = (
            f"there is no '{language}' language{did_you_mean(language, strings.languages)}; "
            f"languages: {', '.join(strings.languages)}"
        )
        return [Problem(Where(label_for(path)), message)]
    strings.set_language(language)
    strings.set_band(band)
    strings.set_role(role)
    return Ready(everything, scene.id, library, strings)
