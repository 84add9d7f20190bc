"""The journey map, shown before the first chapter and between chapters: nine stops along a
winding path, the ones played marked with a star, the next one glowing. 'Go!' plays it, and so
do a tap on the glowing stop and on the "Next: ..." box beside Go!.

Only the glowing stop can be played from here: the journey goes in order. A stop played (star)
or still to come (faded, dotted edge, no shadow) answers a tap with a wiggle, a brighter glow
round the next stop and a bubble by it: "First, let's go here!". The grown-up's panel can still
start any chapter.

It is also the title screen: the language, the age band and the voice are chosen here, and
the word book opens from here."""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, Protocol

import pygame

from game.app import pace
from game.app.platform import intents
from game.app.screens.play import language_button
from game.app.ui import art, pictures, text, theme, widgets
from game.script.model import Scene
from game.script.session import DEFAULT_COLOUR, from_the_lab, wears_car
from game.script.strings import BANDS, Strings
from game.world.gestures import Gesture, Press, Release
from game.world.spots import Spot

GO = pygame.Rect(1000, 640, 240, 110)
BOOK = pygame.Rect(40, 640, 250, 110)
LANGUAGE = pygame.Rect(580, 14, 200, 72)
BAND = pygame.Rect(796, 14, 244, 72)
VOICE = pygame.Rect(1056, 14, 204, 72)
#: "Next: Meet your T cell", between the word book and Go!: a tap on it is a tap on Go!.
NEXT = pygame.Rect(BOOK.right + 30, GO.y, GO.x - BOOK.right - 60, GO.height)
#: Where the title goes (at the left of the top buttons).
TITLE = pygame.Rect(0, 0, LANGUAGE.x, LANGUAGE.bottom + 40)
STOP_RADIUS = 70
#: A stop's name stands this far under its edge (at ``STOP_RADIUS``): clear of the glow round
#: the next stop as it pulses (a hint's bigger glow passes behind it).
NAME_BELOW = 20
#: A tapped stop that cannot be played yet wiggles this long; its hint stays a little longer.
WIGGLE_SECONDS = 0.6
HINT_SECONDS = 3.5
#: A stop still to come: its picture this see-through, its edge dotted with this many dots.
LATER_ALPHA = 110
LATER_DOTS = 28
LATER_EDGE = (190, 180, 160)
#: The map's own colour, also behind each stop's name so the path never runs through it.
GROUND = (238, 246, 240)

State = Literal["played", "next", "later"]


@dataclass(frozen=True)
class Hint:
    """A tap on a stop that is not the next one: ``stop`` wiggles, and a bubble by the
    glowing stop says ``words`` (a text id), from ``at`` (the map's clock)."""

    stop: int
    words: str
    at: float


class Switch(Protocol):
    enabled: bool
    #: False when there is no sound device: the button gives way to a quiet "No sound".
    available: bool

    def set_enabled(self, enabled: bool) -> None: ...


#: Up to this many stops zig-zag in two rows; more wind in rows of ``ROW_STOPS``.
ZIGZAG_MOST = 9
ROW_STOPS = 5
#: Where stops and their names may go: below the top buttons, above Go! and the word book.
STOP_AREA = pygame.Rect(40, LANGUAGE.bottom + 10, 1200, GO.y - LANGUAGE.bottom - 20)
#: Room under a stop for its name.
NAME_ROOM = 44


def stop_places(count: int) -> list[tuple[float, float]]:
    """Stops zig-zag in two rows across the map, like a path on a board game; a long journey
    winds to and fro in rows of five (or more, past 20), each stop inside ``STOP_AREA`` with
    room for its name, none touching another."""
    if count <= ZIGZAG_MOST:
        return [
            (130 + i * (1020 / max(1, count - 1)), 240 if i % 2 == 0 else 460) for i in range(count)
        ]
    per_row = max(ROW_STOPS, math.ceil(count / 4))
    rows = math.ceil(count / per_row)
    radius = stop_radius(count)
    step_x = (STOP_AREA.width - 2 * radius) / (per_row - 1)
    step_y = STOP_AREA.height / rows
    places = []
    for i in range(count):
        row, column = divmod(i, per_row)
        if row % 2:  # back the other way, like a snake
            column = per_row - 1 - column
        x = STOP_AREA.x + radius + column * step_x
        y = STOP_AREA.y + row * step_y + (step_y - NAME_ROOM) / 2
        places.append((x, y))
    return places


def stop_radius(count: int) -> float:
    """How big the stops are: ``STOP_RADIUS`` in the usual two rows, smaller in more."""
    if count <= ZIGZAG_MOST:
        return STOP_RADIUS
    per_row = max(ROW_STOPS, math.ceil(count / 4))
    rows = math.ceil(count / per_row)
    across = STOP_AREA.width / per_row / 2 - 8
    down = (STOP_AREA.height / rows - NAME_ROOM) / 2 - 4
    return max(16.0, min(STOP_RADIUS, across, down))


class JourneyMap:
    """``outcome`` becomes 'go' when the child taps Go (or the glowing stop, the "Next" box, or
    Enter)."""

    def __init__(
        self,
        chapters: list[Scene],
        target: str,
        played: list[str],
        strings: Strings,
        voice: Switch | None = None,
        child: str = "",
        colour: str = DEFAULT_COLOUR,
    ) -> None:
        """``voice`` is what the voice button turns on and off (no button without one);
        ``child`` is the child's name, if the grown-up typed one; ``colour`` their T cell's,
        which the stops that show it are painted in (with its CARs from the lab on)."""
        self.strings = strings
        self.child = child
        self.colour = colour
        self.from_lab = from_the_lab(chapters)
        self.voice = voice
        self.chapters = chapters
        self.target = target
        self.played = set(played)
        self.places = stop_places(len(chapters))
        self.radius = stop_radius(len(chapters))
        #: How wide a stop's name may be: no wider than the room between stops in a row.
        self.name_width = 240 if len(chapters) <= ZIGZAG_MOST else self._row_step() - 16
        self.outcome: str | None = None
        self.clock = 0.0
        #: The answer to the last tap on a stop that cannot be played yet, while it shows.
        self.hint: Hint | None = None
        #: What the map says: its title and where the child goes next; after a tap on a stop
        #: that cannot be played yet, the hint in its bubble.
        self.said = ("ui.map.title", f"{chapters[self.index].id}.title")

    def _row_step(self) -> int:
        """How far apart two stops side by side in a row are (a long journey)."""
        xs = sorted({round(x) for x, _ in self.places})
        return min((b - a for a, b in itertools.pairwise(xs)), default=240)

    @property
    def index(self) -> int:
        return next(i for i, s in enumerate(self.chapters) if s.id == self.target)

    def state(self, stop: int) -> State:
        """'next' for the glowing stop, the only one a tap plays; 'played' for one with a star;
        'later' for one still to come (or passed by from the grown-up's panel)."""
        if stop == self.index:
            return "next"
        return "played" if self.chapters[stop].id in self.played else "later"

    def stop_at(self, x: float, y: float) -> int | None:
        """The stop under a finger, if any."""
        for i, (sx, sy) in enumerate(self.places):
            if math.hypot(x - sx, y - sy) <= self.radius:
                return i
        return None

    def buttons(self) -> list[widgets.Button]:
        get = self.strings.get
        found = [
            widgets.Button("go", get("ui.go"), GO, art.GREEN_DARK),
            widgets.Button("book", get("ui.book.open"), BOOK),
            language_button(self.strings, LANGUAGE),
            widgets.Button("band", get(f"ui.band.{self.strings.band}"), BAND, art.INK),
        ]
        if self.voice is not None and self.voice.available:
            state = "on" if self.voice.enabled else "off"
            found.append(widgets.Button("voice", get(f"ui.voice.{state}"), VOICE, art.INK))
        return found

    def handle(self, intent: intents.Intent) -> None:
        if isinstance(intent, intents.Advance):
            self.outcome = "go"
        elif isinstance(intent, intents.PointerDown):
            stop = self.stop_at(intent.x, intent.y)
            if stop == self.index or NEXT.collidepoint(intent.x, intent.y):
                self.outcome = "go"
            elif stop is not None:
                played = self.state(stop) == "played"
                words = "ui.map.played" if played else "ui.map.first"
                self.hint = Hint(stop, words, self.clock)
                self.said = (words, f"{self.chapters[self.index].id}.title")
            for button in self.buttons():
                if button.hit(intent.x, intent.y):
                    self._press(button.name)

    def _press(self, name: str) -> None:
        if name in ("go", "book"):
            self.outcome = name
        elif name == "language":
            self.strings.next_language()
        elif name == "band":
            self.strings.set_band(BANDS[(BANDS.index(self.strings.band) + 1) % len(BANDS)])
        elif name == "voice" and self.voice is not None:
            self.voice.set_enabled(not self.voice.enabled)

    def spots(self) -> list[Spot]:
        return [b.spot for b in self.buttons()]

    def relabel(self) -> None:
        """Nothing to redo: every word is looked up as it is drawn."""

    def prompt_ids(self) -> tuple[str, ...]:
        return self.said

    def update(self, dt: float) -> None:
        self.clock += dt
        if self.hint is not None and self.clock - self.hint.at >= HINT_SECONDS:
            self.hint = None

    def pace(self) -> int:
        """Only the glow round the next stop moves, and a tapped stop while it wiggles."""
        wiggling = self.hint is not None and self.clock - self.hint.at < WIGGLE_SECONDS
        if wiggling and not theme.look().reduced_motion:
            return pace.MOVING
        return pace.pulsing()

    def moving_area(self) -> tuple[tuple[int, int, int, int], tuple] | None:
        """What moves on its own: the glow round the next stop (its largest box), and the
        state everything else is drawn from. None while a hint shows (a wiggle, a bubble) or
        nothing moves (reduced motion). The loop then draws and sends only that box (see
        game.app.redraw.part)."""
        if self.hint is not None or theme.look().reduced_motion:
            return None
        x, y = self.places[self.index]
        reach = math.ceil(self.radius + self.radius / STOP_RADIUS * 17) + 3
        area = (math.floor(x) - reach, math.floor(y) - reach, 2 * reach + 2, 2 * reach + 2)
        voice = None if self.voice is None else (self.voice.enabled, self.voice.available)
        state = (self.strings.language, self.strings.band, self.strings.role, voice, theme.look())
        return area, state

    def bot_gestures(self, bot, dt: float) -> list[Gesture]:
        if self.clock < 1.0:
            return []
        x, y = GO.center
        return [Press(x, y), Release(x, y)]

    def draw(self, canvas: pygame.Surface) -> None:
        """The whole map; with a clip set on ``canvas`` (the loop drawing only the glow), what
        lies wholly outside it is skipped, so only that part costs anything."""
        clip = canvas.get_clip()
        canvas.fill(GROUND)
        if clip.colliderect(TITLE):
            words = (
                self.strings.get("ui.map.title.named", child=self.child)
                if self.child
                else self.strings.get("ui.map.title")
            )
            title = widgets.fitted(words, 48, LANGUAGE.x - 60)
            canvas.blit(title, title.get_rect(midleft=(40, LANGUAGE.centery + 4)))
        if len(self.places) > 1:  # a journey of one chapter has no path
            pygame.draw.lines(canvas, (214, 200, 170), False, self.places, 26)
            pygame.draw.lines(canvas, (246, 236, 210), False, self.places, 16)
        for i, (scene, (x, y)) in enumerate(zip(self.chapters, self.places, strict=True)):
            if clip.colliderect(self._stop_box(i)):
                self._stop(canvas, i, scene, x, y)
        for button in self.buttons():
            if clip.colliderect(button.rect.inflate(40, 40)):  # with its shadow
                button.draw(canvas)
        if self.voice is not None and not self.voice.available and clip.colliderect(VOICE):
            quiet = widgets.fitted(self.strings.get("ui.voice.none"), 34, VOICE.width)
            canvas.blit(quiet, quiet.get_rect(center=VOICE.center))
        if clip.colliderect(NEXT.inflate(40, 40)):
            chapter = self.strings.get(f"{self.chapters[self.index].id}.title")
            label = widgets.fitted(
                self.strings.get("ui.map.next", chapter=chapter), 40, NEXT.width - 40
            )
            widgets.panel(canvas, NEXT, edge=art.GREEN_DARK, radius=28)  # Go!'s colour too
            canvas.blit(label, label.get_rect(center=NEXT.center))
        if self.hint is not None:
            self._hint(canvas, self.hint)

    def _stop_box(self, i: int) -> pygame.Rect:
        """All a stop may draw on: its largest glow, its wiggle, its name below (generously)."""
        x, y = self.places[i]
        k = self.radius / STOP_RADIUS
        reach = self.radius + k * 27 + 12
        half = max(reach, self.name_width / 2 + 4)
        top = y - reach
        return pygame.Rect(x - half, top, 2 * half, y + self.radius + k * NAME_BELOW + 80 - top)

    def _stop(self, canvas: pygame.Surface, i: int, scene: Scene, x: float, y: float) -> None:
        """Played: a star and a solid edge. Next: the go colour and a glow. Later: faded, with a
        dotted edge and no shadow. Never told apart by colour alone."""
        state = self.state(i)
        look = theme.look()
        r = self.radius
        k = r / STOP_RADIUS  # smaller stops on a long journey: everything on them too
        hint = self.hint
        if hint is not None and hint.stop == i:  # a little shake of the head: not yet
            since = self.clock - hint.at
            if since < WIGGLE_SECONDS:
                x += 9 * theme.pulse(since, 3.0) * (1 - since / WIGGLE_SECONDS)
        # The name's plate first (it hides the path under the name), so the glow goes over it.
        name = widgets.fitted(self.strings.get(f"{scene.id}.title"), 26, self.name_width)
        where = name.get_rect(midtop=(round(x), round(y + r + NAME_BELOW * k)))
        pygame.draw.rect(canvas, GROUND, where.inflate(14, 2), border_radius=12)
        if state == "next":
            glow = r + k * (12 + 5 * theme.pulse(self.clock, 0.64))
            if hint is not None:  # "here!": bigger and livelier while the hint shows
                glow = r + k * (20 + 7 * theme.pulse(self.clock - hint.at, 1.5))
            pygame.draw.circle(canvas, art.YELLOW, (x, y), glow)
        edge = {"played": art.ORANGE, "next": art.GREEN_DARK, "later": LATER_EDGE}[state]
        if look.high_contrast:
            edge = look.ink
        if state == "later":
            pygame.draw.circle(canvas, art.PAPER, (x, y), r)
            _dotted_ring(canvas, edge, (x, y), r - 3)
        else:
            pygame.draw.circle(canvas, widgets.SHADOW_COLOUR, (x, y + widgets.SHADOW), r)
            pygame.draw.circle(canvas, edge, (x, y), r)
            pygame.draw.circle(canvas, art.PAPER, (x, y), r - 7)
        car = wears_car(self.from_lab, (), scene.id)
        icon = pictures.picture(scene.icon or "star", round(108 * k), self.colour, car=car)
        if state == "later":
            icon = _faded(icon)
        canvas.blit(icon, icon.get_rect(center=(round(x), round(y))))
        number = text.render(str(i + 1), text.font(max(18, round(30 * k)), "bold"), art.INK)
        badge = (round(x - r * 0.75), round(y - r * 0.75))
        pygame.draw.circle(canvas, art.PAPER, badge, max(14, round(22 * k)))
        if state == "later":
            _dotted_ring(canvas, edge, badge, max(12, round(20 * k)), dots=12)
        else:
            pygame.draw.circle(canvas, edge, badge, max(14, round(22 * k)), 4)
        canvas.blit(number, number.get_rect(center=badge))
        if scene.id in self.played:
            star = art.star_icon(max(24, round(44 * k)), True)
            canvas.blit(star, star.get_rect(center=(round(x + r * 0.75), round(y - r * 0.75))))
        canvas.blit(name, where)

    def _hint(self, canvas: pygame.Surface, hint: Hint) -> None:
        """A speech bubble over the glowing stop, its tail pointing down at it."""
        x, y = self.places[self.index]
        words = widgets.fitted(self.strings.get(hint.words), 30, 560)
        bubble = words.get_rect().inflate(40, 18)
        bubble.midbottom = (round(x), round(y - self.radius - 24))  # under the top buttons
        bubble.clamp_ip(canvas.get_rect().inflate(-20, -20))
        tip = (round(x), round(y - self.radius - 8))
        look = theme.look()
        fill, edge = look.box_fill, (look.ink if look.high_contrast else art.GREEN_DARK)
        base = min(max(tip[0], bubble.x + 30), bubble.right - 30)
        tail = [(base - 16, bubble.bottom - 4), (base + 16, bubble.bottom - 4), tip]
        pygame.draw.polygon(canvas, edge, tail)
        widgets.panel(canvas, bubble, edge=edge, radius=bubble.height // 2)
        bottom = bubble.bottom - 6
        inner = [(base - 10, bottom), (base + 10, bottom), (tip[0], tip[1] - 9)]
        pygame.draw.polygon(canvas, fill, inner)
        canvas.blit(words, words.get_rect(center=bubble.center))


def _dotted_ring(
    canvas: pygame.Surface,
    colour: tuple[int, int, int],
    centre: tuple[float, float],
    radius: float,
    dots: int = LATER_DOTS,
) -> None:
    """A circle of dots: the edge of a stop still to come (painted once for each look)."""
    ring = _ring_of_dots(colour, round(radius), dots)
    canvas.blit(ring, ring.get_rect(center=(round(centre[0]), round(centre[1]))))


@lru_cache(maxsize=16)
def _ring_of_dots(colour: tuple[int, int, int], radius: int, dots: int) -> pygame.Surface:
    size = 2 * radius + 12
    ring = pygame.Surface((size, size), pygame.SRCALPHA)
    middle = size / 2
    for k in range(dots):
        angle = k * math.tau / dots
        dot = (middle + math.cos(angle) * radius, middle + math.sin(angle) * radius)
        pygame.draw.circle(ring, colour, dot, 4)
    return ring


@lru_cache(maxsize=32)
def _faded(picture: pygame.Surface) -> pygame.Surface:
    """A stop's picture, faded: a stop still to come (made once for each picture)."""
    faint = picture.copy()
    faint.set_alpha(LATER_ALPHA)
    return faint
