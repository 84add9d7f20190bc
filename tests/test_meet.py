"""Meet your T cell as a new child plays it: the colour they picked on "Who is playing?" is not
asked again (a guest with no colour is asked), and the pictures come with their question, not
through the story told before it."""

from __future__ import annotations

import pytest

from game.profile.profile import Profile
from game.script.catalog import load_all
from game.script.chapter import Chapter
from game.script.session import Session

STEP = 1 / 60


@pytest.fixture(scope="module")
def scenes():
    return load_all()


@pytest.fixture(scope="module")
def options(scenes):
    return {o.id: o for s in scenes.values() for c in s.choices for o in c.options}


def until(chapter: Chapter, done, limit: float = 180.0) -> None:
    start = chapter.clock
    while not done():
        assert chapter.clock - start < limit, "waited too long"
        chapter.update(STEP)


def tap_picture(chapter: Chapter, index: int) -> None:
    x, y, w, h = chapter.rules.tiles[index]
    chapter.point(x + w / 2, y + h / 2)
    chapter.release()
    chapter.update(STEP)


def test_a_child_whose_profile_has_a_colour_goes_straight_to_the_name(scenes, options):
    # Given a new child who tapped lime green on "Who is playing?"
    profile = Profile("child-1", picked={"colour": "meet.colour.lime", "name": "meet.name.sunny"})
    chapter = Chapter(scenes["meet"], session=profile.session(options))
    # When the chapter starts and its story is told
    chapter.update(STEP)
    assert chapter.rules.choice.id == "name"
    assert chapter.runner.progress["picked"] == 1  # the colour counts as picked...
    assert chapter.take_sounds() == []  # ...quietly: no chime for a pick made before
    until(chapter, lambda: chapter.rules.answerable)
    # Then the first question the child hears is the name, and the colour is never asked
    assert "meet.pick_name" in chapter.narrator.history
    tap_picture(chapter, 2)
    until(chapter, lambda: chapter.card_showing)
    said = chapter.narrator.history
    assert "meet.pick_colour" not in said and "meet.nice_colour" not in said
    assert chapter.session.hero_colour == "lime"  # kept from the profile
    assert chapter.session.hero_name == "meet.name.luna"  # the name the child tapped
    assert chapter.runner.progress["picked"] == 2 and chapter.take_sounds() == ["chime"]


def test_a_guest_with_no_colour_is_asked_for_one(scenes):
    chapter = Chapter(scenes["meet"], session=Session())
    until(chapter, lambda: chapter.rules.answerable)
    assert chapter.rules.choice.id == "colour"
    assert chapter.narrator.current.line_id == "meet.pick_colour"
    tap_picture(chapter, 4)
    assert chapter.session.hero_colour == "purple"
    until(chapter, lambda: chapter.rules.choice is not None and chapter.rules.choice.id == "name")


def test_the_pictures_come_when_their_question_is_asked_not_before(scenes):
    chapter = Chapter(scenes["meet"], session=Session())
    rules, narrator = chapter.rules, chapter.narrator
    while narrator.current is None or narrator.current.line_id != "meet.pick_colour":
        # Through the whole story before the question: no pictures, nothing to tap
        assert not rules.on_show and rules.spots() == [], narrator.current
        chapter.update(STEP)
        assert chapter.clock < 120
    assert chapter.clock > 10  # the story before it is long...
    assert rules.on_show and rules.answerable  # ...and the pictures come with the question


def test_the_pick_that_ends_the_chapter_is_answered_before_the_story_goes_on(scenes):
    """The name is the last pick Meet needs: "Hello, new friend!" still answers it, before
    the chapter's closing story (a play-test heard the story go on with no answer)."""
    chapter = Chapter(scenes["meet"], session=Session())
    rules = chapter.rules
    until(chapter, lambda: rules.answerable)
    tap_picture(chapter, 4)  # a colour
    until(chapter, lambda: rules.choice is not None and rules.choice.id == "name")
    until(chapter, lambda: rules.answerable)
    tap_picture(chapter, 2)  # Luna: the chapter's goal is reached
    until(chapter, lambda: "meet.blood" in chapter.narrator.history)
    said = list(chapter.narrator.history)
    assert "meet.nice_name" in said
    assert said.index("meet.nice_name") < said.index("meet.blood")


def confetti_dots(canvas) -> int:
    """How many confetti dots are drawn round the T cell (on its ring, 200 by 150 round it)."""
    import math

    from game.app.ui import art

    colours = {art.ORANGE, art.GREEN, art.SKY, art.PURPLE, art.YELLOW, art.BLUE}
    found = 0
    for step in range(360):
        angle = step * math.tau / 360
        x, y = 640 + math.cos(angle) * 200, 330 + math.sin(angle) * 150
        found += canvas.get_at((round(x), round(y)))[:3] in colours
    return found


def test_the_party_for_the_name_stops_before_the_story_tells_what_leukemia_is(scenes, display):
    """Confetti circles the named T cell while "Hello, new friend!" is said, and has settled
    before the serious lines (a play-test saw it circling through "some young B cells grow
    wrong")."""
    import pygame

    from game.app.views.board_view import BoardView
    from game.script.texts import build_strings, load_library

    strings = build_strings(scenes, load_library())
    chapter = Chapter(scenes["meet"], strings=strings)
    view = BoardView(scenes["meet"], chapter.rules, chapter.session, strings)
    canvas = pygame.Surface((1280, 800))

    def dots() -> int:
        view.draw(canvas, chapter.runner)
        return confetti_dots(canvas)

    for _ in chapter.scene.choices:  # the colour, then the name
        until(chapter, lambda: chapter.rules.answerable)
        tap_picture(chapter, 0)
    answer = chapter.narrator.current or chapter.narrator.queue[0]
    # the party, while the answer to the name is said, once the board has gone
    until(chapter, lambda: chapter.rules.choice is None)
    assert chapter.narrator.current.line_id == answer.line_id and dots() > 0
    serious = {"meet.b_cells", "meet.leukemia", "meet.copies", "meet.hide", "meet.not_fault"}
    seen = set()
    while not chapter.card_showing:
        chapter.update(STEP)
        line = chapter.narrator.current.line_id if chapter.narrator.current else None
        if line in serious:
            seen.add(line)
            assert dots() == 0, line
    assert seen == serious


def test_the_cells_the_story_names_are_on_screen_while_it_names_them(scenes, display):
    """As "B cells are white blood cells too" and "some young B cells grow wrong" are said, a
    B cell and a bumpy leukemia cell with its CD19 stars glide in beside the child's T cell
    (a play-test saw the T cell alone through the whole story)."""
    import re

    import pygame

    from game.app.views.board_view import BoardView
    from game.script.texts import build_strings, load_library
    from game.world.stage import OFF_RIGHT

    strings = build_strings(scenes, load_library())
    chapter = Chapter(scenes["meet"], strings=strings)
    view = BoardView(scenes["meet"], chapter.rules, chapter.session, strings)
    canvas, plain = pygame.Surface((1280, 800)), pygame.Surface((1280, 800))
    plain.blit(view.background, (0, 0))
    names = {"b_cell": r"\bB cells?\b", "leukemia_cell": r"\bleukemia\b"}
    for _ in chapter.scene.choices:
        until(chapter, lambda: chapter.rules.answerable)
        tap_picture(chapter, 0)
    checked = set()
    while not chapter.card_showing:
        chapter.update(STEP)
        narrator = chapter.narrator
        if narrator.current is None or not 2.0 <= narrator.elapsed < 2.0 + STEP:
            continue  # each line, two seconds after it began: what it names has glided in
        line = narrator.current.line_id
        words = strings.get(line)
        named = {kind for kind, pattern in names.items() if re.search(pattern, words)}
        shown = chapter.rules.stage.present
        view.draw(canvas, chapter.runner)
        for kind in named:
            here = [g for g in shown if g.kind == kind]
            assert here, (line, words, kind)
            for guest in here:  # in its place on screen, and drawn there
                assert 150 < guest.x < 1130 and 120 < guest.y < 560, (line, guest)
                where = (round(guest.x), round(guest.y))
                assert canvas.get_at(where) != plain.get_at(where), (line, guest)
            checked.add(line)
    assert {"meet.b_cells", "meet.leukemia"} <= checked
    assert OFF_RIGHT > 1280  # they come from off the screen, gently
