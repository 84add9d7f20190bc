"""The loaded story kept between launches, so the next launch does not read and check every
scene and language file again (a clinic's second launch shows its first screen sooner).

The copy is keyed by every file the story is read from (the scene folder's files, the pictures
folder's names, each with its size and time of change) and by the game's code, so an edited
scene, a new table or picture, or a new version of the game is read afresh. Only a
story that loaded without a problem is kept. A copy that cannot be read or written is simply
not used: the files are read as before. The copy lives in the player's own data folder, written
so that only this user may read or change it; Python's pickle runs what a copy says, so a copy
someone else owns or may change (a data folder shared between computers) is never used.
"""

from __future__ import annotations

import contextlib
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
            if _own(file.fileno()) and file.read(len(key)) == key:
                return pickle.load(file)
    except FileNotFoundError:
        pass
    except Exception:  # a copy cut short, or from another Python: read the files instead
        log.info("the story cache %s cannot be used; reading the scene files", path)
    found = load()  # a problem raises here, and nothing is kept
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(key + _dumps(found))
        os.replace(temporary, path)
    except Exception as exc:  # never a reason not to play: the next launch reads the files
        log.info("the story cache cannot be written (%s); the next launch reads the files", exc)
        with contextlib.suppress(OSError):
            os.unlink(temporary)
    return found


def _own(descriptor: int) -> bool:
    """Whether the copy is this user's own and nobody else may change it (where the system
    says so): a copy is code to Python's pickle, so one in a folder others can write to, such
    as a data folder shared between computers, is not used."""
    if not hasattr(os, "getuid"):
        return True  # Windows: the data folder is the user's own (LOCALAPPDATA)
    info = os.fstat(descriptor)
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def fingerprint() -> bytes:
    """What the story is made from: every scene and language file's words (they are small,
    and an edit may keep a file's size and, on some disks, its time), and the name, size and
    time of change of every picture and of the game's code, which reads and checks them.
    (Folders are walked with os.scandir: pathlib's glob took most of the time.)"""
    digest = hashlib.sha256(__version__.encode())
    for path in _files(str(resources.scenes_dir()), lambda name: True):
        with contextlib.suppress(OSError), open(path, "rb") as file:
            digest.update(f"{path}\0".encode() + file.read() + b"\0")
    code = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the game package
    for path in [
        *_files(str(resources.assets_dir() / "pictures"), lambda name: True, deep=False),
        *_files(code, lambda name: name.endswith(".py")),
    ]:
        try:
            info = os.stat(path)
        except OSError:
            continue
        digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest().encode() + b"\n"


def _files(folder: str, wanted: Callable[[str], bool], deep: bool = True) -> list[str]:
    """The files in ``folder`` (and, if ``deep``, its folders) whose names are ``wanted``, in
    a fixed order; nothing for a folder that cannot be read."""
    found = []
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return []
    for entry in entries:
        try:
            if entry.is_dir():
                if deep:
                    found += _files(entry.path, wanted)
            elif wanted(entry.name):
                found.append(entry.path)
        except OSError:
            continue
    return found


def dumps(value: object) -> bytes:
    """``value`` pickled as the cache keeps it (the web build ships its story this way: see
    game/web.py); ``pickle.loads`` reads it back."""
    return _dumps(value)


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
