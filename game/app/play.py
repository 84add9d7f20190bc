"""Playing one chapter on screen: its view, the narration box and the closing card."""

from __future__ import annotations

import pygame

from game.app import art, intents, text, widgets
from game.app.narration_view import NarrationView
from game.app.views import VIEWS
from game.script.chapter import Chapter
from game.script.model import Scene
from game.script.session import Session
from game.world.gestures import Gesture, Press, Release

CARD = pygame.Rect(340, 190, 600, 340)


class ScenePlay:
    """One scene from start to finish. ``outcome`` becomes 'again' or 'next' when the child
    chooses on the closing card."""

    def __init__(self, scene: Scene, seed: int = 0, session: Session | None = None) -> None:
        self.chapter = Chapter(scene, seed, session)
        self.scene = scene
        self.rules = self.chapter.rules
        self.narrator = self.chapter.narrator
        self.view = VIEWS[scene.activity.name](scene, self.rules, self.chapter.session)
        self.narration = NarrationView()
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
        if self.scene.next is None:
            return [
                widgets.Button(
                    "again", "Play again", pygame.Rect(CARD.centerx - 140, y, 280, 90), art.GREEN
                )
            ]
        return [
            widgets.Button("again", "Play again", pygame.Rect(CARD.x + 40, y, 250, 90), art.GREEN),
            widgets.Button("next", "Next", pygame.Rect(CARD.right - 290, y, 250, 90)),
        ]

    # input -----------------------------------------------------------------------------------
    def handle(self, intent: intents.Intent) -> None:
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
        where = self.narration.hit(x, y)
        if where == "replay":
            self.narrator.replay()
        elif where == "box" and self.narrator.current is not None:
            self.narrator.advance()
        elif not self.card_showing:
            self.pressing = True
            self.chapter.point(x, y)

    # time ------------------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        self.chapter.update(dt)

    def bot_gestures(self, bot, dt: float) -> list[Gesture]:
        """What the demo bot's finger does now: play, or tap 'Next' (else 'Play again')."""
        choices = self.buttons()
        if not choices:
            return bot.step(self.rules, dt)
        x, y = choices[-1].rect.center
        return [Press(x, y), Release(x, y)]

    # drawing ---------------------------------------------------------------------------------
    def draw(self, canvas: pygame.Surface) -> None:
        self.view.draw(canvas, self.chapter.runner)
        if self.scene.goals:  # the first goal is the one the child sees filling up
            goal = self.scene.goals[0]
            widgets.star_counter(canvas, self.chapter.runner.progress[goal.id], goal.count)
        widgets.title_pill(canvas, self.scene.title)
        self.narration.draw(canvas, self.narrator, self.chapter.clock)
        if self.card_showing:
            self._card(canvas)

    def _card(self, canvas: pygame.Surface) -> None:
        widgets.panel(canvas, CARD, radius=36)
        title = text.font(56, "bold").render("You did it!", True, art.INK)
        canvas.blit(title, title.get_rect(center=(CARD.centerx, CARD.y + 70)))
        for i in range(3):
            star = art.star_icon(64, True)
            canvas.blit(star, star.get_rect(center=(CARD.centerx + (i - 1) * 80, CARD.y + 150)))
        for button in self.buttons():
            button.draw(canvas)
