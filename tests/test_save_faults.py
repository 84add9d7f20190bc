"""Saves under hostile input and faults: one broken profile never stops any other child, names
are safe to show and save, two games on one folder never make the same child, clearing deletes
only what the game wrote, a full disk stays quiet, and a scene that keeps failing is passed by."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
import threading
from datetime import datetime

import pygame
import pytest

from game.profile.profile import NAME_LENGTH, Profile, clean_name
from game.profile.store import MAX_BYTES, ProfileStore

FIXED = datetime(2026, 11, 21, 10, 15, 0)
ASIDE = "child-1.set-aside-20261121-101500.json"


def store_in(folder) -> ProfileStore:
    return ProfileStore(folder, ("en", "es"), now=lambda: FIXED)


def saved(profile_id: str = "child-1", **fields) -> dict:
    data = Profile(profile_id).to_dict()
    data.update(fields)
    return data


def _write(folder, name: str, content: str | bytes) -> None:
    (folder / "profiles").mkdir(exist_ok=True)
    path = folder / "profiles" / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


# R1, D2: whatever is wrong with one file, only that child starts fresh -----------------------
def _deep(depth: int) -> str:
    return '{"version": 1, "id": "child-1", "picked": ' + "[" * depth + "]" * depth + "}"


LONG_INT = json.dumps(saved())[:-1] + ', "x": 1' + "0" * 5000 + "}"


@pytest.mark.parametrize(
    ("kind", "content", "reason"),
    [
        ("nested deeper than Python recurses", _deep(100_000), "nested too deeply"),
        ("an int too long to read", LONG_INT, "not whole JSON"),
        ("bigger than the limit", json.dumps(saved(at="x" * (MAX_BYTES + 1))), "larger than"),
    ],
)
def test_any_failure_reading_one_profile_sets_it_aside_and_every_other_child_plays(
    tmp_path, caplog, kind, content, reason
):
    store = store_in(tmp_path)
    store.save(Profile("child-2"))
    _write(tmp_path, "child-1.json", content)
    assert [p.id for p in store.load()] == ["child-2"]
    assert (tmp_path / "profiles" / ASIDE).exists()
    assert any(reason in r.getMessage() for r in caplog.records)


def test_an_unexpected_error_while_reading_still_sets_only_that_file_aside(tmp_path, monkeypatch):
    store = store_in(tmp_path)
    store.save(Profile("child-2"))
    _write(tmp_path, "child-1.json", json.dumps(saved()))
    real = Profile.from_dict

    def failing(data, languages=()):
        if data.get("id") == "child-1":
            raise MemoryError
        return real(data, languages)

    monkeypatch.setattr(Profile, "from_dict", staticmethod(failing))
    assert [p.id for p in store.load()] == ["child-2"]
    assert (tmp_path / "profiles" / ASIDE).exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_profile_that_is_not_a_regular_file_is_set_aside_without_waiting(tmp_path):
    (tmp_path / "profiles").mkdir()
    os.mkfifo(tmp_path / "profiles" / "child-1.json")
    assert store_in(tmp_path).load() == []
    assert (tmp_path / "profiles" / ASIDE).exists()


def test_a_huge_number_where_a_number_belongs_is_that_fields_default(tmp_path):
    _write(tmp_path, "child-1.json", json.dumps(saved(seconds_played=10**400)))
    [profile] = store_in(tmp_path).load()
    assert profile.seconds_played == 0.0


# D4, D5 --------------------------------------------------------------------------------------
def test_a_profile_saved_with_a_byte_order_mark_is_read(tmp_path):
    _write(tmp_path, "child-1.json", "\ufeff" + json.dumps(saved(played=["meet"])))
    [profile] = store_in(tmp_path).load()
    assert profile.played == ["meet"]


@pytest.mark.parametrize("number", ["1e400", "-1e400", "NaN", "Infinity", "-Infinity"])
def test_a_number_that_is_not_finite_falls_back_to_the_default_and_is_saved_as_json(
    tmp_path, number
):
    text = json.dumps(saved(played=["meet"]))
    text = text.replace('"seconds_played": 0.0', f'"seconds_played": {number}')
    text = text.replace('"scan_seconds": 1.5', f'"scan_seconds": {number}')
    _write(tmp_path, "child-1.json", text)
    store = store_in(tmp_path)
    [profile] = store.load()
    assert profile.seconds_played == 0.0 and profile.settings.scan_seconds == 1.5
    assert profile.played == ["meet"]
    profile.seconds_played = float("inf")  # even if play ever made one, it is never written
    assert store.save(profile)
    written = (tmp_path / "profiles" / "child-1.json").read_text()
    json.loads(written, parse_constant=lambda c: pytest.fail(f"wrote {c}"))


# R2 ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "cleaned"),
    [
        ("Ma\udcffya", "Maya"),
        ("Ma\x00ya", "Maya"),
        ("Ma\x1bya\t", "Maya"),
        ("Ma\x7fya", "Maya"),
        ("Ma\u2028ya", "Maya"),
        ("Ma\uffffya\ue000", "Maya"),
        ("Maya " * 40, ("Maya " * 4)[:NAME_LENGTH].strip()),
    ],
)
def test_a_name_with_characters_that_cannot_be_shown_or_saved_is_cleaned(tmp_path, typed, cleaned):
    assert clean_name(typed) == cleaned
    _write(tmp_path, "child-1.json", json.dumps(saved(child_name=typed)))
    store = store_in(tmp_path)
    [profile] = store.load()
    assert profile.child_name == cleaned
    assert store.save(profile)
    (tmp_path / "profiles" / "child-1.json").read_text(encoding="utf-8")  # strict UTF-8


def test_a_name_typed_with_control_characters_is_cleaned_before_it_is_kept(display):
    from game.app.grownup.facilitator import FacilitatorPanel
    from game.app.ui.keyboard import NameKeyboard
    from game.script.catalog import journey, load_all
    from game.script.texts import build_strings, load_library

    scenes = load_all()
    profile = Profile("child-1")
    strings = build_strings(scenes, load_library())
    panel = FacilitatorPanel(
        strings, profile, [scenes[i] for i in journey(scenes)], None, "meet", 0.0, [], True
    )
    panel.keyboard = NameKeyboard(strings, "Ma\x00ya\udcff\x1b")  # as a text event could bring
    panel.keyboard.done = True
    panel._typed()
    assert profile.child_name == "Maya"


# D1 ------------------------------------------------------------------------------------------
def test_two_games_on_one_folder_creating_children_at_once_never_share_an_id(tmp_path):
    stores = [store_in(tmp_path), store_in(tmp_path)]
    made: list[str] = []
    start = threading.Barrier(16)

    def create(store: ProfileStore) -> None:
        profile = Profile("")
        start.wait()
        store.create(profile, [])  # each game still thinks no one else has made a child
        made.append(profile.id)

    threads = [threading.Thread(target=create, args=(stores[i % 2],)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(made) == sorted(f"child-{n}" for n in range(1, 17))
    assert len(store_in(tmp_path).load()) == 16


def test_a_child_made_when_an_earlier_id_was_just_taken_takes_the_next(tmp_path):
    first, second = store_in(tmp_path), store_in(tmp_path)
    expected = second.new_id([])
    first.create(Profile(""), [])  # the other game took it in between
    profile = Profile("")
    second.create(profile, [])
    assert expected == "child-1" and profile.id == "child-2"


# S3, S6: clearing deletes only what the game wrote ----------------------------------------------
def test_clearing_everything_leaves_files_the_game_never_wrote(tmp_path):
    store = store_in(tmp_path)
    store.save(Profile("child-1"))
    profiles, summaries = tmp_path / "profiles", tmp_path / "summaries"
    summaries.mkdir()
    theirs = [profiles / "notes.txt", profiles / "child-1.json.bak", summaries / "holiday.png"]
    ours = [
        profiles / ASIDE,
        profiles / ".child-1.json.k2j4_x.tmp",
        summaries / "T-Cell Hero Maya child-1 2026-11-21 1015.png",
        summaries / "T-Cell Hero Luna 2026-11-21 1016.png",
    ]
    for path in theirs + ours:
        path.write_bytes(b"x")
    store.remove_all()
    assert all(p.exists() for p in theirs) and not any(p.exists() for p in ours)
    assert not (profiles / "child-1.json").exists()


def test_clearing_one_child_takes_their_pictures_and_half_written_copies_only(tmp_path):
    store = store_in(tmp_path)
    store.save(Profile("child-1"))
    store.save(Profile("child-11"))
    profiles, summaries = tmp_path / "profiles", tmp_path / "summaries"
    summaries.mkdir()
    mine = [
        profiles / ".child-1.json.abc.tmp",
        summaries / "T-Cell Hero Maya child-1 2026-11-21 1015.png",
    ]
    other = [
        profiles / ".child-11.json.abc.tmp",
        summaries / "T-Cell Hero Sam child-11 2026-11-21 1015.png",
    ]
    for path in mine + other:
        path.write_bytes(b"x")
    store.remove("child-1")
    assert not any(p.exists() for p in mine) and all(p.exists() for p in other)
    assert [p.id for p in store.load()] == ["child-11"]


# D3, S6: the log ---------------------------------------------------------------------------------
def log_handler(path):
    """The game's handler writing to the log file at ``path``."""
    return next(
        h for h in logging.getLogger("game").handlers if getattr(h, "baseFilename", "") == str(path)
    )


def test_a_log_that_cannot_be_written_prints_nothing_and_saves_go_on(tmp_path, capsys):
    from game import logs

    path = logs.setup_logging(tmp_path / "logdir")
    handler = log_handler(path)
    try:
        if sys.platform != "win32":
            assert path.stat().st_mode & 0o077 == 0  # only this user may read it

        def full(*_):
            raise OSError(28, "No space left on device")

        handler.stream.write = full
        store = store_in(tmp_path)
        store._stop_saving(OSError("logged, not printed"))
        logging.getLogger("game.profile").warning("one more line")
        assert store_in(tmp_path).save(Profile("child-1"))
    finally:
        logging.getLogger("game").removeHandler(handler)
        del handler.stream.write
        handler.close()
    assert capsys.readouterr().err == ""


# S4 --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("value", ["", "   "])
def test_an_empty_data_folder_is_refused_before_any_window(capsys, value):
    from game.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["--data-dir", value])
    assert stopped.value.code == 2
    assert "--data-dir" in capsys.readouterr().err


# S6: summary pictures ---------------------------------------------------------------------------
def _app_with_child(display, tmp_path):
    from game.app.loop import App, StepClock
    from game.script.catalog import load_all

    store = store_in(tmp_path / "data")
    app = App(load_all(), "meet", display, StepClock(), store=store)
    app._begin(app.keeper.new_profile("meet.colour.lime", []))
    app.profile.child_name = "Maya"
    return app


class _Panel:
    def __init__(self, folder) -> None:
        self.folders, self.folder, self.saved = [folder], 0, None


def test_a_summary_in_the_games_folder_is_private_and_cleared_with_its_child(display, tmp_path):
    app = _app_with_child(display, tmp_path)
    panel = _Panel(tmp_path / "data" / "summaries")
    assert app._save_summary(panel) == "ui.results.saved"
    [picture] = (tmp_path / "data" / "summaries").glob("*.png")
    assert "child-1" in picture.name
    if sys.platform != "win32":
        assert picture.stat().st_mode & 0o077 == 0
    app.store.remove(app.profile.id)
    assert not picture.exists()


def test_a_summary_that_cannot_be_saved_never_logs_the_childs_name(display, tmp_path, caplog):
    app = _app_with_child(display, tmp_path)
    blocked = tmp_path / "a-file"
    blocked.write_text("in the way")
    assert app._save_summary(_Panel(blocked / "sub")) == "ui.results.not_saved"
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "could not save the summary picture" in messages and "Maya" not in messages


# R5 --------------------------------------------------------------------------------------------
def test_keep_going_after_the_same_scene_failed_twice_goes_on_to_the_map(display):
    from game.app.loop import App, StepClock
    from game.app.screens.break_screen import KEEP_GOING, BreakScreen
    from game.app.screens.journey_map import JourneyMap
    from game.app.screens.play import ScenePlay
    from game.script.catalog import load_all

    def broken(self, canvas):
        raise ZeroDivisionError("this view always fails")

    app = App(load_all(), "hunt", display, StepClock())
    original = ScenePlay.draw
    ScenePlay.draw = broken
    try:
        for _ in range(2):
            asyncio.run(app.run(app.result.frames + 2))
            assert isinstance(app.screen, BreakScreen)
            pygame.event.post(
                pygame.event.Event(
                    pygame.MOUSEBUTTONDOWN, pos=KEEP_GOING.center, button=1, touch=False
                )
            )
            asyncio.run(app.run(app.result.frames + 1))
    finally:
        ScenePlay.draw = original
    assert isinstance(app.screen, JourneyMap) and app.map_target != "hunt"


def test_saves_that_will_not_outlast_the_session_are_told_to_the_grown_up(display, tmp_path):
    """A browser that cannot keep the site's data (a private window): the game plays, and
    the grown-up hears at once that today's play will not be remembered."""
    from game.app.loop import StepClock
    from game.app.screens.notice import Notice
    from game.app.start import make_app
    from game.cli import _load

    loaded = _load(None)
    kept = dict(voice=None, audio=None, data_dir=tmp_path, effects=80, music=40, show_map=True)
    app = make_app(loaded, display, StepClock(), forgets=True, **kept)
    assert isinstance(app.overlay, Notice) and app.overlay.note == "ui.save.off"
    assert make_app(loaded, display, StepClock(), **kept).overlay is None


def test_a_long_log_is_moved_aside_when_the_game_opens_it(tmp_path):
    from game import logs

    folder = tmp_path / "logdir"
    folder.mkdir()
    log_file = folder / logs.LOG_NAME
    log_file.write_text("x" * (logs.LOG_BYTES + 1))
    (folder / f"{logs.LOG_NAME}.1").write_text("older")
    (folder / f"{logs.LOG_NAME}.2").write_text("oldest")
    path = logs.setup_logging(folder)
    handler = log_handler(path)
    try:
        logging.getLogger("game.test").warning("a new session")
        handler.flush()
        assert "a new session" in log_file.read_text() and log_file.stat().st_size < 200
        assert (folder / f"{logs.LOG_NAME}.1").read_text() == "x" * (logs.LOG_BYTES + 1)
        assert (folder / f"{logs.LOG_NAME}.2").read_text() == "older"  # the oldest went
        assert not (folder / f"{logs.LOG_NAME}.3").exists()
    finally:
        logging.getLogger("game").removeHandler(handler)
        handler.close()


def test_a_short_log_is_kept_and_added_to(tmp_path):
    from game import logs

    folder = tmp_path / "logdir"
    folder.mkdir()
    (folder / logs.LOG_NAME).write_text("last session\n")
    path = logs.setup_logging(folder)
    handler = log_handler(path)
    try:
        logging.getLogger("game.test").warning("this session")
        handler.flush()
        assert path.read_text().startswith("last session\n") and "this session" in path.read_text()
        assert not (folder / f"{logs.LOG_NAME}.1").exists()
    finally:
        logging.getLogger("game").removeHandler(handler)
        handler.close()
