"""Where the game's own files are, wherever it is installed and whatever the current directory.

In a source checkout ``assets/`` and ``scenes/`` sit beside the ``game`` package; an installed
wheel carries them inside it (``game/assets``, ``game/scenes``; see pyproject.toml).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

_PACKAGE = Path(__file__).resolve().parent

ASSET_SUFFIXES = {
    "backgrounds": (".svg", ".png"),
    "pictures": (".svg", ".png"),  # an author's own pictures (see game/script/gallery.py)
    "fonts": (".ttf", ".otf"),
    "sounds": (".ogg", ".wav"),
    "voice": (".mp3", ".wav"),
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


#: The chapters' playing order, beside the scene files (see game/script/journey_file.py).
JOURNEY_FILE = "journey.yaml"


def shipped_scene_files() -> list[Path]:
    """Every scene file (not the journey file, which orders them)."""
    return sorted(p for p in scenes_dir().glob("*.yaml") if p.name != JOURNEY_FILE)


def asset_path_problem(
    relative: str, assets: Path, folder: str, need_file: bool = True
) -> str | None:
    """Why ``relative`` is not a usable asset in ``assets/<folder>/``, or None when it is.

    Scenes may only name files inside the game's assets: no absolute paths, no ``..``, and no
    link that leads out of assets/. With ``need_file`` false only the way the path is written
    is judged: the game starts without a missing picture (it draws a plain colour instead).
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
    if need_file and asset_file(relative, assets) is None:
        return _missing(relative, assets)
    return None


def asset_file(relative: str, assets: Path) -> Path | None:
    """The file ``assets/<relative>`` really is, after following links, or None when there is
    no such file, it lies outside assets/, or its name cannot be a file's (too long, a NUL)."""
    try:
        root = assets.resolve(strict=True)
        found = (assets / relative).resolve(strict=True)
        if found.is_relative_to(root) and found.is_file():
            return found
    except (OSError, ValueError, RuntimeError):  # missing, name too long, NUL, a link loop
        pass
    return None


def _missing(relative: str, assets: Path) -> str:
    """Why ``asset_file`` found nothing, in words an author can act on."""
    try:
        target = (assets / relative).resolve()
        if target.exists() and not target.is_relative_to(assets.resolve()):
            return f"assets/{relative} leads outside assets/ (a link); copy the file in instead"
    except (OSError, ValueError, RuntimeError) as exc:
        reason = getattr(exc, "strerror", None) or "the name cannot be a file's"
        return f"there is no file assets/{relative} ({reason.lower()})"
    return f"there is no file assets/{relative}"
