"""Which voice files exist, what text each was made from, and when its words start.

``assets/voice/<lang>/<text_id>.ogg`` is the sound; ``assets/voice/<lang>/index.json`` records,
for each id, the hash of the words it says (see :func:`game.script.strings.source_hash`), its
length and its word start times::

    {"format": 1, "lines": {"hunt.intro": {"hash": "3f2a9c1b", "seconds": 3.2,
                                          "words": [0.0, 0.41, ...]}}}

A file whose hash matches the words is up to date, so ``python -m game voices`` leaves it alone:
a hospital can put a recorded human voice in its place and keep it.
"""

from __future__ import annotations

import json
import logging
import math
import os
from dataclasses import dataclass
from pathlib import Path

from game.resources import asset_file
from game.script.model import Text
from game.script.strings import Strings, source_hash

log = logging.getLogger(__name__)

INDEX_NAME = "index.json"
#: Voice problems ``check`` names one by one in each language.
SHOWN = 5
FORMAT = 1


@dataclass(frozen=True)
class Recorded:
    hash: str
    seconds: float
    words: tuple[float, ...] | None = None


def voice_file(folder: Path, language: str, text_id: str) -> Path:
    return folder / language / f"{text_id}.ogg"


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
        times = tuple(_time(t, text_id) for t in words) if words else None
        found[text_id] = Recorded(entry["hash"], seconds, times)
    return found


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


def voice_problems(strings: Strings, texts: list[Text], folder: Path) -> list[str]:
    """Voice files that are missing or say old words, for ``check`` (the first few of each
    language by name, then how many more)."""
    problems = []
    for language in strings.languages:
        index, unreadable = read_index(folder, language)
        found = []
        if unreadable is not None:
            problems.append(
                f"voice: {language}/{INDEX_NAME} cannot be read ({unreadable}); "
                "voice files are treated as missing"
            )
        for text_id, words in spoken(strings, texts, language):
            entry = index.get(text_id)
            if asset_file(f"{language}/{text_id}.ogg", folder) is None or entry is None:
                found.append(f"voice: {language}/{text_id}.ogg is missing")
            elif entry.hash != source_hash(words):
                found.append(f"voice: {language}/{text_id}.ogg says old words")
        problems += found[:SHOWN]
        if len(found) > SHOWN:
            problems.append(f"voice: ...and {len(found) - SHOWN} more in {language}/")
    if problems:
        problems.append("voice: run 'python -m game voices' to make them (needs espeak-ng, sox)")
    return problems
