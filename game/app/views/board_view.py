"""Draws the picture boards (choose, cards, quiz): big tiles with a picture and a word each.

A tile that was picked gets a green ring and a star; a card already heard gets a small star; a
quiz answer that was not right fades a little (never a cross). Help glows around a tile. While a
quiz question is still being said its pictures rest under a light veil, so the child sees what
is coming, listens, and then taps (a tap before that is no answer).

Once a question is asked it stays written above its pictures (when one row leaves room), so a
hint said in the narration box never hides it. A pick's pictures come only with its question:
until then the child's T cell waits on the board while the story is told."""

from __future__ import annotations

import math
from functools import cache

import pygame

from game.app import pace
from game.app.ui import art, labels, pictures, text, theme, widgets
from game.app.views.narration_view import BOX
from game.script.model import Option, Scene
from game.script.runner import Runner
from game.script.session import Session
from game.script.strings import Strings
from game.world.picks import TILE_H, BoardRules, CardsRules, QuizRules

PICTURE = 160
#: The T cell being named, under the names to pick from (its radius).
NAMED_RADIUS = 44
#: A card's words at normal text size; the picture above shrinks (never below PICTURE_LEAST)
#: to leave them room for two lines.
LABEL_SIZE, PICTURE_LEAST = 34, 100
#: The veil over pictures that wait for their question to be heard: lighter, never hidden.
VEIL = (248, 246, 240, 150)
#: Where the question is written: under the top bar, above one row of pictures.
QUESTION_TOP, QUESTION_GAP = 104, 14
#: The question's card stands between these, clear of the quiz's bunting, which hangs down
#: both sides of the party (assets/backgrounds/party.svg: its flags reach x 72 on the left
#: and x 1208 on the right); a long question wraps or is written smaller instead.
QUESTION_LEFT, QUESTION_RIGHT = 92, 1188
#: The card's margin round the question's words, across and down.
QUESTION_PAD = (48, 24)
QUESTION_SIZES = (44, 38, 32)
#: How big each cell a line names is drawn beside the T cell (radius 120): as the hunt has
#: them, a leukemia cell a little bigger than a B cell, a platelet small.
GUEST_RADIUS = {
    "t_cell": 56,
    "leukemia_cell": 62,
    "b_cell": 54,
    "red_blood_cell": 46,
    "platelet": 24,
}


class BoardView:
    def __init__(self, scene: Scene, rules: BoardRules, session: Session, strings: Strings) -> None:
        self.strings = strings
        self.scene = scene
        self.rules = rules
        self.session = session
        self.background = art.background(scene.background)

    def pace(self) -> int:
        """Tiles stand still; only the help glow and the T cell's bob move, slowly."""
        still = self.rules.on_show and self.rules.hint_option() is None
        return pace.RESTING if still else pace.pulsing()

    def draw(self, canvas: pygame.Surface, runner: Runner) -> None:
        canvas.blit(self.background, (0, 0))
        rules = self.rules
        choice = rules.choice
        if choice is None or not rules.on_show:
            self._hero(canvas, named=choice is None)
            return
        question = self.question()
        if question is not None:
            self._question(canvas, question)
        hint = rules.hint_option()
        waiting = rules.listening_for is not None
        for option, rect in zip(rules.options, rules.tiles, strict=True):
            tile = pygame.Rect(*map(round, rect))
            self._tile(canvas, option, tile, option is hint)
            if waiting:
                canvas.blit(_veil(tile.size), tile.topleft)
        if choice.keep == "name":
            self._being_named(canvas)

    def _being_named(self, canvas: pygame.Surface) -> None:
        """While the child picks a name, the T cell it is for stays in sight under the
        pictures (play-test: it went away while it was named), where there is room."""
        bottom = max(rect[1] + rect[3] for rect in self.rules.tiles)
        car = self.session.has_car(self.scene.id)
        sprite = art.cell_sprite("t_cell", NAMED_RADIUS, False, car, self.session.hero_colour)
        room = BOX.top - bottom
        if room < sprite.get_height() * 0.8:  # its see-through margin may overlap a little
            return
        canvas.blit(sprite, sprite.get_rect(center=(640, round(bottom + room / 2))))

    def hero_rect(self) -> pygame.Rect | None:
        """The cards, when the chapter ends on them (Getting ready, Afterwards): the closing
        card stands clear of them. None otherwise (the T cell in the middle)."""
        rules = self.rules
        if not isinstance(rules, CardsRules) or rules.choice is None or not rules.on_show:
            return None
        tiles = [pygame.Rect(*map(round, rect)) for rect in rules.tiles]
        if not tiles:
            return None
        around = tiles[0]
        for tile in tiles[1:]:
            around = around.union(tile)
        return around

    def _tile(self, canvas: pygame.Surface, option: Option, rect: pygame.Rect, hint: bool) -> None:
        rules = self.rules
        chosen = option.id in rules.chosen
        faded = chosen and isinstance(rules, QuizRules) and not option.right
        if hint:
            glow = 8 + 5 * theme.pulse(rules.time, 0.64)
            pygame.draw.rect(canvas, art.YELLOW, rect.inflate(glow * 2, glow * 2), border_radius=34)
        ringed = chosen and not faded
        edge = art.GREEN if ringed else (224, 207, 196)
        widgets.panel(
            canvas, rect, fill=(240, 238, 232) if faded else art.PAPER, edge=edge, radius=28
        )
        if ringed:
            pygame.draw.rect(canvas, art.GREEN, rect, width=RING, border_radius=28)
        colour = option.colour or self.session.hero_colour
        car = self.session.has_car(self.scene.id)
        words, words_at, size, middle = card_parts(self.strings.get(option.id), rect)
        picture = pictures.picture(option.picture, size, colour, car=car)
        if faded:
            picture = picture.copy()
            picture.set_alpha(110)
        canvas.blit(picture, picture.get_rect(center=middle))
        canvas.blit(words, words.get_rect(center=words_at.center))
        if chosen and not faded:
            star = art.star_icon(52, True)
            canvas.blit(star, star.get_rect(center=(rect.right - 26, rect.top + 26)))

    def question(self) -> str | None:
        """The question written above the pictures now: from when it is asked until the next
        one, whatever the narration box says meanwhile (a hint, an answer); None when there is
        none yet, or two rows of pictures leave no room for it."""
        rules = self.rules
        choice = rules.choice
        if choice is None or choice.ask is None or not rules.asking or not rules.on_show:
            return None
        words = self.strings.get(choice.ask)
        return words if _question_words(words, *self._question_room()) is not None else None

    def _question_room(self) -> tuple[int, int]:
        """How wide and how high the question's words may be, above the pictures and between
        the bunting."""
        top = min((y for _, y, _, _ in self.rules.tiles), default=QUESTION_TOP)
        width = QUESTION_RIGHT - QUESTION_LEFT - QUESTION_PAD[0]
        return width, round(top) - QUESTION_GAP - QUESTION_TOP - QUESTION_PAD[1]

    def question_rect(self) -> pygame.Rect | None:
        """The card the question is written on now, or None when none is written."""
        words = self.question()
        card = self._question_card(words) if words is not None else None
        return card[1] if card is not None else None

    def _question_card(self, words: str) -> tuple[pygame.Surface, pygame.Rect] | None:
        """The question's words and the card they are written on, above the pictures."""
        width, height = self._question_room()
        image = _question_words(words, width, height)
        if image is None:
            return None
        rect = image.get_rect().inflate(*QUESTION_PAD)
        rect.center = (
            (QUESTION_LEFT + QUESTION_RIGHT) // 2,
            QUESTION_TOP + (height + QUESTION_PAD[1]) // 2,
        )
        return image, rect

    def _question(self, canvas: pygame.Surface, words: str) -> None:
        """The question on a card above its pictures."""
        card = self._question_card(words)
        if card is None:
            return
        image, rect = card
        widgets.panel(canvas, rect, radius=26)
        canvas.blit(image, image.get_rect(center=rect.center))

    def _hero(self, canvas: pygame.Surface, named: bool) -> None:
        """The child's own T cell, big: waiting while the story before a pick is told, and
        after the last pick with its name and a little confetti, which circles behind the T
        cell and its name tag, never over them."""
        car = self.session.has_car(self.scene.id)
        if named:
            self._confetti(canvas)
        self._guests(canvas, car)
        sprite = art.cell_sprite("t_cell", 120, False, car, self.session.hero_colour)
        bob = 8 * theme.pulse(self.rules.time, 0.32)
        centre = (640, round(330 + bob))
        canvas.blit(sprite, sprite.get_rect(center=centre))
        if not named:
            return
        below = 520 if car else 480  # under its lowest CAR
        widgets.name_tag(canvas, self.strings, self.session.hero_name, 640, below + bob)

    def _guests(self, canvas: pygame.Surface, car: bool) -> None:
        """The cells the line being said names, beside the T cell (see game.world.stage):
        B cells and leukemia cells wear their CD19 stars, as in the hunt."""
        stage = getattr(self.rules, "stage", None)
        for guest in stage.guests if stage is not None else ():
            marked = guest.kind in ("b_cell", "leukemia_cell")
            sprite = art.cell_sprite(
                guest.kind,
                GUEST_RADIUS[guest.kind],
                marked,
                car and guest.kind == "t_cell",
                self.session.hero_colour,
            )
            canvas.blit(sprite, sprite.get_rect(center=(round(guest.x), round(guest.y))))

    def _confetti(self, canvas: pygame.Surface) -> None:
        # Confetti dots, not stars: in this game stars mean CD19. They go with the answer to
        # the last pick and settle before the story goes on (see BoardRules.party).
        party = self.rules.party()
        if party <= 0:
            return
        colours = (art.ORANGE, art.GREEN, art.SKY, art.PURPLE, art.YELLOW, art.BLUE)
        for i, colour in enumerate(colours):
            angle = i * math.tau / len(colours) + theme.moving(self.rules.time) * 0.5
            x, y = 640 + math.cos(angle) * 200, 330 + math.sin(angle) * 150
            pygame.draw.circle(canvas, colour, (round(x), round(y)), 12 * party)


@cache
def _veil(size: tuple[int, int]) -> pygame.Surface:
    veil = pygame.Surface(size, pygame.SRCALPHA)
    pygame.draw.rect(veil, VEIL, veil.get_rect(), border_radius=28)
    return veil


@cache
def _question_words(words: str, width: int, height: int) -> pygame.Surface | None:
    """The question in one or two lines no wider than ``width``, as big as fits ``height``
    (None when even the smallest does not)."""
    for size in QUESTION_SIZES:
        face = text.font(size, "bold")
        lines = text.wrap(words, face, width)
        step = face.get_linesize()
        if not lines or len(lines) > 2 or len(lines) * step > height:
            continue
        widest = max(text.width(line, face) for line in lines)
        image = pygame.Surface((widest, len(lines) * step), pygame.SRCALPHA)
        for i, line in enumerate(lines):
            words_image = text.render(line, face, art.INK)
            image.blit(words_image, words_image.get_rect(midtop=(widest // 2, i * step)))
        return image
    return None


def card_parts(
    words: str, rect: pygame.Rect
) -> tuple[pygame.Surface, pygame.Rect, int, tuple[int, int]]:
    """A card's words and where they go, and its picture's size and middle: two lines of words
    before smaller ones, the picture making room (see labels.picture_card). The words keep
    clear of the green ring a chosen card wears (``RING`` wide) by ``LABEL_PAD``. A taller card
    (a quiz question's two) has a bigger picture."""
    biggest = round(PICTURE * max(1.0, rect.height / TILE_H))
    return labels.picture_card(words, rect, LABEL_SIZE, biggest, PICTURE_LEAST, LABEL_PAD)


#: The ring round a chosen card, and how far inside the card its words stay.
RING = 7
LABEL_PAD = RING + 9
