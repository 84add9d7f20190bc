"""Where the game writes its log, and how. The log stays on this machine."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path

LOG_NAME = "t-cell-hero.log"
DATA_DIR_ENV = "T_CELL_HERO_DATA_DIR"
#: A log longer than this is moved aside when the game starts; two old ones are kept.
LOG_BYTES = 512_000
LOG_KEPT = 2


def data_dir() -> Path:
    """The platform's per-user data folder for the game (``T_CELL_HERO_DATA_DIR`` overrides)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "T-Cell Hero"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "T-Cell Hero"
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "t-cell-hero"


class LogFile(logging.FileHandler):
    """The game's log file: only this user may read it (0600, where the OS can say so), and
    when it cannot be written (a full disk, a folder taken away) it says nothing on the
    terminal, not even a traceback; the game and its saves go on.

    A log that has grown past ``LOG_BYTES`` is moved aside when the game opens it (``.1``,
    then ``.2``), rather than mid-session as ``logging.handlers`` does: one session writes a
    few lines, and leaving out that module (with its sockets and threads) starts the game
    about a hundredth of a second sooner."""

    def _open(self):
        _rotate(Path(self.baseFilename))
        os.close(os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
        with contextlib.suppress(OSError):
            os.chmod(self.baseFilename, 0o600)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:
        """A line that could not be written is lost, quietly."""


def _rotate(path: Path) -> None:
    """Move a long log aside (``name.1``, the older ``name.2``); the oldest goes."""
    with contextlib.suppress(OSError):
        if path.stat().st_size <= LOG_BYTES:
            return
        for older in range(LOG_KEPT, 0, -1):
            source = path.with_name(f"{path.name}.{older - 1}") if older > 1 else path
            if source.exists():
                os.replace(source, path.with_name(f"{path.name}.{older}"))


def setup_logging(folder: Path | None = None) -> Path | None:
    """Log to a small file in ``folder`` (default: the data folder); returns its path,
    or None if the folder cannot be written (the game then logs to stderr only and plays on)."""
    root = logging.getLogger("game")
    root.setLevel(logging.INFO)
    folder = folder or data_dir()
    path = folder / LOG_NAME
    for handler in root.handlers:
        if isinstance(handler, LogFile) and Path(handler.baseFilename) == path:
            return path
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = LogFile(path, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path
