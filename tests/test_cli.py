"""The command line contract: check answers every file with path:line:col, fast, never a
traceback; unknown scenes and languages get a clear message."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from conftest import MINIMAL, ROOT
from game.cli import main


def run_game(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


def test_check_is_clean_on_the_shipped_scenes(capsys):
    assert main(["check"]) == 0
    assert "scene file(s) OK" in capsys.readouterr().out


def test_check_reports_each_problem_as_path_line_col(tmp_path, capsys):
    bad = tmp_path / "mini.yaml"
    bad.write_text(MINIMAL.replace("kind: leukemia_cell", "kind: leukemia_cel"))
    assert main(["check", str(bad)]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    assert out[0].endswith(
        "mini.yaml:11:11: unknown actor kind 'leukemia_cel' (did you mean "
        "'leukemia_cell'?); use 'b_cell', 'leukemia_cell', 'platelet', "
        "'red_blood_cell' or 't_cell'"
    )


def test_check_takes_a_folder_and_finds_problems_across_files(tmp_path, capsys):
    (tmp_path / "mini.yaml").write_text(MINIMAL + "next: labb\n")
    (tmp_path / "other.yaml").write_text(MINIMAL.replace("mini", "mini2"))
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "mini.yaml:25:7: unknown scene 'labb'" in out
    assert "other.yaml:2:5: the scene id 'mini2' must match the file name 'other.yaml'" in out


def test_check_finds_line_ids_used_in_two_files(tmp_path, capsys):
    (tmp_path / "mini.yaml").write_text(MINIMAL)
    twin = MINIMAL.replace("id: mini\n", "id: mini2\n").replace("mini.hello", "mini2.hello")
    (tmp_path / "mini2.yaml").write_text(
        twin.replace("mini2.hello\n    text", "mini2.hello\n    text", 1)
    )
    (tmp_path / "mini3.yaml").write_text(MINIMAL.replace("id: mini\n", "id: mini3\n"))
    assert main(["check", str(tmp_path)]) == 1
    assert "mini3.yaml:15:9: line ids in this scene start with 'mini3.'" in capsys.readouterr().out


def test_check_a_missing_file(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope.yaml")]) == 1
    assert "nope.yaml:1:1: cannot read the file" in capsys.readouterr().out


HOSTILE = {
    "junk.yaml": bytes(range(256)) * 40,
    "syntax.yaml": b"id: [\n  - }\n",
    "bomb.yaml": b"a: &a [x, x, x, x, x, x, x, x, x]\n"
    + b"".join(
        b"%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n" % ((98 + i,) * 2 + (97 + i,) * 9)
        for i in range(9)
    ),
    "deep.yaml": b"a: " + b"[" * 20000 + b"]" * 20000 + b"\n",
    "big.yaml": b"# " + b"x" * (10 * 1024 * 1024) + b"\n",
    "code.yaml": b"id: !!python/object/apply:os.system ['touch PWNED']\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_check_answers_hostile_files_quickly_and_without_a_traceback(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(HOSTILE[name])
    started = time.monotonic()
    result = run_game("check", str(path), timeout=20)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{path}:") or first.startswith(name)
    assert time.monotonic() - started < 10
    assert not (ROOT / "PWNED").exists() and not (tmp_path / "PWNED").exists()


def test_play_with_an_unknown_scene_suggests_one_and_opens_no_window(capsys):
    assert main(["--scene", "hnut"]) == 1
    assert "there is no scene 'hnut' (did you mean 'hunt'?)" in capsys.readouterr().err


def test_play_with_an_unknown_language_says_which_exist(capsys):
    assert main(["--lang", "xx"]) == 1
    assert "languages: en, es" in capsys.readouterr().err


def test_help_lists_the_commands():
    result = run_game("--help")
    assert result.returncode == 0
    for word in ("--scene", "--lang", "--fullscreen", "--window", "check", "demo", "screenshot"):
        assert word in result.stdout


def test_lines_exports_every_line_and_label_with_its_fact_as_csv():
    import csv
    import io

    from game.script.catalog import load_all
    from game.script.texts import all_texts, load_library

    done = run_game("lines")
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout)))
    assert rows[0] == ["id", "scene", "fact", "text"]
    expected = [
        [t.id, t.scene, t.fact or "", t.text] for t in all_texts(load_all(), load_library())
    ]
    assert rows[1:] == expected
    assert rows[1][:2] == ["meet.title", "meet"]  # in journey order, from the first chapter
    assert ["cheer.cd19.b", "cheer", "", "Leukemia cell"] in rows  # quiz answers too
    assert [
        "meet.helper@little",
        "meet",
        "F1",
        "T cells are helpers in your blood.",
    ] in rows
    not_theirs = "Leukemia is nobody's fault. Not yours, and not theirs."
    sibling = ["meet.not_fault@sibling", "meet", "", not_theirs]
    assert sibling in rows  # and what a brother or sister hears
    assert ["words.cd19", "words", "F7", "CD19"] in rows and ["ui.go", "menu", "", "Go!"] in rows


def test_lines_in_spanish_have_the_same_ids_and_columns_translated():
    import csv
    import io

    english = list(csv.reader(io.StringIO(run_game("lines").stdout)))
    spanish = list(csv.reader(io.StringIO(run_game("lines", "--lang", "es").stdout)))
    assert [row[:3] for row in spanish] == [row[:3] for row in english]
    assert all(row[3] for row in spanish[1:])  # nothing left untranslated
    assert ["meet.hello", "meet", "F1", "¡Hola! Esta es una célula T."] in spanish


def test_lines_as_tsv_has_the_same_rows():
    import csv
    import io

    as_csv = list(csv.reader(io.StringIO(run_game("lines").stdout)))
    as_tsv = list(
        csv.reader(io.StringIO(run_game("lines", "--format", "tsv").stdout), delimiter="\t")
    )
    assert as_tsv == as_csv


def test_lines_in_a_language_the_game_does_not_have_says_so():
    done = run_game("lines", "--lang", "xx")
    assert done.returncode == 1 and "there is no 'xx' language" in done.stderr


def test_the_volumes_help_gives_are_a_new_childs_and_steps_of_the_grown_ups_controls(capsys):
    from game.cli import _step_of
    from game.profile.settings import STEPS, Settings

    new_child = Settings()
    assert new_child.effects in STEPS["effects"] and new_child.music in STEPS["music"]
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = capsys.readouterr().out
    assert f"(default {new_child.effects})" in shown and f"(default {new_child.music})" in shown
    # What the command line gives is what a new child gets: the nearest step, halfway up.
    assert _step_of(new_child.music / 100) == new_child.music
    given = (0, 10, 30, 50, 70, 90, 100)
    assert [_step_of(p / 100) for p in given] == [0, 20, 40, 60, 80, 100, 100]
