"""``python -m game voices``: a voice file for every text that is heard, in every language.

A file is kept when the index says it was made from the same words (its hash), so only new and
changed lines are rendered, and a hospital's recorded human voice survives a re-run.
"""

from __future__ import annotations

from pathlib import Path

from game.script.model import Text
from game.script.strings import Strings, source_hash
from game.voice.index import Recorded, load_index, save_index, spoken, voice_file


def make_voices(
    strings: Strings, texts: list[Text], language: str, folder: Path, force: bool = False
) -> tuple[int, int]:
    """Render what is missing or out of date; returns (made, kept)."""
    from game.voice.render import Synthesiser, encode_ogg

    index = load_index(folder, language)
    synthesiser: Synthesiser | None = None
    made = kept = 0
    for text_id, words in spoken(strings, texts, language):
        path = voice_file(folder, language, text_id)
        recorded = index.get(text_id)
        if not force and recorded and recorded.hash == source_hash(words) and path.is_file():
            kept += 1
            continue
        if synthesiser is None:
            synthesiser = Synthesiser()
            if not synthesiser.available:
                raise RuntimeError("no espeak-ng to render voices: apt-get install espeak-ng")
        rendered = synthesiser.render(strings.respelled(language, words), strings.voice(language))
        encode_ogg(rendered, path)
        words_at = tuple(rendered.words) if rendered.words else None
        index[text_id] = Recorded(source_hash(words), rendered.seconds, words_at)
        made += 1
        if made % 25 == 0:
            save_index(folder, language, index)  # an interrupted run keeps what it made
    save_index(folder, language, index)
    return made, kept
