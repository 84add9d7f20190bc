"""The child's T cell in pictures: its colours never look like another cell's, its outline and
face are its own, it wears its CARs in every chapter after the lab, and it stays a friendly
smiling cell (not a glum blob, not a spiky germ) however small it is drawn.

Colour distances are CIEDE2000 (Sharma, Wu and Dalal 2005), computed here from sRGB through
CIELAB (D65) with no extra library. ΔE00 of about 1 is the smallest difference an eye sees side
by side, about 10 is plainly another colour; 20 is two colours nobody mixes up, which is what a
T cell must be from every other cell, and from the backgrounds it swims on. Colour-blind sight
is simulated with Machado, Oliveira and Fernandes (2009), full severity."""

from __future__ import annotations

import asyncio
import itertools
import math

import pygame
import pytest

from game.app.ui import art, pictures, theme
from game.profile.profile import RENAMED_PICKS, Profile
from game.script.catalog import journey, load_all
from game.script.model import HERO_COLOURS, PICTURES
from game.script.session import DEFAULT_COLOUR, Session, from_the_lab, wears_car

#: A T cell's body against any other cell's colour or a background: never closer than this.
APART = 20.0
#: Two of the child's choices side by side, each with its name under it: for ordinary sight,
#: and for each kind of colour blindness.
CHOICES_APART = 15.0
CHOICES_APART_COLOUR_BLIND = 10.0
#: Silhouettes (intersection over union of their masks) more alike than this look the same.
SAME_OUTLINE = 0.9


@pytest.fixture(scope="module")
def scenes():
    return load_all()


@pytest.fixture(autouse=True)
def _plain_look():
    theme.use(theme.Look())
    yield
    theme.use(theme.Look())


# CIELAB and CIEDE2000 ------------------------------------------------------------------------
def _linear(channel: float) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _encoded(linear: float) -> float:
    v = min(1.0, max(0.0, linear))
    return 255 * (12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055)


def lab(rgb) -> tuple[float, float, float]:
    """sRGB (0-255) to CIELAB, D65 white."""
    r, g, b = (_linear(c) for c in rgb[:3])
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def ciede2000(lab1, lab2) -> float:
    """The CIEDE2000 colour difference of two CIELAB colours (kL = kC = kH = 1)."""
    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1 = math.degrees(math.atan2(b1, a1)) % 360 if c1 else 0.0
    h2 = math.degrees(math.atan2(b2, a2)) % 360 if c2 else 0.0
    dh = 0.0
    if c1 * c2:
        dh = h2 - h1
        dh += -360 if dh > 180 else 360 if dh < -180 else 0
    d_l, d_c = l2 - l1, c2 - c1
    d_h = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))
    l_mean, c_mean = (l1 + l2) / 2, (c1 + c2) / 2
    if not c1 * c2:
        h_mean = h1 + h2
    elif abs(h1 - h2) <= 180:
        h_mean = (h1 + h2) / 2
    else:
        h_mean = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_mean - 30))
        + 0.24 * math.cos(math.radians(2 * h_mean))
        + 0.32 * math.cos(math.radians(3 * h_mean + 6))
        - 0.20 * math.cos(math.radians(4 * h_mean - 63))
    )
    turn = 30 * math.exp(-(((h_mean - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(c_mean**7 / (c_mean**7 + 25**7))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c = 1 + 0.045 * c_mean
    s_h = 1 + 0.015 * c_mean * t
    r_t = -math.sin(math.radians(2 * turn)) * r_c
    return math.sqrt(
        (d_l / s_l) ** 2 + (d_c / s_c) ** 2 + (d_h / s_h) ** 2 + r_t * (d_c / s_c) * (d_h / s_h)
    )


def apart(one, two) -> float:
    """How far apart two sRGB colours look (ΔE00)."""
    return ciede2000(lab(one), lab(two))


#: Machado et al. (2009) at full severity, on linear RGB.
COLOUR_BLIND = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def seen_with(kind: str, rgb) -> tuple[float, float, float]:
    linear = [_linear(c) for c in rgb[:3]]
    return tuple(
        _encoded(sum(m * c for m, c in zip(row, linear, strict=True))) for row in COLOUR_BLIND[kind]
    )


def test_the_colour_difference_matches_the_published_examples():
    # Sharma, Wu and Dalal (2005), table 1: pairs 1, 4, 7 and 17.
    assert ciede2000((50, 2.6772, -79.7751), (50, 0, -82.7485)) == pytest.approx(2.0425, abs=1e-4)
    assert ciede2000((50, -1.3802, -84.2814), (50, 0, -82.7485)) == pytest.approx(1.0, abs=1e-4)
    assert ciede2000((50, 0, 0), (50, -1, 2)) == pytest.approx(2.3669, abs=1e-4)
    assert ciede2000((50, 2.5, 0), (73, 25, -18)) == pytest.approx(27.1492, abs=1e-4)
    assert lab((255, 255, 255)) == pytest.approx((100, 0, 0), abs=0.01)
    assert lab((255, 0, 0)) == pytest.approx((53.24, 80.09, 67.20), abs=0.02)
    assert seen_with("deuteranopia", (128, 128, 128)) == pytest.approx((128, 128, 128), abs=1)


# colours -------------------------------------------------------------------------------------
def other_cells() -> dict[str, tuple[int, int, int]]:
    return {
        f"{kind} {i}": colour
        for kind, colours in art.CELL_COLOURS.items()
        for i, colour in enumerate(colours)
    }


def test_the_colours_to_pick_are_the_ones_painted_and_named_for_how_they_look(scenes):
    assert set(art.HERO) == set(HERO_COLOURS)
    assert DEFAULT_COLOUR in HERO_COLOURS
    (pick,) = [c for c in scenes["meet"].choices if c.keep == "colour"]
    assert sorted(o.colour for o in pick.options) == sorted(HERO_COLOURS)
    for option in pick.options:
        # The id says the colour, and so does the word under the picture ('Lime green').
        assert option.id == f"meet.colour.{option.colour}"
        assert option.colour in option.text.lower().split()


def test_no_t_cell_colour_is_near_another_cells_colour():
    for name, (body, _) in art.HERO.items():
        for other, colour in other_cells().items():
            assert apart(body, colour) >= APART, (name, other, round(apart(body, colour), 1))


def test_no_t_cell_edge_is_near_another_cells_colour_either():
    """The darker edge is thinner than the body, so it may come a little closer."""
    for name, (_, edge) in art.HERO.items():
        for other, colour in other_cells().items():
            assert apart(edge, colour) >= APART * 0.75, (name, other, round(apart(edge, colour), 1))


def background_colours(scenes) -> dict[str, tuple[int, int, int]]:
    """What a cell is drawn over: each scene's background where the cells and pictures go
    (below the top bar, above the narration box: colours covering 2% of it or more), the lab
    dish, and the paper of picture tiles and map stops."""
    found = {"paper": art.PAPER, "dish": (248, 252, 255)}
    for scene in scenes.values():
        picture = art.background(scene.background)
        counts: dict[tuple[int, int, int], int] = {}
        samples = 0
        for y in range(110, 640, 5):
            for x in range(0, 1280, 5):
                colour = tuple(picture.get_at((x, y)))[:3]
                counts[colour] = counts.get(colour, 0) + 1
                samples += 1
        for colour, count in counts.items():
            if count >= samples * 0.02:
                found[f"{scene.id} {colour}"] = colour
    return found


def test_no_t_cell_colour_is_near_a_background_it_is_drawn_on(scenes, display):
    backgrounds = background_colours(scenes)
    assert len(backgrounds) > 6
    for name, (body, _) in art.HERO.items():
        for where, colour in backgrounds.items():
            assert apart(body, colour) >= APART, (name, where, round(apart(body, colour), 1))


def test_the_colours_to_pick_are_told_apart_also_by_colour_blind_children():
    for (one, (a, _)), (two, (b, _)) in itertools.combinations(art.HERO.items(), 2):
        assert apart(a, b) >= CHOICES_APART, (one, two)
        for kind in COLOUR_BLIND:
            seen = apart(seen_with(kind, a), seen_with(kind, b))
            assert seen >= CHOICES_APART_COLOUR_BLIND, (one, two, kind, round(seen, 1))


def test_the_face_stands_out_on_every_colour():
    for name, (body, _) in art.HERO.items():
        assert theme.contrast(art.face_colour(body), body) >= 3, name


@pytest.mark.parametrize(
    ("saved", "colour"),
    [
        ("meet.colour.pink", "purple"),  # pink was the leukemia cell's colour
        ("meet.colour.green", "lime"),  # green was nearly the B cell's
        ("meet.colour.orange", "yellow"),  # orange was nearly the platelet's
        ("meet.colour.sky", "sky"),
        ("meet.colour.tartan", DEFAULT_COLOUR),  # gone without a successor: the default
    ],
)
def test_a_child_saved_with_an_old_colour_keeps_a_near_one(scenes, saved, colour):
    options = {o.id: o for s in scenes.values() for c in s.choices for o in c.options}
    data = {"version": 1, "id": "child-1", "picked": {"colour": saved, "name": "meet.name.luna"}}
    profile = Profile.from_dict(data)
    assert profile.session(options).hero_colour == colour
    assert set(RENAMED_PICKS.values()) <= set(options)


def test_a_child_saved_with_the_old_name_star_keeps_a_name_now_dino(scenes):
    """The T cell name Star is gone (its badge was CD19's star): a child saved with it loads
    with Dino, its sun-, moon- and bolt-named friends as they were, and is saved so."""
    options = {o.id: o for s in scenes.values() for c in s.choices for o in c.options}
    assert "meet.name.star" not in options
    data = {"version": 2, "id": "child-1", "picked": {"colour": "meet.colour.sky"}}
    star = Profile.from_dict({**data, "picked": {**data["picked"], "name": "meet.name.star"}})
    session = star.session(options)
    assert session.hero_name == "meet.name.dino" and session.hero_colour == "sky"
    assert (
        options[session.hero_name].text == "Dino" and options[session.hero_name].picture == "dino"
    )
    assert star.to_dict()["picked"]["name"] == "meet.name.dino"
    luna = Profile.from_dict({**data, "picked": {**data["picked"], "name": "meet.name.luna"}})
    assert luna.session(options).hero_name == "meet.name.luna"


def outline(picture: str) -> pygame.Mask:
    """The shape of a picture, its see-through border cut away and stretched to 100 x 100,
    so a small star and a big one have the same outline."""
    drawn = pictures.picture(picture, 200)
    box = drawn.get_bounding_rect()
    shape = pygame.transform.scale(drawn.subsurface(box), (100, 100))
    return pygame.mask.from_surface(shape, 127)


def test_no_t_cell_names_badge_is_drawn_like_a_cd19_star(scenes, display):
    """A child whose T cell was called Star saw its star badge on every leukemia cell it
    hunted (CD19's stars). No name's badge has CD19's outline, or nearly."""
    badges = {
        o.text: o.picture for c in scenes["meet"].choices if c.keep == "name" for o in c.options
    }
    cd19 = outline("cd19")
    assert alike(outline("star"), cd19) > SAME_OUTLINE  # the check sees a star as a star
    for name, badge in badges.items():
        assert alike(outline(badge), cd19) < 0.6, (name, badge)


# shapes --------------------------------------------------------------------------------------
def silhouette(kind: str, radius: int, markers: bool = False, car: bool = False) -> pygame.Mask:
    sprite = art.cell_sprite(kind, radius, markers, car)
    canvas = pygame.Surface((400, 400), pygame.SRCALPHA)
    canvas.blit(sprite, sprite.get_rect(center=(200, 200)))
    return pygame.mask.from_surface(canvas, 127)


def alike(one: pygame.Mask, two: pygame.Mask) -> float:
    both = one.overlap_area(two, (0, 0))
    return both / (one.count() + two.count() - both)


def test_b_cells_and_leukemia_cells_always_wear_their_cd19_stars(scenes):
    """So their outline (stars on stalks, and lumps) is never a T cell's plain round one."""
    for scene in scenes.values():
        for actor in scene.actors:
            if actor.kind in ("b_cell", "leukemia_cell"):
                assert actor.markers, (scene.id, actor.id)


def unevenness(kind: str, radius: int) -> float:
    """How far a cell's body (drawn without its stars) is from a circle: its farthest edge from
    the middle less its nearest, over its radius."""
    sprite = art.cell_sprite(kind, radius, False, False)
    mask = pygame.mask.from_surface(sprite, 128)
    cx, cy = sprite.get_width() / 2, sprite.get_height() / 2
    edges = []
    for step in range(180):
        angle = step * math.tau / 180
        reach = 0.0
        while True:
            x, y = round(cx + math.cos(angle) * reach), round(cy + math.sin(angle) * reach)
            if not (0 <= x < mask.get_size()[0] and 0 <= y < mask.get_size()[1]):
                break
            if mask.get_at((x, y)):
                edge = reach
            reach += 0.25
        edges.append(edge)
    return (max(edges) - min(edges)) / radius


def test_a_leukemia_cell_looks_grown_wrong_and_a_healthy_b_cell_smooth():
    """Both carry CD19 stars (the brief, F12: healthy B cells have CD19 too, and the CAR fits
    them), so the stars cannot tell them apart; their bodies do, without colour: a leukemia
    cell's outline is plainly uneven (it grew wrong, F3), a healthy B cell's round. A play-test
    child could not tell which starred cells the hint meant."""
    from game.world.cells import BASE_RADIUS

    for radius in (round(BASE_RADIUS["leukemia_cell"]), round(BASE_RADIUS["b_cell"]), 24, 60):
        assert unevenness("leukemia_cell", radius) >= 0.25, radius
        assert unevenness("b_cell", radius) <= 0.12, radius  # a pixel or two at most
    for kind in ("leukemia_cell", "b_cell"):  # and both wear their CD19 stars
        sprite = art.cell_sprite(kind, 42, True, False)
        stars = sum(
            sprite.get_at((x, y)).a > 200 and math.dist(sprite.get_at((x, y))[:3], art.YELLOW) < 40
            for x in range(sprite.get_width())
            for y in range(sprite.get_height())
        )
        assert stars > 60, kind


def test_a_t_cells_outline_is_like_no_other_cells():
    from game.world.cells import BASE_RADIUS

    for car in (False, True):
        for size in (round(BASE_RADIUS["t_cell"]), 40):
            t_cell = silhouette("t_cell", size, car=car)
            for kind in ("leukemia_cell", "b_cell", "red_blood_cell", "platelet"):
                markers = kind in ("leukemia_cell", "b_cell")
                for other in (round(BASE_RADIUS[kind]), size):  # as in the hunt, and as big
                    similar = alike(t_cell, silhouette(kind, other, markers))
                    assert similar < SAME_OUTLINE, (car, size, kind, other, round(similar, 2))


def face_parts(sprite: pygame.Surface, radius: float, body, ink) -> list[pygame.Mask]:
    """The separate marks of face ink inside a cell (nearer the ink than the body colour by
    half their distance), largest first."""
    width, height = sprite.get_size()
    cx, cy = width / 2, height / 2
    marks = pygame.Mask((width, height))
    gap = math.dist(ink, body)
    for x in range(width):
        for y in range(height):
            if math.hypot(x + 0.5 - cx, y + 0.5 - cy) > radius * 0.8:
                continue
            colour = sprite.get_at((x, y))
            if colour.a >= 250 and math.dist(colour[:3], ink) < gap / 2:
                marks.set_at((x, y))
    return marks.connected_components(minimum=1)


def test_only_the_t_cell_has_a_face():
    for kind in art.CELL_COLOURS:
        markers = kind in ("leukemia_cell", "b_cell")
        sprite = art.cell_sprite(kind, 40, markers, False)
        body = art.CELL_COLOURS[kind][0 if markers else 1]
        assert face_parts(sprite, 40, body, art.INK) == [], kind


@pytest.mark.parametrize("colour", HERO_COLOURS)
def test_a_small_t_cell_still_smiles_and_a_tiny_one_has_no_face(colour):
    body, _ = art.HERO[colour]
    ink = art.face_colour(body)
    for radius in range(art.NO_FACE, 49):
        parts = face_parts(
            art.cell_sprite("t_cell", radius, False, False, colour), radius, body, ink
        )
        assert len(parts) == 3, (radius, len(parts))  # two eyes and a mouth, apart
        mouth = max(parts, key=lambda part: part.centroid()[1])
        box = mouth.get_bounding_rects()[0]
        points = [
            (x, y)
            for x in range(box.left, box.right)
            for y in range(box.top, box.bottom)
            if mouth.get_at((x, y))
        ]
        third = box.width / 3
        middle = [y for x, y in points if box.left + third <= x + 0.5 <= box.right - third]
        ends = [y for x, y in points if not box.left + third <= x + 0.5 <= box.right - third]
        # A smile: wider than deep, its middle lower than its corners, with the cell's own
        # colour showing above the middle of the line (a blob would fill its box).
        assert box.width >= 2 * box.height, (radius, box.size)
        assert sum(middle) / len(middle) > sum(ends) / len(ends) + 0.5, radius
        assert len(points) <= 0.6 * box.width * box.height, radius
        centre = [y for x, y in points if x == box.centerx]
        assert min(centre) > box.top, radius
    for radius in range(2, art.NO_FACE):
        sprite = art.cell_sprite("t_cell", radius, False, False, colour)
        assert face_parts(sprite, radius, body, ink) == [], radius


def spikes(radius: int, colour: str = "sky") -> list[tuple[float, float, bool]]:
    """What stands out of a CAR T cell's round body: the centre of each spike, from the cell's
    centre, and whether it holds the CAR's orange."""
    sprite = art.cell_sprite("t_cell", radius, False, True, colour)
    width, height = sprite.get_size()
    cx, cy = width / 2, height / 2
    outside = pygame.mask.from_surface(sprite, 60)
    body = pygame.Surface((width, height), pygame.SRCALPHA)
    pygame.draw.circle(body, (0, 0, 0), (cx, cy), radius + 1.5)
    outside.erase(pygame.mask.from_surface(body), (0, 0))
    found = []
    for part in outside.connected_components(minimum=2):
        x, y = part.centroid()
        box = part.get_bounding_rects()[0]
        orange = any(
            part.get_at((px, py)) and apart(sprite.get_at((px, py)), art.ORANGE) < 15
            for px in range(box.left, box.right)
            for py in range(box.top, box.bottom)
        )
        found.append((x - cx, y - cy, orange))
    return found


def test_tiny_car_t_cells_raise_a_few_cars_instead_of_bristling_like_a_germ():
    for radius in range(6, art.ALL_ROUND_CARS):
        found = spikes(radius)
        assert len(found) == len(art.car_angles(radius)) <= 3, (radius, len(found))
        assert all(dy < 0 for _, dy, _ in found), radius  # all on top, like raised hands
        assert all(orange for _, _, orange in found), radius  # each one the CAR's Y
    for radius in (art.ALL_ROUND_CARS, 46, 80):
        found = spikes(radius)
        assert len(found) == 6 and all(orange for _, _, orange in found), radius
        assert any(dy > 0 for _, dy, _ in found)  # all round the cell


# CARs after the lab --------------------------------------------------------------------------
def test_the_t_cell_wears_its_cars_in_every_chapter_after_the_lab(scenes):
    order = journey(scenes)
    from_lab = from_the_lab([scenes[i] for i in order])
    assert from_lab == tuple(order[order.index("lab") :])
    for chapter in order:
        after = order.index(chapter) > order.index("lab")
        # The same whether or not anything was played: a chapter played alone looks the same.
        assert wears_car(from_lab, (), chapter) is after
        assert wears_car(from_lab, order, chapter) is after
    assert not wears_car(from_lab, ["meet", "collect"])  # the map, the summary...
    assert wears_car(from_lab, ["meet", "collect", "lab"])
    assert wears_car(from_lab, ["hunt"])  # played alone
    assert not Session().has_car("hunt")  # a session that knows no journey: no CARs


@pytest.fixture
def drawn(monkeypatch):
    """Every picture of the child's T cells drawn while the test runs: (what, wears CARs)."""
    found: list[tuple[str, bool]] = []
    cell_sprite, picture = art.cell_sprite, pictures.picture

    def spy_sprite(kind, radius, markers, car, colour="sky"):
        if kind == "t_cell":
            found.append(("t_cell", car))
        return cell_sprite(kind, radius, markers, car, colour)

    def spy_picture(name, size, colour="sky", back=art.PAPER, car=False):
        if name in pictures.WITH_CAR:
            found.append((name, car))
        return picture(name, size, colour, back, car)

    monkeypatch.setattr(art, "cell_sprite", spy_sprite)
    monkeypatch.setattr(pictures, "picture", spy_picture)
    return found


def play(scenes, display, chapter: str, seconds: float):
    from game.app.loop import App, StepClock

    app = App(scenes, chapter, display, StepClock(), demo=True, stop_when_done=True)
    asyncio.run(app.run(round(seconds * 60)))
    return app


@pytest.mark.slow  # six chapters played for 25 s each, every frame drawn
@pytest.mark.parametrize("chapter", ["meet", "collect", "lab", "grow", "back", "hunt"])
def test_every_t_cell_a_chapter_draws_wears_cars_exactly_when_it_comes_after_the_lab(
    scenes, display, drawn, chapter
):
    play(scenes, display, chapter, 25)
    order = journey(scenes)
    assert drawn, chapter
    after = order.index(chapter) > order.index("lab")
    assert {car for _, car in drawn} == {after}, chapter


def test_the_boards_after_the_lab_show_the_t_cell_with_its_cars(scenes, display, drawn):
    """The boards' big T cell (after the last pick or card) and their T cell pictures."""
    from game.activities import registry
    from game.app.views.board_view import BoardView
    from game.script.texts import build_strings, load_library

    order = [scenes[i] for i in journey(scenes)]
    strings = build_strings(scenes, load_library())
    for scene_id, expected in (("meet", False), ("after", True), ("cheer", True)):
        scene = scenes[scene_id]
        session = Session(from_lab=from_the_lab(order))
        rules = registry()[scene.activity.name].make_rules(scene, 0, session)
        view = BoardView(scene, rules, session, strings)
        drawn.clear()
        view._hero(display.canvas, named=True)
        for choice in scenes[scene_id].choices:
            for option in choice.options:
                view._tile(display.canvas, option, pygame.Rect(0, 0, 240, 260), False)
        assert ("t_cell", expected) in drawn and {car for _, car in drawn} == {expected}


def test_the_map_shows_the_childs_t_cells_with_cars_from_the_lab_on(scenes, display, drawn):
    from game.app.screens.journey_map import JourneyMap
    from game.script.texts import build_strings, load_library

    chapters = [scenes[i] for i in journey(scenes)]
    strings = build_strings(scenes, load_library())
    JourneyMap(chapters, "meet", [], strings, colour="purple").draw(display.canvas)
    assert ("t_cell", False) in drawn  # 'Meet your T cell'
    assert ("many_cells", True) in drawn  # 'Many, many T cells', after the lab


def test_the_summary_and_the_profiles_show_cars_once_the_lab_is_played(scenes, display, drawn):
    from datetime import datetime

    from game.app.grownup.summary import draw_summary
    from game.app.screens.profiles_screen import ProfilesScreen
    from game.script.texts import build_strings, load_library

    chapters = [scenes[i] for i in journey(scenes)]
    strings = build_strings(scenes, load_library())
    before, after = Profile("child-1"), Profile("child-2")
    before.played, after.played = ["meet", "collect"], ["meet", "collect", "lab"]
    for profile, expected in ((before, False), (after, True)):
        drawn.clear()
        draw_summary(profile, chapters, strings, datetime(2026, 12, 1, 10, 0))
        assert drawn == [("t_cell", expected)]
    colours = [o for c in scenes["meet"].choices if c.keep == "colour" for o in c.options]
    names = [o for c in scenes["meet"].choices if c.keep == "name" for o in c.options]
    screen = ProfilesScreen(
        [before, after], colours, names, strings, from_lab=from_the_lab(chapters)
    )
    drawn.clear()
    screen.draw(display.canvas)
    assert sorted(drawn) == [("t_cell", False), ("t_cell", True)]


# the word book's pictures ----------------------------------------------------------------------
def test_white_blood_cell_has_its_own_picture_a_t_cell_and_a_b_cell_together(display):
    from game.script.gallery import DRAWN_PICTURES
    from game.script.texts import load_library

    chosen = {word.id: word.picture for word in load_library().book.words}
    white = chosen["words.white_blood_cell"]
    assert white in DRAWN_PICTURES and white not in (chosen["words.b_cell"], chosen["words.t_cell"])

    def showing(picture: pygame.Surface, colour) -> int:
        return pygame.mask.from_threshold(picture, colour, (12, 12, 12, 255)).count()

    t_body = art.HERO["sky"][0]
    b_body = art.CELL_COLOURS["b_cell"][0]
    both = pictures.picture(white, 200)
    assert showing(both, t_body) > 1000 and showing(both, b_body) > 1000  # one of each
    assert showing(pictures.picture("b_cell", 200), t_body) == 0  # where the B cell alone has none


# the quiz's pictures ---------------------------------------------------------------------------
def test_no_quiz_answer_shows_the_badge_of_the_name_zip(scenes, display):
    """The T cell name Zip has the lightning bolt as its badge: a child who named their T cell
    Zip never sees it as a wrong quiz answer ('With a magic wand' is a wand, drawn, its own)."""
    names = {
        o.text: o.picture for c in scenes["meet"].choices if c.keep == "name" for o in c.options
    }
    bolt = names["Zip"]
    quiz = [o for c in scenes["cheer"].questions for o in c.options]
    assert bolt not in {o.picture for o in quiz}
    magic = next(o for o in quiz if "wand" in o.text.lower())
    assert magic.picture in PICTURES and magic.picture not in names.values()
    wand, badge = pictures.picture(magic.picture, 200), pictures.picture(bolt, 200)
    yellow = pygame.mask.from_threshold(badge, art.YELLOW, (12, 12, 12, 255))
    assert yellow.count() > 2000  # the bolt is a big yellow shape...
    assert pygame.mask.from_threshold(wand, art.YELLOW, (12, 12, 12, 255)).count() < 500
    assert pygame.mask.from_threshold(wand, art.INK, (12, 12, 12, 255)).count() > 1000  # a wand


@pytest.mark.parametrize(
    "kind", ["t_cell", "leukemia_cell", "b_cell", "red_blood_cell", "platelet"]
)
def test_a_cell_painted_solid_is_solid_once_shrunk(display, kind):
    """Shrinking a picture painted three times larger loses a step or two of alpha: a body
    painted opaque came out 253 of 255, so it was a little see-through and every one of its
    pixels had to be blended. What was opaque stays opaque (a crowd of cells is drawn in half
    the time: ``python -m game bench``), and the soft edge keeps its shades."""
    sprite = art.cell_sprite(kind, 40, True, kind == "t_cell", "sky")
    alphas = [
        sprite.get_at((x, y)).a
        for x in range(sprite.get_width())
        for y in range(0, sprite.get_height())
    ]
    body = sum(a == 255 for a in alphas)
    edge = sum(0 < a < 250 for a in alphas)
    assert not [a for a in alphas if 250 <= a < 255]
    assert body > 4 * edge > 0
    centre = sprite.get_at((sprite.get_width() // 2, sprite.get_height() // 2))
    assert centre.a == 255


def test_a_small_face_smiles_with_a_thin_wide_smile(display):
    """Play-test: the care team's smiles read as moustaches at card size (a short smile as
    thick at three times the size as on a big face). The smile is several times wider than
    it is tall, however small the face."""
    r, unit = 72.0, 3.0  # a face 24 px across, painted three times larger
    surface = pygame.Surface((200, 200), pygame.SRCALPHA)
    pictures.draw_face(surface, 100, 100, r, unit)
    ink = [
        (x, y)
        for x in range(200)
        for y in range(100, 200)  # under the eyes
        if surface.get_at((x, y)).a > 128
    ]
    xs, ys = [x for x, _ in ink], [y for _, y in ink]
    assert ink and (max(xs) - min(xs)) >= 2.8 * (max(ys) - min(ys) + 1)
