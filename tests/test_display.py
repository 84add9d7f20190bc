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
