"""Profiles on disk: one JSON file each in ``<data folder>/profiles``.

Saving is atomic: the new file is written whole beside the old one, flushed to the disk, then
swapped in with ``os.replace``, so a game killed mid-save leaves the previous save intact.
A file that cannot be read (cut short, garbage, another format version) is moved aside with
a name that says so (``child-2.set-aside-20261121-101500.json``), logged, and that child
starts fresh. A folder that cannot be written means the game plays on without saving, and
``notice`` says so once for the screen to show.

What belongs to the device, not to a child (the grown-up's language), is ``device.json`` in the
data folder, beside the profiles folder: clearing every child's data leaves it.
"""

from __future__ import annotations

import json
import logging
import os
import re
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
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            profile = Profile.from_dict(data, self.languages)
            if profile.id != path.stem:
                raise UnreadableProfile(f"it says it is '{profile.id}'")
            return profile
        except OSError as exc:
            log.warning("could not read the saved profile %s (%s); skipping it", path.name, exc)
            return None
        except (ValueError, UnicodeDecodeError) as exc:  # JSONDecodeError is a ValueError
            reason = exc if isinstance(exc, UnreadableProfile) else "it is not whole JSON"
            self._set_aside(path, str(reason))
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
            return DeviceSettings.from_dict(
                json.loads(path.read_text(encoding="utf-8")), self.languages
            )
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            log.warning("could not read the device settings %s (%s); using defaults", path, exc)
            return DeviceSettings()

    def _device_path(self) -> Path | None:
        return self.folder.parent / DEVICE_FILE if self.folder is not None else None

    # writing ----------------------------------------------------------------------------------
    def save_device(self, device: DeviceSettings) -> bool:
        """Write the device's settings atomically; False if saving is off or failed."""
        path = self._device_path()
        if not self.saving or path is None:
            return False
        text = json.dumps(device.to_dict(), indent=2, ensure_ascii=False) + "\n"
        try:
            write_atomically(path, text)
        except OSError as exc:
            self._stop_saving(exc)
            return False
        return True

    def new_id(self, taken: list[Profile]) -> str:
        numbers = [_number(Path(p.id)) for p in taken]
        if self.folder is not None and self.folder.is_dir():
            numbers += [_number(p) for p in self.folder.glob("child-*.json")]
        return f"child-{max(numbers, default=0) + 1}"

    def save(self, profile: Profile) -> bool:
        """Write the profile atomically; False if saving is off or failed (logged once)."""
        if not self.saving or self.folder is None:
            return False
        target = self.folder / f"{profile.id}.json"
        text = json.dumps(profile.to_dict(), indent=2, ensure_ascii=False) + "\n"
        try:
            write_atomically(target, text)
        except OSError as exc:
            self._stop_saving(exc)
            return False
        return True

    def remove(self, profile_id: str) -> None:
        """Delete one child's saved file, and any of theirs that were set aside."""
        if self.folder is None:
            return
        for path in self.folder.glob(f"{profile_id}.*"):
            if path.stem.split(".")[0] == profile_id:
                _unlink(path)

    def remove_all(self) -> None:
        """Delete every child's files, and the summary pictures kept in the game's own folder
        (not those saved elsewhere)."""
        if self.folder is None:
            return
        if self.folder.is_dir():
            for path in self.folder.iterdir():
                if path.is_file():
                    _unlink(path)
        summaries = self.folder.parent / SUMMARIES
        if summaries.is_dir():
            for path in summaries.glob("*.png"):
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


def _number(path: Path) -> int:
    match = ID_PATTERN.match(path.name)
    return int(match.group(1)) if match else 0


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError as exc:
        log.warning("could not delete %s (%s)", path, exc)
