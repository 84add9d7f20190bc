"""Getting ready and Afterwards as a child plays them: the cards stand clear of the room's window
and plant, and stay on screen while the closing lines are said, with the closing card beside
them (a play-test saw the cards over the window, then the closing lines over the T cell
alone)."""

from __future__ import annotations

import math

import pygame
import pytest

from game.script.catalog import load_all
from game.script.chapter import Chapter, bot_turn

STEP = 1 / 60


@pytest.fixture(scope="module")
def scenes():
    return load_all()


def furniture(background: pygame.Surface) -> list[tuple[int, int]]:
    """Points of what is drawn in the room (its window, its plant): neither wall nor floor."""
    wall, floor = background.get_at((640, 300))[:3], background.get_at((640, 700))[:3]
    found = []
    for y in range(0, 800, 4):
        for x in range(0, 1280, 4):
            colour = background.get_at((x, y))[:3]
            if min(math.dist(colour, wall), math.dist(colour, floor)) > 12:
                found.append((x, y))
    return found


@pytest.mark.parametrize("scene_id", ["ready", "after"])
def test_the_cards_stand_clear_of_the_room_and_stay_for_the_closing_lines(
    scenes, display, scene_id
):
    from game.app.screens.play import CARD
    from game.app.views.board_view import BoardView
    from game.script.texts import build_strings, load_library

    scene = scenes[scene_id]
    strings = build_strings(scenes, load_library())
    chapter = Chapter(scene, strings=strings)
    view = BoardView(scene, chapter.rules, chapter.session, strings)
    things = furniture(view.background)
    assert len(things) > 100  # the window and the plant
    closing = next(t.say for t in scene.triggers if t.when == "all_done")
    rules, bot, heard = chapter.rules, chapter.spec.make_bot(), set()
    while not chapter.card_showing:
        assert chapter.clock < 400, "the chapter did not end"
        bot_turn(chapter, bot, STEP)
        chapter.update(STEP)
        for x, y, w, h in rules.tiles if rules.on_show else ():
            tile = pygame.Rect(round(x), round(y), round(w), round(h))
            assert not any(tile.collidepoint(point) for point in things), (tile, scene_id)
        line = chapter.narrator.current.line_id if chapter.narrator.current else None
        if line in closing:  # said over the cards the child heard, every one of them
            heard.add(line)
            assert rules.choice is not None and rules.on_show, line
            assert len(rules.chosen) == len(rules.options)
    assert heard == set(closing)
    cards = view.hero_rect()
    assert cards is not None and not cards.colliderect(CARD)  # the closing card beside them
