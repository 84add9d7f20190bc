"""The closing card: its stars are the counter's, its colours mean what they mean on the map, it
always offers the way back to the map, and it never covers the child's T cell."""

from __future__ import annotations

import asyncio

import pygame
import pytest

from game.app.platform import intents
from game.app.screens.journey_map import JourneyMap
from game.app.screens.play import ScenePlay
from game.app.ui import art, theme, widgets
from game.script.catalog import journey, load_all
from game.script.chapter import bot_turn
from game.script.session import Session, from_the_lab
from game.script.texts import build_strings, load_library

CHAPTERS = ["meet", "collect", "lab", "grow", "ready", "back", "hunt", "after", "cheer"]


@pytest.fixture(scope="module")
def scenes():
    return load_all()


@pytest.fixture(scope="module")
def strings(scenes):
    return build_strings(scenes, load_library())


def finish(play: ScenePlay) -> ScenePlay:
    """Let the chapter's demo bot play until the closing card shows."""
    bot = play.chapter.spec.make_bot()
    while not play.card_showing and play.chapter.clock < 600:
        bot_turn(play.chapter, bot, 1 / 60)
        play.update(1 / 60)
    assert play.card_showing, play.scene.id
    play.update(1 / 60)
    return play


def finished(scenes, strings, scene_id: str) -> ScenePlay:
    order = [scenes[i] for i in journey(scenes)]
    session = Session(from_lab=from_the_lab(order))
    return finish(ScenePlay(scenes[scene_id], strings, 3, session))


@pytest.mark.parametrize("scene_id", CHAPTERS)
def test_the_cards_stars_are_the_counters(scenes, strings, display, monkeypatch, scene_id):
    play = finished(scenes, strings, scene_id)
    drawn: list[bool] = []
    star_icon = art.star_icon

    def spy(size, filled):
        drawn.append(filled)
        return star_icon(size, filled)

    monkeypatch.setattr(art, "star_icon", spy)
    widgets._counter.cache_clear()  # the counter is made once per count: make it again
    goal = play.scene.goals[0]
    widgets.star_counter(display.canvas, strings, play.chapter.runner.progress[goal.id], goal.count)
    counter = list(drawn)
    drawn.clear()
    play._card(display.canvas)
    assert drawn == counter == play.card_stars() and all(counter)


def test_two_of_two_is_two_stars(scenes, strings):
    play = finished(scenes, strings, "meet")
    goal = play.scene.goals[0]
    found = play.chapter.runner.progress[goal.id]
    assert strings.get("ui.counter", found=found, total=goal.count) == "2 of 2"
    assert play.card_stars() == [True, True]


def test_the_card_goes_on_in_the_go_colour_and_plays_again_in_another(scenes, strings):
    on_the_map = JourneyMap([scenes["meet"]], "meet", [], strings).buttons()
    go = next(b for b in on_the_map if b.name == "go")
    for scene_id in ("lab", "cheer"):
        forward, again = finished(scenes, strings, scene_id).buttons()
        assert forward.colour == go.colour == art.GREEN_DARK
        assert again.name == "again" and again.colour not in (art.GREEN, art.GREEN_DARK)


def test_every_card_but_the_last_goes_on_to_the_next_chapter(scenes, strings):
    play = finished(scenes, strings, "hunt")
    assert [b.name for b in play.buttons()] == ["next", "again"]
    play.handle(intents.Advance())
    assert play.outcome == "next"


def test_the_last_card_goes_back_to_the_map(scenes, strings):
    play = finished(scenes, strings, "cheer")
    assert [b.name for b in play.buttons()] == ["map", "again"]
    assert play.buttons()[0].label == "Journey map"
    play.handle(intents.Advance())
    assert play.outcome == "map"


def test_journey_map_on_the_last_card_shows_the_map_from_the_start(scenes, display):
    from game.app.loop import App, StepClock

    app = App(scenes, "cheer", display, StepClock())
    finish(app.play)
    button = app.play.buttons()[0]
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        pygame.event.post(pygame.event.Event(kind, pos=button.rect.center, button=1))
    asyncio.run(app.run(app.result.frames + 2))
    assert isinstance(app.screen, JourneyMap) and app.screen.target == "meet"
    assert app.screen.state(8) == "played"


@pytest.mark.parametrize("scene_id", ["lab", "grow", "hunt"])
def test_the_card_never_covers_the_hero(scenes, strings, scene_id):
    play = finished(scenes, strings, scene_id)
    hero = play.view.hero_rect()
    assert not play.card_rect().colliderect(hero), (play.card_rect(), hero)
    assert all(play.card_rect().contains(b.rect) for b in play.buttons())


def test_the_lab_card_leaves_the_finished_car_t_cell_in_view(scenes, strings):
    from game.world.attach import CENTRE

    play = finished(scenes, strings, "lab")
    assert all(piece.slot is not None for piece in play.rules.pieces)  # every CAR on
    hero = play.view.hero_rect()
    assert hero.collidepoint(CENTRE) and hero.width >= 300  # the cell with its CARs round it
    assert not play.card_rect().colliderect(hero)


def test_the_lab_name_tag_hangs_under_the_lowest_car(scenes, strings, display, monkeypatch):
    import math

    from game.app.views import attach_view
    from game.world.attach import slot_angle, slot_position

    play = finished(scenes, strings, "lab")
    tags = []
    monkeypatch.setattr(widgets, "name_tag", lambda canvas, strings, name, x, y: tags.append(y))
    play.view.draw(display.canvas, play.chapter.runner)
    lowest = 0
    for piece in play.rules.pieces:
        turn = -round(math.degrees(slot_angle(piece.slot, play.rules.count) + math.pi / 2))
        image = attach_view.attached_car(attach_view.PIECE, turn)
        x, y = slot_position(piece.slot, play.rules.count)
        placed = image.get_rect(center=(round(x), round(y)))
        painted = image.get_bounding_rect().move(placed.topleft)
        lowest = max(lowest, painted.bottom)
    assert tags and tags[0] >= lowest


def button_fill(canvas: pygame.Surface, button: widgets.Button) -> tuple[int, int, int]:
    """A button's colour, just inside its left edge (clear of its words)."""
    return tuple(canvas.get_at((button.rect.x + 12, button.rect.centery)))[:3]


def test_the_cards_two_buttons_differ_in_high_contrast(scenes, strings, display, high_contrast):
    for scene_id in ("lab", "cheer"):
        play = finished(scenes, strings, scene_id)
        play.draw(display.canvas)
        forward, again = (button_fill(display.canvas, b) for b in play.buttons())
        assert theme.contrast(forward, again) >= 7, (scene_id, forward, again)


def test_stars_light_with_the_first_step_and_fill_only_at_the_end():
    """A star a step up to ten (the nine-question quiz shows nine); a longer goal shows each
    star as a share, but never an empty row after a step, nor a full row before the end."""
    from game.app.ui.widgets import MOST_STARS, star_marks

    assert star_marks(1, 9) == [True] + [False] * 8
    assert star_marks(9, 9) == [True] * 9
    for total in range(1, 31):
        lit = [sum(star_marks(found, total)) for found in range(total + 1)]
        assert lit == sorted(lit) and lit[0] == 0 and lit[-1] == min(total, MOST_STARS)
        assert all(n >= 1 for n in lit[1:]) and all(n < lit[-1] for n in lit[:-1])


@pytest.mark.parametrize("total", [2, 6, 8, 9, 10])
def test_the_hunts_star_row_agrees_with_its_counter(scenes, strings, display, monkeypatch, total):
    """Review item 8: a hunt of ten showed 8 stars beside "8 of 10" (the row stopped at eight).
    Up to ten, the row has a star for each cell to find and a lit one for each found, as the
    words say; at every step of the way."""
    import dataclasses

    hunt = scenes["hunt"]
    goal = dataclasses.replace(hunt.goals[0], count=total)
    play = ScenePlay(dataclasses.replace(hunt, goals=(goal,)), strings, 3, Session())
    drawn: list[bool] = []
    words: list[str] = []
    star_icon, say = art.star_icon, widgets._words

    def spy_star(size, filled):
        if size == 46:  # the counter's stars
            drawn.append(filled)
        return star_icon(size, filled)

    def spy_words(text, *args, **kwargs):
        words.append(text)
        return say(text, *args, **kwargs)

    monkeypatch.setattr(art, "star_icon", spy_star)
    monkeypatch.setattr(widgets, "_words", spy_words)
    for found in range(total + 1):
        drawn.clear()
        words.clear()
        play.chapter.runner.progress[goal.id] = found
        play.draw(display.canvas)
        assert f"{found} of {total}" in words
        assert drawn == [True] * found + [False] * (total - found), (found, total)
