"""Every test runs headless: SDL's dummy drivers are set before anything imports pygame, and the
game's data folder (its log) is a temporary one."""

from __future__ import annotations

import functools
import os
import textwrap
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"

import pytest

from game import resources
from game.script import catalog, texts
from game.script.errors import Problem, SceneError
from game.script.schema import parse_scene

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


# The shipped content, read once -------------------------------------------------------------
# Hundreds of tests, and every App made without a library, read the same shipped scenes and
# language tables: 70 to 80 ms each time, a sixth of the quick run. Their models are frozen, so
# ``load_all()`` and ``load_library()`` (called with no arguments) read the files again only
# when a file under scenes/ changed or a test pointed the game at other folders; each caller
# gets its own top-level dict. A call with its own paths or folder always reads them. (So a
# bench measurement made inside the test process times this cache, not the loader.)
def _shipped_stamp() -> tuple:
    scenes, assets = resources.scenes_dir(), resources.assets_dir()
    files = sorted(scenes.rglob("*.yaml"))
    return str(scenes), str(assets), tuple((str(f), f.stat().st_mtime_ns) for f in files)


def _read_once(load, copy):
    kept: dict[tuple, object] = {}

    @functools.wraps(load)
    def read(*args, **kwargs):
        if args or kwargs:
            return load(*args, **kwargs)
        stamp = _shipped_stamp()
        if stamp not in kept:
            kept.clear()
            kept[stamp] = load()
        return copy(kept[stamp])

    return read


catalog.load_all = _read_once(catalog.load_all, dict)
texts.load_library = _read_once(
    texts.load_library, lambda library: texts.Library(library.book, dict(library.tables))
)

MINIMAL = """\
version: 1
id: mini
title: A small hunt
activity: hunt
actors:
  - id: hero
    kind: t_cell
    player: yes
    car: cd19
  - id: leukemia
    kind: leukemia_cell
    count: 2
    markers: [cd19]
lines:
  - id: mini.hello
    text: Hello!
goals:
  - id: find
    when: bind
    marker: cd19
    count: 2
triggers:
  - when: start
    say: mini.hello
"""


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("T_CELL_HERO_DATA_DIR", str(tmp_path_factory.mktemp("data")))


def problems_in(text: str, label: str = "mini.yaml") -> list[Problem]:
    """Every problem the loader finds in ``text`` (dedented); [] when it loads."""
    try:
        parse_scene(label, textwrap.dedent(text).encode(), ROOT / "assets")
    except SceneError as exc:
        return exc.problems
    return []


def only_problem(text: str) -> tuple[int, int, str]:
    """The single problem in ``text`` as (line, col, message)."""
    found = problems_in(text)
    assert len(found) == 1, "\n".join(str(p) for p in found) or "no problem found"
    return found[0].where.line, found[0].where.col, found[0].message


@pytest.fixture
def display():
    """A headless window with the game's 1280 x 800 canvas."""
    import pygame

    from game.app.platform.display import LOGICAL, Display

    pygame.display.init()
    pygame.font.init()
    yield Display(LOGICAL)
    pygame.display.quit()


@pytest.fixture
def high_contrast():
    """The high-contrast look for one test, then the usual one again."""
    from game.app.ui import theme

    theme.use(theme.Look(high_contrast=True))
    yield
    theme.use(theme.Look())
