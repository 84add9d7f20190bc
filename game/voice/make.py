"""``python -m game voices``: a voice file for every text a child hears, in every language.

Only what changed is rendered: a file is kept while the index says it was made from the same
words by today's voice. A hospital's own recording (a file that is not the one the tool made,
or a ``.wav``) is never overwritten, even with ``--force``: when its words change, the run says
so, and the grown-up records it again or deletes it to have it made.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from game.script.model import Text
from game.script.strings import Strings, source_hash
from game.voice.index import (
    OWN,
    Recorded,
    file_digest,
    freshness,
    load_index,
    maker,
    said_words,
    save_index,
    spoken,
    voice_file,
)


@dataclass
class Made:
    made: int = 0
    kept: int = 0
    #: Lines whose voice is a hospital's own recording of words that have changed since.
    own_stale: list[str] = field(default_factory=list)


def make_voices(
    strings: Strings,
    texts: list[Text],
    language: str,
    folder: Path,
    force: bool = False,
    progress: Callable[[str], None] | None = None,
) -> Made:
    """Render what is missing or stale in ``language``."""
    from game.voice.kokoro import Kokoro, encode_mp3, narrator_for

    index = load_index(folder, language)
    made_by = maker(strings, language)
    narrator = narrator_for(strings.voice(language), strings.narrator(language))
    engine: Kokoro | None = None
    result = Made()
    for text_id, words in spoken(strings, texts, language):
        path = voice_file(folder, language, text_id)
        entry = _own_recording(index.get(text_id), path, words)
        if entry is not None:
            index[text_id] = entry
        recorded = index.get(text_id)
        said = said_words(strings, language, words)
        why = freshness(recorded, path if path.is_file() else None, words, made_by, " ".join(said))
        if recorded is not None and recorded.voice == OWN:
            if why is not None:
                result.own_stale.append(f"{language}/{path.name}")
            result.kept += 1
            continue
        if why is None and not force:
            result.kept += 1
            continue
        if engine is None:
            engine = Kokoro()
        rendered = engine.render(words, said, narrator, _espeak_code(strings.voice(language)))
        out = path.with_suffix(".mp3")
        data = encode_mp3(rendered, out)
        words_at = tuple(rendered.words) if rendered.words else None
        index[text_id] = Recorded(
            source_hash(words), rendered.seconds, words_at, made_by, _digest(data), _said(said)
        )
        result.made += 1
        if progress is not None:
            progress(f"{language}/{out.name}")
        if result.made % 20 == 0:
            save_index(folder, language, index)  # an interrupted run keeps what it made
    save_index(folder, language, index)
    return result


def _said(said: list[str]) -> str:
    return source_hash(" ".join(said))


def _own_recording(entry: Recorded | None, path: Path, words: str) -> Recorded | None:
    """The index entry for a file someone put in place of the one the tool made (a WAV, a file
    with no entry, or one whose fingerprint differs), or None when it is the tool's own."""
    if not path.is_file() or (entry is not None and entry.voice == OWN):
        return None
    digest = file_digest(path)
    if path.suffix == ".mp3" and entry is not None and entry.file in (digest, None):
        return None  # the file the tool made (an old index has no fingerprint: trust it)
    return Recorded(source_hash(words), 0.0, None, OWN, digest)  # no timings: lit whole


def _digest(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()[:16]


def _espeak_code(voice: str) -> str:
    """The phonemizer's name for a table's speech code ('en-us', 'es-419')."""
    return re.sub(r"[^a-z0-9-]", "", voice.lower()) or "en-us"
