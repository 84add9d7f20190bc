"""The loaded story kept between launches, so the next launch does not read and check every
scene and language file again (a clinic's second launch shows its first screen sooner).

The copy is keyed by every file the story is read from (the scene folder's files, the pictures
folder's names, each with its size and time of change) and by the game's code, so an edited
scene, a new table or picture, or a new version of the game is read afresh. Only a
story that loaded without a problem is kept. A copy that cannot be read or written is simply
not used: the files are read as before. The copy lives in the player's own data folder, which
only the game writes (as with the saves beside it).
"""

from __future__ import annotations

import copyreg
import hashlib
import io
import logging
import os
import pickle
import types
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from game import __version__, resources

log = logging.getLogger(__name__)

NAME = "story.cache"
T = TypeVar("T")


def loaded(folder: Path | None, load: Callable[[], T]) -> T:
    """``load()``'s result, from the copy in ``folder`` when it is up to date (then kept for
    the next launch); ``folder`` None reads the files every time."""
    if folder is None:
        return load()
    path = folder / NAME
    key = fingerprint()
    try:
        with path.open("rb") as file:
            if file.read(len(key)) == key:
                return pickle.load(file)
    except FileNotFoundError:
        pass
    except Exception:  # a copy cut short, or from another Python: read the files instead
        log.info("the story cache %s cannot be used; reading the scene files", path)
    found = load()  # a problem raises here, and nothing is kept
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_bytes(key + _dumps(found))
        os.replace(temporary, path)
    except (OSError, pickle.PicklingError, TypeError) as exc:
        log.info("the story cache cannot be written (%s); the next launch reads the files", exc)
    return found


def fingerprint() -> bytes:
    """What the story is made from: every file's name, size and time of change (the scene
    folder's, the pictures folder's, and the game's code, which reads and checks them)."""
    digest = hashlib.sha256(__version__.encode())
    code = Path(__file__).resolve().parent.parent  # the game package
    for root, pattern in (
        (resources.scenes_dir(), "**/*"),
        (resources.assets_dir() / "pictures", "*"),
        (code, "**/*.py"),
    ):
        for path in sorted(root.glob(pattern)):
            try:
                info = path.stat()
            except OSError:
                continue
            digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest().encode() + b"\n"


def _read_only_mapping(items: dict) -> types.MappingProxyType:
    return types.MappingProxyType(items)


def _dumps(value: object) -> bytes:
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {
        **copyreg.dispatch_table,
        types.MappingProxyType: lambda proxy: (_read_only_mapping, (dict(proxy),)),
    }
    pickler.dump(value)
    return out.getvalue()
