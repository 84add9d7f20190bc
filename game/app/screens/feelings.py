"""The feelings check-in: "How do you feel right now?" and five faces, from calm and happy to
very scared, at the start of a session (after the child is chosen on 'who is playing?') and at
its end (after the last chapter's closing card, or when the grown-up ends the session).

One tap on a face records it in the session (``Session.feelings['before' | 'after']``, 1 for
the calm face to 5 for the very scared one) and the screen thanks the child ("Thank you for
telling me. All feelings are okay."), then the app moves on. There is no wrong answer, and the
child never sees a number: only faces, each with a short soft word under it.

It is a feelings check-in for the child life specialist to talk about, not a validated scale
and not a diagnosis (see docs/facilitator-guide.md). The grown-up panel turns it off.

The faces are round and soft like the cells, all in the child's own T cell colour (so no
colour says good or bad), and only their eyes, brows and mouth change. No red, no tears.
"""

from __future__ import annotations

from functools import cache

import pygame

from game.app import pace
from game.app.platform import intents
from game.app.ui import art, labels, theme, widgets
from game.script.session import Session
from game.script.strings import Strings
from game.world.gestures import Gesture, Press, Release
from game.world.spots import Spot

#: The five faces, calm first: their words' ids end in these.
MOODS = ("happy", "okay", "worried", "scared", "very_scared")
#: When it is asked: at the start of a session, or at its end.
WHEN = ("before", "after")
TILE_W, TILE_H, GAP, TOP = 212, 300, 22, 210
FACE = 84  # a face's radius
#: Seconds the thanks stays before the app moves on (longer while the voice still says it).
THANKS_SECONDS = 2.2
BACKGROUND = (238, 246, 240)


def tile_rect(index: int) -> pygame.Rect:
    """Face ``index`` (0 is the calm one): five big tiles in a row, centred."""
    left = (1280 - len(MOODS) * TILE_W - (len(MOODS) - 1) * GAP) // 2
    return pygame.Rect(left + index * (TILE_W + GAP), TOP, TILE_W, TILE_H)


class FeelingsCheckIn:
    """``when`` is 'before' or 'after'. ``chosen`` becomes the face tapped (1 to 5) and
    ``outcome`` 'done' once the thanks has been shown a moment; the app then moves on (when
    the voice has said it too)."""

    def __init__(self, strings: Strings, session: Session, when: str, colour: str = "sky") -> None:
        self.strings = strings
        self.session = session
        self.when = when
        self.colour = colour
        self.chosen: int | None = None
        #: The face a keyboard's arrows point at (0 to 4), None until an arrow is pressed.
        self.focus: int | None = None
        self.outcome: str | None = None
        self.clock = 0.0
        self.thanked = 0.0  # seconds since the tap

    # input ------------------------------------------------------------------------------------
    def handle(self, intent: intents.Intent) -> None:
        if self.chosen is not None:
            return
        if isinstance(intent, intents.PointerDown):
            for i in range(len(MOODS)):
                if tile_rect(i).collidepoint(intent.x, intent.y):
                    self.choose(i + 1)
                    return
        elif isinstance(intent, intents.Steer) and intent.dx:
            here = self.focus if self.focus is not None else (-1 if intent.dx > 0 else len(MOODS))
            self.focus = max(0, min(len(MOODS) - 1, here + (1 if intent.dx > 0 else -1)))
        elif isinstance(intent, intents.Advance) and self.focus is not None:
            self.choose(self.focus + 1)

    def choose(self, face: int) -> None:
        """The child tapped face ``face`` (1 is calm, 5 very scared): keep it, then thank."""
        self.chosen = face
        self.session.feelings[self.when] = face

    def spots(self) -> list[Spot]:
        if self.chosen is not None:
            return []
        return [
            Spot(r.centerx, r.centery, 0, f"face:{i + 1}", w=r.width, h=r.height)
            for i, r in enumerate(tile_rect(i) for i in range(len(MOODS)))
        ]

    def buttons(self) -> list[widgets.Button]:
        """No buttons: the faces are the choice."""
        return []

    def bot_gestures(self, bot, dt: float) -> list[Gesture]:
        """The demo taps the calm face after a moment."""
        if self.chosen is not None or self.clock < 1.0:
            return []
        x, y = tile_rect(0).center
        return [Press(x, y), Release(x, y)]

    # time -------------------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        self.clock += dt
        if self.chosen is None:
            return
        self.thanked += dt
        if self.thanked >= THANKS_SECONDS:
            self.outcome = "done"

    def prompt_ids(self) -> tuple[str, ...]:
        """The question and how to answer it; once a face is tapped, the thanks."""
        if self.chosen is not None:
            return ("ui.feelings.thanks",)
        return ("ui.feelings.ask", "ui.feelings.how")

    def relabel(self) -> None:
        """Every word is looked up as it is drawn."""

    def pace(self) -> int:
        """Nothing moves here."""
        return pace.RESTING

    # drawing ----------------------------------------------------------------------------------
    def draw(self, canvas: pygame.Surface) -> None:
        look = theme.look()
        canvas.fill(BACKGROUND if not look.high_contrast else theme.WHITE)
        get = self.strings.get
        title = widgets.fitted(get("ui.feelings.ask"), 60, 1200)
        canvas.blit(title, title.get_rect(center=(640, 84)))
        if self.chosen is None:
            how = widgets.fitted(get("ui.feelings.how"), 38, 1160, look.ink)
            canvas.blit(how, how.get_rect(center=(640, 154)))
        for i, mood in enumerate(MOODS):
            self._tile(canvas, i, mood)
        if self.chosen is not None:
            self._thanks(canvas)

    def _tile(self, canvas: pygame.Surface, index: int, mood: str) -> None:
        rect = tile_rect(index)
        picked = self.chosen == index + 1
        resting = self.chosen is not None and not picked
        if self.focus == index and self.chosen is None:
            pygame.draw.rect(canvas, art.YELLOW, rect.inflate(22, 22), border_radius=40)
        widgets.panel(canvas, rect, radius=32)
        if picked:
            pygame.draw.rect(canvas, art.GREEN, rect, width=8, border_radius=32)
        face = face_picture(index + 1, FACE, self.colour)
        if resting:  # the faces not chosen step back, never greyed out or crossed
            face = face.copy()
            face.set_alpha(120)
        canvas.blit(face, face.get_rect(center=(rect.centerx, rect.y + 118)))
        size = theme.look().label_size(32)
        words = labels.label(
            self.strings.get(f"ui.feelings.{mood}"), size, rect.width - 20, 92, theme.look().ink
        )
        canvas.blit(words, words.get_rect(center=(rect.centerx, rect.bottom - 52)))

    def _thanks(self, canvas: pygame.Surface) -> None:
        card = pygame.Rect(160, 560, 960, 170)
        widgets.panel(canvas, card, radius=36)
        size = theme.look().label_size(44)
        words = labels.label(
            self.strings.get("ui.feelings.thanks"), size, card.width - 60, card.height - 30
        )
        canvas.blit(words, words.get_rect(center=card.center))


@cache
def face_picture(face: int, radius: int, colour: str = "sky") -> pygame.Surface:
    """Face ``face`` (1 calm and happy ... 5 very scared), ``radius`` px, in the T cell colour
    ``colour``: a soft round face like the cells, with a lighter shine."""
    size = radius * 2 + 8

    def paint(s: pygame.Surface, unit: float) -> None:
        c, r = size * unit / 2, radius * unit
        draw_face(s, c, c, r, unit, face, colour)

    return art.painted((size, size), paint)


def draw_face(s, cx, cy, r, unit, face: int, colour: str = "sky") -> None:
    """A round face of radius ``r`` at (cx, cy) on a surface painted ``unit`` times too large:
    the body and rim of the child's T cell, and a face from calm (1) to very scared (5)."""
    body, edge = art.hero_colours(colour)
    ink = art.face_colour(body)
    pygame.draw.circle(s, edge, (cx, cy), r)
    pygame.draw.circle(s, body, (cx, cy), r - 5 * unit)
    shine = pygame.Rect(cx - r * 0.62, cy - r * 0.74, r * 0.62, r * 0.36)
    pygame.draw.ellipse(s, art._lighter(body), shine)
    line = max(2.0 * unit, r * 0.07)
    # brows: none on the calm faces; lifted in the middle when worried, more when scared
    lift = {3: 0.03, 4: 0.1, 5: 0.16}.get(face)
    if lift is not None:
        for side in (-1, 1):
            outer = (cx + side * r * 0.46, cy - r * 0.36)
            inner = (cx + side * r * 0.16, cy - r * (0.38 + lift))
            _stroke(s, ink, [outer, inner], line)
    # eyes: the T cell's own eyes with a glint; wide open when very scared
    for side in (-1, 1):
        ex, ey = cx + side * r * 0.3, cy - r * 0.1
        if face == 5:
            pygame.draw.circle(s, art.PAPER, (ex, ey), r * 0.15)
            pygame.draw.circle(s, ink, (ex, ey), r * 0.15, max(1, round(line * 0.7)))
            pygame.draw.circle(s, ink, (ex, ey + r * 0.02), r * 0.075)
        else:
            eye = pygame.Rect(ex - r * 0.1, ey - r * 0.15, r * 0.2, r * 0.3)
            pygame.draw.ellipse(s, ink, eye)
            if ink == art.INK:
                pygame.draw.circle(s, (255, 255, 255), (ex + r * 0.03, ey - r * 0.06), r * 0.045)
    # mouth: a big smile, a small smile, a straight line, a small frown, a little round 'oh'
    if face == 5:
        mouth = pygame.Rect(cx - r * 0.11, cy + r * 0.26, r * 0.22, r * 0.26)
        pygame.draw.ellipse(s, ink, mouth)
        return
    half, depth = {1: (0.36, 0.2), 2: (0.28, 0.09), 3: (0.22, 0.0), 4: (0.24, -0.09)}[face]
    middle = cy + r * (0.34 if depth >= 0 else 0.42)
    points = []
    for i in range(11):
        t = -1 + i / 5
        points.append((cx + t * r * half, middle + r * depth * (1 - t * t) - r * depth * 0.5))
    _stroke(s, ink, points, line)


def _stroke(s, ink, points, width: float) -> None:
    """A round-ended line through ``points``."""
    pygame.draw.lines(s, ink, False, points, max(1, round(width)))
    for point in points:
        pygame.draw.circle(s, ink, point, width / 2)


def feelings_words(strings: Strings, face: int) -> str:
    """The soft word under face ``face`` (1 to 5), for the summary."""
    return strings.get(f"ui.feelings.{MOODS[max(1, min(face, len(MOODS))) - 1]}")
