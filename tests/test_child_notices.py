"""What a play-test found a child would notice: their T cell is the colour they picked
wherever it is shown (the pause card, the break reminder, the word book, the IV bag), the bag
empties when the last drop is given, and the bag hangs from its pole and drips into its tube."""

from __future__ import annotations

from game.app.loop import App, StepClock
from game.app.ui import pictures
from game.script.catalog import journey, load_all


def test_the_pause_card_and_the_word_book_show_the_childs_colour(display, monkeypatch):
    scenes = load_all()
    app = App(scenes, journey(scenes)[0], display, StepClock())
    app.session.picked["colour"] = next(
        o for o in app.keeper.options.values() if o.colour == "lime"
    )
    asked = []
    real = pictures.picture

    def spy(name, size, colour="sky", *rest, **named):
        asked.append((name, colour))
        return real(name, size, colour, *rest, **named)

    monkeypatch.setattr(pictures, "picture", spy)
    app.play.outcome = "pause"
    app.frame()
    app.frame()
    assert ("t_cell", "lime") in asked and ("t_cell", "sky") not in asked

    asked.clear()
    from game.app.screens.word_page import BookScreen, WordPage

    book = BookScreen(app.library.book, app.strings, None, app.session.hero_colour)
    book.draw(display.canvas)
    t_cell = next(w for w in app.library.book.words if w.picture == "t_cell")
    WordPage(t_cell, app.strings, None, app.session.hero_colour).draw(display.canvas)
    assert asked and all(colour == "lime" for name, colour in asked if name == "t_cell")


def _has(surface, colour) -> bool:
    """Whether ``colour`` is painted somewhere (to within the smooth shrinking's rounding)."""
    width, height = surface.get_size()
    return any(
        all(abs(a - b) <= 4 for a, b in zip(surface.get_at((x, y))[:3], colour, strict=True))
        for x in range(0, width, 2)
        for y in range(0, height, 2)
    )


def test_the_iv_bag_holds_the_childs_cells_and_none_once_they_are_all_given(display):
    from game.app.ui import art
    from game.app.views.drip_view import _bag

    lime = art.HERO["lime"][0]
    full, empty = _bag(160, 220, 8, 8, "lime"), _bag(160, 220, 0, 8, "lime")
    assert _has(full, lime) and not _has(full, art.HERO["sky"][0])
    assert not any(_has(empty, body) for body, _ in art.HERO.values())  # not one cell left


def test_the_tube_reaches_the_bags_spout_and_the_wire_its_hook(display):
    """No gap a child would see between the bag and its tube, or the bag and its pole."""
    from game.script.catalog import load_all as scenes_now
    from game.world.drip import BAG, TUBE

    app = App(scenes_now(), "back", display, StepClock())
    stage = app.play.view.stage
    bx, by, bw, bh = BAG
    background = stage.get_at((40, 400))[:3]
    below = range(round(by + bh - 4), round(TUBE[0][1]) + 1)
    assert all(stage.get_at((round(TUBE[0][0]), y))[:3] != background for y in below)
    above = range(70, round(by) + 3)
    assert all(stage.get_at((round(bx + bw / 2), y))[:3] != background for y in above)


def test_the_soccer_ball_is_white_with_dark_patches(display):
    """It was an orange ball with curved lines: a basketball to a child."""
    from collections import Counter

    from game.app.ui import art

    ball = pictures.picture("ball", 200)
    seen = Counter(
        tuple(ball.get_at((x, y)))[:3]
        for x in range(0, 200, 2)
        for y in range(0, 200, 2)
        if ball.get_at((x, y))[3] >= 250  # inside the ball (smooth shrinking leaves 253)
    )
    (most, _), *_ = seen.most_common()
    assert min(most) >= 240  # white, mostly
    assert any(
        max(abs(a - b) for a, b in zip(colour, art.INK, strict=True)) <= 6 for colour in seen
    )
