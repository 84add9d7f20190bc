"""The operating system's own speech engine: the fallback when a voice file is missing or
broken. macOS has ``say``; Windows has SAPI (through PowerShell); Linux may have
``spd-say`` or ``espeak-ng``. Where none is found, lines are shown as text only.

Nothing here waits: speech runs in its own process, and a new line stops the old one.
"""

from __future__ import annotations

import logging
import shutil
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import subprocess

log = logging.getLogger(__name__)

#: Seconds a spoken word takes, roughly, when the engine cannot tell us.
SECONDS_PER_WORD = 0.45
#: The most characters handed to an engine at once (a line is far shorter): writing to its
#: input must never keep the game waiting.
MOST_SPOKEN = 2000

# The words never go where an engine looks for options: a line "-f/etc/hostname" must be said,
# not make espeak read that file aloud. Engines that can read their input get the words there;
# spd-say cannot (its pipe mode echoes), so its words follow '--', the end of its options.


def _macos(say: str) -> Callable[[str, str], list[str]]:
    return lambda text, lang: [say]  # with no message, say reads its input


def _spd_say(spd: str) -> Callable[[str, str], list[str]]:
    return lambda text, lang: [spd, "--wait", f"--language={lang.split('-')[0]}", "--", text]


def _espeak(espeak: str) -> Callable[[str, str], list[str]]:
    return lambda text, lang: [espeak, f"-v{lang}", "-s", "140", "--stdin"]


def _windows(powershell: str) -> Callable[[str, str], list[str]]:
    script = (
        "Add-Type -AssemblyName System.Speech; "
        "(New-Object System.Speech.Synthesis.SpeechSynthesizer).Speak([Console]::In.ReadToEnd())"
    )
    return lambda text, lang: [powershell, "-NoProfile", "-Command", script]


class SystemSpeech:
    """Speaks through the first engine found (or the one given). ``command(text, lang)`` makes
    the argument list; text is never passed through a shell. With ``stdin`` the words are also
    written to the engine's input (and the command should leave them out)."""

    def __init__(
        self,
        command: Callable[[str, str], list[str]] | None,
        name: str = "",
        stdin: bool = False,
    ) -> None:
        self.command = command
        self.name = name
        self.stdin = stdin
        self._process: subprocess.Popen | None = None
        self._broken = False

    @classmethod
    def find(cls) -> SystemSpeech:
        if sys.platform == "darwin" and (say := shutil.which("say")):
            return cls(_macos(say), "say", stdin=True)
        if sys.platform == "win32" and (ps := shutil.which("powershell")):
            return cls(_windows(ps), "Windows speech", stdin=True)
        for name, make, stdin in (
            ("spd-say", _spd_say, False),
            ("espeak-ng", _espeak, True),
            ("espeak", _espeak, True),
        ):
            if path := shutil.which(name):
                return cls(make(path), name, stdin)
        return cls(None)

    @property
    def available(self) -> bool:
        return self.command is not None and not self._broken

    def speak(self, text: str, lang: str) -> float | None:
        """Start saying ``text``; about how long it takes, or None if it cannot be said."""
        if not self.available or self.command is None:
            return None
        self.stop()
        # No NUL, no lone surrogate: neither can be passed to a program.
        text = text[:MOST_SPOKEN].replace("\0", " ").encode("utf-8", "replace").decode("utf-8")
        args: Sequence[str] = self.command(text, lang)
        import subprocess  # here, not at the top: it costs the game's start a few milliseconds

        try:
            self._process = subprocess.Popen(
                list(args),
                stdin=subprocess.PIPE if self.stdin else subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            if self.stdin and self._process.stdin is not None:
                try:
                    self._process.stdin.write(text.encode("utf-8", "replace"))
                finally:
                    self._process.stdin.close()
        except (OSError, ValueError) as exc:
            log.warning("the system's speech (%s) could not start (%s); text only", self.name, exc)
            self._broken = True
            return None
        return 0.6 + SECONDS_PER_WORD * len(text.split())

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
        self._process = None
