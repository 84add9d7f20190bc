"""Playing one chapter on screen: its view, the narration box and the closing card.

The closing card stands beside the scene, never over the child's T cell at its proud moment: on
the right, or on the left when the view's ``hero_rect()`` is there. Its stars are the counter's.
Its main button is the go colour (green, as Go! on the map): **Next**, or **Journey map** after
the last chapter; **Play again** is blue, and white with a black edge in high contrast."""

from __future__ import annotations

import pygame

from game.app import pace
from game.app.platform import intents
from game.app.platform.display import LOGICAL
from game.app.screens.word_page import WordPage
from game.app.ui import art, widgets
from game.app.views import VIEWS
from game.app.views.narration_view import NarrationView
from game.script.book import Book
from game.script.chapter import Chapter
from game.script.model import Scene
from game.script.narrator import Speaker
from game.script.session import Session
from game.script.strings import Strings
from game.world.gestures import Gesture, Press, Release
from game.world.spots import Spot

#: The closing card on the right, and where it goes when the hero is on the right.
CARD = pygame.Rect(LOGICAL[0] - 24 - 360, 104, 360, 480)
CARD_LEFT = pygame.Rect(24, CARD.y, CARD.width, CARD.height)
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
        if session is not None and session.goes_on(scene):
            scene = scene.going_on()  # a quiz left halfway: on to its next question at once
        self.chapter = Chapter(scene, seed, session, strings, speaker)
        self.chapter.narrator.chars_per_second = chars_per_second
        self.scene = scene = self.chapter.scene  # the questions asked of the child's age band
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
        #: Where the closing card stands, chosen when it first shows (see ``card_rect``).
        self.card_side: str | None = None
        #: The closing card has come: it stays, even while its last line is said again.
        self.card_came = False

    @property
    def goals_reached(self) -> bool:
        return self.chapter.goals_reached

    @property
    def card_showing(self) -> bool:
        """The closing card, once it has come, stays: the last line said again under it (the
        round arrow, a language switch, a break reminder or pause closed) never takes it, or
        its Next, away for a moment, so the first tap on Next counts."""
        return self.card_came or self.chapter.card_showing

    def buttons(self) -> list[widgets.Button]:
        """The closing card's: on to the map ('next', or 'map' after the last chapter), then
        'again'."""
        if not self.card_showing:
            return []
        card = self.card_rect()
        last = self.scene.next is None
        forward = widgets.Button(
            "map" if last else "next",
            self.strings.get("ui.card.map" if last else "ui.card.next"),
            pygame.Rect(card.x + 30, card.bottom - 214, card.width - 60, 96),
            art.GREEN_DARK,
        )
        again = widgets.Button(
            "again",
            self.strings.get("ui.card.again"),
            pygame.Rect(card.x + 30, card.bottom - 106, card.width - 60, 86),
            art.BLUE,
            quiet=True,
        )
        return [forward, again]

    def card_rect(self) -> pygame.Rect:
        """Where the closing card stands: beside the hero, never over it."""
        side = self.card_side or self._side_away_from_hero()
        return CARD_LEFT if side == "left" else CARD

    def _side_away_from_hero(self) -> str:
        hero_rect = getattr(self.view, "hero_rect", None)
        hero = hero_rect() if hero_rect is not None else None
        if hero is not None and hero.colliderect(CARD) and not hero.colliderect(CARD_LEFT):
            return "left"
        return "right"

    def card_stars(self) -> list[bool]:
        """The closing card's stars: exactly the counter's (none when it has no counter)."""
        if not self.scene.goals:
            return []
        goal = self.scene.goals[0]
        return widgets.star_marks(self.chapter.runner.progress[goal.id], goal.count)

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
        elif isinstance(intent, intents.Choose) and intent.name == "next":
            self.move_on()
        elif isinstance(intent, intents.Advance):
            if self.card_showing:
                self.outcome = self.buttons()[0].name  # on, as the card's main button
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
        where = self.narration.hit(x, y, self.chapter.clock)
        if where == "replay":
            self.narrator.replay()
        elif where is not None and where.startswith("word:") and self.book is not None:
            self.open_word(where.removeprefix("word:"))
        elif where == "box":  # the story's box: never a place to steer or drag to
            if self.narrator.current is not None:
                self.narrator.advance()
        elif not self.card_showing:
            # A new press means any earlier finger is up, even if its lift never reached the
            # chapter (a panel opened over it): otherwise this tap would be taken for a drag.
            self.chapter.release()
            self.pressing = True
            self.chapter.point(x, y)

    def move_on(self) -> None:
        """One-switch 'next': the next line now. A tap on the box would first only finish the
        line being shown or said, and the child's press would seem to do nothing."""
        if not self.narrator.revealed:
            self.narrator.advance()
        self.narrator.advance()

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
        if self.narrator.current is not None:  # chosen, it moves on at once (see move_on)
            found.append(
                Spot(box.centerx, box.centery, 0, "next", w=box.width, h=box.height, tell=True)
            )
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
        if self.pressing:  # the finger is lifted over the page: the chapter must hear it
            self.pressing = False
            self.chapter.release()
        self.page = WordPage(
            self.book.word(word_id), self.strings, self.speaker, self.chapter.session.hero_colour
        )

    # time ------------------------------------------------------------------------------------
    def prompt_ids(self) -> tuple[str, ...]:
        """The closing card says "You did it!" (the chapter's lines have all been said)."""
        return ("ui.card.done",) if self.card_showing and self.page is None else ()

    def update(self, dt: float) -> None:
        if self.page is not None:
            self.page.update(dt)
            return
        self.chapter.update(dt)
        if self.card_showing and self.card_side is None:  # chosen once: the card stays put
            self.card_side = self._side_away_from_hero()
        self.card_came = self.card_showing

    def bot_gestures(self, bot, dt: float) -> list[Gesture]:
        """What the demo bot's finger does now: play, or tap 'Next' (or 'Journey map')."""
        if self.page is not None:
            x, y = self.page.close.rect.center
            return [Press(x, y), Release(x, y)]
        choices = self.buttons()
        if not choices:
            return bot.step(self.rules, dt)
        x, y = choices[0].rect.center
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
        lowest = getattr(self.view, "lowest", None)  # how low what moves is drawn now
        self.narration.draw(
            canvas, self.narrator, self.chapter.clock, None if lowest is None else lowest()
        )
        if self.card_showing:
            self._card(canvas)
        if self.page is not None:
            self.page.draw(canvas)

    def _card(self, canvas: pygame.Surface) -> None:
        card = self.card_rect()
        widgets.panel(canvas, card, radius=36)
        done = (
            self.strings.get("ui.card.done.named", child=self.child)
            if self.child
            else self.strings.get("ui.card.done")
        )
        title = widgets.fitted(done, 52, card.width - 40)
        canvas.blit(title, title.get_rect(center=(card.centerx, card.y + 56)))
        stars = self.card_stars()
        half = (len(stars) + 1) // 2
        rows = [stars] if len(stars) <= 4 else [stars[:half], stars[half:]]
        for r, row in enumerate(rows):
            for i, filled in enumerate(row):
                star = art.star_icon(56, filled)
                x = card.centerx + (i - (len(row) - 1) / 2) * 66
                canvas.blit(star, star.get_rect(center=(round(x), card.y + 130 + r * 62)))
        for button in self.buttons():
            button.draw(canvas)
