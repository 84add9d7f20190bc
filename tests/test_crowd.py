"""A hunt among hundreds of cells (``bench``) stays light: half the crowd drifts at each frame
and cells lying on one another are spread at every other; a hunt of a few dozen cells moves
every cell at every frame. Spreading compares each cell only with its neighbours, and finds
every pair a comparison of all with all would."""

from __future__ import annotations

import itertools
import math
import random

from game import bench
from game.script.catalog import load_all
from game.world import cells as cellmod
from game.world.cells import Cell
from game.world.hunt import CROWD, SPREAD_OVERLAP, HuntRules


def _hunt(count: int) -> HuntRules:
    scenes = load_all()
    return HuntRules(bench.crowded_hunt(scenes, count), seed=3)


def _places(rules: HuntRules) -> dict[int, tuple[float, float]]:
    return {c.id: (c.x, c.y) for c in rules.cells if c is not rules.player}


def _moved(before: dict, after: dict) -> set[int]:
    return {i for i, place in after.items() if before.get(i) != place}


def test_a_crowd_drifts_in_two_halves_each_at_every_other_frame():
    rules = _hunt(400)
    assert len(rules.cells) > CROWD
    drifting = {c.id for c in rules.cells if c.drift_style != "still" and c is not rules.player}
    first = _places(rules)
    rules.update(1 / 60)
    second = _places(rules)
    rules.update(1 / 60)
    third = _places(rules)
    moved_first = _moved(first, second) & drifting
    moved_second = _moved(second, third) & drifting
    even = {i for i in drifting if i % 2 == 0}
    odd = drifting - even
    # (Spreading may nudge a few cells of the other half.)
    assert len(moved_first & even) > 0.95 * len(even)
    assert len(moved_first & odd) < 0.2 * len(odd)
    assert len(moved_second & odd) > 0.95 * len(odd)
    assert len(moved_second & even) < 0.2 * len(even)


def test_a_crowd_drifts_as_far_as_a_hunt_that_moves_every_cell_every_frame():
    """Moving at every other frame by twice as much: the blood flows as fast."""
    crowd = _hunt(400)
    flowing = [c for c in crowd.cells if c.drift_style == "flow" and c.state == "free"]
    start = {c.id: c.x for c in flowing}
    for _ in range(60):
        crowd.update(1 / 60)
    travelled = [
        c.x - start[c.id] for c in flowing if c.state == "free" and c.x > start[c.id]
    ]  # (a cell that left on the right came back on the left)
    expected = [c.drift_speed for c in flowing if c.state == "free" and c.x > start[c.id]]
    assert travelled
    assert math.isclose(sum(travelled), sum(expected), rel_tol=0.15)


def test_a_hunt_of_a_few_dozen_cells_moves_every_cell_at_every_frame():
    scenes = load_all()
    rules = HuntRules(scenes["hunt"], seed=3)
    assert len(rules.cells) <= CROWD
    drifting = {c.id for c in rules.cells if c.drift_style != "still" and c is not rules.player}
    assert drifting
    for _ in range(2):
        before = _places(rules)
        rules.update(1 / 60)
        assert drifting <= _moved(before, _places(rules))


def _pushed_pairs(crowd: list[Cell]) -> set[tuple[int, int]]:
    """Every pair lying on one another, by comparing all with all."""
    return {
        tuple(sorted((a.id, b.id)))
        for a, b in itertools.combinations(crowd, 2)
        if math.hypot(a.x - b.x, a.y - b.y) < (a.radius + b.radius) * SPREAD_OVERLAP
    }


def test_spreading_by_neighbours_finds_every_pair_lying_on_one_another():
    rules = _hunt(60)
    place = random.Random(5)
    crowd = [c for c in rules.cells if c is not rules.player][:120]
    for cell in crowd:  # a heap of cells in one corner and a few far off
        cell.state = "free"
        cell.x = place.uniform(60, 400) if cell.id % 5 else place.uniform(60, 1220)
        cell.y = place.uniform(120, 400) if cell.id % 5 else place.uniform(120, 600)
    overlapping = _pushed_pairs(crowd)
    assert overlapping
    before = {c.id: (c.x, c.y) for c in crowd}
    rules._spread(crowd, 1 / 60)
    pushed = {c.id for c in crowd if (c.x, c.y) != before[c.id]}
    # (A cell pushed onto another is pushed on too: more may move, none is missed.)
    assert {i for pair in overlapping for i in pair} <= pushed
    for cell in crowd:  # and every cell stays inside the band
        left, top, right, bottom = cellmod.BOUNDS
        assert left + cell.radius <= cell.x <= right - cell.radius
        assert top + cell.radius <= cell.y <= bottom - cell.radius


def test_cells_heaped_together_come_apart_over_a_second_or_two():
    rules = _hunt(60)
    crowd = [c for c in rules.cells if c is not rules.player][:12]
    for index, cell in enumerate(crowd):
        cell.state, cell.x, cell.y = "free", 600 + index * 3, 350 + index * 2

    def closest() -> float:  # the nearest two, as a share of their two radii
        return min(
            math.hypot(a.x - b.x, a.y - b.y) / (a.radius + b.radius)
            for a, b in itertools.combinations(crowd, 2)
        )

    assert closest() < 0.1
    for _ in range(30):  # half a second: gently, never a jump
        rules._spread(crowd, 1 / 60)
    assert closest() < 0.6
    for _ in range(120):  # two seconds and a half in all: each cell can be seen
        rules._spread(crowd, 1 / 60)
    assert closest() > 0.85
