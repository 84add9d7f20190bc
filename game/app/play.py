"""Playing one chapter on screen: its view, the narration box and the closing card."""

from __future__ import annotations

import pygame

from game.app import art, intents, pace, widgets
from game.app.narration_view import NarrationView
from game.app.views import VIEWS
from game.app.word_page import WordPage
from game.script.book import Book
from game.script.chapter import Chapter
from game.script.model import Scene
from game.script.narrator import Speaker
from game.script.session import Session
from game.script.strings import Strings
from game.world.gestures import Gesture, Press, Release
from game.world.spots import Spot

CARD = pygame.Rect(340, 190, 600, 340)
LANGUAGE = pygame.Rect(1060, 12, 200, 72)
#: Pause, top right on every chapter (the top-left corner is the grown-up's).
PAUSE = pygame.Rect(1080, 12, 180, 72)


def language_button(strings: Strings, rect: pygame.Rect = LANGUAGE) -> widgets.Button:
    """Names the language a tap switches to, in that language ('Español'), so a family can
    find theirs. Switching never loses the child's place."""
    codes = strings.languages
    following = codes[(codes.index(strings.language) + 1) % len(codes)]
    return widgets.Button("language", strings.name(following), rect, art.PURPLE_DARK)


class ScenePlay:
    """One scene from start to finish. ``outcome`` becomes 'again' or 'next' when the child
    chooses on the closing card, and 'pause' when the pause button is tapped."""

    def __init__(
        self,
        scene: Scene,
        strings: Strings,
        seed: int = 0,
        session: Session | None = None,
        book: Book | None = None,
        speaker: Speaker | None = None,
        chars_per_second: float = 30.0,
        child: str = "",
    ) -> None:
        """``chars_per_second``: how fast text appears when no voice reads it; ``child``: the
        child's name, if the grown-up typed one (the closing card uses it)."""
        self.child = child
        self.chapter = Chapter(scene, seed, session, strings, speaker)
        self.chapter.narrator.chars_per_second = chars_per_second
        self.scene = scene
        self.strings = strings
        self.book = book
        self.speaker = speaker
        self.rules = self.chapter.rules
        self.narrator = self.chapter.narrator
        self.view = VIEWS[scene.activity.name](scene, self.rules, self.chapter.session, strings)
        self.narration = NarrationView(strings, book)
        #: A word book page open over the chapter (the chapter waits underneath).
        self.page: WordPage | None = None
        self.outcome: str | None = None
        self.pressing = False

    @property
    def goals_reached(self) -> bool:
        return self.chapter.goals_reached

    @property
    def card_showing(self) -> bool:
        return self.chapter.card_showing

    def buttons(self) -> list[widgets.Button]:
        if not self.card_showing:
            return []
        y = CARD.bottom - 120
        again = self.strings.get("ui.card.again")
        if self.scene.next is None:
            return [
                widgets.Button(
                    "again", again, pygame.Rect(CARD.centerx - 150, y, 300, 90), art.GREEN_DARK
                )
            ]
        return [
            widgets.Button("again", again, pygame.Rect(CARD.x + 30, y, 300, 90), art.GREEN_DARK),
            widgets.Button(
                "next", self.strings.get("ui.card.next"), pygame.Rect(CARD.right - 260, y, 230, 90)
            ),
        ]

    # input -----------------------------------------------------------------------------------
    def handle(self, intent: intents.Intent) -> None:
        if self.page is not None:
            self.page.handle(intent)
            if self.page.closed:
                self.page = None
                self.narrator.replay()  # back where the child was, hearing the line again
            return
        if isinstance(intent, intents.PointerDown):
            self._press(intent.x, intent.y)
        elif isinstance(intent, intents.PointerMove) and self.pressing:
            self.chapter.point(intent.x, intent.y)
        elif isinstance(intent, intents.PointerUp) and self.pressing:
            self.pressing = False
            self.chapter.release()
        elif isinstance(intent, intents.Steer):
            self.chapter.steer(intent.dx, intent.dy)
        elif isinstance(intent, intents.Advance):
            if self.card_showing:
                self.outcome = "next" if self.scene.next else "again"
            else:
                self.narrator.advance()

    def _press(self, x: float, y: float) -> None:
        for button in self.buttons():
            if button.hit(x, y):
                self.outcome = button.name
                return
        if self.pause_button().hit(x, y):
            self.outcome = "pause"
            return
        where = self.narration.hit(x, y)
        if where == "replay":
            self.narrator.replay()
        elif where is not None and where.startswith("word:") and self.book is not None:
            self.open_word(where.removeprefix("word:"))
        elif where == "box" and self.narrator.current is not None:
            self.narrator.advance()
        elif not self.card_showing:
            self.pressing = True
            self.chapter.point(x, y)

    def pause_button(self) -> widgets.Button:
        return widgets.Button("pause", self.strings.get("ui.pause"), PAUSE, art.INK)

    def spots(self) -> list[Spot]:
        """One-switch choices: what the activity offers, moving the story on, hearing the
        line again, and pause; or the open page's and the closing card's buttons."""
        if self.page is not None:
            return [self.page.close.spot]
        if self.card_showing:
            return [b.spot for b in self.buttons()]
        found = list(self.chapter.rules.spots())
        box, replay = self.narration.box, self.narration.replay
        if self.narrator.current is not None and self.narrator.queue:
            found.append(Spot(box.centerx, box.centery, 0, "next", w=box.width, h=box.height))
        if self.narrator.last is not None:
            found.append(Spot(replay.centerx, replay.centery, replay.width / 2 + 6, "replay"))
        found.append(self.pause_button().spot)
        return found

    def switch_language(self) -> None:
        """The next language, at once: the line on screen is shown and said again in it."""
        self.strings.next_language()
        self.relabel()

    def relabel(self) -> None:
        if self.page is not None:
            self.page.relabel()
        else:
            self.narrator.replay()

    def open_word(self, word_id: str) -> None:
        """Open a word book page over the chapter; the chapter waits until it closes."""
        assert self.book is not None
        self.narrator.hush()
        self.pressing = False
        self.page = WordPage(self.book.word(word_id), self.strings, self.speaker)

    # time ------------------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        if self.page is not None:
            self.page.update(dt)
            return
        self.chapter.update(dt)

    def bot_gestures(self, bot, dt: float) -> list[Gesture]:
        """What the demo bot's finger does now: play, or tap 'Next' (else 'Play again')."""
        if self.page is not None:
            x, y = self.page.close.rect.center
            return [Press(x, y), Release(x, y)]
        choices = self.buttons()
        if not choices:
            return bot.step(self.rules, dt)
        x, y = choices[-1].rect.center
        return [Press(x, y), Release(x, y)]

    # drawing ---------------------------------------------------------------------------------
    def pace(self) -> int:
        """Every frame while words appear or a finger drags; else what the activity needs."""
        if self.page is not None:
            return pace.of(self.page)
        narrator = self.narrator
        if self.pressing or (narrator.current is not None and narrator.shown < len(narrator.text)):
            return pace.MOVING
        found = [pace.of(self.view)]
        if narrator.speaking:  # its words light up one by one
            found.append(pace.DRIFTING)
        if narrator.revealed and narrator.queue:  # the bobbing 'more' marker
            found.append(pace.pulsing())
        return max(found)

    def draw(self, canvas: pygame.Surface) -> None:
        self.view.draw(canvas, self.chapter.runner)
        if self.scene.goals:  # the first goal is the one the child sees filling up
            goal = self.scene.goals[0]
            widgets.star_counter(
                canvas, self.strings, self.chapter.runner.progress[goal.id], goal.count
            )
        widgets.title_pill(canvas, self.strings.get(f"{self.scene.id}.title"), PAUSE.x - 16)
        self.pause_button().draw(canvas)
        self.narration.draw(canvas, self.narrator, self.chapter.clock)
        if self.card_showing:
            self._card(canvas)
        if self.page is not None:
            self.page.draw(canvas)

    def _card(self, canvas: pygame.Surface) -> None:
        widgets.panel(canvas, CARD, radius=36)
        done = (
            self.strings.get("ui.card.done.named", child=self.child)
            if self.child
            else self.strings.get("ui.card.done")
        )
        title = widgets.fitted(done, 56, CARD.width - 40)
        canvas.blit(title, title.get_rect(center=(CARD.centerx, CARD.y + 70)))
        for i in range(3):
            star = art.star_icon(64, True)
            canvas.blit(star, star.get_rect(center=(CARD.centerx + (i - 1) * 80, CARD.y + 150)))
        for button in self.buttons():
            button.draw(canvas)
