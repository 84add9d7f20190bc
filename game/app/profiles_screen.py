"""'Who is playing?': each child finds their own T cell (its colour and its name) and taps it.
A new child is three taps: 'New', a colour, then who is getting CAR T cells: 'Me!' or 'My
brother or sister' (two big pictures), so a sibling hears about their brother's or sister's
body, not their own. Their T cell gets a name no one else's has.

Children's typed names are not shown here, so one child does not see another's name."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.app import art, intents, pace, pictures, widgets
from game.profile.profile import Profile
from game.script.model import Option
from game.script.session import wears_car
from game.script.strings import DEFAULT_ROLE, ROLES, Strings
from game.world.gestures import Gesture, Press, Release
from game.world.spots import Spot

TILE_W, TILE_H, GAP = 270, 250, 28
PER_PAGE = 8  # tiles a page: 'New' and up to seven children
TOP = 150
MORE = pygame.Rect(1080, 680, 180, 90)
BACK = pygame.Rect(40, 680, 220, 90)
ROLE_W, ROLE_H, ROLE_GAP, ROLE_TOP = 540, 430, 50, 160


def role_rect(index: int) -> pygame.Rect:
    left = (1280 - 2 * ROLE_W - ROLE_GAP) // 2
    return pygame.Rect(left + index * (ROLE_W + ROLE_GAP), ROLE_TOP, ROLE_W, ROLE_H)


@dataclass(frozen=True)
class Tile:
    name: str  # 'new', 'profile:<id>', 'colour:<option id>' or 'role:<role>'
    rect: pygame.Rect
    colour: str
    label: str
    car: bool = False  # the child's T cell wears its CARs (they have been to the lab)


def tile_rect(index: int) -> pygame.Rect:
    row, col = divmod(index, 4)
    left = (1280 - 4 * TILE_W - 3 * GAP) // 2
    return pygame.Rect(left + col * (TILE_W + GAP), TOP + row * (TILE_H + GAP), TILE_W, TILE_H)


class ProfilesScreen:
    """``chosen`` becomes the tapped profile's id; ``new_colour`` the option id of the colour
    picked for a new child and ``new_role`` who is playing (the app makes the profile).
    ``role`` is the one the demo's bot picks (a new child's default)."""

    def __init__(
        self,
        profiles: list[Profile],
        colours: list[Option],
        names: list[Option],
        strings: Strings,
        role: str = DEFAULT_ROLE,
        from_lab: tuple[str, ...] = (),
    ) -> None:
        """``from_lab``: the journey's chapters from the lab on (see session.from_the_lab), so
        a child who has been there finds their T cell with its CARs."""
        self.profiles = profiles
        self.from_lab = from_lab
        self.colours = colours
        self.names = {o.id: o for o in names}
        self.strings = strings
        self.picking_colour = not profiles
        self.picking_role = False
        self.role = role
        self.page = 0
        self.chosen: str | None = None
        self.new_colour: str | None = None
        self.new_role: str | None = None
        self.outcome: str | None = None
        self.clock = 0.0

    def tiles(self) -> list[Tile]:
        get = self.strings.get
        if self.picking_role:
            return [
                Tile(f"role:{role}", role_rect(i), "", get(f"ui.profiles.role.{role}"))
                for i, role in enumerate(ROLES)
            ]
        if self.picking_colour:
            return [
                Tile(f"colour:{o.id}", tile_rect(i), o.colour or "sky", get(o.id))
                for i, o in enumerate(self.colours[:PER_PAGE])
            ]
        shown = self.profiles[self.page * (PER_PAGE - 1) : (self.page + 1) * (PER_PAGE - 1)]
        found = [Tile("new", tile_rect(0), "", get("ui.profiles.new"))]
        for i, profile in enumerate(shown, start=1):
            found.append(
                Tile(
                    f"profile:{profile.id}",
                    tile_rect(i),
                    self._colour(profile),
                    self._name(profile),
                    wears_car(self.from_lab, profile.played),
                )
            )
        return found

    def _colour(self, profile: Profile) -> str:
        option = next((o for o in self.colours if o.id == profile.picked.get("colour")), None)
        return option.colour if option is not None and option.colour else "sky"

    def _name(self, profile: Profile) -> str:
        name_id = profile.picked.get("name")
        return self.strings.get(name_id) if name_id in self.names else "?"

    def buttons(self) -> list[widgets.Button]:
        get = self.strings.get
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
        if name == "new":
            self.picking_colour = True
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
            self.outcome = "new"
        elif name.startswith("profile:"):
            self.chosen = name.removeprefix("profile:")
            self.outcome = "chosen"

    def update(self, dt: float) -> None:
        self.clock += dt

    def relabel(self) -> None:
        """Every word is looked up as it is drawn."""

    def pace(self) -> int:
        """Nothing moves here."""
        return pace.RESTING

    def bot_gestures(self, bot, dt: float) -> list[Gesture]:
        """The demo is a new child: 'New', the first colour, then the role it was given."""
        if self.clock < 0.5:
            return []
        self.clock = 0.0
        tiles = self.tiles()
        x, y = next((t for t in tiles if t.name == f"role:{self.role}"), tiles[0]).rect.center
        return [Press(x, y), Release(x, y)]

    def draw(self, canvas: pygame.Surface) -> None:
        canvas.fill((238, 246, 240))
        heading = "ui.profiles.title"
        if self.picking_role:
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
            else:
                radius = 58 if tile.car else 70  # room for its CARs above the name
                sprite = art.cell_sprite("t_cell", radius, False, tile.car, tile.colour)
                canvas.blit(sprite, sprite.get_rect(center=(tile.rect.centerx, tile.rect.y + 105)))
            size, below = (44, 56) if tile.name.startswith("role:") else (36, 36)
            label = widgets.fitted(tile.label, size, tile.rect.width - 24)
            canvas.blit(label, label.get_rect(center=(tile.rect.centerx, tile.rect.bottom - below)))
        for button in self.buttons():
            button.draw(canvas)

    def _plus(self, canvas: pygame.Surface, rect: pygame.Rect) -> None:
        centre = (rect.centerx, rect.y + 105)
        pygame.draw.circle(canvas, art.GREEN_DARK, centre, 66)
        for size in ((90, 20), (20, 90)):
            bar = pygame.Rect((0, 0), size)
            bar.center = centre
            pygame.draw.rect(canvas, (255, 255, 255), bar, border_radius=8)
