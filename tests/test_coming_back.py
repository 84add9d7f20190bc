"""Coming back as a child plays it: "More cells are on the way" is said only while the IV bag
still holds cells, and the CAR T cells that come down the tube gather in the arm, every one in
sight (a play-test heard the line over an empty bag, and saw the cells go off the edge)."""

from __future__ import annotations

import itertools
import math

import pytest

from game.script.catalog import load_all
from game.script.chapter import Chapter, bot_turn
from game.world import drip

STEP = 1 / 60


@pytest.fixture(scope="module")
def scenes():
    return load_all()


def tap_bag(chapter: Chapter) -> None:
    bx, by, bw, bh = drip.BAG
    chapter.point(bx + bw / 2, by + bh / 2)
    chapter.release()


@pytest.mark.parametrize("rest", [0.0, 0.8, 2.0, 4.0])
def test_more_cells_are_on_the_way_only_while_the_bag_holds_some(scenes, rest):
    """A child who taps as fast as the bag lets them, and children who wait between taps."""
    chapter = Chapter(scenes["back"])
    rules, said_at, waited = chapter.rules, [], rest
    while not chapter.card_showing:
        assert chapter.clock < 300, "the chapter did not end"
        waited += STEP
        if rules.can_drop and waited >= rest:
            tap_bag(chapter)
            waited = 0.0
        before = chapter.narrator.current
        chapter.update(STEP)
        now = chapter.narrator.current
        if now is not None and now.line_id == "back.more" and now is not before:
            said_at.append(rules.left)  # the line begins: the bag as the child sees it
    assert all(left > 0 for left in said_at), said_at
    if rest >= 2.0:  # a child who waits for each drop hears it
        assert said_at


def test_the_cells_gather_in_the_arm_all_in_sight(scenes, display):
    from game.app.views.drip_view import DripView
    from game.script.texts import build_strings, load_library

    chapter = Chapter(scenes["back"])
    rules, bot = chapter.rules, chapter.spec.make_bot()
    while not chapter.card_showing:
        assert chapter.clock < 300, "the chapter did not end"
        bot_turn(chapter, bot, STEP)
        chapter.update(STEP)
        for cell in rules.swimmers:  # while they come and while they stay: on the screen
            assert 22 <= cell.x <= 1280 - 22, cell
    for _ in range(round(5 / STEP)):  # the closing card: they have found their places
        chapter.update(STEP)
    assert len(rules.swimmers) == rules.total * drip.CELLS_PER_DROP  # every one of them
    box_top = 645  # the narration box
    for cell in rules.swimmers:
        assert 22 <= cell.x <= 1280 - 22 and cell.y + 22 <= box_top, cell
    for a, b in itertools.combinations(rules.swimmers, 2):
        assert math.dist((a.x, a.y), (b.x, b.y)) >= 40, (a, b)  # each in its own place
    # ...and the closing card stands clear of them
    from game.app.screens.play import CARD, CARD_LEFT

    strings = build_strings(scenes, load_library())
    view = DripView(scenes["back"], rules, chapter.session, strings)
    crowd = view.hero_rect()
    assert all(crowd.collidepoint(round(c.x), round(c.y)) for c in rules.swimmers)
    assert crowd.colliderect(CARD) and not crowd.colliderect(CARD_LEFT)


def dots_in_the_bag(canvas, colour) -> int:
    """The cells drawn in the IV bag: the separate spots of the child's colour inside it
    (above its spout, where a drop just sent begins its way down the tube)."""
    import pygame

    bx, by, bw, bh = drip.BAG
    bag = canvas.subsurface(pygame.Rect(round(bx), round(by), round(bw), round(bh) - 40))
    spots = pygame.mask.from_threshold(bag, colour, (40, 40, 40, 255))
    return sum(1 for part in spots.connected_components() if part.count() >= 30)


@pytest.mark.parametrize("colour", ["sky", "purple"])
def test_the_bags_dots_count_down_with_the_drops(scenes, display, colour):
    """One dot of cells in the IV bag for each drop still in it: eight, then seven... then
    none (play-test: the bag showed five dots, then four, whatever was left)."""
    import pygame

    from game.app.ui import art
    from game.app.views.drip_view import DripView
    from game.script.texts import build_strings, load_library

    chapter = Chapter(scenes["back"])
    meet = scenes["meet"].choices[0]
    chapter.session.picked["colour"] = next(o for o in meet.options if o.colour == colour)
    rules = chapter.rules
    strings = build_strings(scenes, load_library())
    view = DripView(scenes["back"], rules, chapter.session, strings)
    canvas = pygame.Surface((1280, 800))
    cell = art.hero_colours(colour)[0]
    seen = []
    while rules.left > 0 or rules.drops:
        assert chapter.clock < 300, "the bag never emptied"
        if rules.can_drop:
            tap_bag(chapter)
        chapter.update(STEP)
        if not seen or seen[-1][0] != rules.left:
            view.draw(canvas, chapter.runner)
            seen.append((rules.left, dots_in_the_bag(canvas, cell)))
    assert [left for left, _ in seen] == list(range(rules.total - 1, -1, -1))
    assert all(dots == left for left, dots in seen), seen


def test_the_iv_tube_bends_without_a_break_in_its_edge(scenes, display):
    """Play-test: at each bend of the tube its edge broke (thick lines meet with a notch).
    All round each bend, just inside the tube's width, is tube, never the wall behind it."""
    from game.app.ui import art
    from game.app.views.drip_view import TUBE_WIDTHS, DripView
    from game.script.texts import build_strings, load_library
    from game.world.drip import TUBE

    chapter = Chapter(scenes["back"])
    strings = build_strings(scenes, load_library())
    view = DripView(scenes["back"], chapter.rules, chapter.session, strings)
    wall = art.background(scenes["back"].background)
    reach = TUBE_WIDTHS[0] / 2 - 1.5
    for x, y in TUBE[:-1]:
        for step in range(24):
            angle = step * math.tau / 24
            at = (round(x + math.cos(angle) * reach), round(y + math.sin(angle) * reach))
            assert view.stage.get_at(at) != wall.get_at(at), ((x, y), step)
