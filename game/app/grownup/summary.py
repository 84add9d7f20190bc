"""The one-page session summary: a picture (PNG, A4 at 150 dots an inch) the child life
specialist can print or show to the family. It holds what the child did, not how they
compare: chapters played, and how each quiz question went: right on the first try, with help
(the right picture glowed first), or after some tries."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pygame

from game.app.screens.feelings import MOODS, WHEN, face_picture, feelings_words
from game.app.ui import art, text
from game.profile.profile import Profile
from game.script.model import Scene
from game.script.session import DEFAULT_COLOUR, from_the_lab, wears_car
from game.script.strings import Strings

PAGE = (1240, 1754)
MARGIN = 90
#: Sizes of a quiz question and of its answer line, largest first: the first that fits is used.
QUIZ_SIZES = ((32, 30), (28, 26), (24, 22))
#: When even the smallest do not fit (teach-back after every chapter, then the quiz): each
#: question and how it went on one line, at the first of these sizes that fits.
ONE_LINE_SIZES = (24, 22, 20, 18)
#: The feelings check-in's faces on the page (radius), and their words' size.
FEELINGS_FACE, FEELINGS_SIZE = 34, 30
#: Room kept at the bottom for the things to talk about.
TALK_HEIGHT = 150
#: More chapters than this are listed in two columns.
ONE_COLUMN = 10


@dataclass(frozen=True)
class QuizRow:
    question: str
    answer: str
    right_first_try: bool
    tries: int
    with_help: bool = False
    solved: bool = True

    def outcome(self, strings: Strings) -> str:
        """How it went, in words: right on the first try, with help, after some tries, or not
        finished yet. Help is named before tries: it says more about what the child knew."""
        if self.right_first_try:
            return strings.get("ui.results.first_yes")
        if self.with_help:
            return strings.get("ui.results.with_help")
        if self.solved:
            return strings.get("ui.results.after_tries", tries=self.tries)
        return strings.get("ui.results.unfinished")


def quiz_rows(
    profile: Profile, chapters: list[Scene], strings: Strings, teach_back: bool = False
) -> list[QuizRow]:
    """Each quiz question the child answered, in journey order, in the current language; the
    answer is the right picture for the child's age band. With ``teach_back``, each chapter's
    teach-back question too (after that chapter's own questions, before the next chapter)."""
    rows = []
    for scene in chapters:
        for choice in scene.questions if teach_back else scene.choices:
            answer = profile.answers.get(choice.id)
            if answer is None or answer.tries == 0:
                continue
            shown = choice.shown_to(profile.settings.band) or choice.options
            right = next((o for o in shown if o.right), None)
            question = strings.get(choice.ask) if choice.ask else strings.get(f"{scene.id}.title")
            rows.append(
                QuizRow(
                    question,
                    strings.get(right.id) if right else "",
                    answer.right_first_try,
                    answer.tries,
                    answer.with_help,
                    answer.solved,
                )
            )
    return rows


def feelings_rows(feelings: Mapping[str, int] | None, strings: Strings) -> list[tuple[str, int]]:
    """The feelings check-in as the summary shows it: ('At the start', face), ('At the end',
    face), for each one the child answered this session (a face 1 to 5, drawn, never written
    as a number)."""
    feelings = feelings or {}
    return [
        (strings.get(f"ui.summary.{when}"), feelings[when])
        for when in WHEN
        if isinstance(feelings.get(when), int) and 1 <= feelings[when] <= len(MOODS)
    ]


def draw_summary(
    profile: Profile,
    chapters: list[Scene],
    strings: Strings,
    when: datetime,
    feelings: Mapping[str, int] | None = None,
) -> pygame.Surface:
    """The page; ``feelings``: this session's feelings check-in (``Session.feelings``)."""
    page = pygame.Surface(PAGE)
    page.fill((255, 255, 255))
    get = strings.get
    y = MARGIN
    colour = _colour(profile, chapters)
    car = wears_car(from_the_lab(chapters), profile.played)  # CARs once the lab is played
    cell = art.cell_sprite("t_cell", 80, False, car, colour)
    page.blit(cell, cell.get_rect(topright=(PAGE[0] - MARGIN, y - 10)))
    y = _line(page, get("ui.summary.title"), 58, y, "bold", right=cell.get_width() + 30)
    who = profile.child_name or get(profile.picked.get("name", "ui.summary.no_name"))
    y = _line(page, f"{who} · {when:%Y-%m-%d}", 40, y + 6)
    minutes = max(1, round(profile.seconds_played / 60))
    y = _line(page, get("ui.summary.minutes", minutes=minutes), 32, y + 4)
    y = _feelings(page, feelings_rows(feelings, strings), strings, y, colour)
    rows = quiz_rows(profile, chapters, strings, teach_back=True)
    y += 30
    y = _line(page, get("ui.summary.chapters"), 44, y, "bold")
    # A long journey in two columns, so the quiz still has room on the one page.
    # (and when there are many questions: teach-back after every chapter, then the quiz)
    columns = 2 if len(chapters) > ONE_COLUMN or len(rows) > len(chapters) else 1
    per_column = math.ceil(len(chapters) / columns)
    width = (PAGE[0] - 2 * MARGIN) // columns
    top, bottom = y, y
    for index, scene in enumerate(chapters, start=1):
        column = (index - 1) // per_column
        if (index - 1) % per_column == 0:
            y = top
        left = MARGIN + column * width
        played = scene.id in profile.played
        mark = get("ui.summary.played") if played else get("ui.summary.not_played")
        if played:
            art.draw_star(page, left + 16, y + 24, 14)
        else:
            pygame.draw.circle(page, (150, 150, 150), (left + 16, y + 24), 12, 3)
        words = f"{index}. {get(f'{scene.id}.title')}: {mark}"
        right = (columns - 1 - column) * width
        y = _line(page, words, 32, y, x=left + 48, right=right)
        bottom = max(bottom, y)
    y = bottom
    y += 30
    y = _line(page, get("ui.summary.quiz"), 44, y, "bold")
    if not rows:
        y = _line(page, get("ui.summary.no_quiz"), 32, y)
    lines = [
        (row.question, f"{get('ui.summary.answer', answer=row.answer)} · {row.outcome(strings)}")
        for row in rows
    ]
    # Every question and the things to talk about on the one page: smaller words when many.
    room = PAGE[1] - MARGIN - TALK_HEIGHT - y
    big, small = next((sizes for sizes in QUIZ_SIZES if _height(lines, *sizes) <= room), (0, 0))
    if not big:  # many questions: each on one line, the question then how it went
        lines = [(f"{question} · {outcome}", "") for question, outcome in lines]
        big = next(
            (size for size in ONE_LINE_SIZES if _height(lines, size, size) <= room),
            ONE_LINE_SIZES[-1],
        )
    for question, outcome in lines:
        y = _line(page, question, big, y + 8, "bold")
        y = _line(page, outcome, small, y, x=MARGIN + 30)
    y += 30
    _line(page, get("ui.summary.talk"), 30, max(y, PAGE[1] - MARGIN - 120))
    return page


def _feelings(
    page: pygame.Surface, rows: list[tuple[str, int]], strings: Strings, y: int, colour: str
) -> int:
    """The feelings check-in: each answer as its face (in the child's T cell colour, as on
    the screen) and soft word, right of the heading: on one line when they fit, else one
    answer a line, in smaller words when one is still too wide (the longest word in any
    language stays whole on the page); returns the y below."""
    if not rows:
        return y
    y += 16
    heading = text.render(strings.get("ui.summary.feelings"), text.font(36, "bold"), (0, 0, 0))
    page.blit(heading, heading.get_rect(midleft=(MARGIN, y + FEELINGS_FACE + 4)))
    left = MARGIN + heading.get_width() + 30
    room = PAGE[0] - MARGIN - left
    words = [f"{label}: {feelings_words(strings, face)}" for label, face in rows]
    face_room = 2 * FEELINGS_FACE + 12
    size = FEELINGS_SIZE
    while size > 18 and any(face_room + text.width(w, text.font(size)) > room for w in words):
        size -= 2
    widths = [face_room + text.width(w, text.font(size)) for w in words]
    together = sum(widths) + 40 * (len(widths) - 1) <= room
    x = left
    for (_, face), said, wide in zip(rows, words, widths, strict=True):
        if not together and x > left:
            x, y = left, y + 2 * FEELINGS_FACE + 8
        middle = y + FEELINGS_FACE + 4
        picture = face_picture(face, FEELINGS_FACE, colour)
        page.blit(picture, picture.get_rect(midleft=(x, middle)))
        image = text.render(said, text.font(size), (0, 0, 0))
        page.blit(image, image.get_rect(midleft=(x + face_room, middle)))
        x += wide + 40
    return y + 2 * FEELINGS_FACE + 8


def _height(lines: list[tuple[str, str]], big: int, small: int) -> int:
    """How tall the quiz rows are at these sizes (as :func:`_line` draws them)."""
    height = 0
    for question, outcome in lines:
        for words, size, weight, x in (
            (question, big, "bold", MARGIN),
            (outcome, small, "regular", MARGIN + 30),
        ):
            rows = text.wrap(words, text.font(size, weight), PAGE[0] - x - MARGIN)
            height += len(rows) * round(size * 1.35)
        height += 8
    return height


def _colour(profile: Profile, chapters: list[Scene]) -> str:
    for scene in chapters:
        for choice in scene.choices:
            for option in choice.options:
                if option.id == profile.picked.get("colour") and option.colour:
                    return option.colour
    return DEFAULT_COLOUR


def _line(
    page: pygame.Surface,
    words: str,
    size: int,
    y: int,
    weight: str = "regular",
    x: int = MARGIN,
    right: int = 0,
) -> int:
    """Draw ``words`` wrapped to the page width (less ``right``) from ``y``; returns the y
    below them."""
    face = text.font(size, weight)
    room = PAGE[0] - x - MARGIN - right
    for row in text.wrap(words, face, room):
        small = size  # one word wider than the page (a long name): smaller, never cut off
        while small > 12 and text.width(row, text.font(small, weight)) > room:
            small -= 2
        page.blit(text.render(row, text.font(small, weight), (0, 0, 0)), (x, y))
        y += round(size * 1.35)
    return y


def save_summary(page: pygame.Surface, folder: Path, who: str, when: datetime) -> Path:
    """Save the page as ``T-Cell Hero <who> <date time>.png`` in ``folder``; raises OSError or
    pygame.error if it cannot be written."""
    folder.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^\w -]", "", who).strip() or "summary"
    path = folder / f"T-Cell Hero {safe} {when:%Y-%m-%d %H%M}.png"
    pygame.image.save(page, str(path))
    return path
