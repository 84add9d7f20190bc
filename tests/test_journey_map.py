"""The journey map: which stops a tap plays, how played, next and later stops look, and what a
tap on a stop that cannot be played yet says."""

from __future__ import annotations

import asyncio
import math

import pygame
import pytest

from game.app.platform import intents
from game.app.screens.journey_map import (
    HINT_SECONDS,
    NAME_BELOW,
    NEXT,
    STOP_RADIUS,
    Hint,
    JourneyMap,
)
from game.app.ui import theme, widgets
from game.script.catalog import journey, load_all
from game.script.texts import build_strings, load_library

BACKGROUND = (238, 246, 240)


@pytest.fixture(scope="module")
def scenes():
    return load_all()


@pytest.fixture
def strings(scenes):
    return build_strings(scenes, load_library())


def a_map(scenes, strings) -> JourneyMap:
    """Meet and the lab played, collecting passed by from the grown-up's panel, grow next."""
    chapters = [scenes[i] for i in journey(scenes)]
    return JourneyMap(chapters, "grow", ["meet", "lab"], strings)


def tap(journey_map: JourneyMap, x: float, y: float) -> None:
    journey_map.handle(intents.PointerDown(x, y))
    journey_map.handle(intents.PointerUp(x, y))


def test_each_stop_is_played_next_or_later(scenes, strings):
    states = [a_map(scenes, strings).state(i) for i in range(9)]
    assert states == ["played", "later", "played", "next"] + ["later"] * 5


def test_a_tap_on_the_glowing_stop_or_the_next_box_goes_like_go(scenes, strings):
    for where in (a_map(scenes, strings).places[3], NEXT.center, (NEXT.x + 8, NEXT.bottom - 8)):
        journey_map = a_map(scenes, strings)
        tap(journey_map, *where)
        assert journey_map.outcome == "go", where


def test_a_tap_on_a_later_stop_gives_a_hint_and_starts_nothing(scenes, strings):
    journey_map = a_map(scenes, strings)
    journey_map.update(2.0)
    tap(journey_map, *journey_map.places[6])
    assert journey_map.outcome is None
    assert journey_map.hint == Hint(6, "ui.map.first", 2.0)
    assert strings.get("ui.map.first") == "First, let's go here!"
    for _ in range(round(HINT_SECONDS * 60) + 1):
        journey_map.update(1 / 60)
    assert journey_map.hint is None and journey_map.outcome is None


def test_a_tap_on_a_played_stop_says_so_and_points_to_the_next(scenes, strings):
    journey_map = a_map(scenes, strings)
    tap(journey_map, *journey_map.places[0])
    assert journey_map.outcome is None and journey_map.hint == Hint(0, "ui.map.played", 0.0)


def test_the_hint_is_a_bubble_over_the_glowing_stop(scenes, strings, display):
    journey_map = a_map(scenes, strings)
    x, y = journey_map.places[journey_map.index]
    over = (round(x), round(y - STOP_RADIUS - 60))
    journey_map.draw(display.canvas)
    assert tuple(display.canvas.get_at(over))[:3] == BACKGROUND
    tap(journey_map, *journey_map.places[8])
    journey_map.draw(display.canvas)
    bubble = tuple(display.canvas.get_at(over))[:3]
    assert bubble != BACKGROUND and min(bubble) > 240  # the bubble's pale paper


def test_a_tapped_stop_wiggles_so_the_map_is_drawn_often_meanwhile(scenes, strings):
    journey_map = a_map(scenes, strings)
    calm = journey_map.pace()
    tap(journey_map, *journey_map.places[5])
    assert journey_map.pace() > calm
    journey_map.update(1.0)
    assert journey_map.pace() == calm


def ring(canvas: pygame.Surface, centre: tuple[float, float]) -> list[tuple[int, int, int]]:
    """The colours round a stop's edge, along its lower half (the number and the star sit on
    the upper half)."""
    x, y = centre
    reach = STOP_RADIUS - 3
    found = []
    for degrees in range(20, 161, 4):
        angle = math.radians(degrees)
        point = (round(x + math.cos(angle) * reach), round(y + math.sin(angle) * reach))
        found.append(tuple(canvas.get_at(point))[:3])
    return found


def test_stops_differ_by_shape_not_colour_alone(scenes, strings, display, high_contrast):
    """In high contrast every edge is black: a later stop still has a dotted edge and no
    shadow, a played or the next one a whole edge and a shadow."""
    journey_map = a_map(scenes, strings)
    journey_map.draw(display.canvas)
    ink = theme.look().ink
    for i, (x, y) in enumerate(journey_map.places):
        edge = ring(display.canvas, (x, y))
        below = tuple(display.canvas.get_at((round(x), round(y + STOP_RADIUS + 3))))[:3]
        if journey_map.state(i) == "later":
            assert ink in edge and len(set(edge)) > 1, i  # dots with gaps
            assert below == BACKGROUND, i
        else:
            assert set(edge) == {ink}, i
            assert below == widgets.SHADOW_COLOUR, i


def test_the_next_box_on_the_map_starts_the_next_chapter(scenes, display):
    from game.app.loop import App, StepClock

    app = App(scenes, "meet", display, StepClock(), show_map=True)
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        pygame.event.post(pygame.event.Event(kind, pos=NEXT.center, button=1))
    asyncio.run(app.run(2))
    assert app.screen is app.play and app.play.scene.id == "meet"


def test_the_path_never_runs_through_a_stops_name(scenes, strings, display):
    """Each name has the map's own colour behind it: no path colour among its words (a
    play-test found the path crossing "The lab" and "The hunt")."""
    from game.app.screens.journey_map import GROUND
    from game.app.ui import text

    journey_map = a_map(scenes, strings)
    canvas = display.canvas
    journey_map.draw(canvas)
    path = {(214, 200, 170), (246, 236, 210)}
    k = journey_map.radius / STOP_RADIUS
    for i, (x, y) in enumerate(journey_map.places):
        words = strings.get(f"{journey_map.chapters[i].id}.title")
        width = min(text.width(words, text.font(26, "bold")), journey_map.name_width)
        top = round(y + journey_map.radius + NAME_BELOW * k)
        seen = {
            tuple(canvas.get_at((round(x) + dx, top + dy)))[:3]
            for dx in range(-width // 2, width // 2, 3)
            for dy in range(0, 30, 3)
        }
        assert GROUND in seen and not seen & path, i


def test_the_glow_round_the_next_stop_is_round_under_it_too(scenes, strings, display):
    """Play-test: the glow was cut flat at its bottom by the plate behind the stop's name.
    At its fullest (and as it pulses) the glow shows all round the stop, under it as beside
    it, and the name stays clear of it."""
    from game.app.ui import art

    journey_map = a_map(scenes, strings)
    x, y = (round(v) for v in journey_map.places[3])
    journey_map.update(0.25 / 0.64)  # the pulse at its fullest
    journey_map.draw(display.canvas)
    reach = STOP_RADIUS + 15  # in the glow, 2 px inside its edge
    for dx, dy in ((0, reach), (reach, 0), (-reach, 0), (0, -reach)):
        assert tuple(display.canvas.get_at((x + dx, y + dy)))[:3] == art.YELLOW, (dx, dy)
    journey_map.hint = Hint(3, "ui.map.first", journey_map.clock - 0.25 / 1.5)  # fullest too
    journey_map.draw(display.canvas)
    below = STOP_RADIUS + NAME_BELOW + 1  # the name's plate, over the path but under the glow
    assert tuple(display.canvas.get_at((x, y + below)))[:3] == art.YELLOW
