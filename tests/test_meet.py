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


class RecordedVoice:
    """Says each line as its English voice file does: its length and word times (index.json),
    in the age band's variant when it has one."""

    def __init__(self, band: str) -> None:
        import json

        from game import resources

        path = resources.assets_dir() / "voice" / "en" / "index.json"
        self.lines = json.loads(path.read_text(encoding="utf-8"))["lines"]
        self.band = band

    def key(self, line_id: str) -> str:
        variant = f"{line_id}@{self.band}"
        return variant if variant in self.lines else line_id

    def speak(self, line_id: str):
        from game.script.narrator import Timing

        entry = self.lines[self.key(line_id)]
        return Timing(entry["seconds"], tuple(entry["words"]))

    def hush(self) -> None:
        pass


def tell_the_story(scenes, band: str):
    """The story of 'Meet your T cell', heard in ``band``'s words: yields the chapter at each
    step once both pictures are picked."""
    from game.script.texts import build_strings, load_library

    strings = build_strings(scenes, load_library())
    strings.set_band(band)
    voice = RecordedVoice(band)
    chapter = Chapter(scenes["meet"], strings=strings, speaker=voice)
    for _ in chapter.scene.choices:
        until(chapter, lambda: chapter.rules.answerable)
        tap_picture(chapter, 0)
    while not chapter.card_showing:
        assert chapter.clock < 300, "the story did not end"
        chapter.update(STEP)
        yield chapter, strings, voice


@pytest.mark.parametrize("band", ["little", "middle", "older"])
def test_a_cell_going_never_crosses_a_cell_coming(scenes, band):
    """The cells of one line leave before the next line's come (play-test: they crossed over
    each other for a moment as the lines changed)."""
    from game.app.views.board_view import GUEST_RADIUS

    def in_sight(guest) -> bool:
        return -GUEST_RADIUS[guest.kind] < guest.x < 1280 + GUEST_RADIUS[guest.kind]

    changes = 0
    for chapter, _, _ in tell_the_story(scenes, band):
        guests = [g for g in chapter.rules.stage.guests if in_sight(g)]
        going = [g for g in guests if g.leaving]
        changes += bool(going)
        for a in going:
            for b in (g for g in guests if not g.leaving):
                gap = ((a.x - b.x) ** 2 + (a.y - b.y) ** 2) ** 0.5
                assert gap >= GUEST_RADIUS[a.kind] + GUEST_RADIUS[b.kind], (a, b)
    assert changes  # cells did leave as the story went on


@pytest.mark.parametrize("band", ["little", "middle", "older"])
def test_the_cell_a_line_names_is_there_as_its_name_is_said(scenes, band):
    """ "B cells are helpers too": the B cell is whole on the screen when "B cells" has been
    said, and in its place a moment later (play-test: it came a moment after the words)."""
    import re

    from game.app.views.board_view import GUEST_RADIUS

    names = {"b_cell": r"\bB cells?\b", "leukemia_cell": r"\bleukemia\b", "t_cell": r"\bT cells\b"}
    checked = set()
    begun: dict[str, float] = {}
    for chapter, strings, voice in tell_the_story(scenes, band):
        current = chapter.narrator.current
        if current is None:
            continue
        line = chapter.scene.line(current.line_id)
        begun.setdefault(line.id, chapter.clock)
        words = strings.get(line.id)
        times = voice.lines[voice.key(line.id)]
        for kind in set(line.shows):
            found = re.search(names[kind], words) if kind in names else None
            if found is None:
                continue
            last = len(words[: found.end()].split()) - 1  # the name's last word
            said = times["words"][last + 1] if last + 1 < len(times["words"]) else times["seconds"]
            elapsed = chapter.clock - begun[line.id]
            here = [g for g in chapter.rules.stage.present if g.kind == kind]
            if said <= elapsed < said + STEP:  # the name has just been said: it is in sight
                r = GUEST_RADIUS[kind]
                assert any(r <= g.x <= 1280 - r for g in here), (line.id, words, here)
            if said + 0.3 <= elapsed < said + 0.3 + STEP:  # and a moment later, in its place
                assert any((g.x, g.y) == g.goal for g in here), (line.id, words, here)
                checked.add(line.id)
    assert "meet.b_cells" in checked


def test_the_t_cell_being_named_stays_in_sight_under_the_names(scenes, options, display):
    """Play-test: while the child picked a name, their T cell was gone from the screen. It
    stands under the names, in the child's colour, clear of the pictures and the story box."""
    from game.app.ui import art
    from game.app.views.board_view import BoardView
    from game.app.views.narration_view import BOX
    from game.script.texts import build_strings, load_library

    profile = Profile("child-1", picked={"colour": "meet.colour.lime"})
    chapter = Chapter(scenes["meet"], session=profile.session(options))
    until(chapter, lambda: chapter.rules.choice.id == "name" and chapter.rules.on_show)
    strings = build_strings(scenes, load_library())
    view = BoardView(scenes["meet"], chapter.rules, chapter.session, strings)
    canvas = display.canvas
    view.draw(canvas, chapter.runner)
    bottom = max(round(y + h) for _, y, _, h in chapter.rules.tiles)
    body = art.HERO[chapter.session.hero_colour][0]
    middle = (bottom + BOX.top) // 2
    seen = [canvas.get_at((640 + dx, middle + 12)) for dx in (-12, 12)]
    assert any(max(abs(c[i] - body[i]) for i in range(3)) <= 6 for c in seen), seen
