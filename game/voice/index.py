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
import os
from dataclasses import dataclass
from pathlib import Path

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
    path = folder / language / INDEX_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {
            text_id: Recorded(
                str(entry["hash"]),
                float(entry["seconds"]),
                tuple(float(t) for t in entry["words"]) if entry.get("words") else None,
            )
            for text_id, entry in data["lines"].items()
        }
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        log.warning("the voice index %s cannot be read (%s); word timings are off", path, exc)
        return {}


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
        index = load_index(folder, language)
        found = []
        for text_id, words in spoken(strings, texts, language):
            entry = index.get(text_id)
            if not voice_file(folder, language, text_id).is_file() or entry is None:
                found.append(f"voice: {language}/{text_id}.ogg is missing")
            elif entry.hash != source_hash(words):
                found.append(f"voice: {language}/{text_id}.ogg says old words")
        problems += found[:SHOWN]
        if len(found) > SHOWN:
            problems.append(f"voice: ...and {len(found) - SHOWN} more in {language}/")
    if problems:
        problems.append("voice: run 'python -m game voices' to make them (needs espeak-ng, sox)")
    return problems
