"""The lab as a child plays it: the CARs can be dragged from the moment the child is told to
drag them (not while the story before it is told), and every line about CD19 is said while a
cell with its CD19 stars is on screen (a play-test heard both go wrong)."""

from __future__ import annotations

import re

import pytest

from game.script.catalog import load_all
from game.script.chapter import Chapter
from game.world.gestures import Release

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
    """Played fast, and like a child who listens before each drag."""
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
            for gesture in bot.step(chapter.rules, STEP):
                if isinstance(gesture, Release):
                    chapter.release()
                else:
                    chapter.point(gesture.x, gesture.y)
        chapter.update(STEP)
        line = narrator.current.line_id if narrator.current is not None else None
        if line in about_cd19:
            heard.add(line)
            assert chapter.rules.visitor_position() is not None, (line, chapter.clock)
    assert heard == about_cd19
