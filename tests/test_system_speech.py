"""The system's speech never reads a line as options: whatever the words are, each engine is
given them on its input, or after '--', the end of its options. Fake engines on PATH record
what they were given."""

from __future__ import annotations

import json
import sys
import time

import pytest

from game.voice import system
from game.voice.system import SystemSpeech

#: Lines that look like options to a program that reads them from its arguments.
HOSTILE = [
    "-f/etc/hostname",
    "--stdout",
    "-w /tmp/said.wav",
    "--version",
    "-o out.aiff",
    "-",
    "--",
    "-- -f x",
    "-v en -s 900",
    "\n-f/etc/hostname",
    "-\u00e9t\u00e9 -x",
    "a\0-f/etc/hostname",
]

RECORDER = """\
#!{python}
import json, os, sys
data = sys.stdin.buffer.read() if not sys.stdin.isatty() else b""
with open(os.path.join({folder!r}, "said.json"), "w", encoding="utf-8") as out:
    json.dump({{"argv": sys.argv[1:], "stdin": data.decode("utf-8", "replace")}}, out)
"""

#: Options that take a value, per engine: the word after them is theirs, not an operand.
TAKES_VALUE = {"-v", "-s", "-l", "-Command", "--language", "-o", "-f", "-w"}


def fake_engine(tmp_path, monkeypatch, name: str):
    """Put a recording program called ``name`` (alone) on PATH."""
    folder = tmp_path / "bin"
    folder.mkdir()
    program = folder / name
    program.write_text(RECORDER.format(python=sys.executable, folder=str(tmp_path)))
    program.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    return tmp_path / "said.json"


def heard(record) -> dict:
    for _ in range(200):
        if record.exists() and record.read_text():
            try:
                return json.loads(record.read_text())
            except ValueError:
                pass
        time.sleep(0.025)
    raise AssertionError("the fake engine never ran")


def operands(argv: list[str]) -> list[str]:
    """The arguments a getopt-style program takes as words, not options."""
    found, i = [], 0
    while i < len(argv):
        if argv[i] == "--":
            return found + argv[i + 1 :]
        if argv[i] in TAKES_VALUE:
            i += 2
            continue
        if not argv[i].startswith("-"):
            found.append(argv[i])
        i += 1
    return found


def clean(text: str) -> str:
    return text.replace("\0", " ")


@pytest.mark.parametrize("engine", ["espeak-ng", "espeak"])
@pytest.mark.parametrize("text", HOSTILE)
def test_espeak_hears_the_words_on_its_input_only(tmp_path, monkeypatch, engine, text):
    monkeypatch.setattr(sys, "platform", "linux")
    record = fake_engine(tmp_path, monkeypatch, engine)
    speech = SystemSpeech.find()
    assert speech.name == engine
    assert speech.speak(text, "es-419") is not None
    said = heard(record)
    assert said["stdin"] == clean(text)
    assert said["argv"] == speech.command("plain words", "es-419")[1:]  # the words are not there
    assert "--stdin" in said["argv"] and operands(said["argv"]) == []


@pytest.mark.parametrize("text", HOSTILE)
def test_spd_say_hears_the_words_after_the_end_of_its_options(tmp_path, monkeypatch, text):
    monkeypatch.setattr(sys, "platform", "linux")
    record = fake_engine(tmp_path, monkeypatch, "spd-say")
    speech = SystemSpeech.find()
    assert speech.name == "spd-say" and speech.speak(text, "es-419") is not None
    argv = heard(record)["argv"]
    assert argv[-2:] == ["--", clean(text)]
    assert "--" not in argv[:-2] and operands(argv) == [clean(text)]


@pytest.mark.parametrize(
    ("platform", "engine", "name"),
    [("darwin", "say", "say"), ("win32", "powershell", "Windows speech")],
)
@pytest.mark.parametrize("text", HOSTILE)
def test_macos_and_windows_hear_the_words_on_their_input(
    tmp_path, monkeypatch, platform, engine, name, text
):
    record = fake_engine(tmp_path, monkeypatch, engine)
    found = str(tmp_path / "bin" / engine)  # which() on "win32" would look for powershell.exe
    monkeypatch.setattr(system.shutil, "which", lambda name: found if name == engine else None)
    monkeypatch.setattr(sys, "platform", platform)
    speech = SystemSpeech.find()
    assert speech.name == name
    argv = speech.command(text, "es-419")[1:]
    assert argv == speech.command("plain words", "es-419")[1:]  # the words are not there
    assert speech.speak(text, "es-419") is not None
    said = heard(record)
    assert said["argv"] == argv and said["stdin"] == clean(text)


def test_a_very_long_line_is_cut_short_not_waited_on(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    record = fake_engine(tmp_path, monkeypatch, "espeak-ng")
    assert SystemSpeech.find().speak("-f " * 100_000, "en") is not None
    assert len(heard(record)["stdin"]) == system.MOST_SPOKEN


def test_a_language_that_looks_like_an_option_stays_the_voices_value():
    argv = system._espeak("espeak-ng")("hello", "--stdout")
    assert "--stdout" not in argv and "-v--stdout" in argv
    argv = system._spd_say("spd-say")("hello", "-f/etc/hostname")
    assert argv[2].startswith("--language=") and argv[3:] == ["--", "hello"]
