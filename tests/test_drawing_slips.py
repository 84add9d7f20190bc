"""Small drawing slips a play-test found, each measured on what is drawn: nothing is painted
over what the child should see (a CAR, the T cell's name, the bunting, the next chapter)."""

from __future__ import annotations

import math

import pygame
import pytest

from game.app.ui import art
from game.script.catalog import load_all
from game.script.texts import build_strings, load_library


@pytest.fixture(scope="module")
def scenes():
    return load_all()


@pytest.fixture(scope="module")
def strings(scenes):
    return build_strings(scenes, load_library())


def _mask(canvas: pygame.Surface, colour, slack: int = 8) -> pygame.Mask:
    return pygame.mask.from_threshold(canvas, colour, (slack, slack, slack, 255))


# "Who is playing?": the badge beside the T cell, never over a CAR ------------------------------
@pytest.mark.parametrize("badge", ["moon", "sun", "dino", "zap"])
def test_a_childs_badge_never_covers_a_car(scenes, strings, display, badge):
    from game.app.screens.profiles_screen import ProfilesScreen, Tile, tile_rect

    colours = [o for c in scenes["meet"].choices if c.keep == "colour" for o in c.options]
    names = [o for c in scenes["meet"].choices if c.keep == "name" for o in c.options]
    screen = ProfilesScreen([], colours, names, strings)
    rect = tile_rect(1, 2)

    def drawn(with_badge: str | None) -> pygame.Surface:
        canvas = pygame.Surface((1280, 800))
        canvas.fill(art.PAPER)
        screen._child(canvas, Tile("profile:child-1", rect, "sky", "Luna", True, "", with_badge))
        return canvas

    bare, badged = drawn(None), drawn(badge)
    for car_colour in (art.ORANGE, art.BLUE):  # a CAR's core and its edge
        cars = _mask(bare, car_colour)
        assert cars.count() > 200  # the T cell wears its CARs
        still = _mask(badged, car_colour)
        covered = cars.count() - cars.overlap_area(still, (0, 0))
        assert covered == 0, f"the {badge} badge covers {covered} pixels of a CAR"


# The T cell's name after its name is picked: the confetti goes round behind it ----------------
def _pick_all(rules) -> None:
    """Answer every pick on the board with its first picture, as a child who has heard each
    question does."""
    for _ in range(3000):
        if rules.choice is None:
            return
        asking = rules.waiting_to_ask
        if asking is not None:
            rules.ask(asking)
            rules.hear(asking)
        if rules.answerable:
            x, y, w, h = rules.tiles[0]
            rules.tap(x + w / 2, y + h / 2)
        rules.update(1 / 60)
    raise AssertionError("the picks did not end")


def test_the_confetti_never_passes_over_the_childs_name_tag(scenes, strings, display):
    from game.activities import registry
    from game.app.views.board_view import BoardView
    from game.script.session import Session

    scene = scenes["meet"]  # no CARs yet: the name tag sits closest to the confetti
    session = Session()
    rules = registry()[scene.activity.name].make_rules(scene, 0, session)
    _pick_all(rules)
    assert session.hero_name is not None
    view = BoardView(scene, rules, session, strings)
    tag_fill = (255, 250, 230)
    confetti = (art.ORANGE, art.GREEN, art.SKY, art.PURPLE, art.YELLOW, art.BLUE)
    canvas = pygame.Surface((1280, 800))
    start, turn = rules.time, math.tau / 0.5  # one whole turn of the confetti
    seen = 0
    for step in range(160):
        rules.time = start + turn * step / 160
        canvas.fill(art.PAPER)
        view._hero(canvas, named=True)
        seen += sum(_mask(canvas, colour, 6).count() for colour in confetti)
        tag = _mask(canvas, tag_fill, 3)
        boxes = [box for box in tag.get_bounding_rects() if box.collidepoint(640, box.centery)]
        assert boxes, "the name tag is drawn"
        box = max(boxes, key=lambda b: b.width * b.height)
        inside = canvas.subsurface(box.inflate(-box.height, -6))  # not its rounded ends
        for colour in confetti:
            assert _mask(inside, colour, 6).count() == 0, (rules.time, colour)
    assert seen > 0, "the confetti is drawn"


# The chapter's title and Pause: only plain wall between them -----------------------------------
@pytest.mark.parametrize(("scene", "lang"), [("lab", "en"), ("lab", "es"), ("grow", "en")])
def test_nothing_peeks_out_between_the_title_and_pause(tmp_path, scene, lang):
    """The lab's wall had a flask and a shelf behind the top bar: a sliver of them showed in
    the gap between the chapter's title and Pause."""
    from game.app.screens.play import PAUSE
    from game.cli import main

    out = tmp_path / "shot.png"
    assert main(["screenshot", "--scene", scene, "--at", "0.5", "--lang", lang, str(out)]) == 0
    shot = pygame.image.load(out)
    gap = pygame.Rect(PAUSE.x - 14, PAUSE.y + 10, 12, PAUSE.height - 16)
    wall = shot.get_at((PAUSE.x - 8, PAUSE.bottom + 30))  # the wall under the top bar
    differ = [
        (x, y)
        for x in range(gap.left, gap.right)
        for y in range(gap.top, gap.bottom)
        if sum(abs(a - b) for a, b in zip(shot.get_at((x, y))[:3], wall[:3], strict=True)) > 12
    ]
    assert not differ, f"{len(differ)} pixels of something beside the title, like {differ[0]}"


# The quiz's bunting: seen, not hidden under the star counter -----------------------------------
@pytest.mark.parametrize(
    ("at", "options"), [("4", []), ("30", []), ("30", ["--band", "older", "--lang", "es"])]
)
def test_the_quizs_bunting_is_seen_not_hidden_under_the_top_bar(tmp_path, display, at, options):
    from game import resources
    from game.cli import main

    flags = ((0x56, 0xB4, 0xE9), (0xE6, 0x9F, 0x00), (0x00, 0x9E, 0x73), (0xCC, 0x79, 0xA7))
    flags += ((0xF0, 0xE4, 0x42),)
    party = pygame.image.load(str(resources.assets_dir() / "backgrounds" / "party.svg"))
    out = tmp_path / "shot.png"
    assert main(["screenshot", "--scene", "cheer", "--at", at, *options, str(out)]) == 0
    shot = pygame.image.load(out)
    hung = seen = 0
    for colour in flags:
        bunting = _mask(party, colour, 4)
        hung += bunting.count()
        seen += bunting.overlap_area(_mask(shot, colour, 4), (0, 0))
    assert hung > 5000  # the background has its bunting
    assert seen / hung > 0.9, f"only {seen / hung:.0%} of the bunting is seen"


# The grown-up's panel: a star on each chapter played, inside its own button ------------------
@pytest.mark.parametrize(("target", "lang"), [("lab", "en"), ("grow", "en"), ("lab", "es")])
def test_a_played_chapters_star_stays_on_its_own_button_clear_of_its_words(
    scenes, strings, display, target, lang
):
    """The star sat on a button's corner, half over the tab above and over the yellow frame
    round the next chapter beside it."""
    from game.app.grownup.facilitator import FacilitatorPanel
    from game.profile.profile import Profile
    from game.script.catalog import journey

    chapters = [scenes[i] for i in journey(scenes)]
    played = ["meet", "collect", "lab"]

    def panel(done: list[str]) -> tuple[pygame.Surface, FacilitatorPanel]:
        profile = Profile("child-1")
        profile.played = list(done)
        shown = FacilitatorPanel(strings, profile, chapters, None, target, 60, [], True, lang)
        shown.page = "chapters"
        canvas = pygame.Surface((1280, 800))
        shown.draw(canvas)
        return canvas, shown

    with_stars, shown = panel(played)
    without, _ = panel([])
    buttons = {b.name: b for b in shown.buttons()}
    changed = pygame.mask.Mask((1280, 800))
    for x in range(0, 1280):
        for y in range(180, 560):
            if with_stars.get_at((x, y)) != without.get_at((x, y)):
                changed.set_at((x, y))
    assert changed.count() > 300  # the stars are drawn
    for scene_id in played:
        button = buttons[f"play:{scene_id}"]
        mine = pygame.mask.Mask(button.rect.size, fill=True)
        words = pygame.mask.Mask(button.label_box.size, fill=True)
        off = changed.overlap_area(words, button.label_box.topleft)
        assert off == 0, f"the star of '{scene_id}' is over its words"
        changed.erase(mine, button.rect.topleft)
    assert changed.count() == 0, f"{changed.count()} pixels of star outside their buttons"
