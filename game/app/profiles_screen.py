"""'Who is playing?': each child finds their own T cell (its colour and its name) and taps it.
A new child is two taps: 'New', then a colour; their T cell gets a name no one else's has.

Children's typed names are not shown here, so one child does not see another's name."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.app import art, intents, pace, widgets
from game.profile.profile import Profile
from game.script.model import Option
from game.script.strings import Strings
from game.world.gestures import Gesture, Press, Release
from game.world.spots import Spot

TILE_W, TILE_H, GAP = 270, 250, 28
PER_PAGE = 8  # tiles a page: 'New' and up to seven children
TOP = 150
MORE = pygame.Rect(1080, 680, 180, 90)
BACK = pygame.Rect(40, 680, 220, 90)


@dataclass(frozen=True)
class Tile:
    name: str  # 'new', 'profile:<id>' or 'colour:<option id>'
    rect: pygame.Rect
    colour: str
    label: str


def tile_rect(index: int) -> pygame.Rect:
    row, col = divmod(index, 4)
    left = (1280 - 4 * TILE_W - 3 * GAP) // 2
    return pygame.Rect(left + col * (TILE_W + GAP), TOP + row * (TILE_H + GAP), TILE_W, TILE_H)


class ProfilesScreen:
    """``chosen`` becomes the tapped profile's id; ``new_colour`` the option id of the colour
    picked for a new child (the app makes the profile)."""

    def __init__(
        self,
        profiles: list[Profile],
        colours: list[Option],
        names: list[Option],
        strings: Strings,
    ) -> None:
        self.profiles = profiles
        self.colours = colours
        self.names = {o.id: o for o in names}
        self.strings = strings
        self.picking_colour = not profiles
        self.page = 0
        self.chosen: str | None = None
        self.new_colour: str | None = None
        self.outcome: str | None = None
        self.clock = 0.0

    def tiles(self) -> list[Tile]:
        get = self.strings.get
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
        elif name == "back":
            self.picking_colour = False
        elif name == "more":
            pages = -(-len(self.profiles) // (PER_PAGE - 1))
            self.page = (self.page + 1) % pages
        elif name.startswith("colour:"):
            self.new_colour = name.removeprefix("colour:")
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
        """The demo is a new child: 'New', then the first colour."""
        if self.clock < 0.5:
            return []
        self.clock = 0.0
        x, y = self.tiles()[0].rect.center
        return [Press(x, y), Release(x, y)]

    def draw(self, canvas: pygame.Surface) -> None:
        canvas.fill((238, 246, 240))
        heading = "ui.profiles.pick_colour" if self.picking_colour else "ui.profiles.title"
        title = widgets.fitted(self.strings.get(heading), 56, 1200)
        canvas.blit(title, title.get_rect(center=(640, 76)))
        for tile in self.tiles():
            widgets.panel(canvas, tile.rect, radius=30)
            if tile.name == "new":
                self._plus(canvas, tile.rect)
            else:
                sprite = art.cell_sprite("t_cell", 70, False, False, tile.colour)
                canvas.blit(sprite, sprite.get_rect(center=(tile.rect.centerx, tile.rect.y + 105)))
            label = widgets.fitted(tile.label, 36, tile.rect.width - 20)
            canvas.blit(label, label.get_rect(center=(tile.rect.centerx, tile.rect.bottom - 36)))
        for button in self.buttons():
            button.draw(canvas)

    def _plus(self, canvas: pygame.Surface, rect: pygame.Rect) -> None:
        centre = (rect.centerx, rect.y + 105)
        pygame.draw.circle(canvas, art.GREEN_DARK, centre, 66)
        for size in ((90, 20), (20, 90)):
            bar = pygame.Rect((0, 0), size)
            bar.center = centre
            pygame.draw.rect(canvas, (255, 255, 255), bar, border_radius=8)
