"""The grown-up's Results page, under its folder row: the feelings check-in of this session
(its faces), the chapters played, then every question (each chapter's teach-back and the final
quiz) in two columns (how it went, then the question), and beside the Save button what became of
the last save.

Every question is shown whole: the rows get smaller words when there are many, down to a size
still easy to read; beyond that the questions go on over pages (:func:`pages`), and a question
too long for its column takes a second line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import pygame

from game.app.grownup.summary import QuizRow
from game.app.ui import art, labels, text

#: The page's words start under the folder row and end above the Save button.
TOP, BOTTOM = 314, 668
LEFT, WIDTH = 50, 1180
#: How it went, then the question.
OUTCOME_WIDTH, QUESTION_X = 330, 400
QUESTION_WIDTH = LEFT + WIDTH - QUESTION_X
#: Sizes of the chapters played and of the quiz rows, largest first: the first that fits.
SIZES = (28, 26, 24, 22, 20)
#: Below this size the questions go on over pages instead.
SMALLEST_ON_ONE_PAGE = 24
#: The feelings row's faces (radius) and how much room the row takes above the chapters.
FACE, FEELINGS_HEIGHT = 22, 60
#: Lines are this many times their size apart.
LINE = 1.3
GAP = 10
#: What became of the last save: left of the Save button, never over it.
MESSAGE = pygame.Rect(40, 676, 560, 104)
MESSAGE_SIZE = 26


@dataclass(frozen=True)
class Layout:
    """Where the Results page's words go: the chapters played at ``size``, then each quiz row
    (how it went, the question) at ``size`` from its y."""

    size: int
    played: list[str]
    rows: list[tuple[int, list[str], list[str]]]
    bottom: int


def layout(played: str, rows: list[tuple[str, str]], top: int = TOP) -> Layout:
    """The largest words with which the chapters played (``played``) and every quiz row
    ((how it went, the question)) fit between ``top`` and BOTTOM."""
    for size in SIZES:
        found = _layout_at(played, rows, size, top)
        if found.bottom <= BOTTOM or size == SIZES[-1]:
            return found
    raise AssertionError("unreachable")


@lru_cache(maxsize=16)
def pages(played: str, rows: tuple[tuple[str, str], ...], top: int = TOP) -> list[range]:
    """The rows on each page: all on one while they fit at ``SMALLEST_ON_ONE_PAGE`` or more,
    else as many as fit at that size on each page, in order (never none on a page). Kept: the
    panel asks for it at every draw and tap while Results is open."""
    found: list[range] = []
    start = 0
    while start < len(rows) or not found:
        end = start + 1
        while end < len(rows) and _fits_at(played, rows[start : end + 1], top):
            end += 1
        found.append(range(start, min(end, len(rows))))
        start = end
    return found


def _fits_at(played: str, rows: list[tuple[str, str]], top: int) -> bool:
    return _layout_at(played, rows, SMALLEST_ON_ONE_PAGE, top).bottom <= BOTTOM


@cache
def _face(size: int, weight: str = "regular") -> pygame.font.Font:
    return text.font(size, weight)


def _layout_at(played: str, rows: list[tuple[str, str]], size: int, top: int = TOP) -> Layout:
    step = round(size * LINE)
    played_lines = text.wrap(played, _face(size), WIDTH)
    y = top + len(played_lines) * step + GAP
    placed = []
    for outcome, question in rows:
        how = text.wrap(outcome, _face(size, "bold"), OUTCOME_WIDTH)
        what = text.wrap(question, _face(size), QUESTION_WIDTH)
        placed.append((y, how, what))
        y += max(len(how), len(what)) * step + 4
    return Layout(size, played_lines, placed, y)


def draw_feelings(
    canvas: pygame.Surface,
    faces: list[tuple[str, int]],
    colour: str,
    word: Callable[[int], str] | None = None,
) -> int:
    """This session's feelings check-in on one line at TOP: each answer's label, its face
    (never a number) and the face's word (``word(face)``, in the grown-up's language: 'Scared'
    and 'Very scared' look alike this small), smaller when they would not fit; returns where
    the chapters played start."""
    if not faces:
        return TOP
    from game.app.screens.feelings import face_picture

    pictures = [face_picture(face, FACE, colour) for _, face in faces]
    said = [word(face) if word else "" for _, face in faces]

    def wide(size: int) -> int:
        found = -40
        for (label, _), picture, w in zip(faces, pictures, said, strict=True):
            found += text.width(label, _face(size, "bold")) + 12 + picture.get_width() + 8
            found += text.width(w, _face(size)) + 40 if w else 40
        return found

    size = next((size for size in (26, 24, 22, 20, 18) if wide(size) <= WIDTH), 18)
    x, middle = LEFT, TOP + FEELINGS_HEIGHT // 2 - 6
    for (label, _), picture, w in zip(faces, pictures, said, strict=True):
        words = text.render(label, _face(size, "bold"), art.INK)
        canvas.blit(words, words.get_rect(midleft=(x, middle)))
        x += words.get_width() + 12
        canvas.blit(picture, picture.get_rect(midleft=(x, middle)))
        x += picture.get_width() + 8
        if w:
            image = text.render(w, _face(size), art.INK)
            canvas.blit(image, image.get_rect(midleft=(x, middle)))
            x += image.get_width()
        x += 40
    return TOP + FEELINGS_HEIGHT


def draw_results(
    canvas: pygame.Surface,
    played: str,
    rows: list[QuizRow],
    outcome_of: Callable[[QuizRow], str],
    top: int = TOP,
) -> None:
    """The chapters played (``played``, in words) and the quiz rows ``rows``; ``outcome_of``
    gives a row's 'how it went' in the grown-up's words."""
    found = layout(played, [(outcome_of(row), row.question) for row in rows], top)
    step = round(found.size * LINE)
    y = top
    for line in found.played:
        canvas.blit(text.render(line, _face(found.size), art.INK), (LEFT, y))
        y += step
    bold, plain = _face(found.size, "bold"), _face(found.size)
    for top, how, what in found.rows:
        for i, line in enumerate(how):
            canvas.blit(text.render(line, bold, art.INK), (LEFT, top + i * step))
        for i, line in enumerate(what):
            canvas.blit(text.render(line, plain, art.INK), (QUESTION_X, top + i * step))


def message_words(template: Callable[[str], str], saved: Path | None) -> str:
    """The message to show, with the saved picture's path shortened in the middle (its folder's
    start and the file's name kept) until the message fits beside the Save button.
    ``template(path)`` gives the message with a path in it."""
    if saved is None:
        return template("")
    return _fitting(template, str(saved))


def _fitting(template: Callable[[str], str], path: str) -> str:
    face = _face(MESSAGE_SIZE)
    for keep in range(len(path), 1, -1):
        head = keep * 2 // 5
        short = path if keep == len(path) else f"{path[:head]}…{path[len(path) - (keep - head) :]}"
        words = template(short)
        if _fits(words, face):
            return words
    return template("…")


def _fits(words: str, face: pygame.font.Font) -> bool:
    lines = text.wrap(words, face, MESSAGE.width)
    tall = labels.label_height(MESSAGE_SIZE, len(lines))
    return tall <= MESSAGE.height and all(text.width(line, face) <= MESSAGE.width for line in lines)


def draw_message(canvas: pygame.Surface, words: str) -> None:
    """What became of the last save, left of the Save button (up to three lines)."""
    image = labels.label(
        words, MESSAGE_SIZE, MESSAGE.width, MESSAGE.height, art.INK, 3, False, "regular"
    )
    canvas.blit(image, image.get_rect(midleft=MESSAGE.midleft))
