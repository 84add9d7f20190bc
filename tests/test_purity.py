"""The rules and data packages never import pygame; nothing happens at import."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT

RULES = [
    "game.script.catalog",
    "game.script.runner",
    "game.script.chapter",
    "game.script.session",
    "game.world.picks",
    "game.world.collect",
    "game.world.attach",
    "game.world.multiply",
    "game.world.drip",
    "game.world.tapping",
    "game.sound.synth",
    "game.script.narrator",
    "game.world.hunt",
    "game.world.cells",
    "game.activities",
    "game.resources",
    "game.logs",
    "game.script.strings",
    "game.script.book",
    "game.script.gallery",
    "game.script.preview",
    "game.script.texts",
    "game.voice.index",
    "game.voice.system",
    "game.voice.make",
    "game.world.spots",
    "game.profile.settings",
    "game.profile.profile",
    "game.profile.store",
]


def test_rules_and_data_never_import_pygame():
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in RULES)
        + "from game.activities import registry\nregistry()\n"
        + "from game.script.catalog import load_all\nload_all()\n"
        + "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pygame'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_every_activity_has_a_view():
    from game.activities import registry
    from game.app.views import VIEWS

    assert set(registry()) == set(VIEWS)


def test_the_first_frame_waits_for_no_module_it_does_not_use(tmp_path):
    """What a launch imports before its first frame (bench's "first frame" target): not the
    chapters' views (each comes when its chapter does), nor the modules only a fallback voice
    or the tools need (subprocess), nor logging's rotating handlers (the log is rotated at
    opening); the next launch not even PyYAML."""
    code = (
        "import sys\n"
        "from game.cli import main\n"
        f"main(['play', '--first-frame', '--data-dir', {str(tmp_path)!r}])\n"
        "print('MODULES', *sorted(sys.modules))\n"
    )
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    for _launch in ("first", "next"):  # the first writes the start cache, the next uses it
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        modules = set(done.stdout.split("MODULES", 1)[1].split())
        assert "game.app.loop" in modules  # the launch really reached its first frame
        assert not {"subprocess", "logging.handlers"} & modules
        assert not [name for name in modules if name.startswith("game.app.views.")]
    # The next launch finds the story (and the journey file's plan) in the start cache and
    # reads no YAML: PyYAML is not even imported.
    assert not [name for name in modules if name == "yaml" or name.startswith("yaml.")]
    assert "game.script.yamlread" not in modules
