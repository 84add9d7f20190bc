"""Every helper that draws words gets them through ``text.render`` (clipped by
``readable.clip``), so no text reaching the screen, whatever slipped past ``check``, can raise or
make a surface too big to draw: zero-width characters, NUL, surrogates (a file name's
undecodable bytes), a pile of 5,000 marks, a 100 KB string."""

from __future__ import annotations

import pygame
import pytest

from game.app.grownup import results_page, summary
from game.app.ui import art, labels, text, widgets
from game.app.views import board_view
from game.app.views.narration_view import SpokenText

HOSTILE = {
    "empty": "",
    "zero_width": "\u200b",
    "zero_width_many": "\u200b\u200c\u200d\u2060\ufeff" * 20,
    "nul": "\x00",
    "nul_inside": "a\x00b",
    "marks": "e" + "\u0301" * 5000,
    "marks_alone": "\u0301" * 5000,
    "long": "x" * 100_000,
    "long_words": "word " * 20_000,
    "surrogate": "\ud800",
    "surrogates_inside": "T cell \udcff\udc80 hero",
    "controls": "\x1b[31m\x07\x7f\u2028\u2029",
}
#: No image of words may be wider than this (500 characters at the biggest size is far less)
#: or taller than a few lines of the biggest words.
MOST_WIDE, MOST_TALL = 40_000, 600


@pytest.fixture(autouse=True)
def fonts():
    pygame.font.init()
    yield


def bounded(image: pygame.Surface) -> None:
    assert isinstance(image, pygame.Surface)
    width, height = image.get_size()
    assert 0 <= width <= MOST_WIDE and 0 <= height <= MOST_TALL


def canvas() -> pygame.Surface:
    return pygame.Surface((1280, 800))


def spoken(words: str) -> None:
    view = SpokenText(40, 1000, 52)
    for token in view.layout(words):
        bounded(token.surface)


HELPERS = {
    "text.render": lambda w: bounded(text.render(w, text.font(60, "bold"), art.INK)),
    "text.width": lambda w: text.width(w, text.font(60)) <= MOST_WIDE,
    "text.wrap": lambda w: [
        bounded(text.render(r, text.font(30), art.INK)) for r in text.wrap(w, text.font(30), 600)
    ],
    "widgets.fitted": lambda w: bounded(widgets.fitted(w, 48, 400)),
    "widgets._words": lambda w: bounded(widgets._words(w, 30)),
    "widgets.title_pill": lambda w: widgets.title_pill(canvas(), w),
    "button": lambda w: bounded(widgets.Button("b", w, pygame.Rect(0, 0, 300, 90)).label_image()),
    "labels.label": lambda w: bounded(labels.label(w, 38, 300, 120)),
    "labels.picture_card": lambda w: bounded(
        labels.picture_card(w, pygame.Rect(0, 0, 240, 240), 30, 160, 60)[0]
    ),
    "labels.shorten_middle": lambda w: labels.shorten_middle(w, text.font(26), 300),
    "board question": lambda w: board_view._question_words(w, 900, 200),
    "results page": lambda w: results_page.draw_results(canvas(), w, [], str),
    "results message": lambda w: results_page.draw_message(canvas(), w),
    "summary picture": lambda w: summary._line(pygame.Surface((1240, 1754)), w, 30, 40),
    "narration": spoken,
}


@pytest.mark.parametrize("helper", sorted(HELPERS))
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_word_drawing_helpers_never_raise_on_hostile_text(helper, name):
    HELPERS[helper](HOSTILE[name])


def test_zero_width_text_gives_an_empty_image_a_line_tall():
    face = text.font(40)
    image = text.render("\u200b\u200d", face, art.INK)
    assert image.get_size() == (0, face.get_height())
    assert text.width("\ud800", face) >= 0


def test_readable_words_are_drawn_as_before():
    face = text.font(40, "bold")
    assert text.render("T cell", face, art.INK).get_size() == face.size("T cell")
