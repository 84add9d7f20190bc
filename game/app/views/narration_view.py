"""The narration box: large, calm text at the bottom, with a replay button. It only reads the
narrator's state.

While a line is spoken its words light up, one by one when the voice's word timings are known,
else the whole line; a line that cannot be heard appears like a typewriter instead. Word book
words are underlined in blue, and a tap on one opens its page. A finger already on its way to a
word when the line moves on still finds it: the words of the line before stay tappable for a
moment (``WORD_GRACE_SECONDS``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import pygame

from game.app.ui import art, text, theme, widgets
from game.script.book import Book, find_words, split_forms
from game.script.narrator import Narrator
from game.script.readable import clip
from game.script.strings import Strings

#: The box at the normal text size; larger text makes it taller, growing upward.
BOX = pygame.Rect(32, 646, 1216, 142)
REPLAY = pygame.Rect(BOX.right - 112, BOX.y + 27, 88, 88)
TEXT_LEFT = BOX.x + 36
TEXT_WIDTH = REPLAY.x - TEXT_LEFT - 24
FONT_SIZE = 38
#: Word book words: dark blue (7:1 on the paper) and underlined, so colour is not the only sign.
GLOSSARY_INK = (0, 70, 140)
LIT = (255, 226, 120)
LIT_LINE = (255, 243, 196)
#: How long the word book words of the line before stay tappable after the line changes: a
#: child's finger that set off for a word is not turned into a tap on the next line.
WORD_GRACE_SECONDS = 0.8


@dataclass(frozen=True)
class Token:
    """One whitespace-separated word, where it sits, and the word book entry it belongs to."""

    words: str
    start: int  # character offset in the line's text
    x: int
    row: int
    width: int
    word_id: str | None
    surface: pygame.Surface


class SpokenText:
    """Lays out a text in rows of words and draws it with the spoken word lit."""

    def __init__(self, size: int, width: int, line_height: int) -> None:
        self.face = text.font(size)
        self.width = width
        self.line_height = line_height
        self._cache: tuple[str, tuple[Token, ...]] | None = None
        self._placed: list[tuple[pygame.Rect, str]] = []
        #: The wholly shown line's words as one picture: (tokens, key, picture, where, placed).
        self._layer: tuple | None = None

    def layout(
        self, words: str, find_marks: Callable[[], list[tuple[int, int, str]]] = list
    ) -> tuple[Token, ...]:
        """Tokens for ``words``, laid out once per text; ``find_marks`` (where word book words
        are) is only asked when the text changes, not every frame."""
        if self._cache is not None and self._cache[0] == words:
            return self._cache[1]
        marks = find_marks()
        space = self.face.size(" ")[0]
        tokens: list[Token] = []
        x = row = 0
        # Clipped (same length, so word book marks still fit): a text too long to read,
        # which check refuses, is laid out in bounded time and memory.
        shown = clip(words)
        for match in re.finditer(r"\S+", shown):
            if self.face.size(match.group())[0] == 0:
                continue  # only zero-width characters: nothing to draw (check refuses them)
            start, end = match.span()
            mark = next(((s, e, w) for s, e, w in marks if start < e and end > s), None)
            word_id = mark[2] if mark else None
            ink = GLOSSARY_INK if word_id else theme.look().ink
            surface = text.render(match.group(), self.face, ink)
            width = surface.get_width()
            # A word book phrase starting here ('T cells', with the stop after it: 'B cells.')
            # moves to the next row whole.
            keep = width
            if mark is not None and mark[0] >= start:
                last = max(end, mark[1])
                last += re.match(r"\S*", shown[last:]).end()
                keep = self.face.size(shown[start:last])[0]
            if x and x + keep > self.width:
                x, row = 0, row + 1
            tokens.append(Token(match.group(), start, x, row, width, word_id, surface))
            x += width + space
        self._cache = (words, tuple(tokens))
        return self._cache[1]

    def draw(
        self,
        canvas: pygame.Surface,
        tokens: tuple[Token, ...],
        left: int,
        centery: int,
        shown: int,
        lit_word: int | None = None,
        lit_line: bool = False,
    ) -> None:
        """Draw the words; once a line is wholly shown, from a picture of them made once for
        each word lit (a line waits on screen for a while, drawn at every frame of a hunt)."""
        whole = bool(tokens) and shown >= tokens[-1].start + len(tokens[-1].words)
        if not whole:
            self._layer = None
            self._draw_on(canvas, tokens, left, centery, shown, lit_word, lit_line)
            return
        key = (left, centery, lit_word, lit_line, theme.look())
        if self._layer is None or self._layer[0] is not tokens or self._layer[1] != key:
            rows = tokens[-1].row + 1
            top = centery - rows * self.line_height // 2
            over = max(0, self.face.get_height() - self.line_height) // 2 + 6  # tall letters
            area = pygame.Rect(
                left - 8, top - over, self.width + 16, rows * self.line_height + 2 * over
            )
            image = pygame.Surface(area.size, pygame.SRCALPHA)
            self._draw_on(image, tokens, left - area.x, centery - area.y, shown, lit_word, lit_line)
            placed = [(rect.move(area.topleft), word) for rect, word in self._placed]
            image.set_alpha(255, pygame.RLEACCEL)  # mostly see-through: quick to draw
            self._layer = (tokens, key, image, area.topleft, placed)
        _, _, image, at, placed = self._layer
        canvas.blit(image, at)
        self._placed = list(placed)

    def _draw_on(
        self,
        canvas: pygame.Surface,
        tokens: tuple[Token, ...],
        left: int,
        centery: int,
        shown: int,
        lit_word: int | None,
        lit_line: bool,
    ) -> None:
        rows = (tokens[-1].row + 1) if tokens else 0
        top = centery - rows * self.line_height // 2
        self._placed = []
        height = self.face.get_height()
        for index, token in enumerate(tokens):
            if token.start >= shown:
                break
            y = top + token.row * self.line_height + (self.line_height - height) // 2
            rect = pygame.Rect(left + token.x, y, token.width, height)
            if index == lit_word or lit_line:
                colour = LIT if index == lit_word else LIT_LINE
                pygame.draw.rect(canvas, colour, rect.inflate(12, 2), border_radius=10)
            visible = token.width
            if shown < token.start + len(token.words):  # the typewriter is inside this word
                visible = min(visible, self.face.size(token.words[: shown - token.start])[0])
            canvas.blit(token.surface, rect.topleft, pygame.Rect(0, 0, visible, height))
            if token.word_id:
                following = tokens[index + 1] if index + 1 < len(tokens) else None
                joined = (  # one underline under 'T cell', not two
                    following is not None
                    and following.word_id == token.word_id
                    and following.row == token.row
                    and following.start < shown
                    and visible == token.width
                )
                end = left + following.x if joined and following else rect.x + visible
                pygame.draw.line(
                    canvas, GLOSSARY_INK, (rect.x, rect.bottom - 4), (end, rect.bottom - 4), 3
                )
                self._placed.append((rect.inflate(12, 16), token.word_id))

    def clear(self) -> None:
        """Nothing drawn: no word to tap."""
        self._placed = []

    def word_at(self, x: float, y: float) -> str | None:
        """The word book entry under a tap, as last drawn."""
        return next((word_id for rect, word_id in self._placed if rect.collidepoint(x, y)), None)


def glossary_marks(strings: Strings, book: Book | None, words: str) -> list[tuple[int, int, str]]:
    """Where word book words appear in ``words``, in the current language."""
    if book is None:
        return []
    forms = {word.id: split_forms(strings.get(word.forms_id)) for word in book.words}
    return find_words(words, forms)


class NarrationView:
    def __init__(self, strings: Strings, book: Book | None = None) -> None:
        self.strings = strings
        self.book = book
        self._spoken: dict[int, SpokenText] = {}
        #: Where the box and its replay button were last drawn (taller for larger text).
        self.box = BOX
        self.replay = REPLAY
        #: The line last drawn (its id and words), and the word book words of the one before
        #: it with when it left the screen (the chapter's clock).
        self._line: tuple[str, str] | None = None
        self._before: list[tuple[pygame.Rect, str]] = []
        self._changed_at = float("-inf")
        #: The box as last drawn over a still background (see ``draw``): the state it was
        #: drawn from, where it is (with its shadow) and a copy of those pixels.
        self._kept: tuple[tuple, pygame.Rect, pygame.Surface] | None = None

    @property
    def spoken(self) -> SpokenText:
        size = theme.look().narration_size
        if size not in self._spoken:
            self._spoken[size] = SpokenText(size, TEXT_WIDTH, round(size * 1.32))
        return self._spoken[size]

    def hit(self, x: float, y: float, clock: float | None = None) -> str | None:
        """'replay' for the replay button, 'word:<id>' for a word book word (on screen, or on
        the line that left it less than ``WORD_GRACE_SECONDS`` before ``clock``), 'box' for the
        rest of the box, else None."""
        if self.replay.collidepoint(x, y):
            return "replay"
        word_id = self.spoken.word_at(x, y)
        if word_id is None and clock is not None and clock - self._changed_at < WORD_GRACE_SECONDS:
            word_id = next((word for rect, word in self._before if rect.collidepoint(x, y)), None)
        if word_id is not None:
            return f"word:{word_id}"
        return "box" if self.box.collidepoint(x, y) else None

    def drawn_from(self, narrator: Narrator) -> tuple:
        """Everything the box is drawn from but the bobbing 'more' marker: while it stays the
        same, so does the box."""
        current = narrator.current
        look = theme.look()
        if current is None:
            return (narrator.last is None, look)
        text = narrator.text
        shown = min(int(narrator.shown), len(text))
        lit = (narrator.speaking, narrator.spoken_word)
        return (current.line_id, text, shown, lit, self.strings.language, look)

    def draw(
        self, canvas: pygame.Surface, narrator: Narrator, clock: float, lowest: float | None = None
    ) -> None:
        """The box, its words and the replay button. ``lowest``: the lowest row the activity
        draws anything that moves at now (None: unknown). While nothing moves under the box
        and the box is drawn from the same state as before, the copy of it kept then is put
        back (one blit: the hunt draws every frame), then the bobbing marker."""
        key = self.drawn_from(narrator)
        kept = self._kept
        if kept is not None and kept[0] == key and lowest is not None and lowest <= kept[1].top:
            canvas.blit(kept[2], kept[1])
            self._marker(canvas, narrator, clock)
            return
        self._kept = None
        self._draw(canvas, narrator, clock)
        region = self.box.copy()
        region.height += widgets.SHADOW  # and the shadow under it
        still = lowest is not None and lowest <= region.top
        if still and narrator.current is not None and canvas.get_rect().contains(region):
            self._kept = (key, region, canvas.subsurface(region).copy())
        self._marker(canvas, narrator, clock)

    def _marker(self, canvas: pygame.Surface, narrator: Narrator, clock: float) -> None:
        if narrator.current is not None and narrator.revealed and narrator.queue:
            self._more_marker(canvas, clock)

    def _draw(self, canvas: pygame.Surface, narrator: Narrator, clock: float) -> None:
        spoken = self.spoken
        line = (narrator.current.line_id, narrator.text) if narrator.current else None
        if line != self._line:  # the words that just left stay tappable for a moment
            self._before = [placed for other in self._spoken.values() for placed in other._placed]
            self._line, self._changed_at = line, clock
        for other in self._spoken.values():
            other.clear()
        if narrator.current is None and narrator.last is None:
            return
        tokens: tuple[Token, ...] = ()
        if narrator.current is not None:
            words = narrator.text
            tokens = spoken.layout(words, lambda: glossary_marks(self.strings, self.book, words))
        rows = (tokens[-1].row + 1) if tokens else 1
        height = max(BOX.height, rows * spoken.line_height + 40)
        self.box = pygame.Rect(BOX.x, BOX.bottom - height, BOX.width, height)
        self.replay = REPLAY.move(0, self.box.centery - BOX.centery)
        widgets.panel(canvas, self.box)
        self._replay_button(canvas)
        if narrator.current is None:
            return
        lit_word = narrator.spoken_word
        lit_line = narrator.speaking and lit_word is None
        spoken.draw(
            canvas, tokens, TEXT_LEFT, self.box.centery, int(narrator.shown), lit_word, lit_line
        )

    def _replay_button(self, canvas: pygame.Surface) -> None:
        button = _replay_face(theme.look().button_fill(art.BLUE))
        canvas.blit(button, button.get_rect(center=(self.replay.centerx, self.replay.centery + 2)))

    def _more_marker(self, canvas: pygame.Surface, clock: float) -> None:
        """A small bobbing triangle: there is more to hear; a tap moves on."""
        x, y = self.replay.x - 40, self.box.bottom - 34 + 4 * theme.pulse(clock, 0.64)
        pygame.draw.polygon(canvas, art.BLUE, [(x - 12, y - 8), (x + 12, y - 8), (x, y + 8)])


@lru_cache(maxsize=4)
def _replay_face(fill: tuple[int, int, int]) -> pygame.Surface:
    """The round replay button with its shadow, painted once (it is on every frame)."""

    def paint(surface: pygame.Surface, unit: float) -> None:
        pygame.draw.circle(surface, (30, 60, 90), (46 * unit, 50 * unit), 44 * unit)
        pygame.draw.circle(surface, fill, (46 * unit, 46 * unit), 44 * unit)

    face = art.painted((92, 96), paint)
    icon = art.replay_icon(64)
    face.blit(icon, icon.get_rect(center=(46, 46)))
    return face
