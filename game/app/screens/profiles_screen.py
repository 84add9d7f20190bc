"""'Who is playing?': each child finds their own T cell (its colour and its name) and taps it.
A new child is three taps: 'New', a colour, then who is getting CAR T cells: 'Me!' or 'My
brother or sister' (two big pictures), so a sibling hears about their brother's or sister's
body, not their own. Their T cell gets a name no one else's has. When the app asks it
(``ask_age``), a fourth: "How old are you?", the ages 4 to 12 as big numbers, each with as
many dots to count, which sets their age band (or 'Skip', for the usual one); a grown-up can
change it in their panel.

Each child's tile shows their T cell in its colour, its name's picture as a badge (sun, dino,
moon or zap: up to four children with one colour each have their own), and the child's own
name big and clear when the grown-up typed one, so a child who cannot read yet finds their
tile by colour and picture, and one who can finds it by name."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pygame

from game.app import pace
from game.app.platform import intents
from game.app.ui import art, labels, pictures, widgets
from game.profile.profile import Profile
from game.script.model import Option
from game.script.session import wears_car
from game.script.strings import BAND_AGES, BANDS, DEFAULT_ROLE, ROLES, Strings, band_for_age
from game.world.gestures import Gesture, Press, Release
from game.world.spots import Spot

TILE_W, TILE_H, GAP = 270, 250, 28
PER_PAGE = 8  # tiles a page: 'New' and up to seven children
TOP = 150
MORE = pygame.Rect(1080, 680, 180, 90)
BACK = pygame.Rect(40, 680, 220, 90)
ROLE_W, ROLE_H, ROLE_GAP, ROLE_TOP = 540, 430, 50, 160
#: "How old are you?": the ages in three rows, one row an age band (4 5 6, 7 8 9, 10 11 12).
AGE_W, AGE_H, AGE_GAP, AGE_TOP = 290, 150, 24, 146
AGES = tuple(age for band in BANDS for age in BAND_AGES[band])
SKIP = pygame.Rect(1020, 680, 220, 90)
#: A child's tile: the badge with their T cell name's picture, and room for their typed name.
BADGE, TYPED_HEIGHT = 76, 60
#: On a child's tile the T cell stands a little left of the middle, and its badge to its right,
#: level with it: between the CARs that point right-up and right-down, never over one.
CELL_LEFT, BADGE_RIGHT, CELL_TOP = 16, 88, 92


def age_rect(index: int) -> pygame.Rect:
    """The tile of ``AGES[index]``: three to a row, the rows one under another."""
    row, col = divmod(index, 3)
    left = (1280 - 3 * AGE_W - 2 * AGE_GAP) // 2
    return pygame.Rect(
        left + col * (AGE_W + AGE_GAP), AGE_TOP + row * (AGE_H + AGE_GAP), AGE_W, AGE_H
    )


def role_rect(index: int) -> pygame.Rect:
    left = (1280 - 2 * ROLE_W - ROLE_GAP) // 2
    return pygame.Rect(left + index * (ROLE_W + ROLE_GAP), ROLE_TOP, ROLE_W, ROLE_H)


@dataclass(frozen=True)
class Tile:
    name: str  # 'new', 'profile:<id>', 'colour:<option id>', 'role:<role>' or 'age:<years>'
    rect: pygame.Rect
    colour: str
    label: str
    car: bool = False  # the child's T cell wears its CARs (they have been to the lab)
    typed: str = ""  # the child's name as the grown-up typed it ('' when none)
    badge: str | None = None  # the picture of the T cell's name (sun, dino, moon, zap)


def tile_rect(index: int, count: int = 4) -> pygame.Rect:
    """Tile ``index`` of ``count``: rows of four, a shorter row balanced (five colours are three
    and two, not four and one) and centred."""
    rows = -(-count // 4)
    per_row = -(-count // rows)
    row, col = divmod(index, per_row)
    in_row = min(per_row, count - row * per_row)
    left = (1280 - in_row * TILE_W - (in_row - 1) * GAP) // 2
    return pygame.Rect(left + col * (TILE_W + GAP), TOP + row * (TILE_H + GAP), TILE_W, TILE_H)


class ProfilesScreen:
    """``chosen`` becomes the tapped profile's id; ``new_colour`` the option id of the colour
    picked for a new child, ``new_role`` who is playing and, when ``ask_age``, ``new_band``
    the age band of the age they tapped (None: skipped; the app makes the profile). ``role``
    is the one the demo's bot picks (a new child's default); the bot skips the age."""

    def __init__(
        self,
        profiles: list[Profile],
        colours: list[Option],
        names: list[Option],
        strings: Strings,
        role: str = DEFAULT_ROLE,
        from_lab: tuple[str, ...] = (),
        ask_age: bool = False,
    ) -> None:
        """``from_lab``: the journey's chapters from the lab on (see session.from_the_lab), so
        a child who has been there finds their T cell with its CARs; ``ask_age``: a new child
        is asked how old they are, after who is playing."""
        self.profiles = profiles
        self.from_lab = from_lab
        self.colours = colours
        self.names = {o.id: o for o in names}
        self.strings = strings
        self.picking_colour = not profiles
        self.picking_role = False
        self.ask_age = ask_age
        self.picking_age = False
        self.role = role
        self.page = 0
        self.chosen: str | None = None
        self.new_colour: str | None = None
        self.new_role: str | None = None
        self.new_band: str | None = None
        self.outcome: str | None = None
        if self.picking_colour:
            self.press("new")
        self.clock = 0.0

    def tiles(self) -> list[Tile]:
        get = self.strings.get
        if self.picking_age:
            colour = self._new_colour()
            return [Tile(f"age:{age}", age_rect(i), colour, str(age)) for i, age in enumerate(AGES)]
        if self.picking_role:
            return [
                Tile(f"role:{role}", role_rect(i), "", get(f"ui.profiles.role.{role}"))
                for i, role in enumerate(ROLES)
            ]
        if self.picking_colour:
            colours = self.colours[:PER_PAGE]
            return [
                Tile(f"colour:{o.id}", tile_rect(i, len(colours)), o.colour or "sky", get(o.id))
                for i, o in enumerate(colours)
            ]
        shown = self.profiles[self.page * (PER_PAGE - 1) : (self.page + 1) * (PER_PAGE - 1)]
        count = 1 + len(shown)
        found = [Tile("new", tile_rect(0, count), "", get("ui.profiles.new"))]
        for i, profile in enumerate(shown, start=1):
            found.append(
                Tile(
                    f"profile:{profile.id}",
                    tile_rect(i, count),
                    self._colour(profile),
                    self._name(profile),
                    wears_car(self.from_lab, profile.played),
                    profile.child_name,
                    self._badge(profile),
                )
            )
        return found

    def _new_colour(self) -> str:
        """The colour a new child just picked (the dots they count are their T cell's)."""
        option = next((o for o in self.colours if o.id == self.new_colour), None)
        return option.colour if option is not None and option.colour else "sky"

    def _colour(self, profile: Profile) -> str:
        option = next((o for o in self.colours if o.id == profile.picked.get("colour")), None)
        return option.colour if option is not None and option.colour else "sky"

    def _badge(self, profile: Profile) -> str | None:
        option = self.names.get(profile.picked.get("name", ""))
        return option.picture if option is not None else None

    def _name(self, profile: Profile) -> str:
        name_id = profile.picked.get("name")
        return self.strings.get(name_id) if name_id in self.names else "?"

    def buttons(self) -> list[widgets.Button]:
        get = self.strings.get
        if self.picking_age:
            return [
                widgets.Button("back", get("ui.profiles.back"), BACK, art.INK),
                widgets.Button("skip", get("ui.profiles.age.skip"), SKIP, art.INK),
            ]
        if self.picking_role:
            return [widgets.Button("back", get("ui.profiles.back"), BACK, art.INK)]
        if self.picking_colour:
            if not self.profiles:
                return []
            return [widgets.Button("back", get("ui.profiles.back"), BACK, art.INK)]
        if len(self.profiles) > PER_PAGE - 1:
            return [widgets.Button("more", get("ui.profiles.more"), MORE, art.INK)]
        return []

    def spots(self) -> list[Spot]:
        found = [
            Spot(t.rect.centerx, t.rect.centery, 0, t.name, w=t.rect.width, h=t.rect.height)
            for t in self.tiles()
        ]
        return found + [b.spot for b in self.buttons()]

    def handle(self, intent: intents.Intent) -> None:
        if not isinstance(intent, intents.PointerDown):
            return
        for button in self.buttons():
            if button.hit(intent.x, intent.y):
                self.press(button.name)
                return
        for tile in self.tiles():
            if tile.rect.collidepoint(intent.x, intent.y):
                self.press(tile.name)
                return

    def press(self, name: str) -> None:
        if self.picking_age:
            self._press_age(name)
        elif name == "new" and not self.colours:  # no colour to pick: straight to who is playing
            self.picking_colour, self.picking_role, self.new_colour = True, True, ""
        elif name == "new":
            self.picking_colour = True
        elif name == "back" and self.picking_role and not self.colours:
            if self.profiles:  # back to the children (with none, there is nowhere to go)
                self.picking_role, self.picking_colour, self.new_colour = False, False, None
        elif name == "back" and self.picking_role:
            self.picking_role, self.new_colour = False, None
        elif name == "back":
            self.picking_colour = False
        elif name == "more":
            pages = -(-len(self.profiles) // (PER_PAGE - 1))
            self.page = (self.page + 1) % pages
        elif name.startswith("colour:"):
            self.new_colour = name.removeprefix("colour:")
            self.picking_role = True
        elif name.startswith("role:") and self.new_colour is not None:
            self.new_role = name.removeprefix("role:")
            if self.ask_age:
                self.picking_age = True
            else:
                self.outcome = "new"
        elif name.startswith("profile:"):
            self.chosen = name.removeprefix("profile:")
            self.outcome = "chosen"

    def _press_age(self, name: str) -> None:
        """'How old are you?': an age sets the band, 'Skip' keeps the usual one, 'Back' goes
        back to who is playing."""
        if name == "back":
            self.picking_age, self.new_role = False, None
        elif name == "skip":
            self.new_band, self.outcome = None, "new"
        elif name.startswith("age:"):
            self.new_band, self.outcome = band_for_age(int(name.removeprefix("age:"))), "new"

    def update(self, dt: float) -> None:
        self.clock += dt

    def prompt_ids(self) -> tuple[str, ...]:
        """Said when the page opens: its question, and who may answer the role question."""
        if self.picking_age:
            return ("ui.profiles.how_old",)
        if self.picking_role:
            return ("ui.profiles.who_gets", *(f"ui.profiles.role.{role}" for role in ROLES))
        if self.picking_colour:
            return ("ui.profiles.pick_colour",)
        return ("ui.profiles.title",)

    def relabel(self) -> None:
        """Every word is looked up as it is drawn."""

    def pace(self) -> int:
        """Nothing moves here."""
        return pace.RESTING

    def bot_gestures(self, bot, dt: float) -> list[Gesture]:
        """The demo is a new child: 'New', the first colour, then the role it was given, and
        it skips the age (so it plays in the band it was given)."""
        if self.clock < 0.5:
            return []
        self.clock = 0.0
        if self.picking_age:
            x, y = SKIP.center
            return [Press(x, y), Release(x, y)]
        tiles = self.tiles()
        x, y = next((t for t in tiles if t.name == f"role:{self.role}"), tiles[0]).rect.center
        return [Press(x, y), Release(x, y)]

    def draw(self, canvas: pygame.Surface) -> None:
        canvas.fill((238, 246, 240))
        heading = "ui.profiles.title"
        if self.picking_age:
            heading = "ui.profiles.how_old"
        elif self.picking_role:
            heading = "ui.profiles.who_gets"
        elif self.picking_colour:
            heading = "ui.profiles.pick_colour"
        title = widgets.fitted(self.strings.get(heading), 56, 1200)
        canvas.blit(title, title.get_rect(center=(640, 76)))
        for tile in self.tiles():
            widgets.panel(canvas, tile.rect, radius=30)
            if tile.name == "new":
                self._plus(canvas, tile.rect)
            elif tile.name.startswith("role:"):
                picture = pictures.picture(tile.name.removeprefix("role:"), 300)
                canvas.blit(picture, picture.get_rect(midtop=(tile.rect.centerx, tile.rect.y + 24)))
            elif tile.name.startswith("profile:"):
                self._child(canvas, tile)
                continue
            elif tile.name.startswith("age:"):
                self._age(canvas, tile)
                continue
            else:
                radius = 58 if tile.car else 70  # room for its CARs above the name
                sprite = art.cell_sprite("t_cell", radius, False, tile.car, tile.colour)
                canvas.blit(sprite, sprite.get_rect(center=(tile.rect.centerx, tile.rect.y + 105)))
            size, below = (44, 56) if tile.name.startswith("role:") else (36, 36)
            label = widgets.fitted(tile.label, size, tile.rect.width - 24)
            canvas.blit(label, label.get_rect(center=(tile.rect.centerx, tile.rect.bottom - below)))
        for button in self.buttons():
            button.draw(canvas)

    def _child(self, canvas: pygame.Surface, tile: Tile) -> None:
        """A child's tile: their T cell with its name's picture as a badge, then their typed
        name big (when there is one) over the T cell's name."""
        rect = tile.rect
        radius = 50 if tile.car else 60  # room for its CARs above the names
        sprite = art.cell_sprite("t_cell", radius, False, tile.car, tile.colour)
        middle = rect.y + CELL_TOP
        canvas.blit(sprite, sprite.get_rect(center=(rect.centerx - CELL_LEFT, middle)))
        if tile.badge is not None:
            ring = pygame.Rect(0, 0, BADGE, BADGE)
            ring.center = (rect.centerx + BADGE_RIGHT, middle)
            widgets.panel(canvas, ring, radius=BADGE // 2)
            badge = pictures.picture(tile.badge, BADGE - 12)
            canvas.blit(badge, badge.get_rect(center=ring.center))
        width = rect.width - 24
        if not tile.typed:
            label = widgets.fitted(tile.label, 36, width)
            canvas.blit(label, label.get_rect(center=(rect.centerx, rect.bottom - 36)))
            return
        typed = labels.label(tile.typed, 44, width, TYPED_HEIGHT, most_lines=1)
        canvas.blit(typed, typed.get_rect(center=(rect.centerx, rect.bottom - 62)))
        label = widgets.fitted(tile.label, 26, width)
        canvas.blit(label, label.get_rect(center=(rect.centerx, rect.bottom - 20)))

    def _age(self, canvas: pygame.Surface, tile: Tile) -> None:
        """An age: the number big, and beside it as many dots, in the child's T cell colour,
        in rows of up to four, for a child who counts rather than reads."""
        rect = tile.rect
        number = widgets.fitted(tile.label, 84, 120)
        canvas.blit(number, number.get_rect(center=(rect.x + 76, rect.centery)))
        age = int(tile.label)
        dot = _dot(tile.colour)
        step = 30
        top = rect.centery - (-(-age // 4) - 1) * step / 2
        for i in range(age):
            row, col = divmod(i, 4)
            in_row = min(4, age - row * 4)
            x = rect.x + 204 - (in_row - 1) * step / 2 + col * step
            canvas.blit(dot, dot.get_rect(center=(round(x), round(top + row * step))))

    def _plus(self, canvas: pygame.Surface, rect: pygame.Rect) -> None:
        centre = (rect.centerx, rect.y + 105)
        pygame.draw.circle(canvas, art.GREEN_DARK, centre, 66)
        for size in ((90, 20), (20, 90)):
            bar = pygame.Rect((0, 0), size)
            bar.center = centre
            pygame.draw.rect(canvas, (255, 255, 255), bar, border_radius=8)


@cache
def _dot(colour: str) -> pygame.Surface:
    """One dot to count, in the T cell colour ``colour``, painted once with smooth edges."""
    body, edge = art.hero_colours(colour)

    def paint(surface: pygame.Surface, unit: float) -> None:
        c = 12 * unit
        pygame.draw.circle(surface, edge, (c, c), 11 * unit)
        pygame.draw.circle(surface, body, (c, c), 8 * unit)

    return art.painted((24, 24), paint)
