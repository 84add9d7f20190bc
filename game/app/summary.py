"""The one-page session summary: a picture (PNG, A4 at 150 dots an inch) the child life
specialist can print or show to the family. It holds what the child did, not how they
compare: chapters played, and how each quiz question went: right on the first try, with help
(the right picture glowed first), or after some tries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pygame

from game.app import art, text
from game.profile.profile import Profile
from game.script.model import Scene
from game.script.session import DEFAULT_COLOUR, from_the_lab, wears_car
from game.script.strings import Strings

PAGE = (1240, 1754)
MARGIN = 90
#: Sizes of a quiz question and of its answer line, largest first: the first that fits is used.
QUIZ_SIZES = ((32, 30), (28, 26), (24, 22))
#: Room kept at the bottom for the things to talk about.
TALK_HEIGHT = 150


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


def quiz_rows(profile: Profile, chapters: list[Scene], strings: Strings) -> list[QuizRow]:
    """Each quiz question the child answered, in journey order, in the current language; the
    answer is the right picture for the child's age band."""
    rows = []
    for scene in chapters:
        for choice in scene.choices:
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


def draw_summary(
    profile: Profile, chapters: list[Scene], strings: Strings, when: datetime
) -> pygame.Surface:
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
    y += 30
    y = _line(page, get("ui.summary.chapters"), 44, y, "bold")
    for index, scene in enumerate(chapters, start=1):
        played = scene.id in profile.played
        mark = get("ui.summary.played") if played else get("ui.summary.not_played")
        if played:
            art.draw_star(page, MARGIN + 16, y + 24, 14)
        else:
            pygame.draw.circle(page, (150, 150, 150), (MARGIN + 16, y + 24), 12, 3)
        y = _line(page, f"{index}. {get(f'{scene.id}.title')}: {mark}", 32, y, x=MARGIN + 48)
    y += 30
    y = _line(page, get("ui.summary.quiz"), 44, y, "bold")
    rows = quiz_rows(profile, chapters, strings)
    if not rows:
        y = _line(page, get("ui.summary.no_quiz"), 32, y)
    lines = [
        (row.question, f"{get('ui.summary.answer', answer=row.answer)} · {row.outcome(strings)}")
        for row in rows
    ]
    # Every question and the things to talk about on the one page: smaller words when many.
    room = PAGE[1] - MARGIN - TALK_HEIGHT - y
    big, small = next(
        (sizes for sizes in QUIZ_SIZES if _height(lines, *sizes) <= room), QUIZ_SIZES[-1]
    )
    for question, outcome in lines:
        y = _line(page, question, big, y + 8, "bold")
        y = _line(page, outcome, small, y, x=MARGIN + 30)
    y += 30
    _line(page, get("ui.summary.talk"), 30, max(y, PAGE[1] - MARGIN - 120))
    return page


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
    for row in text.wrap(words, face, PAGE[0] - x - MARGIN - right):
        page.blit(text.render(row, face, (0, 0, 0)), (x, y))
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
