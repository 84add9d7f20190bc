"""Python's cycle collector is held back while the game starts and while scenes are read
(game/collector.py), and always comes back."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

import pytest

from conftest import ROOT
from game import collector
from game.script.catalog import check_files


def test_a_story_is_read_with_the_collector_paused_and_it_comes_back(tmp_path, monkeypatch):
    from game import bench
    from game.script import catalog

    paths = bench.synthetic_story(tmp_path, 40)
    read = catalog._load_scene
    seen = []

    def reading(*args, **kwargs):
        seen.append(gc.isenabled())
        return read(*args, **kwargs)

    monkeypatch.setattr(catalog, "_load_scene", reading)
    scenes, problems = check_files(paths)
    assert len(scenes) == 40 and problems == []
    assert seen == [False] * 40  # thousands of lasting values, no look for cycles among them
    assert gc.isenabled()


def test_paused_gives_the_collector_back_after_an_error():
    with pytest.raises(ValueError), collector.paused():
        assert not gc.isenabled()
        raise ValueError("a scene that cannot be read")
    assert gc.isenabled()


def test_paused_keeps_the_collector_off_if_it_was_off():
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_nothing_is_set_aside_unless_the_launch_held_the_collector():
    frozen = gc.get_freeze_count()
    collector.settled()  # an App made by a test or a tool: no hold, no freeze
    collector.release()
    assert gc.get_freeze_count() == frozen
    assert gc.isenabled()


def _run(code: str) -> str:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def test_a_launch_holds_the_collector_until_its_first_screen_is_up():
    """As main.py starts the game: no collection while it starts; from the frame after the
    first (when the screens it did not need are imported too) what starting made is set
    aside for good and collections start again."""
    code = (
        "import gc\n"
        "from game import collector\n"
        "collector.hold()\n"
        "from game import bench\n"
        "from game.app.loop import App, StepClock\n"
        "from game.script.catalog import load_all\n"
        "_, display = bench._headless_display()\n"
        "app = App(load_all(), 'meet', display, StepClock())\n"
        "app.frame()\n"
        "first = (gc.isenabled(), gc.get_freeze_count())\n"
        "app.frame()\n"
        "print(first, (gc.isenabled(), gc.get_freeze_count() > 1000))\n"
    )
    assert _run(code) == "(False, 0) (True, True)"


def test_a_launch_that_stops_at_its_first_frame_gives_the_collector_back(tmp_path):
    code = (
        "import gc\n"
        "from game import collector\n"
        "collector.hold()\n"
        "from game.cli import main\n"
        f"main(['play', '--first-frame', '--data-dir', {str(tmp_path)!r}])\n"
        "print(gc.isenabled(), gc.get_freeze_count())\n"
    )
    assert _run(code) == "True 0"


def test_only_play_holds_the_collector(tmp_path):
    code = (
        "import gc\n"
        "from game import collector\n"
        "collector.hold()\n"
        "from game import cli\n"
        "seen = []\n"
        "cli._check = lambda options: seen.append(gc.isenabled()) or 0\n"
        "cli.main(['check'])\n"
        "print(seen)\n"
    )
    assert _run(code) == "[True]"


def test_every_way_in_holds_the_collector_while_the_game_starts():
    """main.py, python -m game and the installed t-cell-hero all start through launch.main."""
    code = (
        "import gc, sys\n"
        "from game import cli, launch\n"
        "seen = []\n"
        "cli._play = lambda options: seen.append(gc.isenabled()) or 0\n"
        "sys.argv = ['t-cell-hero', 'play']\n"
        "launch.main()\n"
        "print(seen, gc.isenabled())\n"
    )
    assert _run(code) == "[False] True"
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 't-cell-hero = "game.launch:main"' in text
    for way_in in (ROOT / "main.py", ROOT / "game" / "__main__.py"):
        assert "from game.launch import main" in way_in.read_text(encoding="utf-8")
