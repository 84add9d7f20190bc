"""A calm card over the game, which waits underneath until a button is tapped: 'Paused' (with a
soft second choice, back to the journey map), the break reminder, or a one-time note for the
grown-up. A card stands clear of what it is told to leave in sight (the closing card's Next)."""

from __future__ import annotations

import pygame

from game.app import pace
from game.app.platform import intents
from game.app.platform.display import LOGICAL
from game.app.ui import art, pictures, text, widgets
from game.script.strings import Strings
from game.world.gestures import Gesture, Press, Release
from game.world.spots import Spot

CARD = pygame.Rect(240, 120, 800, 540)  # room for three rows of note above the button
#: Two choices side by side: the first (go on) on the left, the soft second on the right.
PAIR_W, PAIR_GAP = 350, 36
#: Room kept between the card and what it stands clear of, and the screen's edges.
CLEAR = 24


def placed(avoid: pygame.Rect | None) -> pygame.Rect:
    """Where the card stands: in the middle, or beside ``avoid`` (left of it, else right of
    it) when it would cover it; in the middle when neither side has room."""
    if avoid is None or not CARD.colliderect(avoid):
        return CARD.copy()
    left = CARD.move(avoid.left - CLEAR - CARD.right, 0)
    if left.left >= CLEAR:
        return left
    right = CARD.move(avoid.right + CLEAR - CARD.left, 0)
    if right.right <= LOGICAL[0] - CLEAR:
        return right
    return CARD.copy()


class Notice:
    """``closed`` becomes True when a button is tapped (or Enter or Space pressed); ``chosen``
    says which: 'close' (the main button) or the second choice's name (``second``)."""

    def __init__(
        self,
        strings: Strings,
        title: str,
        note: str,
        button: str,
        picture: str = "t_cell",
        colour: str = "sky",
        second: tuple[str, str] | None = None,
        avoid: pygame.Rect | None = None,
        car: bool = False,
    ) -> None:
        """``title``, ``note`` and ``button`` are text ids; ``picture`` is drawn on top, a T cell
        in ``colour``, the child's (with its CARs when ``car``: after the lab). ``second`` is a
        soft second choice, (its name, its text id): pause's 'Back to the map'. ``avoid``: what
        the card must not cover."""
        self.strings = strings
        self.colour = colour
        self.car = car
        self.title = title
        self.note = note
        self.label = button
        self.picture = picture
        self.second = second
        self.rect = placed(avoid)
        self.closed = False
        self.chosen: str | None = None
        #: The button a keyboard's arrows point at, lit; None until an arrow is pressed. Enter
        #: or Space chooses it (the first, going on, when none is lit).
        self.focus: int | None = None
        self.clock = 0.0

    @property
    def button(self) -> widgets.Button:
        return self.buttons()[0]

    def buttons(self) -> list[widgets.Button]:
        """The main button (go on), then the soft second choice when there is one."""
        card = self.rect
        main = self.strings.get(self.label)
        if self.second is None:
            rect = pygame.Rect(card.centerx - 190, card.bottom - 140, 380, 100)
            return [widgets.Button("close", main, rect, art.GREEN_DARK)]
        name, label = self.second
        left = card.centerx - PAIR_GAP // 2 - PAIR_W
        first = pygame.Rect(left, card.bottom - 140, PAIR_W, 100)
        other = first.move(PAIR_W + PAIR_GAP, 0)
        return [
            widgets.Button("close", main, first, art.GREEN_DARK),
            widgets.Button(name, self.strings.get(label), other, art.BLUE, quiet=True),
        ]

    def handle(self, intent: intents.Intent) -> None:
        buttons = self.buttons()
        if isinstance(intent, intents.Advance):
            self.choose(buttons[min(self.focus or 0, len(buttons) - 1)].name)
        elif isinstance(intent, intents.Steer) and intent.dx and len(buttons) > 1:
            here = self.focus or 0
            self.focus = max(0, min(len(buttons) - 1, here + (1 if intent.dx > 0 else -1)))
        elif isinstance(intent, intents.PointerDown):
            for button in buttons:
                if button.hit(intent.x, intent.y):
                    self.choose(button.name)
                    return

    def choose(self, name: str) -> None:
        self.chosen = name
        self.closed = True

    def update(self, dt: float) -> None:
        self.clock += dt

    def prompt_ids(self) -> tuple[str, ...]:
        """A child's card (pause, the break reminder) is said; a note for the grown-up is not."""
        return () if self.picture == "grown_up" else (self.title, self.note)

    def spots(self) -> list[Spot]:
        return [button.spot for button in self.buttons()]

    def bot_gestures(self, bot, dt: float) -> list[Gesture]:
        """The demo goes on (the main button)."""
        if self.clock < 1.0:
            return []
        x, y = self.button.rect.center
        return [Press(x, y), Release(x, y)]

    def relabel(self) -> None:
        """Every word is looked up as it is drawn."""

    def pace(self) -> int:
        """Nothing moves here."""
        return pace.RESTING

    def draw(self, canvas: pygame.Surface) -> None:
        self.backdrop(canvas)
        self.card(canvas)

    def backdrop(self, canvas: pygame.Surface) -> None:
        """The game underneath, dimmed: it waits, so the loop keeps this and draws only the
        card over it until something changes (see App._draw)."""
        widgets.shade(canvas, (30, 30, 50, 150))

    def card(self, canvas: pygame.Surface) -> None:
        card = self.rect
        widgets.panel(canvas, card, radius=36)
        picture = pictures.picture(self.picture, 120, self.colour, car=self.car)
        canvas.blit(picture, picture.get_rect(center=(card.centerx, card.y + 85)))
        title = widgets.fitted(self.strings.get(self.title), 50, card.width - 60)
        canvas.blit(title, title.get_rect(center=(card.centerx, card.y + 185)))
        face = text.font(34)
        for i, row in enumerate(text.wrap(self.strings.get(self.note), face, card.width - 80)):
            words = text.render(row, face, art.INK)
            canvas.blit(words, words.get_rect(center=(card.centerx, card.y + 245 + i * 44)))
        buttons = self.buttons()
        if self.focus is not None:  # a keyboard's arrows light the one Enter chooses
            ring = buttons[self.focus].rect.inflate(18, 18)
            pygame.draw.rect(canvas, art.YELLOW, ring, border_radius=34)
        for button in buttons:
            button.draw(canvas)
