"""The word book's pictures tell its words apart, and say what they mean (a play-test: a
six-year-old found IV, infusion and central line all one IV bag, and took 'keep it a secret'
for a long nose, as when telling a fib)."""

from __future__ import annotations

import pygame
import pytest

from game.app.ui import pictures
from game.script import gallery

TUBES = ("words.iv", "words.infusion", "words.central_line")
SKIN = pictures.SKIN


@pytest.fixture(scope="module")
def chosen() -> dict[str, str]:
    from game.script.texts import load_library

    return {word.id: word.picture for word in load_library().book.words}


def _pixels(picture: pygame.Surface) -> list[tuple[int, int, int, int]]:
    width, height = picture.get_size()
    return [tuple(picture.get_at((x, y))) for y in range(0, height, 2) for x in range(0, width, 2)]


def _difference(a: pygame.Surface, b: pygame.Surface) -> float:
    """How many of the sampled pixels differ clearly, 0 to 1."""
    pairs = list(zip(_pixels(a), _pixels(b), strict=True))
    apart = sum(1 for p, q in pairs if sum(abs(i - j) for i, j in zip(p, q, strict=True)) > 60)
    return apart / len(pairs)


def test_iv_infusion_and_central_line_each_have_their_own_picture(chosen, display):
    names = [chosen[word] for word in TUBES]
    assert len(set(names)) == 3, names
    assert all(name in gallery.DRAWN_PICTURES for name in names)  # drawn by the game
    drawn = {name: pictures.picture(name, 200) for name in (*names, "iv_bag")}
    for i, a in enumerate(names):
        for b in [*names[i + 1 :], "iv_bag"]:
            if a != b:
                assert _difference(drawn[a], drawn[b]) > 0.08, (a, b)  # not the same bag again


def test_no_word_shares_its_picture_with_another(chosen):
    pictured = list(chosen.values())
    assert len(set(pictured)) == len(pictured), sorted(p for p in pictured if pictured.count(p) > 1)


def _skin(picture: pygame.Surface) -> pygame.Mask:
    return pygame.mask.from_threshold(picture, SKIN, (6, 6, 6, 255))


def _widest_run(mask: pygame.Mask, y: int) -> int:
    best = run = 0
    for x in range(mask.get_size()[0]):
        run = run + 1 if mask.get_at((x, y)) else 0
        best = max(best, run)
    return best


def test_the_secret_picture_is_a_finger_on_the_lips_held_by_a_hand(display):
    """A finger that stands alone in the middle of a face is a long nose: the 'shh' finger
    crosses the lips (lips show on both sides of it) and has its hand under the chin."""
    picture = pictures.picture("secret", 240)
    skin = _skin(picture)
    rows = [y for y in range(240) if skin.get_at((120, y)) or _widest_run(skin, y)]
    face = max(rows, key=lambda y: _widest_run(skin, y))  # the face's widest row
    finger = min(_widest_run(skin, y) for y in range(face, max(rows)) if _widest_run(skin, y))
    below = [y for y in range(face + 1, max(rows) + 1) if _widest_run(skin, y) > finger * 2.5]
    assert below and max(below) > face + 60, "a hand under the chin holds the finger up"
    lips = pygame.mask.from_threshold(picture, pictures.LIPS, (10, 10, 10, 255))
    spots = [(x, y) for x in range(240) for y in range(240) if lips.get_at((x, y))]
    assert any(x < 120 - finger for x, _ in spots) and any(x > 120 + finger for x, _ in spots)


def test_the_word_book_keeps_a_margin_under_its_last_row_of_cards(display):
    """Play-test: the last card (central line) touched the bottom edge of the screen. Drawn as
    the child sees it, the bottom of the screen is the page's own colour, cards and shadows
    clear of it; a last row that is not full is centred."""
    from game.app.screens.word_page import BookScreen
    from game.script.catalog import load_all
    from game.script.texts import build_strings, load_library

    library = load_library()
    book = BookScreen(library.book, build_strings(load_all(), library))
    canvas = pygame.Surface((1280, 800))
    book.draw(canvas)
    page = canvas.get_at((640, 799))
    margin = [canvas.get_at((x, y)) for y in range(780, 800) for x in range(0, 1280, 4)]
    assert all(pixel == page for pixel in margin)
    last = [r for r in book.tiles if r.top == book.tiles[-1].top]
    assert abs((last[0].left + last[-1].right) / 2 - 640) <= 1
