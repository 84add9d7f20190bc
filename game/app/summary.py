"""The one-page session summary: a picture (PNG, A4 at 150 dots an inch) the child life
specialist can print or show to the family. It holds what the child did, not how they
compare: chapters played, and for each quiz question whether the first try was right and how
many tries it took."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pygame

from game.app import art, text
from game.profile.profile import Profile
from game.script.model import Scene
from game.script.strings import Strings

PAGE = (1240, 1754)
MARGIN = 90


@dataclass(frozen=True)
class QuizRow:
    question: str
    answer: str
    right_first_try: bool
    tries: int


def quiz_rows(profile: Profile, chapters: list[Scene], strings: Strings) -> list[QuizRow]:
    """Each quiz question the child answered, in journey order, in the current language."""
    rows = []
    for scene in chapters:
        for choice in scene.choices:
            answer = profile.answers.get(choice.id)
            if answer is None or answer.tries == 0:
                continue
            right = next((o for o in choice.options if o.right), None)
            question = strings.get(choice.ask) if choice.ask else strings.get(f"{scene.id}.title")
            rows.append(
                QuizRow(
                    question,
                    strings.get(right.id) if right else "",
                    answer.right_first_try,
                    answer.tries,
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
    cell = art.cell_sprite("t_cell", 80, False, True, colour)
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
    for row in rows:
        y = _line(page, row.question, 32, y + 8, "bold")
        first = get("ui.results.first_yes") if row.right_first_try else get("ui.results.first_no")
        y = _line(page, get("ui.summary.answer", answer=row.answer), 30, y, x=MARGIN + 30)
        y = _line(
            page, f"{first} · {get('ui.results.tries', tries=row.tries)}", 30, y, x=MARGIN + 30
        )
    y += 30
    _line(page, get("ui.summary.talk"), 30, max(y, PAGE[1] - MARGIN - 120))
    return page


def _colour(profile: Profile, chapters: list[Scene]) -> str:
    for scene in chapters:
        for choice in scene.choices:
            for option in choice.options:
                if option.id == profile.picked.get("colour") and option.colour:
                    return option.colour
    return "sky"


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
        page.blit(face.render(row, True, (0, 0, 0)), (x, y))
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
