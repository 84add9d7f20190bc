"""An on-screen keyboard for the child's name, so a tablet needs no real keyboard (one still
works: typed letters, Backspace and Enter)."""

from __future__ import annotations

import pygame

from game.app.platform import intents
from game.app.ui import art, widgets
from game.profile.profile import NAME_LENGTH
from game.script.strings import Strings
from game.world.spots import Spot

ROWS = ("ABCDEFGHIJ", "KLMNOPQRST", "UVWXYZÑÁÉÍ", "ÓÚÜ-'")
KEY_W, KEY_H, GAP = 104, 80, 12
LEFT, TOP = 60, 300
FIELD = pygame.Rect(60, 196, 1160, 86)


def _key_rects() -> list[tuple[str, pygame.Rect]]:
    keys = []
    for row, letters in enumerate(ROWS):
        for col, letter in enumerate(letters):
            x = LEFT + col * (KEY_W + GAP)
            keys.append((letter, pygame.Rect(x, TOP + row * (KEY_H + GAP), KEY_W, KEY_H)))
    return keys


KEYS = _key_rects()
SPACE = pygame.Rect(LEFT + 5 * (KEY_W + GAP), TOP + 3 * (KEY_H + GAP), 2 * KEY_W + GAP, KEY_H)
ERASE = pygame.Rect(SPACE.right + GAP, SPACE.y, 3 * KEY_W + 2 * GAP, KEY_H)
DONE = pygame.Rect(LEFT + 7 * (KEY_W + GAP), TOP + 4 * (KEY_H + GAP) + 10, 3 * KEY_W + 2 * GAP, 90)
CLEAR = pygame.Rect(LEFT, DONE.y, 3 * KEY_W + 2 * GAP, 90)


class NameKeyboard:
    """``done`` becomes True when the grown-up taps Done (or presses Enter)."""

    def __init__(self, strings: Strings, name: str) -> None:
        self.strings = strings
        self.name = name
        self.done = False

    def buttons(self) -> list[widgets.Button]:
        get = self.strings.get
        found = [widgets.Button(f"key:{k}", k, rect, art.INK) for k, rect in KEYS]
        found += [
            widgets.Button("key: ", get("ui.keys.space"), SPACE, art.INK),
            widgets.Button("erase", get("ui.keys.erase"), ERASE, art.PURPLE_DARK),
            widgets.Button("clear", get("ui.keys.clear"), CLEAR, art.PURPLE_DARK),
            widgets.Button("done", get("ui.keys.done"), DONE, art.GREEN_DARK),
        ]
        return found

    def spots(self) -> list[Spot]:
        return [b.spot for b in self.buttons()]

    def handle(self, intent: intents.Intent) -> None:
        if isinstance(intent, intents.Typed):
            for letter in intent.text:
                self.type(letter)
        elif isinstance(intent, intents.Erase):
            self.name = self.name[:-1]
        elif isinstance(intent, intents.Advance) and intent.enter:
            self.press("done")
        elif isinstance(intent, intents.PointerDown):
            for button in self.buttons():
                if button.hit(intent.x, intent.y):
                    self.press(button.name)

    def press(self, name: str) -> None:
        if name.startswith("key:"):
            self.type(name.removeprefix("key:"))
        elif name == "erase":
            self.name = self.name[:-1]
        elif name == "clear":
            self.name = ""
        elif name == "done":
            self.name = self.name.strip()
            self.done = True

    def type(self, letter: str) -> None:
        """Add a letter: a capital at the start of each word, small letters after."""
        if len(self.name) >= NAME_LENGTH or not (letter.isalpha() or letter in " -'"):
            return
        if letter == " " and (not self.name or self.name.endswith(" ")):
            return
        starts_word = not self.name or self.name[-1] in " -"
        self.name += letter.upper() if starts_word else letter.lower()

    def draw(self, canvas: pygame.Surface) -> None:
        widgets.panel(canvas, FIELD, radius=20)
        shown = self.name + "|"
        words = widgets.fitted(shown, 52, FIELD.width - 40)
        canvas.blit(words, words.get_rect(midleft=(FIELD.x + 24, FIELD.centery)))
        for button in self.buttons():
            button.draw(canvas)
