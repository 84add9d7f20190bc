"""Accessibility: contrast, text size, motion, touch targets."""

from __future__ import annotations

import itertools
import re

import pytest

from conftest import ROOT
from game.app import theme


@pytest.fixture(autouse=True)
def _plain_look():
    yield
    theme.use(theme.Look())


@pytest.mark.parametrize(("high", "least"), [(False, 4.5), (True, 7.0)])
def test_narration_text_stands_out_from_its_box(high, least):
    from game.app.narration_view import GLOSSARY_INK, LIT, LIT_LINE

    look = theme.Look(high_contrast=high)
    assert theme.contrast(look.ink, look.box_fill) >= least
    assert theme.contrast(GLOSSARY_INK, look.box_fill) >= least
    for lit in (LIT, LIT_LINE):  # the spoken word's highlight behind the words
        assert theme.contrast(look.ink, lit) >= least


def test_white_words_on_every_button_colour_are_readable():
    from game.app import art

    for colour in (art.BLUE, art.GREEN_DARK, art.PURPLE_DARK, art.INK, art.VERMILLION_DARK):
        assert theme.contrast((255, 255, 255), colour) >= 4.5, colour
        assert (
            theme.contrast((255, 255, 255), theme.Look(high_contrast=True).button_fill(colour)) >= 7
        )


def test_nothing_pulses_faster_than_three_times_a_second_and_nothing_under_reduced_motion():
    times = [i / 240 for i in range(240)]  # one second, finely
    for hz in (0.5, 2.0, 3.0, 10.0, 40.0):
        wave = [theme.pulse(t, hz) for t in times]
        rises = sum(1 for a, b in itertools.pairwise(wave) if a < 0 <= b)
        assert rises <= theme.MAX_HZ, hz
    theme.use(theme.Look(reduced_motion=True))
    assert {theme.pulse(t, 2.0) for t in times} == {0.0}
    assert theme.moving(12.5) == 0.0


def test_views_animate_only_through_the_theme():
    """A wave on the clock anywhere else could flash too fast or ignore reduced motion."""
    on_clock = re.compile(r"math\.sin\([^)]*(time|clock)\b")
    for path in (ROOT / "game" / "app").glob("*.py"):
        if path.name == "theme.py":
            continue
        assert not on_clock.search(path.read_text()), path.name


def test_larger_text_makes_the_narration_box_taller_not_cut_off(display):
    from game.app.narration_view import BOX, NarrationView
    from game.script.narrator import Narrator

    narrator = Narrator(chars_per_second=1000)
    narrator.say(
        "x.line", "Your T cell is back in your blood. Now it has a CAR, so it can find CD19!"
    )
    narrator.update(1.0)
    heights = []
    for size in theme.TEXT_SIZES:
        theme.use(theme.Look(text_size=size))
        view = NarrationView(_strings())
        view.draw(display.canvas, narrator, 0.0)
        heights.append(view.box.height)
        assert view.box.bottom == BOX.bottom
        assert view.replay.centery == view.box.centery
    assert heights == sorted(heights) and heights[-1] > heights[0]


def _strings():
    from game.script.catalog import load_all
    from game.script.texts import build_strings, load_library

    return build_strings(load_all(), load_library())


def test_every_control_on_every_panel_page_is_a_big_target(display):
    """Buttons refuse to be smaller than 64 px; building every page's buttons proves it."""
    from game.app.facilitator import PAGES, FacilitatorPanel
    from game.app.keyboard import NameKeyboard
    from game.profile.profile import Profile
    from game.script.catalog import journey, load_all

    scenes = load_all()
    panel = FacilitatorPanel(
        _strings(),
        Profile("child-1"),
        [scenes[i] for i in journey(scenes)],
        "hunt",
        "hunt",
        0.0,
        [],
        True,
    )
    for page in PAGES:
        panel.page = page
        for button in panel.buttons():
            assert min(button.rect.size) >= 64
            assert button.rect.right <= 1280 and button.rect.bottom <= 800, button.name
        panel.draw(display.canvas)
    for confirming in ("child", "all"):
        panel.confirming = confirming
        assert {b.name for b in panel.buttons()} == {"confirm", "cancel"}
        panel.draw(display.canvas)
    keys = NameKeyboard(_strings(), "")
    assert all(min(b.rect.size) >= 64 and b.rect.bottom <= 800 for b in keys.buttons())
