"""The loaded story kept between launches: used only while every file it was read from is
unchanged, never kept when loading fails, and never a reason not to start."""

from __future__ import annotations

import os
import shutil

import pytest

from game import resources
from game.script import startcache
from game.script.catalog import load_all


@pytest.fixture
def story(tmp_path, monkeypatch):
    """A copy of the shipped scenes the cache reads from, and a loader that counts its calls."""
    scenes = tmp_path / "scenes"
    shutil.copytree(resources.scenes_dir(), scenes)
    monkeypatch.setattr(resources, "scenes_dir", lambda: scenes)
    calls = []

    def load():
        calls.append(1)
        return load_all(sorted(p for p in scenes.glob("*.yaml") if p.name != "journey.yaml"))

    return scenes, tmp_path / "cache", load, calls


def test_the_second_launch_uses_the_copy_and_gets_the_same_story(story):
    _, cache, load, calls = story
    first = startcache.loaded(cache, load)
    second = startcache.loaded(cache, load)
    assert len(calls) == 1
    assert second == first and second is not first


def test_an_edited_scene_file_is_read_again(story):
    scenes, cache, load, calls = story
    startcache.loaded(cache, load)
    hunt = scenes / "hunt.yaml"
    hunt.write_text(hunt.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    info = hunt.stat()
    os.utime(hunt, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    startcache.loaded(cache, load)
    assert len(calls) == 2


def test_a_copy_cut_short_or_garbled_is_read_afresh_and_replaced(story):
    _, cache, load, calls = story
    first = startcache.loaded(cache, load)
    path = cache / startcache.NAME
    path.write_bytes(path.read_bytes()[:200])
    assert startcache.loaded(cache, load) == first
    path.write_bytes(startcache.fingerprint() + b"not a pickle at all")
    assert startcache.loaded(cache, load) == first
    assert len(calls) == 3
    assert startcache.loaded(cache, load) == first and len(calls) == 3  # replaced: used again


def test_a_story_with_a_problem_is_never_kept(story):
    _, cache, _, _ = story

    def broken():
        raise ValueError("a scene has a problem")

    with pytest.raises(ValueError):
        startcache.loaded(cache, broken)
    assert not (cache / startcache.NAME).exists()


def test_a_folder_that_cannot_be_written_still_starts_the_game(story, tmp_path):
    _, _, load, calls = story
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    assert startcache.loaded(blocked / "cache", load) is not None
    assert startcache.loaded(None, load) is not None
    assert len(calls) == 2


def test_an_edit_that_keeps_the_files_size_and_time_is_read_again(story):
    scenes, cache, load, calls = story
    startcache.loaded(cache, load)
    hunt = scenes / "hunt.yaml"
    info = hunt.stat()
    words = hunt.read_bytes()
    hunt.write_bytes(words.replace(b"now with a CAR!", b"now with a CAR.", 1))
    os.utime(hunt, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert hunt.stat().st_size == info.st_size
    startcache.loaded(cache, load)
    assert len(calls) == 2


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="who owns a file: POSIX only")
def test_a_copy_others_may_change_is_never_used(story):
    _, cache, load, calls = story
    startcache.loaded(cache, load)
    path = cache / startcache.NAME
    assert path.stat().st_mode & 0o077 == 0  # only this user may read or change it
    path.chmod(0o666)
    startcache.loaded(cache, load)
    assert len(calls) == 2


def test_any_failure_to_keep_the_copy_still_plays(story, monkeypatch):
    _, cache, load, _ = story

    def cannot(value):
        raise AttributeError("Can't pickle local object")

    monkeypatch.setattr(startcache, "_dumps", cannot)
    assert startcache.loaded(cache, load) is not None
    assert list(cache.iterdir()) == []  # nothing half-written left behind
