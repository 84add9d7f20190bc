"""Words in a box (a button, a picture card, a note): as big as the text size asks, on two lines
before they are made smaller, the lines close together.

Andika's own line height has room for accents and tails to spare; here one line is measured
from the top of its highest accent to the end of its lowest tail, so two lines fit a button
or a card where two font lines would not.
"""

from __future__ import annotations

from functools import cache

import pygame

from game.app.ui import art, text, theme
from game.script.readable import clip

#: The smallest words on a button or a picture card: any smaller would be hard to read.
LABEL_MIN = 22
#: Lines of a label are this many times its size apart (an accent never meets the tail of a
#: letter above it), and one line's letters, from an accent's top to a tail's end, this tall.
LINE_STEP, INK_HEIGHT = 1.22, 1.3


def label_height(size: int, lines: int) -> int:
    """How tall ``lines`` lines of words at ``size`` px are, from the top of the highest accent
    to the end of the lowest tail (the font's own line height has much more room)."""
    return round(size * (LINE_STEP * (lines - 1) + INK_HEIGHT))


@cache
def label_layout(
    words: str, size: int, width: int, height: int, most_lines: int = 2, weight: str = "bold"
) -> tuple[int, list[str]]:
    """How ``words`` fit a box: their size and lines. At each size from ``size`` down, one
    line if it fits, else up to ``most_lines`` lines of about even width; only when no way
    of wrapping fits are the words made smaller (never below ``LABEL_MIN``). Words too long
    or odd to draw are clipped first (see :func:`text.render`)."""
    words = clip(words)
    for at in range(size, LABEL_MIN - 1, -1):
        face = text.font(at, weight)
        for count in range(1, most_lines + 1):
            rows = _rows(words, face, width, count)
            if rows is not None and label_height(at, len(rows)) <= height:
                return at, rows
    face = text.font(LABEL_MIN, weight)
    return LABEL_MIN, text.wrap(words, face, width)[:most_lines] or [words]


def _rows(words: str, face: pygame.font.Font, width: int, count: int) -> list[str] | None:
    """``words`` in ``count`` lines no wider than ``width`` (two lines as even as can be), or
    None when they do not fit so."""
    split = words.split()
    if count == 1 or len(split) < count:
        return [words] if count == 1 and face.size(words)[0] <= width else None
    if count == 2:
        best: list[str] | None = None
        widest = width + 1
        for cut in range(1, len(split)):
            rows = [" ".join(split[:cut]), " ".join(split[cut:])]
            most = max(face.size(row)[0] for row in rows)
            if most < widest:
                best, widest = rows, most
        return best if widest <= width else None
    rows = text.wrap(words, face, width)
    fits = len(rows) <= count and all(face.size(row)[0] <= width for row in rows)
    return rows if fits else None


@cache
def label(
    words: str,
    size: int,
    width: int,
    height: int,
    colour: tuple[int, int, int] = art.INK,
    most_lines: int = 2,
    centred: bool = True,
    weight: str = "bold",
) -> pygame.Surface:
    """Words for a button, a card or a note in a box ``width`` x ``height``, laid out by
    :func:`label_layout`: each line centred (or from the left), the lines close together."""
    at, rows = label_layout(words, size, width, height, most_lines, weight)
    face = text.font(at, weight)
    step = round(at * LINE_STEP)
    images = [text.render(row, face, colour) for row in rows]
    wide = max(image.get_width() for image in images)
    block = pygame.Surface((wide, step * (len(images) - 1) + face.get_height()), pygame.SRCALPHA)
    for i, image in enumerate(images):
        x = (wide - image.get_width()) // 2 if centred else 0
        block.blit(image, (x, i * step))
    return block


def picture_card(
    words: str, rect: pygame.Rect, size: int, biggest: int, smallest: int, pad: int = 10
) -> tuple[pygame.Surface, pygame.Rect, int, tuple[int, int]]:
    """A card with a picture over its words: the words (``size`` px at normal text size, see
    :func:`label`) and where they go, along the bottom inside the edge; the picture's size
    (``biggest`` at most) and middle, above them. The picture gives the words room for two
    lines (down to ``smallest``) before the words are made smaller."""
    inner = rect.inflate(-2 * pad, -2 * pad)
    wanted = theme.look().label_size(size)
    room = inner.height - smallest - CARD_GAP
    image = label(words, wanted, inner.width, room)
    at, rows = label_layout(words, wanted, inner.width, room)
    tall = label_height(at, len(rows))
    words_at = pygame.Rect(inner.x, inner.bottom - tall, inner.width, tall)
    above = words_at.top - CARD_GAP - inner.top
    return image, words_at, min(biggest, above), (rect.centerx, inner.top + above // 2)


#: Room between a card's picture and its words.
CARD_GAP = 4


def shorten_middle(words: str, face: pygame.font.Font, width: int) -> str:
    """``words`` with letters taken out of the middle (an ellipsis shows where) until they fit
    ``width``: a folder's path keeps where it starts and, longer, where it ends (the file)."""
    words = clip(words)  # a path may hold surrogates (undecodable bytes) or control characters
    if face.size(words)[0] <= width:
        return words
    for keep in range(len(words) - 1, 1, -1):
        head = keep * 2 // 5
        shorter = f"{words[:head]}…{words[len(words) - (keep - head) :]}"
        if face.size(shorter)[0] <= width:
            return shorter
    return "…"
