"""The lab as a child plays it: the CARs can be dragged from the moment the child is told to
drag them (not while the story before it is told), and every line about CD19 is said while a
cell with its CD19 stars is on screen (a play-test heard both go wrong)."""

from __future__ import annotations

import re

import pytest

from game.script.catalog import load_all
from game.script.chapter import Chapter, bot_turn

STEP = 1 / 60


@pytest.fixture(scope="module")
def scenes():
    return load_all()


def drag_a_car_onto_the_cell(chapter: Chapter) -> None:
    piece = next((p for p in chapter.rules.pieces if p.slot is None), chapter.rules.pieces[0])
    chapter.point(piece.x, piece.y)
    chapter.point(640, 350)
    chapter.release()
    chapter.update(STEP)


def test_the_cars_can_be_dragged_when_the_child_is_told_to_drag_them(scenes):
    chapter = Chapter(scenes["lab"])
    narrator = chapter.narrator
    start = next(t.say for t in scenes["lab"].triggers if t.when == "start")
    assert start[-1] == "lab.how_to"
    # A child who tries to drag a CAR onto the T cell all through the story...
    while narrator.current is None or narrator.current.line_id != "lab.how_to":
        assert chapter.clock < 120, "the instruction never came"
        drag_a_car_onto_the_cell(chapter)
    # ...puts none on before the instruction, which comes after the whole story...
    assert chapter.runner.progress["put_on"] == 0
    assert [line for line in start if line in narrator.history] == list(start)
    # ...and, as it is said, can.
    drag_a_car_onto_the_cell(chapter)
    assert chapter.runner.progress["put_on"] == 1
    assert narrator.current.line_id in ("lab.how_to", "lab.click")


@pytest.mark.parametrize("think", [None, 1.0])
def test_every_line_about_cd19_is_said_while_a_cell_with_cd19_is_on_screen(scenes, think):
    """Played fast, and like a child who listens before each drag. The cell seen is the one
    said: a healthy B cell with "CD19 is like a name tag on B cells", then the leukemia cell
    (a play-test saw only the leukemia cell while B cells were named)."""
    scene = scenes["lab"]
    about_cd19 = {
        line.id
        for line in scene.lines
        if not line.id.startswith("lab.teach")
        and any(re.search(r"CD19|leukemia", w, re.I) for w in (line.text, *line.variants.values()))
    }
    assert {"lab.name_tag", "lab.leukemia_tag", "lab.lock", "lab.fit"} <= about_cd19
    chapter = Chapter(scene)
    bot = chapter.spec.make_bot()
    heard, quiet = set(), 0.0
    while not chapter.card_showing:
        assert chapter.clock < 300, "the chapter did not end"
        narrator = chapter.narrator
        quiet = 0.0 if narrator.current is not None and not narrator.settled else quiet + STEP
        if think is None or quiet >= think:
            bot_turn(chapter, bot, STEP)
        chapter.update(STEP)
        line = narrator.current.line_id if narrator.current is not None else None
        if line in about_cd19:
            heard.add(line)
            rules = chapter.rules
            cd19 = (rules.visitor_position(), rules.b_cell_position())
            assert cd19 != (None, None), (line, chapter.clock)
        if line == "lab.name_tag":  # "...a name tag on B cells": a healthy B cell, alone
            assert chapter.rules.b_cell_position() is not None, chapter.clock
            assert chapter.rules.visitor_position() is None, chapter.clock
        if line == "lab.leukemia_tag":  # "Leukemia cells wear CD19 too": the leukemia cell
            assert chapter.rules.visitor_position() is not None, chapter.clock
    assert heard == about_cd19


def test_the_leukemia_cell_stops_beside_the_car_it_fits_big_enough_to_see(scenes, display):
    """The key in the lock, seen: the leukemia cell is big, and stops beside a CAR with one of
    its CD19 stars held in the CAR's Y, both in sight (a play-test saw a small cell land on
    the CAR, hiding it)."""
    import math

    import pygame

    from game.app.ui import art
    from game.app.views.attach_view import PIECE, AttachView
    from game.script.texts import build_strings, load_library
    from game.world import attach

    strings = build_strings(scenes, load_library())
    chapter = Chapter(scenes["lab"], strings=strings)
    view = AttachView(scenes["lab"], chapter.rules, chapter.session, strings)
    rules, bot = chapter.rules, chapter.spec.make_bot()
    while rules.visit is None or rules.visit < 1.0:
        assert chapter.clock < 300, "no cell came"
        bot_turn(chapter, bot, STEP)
        chapter.update(STEP)
    canvas = pygame.Surface((1280, 800))
    view.draw(canvas, chapter.runner)

    def near(colour, want, by=40) -> bool:
        return math.dist(colour[:3], want) < by

    # big enough to see: its body at least 0.4 of the child's T cell's
    vx, vy = rules.visitor_position()
    colours = art.CELL_COLOURS["leukemia_cell"]
    body = sum(
        any(near(canvas.get_at((x, y)), colour, 24) for colour in colours)
        for x in range(round(vx) - 150, round(vx) + 150)
        for y in range(max(0, round(vy) - 150), round(vy) + 150)
    )
    assert body >= 0.4 * math.pi * attach.CELL_RADIUS**2, body
    # the CAR nearest it: both arms of its Y in sight, and a CD19 star between them
    slot = min(
        range(rules.count), key=lambda i: math.dist(attach.slot_position(i, rules.count), (vx, vy))
    )
    angle, c = attach.slot_angle(slot, rules.count), PIECE / 2
    out, side = (math.cos(angle), math.sin(angle)), (-math.sin(angle), math.cos(angle))
    sx, sy = attach.slot_position(slot, rules.count)
    for turn in (-1, 1):
        tip = (
            sx + out[0] * 0.5 * c + turn * side[0] * 0.38 * c,
            sy + out[1] * 0.5 * c + turn * side[1] * 0.38 * c,
        )
        assert near(canvas.get_at((round(tip[0]), round(tip[1]))), art.ORANGE), (turn, tip)
    cup = (sx + out[0] * 0.55 * c, sy + out[1] * 0.55 * c)
    star = [
        (x, y)
        for x in range(round(cup[0]) - 14, round(cup[0]) + 15)
        for y in range(round(cup[1]) - 14, round(cup[1]) + 15)
        if near(canvas.get_at((x, y)), art.YELLOW, 30)
    ]
    assert len(star) > 40, len(star)


def test_the_healthy_b_cell_stands_in_sight_clear_of_the_t_cell(scenes, display):
    """The B cell that comes with "CD19 is like a name tag on B cells" is drawn whole on the
    screen, above the story's box, apart from the T cell's CARs."""
    import math

    import pygame

    from game.app.ui import art
    from game.app.views.attach_view import PIECE, AttachView
    from game.script.texts import build_strings, load_library
    from game.world import attach

    strings = build_strings(scenes, load_library())
    chapter = Chapter(scenes["lab"], strings=strings)
    view = AttachView(scenes["lab"], chapter.rules, chapter.session, strings)
    rules, bot = chapter.rules, chapter.spec.make_bot()
    while rules.b_cell is None or rules.b_cell < 1.0 or rules.b_cell_leaving is not None:
        assert chapter.clock < 300, "the B cell never stood beside the T cell"
        bot_turn(chapter, bot, STEP)
        chapter.update(STEP)
    assert chapter.narrator.current.line_id == "lab.name_tag"
    bx, by = rules.b_cell_position()
    reach = 1.45 * attach.B_CELL_RADIUS  # its body and its CD19 stars
    assert reach <= bx <= 1280 - reach and reach <= by and by + reach <= 645
    cx, cy = attach.CENTRE
    assert math.dist((bx, by), (cx, cy)) >= reach + attach.SLOT_REACH + PIECE / 2
    canvas = pygame.Surface((1280, 800))
    view.draw(canvas, chapter.runner)
    colours = art.CELL_COLOURS["b_cell"]
    body = sum(
        any(math.dist(canvas.get_at((x, y))[:3], colour) < 24 for colour in colours)
        for x in range(round(bx) - 70, round(bx) + 70, 2)
        for y in range(round(by) - 70, round(by) + 70, 2)
    )
    assert body >= 0.5 * math.pi * attach.B_CELL_RADIUS**2 / 4, body  # drawn there
    assert view.hero_rect().collidepoint(round(bx), round(by))  # a card would leave it in sight


@pytest.mark.parametrize("band", ["little", "middle", "older"])
def test_the_b_cell_has_gone_when_the_car_is_seen_to_fit_the_leukemia_cell(scenes, band):
    """ "Look! The CAR fits the CD19 on the leukemia cell." is said with one cell with CD19 in
    sight, the one it fits (a review: the healthy B cell stayed beside the T cell, so two cells
    with stars were there and only one was fitted, as if the CAR did not fit a healthy B cell's
    CD19, against F12). The B cell glides out as "Leukemia cells wear CD19 too" begins, never
    touching the leukemia cell coming in, and is gone at the closing card, which stays clear
    of the T cell and the leukemia cell. Timed by the English voice files, in each age band."""
    import math

    from game.app.screens.play import CARD, CARD_LEFT
    from game.app.views.attach_view import AttachView
    from game.script.texts import build_strings, load_library
    from game.world import attach
    from tests.test_meet import RecordedVoice

    strings = build_strings(scenes, load_library())
    strings.set_band(band)
    chapter = Chapter(scenes["lab"], strings=strings, speaker=RecordedVoice(band))
    assert "leukemia cell" in strings.get("lab.fit")
    rules, bot = chapter.rules, chapter.spec.make_bot()
    said: list[str] = []
    apart = 1.45 * (attach.B_CELL_RADIUS + attach.VISITOR_RADIUS)  # bodies and stars
    while not chapter.card_showing:
        assert chapter.clock < 300, "the chapter did not end"
        bot_turn(chapter, bot, STEP)
        chapter.update(STEP)
        current = chapter.narrator.current
        line = current.line_id if current is not None else None
        if line is not None and (not said or said[-1] != line):
            said.append(line)
            if line == "lab.leukemia_tag":  # as it begins, the B cell sets off
                assert rules.b_cell_leaving is not None, chapter.clock
        b_cell, visitor = rules.b_cell_position(), rules.visitor_position()
        if line == "lab.name_tag":
            assert b_cell is not None and rules.b_cell_leaving is None, chapter.clock
        if line == "lab.fit":  # one cell with CD19 in sight: the leukemia cell
            assert b_cell is None and visitor is not None, chapter.clock
        if b_cell is not None and visitor is not None:
            assert math.dist(b_cell, visitor) >= apart, (chapter.clock, b_cell, visitor)
    assert {"lab.name_tag", "lab.leukemia_tag", "lab.fit"} <= set(said), said
    assert rules.b_cell_position() is None and rules.visitor_position() is not None
    hero = AttachView(scenes["lab"], rules, chapter.session, strings).hero_rect()
    assert hero.colliderect(CARD) and not hero.colliderect(CARD_LEFT)  # the card on the left
