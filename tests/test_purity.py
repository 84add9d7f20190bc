"""The rules and data packages never import pygame; nothing happens at import."""

from __future__ import annotations

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
