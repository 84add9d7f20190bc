"""Text a child could never read is refused by check, where it stands; rendering copes anyway."""

from __future__ import annotations

import pytest

from conftest import MINIMAL, only_problem
from game.script.readable import LIMITS, MAX_MARKS, clip, text_problems


def replace(old: str, new: str) -> str:
    assert old in MINIMAL
    return MINIMAL.replace(old, new, 1)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('"Hello\\0!"', "control character U+0000"),
        ('"\\u200b\\u200b"', "no letter, number or sign"),
        ('"a' + "\\u0301" * 90 + '"', f"more than {MAX_MARKS} accents"),
        ("word " * 20000, f"the most for a line is {LIMITS['line']}"),
    ],
)
def test_an_unreadable_line_is_refused_at_its_text(text, words):
    line, col, message = only_problem(replace("text: Hello!", f"text: {text}"))
    assert (line, col) == (16, 11) and message.startswith("the line's text ") and words in message


def test_a_100_kb_title_is_refused_at_the_title():
    line, col, message = only_problem(replace("A small hunt", "x" * 100_000))
    assert (line, col) == (3, 8) and f"the most for a title is {LIMITS['title']}" in message


def test_readable_text_with_accents_and_line_breaks_passes():
    assert text_problems("Ça va?\nSí, señor — ¡olé! नमस्ते", "line") == []


def test_clip_makes_any_text_short_and_plain():
    clipped = clip("a\0b" + "\u0301" * 9000 + "word " * 20000)
    assert "\0" not in clipped and len(clipped) <= max(LIMITS.values())


def test_the_worst_text_lays_out_in_bounded_rows():
    import pygame

    from game.app.ui import text
    from game.app.views.narration_view import SpokenText

    pygame.init()
    spoken = SpokenText(32, 600, 40)
    for worst in ["\u200b\u200b", "a\0b", "a" + "\u0301" * 9000, "x" * 100_000, "word " * 20000]:
        tokens = spoken.layout(worst)
        assert len(tokens) <= max(LIMITS.values())
        assert len(text.wrap(worst, text.font(32), 600)) <= max(LIMITS.values())


def test_a_word_book_phrase_with_its_stop_moves_to_the_next_row_whole(display):
    """'B cells.' at the end of a row: 'B' and 'cells.' stay together, stop and all."""
    from game.app.views.narration_view import SpokenText

    words = "Yes! The CAR fits every cell with CD19, even healthy B cells."
    phrase = words.index("B cells")
    marks = [(phrase, phrase + len("B cells"), "b_cell")]
    one_row = SpokenText(38, 10_000, 50).layout(words, lambda: marks)
    face = SpokenText(38, 10_000, 50).face
    # a row wide enough for everything up to 'B cells', but not for the stop after it
    room = one_row[-2].x + (face.size("B cells")[0] + face.size("B cells.")[0]) // 2
    laid = SpokenText(38, room, 50).layout(words, lambda: marks)
    assert (laid[-2].words, laid[-1].words) == ("B", "cells.")
    assert laid[-2].row == laid[-1].row == 1


@pytest.mark.parametrize("size", ["normal", "large", "largest"])
def test_a_wholly_shown_line_drawn_from_its_picture_looks_drawn_word_by_word(display, size):
    """The picture a shown line is kept as (quick to draw every frame) looks the same as the
    words drawn one by one, lit word, underlined word book words and all; taps still find them."""
    import pygame

    from game.app.ui import theme
    from game.app.views.narration_view import SpokenText

    theme.use(theme.Look(size))
    try:
        words = "Yes! The CAR fits every cell with CD19, even healthy B cells. Tell a grown-up."
        phrase = words.index("B cells")
        marks = [(phrase, phrase + len("B cells"), "b_cell")]
        spoken = SpokenText(theme.look().narration_size, 1000, 60)
        tokens = spoken.layout(words, lambda: marks)
        by_word = pygame.Surface((1280, 800))
        by_word.fill((250, 250, 245))
        kept = by_word.copy()
        spoken._draw_on(by_word, tokens, 60, 700, len(words), 3, False)
        placed = list(spoken._placed)
        spoken.draw(kept.copy(), tokens, 60, 700, len(words), 3, False)  # the picture made
        spoken.draw(kept, tokens, 60, 700, len(words), 3, False)  # and drawn from it
        assert spoken._layer is not None and spoken._placed == placed
        a, b = pygame.image.tobytes(by_word, "RGB"), pygame.image.tobytes(kept, "RGB")
        assert max(abs(x - y) for x, y in zip(a, b, strict=True)) <= 2
    finally:
        theme.use(theme.Look())
