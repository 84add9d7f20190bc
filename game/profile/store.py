"""Profiles on disk: one JSON file each in ``<data folder>/profiles``.

Saving is atomic: the new file is written whole beside the old one, flushed to the disk, then
swapped in with ``os.replace``, so a game killed mid-save leaves the previous save intact.
A file that cannot be read (cut short, garbage, another format version) is moved aside with
a name that says so (``child-2.set-aside-20261121-101500.json``), logged, and that child
starts fresh. A folder that cannot be written means the game plays on without saving, and
``notice`` says so once for the screen to show.

What belongs to the device, not to a child (the grown-up's language, and the language the last
child played in), is ``device.json`` in the data folder, beside the profiles folder: clearing
every child's data leaves it. Each save of a child notes their language there, so the next
"who is playing?" opens in it (see ``follow_language``).
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import stat
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from game.profile.device import DeviceSettings
from game.profile.profile import Profile, UnreadableProfile

log = logging.getLogger(__name__)

FOLDER_NAME = "profiles"
#: Where summary pictures go by default, beside the profiles.
SUMMARIES = "summaries"
#: The device's own settings (see game.profile.device), beside the profiles.
DEVICE_FILE = "device.json"
ID_PATTERN = re.compile(r"child-(\d+)")
#: The largest profile or device file read; a bigger one is set aside unread (a real one is a
#: few kilobytes).
MAX_BYTES = 1_000_000
#: The files the game itself writes in the profiles folder: saves, saves set aside, and the
#: temporary copies of a save in progress (see ``write_atomically``). Nothing else is deleted.
OWN_PROFILE_FILE = re.compile(r"\.?(child-\d+)(\.set-aside-\d{8}-\d{6})?\.json(\..+\.tmp)?")
#: A summary picture's name (see ``game.app.grownup.summary.save_summary``); in the game's own
#: folder it ends with the child's profile id, so clearing one child finds their pictures. A
#: table of every session (``T-Cell Hero sessions ... .csv``, see game.profile.export) names no
#: child: clearing everything deletes it.
OWN_SUMMARY = re.compile(
    r"T-Cell Hero (?:(?:.* )?(child-\d+)|.+) \d{4}-\d{2}-\d{2} \d{4}\.(?:png|csv)"
)


class ProfileStore:
    def __init__(
        self,
        data_dir: Path | None,
        languages: tuple[str, ...] = (),
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        """``data_dir`` is the game's data folder (None: never save, as for screenshots)."""
        self.folder = data_dir / FOLDER_NAME if data_dir is not None else None
        self.languages = languages
        self.now = now
        self.saving = self.folder is not None
        #: Something to tell the grown-up once (the app shows it, then sets it to None).
        self.notice: str | None = None
        self._told = False
        #: The language the last child saved plays in, once known (see ``save``).
        self.last_language: str | None = None
        #: Settings kept in step with ``last_language`` (a new child's; see ``follow_language``).
        self._followers: list = []
        if self.folder is not None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                self._stop_saving(exc)

    # reading ----------------------------------------------------------------------------------
    def load(self) -> list[Profile]:
        """Every readable profile, in the order they were made; unreadable files set aside."""
        if self.folder is None or not self.folder.is_dir():
            return []
        found = []
        for path in sorted(self.folder.glob("child-*.json"), key=_number):
            if ID_PATTERN.fullmatch(path.stem) is None:
                continue  # a file set aside earlier
            profile = self._read(path)
            if profile is not None:
                found.append(profile)
        return found

    def _read(self, path: Path) -> Profile | None:
        """One child's profile, or None. Whatever is wrong with the file (cut short, garbage,
        too big, nested too deep, a number too large), only that child starts fresh."""
        try:
            profile = Profile.from_dict(read_json(path), self.languages)
            if profile.id != path.stem:
                raise UnreadableProfile(f"it says it is '{profile.id}'")
            return profile
        except OSError as exc:
            log.warning("could not read the saved profile %s (%s); skipping it", path.name, exc)
            return None
        except UnreadableProfile as exc:
            self._set_aside(path, str(exc))
        except ValueError:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            self._set_aside(path, "it is not whole JSON")
        except RecursionError:
            self._set_aside(path, "it is nested too deeply")
        except Exception as exc:  # anything else: never a reason to stop every child's game
            self._set_aside(path, f"reading it failed with {type(exc).__name__}")
        return None

    def _set_aside(self, path: Path, reason: str) -> None:
        stamp = self.now().strftime("%Y%m%d-%H%M%S")
        aside = path.with_name(f"{path.stem}.set-aside-{stamp}.json")
        try:
            os.replace(path, aside)
        except OSError as exc:
            log.warning("the saved profile %s cannot be read (%s) or moved (%s)", path, reason, exc)
            return
        log.warning(
            "the saved profile %s cannot be read (%s); moved it to %s and started that child fresh",
            path.name,
            reason,
            aside.name,
        )

    def load_device(self) -> DeviceSettings:
        """The device's own settings: the defaults when none are saved or they cannot be
        read (said in the log; the file is written whole again on the next change)."""
        path = self._device_path()
        if path is None or not path.is_file():
            return DeviceSettings()
        try:
            return DeviceSettings.from_dict(read_json(path), self.languages)
        except Exception as exc:  # a broken device file only means the defaults
            log.warning(
                "could not read the device settings %s (%s); using defaults",
                path,
                exc if isinstance(exc, (OSError, ValueError)) else type(exc).__name__,
            )
            return DeviceSettings()

    def _device_path(self) -> Path | None:
        return self.folder.parent / DEVICE_FILE if self.folder is not None else None

    # writing ----------------------------------------------------------------------------------
    def save_device(self, device: DeviceSettings) -> bool:
        """Write the device's settings atomically; False if saving is off or failed. The
        language the last child played in is the latest this store saved, whatever
        ``device`` held when it was read."""
        path = self._device_path()
        if not self.saving or path is None:
            return False
        if self.last_language is not None:
            device.language = self.last_language
        return self._write(path, device.to_dict())

    def follow_language(self, settings) -> str | None:
        """Keep ``settings.language`` (the settings a new child starts with) the language the
        last child played in on this device, from now on; returns that language (None when
        no child has played here yet, or it is not one this game has)."""
        self._followers.append(settings)
        if self.last_language is None:
            self.last_language = self.load_device().language
        if self.last_language is not None:
            settings.language = self.last_language
        return self.last_language

    def _note_language(self, language: str) -> None:
        """A child was saved playing in ``language``: the device remembers it."""
        if self.languages and language not in self.languages:
            return
        for settings in self._followers:
            settings.language = language
        if language == self.last_language:
            return
        device = self.load_device()
        self.last_language = language
        self.save_device(device)

    def new_id(self, taken: list[Profile]) -> str:
        numbers = [_number(Path(p.id)) for p in taken]
        if self.folder is not None and self.folder.is_dir():
            numbers += [_number(p) for p in self.folder.glob("child-*.json")]
        return f"child-{max(numbers, default=0) + 1}"

    def create(self, profile: Profile, taken: list[Profile]) -> None:
        """Give a new child the next free id and claim its file exclusively before saving, so
        two games on one data folder never both make the same child: the one that comes
        second takes the next number."""
        profile.id = self.new_id(taken)
        if not self.saving or self.folder is None:
            return
        for _ in range(10_000):
            target = self.folder / f"{profile.id}.json"
            try:
                handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                profile.id = f"child-{_number(target) + 1}"
                continue
            except OSError as exc:
                self._stop_saving(exc)
                return
            os.close(handle)
            self.save(profile)
            return

    def save(self, profile: Profile) -> bool:
        """Write the profile atomically; False if saving is off or failed (logged once)."""
        if not self.saving or self.folder is None:
            return False
        saved = self._write(self.folder / f"{profile.id}.json", profile.to_dict())
        if saved:
            self._note_language(profile.settings.language)
        return saved

    def _write(self, path: Path, data: dict) -> bool:
        """Write ``data`` as JSON atomically; a failure stops saving (logged once)."""
        try:
            write_atomically(path, _json_text(data))
        except OSError as exc:
            self._stop_saving(exc)
            return False
        return True

    def remove(self, profile_id: str) -> None:
        """Delete one child's saved file, any of theirs that were set aside, half-written
        copies, and their summary pictures in the game's own folder."""
        self._remove_own(lambda child: child == profile_id)

    def remove_all(self) -> None:
        """Delete every child's files, and the summary pictures kept in the game's own folder
        (not those saved elsewhere). Only files named as the game names them are deleted:
        anything else a person put in these folders stays."""
        self._remove_own(lambda child: True)

    def _remove_own(self, whose: Callable[[str | None], bool]) -> None:
        if self.folder is None:
            return
        for folder, pattern in (
            (self.folder, OWN_PROFILE_FILE),
            (self.folder.parent / SUMMARIES, OWN_SUMMARY),
        ):
            if not folder.is_dir():
                continue
            for path in folder.iterdir():
                match = pattern.fullmatch(path.name)
                if match and whose(match.group(1)) and path.is_file() and not path.is_symlink():
                    _unlink(path)

    def _stop_saving(self, exc: OSError) -> None:
        if not self._told:
            log.warning(
                "cannot save in %s (%s); the game plays on without saving", self.folder, exc
            )
            self.notice = "ui.save.off"
            self._told = True
        self.saving = False


def write_atomically(target: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``target``, flush it to the disk, then put it
    in ``target``'s place in one step. The old file stays whole until that step."""
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        _unlink(Path(temporary))
        raise


def read_json(path: Path, limit: int = MAX_BYTES) -> object:
    """The JSON in a regular file of at most ``limit`` bytes (a BOM, as Notepad writes, is
    allowed). Raises OSError if it cannot be opened, :class:`UnreadableProfile` if it is not a
    regular file or too big, ValueError if it is not JSON. A number too large to be a float
    (``1e400``), ``NaN`` or ``Infinity`` reads as null, so that one field gets its default."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    with os.fdopen(os.open(path, flags), "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise UnreadableProfile("it is not a regular file")
        raw = stream.read(limit + 1)
    if len(raw) > limit:
        raise UnreadableProfile(f"it is larger than {limit} bytes")
    return json.loads(
        raw.decode("utf-8-sig"), parse_float=_finite_or_none, parse_constant=lambda _: None
    )


def _finite_or_none(text: str) -> float | None:
    number = float(text)
    return number if math.isfinite(number) else None


def _json_text(data: dict) -> str:
    """Standard JSON only: a NaN or infinity is a bug to report, never a file to write."""
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def _number(path: Path) -> int:
    match = ID_PATTERN.match(path.name)
    return int(match.group(1)) if match else 0


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError as exc:
        log.warning("could not delete %s (%s)", path, exc)
