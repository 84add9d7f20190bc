"""The grown-up's picture of every session on this device (opened from the panel's Data page):
for each question, how often it was right on the first try (a bar, with the question's short
text; a patient's and a sibling's answers apart, each in the words that child was asked, a
sibling's after 'Sibling:'), and the feelings check-in before and after (the five faces, each
with its word, and how many sessions began and ended with each). Under it: where to save,
whether names go in the file, and the button that saves every session as a table (CSV, see
game.profile.export).

It shows counts, never a judgement: which part of the story may need telling better is for the
department to see. With many questions they come a page at a time ('More questions').
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pygame

from game.app.screens.feelings import MOODS
from game.app.ui import art, labels, text, theme, widgets
from game.profile import export
from game.profile.records import FEELINGS
from game.script.model import Scene
from game.script.strings import DEFAULT_ROLE, Strings

Get = Callable[..., str]

BACK = pygame.Rect(40, 100, 240, 96)
HEADING = pygame.Rect(310, 100, 930, 96)
#: The questions, left; the feelings, right.
QUESTIONS = pygame.Rect(40, 210, 800, 430)
FEELINGS_AREA = pygame.Rect(880, 210, 360, 430)
HEAD_SIZE = 28
ROW_TOP, ROW_HEIGHT, ROWS = 258, 38, 10
ROW_SIZE = 22
QUESTION_WIDTH = 440
BAR = pygame.Rect(500, 0, 200, 24)
COUNT_X = 714
#: The feelings: a face for each row, its word beside it (so 'Scared' and 'Very scared' are
#: told apart), then under the word a bar for before and one for after.
FACE_X, FACE_RADIUS = 910, 24
BEFORE_X, AFTER_X, FEELING_BAR = 950, 1105, 95
FEELING_TOP, FEELING_STEP = 300, 66
WORD_SIZE, WORD_WIDTH = 20, FEELINGS_AREA.right - BEFORE_X
#: What became of the last save, over the buttons.
MESSAGE = pygame.Rect(40, 644, 1200, 44)
MESSAGE_SIZE = 24
FOLDER = pygame.Rect(40, 694, 360, 86)
NAMES = pygame.Rect(414, 694, 280, 86)
MORE = pygame.Rect(708, 694, 200, 86)
EXPORT = pygame.Rect(922, 694, 318, 86)


class RecordsView:
    """Every session on the device, as the panel shows it; ``chapters`` are the journey (for
    the questions' order and words)."""

    def __init__(self, device: export.Device, chapters: list[Scene]) -> None:
        self.device = device
        self.chapters = chapters
        self.questions = export.question_ids(chapters, device.profiles)
        self.stats = export.question_stats(device.profiles, self.questions)
        self.before, self.after = export.feelings_counts(device.profiles)
        self.page = 0
        #: Whether the children's names go in the saved table (off each time it opens).
        self.names = False
        #: Sessions in the table saved last (the 'saved' message says how many).
        self.exported = 0

    @property
    def pages(self) -> int:
        return max(1, math.ceil(len(self.stats) / ROWS))

    def shown(self) -> list[export.QuestionStat]:
        """The questions on the page shown now."""
        return self.stats[self.page * ROWS : (self.page + 1) * ROWS]

    # buttons -----------------------------------------------------------------------------------
    def buttons(self, get: Get, folders: list[Path], folder: int) -> list[widgets.Button]:
        found = [widgets.Button("records:back", get("ui.records.back"), BACK, art.INK)]
        if folders:
            face = text.font(theme.look().label_size(26), "bold")
            box = widgets.Button("probe", "", FOLDER).label_box
            short = labels.shorten_middle(str(folders[folder]), face, box.width - 8)
            words = get("ui.records.save_in", path=short)
            found.append(widgets.Button("set:folder", words, FOLDER, art.PURPLE_DARK, size=26))
        names = get("ui.records.names_on" if self.names else "ui.records.names_off")
        found.append(widgets.Button("records:names", names, NAMES, art.PURPLE_DARK, size=28))
        if self.pages > 1:
            more = get("ui.records.more")
            found.append(widgets.Button("records:more", more, MORE, art.INK, size=28))
        found.append(
            widgets.Button(
                "export_records", get("ui.records.export"), EXPORT, art.GREEN_DARK, size=28
            )
        )
        return found

    def press(self, name: str) -> None:
        """A button of this page other than saving and the folder: back is the panel's."""
        if name == "records:names":
            self.names = not self.names
        elif name == "records:more":
            self.page = (self.page + 1) % self.pages

    # words ---------------------------------------------------------------------------------------
    def question_words(self, get: Get, question: str, role: str = DEFAULT_ROLE) -> str:
        """A question's short text: what a child in ``role`` was asked (a sibling's own words,
        after 'Sibling:'), or the chapter it is about."""
        words = self._asked(in_role(get, role), question)
        return get("ui.records.sibling", question=words) if role == "sibling" else words

    def _asked(self, get: Get, question: str) -> str:
        try:
            scene, choice = export.question_choice(self.chapters, question)
        except KeyError:
            return question
        if choice is not None and choice.ask:
            return get(choice.ask)
        return get("ui.records.teach", chapter=get(f"{scene.id}.title"))

    # drawing -------------------------------------------------------------------------------------
    def draw(self, canvas: pygame.Surface, get: Get, buttons: list[widgets.Button]) -> None:
        ink = theme.look().ink
        heading = get(
            "ui.records.heading",
            total=self.device.sessions,
            found=sum(1 for p in self.device.profiles if p.sessions),
        )
        words = labels.label(heading, 30, HEADING.width, HEADING.height, ink, 2, False)
        canvas.blit(words, words.get_rect(midleft=HEADING.midleft))
        self._questions(canvas, get, ink)
        self._feelings(canvas, get, ink)
        for button in buttons:
            button.draw(canvas)

    def _questions(self, canvas: pygame.Surface, get: Get, ink) -> None:
        area = QUESTIONS
        title = widgets.fitted(get("ui.records.first_try"), HEAD_SIZE, 500, ink)
        canvas.blit(title, (area.x, area.y))
        if self.pages > 1:
            page = get("ui.records.page", found=self.page + 1, total=self.pages)
            image = widgets.fitted(page, ROW_SIZE, 280, ink)
            canvas.blit(image, image.get_rect(topright=(area.right, area.y + 4)))
        if not self.stats:
            note = _one_line(get("ui.records.no_answers"), ROW_SIZE, area.width, ink)
            canvas.blit(note, (area.x, ROW_TOP))
            return
        fill = theme.BLACK if theme.look().high_contrast else art.BLUE
        for i, stat in enumerate(self.shown()):
            y = ROW_TOP + i * ROW_HEIGHT
            asked = self.question_words(get, stat.id, stat.role)
            words = _one_line(asked, ROW_SIZE, QUESTION_WIDTH, ink)
            canvas.blit(words, words.get_rect(midleft=(area.x, y + ROW_HEIGHT // 2)))
            bar = BAR.move(0, y + (ROW_HEIGHT - BAR.height) // 2)
            share = stat.first_try / stat.asked if stat.asked else 0.0
            _bar(canvas, bar, share, fill, ink)
            count = get("ui.records.count", found=stat.first_try, total=stat.asked)
            image = _one_line(count, ROW_SIZE, area.right - COUNT_X, ink)
            canvas.blit(image, image.get_rect(midleft=(COUNT_X, bar.centery)))

    def _feelings(self, canvas: pygame.Surface, get: Get, ink) -> None:
        area = FEELINGS_AREA
        title = widgets.fitted(get("ui.records.feelings"), HEAD_SIZE, area.width, ink)
        canvas.blit(title, (area.x, area.y))
        for words, x in ((get("ui.records.before"), BEFORE_X), (get("ui.records.after"), AFTER_X)):
            image = _one_line(words, ROW_SIZE, FEELING_BAR + 40, ink, "bold")
            canvas.blit(image, (x, ROW_TOP))
        most = max([*self.before, *self.after, 1])
        fill = theme.BLACK if theme.look().high_contrast else art.BLUE
        for i, level in enumerate(FEELINGS):
            y = FEELING_TOP + i * FEELING_STEP + FEELING_STEP // 2
            draw_face(canvas, (FACE_X, y), FACE_RADIUS, level, ink)
            word = _one_line(feeling_word(get, level), WORD_SIZE, WORD_WIDTH, ink, "bold")
            canvas.blit(word, word.get_rect(midleft=(BEFORE_X, y - 14)))
            for counts, x in ((self.before, BEFORE_X), (self.after, AFTER_X)):
                count = counts[i]
                width = round(FEELING_BAR * count / most)
                if width:
                    pygame.draw.rect(canvas, fill, pygame.Rect(x, y + 2, width, 20), 0, 6)
                number = _one_line(str(count), ROW_SIZE, 48, ink)
                canvas.blit(number, number.get_rect(midleft=(x + width + 6, y + 12)))


def feeling_word(get: Get, level: int) -> str:
    """The feelings check-in's word for face ``level`` (1 calm .. 5 very scared), as the child
    saw it under the face, in ``get``'s language."""
    return get(f"ui.feelings.{MOODS[level - FEELINGS.start]}")


def in_role(get: Get, role: str) -> Get:
    """``get`` as a child in ``role`` is spoken to, whoever is playing now: ``get`` is a
    Strings' lookup (the panel's), switched to ``role`` for each call and back."""
    strings = getattr(get, "__self__", None)
    if not isinstance(strings, Strings) or strings.role == role:
        return get

    def said(text_id: str, **fields: object) -> str:
        was = strings.role
        strings.set_role(role)
        try:
            return strings.get(text_id, **fields)
        finally:
            strings.role = was

    return said


def message_words(get: Get, message: str, saved: Path | None, sessions: int) -> str:
    """The message to show, with the saved file's path shortened in the middle until the
    message fits on its line."""
    if saved is None:
        return get(message, total=sessions, path="")
    face = text.font(MESSAGE_SIZE)
    room = MESSAGE.width - text.width(get(message, total=sessions, path=""), face)
    return get(message, total=sessions, path=labels.shorten_middle(str(saved), face, room))


def draw_message(canvas: pygame.Surface, words: str) -> None:
    image = _one_line(words, MESSAGE_SIZE, MESSAGE.width, theme.look().ink)
    canvas.blit(image, image.get_rect(midleft=MESSAGE.midleft))


def draw_face(
    canvas: pygame.Surface, centre: tuple[int, int], r: int, level: int, ink=art.INK
) -> None:
    """One face of the feelings check-in, 1 (calm: a wide smile) to 5 (very scared: a frown
    and raised brows)."""
    cx, cy = centre
    pygame.draw.circle(canvas, theme.WHITE, centre, r)
    pygame.draw.circle(canvas, ink, centre, r, 3)
    for side in (-1, 1):
        pygame.draw.circle(canvas, ink, (cx + side * r * 0.35, cy - r * 0.2), max(2, r // 8))
        if level >= 4:  # brows raised in the middle
            inner = (cx + side * r * 0.15, cy - r * 0.5 - (level - 3) * r * 0.06)
            outer = (cx + side * r * 0.55, cy - r * 0.38)
            pygame.draw.line(canvas, ink, inner, outer, 2)
    curve = (3 - level) / 2  # 1 a smile .. -1 a frown
    points = []
    for step in range(9):
        t = step / 8 * 2 - 1
        points.append((cx + t * r * 0.45, cy + r * 0.35 + curve * r * 0.22 * (1 - t * t)))
    pygame.draw.lines(canvas, ink, False, points, 3)


def _bar(canvas: pygame.Surface, rect: pygame.Rect, share: float, fill, ink) -> None:
    pygame.draw.rect(canvas, theme.WHITE, rect, 0, 6)
    width = round(rect.width * max(0.0, min(1.0, share)))
    if width:
        pygame.draw.rect(canvas, fill, pygame.Rect(rect.x, rect.y, width, rect.height), 0, 6)
    pygame.draw.rect(canvas, ink, rect, 2, 6)


@cache
def _one_line(
    words: str, size: int, width: int, colour=art.INK, weight: str = "regular"
) -> pygame.Surface:
    """``words`` on one line of at most ``width``: smaller (down to 16 px), then cut short with
    an ellipsis."""
    while size > 16 and text.width(words, text.font(size, weight)) > width:
        size -= 2
    face = text.font(size, weight)
    if text.width(words, face) > width:
        while words and text.width(words + "…", face) > width:
            words = words[:-1]
        words = words.rstrip() + "…"
    return text.render(words, face, colour)
