"""Where the game's own files are, wherever it is installed and whatever the current directory.

In a source checkout ``assets/`` and ``scenes/`` sit beside the ``game`` package; an installed
wheel carries them inside it (``game/assets``, ``game/scenes``; see pyproject.toml).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

_PACKAGE = Path(__file__).resolve().parent

ASSET_SUFFIXES = {
    "backgrounds": (".svg", ".png"),
    "fonts": (".ttf", ".otf"),
    "sounds": (".ogg", ".wav"),
    "voice": (".ogg",),
}


def _folder(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    searched = ", ".join(str(p) for p in (_PACKAGE / name, _PACKAGE.parent / name))
    raise FileNotFoundError(f"the game's '{name}' folder is missing; looked in {searched}")


def assets_dir() -> Path:
    return _folder("assets")


def scenes_dir() -> Path:
    return _folder("scenes")


def shipped_scene_files() -> list[Path]:
    return sorted(scenes_dir().glob("*.yaml"))


def asset_path_problem(relative: str, assets: Path, folder: str) -> str | None:
    """Why ``relative`` is not a usable asset in ``assets/<folder>/``, or None when it is.

    Scenes may only name files inside the game's assets: no absolute paths, no ``..``.
    """
    pure = PurePosixPath(relative)
    if "\\" in relative or pure.is_absolute() or (len(relative) > 1 and relative[1] == ":"):
        return f"'{relative}' must be a path inside assets/, written with '/' (like '{folder}/x')"
    if ".." in pure.parts:
        return f"'{relative}' must stay inside assets/ ('..' is not allowed)"
    if not pure.parts or pure.parts[0] != folder:
        return f"'{relative}' must be in assets/{folder}/"
    suffixes = ASSET_SUFFIXES.get(folder, ())
    if suffixes and pure.suffix.lower() not in suffixes:
        return f"'{relative}' must end in {' or '.join(suffixes)}"
    if not (assets / pure).is_file():
        return f"there is no file assets/{relative}"
    return None
