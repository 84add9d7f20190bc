"""The hunt after two seconds of demo play looks as it should (within a tolerance).

When it does not, the actual picture is written beside the golden one to compare. To accept a
deliberate change of look: python -m game screenshot --scene hunt --at 2 tests/golden/hunt_2s.png
"""

from __future__ import annotations

import pygame

from conftest import ROOT
from game.cli import main

GOLDEN = ROOT / "tests" / "golden" / "hunt_2s.png"


def mean_difference(a: pygame.Surface, b: pygame.Surface) -> float:
    """Average per-channel difference, 0 to 255, over a grid of sample points."""
    total = count = 0
    for x in range(0, a.get_width(), 4):
        for y in range(0, a.get_height(), 4):
            pa, pb = a.get_at((x, y)), b.get_at((x, y))
            total += abs(pa.r - pb.r) + abs(pa.g - pb.g) + abs(pa.b - pb.b)
            count += 3
    return total / count


def test_the_hunt_looks_like_the_golden_screenshot(tmp_path):
    out = tmp_path / "hunt.png"
    assert main(["screenshot", "--scene", "hunt", "--at", "2", str(out)]) == 0
    actual, golden = pygame.image.load(out), pygame.image.load(GOLDEN)
    assert actual.get_size() == golden.get_size() == (1280, 800)
    difference = mean_difference(actual, golden)
    if difference > 2.0:
        pygame.image.save(actual, str(GOLDEN.with_suffix(".actual.png")))
    assert difference <= 2.0, (
        f"differs by {difference:.2f}; see {GOLDEN.with_suffix('.actual.png')}"
    )


def test_the_comparison_notices_a_real_change(tmp_path):
    golden = pygame.image.load(GOLDEN)
    changed = golden.copy()
    pygame.draw.circle(changed, (0, 0, 0), (640, 400), 200)
    assert mean_difference(golden, golden) == 0
    assert mean_difference(golden, changed) > 2.0
