"""Sound: the recipes make gentle sounds of the right length; the shipped OGG files play; and a
missing file or a missing audio device means silence, never a crash."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pygame
import pytest

from conftest import ROOT
from game.app.platform.audio import MUSIC, Audio
from game.script.model import SOUNDS
from game.sound import synth


@pytest.mark.parametrize("name", SOUNDS)
def test_every_effect_is_short_soft_and_not_silent(name):
    samples = synth.normalised(synth.EFFECTS[name]())
    assert 0.1 <= len(samples) / synth.RATE <= 1.5
    assert max(abs(s) for s in samples) == pytest.approx(synth.PEAK)
    assert abs(samples[0]) < 0.05  # starts softly: no click at the very start


@pytest.mark.slow  # synthesises the whole music loop, sample by sample, in Python
def test_the_music_loops_without_a_seam():
    samples = synth.normalised(synth.music(), 0.4)
    assert 20 <= len(samples) / synth.RATE <= 30
    assert abs(samples[-1] - samples[0]) < 0.05  # the end flows into the start


def test_pcm_is_sixteen_bit_and_clipped():
    data = synth.pcm16([0.0, 1.0, -1.0, 2.0])
    assert len(data) == 8
    assert int.from_bytes(data[6:8], "little", signed=True) == 32767


@pytest.fixture
def audio():
    pygame.mixer.quit()
    made = Audio(effects=0.8, music=0.3)
    yield made
    pygame.mixer.quit()


@pytest.mark.parametrize("name", SOUNDS)
def test_every_shipped_effect_loads_and_plays(audio, name):
    assert (ROOT / "assets" / "sounds" / f"{name}.ogg").is_file()
    assert audio.ready and audio.play(name)


def test_the_shipped_music_plays(audio):
    assert (ROOT / "assets" / MUSIC).is_file()
    assert audio.start_music()


def test_a_missing_or_broken_sound_is_silence_logged_once(tmp_path, caplog):
    (tmp_path / "sounds").mkdir()
    (tmp_path / "sounds" / "pop.ogg").write_bytes(b"not a sound at all")
    pygame.mixer.quit()
    audio = Audio(folder=tmp_path)
    assert audio.play("click") is False and audio.play("click") is False
    assert audio.play("pop") is False
    assert audio.start_music() is False
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert sum("click.ogg" in w for w in warnings) == 1
    assert sum("pop.ogg" in w for w in warnings) == 1


def test_no_audio_device_means_a_silent_game(monkeypatch, caplog):
    pygame.mixer.quit()

    def no_device(*args, **kwargs):
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "init", no_device)
    audio = Audio()
    assert not audio.ready
    assert audio.play("click") is False and audio.start_music() is False
    assert any("no sound" in r.getMessage() for r in caplog.records)


def test_effects_and_music_have_their_own_volumes(audio):
    audio.set_volumes(effects=0.25)
    assert (audio.effects, audio.music) == (0.25, 0.3)
    audio.set_volumes(music=2.0)
    assert (audio.effects, audio.music) == (0.25, 1.0)
    audio.set_volumes(effects=0)
    assert audio.play("click") is False  # muted effects play nothing


@pytest.mark.slow  # synthesises every effect and the music, then encodes each with sox
@pytest.mark.skipif(shutil.which("sox") is None, reason="'sounds' needs sox (apt-get install sox)")
def test_the_sounds_command_writes_every_file_as_ogg(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "game", "sounds", "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    for name in SOUNDS:
        assert (tmp_path / "sounds" / f"{name}.ogg").read_bytes()[:4] == b"OggS"
    assert (tmp_path / MUSIC).read_bytes()[:4] == b"OggS"
