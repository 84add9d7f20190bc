"""The operating system's own speech engine: the fallback when a voice file is missing or
broken. macOS has ``say``; Windows has SAPI (through PowerShell); Linux may have
``spd-say`` or ``espeak-ng``. Where none is found, lines are shown as text only.

Nothing here waits: speech runs in its own process, and a new line stops the old one.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence

log = logging.getLogger(__name__)

#: Seconds a spoken word takes, roughly, when the engine cannot tell us.
SECONDS_PER_WORD = 0.45


def _macos(say: str) -> Callable[[str, str], list[str]]:
    return lambda text, lang: [say, text]


def _spd_say(spd: str) -> Callable[[str, str], list[str]]:
    return lambda text, lang: [spd, "--wait", "-l", lang.split("-")[0], text]


def _espeak(espeak: str) -> Callable[[str, str], list[str]]:
    return lambda text, lang: [espeak, "-v", lang, "-s", "140", text]


def _windows(powershell: str) -> Callable[[str, str], list[str]]:
    script = (
        "Add-Type -AssemblyName System.Speech; "
        "(New-Object System.Speech.Synthesis.SpeechSynthesizer).Speak([Console]::In.ReadToEnd())"
    )
    return lambda text, lang: [powershell, "-NoProfile", "-Command", script]


class SystemSpeech:
    """Speaks through the first engine found (or the one given). ``command(text, lang)`` makes
    the argument list; text is never passed through a shell."""

    def __init__(self, command: Callable[[str, str], list[str]] | None, name: str = "") -> None:
        self.command = command
        self.name = name
        self._process: subprocess.Popen | None = None
        self._broken = False

    @classmethod
    def find(cls) -> SystemSpeech:
        if sys.platform == "darwin" and (say := shutil.which("say")):
            return cls(_macos(say), "say")
        if sys.platform == "win32" and (ps := shutil.which("powershell")):
            return cls(_windows(ps), "Windows speech")
        for name, make in (("spd-say", _spd_say), ("espeak-ng", _espeak), ("espeak", _espeak)):
            if path := shutil.which(name):
                return cls(make(path), name)
        return cls(None)

    @property
    def available(self) -> bool:
        return self.command is not None and not self._broken

    def speak(self, text: str, lang: str) -> float | None:
        """Start saying ``text``; about how long it takes, or None if it cannot be said."""
        if not self.available or self.command is None:
            return None
        self.stop()
        args: Sequence[str] = self.command(text, lang)
        try:
            self._process = subprocess.Popen(
                list(args),
                stdin=subprocess.PIPE if sys.platform == "win32" else subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            if sys.platform == "win32" and self._process.stdin is not None:
                self._process.stdin.write(text.encode("utf-8"))
                self._process.stdin.close()
        except OSError as exc:
            log.warning("the system's speech (%s) could not start (%s); text only", self.name, exc)
            self._broken = True
            return None
        return 0.6 + SECONDS_PER_WORD * len(text.split())

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
        self._process = None
