"""Session records: what each session kept in the child's profile, the table of every session on
the device (``python -m game results`` and the grown-up panel's button), de-identified unless
the grown-up asks for names, and the panel's picture of the device's sessions."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import subprocess
import sys
from datetime import date, datetime

import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from game.profile import export, records
from game.profile.profile import FORMAT_VERSION, Profile
from game.profile.records import MAX_SESSIONS, SessionRecord
from game.profile.settings import Settings
from game.profile.store import ProfileStore
from game.script.catalog import journey, load_all
from game.script.session import Answer, Session

DAY = date(2026, 11, 21)

#: A profile exactly as the game saved it before session records (format version 1).
OLD_PROFILE = """{
  "version": 1,
  "id": "child-1",
  "picked": {"colour": "meet.colour.lime", "name": "meet.name.luna"},
  "played": ["meet", "collect"],
  "answers": {
    "cd19": {"tries": 2, "right_first_try": false, "solved": true, "with_help": false}
  },
  "at": "lab",
  "child_name": "Maya",
  "seconds_played": 754.5,
  "settings": {
    "language": "es", "band": "little", "role": "sibling", "voice": true,
    "text_speed": "normal", "effects": 80, "music": 40, "text_size": "normal",
    "high_contrast": false, "reduced_motion": false, "one_switch": false,
    "scan_seconds": 1.5, "break_minutes": 15, "leave_out": ["after"]
  }
}
"""


@pytest.fixture(scope="module")
def scenes():
    return load_all()


@pytest.fixture(scope="module")
def chapters(scenes):
    return export.ordered_chapters(scenes, journey(scenes))


def a_record(number: int = 1, day: str = "2026-11-21", **fields) -> SessionRecord:
    record = SessionRecord(number, day, seconds=15 * 60, language="en")
    record.played = ["meet", "collect"]
    record.answers = {"cd19": Answer(1, True, True), "car": Answer(3, False, True, True)}
    record.feelings_before, record.feelings_after = 4, 2
    for name, value in fields.items():
        setattr(record, name, value)
    return record


def a_child(profile_id: str = "child-1", name: str = "Maya", *sessions: SessionRecord) -> Profile:
    profile = Profile(profile_id, child_name=name)
    profile.sessions = list(sessions)
    return profile


def save_raw(folder, name: str, content: str) -> None:
    (folder / "profiles").mkdir(parents=True, exist_ok=True)
    (folder / "profiles" / name).write_text(content, encoding="utf-8")


# the record ------------------------------------------------------------------------------------
def test_a_record_keeps_what_happened_in_this_session_only():
    profile = Profile("child-1", settings=Settings(language="es", band="older", role="sibling"))
    profile.played = ["meet"]  # an earlier session's
    profile.answers = {"cd19": Answer(1, True, True)}
    session = profile.session({})
    session.played_chapter("meet")
    session.played_chapter("collect")
    session.answer("cd19", False)  # solved before: it counts again in this session's record
    session.answer("cd19", True, with_help=True)
    session.answer("hunt.teach", True)
    session.feelings["before"] = 5
    record = SessionRecord.start([], DAY)
    record.update(session, profile.settings, 125.7, ["after"])
    assert record.to_dict() == {
        "number": 1,
        "date": "2026-11-21",
        "seconds": 125,
        "language": "es",
        "band": "older",
        "role": "sibling",
        "played": ["meet", "collect"],
        "left_out": ["after"],
        "answers": {
            "cd19": {"tries": 2, "right_first_try": False, "solved": True, "with_help": True},
            "hunt.teach": {"tries": 1, "right_first_try": True, "solved": True, "with_help": False},
        },
        "feelings_before": 5,
        "feelings_after": None,
    }
    assert record.minutes == 2
    # the profile's own answers (Results) still say how the question went the first time
    assert session.answers["cd19"] == Answer(1, True, True)
    assert session.played == ["meet", "collect"]


def test_a_session_with_nothing_in_it_is_not_kept():
    sessions: list[SessionRecord] = []
    record = SessionRecord.start(sessions, DAY)
    record.update(Session(), Settings(), 59.0, [])
    records.keep(sessions, record)
    assert sessions == []
    record.update(Session(), Settings(), 60.0, [])  # a minute is something
    records.keep(sessions, record)
    assert sessions == [record]
    for something in ("played", "answers", "feelings"):
        session = Session()
        if something == "played":
            session.played_chapter("meet")
        elif something == "answers":
            session.answer("car", True)
        else:
            session.feelings["after"] = 1
        kept: list[SessionRecord] = []
        one = SessionRecord.start(kept, DAY)
        one.update(session, Settings(), 3.0, [])
        records.keep(kept, one)
        assert kept == [one], something


def test_each_child_keeps_the_newest_sessions_and_the_numbers_go_on():
    sessions: list[SessionRecord] = []
    for _ in range(MAX_SESSIONS + 5):
        record = SessionRecord.start(sessions, DAY)
        record.seconds = 120
        records.keep(sessions, record)
    assert len(sessions) == MAX_SESSIONS
    assert [s.number for s in sessions] == list(range(6, MAX_SESSIONS + 6))
    saved = [s.to_dict() for s in sessions] + [a_record(500).to_dict()]
    assert [s.number for s in records.read_sessions(saved)][-1] == 500
    assert len(records.read_sessions(saved)) == MAX_SESSIONS


def test_a_profile_saved_before_session_records_still_loads(tmp_path):
    save_raw(tmp_path, "child-1.json", OLD_PROFILE)
    [profile] = ProfileStore(tmp_path, ("en", "es")).load()
    assert profile.played == ["meet", "collect"] and profile.at == "lab"
    assert profile.answers == {"cd19": Answer(2, False, True)}
    assert profile.child_name == "Maya" and profile.seconds_played == 754.5
    assert profile.settings.language == "es" and profile.settings.role == "sibling"
    assert profile.settings.leave_out == ["after"]
    assert profile.sessions == [] and records.is_code(profile.code)
    assert profile.to_dict()["version"] == FORMAT_VERSION == 2
    assert not list((tmp_path / "profiles").glob("*set-aside*"))


def test_records_and_the_code_come_back_as_they_were_saved(tmp_path):
    store = ProfileStore(tmp_path, ("en", "es"))
    profile = a_child("child-1", "Maya", a_record(1), a_record(2, "2026-11-22"))
    store.save(profile)
    [again] = ProfileStore(tmp_path, ("en", "es")).load()
    assert again.code == profile.code
    assert [s.to_dict() for s in again.sessions] == [s.to_dict() for s in profile.sessions]


HOSTILE_SESSIONS = [
    "not a record",
    None,
    [1, 2],
    {"date": "2026-11-21"},  # no number
    {"number": True, "date": "2026-11-21", "seconds": 600},
    {"number": 7, "date": "21/11/2026", "seconds": 600},  # not an ISO date
    {"number": 8, "date": "2026-02-30", "seconds": 600},
    {"number": 9, "date": "2026-11-21"},  # nothing in it
]


def test_a_malformed_session_is_dropped_and_the_rest_of_the_profile_kept(tmp_path):
    good = a_record(3).to_dict()
    odd = {
        "number": 4,
        "date": "2026-11-22",
        "seconds": 1e300,
        "language": "=HYPERLINK(1)",
        "band": "giant",
        "role": 7,
        "played": ["meet", "=cmd|' /C calc'!A0", 5, "collect"],
        "left_out": "after",
        "answers": {
            "car": {"tries": 1, "right_first_try": True, "solved": True},
            "=SUM(A1)": {"tries": 1},
            "stay": {"tries": -3, "right_first_try": True},
            "iv": "yes",
        },
        "feelings_before": 9,
        "feelings_after": 2,
    }
    data = a_child("child-1", "Maya").to_dict()
    data["sessions"] = [*HOSTILE_SESSIONS, good, odd, dict(good)]  # the second 3 is a copy
    save_raw(tmp_path, "child-1.json", json.dumps(data))
    [profile] = ProfileStore(tmp_path, ("en", "es")).load()
    assert profile.child_name == "Maya" and profile.code == data["code"]
    assert [s.number for s in profile.sessions] == [3, 4]
    kept = profile.sessions[1]
    assert kept.seconds == 0 and kept.language == "en" and kept.band == "middle"
    assert kept.role == "patient" and kept.played == ["meet", "collect"] and kept.left_out == []
    assert kept.answers == {"car": Answer(1, True, True)}
    assert (kept.feelings_before, kept.feelings_after) == (None, 2)


@pytest.mark.parametrize("sessions", [None, "lots", 42, {"1": {}}, [[[]]]])
def test_sessions_that_are_not_a_list_are_no_sessions(tmp_path, sessions):
    data = a_child().to_dict()
    data["sessions"] = sessions
    save_raw(tmp_path, "child-1.json", json.dumps(data))
    [profile] = ProfileStore(tmp_path, ("en", "es")).load()
    assert profile.sessions == [] and profile.child_name == "Maya"


# de-identification -----------------------------------------------------------------------------
def test_each_child_gets_a_random_code_that_says_nothing_about_them(tmp_path):
    codes = [Profile("child-1", child_name="Maya").code for _ in range(200)]
    assert all(records.CODE_PATTERN.fullmatch(c) for c in codes)
    assert len(set(codes)) > 190  # random, not made from the name or the id
    assert records.new_code(codes) not in codes
    data = a_child().to_dict()
    data["code"] = "Maya"  # not a code: a new one is made
    assert Profile.from_dict(data).code != "Maya"


def test_the_table_has_no_names_unless_asked(chapters):
    maya = a_child("child-1", "Maya", a_record(1))
    ali = a_child("child-2", "=Ali", a_record(1, "2026-11-20"))
    questions = export.question_ids(chapters, [maya, ali])
    plain = export.csv_text([maya, ali], questions)
    assert "Maya" not in plain and "Ali" not in plain and "child-" not in plain
    assert maya.code in plain and ali.code in plain
    named = list(csv.DictReader(io.StringIO(export.csv_text([maya, ali], questions, True))))
    assert [row["name"] for row in named] == ["'=Ali", "Maya"]  # never a formula
    assert [row["child"] for row in named] == [ali.code, maya.code]


# the table -------------------------------------------------------------------------------------
def test_the_columns_are_the_documented_ones_in_a_stable_order(chapters):
    questions = export.question_ids(chapters)
    quiz = [c.id for c in chapters[-1].choices]  # the final quiz, in its file's order
    assert questions[-len(quiz) :] == quiz
    teach = [q for q in questions if q.endswith(".teach")]
    assert teach == [f"{s.id}.teach" for s in chapters if getattr(s, "teach_back", None)]
    header = export.header(questions)
    assert header[:11] == [
        "child",
        "session",
        "date",
        "minutes",
        "language",
        "age_band",
        "role",
        "chapters_played",
        "chapters_left_out",
        "feelings_before",
        "feelings_after",
    ]
    assert header[11:14] == [f"{questions[0]}_first_try", f"{questions[0]}_with_help",
                             f"{questions[0]}_tries"]  # fmt: skip
    assert len(header) == 11 + 3 * len(questions)
    assert export.header(questions, names=True)[:3] == ["child", "name", "session"]
    # an id the game does not ask any more still has its columns, after the game's own
    old = a_child("child-1", "Maya", a_record(answers={"zebra": Answer(1, True, True)}))
    assert export.question_ids(chapters, [old]) == [*questions, "zebra"]


def test_each_session_is_one_row_a_spreadsheet_reads(chapters):
    maya = a_child("child-1", "Maya", a_record(1), a_record(2, "2026-11-23"))
    ali = a_child("child-2", "Ali", a_record(1, "2026-11-22", feelings_after=None))
    questions = export.question_ids(chapters, [maya, ali])
    text = export.csv_text([maya, ali], questions)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["child"], r["session"], r["date"]) for r in rows] == [
        (maya.code, "1", "2026-11-21"),
        (ali.code, "1", "2026-11-22"),
        (maya.code, "2", "2026-11-23"),
    ]
    first = rows[0]
    assert first["minutes"] == "15" and first["language"] == "en"
    assert first["age_band"] == "middle" and first["role"] == "patient"
    assert first["chapters_played"] == "meet;collect" and first["chapters_left_out"] == ""
    assert (first["feelings_before"], first["feelings_after"]) == ("4", "2")
    assert rows[1]["feelings_after"] == ""
    assert (first["cd19_first_try"], first["cd19_with_help"], first["cd19_tries"]) == (
        "1",
        "0",
        "1",
    )
    assert (first["car_first_try"], first["car_with_help"], first["car_tries"]) == ("0", "1", "3")
    assert (first["stay_first_try"], first["stay_with_help"], first["stay_tries"]) == ("", "", "")
    assert text.endswith("\n") and "\r" not in text


# the command -----------------------------------------------------------------------------------
def device_folder(tmp_path):
    """A data folder as a device has it: a child with sessions, another with sessions and a
    name, an old-format child, a broken file and a file set aside earlier."""
    data = tmp_path / "data"
    store = ProfileStore(data, ("en", "es"))
    maya = a_child("child-1", "Maya", a_record(1))
    ali = a_child("child-2", "Ali", a_record(1, "2026-11-22"), a_record(2, "2026-11-23"))
    store.save(maya)
    store.save(ali)
    save_raw(data, "child-3.json", OLD_PROFILE.replace("child-1", "child-3"))
    save_raw(data, "child-4.json", '{"version": 2, "id": "child-4", "sessi')
    save_raw(data, "child-5.set-aside-20261121-101500.json", "garbage")
    return data, maya, ali


def game(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "game", *args], cwd=ROOT, capture_output=True, text=True
    )


def test_results_writes_every_session_on_the_device_and_skips_what_it_cannot_read(tmp_path):
    data, maya, ali = device_folder(tmp_path)
    before = sorted(p.name for p in (data / "profiles").iterdir())
    out = tmp_path / "sessions.csv"
    done = game("results", "--data-dir", str(data), "--csv", str(out))
    assert done.returncode == 0, done.stderr
    assert "child-4.json" in done.stderr and "Traceback" not in done.stderr
    assert "3 session" in done.stdout
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert sorted(r["child"] for r in rows) == sorted([maya.code, ali.code, ali.code])
    text = out.read_text(encoding="utf-8")
    assert "Maya" not in text and "Ali" not in text and str(tmp_path) not in text
    assert "child-" not in text and "effects" not in text
    assert sorted(p.name for p in (data / "profiles").iterdir()) == before  # nothing moved
    named = tmp_path / "named.csv"
    assert game("results", "--data-dir", str(data), "--csv", str(named), "--names").returncode == 0
    rows = list(csv.DictReader(named.open(encoding="utf-8", newline="")))
    assert sorted(r["name"] for r in rows) == ["Ali", "Ali", "Maya"]


def test_results_says_so_when_the_table_cannot_be_written(tmp_path):
    data, *_ = device_folder(tmp_path)
    for out in (tmp_path / "no-such-folder" / "x.csv", tmp_path):
        done = game("results", "--data-dir", str(data), "--csv", str(out))
        assert done.returncode == 1
        assert "cannot write" in done.stderr and "Traceback" not in done.stderr
    done = game("results", "--data-dir", str(tmp_path / "nowhere"), "--csv", "-")
    assert done.returncode == 1 and "no folder" in done.stderr


def test_results_is_in_the_command_list():
    from game import cli

    assert "results" in cli.COMMANDS and "results [--data-dir DIR]" in cli.EPILOG


def test_the_records_and_the_table_never_import_pygame():
    code = (
        "import sys\nimport game.profile.records, game.profile.export\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pygame'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


# in the game -------------------------------------------------------------------------------------
def run(app, frames: int = 1) -> None:
    asyncio.run(app.run(app.result.frames + frames))


def make_app(scenes, display, folder):
    from game.app.loop import App, StepClock

    store = ProfileStore(folder, ("en", "es"))
    return App(scenes, "meet", display, StepClock(), show_map=True, store=store)


def saved_sessions(folder, profile_id: str = "child-1") -> list[dict]:
    data = json.loads((folder / "profiles" / f"{profile_id}.json").read_text(encoding="utf-8"))
    return data["sessions"]


def test_the_session_is_recorded_on_every_autosave_so_a_killed_game_keeps_it(
    scenes, display, tmp_path
):
    data = tmp_path / "data"
    app = make_app(scenes, display, data)
    app._begin(app.keeper.new_profile("meet.colour.lime", []))
    assert saved_sessions(data) == []  # nothing happened yet
    app.session.feelings["before"] = 3
    app.session.played_chapter("meet")
    app.session.answer("meet.teach", True)
    app.keeper.session_seconds = 200.0
    app._autosave()  # no clean exit after this: the file already holds the session
    [kept] = saved_sessions(data)
    assert kept["date"] == date.today().isoformat() and kept["seconds"] == 200
    assert kept["played"] == ["meet"] and kept["feelings_before"] == 3
    assert kept["answers"]["meet.teach"]["right_first_try"] is True
    assert kept["role"] == "patient" and kept["band"] == app.profile.settings.band
    # the same session is brought up to date, never kept twice
    app.session.feelings["after"] = 1
    app._autosave()
    assert [(s["number"], s["feelings_after"]) for s in saved_sessions(data)] == [(1, 1)]
    # the next session of the same child is the next record; an empty one is never kept
    profile = app.profile
    app._begin(profile)
    app._autosave()
    assert len(saved_sessions(data)) == 1
    app.session.played_chapter("collect")
    app._autosave()
    assert [s["number"] for s in saved_sessions(data)] == [1, 2]
    assert saved_sessions(data)[1]["played"] == ["collect"]


def test_two_new_children_never_share_a_code(scenes, display, tmp_path):
    app = make_app(scenes, display, tmp_path / "data")
    first = app.keeper.new_profile("meet.colour.lime", [])
    second = app.keeper.new_profile("meet.colour.lime", [first])
    assert first.code != second.code and records.is_code(second.code)


def open_records(app) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_f, mod=pygame.KMOD_LCTRL))
    run(app)
    for name in ("page:data", "show_records"):
        tap(app, name)


def tap(app, name: str) -> None:
    found = {b.name: b for b in app.front.buttons()}
    assert name in found, f"no button '{name}' among {sorted(found)}"
    x, y = found[name].rect.center
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        pygame.event.post(pygame.event.Event(kind, pos=(x, y), button=1))
    run(app)


def test_the_panels_button_saves_every_session_on_the_device_as_a_table(scenes, display, tmp_path):
    data = tmp_path / "data"
    ProfileStore(data, ("en", "es")).save(a_child("child-1", "Maya", a_record(1)))
    app = make_app(scenes, display, data)
    run(app)
    app._begin(app.keeper.new_profile("meet.colour.lime", app.screen.profiles))
    app.profile.child_name = "Ali"
    app.session.answer("cd19", True)  # this child's session, not saved yet when asked for
    open_records(app)
    panel = app.overlay
    assert panel.records is not None and panel.records.device.sessions == 2
    tap(app, "export_records")
    [table] = (data / "summaries").glob("T-Cell Hero sessions *.csv")
    assert panel.message == "ui.records.saved" and panel.saved == table
    rows = list(csv.DictReader(table.open(encoding="utf-8", newline="")))
    assert len(rows) == 2 and "name" not in rows[0]
    assert {r["cd19_first_try"] for r in rows} == {"1"}
    tap(app, "records:names")
    tap(app, "export_records")
    [named] = (data / "summaries").glob("T-Cell Hero sessions with names *.csv")
    assert sorted(r["name"] for r in csv.DictReader(named.open(encoding="utf-8"))) == [
        "Ali",
        "Maya",
    ]
    app.store.remove_all()  # clearing everything takes the tables kept in the game's folder
    assert not list((data / "summaries").glob("*.csv"))


def test_the_table_that_cannot_be_saved_says_so(scenes, display, tmp_path):
    app = make_app(scenes, display, tmp_path / "data")
    run(app)
    app._begin(app.keeper.new_profile("meet.colour.lime", []))
    open_records(app)
    blocked = tmp_path / "a-file"
    blocked.write_text("in the way")
    app.overlay.folders = [blocked / "sub"]
    tap(app, "export_records")
    assert app.overlay.message == "ui.records.not_saved"


FOURTEEN = ("meet.teach", "hunt.teach", "lab.teach", "t_cell", "collect", "car", "cd19", "ready")
FOURTEEN += ("iv", "fit", "hot", "stay", "grow.teach", "back.teach")


def many_sessions(count: int = 12) -> list[Profile]:
    profiles = []
    for i in range(count):
        record = a_record(1, feelings_before=1 + i % 5, feelings_after=1 + (i + 2) % 5)
        record.answers = {q: Answer(1 + i % 3, i % 3 == 0, True) for q in FOURTEEN}
        profiles.append(a_child(f"child-{i + 1}", "", record))
    return profiles


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("text_size", ["normal", "largest"])
def test_the_picture_of_the_sessions_fits_the_canvas_a_page_of_questions_at_a_time(
    scenes, chapters, display, language, text_size
):
    from game.app.grownup.facilitator import FacilitatorPanel
    from game.app.grownup.records_page import ROWS, RecordsView
    from game.app.ui import theme
    from game.script.texts import build_strings, load_library

    strings = build_strings(scenes, load_library())
    panel = FacilitatorPanel(
        strings, Profile("child-1"), chapters, None, "meet", 0.0, [ROOT], True, language
    )
    panel.page = "data"
    panel.records = RecordsView(export.Device(many_sessions()), chapters)
    theme.use(theme.Look(text_size, text_size == "largest", False))
    try:
        canvas = pygame.Surface((1280, 800))
        view = panel.records
        assert len(view.stats) == 14 and view.pages == 2 and len(view.shown()) == ROWS
        seen = set()
        for _ in range(view.pages):
            panel.draw(canvas)
            buttons = panel.buttons()
            for button in buttons:
                assert canvas.get_rect().contains(button.rect), button.name
            for i, one in enumerate(buttons):
                for other in buttons[i + 1 :]:
                    assert not one.rect.colliderect(other.rect), (one.name, other.name)
            seen |= {s.id for s in view.shown()}
            panel.press("records:more")
        assert len(seen) == 14 and view.page == 0
        words = {view.question_words(panel.strings.get, q) for q in seen}
        assert panel.strings.get("cheer.cd19.ask") in words and all(words)
        assert view.before == [3, 3, 2, 2, 2] and sum(view.after) == 12
        panel.message = "ui.records.saved"
        panel.saved = ROOT / ("a-long-folder-name/" * 12) / "T-Cell Hero sessions.csv"
        panel.draw(canvas)
        panel.press("records:back")
        assert panel.records is None and "show_records" in {b.name for b in panel.buttons()}
    finally:
        theme.use(theme.Look())


def test_the_picture_counts_first_tries_and_feelings_across_the_device(chapters):
    maya = a_child("child-1", "Maya", a_record(1), a_record(2, feelings_before=None))
    ali = a_child("child-2", "Ali", a_record(1, answers={"cd19": Answer(2, False, True)}))
    questions = export.question_ids(chapters, [maya, ali])
    stats = {s.id: (s.first_try, s.asked) for s in export.question_stats([maya, ali], questions)}
    assert stats == {"cd19": (2, 3), "car": (0, 2)}
    before, after = export.feelings_counts([maya, ali])
    assert before == [0, 0, 0, 2, 0] and after == [0, 3, 0, 0, 0]


@pytest.mark.parametrize("playing", ["patient", "sibling"])
def test_a_patients_and_a_siblings_answers_are_counted_apart_in_their_own_words(
    scenes, chapters, display, playing
):
    """Play-test: the records pooled a patient's and a sibling's answers under the sibling's
    words ('Your brother or sister feels hot and shivery... 2 of 2'). Each role has its own
    row in its own words, whoever is playing when the grown-up opens the records."""
    from game.app.grownup.records_page import RecordsView
    from game.script.texts import build_strings, load_library

    patient = a_child("child-1", "Maya", a_record(1, answers={"hot": Answer(1, True, True)}))
    sibling = a_child(
        "child-2", "Ali", a_record(1, role="sibling", answers={"hot": Answer(2, False, True)})
    )
    questions = export.question_ids(chapters, [patient, sibling])
    stats = export.question_stats([patient, sibling], questions)
    assert [(s.role, s.first_try, s.asked) for s in stats if s.id == "hot"] == [
        ("patient", 1, 1),
        ("sibling", 0, 1),
    ]
    strings = build_strings(scenes, load_library())
    strings.set_role(playing)
    view = RecordsView(export.Device([patient, sibling]), chapters)
    shown = {
        (s.role, s.first_try, s.asked): view.question_words(strings.get, s.id, s.role)
        for s in view.shown()
        if s.id == "hot"
    }
    own = "Your body feels hot and shivery. What will you do?"
    theirs = "Sibling: Your brother or sister feels hot and shivery. What will you do?"
    assert shown == {("patient", 1, 1): own, ("sibling", 0, 1): theirs}
    assert strings.role == playing  # the child playing still hears their own words
    strings.set_language("es")
    spanish = [view.question_words(strings.get, "hot", role) for role in ("patient", "sibling")]
    assert spanish[0] != spanish[1] and spanish[1].startswith("Hermano o hermana: ")


def test_the_date_is_the_local_day_the_session_began():
    record = SessionRecord.start([a_record(4)])
    assert record.number == 5 and record.date == datetime.now().date().isoformat()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=20,
)
RECORD_KEYS = list(a_record().to_dict())


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            JSON,
            st.fixed_dictionaries({}, optional={k: JSON for k in RECORD_KEYS}),
            st.builds(
                lambda r, k, v: {**r, k: v},
                st.just(a_record().to_dict()),
                st.sampled_from(RECORD_KEYS),
                JSON,
            ),
        ),
        max_size=5,
    )
)
def test_whatever_a_saved_sessions_list_holds_the_profile_loads_and_exports(sessions):
    data = a_child().to_dict()
    data["sessions"] = sessions
    profile = Profile.from_dict(json.loads(json.dumps(data)))
    assert profile.child_name == "Maya"
    for record in profile.sessions:
        assert not record.empty and record.to_dict()["number"] > 0
    table = export.csv_text([profile], export.question_ids([], [profile]))
    rows = list(csv.reader(io.StringIO(table)))
    assert len(rows) == 1 + len(profile.sessions)
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
