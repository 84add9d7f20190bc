"""Every line is heard: a voice file for every spoken text in both languages, with word timings;
and when a file is missing or broken, or there is no audio device, the game falls back to the
system's speech, else to text only, logging it once and never crashing."""

from __future__ import annotations

import logging
import shutil
import sys
import textwrap
import wave
from pathlib import Path

import pygame
import pytest

from game import resources
from game.app.platform.voice import Voice
from game.script.catalog import load_all
from game.script.narrator import Narrator
from game.script.strings import Strings, source_hash
from game.script.texts import all_texts, build_strings, load_library
from game.voice.index import Recorded, load_index, maker, save_index, spoken, voice_file
from game.voice.system import SystemSpeech

VOICE = resources.assets_dir() / "voice"


@pytest.fixture(scope="module")
def loaded():
    return load_all(), load_library()


@pytest.fixture
def shipped(loaded):
    """Fresh strings for each test (a test may switch their language)."""
    scenes, library = loaded
    return build_strings(scenes, library), all_texts(scenes, library)


@pytest.fixture
def mixer():
    pygame.mixer.init()
    yield
    pygame.mixer.quit()


def test_every_spoken_text_in_both_languages_has_an_up_to_date_voice_file(shipped):
    """No voice file is missing or stale: each says today's words, made by today's voice (or
    is a hospital's own recording), with a start time for every shown word."""
    strings, texts = shipped
    for language in ("en", "es"):
        index = load_index(VOICE, language)
        said = spoken(strings, texts, language)
        assert len(said) > 250
        made_by = maker(strings, language)
        assert made_by.startswith("kokoro-1.0/")
        for text_id, words in said:
            recorded = index[text_id]
            assert recorded.hash == source_hash(words), (language, text_id)
            assert voice_file(VOICE, language, text_id).is_file(), (language, text_id)
            assert recorded.voice == made_by, (language, text_id)
            assert recorded.words is not None and len(recorded.words) == len(words.split())


def test_voice_files_are_mp3_and_both_languages_fit_in_40_mb(shipped):
    """One format for pygame-ce and for Safari on an iPad (the browser build plays the same
    files), and small enough to ship."""
    strings, texts = shipped
    total = 0
    for language in ("en", "es"):
        for text_id, _words in spoken(strings, texts, language):
            path = voice_file(VOICE, language, text_id)
            head = path.read_bytes()[:3]
            assert path.suffix == ".mp3", path
            assert head == b"ID3" or (head[0] == 0xFF and head[1] & 0xE0 == 0xE0), path
            total += path.stat().st_size
    assert total <= 40 * 1024 * 1024


def test_every_screen_a_child_acts_on_is_voiced(shipped):
    """Titles, the map, the closing card, pause, the break reminder, who is playing and
    picking a color all have voice files; the grown-up's panel has none."""
    _, texts = shipped
    ids = {text.id for text in texts if text.spoken}
    assert {"meet.title", "ui.map.title", "ui.go", "ui.card.done", "ui.pause.title"} <= ids
    assert {"ui.rest.note", "ui.profiles.who_gets", "ui.profiles.pick_colour"} <= ids
    assert "words.car" in ids and "words.car.meaning" in ids
    assert not any(i.startswith(("ui.grownup.", "ui.results.", "ui.note.")) for i in ids)


@pytest.mark.slow  # decodes every voice file, over 500 of them
def test_every_voice_file_plays_and_lasts_as_long_as_its_index_says(shipped, mixer):
    strings, texts = shipped
    for language in ("en", "es"):
        index = load_index(VOICE, language)
        for text_id, _words in spoken(strings, texts, language):
            clip = pygame.mixer.Sound(voice_file(VOICE, language, text_id))
            assert abs(clip.get_length() - index[text_id].seconds) < 0.1, (language, text_id)


class FakeSystem:
    """Stands in for the OS's speech engine and remembers what it was asked to say."""

    def __init__(self):
        self.said = []
        self.stopped = 0

    def speak(self, text, lang):
        self.said.append((text, lang))
        return 2.0

    def stop(self):
        self.stopped += 1


def tiny_strings():
    return Strings({"a.one": "Hello there friend"}, {})


def test_a_shipped_line_plays_its_file_with_word_timings(shipped, mixer):
    strings, _ = shipped
    voice = Voice(strings, system=FakeSystem())
    timing = voice.speak("hunt.intro")
    assert timing is not None and timing.words is not None
    assert len(timing.words) == len(strings.get("hunt.intro").split())
    assert voice.system.said == []
    strings.set_language("es")
    assert voice.speak("hunt.intro").seconds != timing.seconds  # the Spanish file


def test_a_missing_file_falls_back_to_the_systems_speech_and_is_logged_once(
    tmp_path, mixer, caplog
):
    system = FakeSystem()
    voice = Voice(tiny_strings(), folder=tmp_path, system=system)
    with caplog.at_level(logging.WARNING):
        for _ in range(3):
            timing = voice.speak("a.one")
    assert timing is not None and timing.seconds == 2.0 and timing.words is None
    assert system.said == [("Hello there friend", "en")] * 3
    assert sum("a.one.mp3" in r.message for r in caplog.records) == 1


def test_with_no_system_speech_a_missing_file_means_text_only(tmp_path, mixer):
    assert Voice(tiny_strings(), folder=tmp_path).speak("a.one") is None


def test_a_broken_file_falls_back_and_does_not_crash(tmp_path, mixer):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "a.one.mp3").write_bytes(b"OggS not really a voice at all")
    system = FakeSystem()
    timing = Voice(tiny_strings(), folder=tmp_path, system=system).speak("a.one")
    assert timing is not None and system.said


def test_with_no_audio_device_nothing_pretends_to_speak_and_the_words_type_out(monkeypatch, caplog):
    """The play-test: with no sound card the system's speech 'spoke' into nothing, so the line
    sat lit whole for 3 s and went dark. Nothing can be heard, so the words type out instead."""

    def no_device(*args, **kwargs):
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", no_device)
    strings = tiny_strings()
    system = FakeSystem()
    with caplog.at_level(logging.WARNING):
        voice = Voice(strings, system=system)
    assert not voice.available and voice.speak("a.one") is None and system.said == []
    assert any("audio device" in r.message for r in caplog.records)
    narrator = Narrator(chars_per_second=10, text_for=strings.get, speaker=voice)
    narrator.say("a.one", "Hello there friend")
    assert not narrator.speaking and narrator.spoken_word is None  # no word lit, none 'said'
    assert narrator.visible_text == ""
    narrator.update(0.5)
    assert narrator.visible_text == "Hello" and not narrator.revealed
    narrator.update(1.5)
    assert narrator.visible_text == "Hello there friend" and narrator.revealed


def test_a_replaced_recording_keeps_playing_and_lights_the_whole_line(tmp_path, mixer, shipped):
    """A hospital's own recording, longer than the synthesised one: its word timings no longer
    fit, so the line is lit whole while it plays."""
    strings, _ = shipped
    folder = tmp_path / "voice"
    shutil.copytree(VOICE, folder)
    with wave.open(str(voice_file(folder, "en", "hunt.intro")), "wb") as recording:
        recording.setnchannels(1)
        recording.setsampwidth(2)
        recording.setframerate(16000)
        recording.writeframes(b"\0\0" * 16000 * 9)  # 9 s, the index says about 4
    timing = Voice(strings, folder=folder).speak("hunt.intro")
    assert timing is not None and timing.words is None
    assert timing.seconds == pytest.approx(9.0, abs=0.05)


def test_voice_off_means_text_only(shipped, mixer):
    strings, _ = shipped
    voice = Voice(strings, system=FakeSystem(), enabled=False)
    assert voice.speak("hunt.intro") is None and voice.system.said == []


def test_the_system_speech_runs_a_program_and_stops_it(tmp_path):
    said = tmp_path / "said.txt"
    program = tmp_path / "speaker.py"
    program.write_text(
        textwrap.dedent(
            f"""\
            import sys, time
            open({str(said)!r}, "w", encoding="utf-8").write(" ".join(sys.argv[1:]))
            time.sleep(30)
            """
        )
    )
    system = SystemSpeech(lambda text, lang: [sys.executable, str(program), lang, text], "fake")
    seconds = system.speak("Hola amigo", "es-419")
    assert seconds is not None and seconds > 1
    process = system._process
    for _ in range(200):
        if said.exists() and said.read_text(encoding="utf-8"):
            break
        import time

        time.sleep(0.05)
    assert said.read_text(encoding="utf-8") == "es-419 Hola amigo"
    system.stop()
    assert process.wait(timeout=5) is not None
    assert SystemSpeech(None).speak("Hello", "en") is None


@pytest.mark.skipif(
    not shutil.which("espeak-ng") or not shutil.which("sox"),
    reason="rendering voices needs espeak-ng and sox (apt-get install espeak-ng sox)",
)
def test_a_broken_index_means_no_word_timings_not_a_crash(tmp_path, caplog):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.json").write_text("{not json")
    with caplog.at_level(logging.WARNING):
        assert load_index(tmp_path, "en") == {}
    assert "cannot be read" in caplog.text
    save_index(tmp_path, "en", {"a.one": Recorded("12345678", 1.5, (0.0, 0.5))})
    assert load_index(tmp_path, "en")["a.one"].words == (0.0, 0.5)
    assert Path(tmp_path / "en" / "index.json").read_text().startswith('{"format": 2')


def test_a_line_changed_since_its_file_was_made_is_said_by_the_systems_speech(tmp_path, mixer):
    """A specialist changed the words: the old file would say the old ones, so the new words
    are said by the computer's own speech until 'voices' makes the file again."""
    (tmp_path / "en").mkdir()
    shutil.copy(voice_file(VOICE, "en", "hunt.intro"), tmp_path / "en" / "a.one.mp3")
    save_index(tmp_path, "en", {"a.one": Recorded(source_hash("Hello there friend"), 3.0)})
    system = FakeSystem()
    assert Voice(tiny_strings(), folder=tmp_path, system=system).speak("a.one").seconds != 2.0
    assert system.said == []  # up to date: the file plays
    changed = Strings({"a.one": "Hello there, new friend"}, {})
    timing = Voice(changed, folder=tmp_path, system=system).speak("a.one")
    assert timing is not None and timing.seconds == 2.0  # the system's speech
    assert system.said == [("Hello there, new friend", "en")]
