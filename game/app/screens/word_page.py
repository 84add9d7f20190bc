"""The word book: a page for one word (its picture, the word, its meaning said aloud), opened by
tapping the word in a line; and the whole book, a board of every word, opened from the map.
Closing a page returns to exactly where the child was."""

from __future__ import annotations

import pygame

from game.app import pace
from game.app.platform import intents
from game.app.ui import art, labels, pictures, text, widgets
from game.app.views.narration_view import SpokenText
from game.script.book import Book, Word
from game.script.narrator import Narrator, Speaker
from game.script.prompt import Prompt
from game.script.strings import Strings
from game.world.gestures import Gesture, Press, Release
from game.world.spots import Spot

PAGE = pygame.Rect(150, 70, 980, 560)
LISTEN = pygame.Rect(PAGE.x + 60, PAGE.bottom - 130, 100, 100)
MEANING_LEFT = PAGE.x + 380
MEANING_WIDTH = PAGE.right - MEANING_LEFT - 50
#: A long word ('Sistema inmunológico') takes two lines before it gets smaller.
TITLE_HEIGHT = 130


def close_button(strings: Strings, rect: pygame.Rect) -> widgets.Button:
    return widgets.Button("close", strings.get("ui.book.close"), rect, art.GREEN_DARK)


class WordPage:
    """One word. ``closed`` becomes True on Close (or Enter)."""

    def __init__(
        self, word: Word, strings: Strings, speaker: Speaker | None = None, colour: str = "sky"
    ) -> None:
        #: The child's T cell colour, for the pictures of their cells.
        self.colour = colour
        self.word = word
        self.strings = strings
        self.narrator = Narrator(text_for=strings.get, speaker=speaker)
        #: The word is said first, then its meaning.
        self.lead = Prompt((word.id,), speaker)
        self.spoken = SpokenText(40, MEANING_WIDTH, 54)
        self.closed = False
        self._meaning()

    def _meaning(self) -> None:
        if self.lead.done and self.narrator.current is None and not self.narrator.queue:
            self.narrator.say(self.word.meaning_id, self.word.meaning)

    @property
    def close(self) -> widgets.Button:
        return close_button(self.strings, pygame.Rect(PAGE.right - 260, PAGE.bottom - 125, 220, 95))

    def handle(self, intent: intents.Intent) -> None:
        if isinstance(intent, intents.Advance):
            self.shut()
        elif isinstance(intent, intents.PointerDown):
            if self.close.hit(intent.x, intent.y):
                self.shut()
            elif LISTEN.collidepoint(intent.x, intent.y):
                self.narrator.replay()

    def shut(self) -> None:
        self.lead.stop()
        self.narrator.hush()
        self.closed = True

    def update(self, dt: float) -> None:
        if not self.lead.done:
            self.lead.update(dt)
            self._meaning()
        self.narrator.update(dt)

    def pace(self) -> int:
        narrator = self.narrator
        if narrator.current is not None and narrator.shown < len(narrator.text):
            return pace.MOVING
        return pace.DRIFTING if narrator.speaking else pace.RESTING

    def relabel(self) -> None:
        """The language changed: say the meaning again in it."""
        self.narrator.replay()

    def draw(self, canvas: pygame.Surface) -> None:
        widgets.shade(canvas, (20, 30, 50, 150))
        widgets.panel(canvas, PAGE, radius=36)
        picture = pictures.picture(self.word.picture, 280, self.colour)
        canvas.blit(picture, picture.get_rect(center=(PAGE.x + 190, PAGE.y + 220)))
        title = labels.label(
            self.strings.get(self.word.id), 64, MEANING_WIDTH, TITLE_HEIGHT, centred=False
        )
        canvas.blit(title, title.get_rect(topleft=(MEANING_LEFT, PAGE.y + 50)))
        words = self.narrator.text
        tokens = self.spoken.layout(words)
        lit = self.narrator.spoken_word
        self.spoken.draw(
            canvas,
            tokens,
            MEANING_LEFT,
            PAGE.y + 290,
            int(self.narrator.shown),
            lit,
            self.narrator.speaking and lit is None,
        )
        pygame.draw.circle(canvas, (30, 60, 90), (LISTEN.centerx, LISTEN.centery + 4), 50)
        pygame.draw.circle(canvas, art.BLUE, LISTEN.center, 50)
        icon = art.replay_icon(70)
        canvas.blit(icon, icon.get_rect(center=LISTEN.center))
        self.close.draw(canvas)


COLUMNS = 5
TILE_W, TILE_MOST_H, TILE_GAP = 230, 160, 14
#: The book's tiles fill the page under its title, with a margin under the last row (its cards'
#: shadows too: a card touching the screen's edge looks cut off); Close is top right, clear of
#: them.
BOARD_TOP, BOARD_BOTTOM = 110, 800 - 24 - widgets.SHADOW
BOOK_CLOSE = pygame.Rect(1040, 14, 220, 90)


def tile_rects(count: int) -> list[pygame.Rect]:
    """Every word's tile, five to a row, as tall as the rows leave room for; a last row that is
    not full is centred."""
    rows = max(1, -(-count // COLUMNS))
    height = min(TILE_MOST_H, (BOARD_BOTTOM - BOARD_TOP - (rows - 1) * TILE_GAP) // rows)
    rects = []
    for i in range(count):
        row, column = divmod(i, COLUMNS)
        across = min(COLUMNS, count - row * COLUMNS)
        left = 640 - (across * (TILE_W + TILE_GAP) - TILE_GAP) // 2
        x, y = left + column * (TILE_W + TILE_GAP), BOARD_TOP + row * (height + TILE_GAP)
        rects.append(pygame.Rect(x, y, TILE_W, height))
    return rects


class BookScreen:
    """Every word as a tile; a tap opens its page. ``outcome`` becomes 'map' on Close."""

    def __init__(
        self, book: Book, strings: Strings, speaker: Speaker | None = None, colour: str = "sky"
    ) -> None:
        self.book = book
        self.colour = colour  # the child's T cell colour
        self.strings = strings
        self.speaker = speaker
        self.tiles = tile_rects(len(book.words))
        self.page: WordPage | None = None
        self.outcome: str | None = None
        self.clock = 0.0

    @property
    def close(self) -> widgets.Button:
        return close_button(self.strings, BOOK_CLOSE)

    def handle(self, intent: intents.Intent) -> None:
        if self.page is not None:
            self.page.handle(intent)
            if self.page.closed:
                self.page = None
            return
        if isinstance(intent, intents.PointerDown):
            if self.close.hit(intent.x, intent.y):
                self.outcome = "map"
                return
            for word, rect in zip(self.book.words, self.tiles, strict=True):
                if rect.collidepoint(intent.x, intent.y):
                    self.open(word)

    def spots(self) -> list[Spot]:
        if self.page is not None:
            return [self.page.close.spot]
        found = [
            Spot(r.centerx, r.centery, 0, word.id, w=r.width, h=r.height)
            for word, r in zip(self.book.words, self.tiles, strict=True)
        ]
        return [*found, self.close.spot]

    def open(self, word: Word) -> None:
        self.page = WordPage(word, self.strings, self.speaker, self.colour)

    def prompt_ids(self) -> tuple[str, ...]:
        return ("ui.book.title",)

    def update(self, dt: float) -> None:
        self.clock += dt
        if self.page is not None:
            self.page.update(dt)

    def relabel(self) -> None:
        if self.page is not None:
            self.page.relabel()

    def pace(self) -> int:
        return pace.of(self.page) if self.page is not None else pace.RESTING

    def bot_gestures(self, bot, dt: float) -> list[Gesture]:
        """The demo closes the page, then the book."""
        if self.clock < 1.0:
            return []
        target = (self.page.close if self.page is not None else self.close).rect.center
        return [Press(*target), Release(*target)]

    def draw(self, canvas: pygame.Surface) -> None:
        canvas.fill((238, 246, 240))
        title = text.render(self.strings.get("ui.book.title"), text.font(54, "bold"), art.INK)
        canvas.blit(title, title.get_rect(center=(640, 64)))
        for word, rect in zip(self.book.words, self.tiles, strict=True):
            widgets.panel(canvas, rect, radius=24)
            label, label_at, size, middle = tile_parts(self.strings.get(word.id), rect)
            picture = pictures.picture(word.picture, size, self.colour)
            canvas.blit(picture, picture.get_rect(center=middle))
            canvas.blit(label, label.get_rect(center=label_at.center))
        self.close.draw(canvas)
        if self.page is not None:
            self.page.draw(canvas)


def tile_parts(
    words: str, rect: pygame.Rect
) -> tuple[pygame.Surface, pygame.Rect, int, tuple[int, int]]:
    """A word's tile in the book: its word and where it goes, its picture's size and middle
    (two lines of words before smaller ones, see labels.picture_card)."""
    return labels.picture_card(words, rect, 30, 100, 72, pad=8)
