"""The voice build tools, without the model: which files are made again (only what changed,
never a hospital's own recording), how shown words get their start times from the voice's
spoken words, and how ``voices --verify`` scores what a recognizer heard."""

from __future__ import annotations

import json
from typing import ClassVar

import pytest

from game.script.model import Text
from game.script.strings import Strings, Table
from game.voice import kokoro
from game.voice.align import SpokenWord, match, word_starts
from game.voice.index import OWN, file_digest, load_index, maker, said_words, voice_problems
from game.voice.make import make_voices
from game.voice.verify import errors, missed_key_words, normalise


# --- word timings -------------------------------------------------------------------------
def spoken_words(*spans):
    return [SpokenWord(start, end, size) for start, end, size in spans]


def test_one_spoken_word_for_each_shown_word_starts_each_at_its_own_time():
    said = spoken_words((0.1, 0.4, 3), (0.5, 0.9, 4), (1.0, 1.6, 6))
    assert word_starts([3, 4, 6], said) == [0.1, 0.5, 1.0]


def test_two_shown_words_run_together_share_one_spoken_word_by_their_sizes():
    # "not a" is one spoken word: "not" starts it, "a" starts three quarters of the way in.
    said = spoken_words((0.0, 0.3, 2), (0.4, 0.8, 4), (1.0, 1.4, 3))
    assert match([2, 3, 1, 3], [2, 4, 3]) == [(0, 1, 0, 1), (1, 2, 1, 1), (3, 1, 2, 1)]
    assert word_starts([2, 3, 1, 3], said) == [0.0, 0.4, 0.7, 1.0]


def test_a_shown_word_said_as_two_words_starts_with_the_first():
    # "CD19" said as "C D" "nineteen".
    said = spoken_words((0.0, 0.2, 2), (0.3, 0.6, 4), (0.7, 1.2, 7), (1.3, 1.6, 3))
    assert word_starts([2, 11, 3], said) == [0.0, 0.3, 1.3]


def test_words_that_cannot_be_matched_light_up_whole():
    assert word_starts([], spoken_words((0.0, 1.0, 3))) is None
    assert word_starts([3, 3], []) is None
    # ten shown words cannot fit one spoken word (at most three share one)
    assert word_starts([1] * 10, spoken_words((0.0, 1.0, 3))) is None


def test_start_times_never_go_backwards():
    said = spoken_words((0.5, 0.9, 3), (0.2, 0.4, 3))
    starts = word_starts([3, 3], said)
    assert starts == sorted(starts)


# --- what is made again ---------------------------------------------------------------------
class FakeEngine:
    """Stands in for Kokoro: a second of silence per line, one start per shown word."""

    made: ClassVar[list[str]] = []

    def render(self, words, said, narrator, language):
        FakeEngine.made.append(words)
        return kokoro.Rendered(
            b"\0\0" * 24000, 24000, [round(0.1 * i, 3) for i in range(len(said))]
        )


def fake_mp3(rendered, out):
    data = f"mp3 of {len(rendered.samples)} bytes, {out.name}".encode()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return data


@pytest.fixture
def tools(monkeypatch):
    FakeEngine.made = []
    monkeypatch.setattr(kokoro, "Kokoro", FakeEngine)
    monkeypatch.setattr(kokoro, "encode_mp3", fake_mp3)


def table(code, voice, say=None, narrator=None):
    return Table(code, code, voice, {}, f"{code}.yaml", say or {}, narrator)


def one_line(words="Your T cell gets an IV."):
    strings = Strings({"a.one": words}, {"en": table("en", "en-us", {"IV": "I-V"})})
    return strings, [Text("a.one", "mini", None, words, "line")]


def test_only_new_changed_or_old_voice_lines_are_made(tmp_path, tools):
    strings, texts = one_line()
    assert make_voices(strings, texts, "en", tmp_path).made == 1
    assert FakeEngine.made == ["Your T cell gets an IV."]
    entry = load_index(tmp_path, "en")["a.one"]
    assert entry.voice == maker(strings, "en") == "kokoro-1.0/af_heart/0.9"
    assert entry.words == (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)  # one start for each shown word
    assert voice_problems(strings, texts, tmp_path) == []
    assert make_voices(strings, texts, "en", tmp_path).made == 0  # nothing changed
    strings, texts = one_line("Your T cell is back.")
    assert make_voices(strings, texts, "en", tmp_path).made == 1  # new words
    index = tmp_path / "en" / "index.json"
    data = json.loads(index.read_text())
    data["lines"]["a.one"]["voice"] = "espeak-ng"
    index.write_text(json.dumps(data))
    assert "voice: en/a.one.mp3 was made by an older voice" in voice_problems(
        strings, texts, tmp_path
    )
    assert make_voices(strings, texts, "en", tmp_path).made == 1  # an older voice


def test_the_pronunciation_table_is_applied_word_by_word():
    strings, _ = one_line()
    assert said_words(strings, "en", "An IV. Not IVY.") == ["An", "I-V.", "Not", "IVY."]


def test_a_pause_in_the_table_keeps_the_lines_own_stop():
    strings = Strings({}, {"es": table("es", "es-419", {"T": "T,"})})
    assert said_words(strings, "es", "Tu célula T va. ¿Tu célula T?") == [
        *("Tu", "célula", "T,", "va."),
        *("¿Tu", "célula", "T?"),
    ]
    # a title or label that ends on a letter keeps no pause after it; a word keeps its pause
    assert said_words(strings, "es", "Célula T") == ["Célula", "T"]
    strings = Strings({}, {"es": table("es", "es-419", {"CAR": "car,"})})
    assert said_words(strings, "es", "Un CAR") == ["Un", "car,"]


def test_a_changed_pronunciation_table_makes_the_lines_it_changes_again(tmp_path, tools):
    strings, texts = one_line()
    make_voices(strings, texts, "en", tmp_path)
    strings = Strings(strings.english, {"en": table("en", "en-us", {"IV": "eye vee"})})
    assert voice_problems(strings, texts, tmp_path)[0] == (
        "voice: en/a.one.mp3 says its words the old way (the pronunciation table changed)"
    )
    assert make_voices(strings, texts, "en", tmp_path).made == 1
    assert FakeEngine.made[-1] == "Your T cell gets an IV."
    assert voice_problems(strings, texts, tmp_path) == []
    # a table change that leaves this line's words alone makes nothing
    strings = Strings(strings.english, {"en": table("en", "en-us", {"IV": "eye vee", "B": "bee"})})
    assert make_voices(strings, texts, "en", tmp_path).made == 0


def test_a_hospitals_own_recording_is_kept_even_when_forced(tmp_path, tools):
    strings, texts = one_line()
    make_voices(strings, texts, "en", tmp_path)
    recording = tmp_path / "en" / "a.one.mp3"
    recording.write_bytes(b"a nurse reading the line")
    result = make_voices(strings, texts, "en", tmp_path, force=True)
    assert result.made == 0 and result.own_stale == []
    assert recording.read_bytes() == b"a nurse reading the line"
    entry = load_index(tmp_path, "en")["a.one"]
    assert entry.voice == OWN and entry.file == file_digest(recording) and entry.words is None
    assert voice_problems(strings, texts, tmp_path) == []
    # the words change: the recording is kept, and the run and check both say so
    strings, texts = one_line("Your T cell is back.")
    result = make_voices(strings, texts, "en", tmp_path, force=True)
    assert result.made == 0 and result.own_stale == ["en/a.one.mp3"]
    assert recording.read_bytes() == b"a nurse reading the line"
    problems = voice_problems(strings, texts, tmp_path)
    assert "voice: en/a.one.mp3 is your own recording of old words" in problems


def test_a_wav_recording_is_played_instead_and_never_replaced(tmp_path, tools):
    strings, texts = one_line()
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "a.one.wav").write_bytes(b"RIFF a recording")
    assert make_voices(strings, texts, "en", tmp_path).made == 0
    assert not (tmp_path / "en" / "a.one.mp3").exists()
    assert load_index(tmp_path, "en")["a.one"].voice == OWN


def test_check_names_the_command_and_the_machine_that_makes_missing_voices(tmp_path):
    strings, texts = one_line()
    problems = voice_problems(strings, texts, tmp_path)
    assert problems[0] == "voice: en/a.one.mp3 is missing"
    assert "uv sync --group voice" in problems[-1] and "Python 3.11" in problems[-1]
    assert "computer's own speech" in problems[-1]


def test_a_language_with_no_natural_voice_is_told_how_to_name_one(tmp_path, tools):
    strings = Strings({"a.one": "Hi."}, {"en": table("en", "en-us"), "fr": table("fr", "fr")})
    with pytest.raises(RuntimeError, match="narrator"):
        make_voices(strings, [Text("a.one", "mini", None, "Hi.", "line")], "fr", tmp_path)
    strings.tables["fr"] = table("fr", "fr", narrator="af_bella")
    assert maker(strings, "fr") == "kokoro-1.0/af_bella/0.9"


# --- verify -------------------------------------------------------------------------------
def test_what_is_heard_is_compared_word_for_word():
    said = normalise("Tell a grown-up right away. Two became four! CD19", "en")
    heard = normalise(" Tell a grown up right away.  2 became 4, CD-19", "en")
    assert said == heard and errors(said, heard) == 0
    assert errors(["a", "b", "c"], ["a", "x", "c", "d"]) == 2
    assert normalise("La célula T va por la vía I.V.", "es")[-1] == "iv"


def test_a_misheard_key_word_is_named():
    assert missed_key_words("Your T cell finds CD19.", "Your diesel finds CD 19.", "en") == [
        "T cell"
    ]
    assert missed_key_words("CAR T cells", "car T-cells", "en") == []
    assert missed_key_words("Tu célula T y la leucemia.", "Tu celular y la leucemia.", "es") == [
        "célula T"
    ]


def test_a_letters_name_written_as_a_word_is_the_same_sound():
    # "T cells" and "tea sells" sound the same; so do "célula T" and "célula te".
    assert missed_key_words("Your T cells", "Your tea sells", "en") == []
    assert missed_key_words("The CAR T cells", "The CAR-T cells", "en") == []
    assert missed_key_words("Las células T", "Las células te", "es") == []


def test_spanish_key_words_are_heard_by_their_sounds_however_they_are_spaced():
    # the same sounds in the same order, with the words on either side
    assert missed_key_words("Tus células B sanas.", "Tus células besanas.", "es") == []
    assert missed_key_words("Reciben sus CAR en el lab.", "Reciben suscar en el lab.", "es") == []
    assert missed_key_words("El CAR no encaja.", "El carno encaja.", "es") == []
    # a sound more, or one missing, is misheard
    assert missed_key_words("El CAR encaja.", "El cara encaja.", "es") == ["CAR"]
    assert missed_key_words("Las células T de tu hermano.", "Las células de tu hermano.", "es") == [
        "célula T"
    ]
    assert missed_key_words("Toca tu célula T.", "Toca tu celular.", "es") == ["célula T"]
    # a key word ending inside a word ('CD19' in 'CD190'): its neighbours are the words beside
    # that word, not the rest of the line
    assert missed_key_words("a b c CD190 x y z", "a b c sede 190 x", "es") == []
    # every place a key word is said must be heard
    assert missed_key_words(
        "Tu célula T y sus células T.", "Tu célula te y sus células de.", "es"
    ) == ["célula T"]
    assert normalise("por la vía i-ve", "es") == normalise("por la vía IV", "es")
    # accents are spelling, and words run together are the same sounds
    assert normalise("tu celulate", "es") == normalise("tu célula T", "es")
    assert normalise("las células cartes", "es") == normalise("las células CAR T", "es")


def test_every_pinned_voice_has_a_default_or_is_offered():
    assert set(kokoro.DEFAULT_NARRATORS.values()) <= set(kokoro.VOICE_SHA256)
    assert all(len(digest) == 64 for digest in kokoro.VOICE_SHA256.values())
