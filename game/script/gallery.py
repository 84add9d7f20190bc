"""The pictures and backgrounds an author can name, known from file names alone (no picture is
loaded here, and nothing here imports pygame).

A picture is either drawn by the game (``model.PICTURES``) or a file an author dropped into
``assets/pictures/``: ``hand_washing.svg`` is the picture ``hand_washing``. A drawn picture wins
over a file of the same name: that file is left out, and ``check`` warns about it. Backgrounds
are the ``.svg`` and ``.png`` files in ``assets/backgrounds/`` (see docs/scene-format.md,
"Pictures and backgrounds").
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from game import resources
from game.script import model
from game.script.errors import one_of
from game.script.yamlsafe import shorten

#: Where picture files go, inside assets/.
PICTURE_FOLDER = "pictures"
#: The kinds of picture file the game reads, best first (an SVG stays sharp at any size).
PICTURE_SUFFIXES = (".svg", ".png")
#: A picture file's name (without ``.svg`` / ``.png``): like an id.
PICTURE_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
#: The drawn pictures a scene may name (the word book's IV, infusion and central line are
#: drawn in game/app/ui/tubes.py).
DRAWN_PICTURES = model.PICTURES
#: Pictures the game draws itself: the ones a scene may name, and those only its own screens
#: show ('who is getting CAR T cells?'). A file may not take any of these names.
DRAWN = (*DRAWN_PICTURES, "patient", "sibling")
_DRAWN_NAMES = frozenset(DRAWN_PICTURES)
#: The largest picture file read; a bigger one is drawn as a placeholder.
MAX_PICTURE_BYTES = 1_000_000
#: The most pixels a side of a PNG picture may have.
MAX_PICTURE_SIDE = 4096


def _entries(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    except OSError:  # no such folder (or it cannot be read): no files
        return []


def _sorted_files(assets: Path, folder: str) -> tuple[dict[str, Path], list[str]]:
    """The usable picture files by name, and why each other file there is left out."""
    found: dict[str, Path] = {}
    skipped: list[str] = []
    drawn = set(DRAWN)
    entries = _entries(assets / folder)
    # .svg before .png, whatever the order of the names
    entries.sort(key=lambda p: (p.stem, _rank(p.suffix.lower())))
    for path in entries:
        where = f"assets/{folder}/{path.name}"
        if path.suffix.lower() not in PICTURE_SUFFIXES:
            skipped.append(f"{where} is not used: a picture must be an .svg or a .png file")
            continue
        if not PICTURE_NAME.fullmatch(path.stem):
            skipped.append(
                f"{where} is not used: name a picture with lower-case letters, digits and '_' "
                "(up to 40, starting with a letter), like hand_washing.svg"
            )
            continue
        if path.stem in drawn:
            skipped.append(
                f"{where} is not used: '{path.stem}' is a picture the game draws (the drawn one "
                "is shown); give the file another name"
            )
            continue
        if path.stem in found:
            skipped.append(
                f"{where} is not used: {found[path.stem].name} has the same name (the .svg is used)"
            )
            continue
        real = resources.asset_file(f"{folder}/{path.name}", assets)
        if real is None:
            skipped.append(f"{where} is not used: it is not a file inside assets/ (copy it in)")
            continue
        found[path.stem] = real
    return found, skipped


def _rank(suffix: str) -> int:
    return PICTURE_SUFFIXES.index(suffix) if suffix in PICTURE_SUFFIXES else len(PICTURE_SUFFIXES)


_seen: dict[tuple[str, int], tuple[dict[str, Path], list[str]]] = {}


def _cached(assets: Path) -> tuple[dict[str, Path], list[str]]:
    """Read again only when the folder changed (adding, removing or renaming a file does)."""
    folder = assets / PICTURE_FOLDER
    try:
        stamp = os.stat(folder).st_mtime_ns
    except OSError:
        stamp = -1
    key = (str(assets), stamp)
    if key not in _seen:
        if len(_seen) > 16:
            _seen.clear()
        _seen[key] = _sorted_files(assets, PICTURE_FOLDER)
    return _seen[key]


def picture_files(assets: Path | None = None) -> dict[str, Path]:
    """The pictures in ``assets/pictures/`` by name, file name order (a drawn picture's name,
    a badly named file, or a link out of assets/ is left out)."""
    return dict(_cached(assets or resources.assets_dir())[0])


def picture_file_problems(assets: Path | None = None) -> list[str]:
    """Why a file in ``assets/pictures/`` is not used, for ``check``'s warnings."""
    return list(_cached(assets or resources.assets_dir())[1])


def picture_names(assets: Path | None = None) -> tuple[str, ...]:
    """Every picture a scene may name: the drawn ones, then the files."""
    return (*DRAWN_PICTURES, *picture_files(assets))


def background_names(assets: Path | None = None) -> tuple[str, ...]:
    """Every background, as a scene writes it (``backgrounds/room.svg``)."""
    assets = assets or resources.assets_dir()
    return tuple(
        f"backgrounds/{p.name}"
        for p in _entries(assets / "backgrounds")
        if p.suffix.lower() in resources.ASSET_SUFFIXES["backgrounds"]
        and resources.asset_file(f"backgrounds/{p.name}", assets) is not None
    )


# Suggestions ----------------------------------------------------------------------------------
def _distance(a: str, b: str) -> int:
    """Edits from ``a`` to ``b``: a letter added, dropped or changed, or two swapped."""
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        now = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            now[j] = min(row[j] + 1, now[j - 1] + 1, row[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                now[j] = min(now[j], before[j - 2] + 1)
        before, row = row, now
    return row[-1]


def close_spelling(word: str, names: tuple[str, ...] | list[str]) -> str | None:
    """The name ``word`` is a misspelling of, or None. Only a slip of the keys counts: the same
    first letter and at most one edit in five letters (at least one), so 'leukemia_cel' gives
    'leukemia_cell' and 'hopsital' 'hospital', but 'cancer_cell' gives nothing (never a
    picture that means something else)."""
    if not word or len(word) > 80:
        return None
    lowered = word.lower().replace("-", "_").replace(" ", "_")
    best: tuple[int, str] | None = None
    for name in names:
        if not name or name[0] != lowered[0] or abs(len(name) - len(lowered)) > 3:
            continue
        edits = _distance(lowered, name)
        if edits <= max(1, len(name) // 5) and (best is None or edits < best[0]):
            best = (edits, name)
    return best[1] if best else None


def unknown_picture(word: str, assets: Path | None = None) -> str:
    """What ``check`` says about a picture name there is none of."""
    names = picture_names(assets)
    near = close_spelling(word, names)
    hint = f" (did you mean '{near}'?)" if near else ""
    return (
        f"unknown picture {shorten(word)}{hint}; use {one_of(names)}, or add your own "
        f"(an .svg or .png file in assets/{PICTURE_FOLDER}/; see docs/scene-format.md)"
    )


def background_hint(relative: str, assets: Path | None = None) -> str:
    """Added to a background's problem: the background that was probably meant, and all there
    are."""
    names = background_names(assets)
    stem = Path(relative.replace("\\", "/").rsplit("/", 1)[-1]).stem if relative else ""
    stems = {Path(n).stem: n for n in names}
    near = close_spelling(stem, tuple(stems)) if stem else None
    hint = f" (did you mean '{stems[near]}'?)" if near else ""
    return f"{hint}; use {one_of(names)}" if names else hint


def read_picture(reader, node) -> str | None:
    """A picture name from a scene or the word book (``reader`` is its FieldReader, with an
    ``assets`` folder or the game's own), or None after reporting what is wrong."""
    if isinstance(node.value, str) and node.value in _DRAWN_NAMES:  # no folder to look in
        return node.value
    names = picture_names(getattr(reader, "assets", None))
    if not isinstance(node.value, str):
        reader.error(node.where, f"a picture must be a name, like 'star', not {node.kind}")
        return None
    if node.value not in names:
        reader.error(node.where, unknown_picture(node.value, getattr(reader, "assets", None)))
        return None
    return node.value
