"""Profiles on disk: saved atomically, every broken save set aside (and the game starts fresh
for that child), an unwritable folder means playing without saving, never a crash."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime

import pytest

from conftest import ROOT
from game.profile.profile import FORMAT_VERSION, Profile
from game.profile.settings import Settings
from game.profile.store import ProfileStore, write_atomically
from game.script.session import Answer

FIXED = datetime(2026, 11, 21, 10, 15, 0)


def store_in(folder) -> ProfileStore:
    return ProfileStore(folder, ("en", "es"), now=lambda: FIXED)


def a_profile(profile_id: str = "child-1") -> Profile:
    profile = Profile(profile_id, picked={"colour": "meet.colour.lime", "name": "meet.name.luna"})
    profile.played = ["meet", "collect"]
    profile.answers = {"cd19": Answer(2, False, True)}
    profile.child_name = "Maya"
    profile.settings.band = "little"
    profile.settings.leave_out = ["after"]
    return profile


def test_a_profile_comes_back_as_it_was_saved(tmp_path):
    store = store_in(tmp_path)
    saved = a_profile()
    assert store.save(saved)
    again = store_in(tmp_path).load()
    assert [p.to_dict() for p in again] == [saved.to_dict()]


def test_two_children_keep_separate_progress(tmp_path):
    store = store_in(tmp_path)
    first, second = a_profile("child-1"), Profile("child-2")
    second.played = ["meet"]
    store.save(first)
    store.save(second)
    loaded = {p.id: p for p in store_in(tmp_path).load()}
    assert loaded["child-1"].played == ["meet", "collect"]
    assert loaded["child-2"].played == ["meet"] and loaded["child-2"].answers == {}
    assert store.new_id(list(loaded.values())) == "child-3"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("truncated", '{"version": 1, "id": "child-1", "played": ["me', "not whole JSON"),
        ("garbage", "\x00\x17 not a save at all \xff", "not whole JSON"),
        ("wrong version", json.dumps({"version": 99, "id": "child-1"}), "version 99"),
        ("not a profile", json.dumps([1, 2, 3]), "does not hold a profile"),
    ],
)
def test_a_save_that_cannot_be_read_is_set_aside_and_that_child_starts_fresh(
    tmp_path, caplog, name, content, reason
):
    store = store_in(tmp_path)
    store.save(a_profile("child-2"))  # another child's save is untouched
    broken = tmp_path / "profiles" / "child-1.json"
    broken.write_text(content, encoding="utf-8", errors="surrogateescape")
    loaded = store.load()
    assert [p.id for p in loaded] == ["child-2"]
    aside = tmp_path / "profiles" / "child-1.set-aside-20261121-101500.json"
    assert aside.exists() and not broken.exists()
    assert aside.read_text(encoding="utf-8", errors="surrogateescape") == content
    assert any(reason in r.getMessage() and aside.name in r.getMessage() for r in caplog.records)
    assert store.new_id(loaded) == "child-3"  # the set-aside child's number is not reused
    assert store_in(tmp_path).load()[0].id == "child-2"  # set-aside files are left alone


def test_small_slips_in_a_save_fall_back_to_defaults_and_keep_the_rest(tmp_path):
    data = a_profile().to_dict()
    data["settings"].update(text_size="enormous", effects="loud", voice="yes", language="xx")
    data["answers"]["car"] = {"tries": -4, "right_first_try": "no"}
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "child-1.json").write_text(json.dumps(data))
    [profile] = store_in(tmp_path).load()
    defaults = Settings()
    assert profile.settings.text_size == defaults.text_size
    assert profile.settings.effects == defaults.effects
    assert profile.settings.voice is defaults.voice
    assert profile.settings.language == defaults.language
    assert profile.settings.band == "little" and profile.settings.leave_out == ["after"]
    assert profile.answers["car"] == Answer(0, False, False)
    assert profile.played == ["meet", "collect"] and profile.child_name == "Maya"


def test_a_folder_that_cannot_be_written_plays_on_without_saving_and_says_so_once(tmp_path, caplog):
    blocked = tmp_path / "a-file"
    blocked.write_text("in the way")
    store = store_in(blocked / "data")
    assert store.saving is False and store.notice == "ui.save.off"
    assert store.save(a_profile()) is False
    assert store.load() == []
    store.notice = None  # the app showed it
    assert store.save(a_profile()) is False and store.notice is None
    assert sum("without saving" in r.getMessage() for r in caplog.records) == 1


def test_a_failed_write_keeps_the_previous_save_and_stops_saving(tmp_path, monkeypatch):
    store = store_in(tmp_path)
    store.save(a_profile())
    before = (tmp_path / "profiles" / "child-1.json").read_text()

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    changed = a_profile()
    changed.played.append("lab")
    assert store.save(changed) is False
    assert store.saving is False and store.notice == "ui.save.off"
    assert (tmp_path / "profiles" / "child-1.json").read_text() == before
    assert [p.name for p in (tmp_path / "profiles").iterdir()] == ["child-1.json"]  # no temp


WRITER = """
import sys
from pathlib import Path
from game.profile.store import write_atomically
target = Path(sys.argv[1])
print("ready", flush=True)
n = 0
while True:
    n += 1
    write_atomically(target, '{"n": %d, "pad": "%s"}' % (n, "x" * 400_000))
"""


@pytest.mark.skipif(
    sys.platform == "win32", reason="kills a process with SIGKILL, which Windows does not have"
)
def test_killing_the_game_in_the_middle_of_saving_never_loses_the_previous_save(tmp_path):
    target = tmp_path / "child-1.json"
    write_atomically(target, json.dumps({"n": 0, "pad": ""}))
    for delay in (0.05, 0.13, 0.29):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(target)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
        time.sleep(delay)
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        saved = json.loads(target.read_text())  # always whole: the old save or a new one
        assert isinstance(saved["n"], int)


def test_clearing_one_child_or_everyone(tmp_path):
    store = store_in(tmp_path)
    for number in (1, 2, 3):
        store.save(a_profile(f"child-{number}"))
    (tmp_path / "profiles" / "child-1.set-aside-20261121-101500.json").write_text("{")
    store.remove("child-1")
    assert sorted(p.name for p in (tmp_path / "profiles").iterdir()) == [
        "child-2.json",
        "child-3.json",
    ]
    (tmp_path / "summaries").mkdir()
    (tmp_path / "summaries" / "T-Cell Hero Maya child-2 2026-11-21 1015.png").write_bytes(b"png")
    elsewhere = tmp_path / "usb-stick" / "T-Cell Hero Maya 2026-11-21 1015.png"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(b"png")
    store.remove_all()
    assert list((tmp_path / "profiles").iterdir()) == []
    assert list((tmp_path / "summaries").iterdir()) == []
    assert elsewhere.exists()  # a picture saved somewhere else is the family's to keep


def test_every_setting_steps_round_its_list_and_saves_as_it_is():
    settings = Settings()
    seen = []
    for _ in range(4):
        seen.append(settings.text_size)
        settings.step("text_size")
    assert seen == ["normal", "large", "largest", "normal"]
    settings.step("high_contrast")
    assert settings.high_contrast is True
    settings.toggle_left_out("after")
    assert Settings.from_dict(settings.to_dict()) == settings
    assert Profile.from_dict(Profile("child-9").to_dict()).to_dict()["version"] == FORMAT_VERSION


def test_the_grown_ups_language_is_kept_for_the_device_apart_from_every_child(tmp_path, caplog):
    from game.profile.device import DeviceSettings

    store = store_in(tmp_path)
    assert store.load_device() == DeviceSettings()  # nothing chosen yet
    assert store.save_device(DeviceSettings(grownup_language="es"))
    store.save(a_profile())
    assert store_in(tmp_path).load_device().grownup_language == "es"  # after a restart
    store.remove_all()  # clearing every child's data is not the grown-up's setting
    assert store_in(tmp_path).load_device().grownup_language == "es"
    assert [p.id for p in store.load()] == []
    # A language this game does not have, or a broken file, is the default again.
    (tmp_path / "device.json").write_text('{"grownup_language": "fr"}')
    assert store_in(tmp_path).load_device().grownup_language is None
    (tmp_path / "device.json").write_text("{not json")
    assert store_in(tmp_path).load_device() == DeviceSettings()
    assert "device settings" in caplog.text
    # Nowhere to save: nothing is written, nothing breaks.
    assert not ProfileStore(None).save_device(DeviceSettings(grownup_language="en"))
    assert ProfileStore(None).load_device() == DeviceSettings()


def test_five_colours_sit_in_balanced_centred_rows():
    """Three and two, not four and one: no colour is left alone on a row."""
    from game.app.screens.profiles_screen import tile_rect

    rects = [tile_rect(i, 5) for i in range(5)]
    rows = sorted({r.top for r in rects})
    assert [sum(r.top == top for r in rects) for top in rows] == [3, 2]
    for top in rows:
        row = [r for r in rects if r.top == top]
        assert abs((min(r.left for r in row) + max(r.right for r in row)) / 2 - 640) <= 1
    assert not any(a.colliderect(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
    assert [tile_rect(i, 4).top for i in range(4)] == [rects[0].top] * 4  # four: one row
