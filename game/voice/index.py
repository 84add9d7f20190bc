"""Which voice files exist, what text each was made from, and when its words start.

``assets/voice/<lang>/<text_id>.mp3`` is the sound (a hospital's own recording may be a
``.wav`` instead); ``assets/voice/<lang>/index.json`` records, for each id, the hash of the words
it says (see :func:`game.script.strings.source_hash`), its length, its word start times, which
voice made it, a fingerprint of the file as it was made and the hash of what the voice was given
to say (the words as the language's pronunciation table respells them)::

    {"format": 2, "lines": {"hunt.intro": {"hash": "3f2a9c1b", "seconds": 3.2,
        "words": [0.0, 0.41, ...], "voice": "kokoro-1.0/af_heart/0.9", "file": "9c1b3f2a...",
        "said": "77c0e1d2"}}}

A file whose hashes and voice match is up to date, so ``python -m game voices`` leaves it alone. A
file that is not the one the tool made (its fingerprint differs) is a hospital's own recording:
it is recorded as ``"voice": "own"`` and never overwritten.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path

from game.resources import asset_file
from game.script.model import Text
from game.script.strings import Strings, source_hash

log = logging.getLogger(__name__)

INDEX_NAME = "index.json"
#: Voice problems ``check`` names one by one in each language.
SHOWN = 5
FORMAT = 2
#: The file types a line's voice may be, the first found playing: a hospital's own recording
#: as WAV, else MP3 (what the tool writes; pygame-ce and every browser, Safari too, play both).
SUFFIXES = (".wav", ".mp3")
#: The maker of a hospital's own recording.
OWN = "own"


@dataclass(frozen=True)
class Recorded:
    hash: str
    seconds: float
    words: tuple[float, ...] | None = None
    #: What made it (see :func:`game.voice.kokoro.voice_id`), or ``OWN``; None in an old index.
    voice: str | None = None
    #: The SHA-256 (first 16 digits) of the file as it was made.
    file: str | None = None
    #: The hash of what the voice was given to say (the words respelled by the language's
    #: ``say:`` table): a changed table makes the file again. None in an older index.
    said: str | None = None


def voice_file(folder: Path, language: str, text_id: str) -> Path:
    """The line's voice file: the first of :data:`SUFFIXES` that exists, else where the tool
    writes it."""
    for suffix in SUFFIXES:
        path = folder / language / f"{text_id}{suffix}"
        if path.is_file():
            return path
    return folder / language / f"{text_id}.mp3"


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def load_index(folder: Path, language: str) -> dict[str, Recorded]:
    """The language's index; empty (and logged) when it is missing or cannot be read."""
    index, problem = read_index(folder, language)
    if problem is not None:
        path = folder / language / INDEX_NAME
        log.warning("the voice index %s cannot be read (%s); word timings are off", path, problem)
    return index


def read_index(folder: Path, language: str) -> tuple[dict[str, Recorded], str | None]:
    """The language's index and, when it cannot be used, why (then the index is empty).

    Any file at all is survived: a voice index is made by a tool, but it may be hand-edited,
    cut short or replaced, and word timings are not worth a break screen."""
    path = folder / language / INDEX_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return _entries(data), None
    except FileNotFoundError:
        return {}, None
    except OSError as exc:
        return {}, exc.strerror or type(exc).__name__
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        return {}, str(exc)[:120] or type(exc).__name__
    except (RecursionError, OverflowError, MemoryError) as exc:
        return {}, f"{type(exc).__name__}: it is nested too deeply or a number is too large"


def _entries(data: object) -> dict[str, Recorded]:
    """The lines of an index, checked field by field (raises ValueError naming what is wrong)."""
    lines = data.get("lines") if isinstance(data, dict) else None
    if not isinstance(lines, dict):
        raise ValueError('it must be an object with "lines"')
    found = {}
    for text_id, entry in lines.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("hash"), str):
            raise ValueError(f'the entry for {text_id[:60]!r} needs a "hash" text')
        seconds = _time(entry.get("seconds"), text_id)
        words = entry.get("words")
        if words is not None and not isinstance(words, list):
            raise ValueError(f'the "words" of {text_id[:60]!r} must be a list of times')
        times = _times(words, text_id) if words else None
        voice, digest, said = entry.get("voice"), entry.get("file"), entry.get("said")
        if not all(isinstance(value, str | None) for value in (voice, digest, said)):
            raise ValueError(f'the "voice", "file" and "said" of {text_id[:60]!r} must be texts')
        found[text_id] = Recorded(entry["hash"], seconds, times, voice, digest, said)
    return found


def _times(values: list, text_id: str) -> tuple[float, ...]:
    """Word start times: plain, finite, non-negative numbers (the usual case checked in one
    pass: an index has thousands of them and is read when the game starts)."""
    if all(type(t) is float and 0.0 <= t < math.inf for t in values):
        return tuple(values)
    return tuple(_time(t, text_id) for t in values)


def _time(value: object, text_id: str) -> float:
    """A time in seconds: a plain, finite, non-negative number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"a time of {text_id[:60]!r} is not a number")
    seconds = float(value)  # OverflowError for a 400-digit whole number
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError(f"a time of {text_id[:60]!r} is not a length of time")
    return seconds


def save_index(folder: Path, language: str, index: dict[str, Recorded]) -> None:
    """Write the index atomically, in a stable order (small diffs)."""
    path = folder / language / INDEX_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = {
        text_id: {
            "hash": entry.hash,
            "seconds": round(entry.seconds, 3),
            "words": list(entry.words) if entry.words else None,
            "voice": entry.voice,
            "file": entry.file,
            **({"said": entry.said} if entry.said else {}),
        }
        for text_id, entry in sorted(index.items())
    }
    body = ",\n".join(
        f"  {json.dumps(text_id)}: {json.dumps(entry, ensure_ascii=False)}"
        for text_id, entry in lines.items()
    )
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(f'{{"format": {FORMAT}, "lines": {{\n{body}\n}}}}\n', encoding="utf-8")
    os.replace(temporary, path)


def said_words(strings: Strings, language: str, words: str) -> list[str]:
    """What the voice is given to say for each shown word of ``words`` (the pronunciation
    table applied word by word, so word timings still land on the shown words). A letter's
    pause at the very end of a title or label ('Célula B' as 'Célula B,') goes: there is no
    next word to keep it from, and 'Célula B,' said alone was heard as 'salula be', 'Célula B'
    as itself. (A word's pause stays: 'Un CAR' was heard best with it.)"""
    said = [strings.respelled(language, word) for word in words.split()]
    if said:
        said[-1] = re.sub(r"^(\w)[,;:]+$", r"\1", said[-1])
    return said


def spoken(strings: Strings, texts: list[Text], language: str) -> list[tuple[str, str]]:
    """(id, words) for every text that is heard in ``language`` (lines, labels and the word
    book), in reading order. An id with no translation yet has no voice in that language."""
    found = []
    for text in texts:
        if text.spoken:
            words = strings.text_in(language, text.id)
            if words is not None:
                found.append((text.id, words))
    return found


def maker(strings: Strings, language: str) -> str:
    """What should make this language's files: its narrator, at today's settings."""
    from game.voice.kokoro import narrator_for, voice_id  # no build tools are imported

    try:
        return voice_id(narrator_for(strings.voice(language), strings.narrator(language)))
    except RuntimeError:
        return "?"


def freshness(
    entry: Recorded | None, path: Path | None, words: str, made_by: str, said: str | None = None
) -> str | None:
    """Why a line's voice file must be made (or recorded) again, or None when it is up to
    date. ``path`` is the file, None when there is none; ``said`` is what the voice is given to
    say now (the words respelled by the pronunciation table)."""
    if path is None or entry is None:
        return "is missing"
    if entry.hash != source_hash(words):
        return "is your own recording of old words" if entry.voice == OWN else "says old words"
    if entry.voice not in (OWN, made_by):
        return "was made by an older voice"
    if said is not None and entry.voice != OWN and entry.said not in (None, source_hash(said)):
        return "says its words the old way (the pronunciation table changed)"
    return None


def voice_problems(strings: Strings, texts: list[Text], folder: Path) -> list[str]:
    """Voice files that are missing or stale, for ``check`` (the first few of each language by
    name, then how many more)."""
    problems = []
    for language in strings.languages:
        index, unreadable = read_index(folder, language)
        made_by = maker(strings, language)
        found = []
        if unreadable is not None:
            problems.append(
                f"voice: {language}/{INDEX_NAME} cannot be read ({unreadable}); "
                "voice files are treated as missing"
            )
        for text_id, words in spoken(strings, texts, language):
            path = voice_file(folder, language, text_id)
            inside = asset_file(f"{language}/{path.name}", folder)
            said = " ".join(said_words(strings, language, words))
            why = freshness(index.get(text_id), inside, words, made_by, said)
            if why is not None:
                found.append(f"voice: {language}/{path.name} {why}")
        problems += found[:SHOWN]
        if len(found) > SHOWN:
            problems.append(f"voice: ...and {len(found) - SHOWN} more in {language}/")
    if problems:
        problems.append(f"voice: {RENDER_HINT}")
    return problems


#: How the voice files are made, and where (check prints it under any voice problem).
RENDER_HINT = (
    "until they are made, missing lines and lines with new words use the computer's own "
    "speech. To make them, on a PC "
    "with Python 3.11 or newer (Windows, macOS or Linux) and an internet connection: "
    "'uv sync --group voice' once, then 'uv run python -m game voices' (a few seconds a line)"
)
