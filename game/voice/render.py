"""Render voice files with espeak-ng, offline: the words as sound, and when each word starts.

This is a tool for whoever changes the words (``python -m game voices``), not for players: the
rendered OGG files are committed. It talks to ``libespeak-ng`` through ctypes, because only the
library reports word timings (the ``espeak-ng`` command does not); without the library it falls
back to the command, and those files light up line by line instead of word by word.

Debian: ``apt-get install espeak-ng sox`` (sox encodes the OGG Vorbis files).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import re
import shutil
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

#: A calm, friendly speed (words a minute) and a slightly higher voice variant.
RATE_WPM = 140
VARIANT = "+f3"
OGG_RATE = 16000
OGG_QUALITY = "0"

# espeak-ng's C API (speak_lib.h)
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_EVENT_LIST_TERMINATED = 0
_EVENT_WORD = 1
_RATE = 1


class _Event(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("unique_identifier", ctypes.c_uint),
        ("text_position", ctypes.c_int),
        ("length", ctypes.c_int),
        ("audio_position", ctypes.c_int),
        ("sample", ctypes.c_int),
        ("user_data", ctypes.c_void_p),
        ("id", ctypes.c_char * 8),
    ]


_CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event)
)


@dataclass
class Rendered:
    samples: bytes  # 16-bit mono PCM
    rate: int
    words: list[float] | None  # start second of each word (whitespace-separated), or None

    @property
    def seconds(self) -> float:
        return len(self.samples) / 2 / self.rate


class Synthesiser:
    """espeak-ng, through its library when it can be loaded, else through its command."""

    def __init__(self) -> None:
        self.library = _load_library()
        self.command = shutil.which("espeak-ng") or shutil.which("espeak")
        self.rate = 22050
        self._voice: str | None = None
        if self.library is not None:
            self.rate = self.library.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0, None, 0)
            self._pcm = bytearray()
            self._events: list[tuple[int, int]] = []
            self._callback = _CALLBACK(self._receive)  # kept alive while the library holds it
            self.library.espeak_SetSynthCallback(self._callback)

    @property
    def available(self) -> bool:
        return self.library is not None or self.command is not None

    @property
    def word_timings(self) -> bool:
        return self.library is not None

    def render(self, text: str, voice: str) -> Rendered:
        if self.library is None:
            return self._render_with_command(text, voice)
        lib = self.library
        if voice != self._voice:
            if lib.espeak_SetVoiceByName((voice + VARIANT).encode()) != 0:
                lib.espeak_SetVoiceByName(voice.encode())
            lib.espeak_SetParameter(_RATE, RATE_WPM, 0)
            self._voice = voice
        self._pcm, self._events = bytearray(), []
        data = text.encode("utf-8")
        lib.espeak_Synth(data, len(data) + 1, 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None)
        lib.espeak_Synchronize()
        return Rendered(bytes(self._pcm), self.rate, word_starts(text, self._events))

    def _receive(self, wav, count: int, events) -> int:
        if wav and count > 0:
            self._pcm += ctypes.string_at(wav, count * 2)
        index = 0
        while events[index].type != _EVENT_LIST_TERMINATED:
            event = events[index]
            if event.type == _EVENT_WORD:
                self._events.append((event.text_position, event.audio_position))
            index += 1
        return 0

    def _render_with_command(self, text: str, voice: str) -> Rendered:
        if self.command is None:
            raise RuntimeError("no espeak-ng: apt-get install espeak-ng")
        with tempfile.TemporaryDirectory() as folder:
            wav = Path(folder) / "line.wav"
            subprocess.run(
                [self.command, "-v", voice + VARIANT, "-s", str(RATE_WPM), "-w", str(wav), text],
                check=True,
                capture_output=True,
            )
            with wave.open(str(wav)) as reader:
                return Rendered(reader.readframes(reader.getnframes()), reader.getframerate(), None)


def _load_library():
    name = ctypes.util.find_library("espeak-ng") or "libespeak-ng.so.1"
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    lib.espeak_SetSynthCallback.argtypes = [_CALLBACK]
    lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
    lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
    lib.espeak_Synth.argtypes = [
        ctypes.c_char_p,
        ctypes.c_size_t,
        ctypes.c_uint,
        ctypes.c_int,
        ctypes.c_uint,
        ctypes.c_uint,
        ctypes.c_void_p,
        ctypes.c_void_p,
    ]
    return lib


def word_starts(text: str, events: list[tuple[int, int]]) -> list[float] | None:
    """When each whitespace-separated word of ``text`` starts, in seconds, from espeak-ng's
    word events (1-based character position, milliseconds). A word espeak splits in two
    ('CD19') starts at its first part; one it reads as nothing (a dash) at the word before."""
    spans = [match.span() for match in re.finditer(r"\S+", text)]
    if not spans or not events:
        return None
    starts: list[float | None] = [None] * len(spans)
    for position, millis in events:
        at = position - 1
        index = next((i for i, (s, e) in enumerate(spans) if at < e), len(spans) - 1)
        if starts[index] is None or millis / 1000 < starts[index]:
            starts[index] = millis / 1000
    filled: list[float] = []
    for start in starts:
        filled.append(start if start is not None else (filled[-1] if filled else 0.0))
    for i in range(1, len(filled)):  # never backwards
        filled[i] = max(filled[i], filled[i - 1])
    return [round(t, 3) for t in filled]


def encode_ogg(rendered: Rendered, out: Path) -> None:
    """Write OGG Vorbis (small: 16 kHz mono) through sox."""
    sox = shutil.which("sox")
    if sox is None:
        raise RuntimeError("no sox to write OGG files: apt-get install sox")
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        wav = Path(folder) / "line.wav"
        with wave.open(str(wav), "wb") as writer:
            writer.setnchannels(1)
            writer.setsampwidth(2)
            writer.setframerate(rendered.rate)
            writer.writeframes(rendered.samples)
        subprocess.run(
            [sox, str(wav), "-r", str(OGG_RATE), "-C", OGG_QUALITY, str(out)],
            check=True,
            capture_output=True,
        )
