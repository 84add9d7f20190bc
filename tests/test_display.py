"""The 1280×800 canvas fits any window: letterboxed, and pointer positions map back to it."""

from __future__ import annotations

import pygame
import pytest

from game.app.platform.display import LOGICAL, Display


@pytest.fixture(autouse=True)
def video():
    pygame.display.init()
    yield
    pygame.display.quit()


@pytest.mark.parametrize(
    ("window", "area"),
    [
        ((1280, 800), (0, 0, 1280, 800)),  # 16:10, exact
        ((1024, 768), (0, 64, 1024, 640)),  # 4:3: bars above and below
        ((1920, 1080), (96, 0, 1728, 1080)),  # 16:9: bars left and right
        ((2560, 1600), (0, 0, 2560, 1600)),  # high-DPI 16:10
    ],
)
def test_the_canvas_is_letterboxed_into_any_window(window, area):
    display = Display(window)
    assert tuple(display.area) == area
    x, y = display.to_window(640, 400)
    assert display.to_logical(x, y) == pytest.approx((640, 400))
    display.canvas.fill((10, 200, 30))
    display.present()
    shown = display.window.get_at(display.area.center)
    assert [abs(a - b) <= 3 for a, b in zip(shown[:3], (10, 200, 30), strict=True)] == [True] * 3


def test_a_tiny_window_still_works():
    display = Display((160, 100))
    display.present()
    assert display.to_logical(80, 50) == pytest.approx((640, 400))
    assert display.canvas.get_size() == LOGICAL


def test_points_in_the_bars_are_clamped_to_the_canvas():
    display = Display((1024, 768))
    assert display.to_logical(10, 5) == pytest.approx((12.5, 0))


def test_a_changed_area_alone_is_scaled_into_the_window_without_a_seam():
    """Only what changed is rescaled; it looks as it would had the whole canvas been."""
    display = Display((1920, 1080))
    canvas = display.canvas
    for x in range(0, 1280, 40):
        pygame.draw.line(canvas, (200, 40, 90), (x, 0), (1279 - x, 799), 5)
    display.present()
    pygame.draw.circle(canvas, (20, 120, 220), (640, 400), 90)
    whole = display.window.copy()
    display.present([pygame.Rect(0, 304, 1280, 192)])
    partial = display.window.copy()
    display.present()
    for x in range(96, 1824, 7):
        for y in range(0, 1080, 5):
            a, b = partial.get_at((x, y)), display.window.get_at((x, y))
            assert max(abs(a[i] - b[i]) for i in range(3)) <= 4, (x, y)
    assert whole.get_at((960, 540)) != display.window.get_at((960, 540))  # it did change


def test_a_small_change_is_scaled_alone_across_too():
    """A glow round one stop rescales a small square, not whole rows, and shows no seam."""
    display = Display((1920, 1080))
    canvas = display.canvas
    for x in range(0, 1280, 40):
        pygame.draw.line(canvas, (200, 40, 90), (x, 0), (1279 - x, 799), 5)
    display.present()
    pygame.draw.circle(canvas, (20, 120, 220), (300, 250), 80)
    before = display.window.copy()
    display.present([pygame.Rect(210, 160, 182, 182)])
    partial = display.window.copy()
    display.present()
    for x in range(96, 1824, 5):
        for y in range(0, 1080, 5):
            a, b = partial.get_at((x, y)), display.window.get_at((x, y))
            assert max(abs(a[i] - b[i]) for i in range(3)) <= 4, (x, y)
    far = display.to_window(1000, 250)
    assert partial.get_at((int(far[0]), int(far[1]))) == before.get_at((int(far[0]), int(far[1])))


def _words(canvas: pygame.Surface) -> pygame.Rect:
    """Dark words on a pale card, and a hard edge: what scaling must not blur."""
    pygame.font.init()
    canvas.fill((250, 240, 230))
    words = pygame.font.Font(None, 40).render("CD19 star", True, (30, 30, 40))
    canvas.blit(words, (500, 380))
    canvas.fill((30, 30, 40), pygame.Rect(640, 100, 640, 200))  # dark from x = 640 on
    return words.get_rect(topleft=(500, 380))


def test_words_stay_as_sharp_as_on_the_canvas_in_a_window_twice_its_size():
    """On a high-DPI screen (2560 x 1600) each canvas pixel becomes a block of 2 x 2 window
    pixels of its very colour: no smoothing smears an edge of a letter over its neighbours."""
    display = Display((2560, 1600))
    assert display.crisp == 2
    area = _words(display.canvas)
    display.present()
    for x in range(area.left, area.right):
        for y in range(area.top, area.bottom, 3):
            colour = display.canvas.get_at((x, y))
            for dx, dy in ((0, 0), (1, 0), (0, 1), (1, 1)):
                assert display.window.get_at((2 * x + dx, 2 * y + dy)) == colour, (x, y)


def test_at_a_scale_between_whole_steps_only_the_rest_is_smoothed():
    """At 2.5 x the whole steps are taken crisp and only the last half smoothed: a hard edge
    is blurred over fewer window pixels than by smoothing all of the scale, and a piece sent
    alone still looks as in a whole frame."""
    display = Display((3200, 2000))
    assert display.crisp == 2
    _words(display.canvas)
    display.present()
    smoothed = pygame.transform.smoothscale(display.canvas, (3200, 2000))

    def blurred(picture: pygame.Surface) -> int:  # pixels between pale and dark, by the edge
        row = [picture.get_at((x, 500)).r for x in range(1560, 1640)]
        return sum(40 < red < 240 for red in row)

    assert blurred(display.window) < blurred(smoothed)
    whole = display.window.copy()
    display.present([pygame.Rect(600, 120, 100, 60)])  # the edge, sent alone
    for x in range(1400, 1800, 3):
        for y in range(250, 800, 7):
            assert display.window.get_at((x, y)) == whole.get_at((x, y)), (x, y)
