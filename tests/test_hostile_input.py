"""Whatever the bytes, the path or the console, ``check`` answers with located problems and
exit 1: never a traceback, never a hang (reliability review, December 2026, T1 to T10)."""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL, ROOT, SceneError, only_problem, parse_scene
from game.cli import main
from game.script import errors
from game.script.book import load_book
from game.script.schema import load_scene
from game.script.strings import load_table


def run_game(
    *args: str, env: dict[str, str] | None = None, **kwargs
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        cwd=ROOT,
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=60,
        **kwargs,
    )


def with_actor_key(line: str) -> str:
    """MINIMAL with one more key on the player's actor (line 10)."""
    return MINIMAL.replace("    car: cd19\n", f"    car: cd19\n    {line}\n", 1)


# T1: tags PyYAML's own readers choke on --------------------------------------------------------
TAGGED = ["!!bool maybe", '!!int ""', "!!int _", "!!float ''", "!!int 0x", "!!float ."]


@pytest.mark.parametrize("value", TAGGED)
def test_a_tagged_value_yaml_cannot_read_is_located_in_a_scene(value):
    line, col, message = only_problem(MINIMAL.replace("title: A small hunt", f"title: {value}"))
    assert (line, col) == (3, 8) and message.startswith("cannot read")


@pytest.mark.parametrize("value", TAGGED)
def test_a_tagged_value_yaml_cannot_read_is_located_in_a_table_and_the_word_book(tmp_path, value):
    table = tmp_path / "es.yaml"
    table.write_text(f"language: Español\nstrings:\n  meet.title: {value}\n", encoding="utf-8")
    book = tmp_path / "words.yaml"
    book.write_text(f"version: {value}\nwords: []\n", encoding="utf-8")
    for load, path, place in ((load_table, table, "3:15"), (load_book, book, "1:10")):
        with pytest.raises(SceneError) as caught:
            load(path, path.name)
        assert str(caught.value).startswith(f"{path.name}:{place}: cannot read")


# T2: numbers too large for a float, or for text --------------------------------------------------
@pytest.mark.parametrize("number", ["1" * 400, "0x" + "f" * 400, "-" + "9" * 400, "1" * 400 + ".5"])
def test_a_huge_number_in_a_float_field_is_out_of_range_and_shown_short(number):
    line, col, message = only_problem(with_actor_key(f"size: {number}"))
    assert (line, col) == (10, 11) and "must be from 0.5 to 2" in message
    assert len(message) < 120


def test_a_whole_number_too_long_to_print_is_shown_short():
    line, col, message = only_problem(MINIMAL.replace("count: 2\n", f"count: 0x{'f' * 4000}\n", 1))
    assert (line, col) == (12, 12) and "digits" in message and len(message) < 120


# T4: nothing to check, a folder where a file should be, a symlink loop --------------------------
def test_check_on_an_empty_folder_says_so(tmp_path, capsys):
    assert main(["check", str(tmp_path)]) == 1
    assert "no scene files" in capsys.readouterr().err


def test_check_on_a_folder_named_like_a_scene_says_so(tmp_path, capsys):
    (tmp_path / "x.yaml").mkdir()
    assert main(["check", str(tmp_path / "x.yaml")]) == 1
    assert "no scene files" in capsys.readouterr().err
    assert main(["check", str(tmp_path)]) == 1
    assert "x.yaml:1:1: this is a folder, not a file" in capsys.readouterr().out


def test_check_on_a_symlink_loop_says_it_cannot_read_the_file(tmp_path, capsys):
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    assert main(["check", str(tmp_path / "a.yaml")]) == 1
    assert "a.yaml:1:1: cannot read the file" in capsys.readouterr().out


# T5, T6: only regular files are read, and never more than the limit ------------------------------
def special_files(tmp_path: Path, name: str) -> list[Path]:
    """A FIFO, a link to an endless device and a 3 GB sparse file, each named ``name``."""
    made = []
    for kind in ("fifo", "zero", "sparse"):
        folder = tmp_path / kind
        folder.mkdir()
        path = folder / name
        if kind == "fifo":
            os.mkfifo(path)
        elif kind == "zero":
            path.symlink_to("/dev/zero")
        else:
            with path.open("wb") as file:
                file.truncate(3 * 1024**3)
        made.append(path)
    return made


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
@pytest.mark.parametrize(
    "name, load",
    [("hunt.yaml", load_scene), ("es.yaml", load_table), ("words.yaml", load_book)],
)
def test_fifos_devices_and_huge_files_are_refused_unread(tmp_path, name, load):
    fifo, zero, sparse = special_files(tmp_path, name)
    expected = {
        fifo: "this is a pipe or device, not a file",
        zero: "this is a pipe or device, not a file",
        sparse: "the file is 3145728 KB; a scene file is at most 256 KB",
    }
    for path, message in expected.items():
        with pytest.raises(SceneError) as caught:
            load(path, name)
        assert str(caught.value).startswith(f"{name}:1:1: {message}")


def test_a_file_is_read_no_further_than_the_limit_plus_one_byte(tmp_path, monkeypatch):
    """A file that grows after its size was looked at is still read only so far."""
    path = tmp_path / "x.yaml"
    path.write_bytes(b"# small\n")
    asked = []
    real_fdopen = os.fdopen

    def fdopen(*args, **kwargs):
        file = real_fdopen(*args, **kwargs)
        read = file.read

        class Counting:
            def __getattr__(self, name):
                return getattr(file, name)

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                file.close()

            def read(self, size=-1):
                asked.append(size)
                return read(size)

        return Counting()

    monkeypatch.setattr("game.script.yamlsafe.os.fdopen", fdopen)
    with pytest.raises(SceneError):
        load_scene(path, "x.yaml")
    assert asked == [256 * 1024 + 1]


# T7: "did you mean" stays cheap however many ids and unknown names -----------------------------
def test_suggestions_compare_each_unknown_name_with_a_bounded_number_of_ids(monkeypatch):
    count = 3000
    lines = "".join(f"  - id: mini.line_{i:04d}\n    text: Line {i}.\n" for i in range(count))
    triggers = "".join(f"  - when: start\n    say: mini.lnie_{i:04d}\n" for i in range(count))
    text = MINIMAL.replace("  - id: mini.hello\n    text: Hello!\n", lines, 1)
    text = text.replace("  - when: start\n    say: mini.hello\n", triggers, 1)
    compared = []
    real = difflib.get_close_matches

    def counting(word, possibilities, *args, **kwargs):
        possibilities = list(possibilities)
        compared.append(len(possibilities))
        return real(word, possibilities, *args, **kwargs)

    monkeypatch.setattr(errors.difflib, "get_close_matches", counting)
    with pytest.raises(SceneError) as caught:
        parse_scene("mini.yaml", text.encode(), ROOT / "assets")
    assert len(caught.value.problems) == count
    assert len(compared) == count and max(compared) <= errors.MAX_CANDIDATES
    assert caught.value.problems[7].message == (
        "unknown line 'mini.lnie_0007' (did you mean 'mini.line_0007'?)"
    )


def test_suggestions_from_many_ids_still_find_a_typo_at_either_end():
    ids = [f"hunt.line_{i:04d}" for i in range(3000)] + ["hunt.first_match"]
    assert errors.did_you_mean("hunt.frist_match", ids) == " (did you mean 'hunt.first_match'?)"
    assert errors.did_you_mean("hnut.line_0412", ids) == " (did you mean 'hunt.line_0412'?)"
    assert errors.did_you_mean("hunt.lien_0412", ids) == " (did you mean 'hunt.line_0412'?)"
    assert errors.did_you_mean("hunt.line_0412x", ids) == " (did you mean 'hunt.line_0412'?)"


# T8: a console that cannot show every character -------------------------------------------------
def test_check_writes_to_a_cp1252_console_without_failing(tmp_path):
    path = tmp_path / "mini.yaml"
    path.write_text(MINIMAL.replace("version: 1\n", "version: 1\n日本: ☃\n"), encoding="utf-8")
    result = run_game("check", str(path), env={"PYTHONIOENCODING": "cp1252"})
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr
    assert b"unknown key '\\u65e5\\u672c'" in result.stdout


# T9: a control character is reported where it stands ------------------------------------------
@pytest.mark.parametrize("char", ["\x7f", "\uffff", "\x01", "\x1b"])
def test_a_control_character_is_located(char):
    line, col, message = only_problem(MINIMAL.replace("Hello!", f"Hel{char}lo!"))
    assert (line, col) == (16, 14) and "is not allowed" in message


# T10: output that cannot be written, times that are not times -----------------------------------
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [["check"], ["lines"]])
def test_a_full_disk_for_the_output_is_one_line_and_exit_1(command):
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "game", *command],
            cwd=ROOT,
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    assert result.returncode == 1
    assert result.stderr.decode().strip().count("\n") == 0
    assert "No space left on device" in result.stderr.decode()


@pytest.mark.parametrize("at", ["nan", "inf", "-1", "1e300", "soon"])
def test_screenshot_at_must_be_a_finite_number_of_seconds(at, tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["screenshot", "--scene", "hunt", "--at", at, str(tmp_path / "x.png")])
    assert stopped.value.code == 2
    assert "--at" in capsys.readouterr().err


def test_a_screenshot_that_cannot_be_written_names_the_path(tmp_path, capsys):
    (tmp_path / "taken").write_text("a file where the folder should be")
    out = tmp_path / "taken" / "x.png"
    assert main(["screenshot", "--scene", "hunt", "--at", "0", str(out)]) == 1
    err = capsys.readouterr().err
    assert str(out) in err and "had to stop" not in err


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")
def test_sounds_into_a_folder_that_cannot_be_written_says_so(capsys):
    import shutil

    if shutil.which("sox") is None:
        pytest.skip("needs sox")
    assert main(["sounds", "--out", "/proc"]) == 1
    assert "cannot write the sounds into /proc" in capsys.readouterr().err
