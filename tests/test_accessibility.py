"""Accessibility: contrast, text size, motion, touch targets."""

from __future__ import annotations

import itertools
import re

import pytest

from conftest import ROOT
from game.app.ui import theme


@pytest.fixture(autouse=True)
def _plain_look():
    yield
    theme.use(theme.Look())


@pytest.mark.parametrize(("high", "least"), [(False, 4.5), (True, 7.0)])
def test_narration_text_stands_out_from_its_box(high, least):
    from game.app.views.narration_view import GLOSSARY_INK, LIT, LIT_LINE

    look = theme.Look(high_contrast=high)
    assert theme.contrast(look.ink, look.box_fill) >= least
    assert theme.contrast(GLOSSARY_INK, look.box_fill) >= least
    for lit in (LIT, LIT_LINE):  # the spoken word's highlight behind the words
        assert theme.contrast(look.ink, lit) >= least


def test_white_words_on_every_button_colour_are_readable():
    from game.app.ui import art

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
    from game.app.views.narration_view import BOX, NarrationView
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
    from game.app.grownup.facilitator import PAGES, FacilitatorPanel
    from game.app.ui.keyboard import NameKeyboard
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


# words on cards and buttons fit, on two lines before smaller ------------------------------------
SIZES = ("normal", "large", "largest")


def ink_inside(image, centre, box) -> bool:
    """The words' letters, drawn centred on ``centre``, stay inside ``box``."""
    ink = image.get_bounding_rect().move(image.get_rect(center=centre).topleft)
    return box.contains(ink)


def every_card_label(strings, scenes):
    """Every picture label of every chapter, in every band and role, in the current language."""
    found = set()
    for scene in scenes.values():
        for choice in scene.choices:
            for option in choice.options:
                for band in ("little", "middle", "older"):
                    for role in ("patient", "sibling"):
                        strings.set_band(band)
                        strings.set_role(role)
                        found.add(strings.get(option.id))
    strings.set_band("middle")
    strings.set_role("patient")
    return sorted(found)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", SIZES)
def test_every_card_label_fits_inside_its_card(display, language, size):
    import pygame

    from game.app.ui import labels
    from game.app.views.board_view import LABEL_PAD, PICTURE_LEAST, RING, card_parts
    from game.script.catalog import load_all
    from game.world.picks import TILE_H, TILE_W

    theme.use(theme.Look(size))
    strings = _strings()
    strings.set_language(language)
    card = pygame.Rect(0, 0, round(TILE_W), round(TILE_H))
    clear = max(RING, theme.Look(high_contrast=True).edge_width) + 6  # a gap to the ring
    inside = card.inflate(-2 * clear, -2 * clear)
    for words in every_card_label(strings, load_all()):
        image, words_at, picture, middle = card_parts(words, card)
        assert ink_inside(image, words_at.center, inside), (words, size)
        assert picture >= PICTURE_LEAST and middle[1] + picture // 2 <= words_at.top + 4, words
        inner = card.inflate(-2 * LABEL_PAD, -2 * LABEL_PAD)  # as card_parts lays it out
        at, _ = labels.label_layout(
            words, theme.look().label_size(34), inner.width, inner.height - PICTURE_LEAST - 4
        )
        assert at > labels.LABEL_MIN, (words, size)  # fitted, not squeezed to the floor


def test_a_long_card_label_takes_two_lines_before_it_gets_smaller(display):
    import pygame

    from game.app.ui import labels
    from game.app.views.board_view import card_parts

    card = pygame.Rect(0, 0, 250, 230)
    for size in SIZES:
        theme.use(theme.Look(size))
        for words in ("Palabras revueltas", "Díselo a un adulto"):
            _, words_at, _, _ = card_parts(words, card)
            at, rows = labels.label_layout(words, theme.look().label_size(34), 230, 120)
            assert len(rows) == 2 and at == theme.look().label_size(34), (words, size)
            assert words_at.height > 80  # two lines tall on the card


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("high", [False, True])
def test_every_panel_button_and_tab_fits_its_words(display, language, size, high):
    from game.app.grownup.facilitator import PAGES, FacilitatorPanel
    from game.app.ui.labels import LABEL_MIN, label_layout
    from game.profile.profile import Profile
    from game.script.catalog import journey, load_all

    theme.use(theme.Look(size, high))
    scenes = load_all()
    profile = Profile("child-1")
    profile.child_name = "Maria-Fernanda"
    profile.settings.leave_out = ["after"]
    panel = FacilitatorPanel(
        _strings(),
        profile,
        [scenes[i] for i in journey(scenes)],
        "hunt",
        "hunt",
        0.0,
        [],
        True,
        language,
    )
    for page in PAGES:
        panel.page = page
        for button in panel.buttons():
            image = button.label_image()
            assert ink_inside(image, button.rect.center, button.rect.inflate(-12, -8)), (
                button.label,
                size,
            )
        drawn = set()
        for tab in (b for b in panel.buttons() if b.name.startswith("page:")):
            box, wanted = tab.label_box, theme.look().label_size(tab.size)
            at, _ = label_layout(tab.label, wanted, box.width, box.height)
            drawn.add(at)
        assert len(drawn) == 1  # every tab's words one size, none smaller than the others
        assert drawn.pop() > LABEL_MIN
    for confirming in ("child", "all"):
        panel.confirming = confirming
        for button in panel.buttons():
            assert ink_inside(button.label_image(), button.rect.center, button.rect), button.label
    panel.confirming = None
    panel.press("page:child")
    panel.press("set:name")  # the name keyboard's keys
    for button in panel.buttons():
        assert ink_inside(button.label_image(), button.rect.center, button.rect), button.label


# high contrast: the open page and each choice are told apart by more than colour --------------
def _panel():
    """The grown-up's panel for a new child on the shipped journey, on the meet chapter."""
    from game.app.grownup.facilitator import FacilitatorPanel
    from game.profile.profile import Profile
    from game.script.catalog import journey, load_all

    scenes = load_all()
    chapters = [scenes[i] for i in journey(scenes)]
    return FacilitatorPanel(_strings(), Profile("child-1"), chapters, None, "meet", 0, [], True)


@pytest.mark.parametrize("high", [False, True])
def test_the_open_tab_is_inverted_with_a_thick_edge_and_stands_out_from_the_others(display, high):
    theme.use(theme.Look(high_contrast=high))
    panel = _panel()
    panel.page = "sound"
    tabs = {b.name: b for b in panel.buttons() if b.name.startswith("page:")}
    open_fill, open_edge, open_width, open_words = tabs["page:sound"].colours()
    for name, tab in tabs.items():
        if name == "page:sound":
            continue
        fill, _, width, words = tab.colours()
        assert theme.contrast(open_fill, fill) >= 7  # light against dark, not a shade apart
        assert open_words != words and open_width >= width + 3
    assert theme.contrast(open_fill, open_edge) >= 7 and theme.contrast(open_words, open_fill) >= 7
    panel.draw(display.canvas)  # and so it is drawn: the open tab's middle is its light fill
    canvas = display.canvas
    inside = tabs["page:sound"].rect
    light = canvas.get_at((inside.x + 20, inside.y + 20))[:3]
    dark = canvas.get_at((tabs["page:data"].rect.x + 20, tabs["page:data"].rect.y + 20))[:3]
    assert theme.contrast(light, dark) >= 7


def test_in_high_contrast_the_two_answers_to_clear_never_look_the_same(display):
    theme.use(theme.Look(high_contrast=True))
    panel = _panel()
    panel.confirming = "child"
    clear, keep = panel.buttons()
    assert theme.contrast(clear.colours()[0], keep.colours()[0]) >= 7


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", SIZES)
def test_the_word_book_shows_every_word_on_screen_clear_of_close_with_its_word_inside(
    display, language, size
):
    from game.app.screens import word_page
    from game.script.texts import load_library

    theme.use(theme.Look(size))
    strings = _strings()
    strings.set_language(language)
    book = word_page.BookScreen(load_library().book, strings)
    screen = display.canvas.get_rect()
    for i, (word, tile) in enumerate(zip(book.book.words, book.tiles, strict=True)):
        assert screen.contains(tile) and not tile.colliderect(book.close.rect), word.id
        assert tile.collidelist(book.tiles[:i]) == -1  # no two tiles overlap
        image, words_at, picture, _ = word_page.tile_parts(strings.get(word.id), tile)
        assert ink_inside(image, words_at.center, tile.inflate(-8, -8)), word.id
        assert picture >= 72
    book.draw(display.canvas)
