"""The cell world's rules, tested directly (no pygame): the CAR binds only to CD19, and the
child looks only for the leukemia cells (the cells the goals count), never for healthy B cells."""

from __future__ import annotations

import itertools
import math
import random
import textwrap

from conftest import ROOT
from game.script.model import Scene
from game.script.runner import Progress, Runner, Say
from game.script.schema import load_scene, parse_scene
from game.world.cells import BOUNDS, CAR_REACH
from game.world.hunt import (
    ASSIST_REACH,
    BUDDY_REST,
    DOCK_SECONDS,
    FADE_SECONDS,
    FIND_REST,
    HUNTING_GRACE,
    NAME_TAG_ROOM,
    POP_SECONDS,
    QUIET_AFTER_BIND,
    SPREAD_OVERLAP,
    HuntBot,
    HuntRules,
    drawn_reach,
)

STEP = 1 / 60


def world(extra: str = "", assist: int = 0, buddies: int = 0, count: int = 1) -> HuntRules:
    return HuntRules(small_hunt(extra, assist, buddies, count), seed=1)


def small_hunt(extra: str = "", assist: int = 0, buddies: int = 0, count: int = 1) -> Scene:
    """A small hunt: the child's T cell, ``count`` leukemia cells to find ('sick'), a red
    cell; and ``extra`` actors."""
    places = ", ".join(f"[{600 + 150 * i}, 350]" for i in range(count))
    text = textwrap.dedent(f"""\
        version: 1
        id: w
        title: W
        activity: {{name: hunt, aim_assist: {assist}, player_speed: 300, buddies: {buddies}}}
        actors:
          - {{id: hero, kind: t_cell, player: yes, car: cd19, place: {{at: [[200, 350]]}}}}
          - {{id: sick, kind: leukemia_cell, count: {count}, markers: [cd19],
             place: {{at: [{places}]}}}}
          - {{id: red, kind: red_blood_cell, place: {{at: [[200, 550]]}}}}
        {extra}
        lines: []
        goals: [{{id: find, when: bind, actor: sick, count: {count}}}]
        """)
    return parse_scene("w.yaml", text.encode(), ROOT / "assets")


def run(rules: HuntRules, seconds: float) -> list:
    events = []
    for _ in range(round(seconds / STEP)):
        events += rules.update(STEP)
    return events


def cell(rules: HuntRules, actor: str):
    return next(c for c in rules.cells if c.actor == actor)


def test_touching_a_cell_with_cd19_binds_it_and_it_breaks_apart():
    rules = world()
    rules.point(600, 350)
    events = run(rules, 1.2)
    assert [(e.type, e.actor) for e in events] == [("bind", "sick")]
    events = run(rules, DOCK_SECONDS + POP_SECONDS)
    assert [(e.type, e.actor) for e in events] == [("pop", "sick")]
    assert cell(rules, "sick").state == "gone"
    assert rules.buddies == []  # no buddies unless the scene asks for them


def test_each_cell_found_brings_a_buddy_up_to_the_scenes_number():
    scene_text = """\
version: 1
id: w
title: W
activity: {name: hunt, buddies: 1}
actors:
  - {id: hero, kind: t_cell, player: yes, car: cd19, place: {at: [[200, 350]]}}
  - {id: sick, kind: leukemia_cell, count: 2, markers: [cd19],
     place: {at: [[500, 350], [800, 350]]}}
lines: []
goals: [{id: find, when: bind, actor: sick, count: 2}]
"""
    rules = HuntRules(parse_scene("w.yaml", scene_text.encode(), ROOT / "assets"), seed=1)
    rules.point(1000, 350)
    events = run(rules, 6.0)
    types = [e.type for e in events]
    assert types.count("pop") == 2
    assert types.count("buddy") == 1
    assert len(rules.buddies) == 1
    assert rules.buddies[0].distance_to(rules.player) < rules.player.radius + 80


def test_a_cell_without_cd19_does_not_fit_it_wiggles_and_stays():
    rules = world()
    rules.point(200, 560)
    events = run(rules, 1.5)
    red = cell(rules, "red")
    assert [(e.type, e.actor) for e in events] == [("no_fit", "red")]
    assert red.state == "free"
    assert red.distance_to(rules.player) >= rules.player.radius + red.radius * 0.9 - 0.5


def test_a_t_cell_without_a_car_binds_nothing():
    rules = world()
    rules.player.car = None
    rules.point(600, 350)
    assert all(e.type != "bind" for e in run(rules, 2.0))


def test_keyboard_steering_moves_the_t_cell():
    rules = world()
    rules.steer(1, 0)
    run(rules, 0.5)
    assert rules.player.x > 300 and abs(rules.player.y - 350) < 1


def test_the_t_cell_stays_wholly_on_screen_steered_to_the_far_right_and_the_corners():
    rules = HuntRules(shipped_hunt(), seed=4)
    player = rules.player
    left, top, right, bottom = BOUNDS
    reach = player.radius * CAR_REACH  # its CARs stand out from its body

    def inside() -> None:
        assert left + reach <= player.x <= right - reach
        assert top + reach <= player.y <= bottom - player.radius - NAME_TAG_ROOM
        for buddy in rules.buddies:
            assert left <= buddy.x - buddy.radius and buddy.x + buddy.radius <= right

    rules.steer(1, 0)  # held right, long after the edge
    for _ in range(round(8 / STEP)):
        rules.update(STEP)
        inside()
    assert player.x == right - reach  # right at the edge, CARs and all on screen
    rules.steer(0, 0)
    for corner in ((1279, 95), (1279, 640), (2, 640), (2, 95)):  # taps at and past the edges
        rules.point(*corner)
        for _ in range(round(5 / STEP)):
            rules.update(STEP)
            inside()
    assert rules.buddies  # it found cells on the way, and its buddies stayed on screen too


def test_aim_assist_bends_a_near_miss_into_a_match():
    def miss(assist: int) -> list:
        rules = world(assist=assist)
        rules.player.x, rules.player.y = 430, 350 - 100
        rules.point(900, 350 - 100)  # heading right, passing above the cell
        return [e.type for e in run(rules, 2.5)]

    assert "bind" not in miss(0)
    assert "bind" in miss(3)
    assert ASSIST_REACH[3] > ASSIST_REACH[1] > ASSIST_REACH[0] == 0


def test_the_helping_arrow_shows_from_help_level_two():
    rules = world(assist=1)
    assert rules.hint_target() is None
    rules.set_assist(2)
    assert rules.hint_target() is cell(rules, "sick")


def test_the_same_seed_builds_the_same_world():
    first, second = world(), world()
    assert [(c.x, c.y) for c in first.cells] == [(c.x, c.y) for c in second.cells]


def test_the_bot_finds_every_cell_the_car_fits():
    rules = world()
    bot = HuntBot()
    for _ in range(600):
        for gesture in bot.step(rules, STEP):
            if type(gesture).__name__ in ("Press", "Move"):
                rules.point(gesture.x, gesture.y)
        rules.update(STEP)
    assert cell(rules, "sick").state == "gone"


def test_a_t_cell_resting_in_the_stream_is_not_told_does_not_fit_again_and_again():
    rules = world(
        extra="  - {id: flow, kind: red_blood_cell, count: 12, drift: {style: flow, "
        "speed: 80}, place: {area: [0, 300, 400, 100]}}"
    )
    rules.point(200, 350)  # the child lets the T cell rest in the blood's flow
    events = run(rules, 20.0)
    assert [e for e in events if e.type == "no_fit"] == []


# healthy B cells: told about, never hunted ---------------------------------------------------
#: A healthy B cell right between the child's T cell and the leukemia cell.
HEALTHY = "  - {id: healthy, kind: b_cell, markers: [cd19], place: {at: [[400, 350]]}}"


def shipped_hunt() -> Scene:
    return load_scene(ROOT / "scenes" / "hunt.yaml", "scenes/hunt.yaml", ROOT / "assets")


def play(rules: HuntRules, bot: HuntBot) -> None:
    """One frame of the bot's finger."""
    for gesture in bot.step(rules, STEP):
        if type(gesture).__name__ == "Release":
            rules.release()
        else:
            rules.point(gesture.x, gesture.y)


def test_a_healthy_b_cell_is_never_a_target_spot_or_hint_even_when_nearer():
    rules = world(extra=HEALTHY, assist=3)
    sick, healthy = cell(rules, "sick"), cell(rules, "healthy")
    assert rules.player.distance_to(healthy) < rules.player.distance_to(sick)
    assert rules.targets() == [sick] and rules.nearest_target() is sick
    assert [(s.x, s.y) for s in rules.spots()] == [(sick.x, sick.y)]
    assert rules.hint_target() is sick
    assert rules.bystanders() == [healthy]
    rules.player.x = 520  # past the B cell, beside the leukemia cell
    rules.point(600, 350)
    run(rules, DOCK_SECONDS + POP_SECONDS + 0.5)
    assert sick.state == "gone" and healthy.state == "free"
    assert rules.targets() == [] and rules.spots() == []
    assert rules.nearest_target() is None and rules.hint_target() is None


def test_meeting_a_healthy_b_cell_fades_it_quietly_and_counts_for_nothing():
    scene = small_hunt(extra=HEALTHY, buddies=2)
    rules, runner = HuntRules(scene, seed=1), Runner(scene)
    runner.start()
    healthy = cell(rules, "healthy")
    rules.point(400, 350)
    events = run(rules, 1.0)
    assert [(e.type, e.actor) for e in events] == [("bind", "healthy")]
    assert healthy.state == "meeting" and rules.holder(healthy) is rules.player
    events += run(rules, DOCK_SECONDS + FADE_SECONDS)
    assert [(e.type, e.actor) for e in events] == [("bind", "healthy"), ("fade", "healthy")]
    assert healthy.state == "gone" and rules.buddies == []  # no pop, no buddy: not a win
    outputs = [out for event in events for out in runner.handle(event)]
    assert not any(isinstance(out, Progress) for out in outputs)
    assert runner.progress == {"find": 0} and rules.targets() == [cell(rules, "sick")]


def on_the_buddy(rules: HuntRules, buddy, other) -> list:
    """Put ``other`` against the buddy's outer side, out of the child's T cell's reach."""
    away = buddy.distance_to(rules.player)
    other.x = buddy.x + (buddy.x - rules.player.x) / away * 20
    other.y = buddy.y + (buddy.y - rules.player.y) / away * 20
    return rules.update(STEP)


def find_with_the_childs_cell(rules: HuntRules, target) -> list:
    rules.point(target.x, target.y)
    return run(rules, 1.5 + DOCK_SECONDS + POP_SECONDS + FIND_REST)


def test_a_buddy_meets_b_cells_and_finds_leukemia_cells_that_count():
    rules = world(extra=HEALTHY, buddies=1, count=3)
    first = cell(rules, "sick")
    healthy = cell(rules, "healthy")
    rules.player.x = 520  # beside the first leukemia cell, past the B cell
    rules.point(520, 350)
    events = run(rules, DOCK_SECONDS + POP_SECONDS)
    assert [e.type for e in events] == ["bind", "pop", "buddy"] and first.state == "gone"
    buddy = rules.buddies[0]
    assert [(e.type, e.actor) for e in on_the_buddy(rules, buddy, healthy)] == [("bind", "healthy")]
    assert rules.holder(healthy) is buddy and healthy.state == "meeting"
    run(rules, DOCK_SECONDS + 0.1)
    assert healthy.state in ("fading", "gone")


def test_the_child_finds_at_least_two_in_three_and_the_last_one():
    rules = world(buddies=3, count=4)
    first, second, third, last = [c for c in rules.cells if c.actor == "sick"]
    rules.player.x = 520
    find_with_the_childs_cell(rules, first)
    assert first.state == "gone" and len(rules.buddies) == 1
    buddy = rules.buddies[0]
    assert on_the_buddy(rules, buddy, second) == []  # one found: the child finds the next
    find_with_the_childs_cell(rules, second)
    assert second.state == "gone"
    rules.point(rules.player.x, rules.player.y)  # the child hunts on, beside their buddy
    run(rules, BUDDY_REST)
    assert [(e.type, e.actor) for e in on_the_buddy(rules, buddy, third)] == [("bind", "sick")]
    assert rules.holder(third) is buddy  # two found by the child: a buddy may help with one
    run(rules, DOCK_SECONDS + POP_SECONDS)
    assert on_the_buddy(rules, buddy, last) == [] and rules.targets() == [last]


def test_the_child_finds_the_cells_a_resting_t_cell_and_its_buddies_find_none():
    """Play-test: the counter rose from two to four in two and a half seconds while the child
    did nothing. A leukemia cell that drifts into the T cell resting on its own is only nudged
    aside, and the buddies wait for the child; once the child hunts again, cells are found."""
    rules = world(buddies=3, count=5)
    first, second, third, drifting, _ = [c for c in rules.cells if c.actor == "sick"]
    rules.player.x = 520
    find_with_the_childs_cell(rules, first)
    find_with_the_childs_cell(rules, second)
    rules.release()
    run(rules, HUNTING_GRACE + BUDDY_REST)  # the child rests: their T cell has stopped
    assert not rules.hunting and len(rules.buddies) == 2
    buddy = rules.buddies[1]
    assert on_the_buddy(rules, buddy, third) == []  # a buddy does not find it for them
    drifting.x, drifting.y = rules.player.x + rules.player.radius, rules.player.y
    events = run(rules, 1.0)  # nor does it count when it drifts into the resting T cell
    assert events == [] and drifting.state == "free" and third.state == "free"
    assert rules.player.distance_to(drifting) >= rules.player.radius  # nudged aside
    rules.point(drifting.x, drifting.y)  # the child hunts again: they find it
    events = []
    while not events and rules.time < 60:
        events = rules.update(STEP)
    assert [(e.type, e.actor) for e in events] == [("bind", "sick")]
    assert rules.holder(drifting) is rules.player


def test_once_the_child_has_found_two_a_buddy_goes_to_meet_a_healthy_b_cell():
    """F12 is told to every child: the CAR T cells meet a healthy B cell without the child
    ever having to chase one."""
    far = "  - {id: healthy, kind: b_cell, markers: [cd19], place: {at: [[400, 600]]}}"
    rules = world(extra=far, buddies=2, count=3)
    first, second, _ = [c for c in rules.cells if c.actor == "sick"]
    healthy = cell(rules, "healthy")
    rules.player.x = 520
    events = find_with_the_childs_cell(rules, first)
    assert healthy.state == "free"
    assert ("bind", "healthy") not in [(e.type, e.actor) for e in events]
    events = find_with_the_childs_cell(rules, second)
    events += run(rules, 4.0)
    assert [(e.type, e.actor) for e in events if e.actor == "healthy"] == [
        ("bind", "healthy"),
        ("fade", "healthy"),
    ]
    assert healthy.state in ("fading", "gone")
    run(rules, 2.0)
    assert rules.buddies[0].distance_to(rules.player) < 150  # and back with the others


def test_the_bot_finds_every_leukemia_cell_and_never_touches_a_healthy_b_cell():
    """... and every child still hears that the CAR fits healthy B cells too (a buddy meets
    one): never left to chance."""
    scene = shipped_hunt()
    assert [(g.when, g.actor, g.marker) for g in scene.goals] == [("bind", "leukemia", None)]
    for seed in range(12):
        rules, runner, bot = HuntRules(scene, seed=seed), Runner(scene), HuntBot()
        runner.start()
        player = rules.player
        healthy = [c for c in rules.cells if c.kind == "b_cell"]
        frames = 0
        said = []
        while not runner.all_done:
            frames += 1
            assert frames < 150 / STEP, f"seed {seed}: the hunt did not end"
            play(rules, bot)
            for event in rules.update(STEP):
                said += [o.line_id for o in runner.handle(event) if isinstance(o, Say)]
            for b in healthy:
                assert rules.holder(b) is not player, f"seed {seed}: met a B cell"
                if b.state == "free":
                    touching = player.radius + b.radius * 0.9
                    assert player.distance_to(b) >= touching - 0.01, f"seed {seed}"
        assert "hunt.healthy" in said and "hunt.germs" in said, f"seed {seed}"


def test_while_the_goal_is_unmet_a_leukemia_cell_is_always_free_to_find():
    """A child swimming anywhere, the buddies finding cells as they swim with it: whoever
    finds a leukemia cell, it counts, so the goal can always be reached."""
    scene = shipped_hunt()
    by_buddies = finished = 0
    for seed in range(30):
        rules, runner = HuntRules(scene, seed=seed), Runner(scene)
        runner.start()
        rules.set_assist(3)
        walk = random.Random(seed)
        for frame in range(round(30 / STEP)):
            if frame % 24 == 0:
                rules.point(walk.uniform(0, 1280), walk.uniform(90, 620))
            for event in rules.update(STEP):
                runner.handle(event)
                if event.type == "bind" and event.actor == "leukemia":
                    held = [c for c in rules.cells if c.state == "docking"]
                    by_buddies += any(rules.holder(c) is not rules.player for c in held)
            if runner.all_done:
                finished += 1
                break
            free = [c for c in rules.targets() if c.actor == "leukemia"]
            assert free and free == rules.targets(), f"seed {seed}, frame {frame}"
    assert by_buddies > 0 and finished > 0


# "does not fit": only for a push on purpose, never right after a match -------------------------
def test_no_fit_never_follows_a_bind_within_the_moment():
    rules = world()
    sick, red = cell(rules, "sick"), cell(rules, "red")
    sick.x, red.x, red.y = 1100, 1245, 350  # a red cell right behind it, against the wall
    rules.player.x = 900
    rules.point(1250, 350)  # the child pushes on after the match, into the red cell
    found = []
    for _ in range(round(6 / STEP)):
        found += [(e.type, rules.time) for e in rules.update(STEP)]
    binds = [t for kind, t in found if kind == "bind"]
    no_fits = [t for kind, t in found if kind == "no_fit"]
    assert len(binds) == 1 and no_fits  # pushing on and on is still told, after the moment
    assert no_fits[0] - binds[0] >= QUIET_AFTER_BIND


def test_brushing_past_a_cell_is_not_trying_it():
    rules = world()
    sick, red = cell(rules, "sick"), cell(rules, "red")
    sick.y = 150
    red.x, red.y = 600, 410  # the T cell's edge overlaps it a little on the way by
    rules.point(1000, 350)
    events = run(rules, 3.0)
    assert rules.player.x > 900 and red.y > 410  # it was nudged aside: they touched
    assert [e for e in events if e.type == "no_fit"] == []


def test_no_fit_is_never_told_of_a_cell_with_the_marker_nor_right_after_a_bind():
    """A child swimming anywhere, through crowds of cells."""
    scene = shipped_hunt()
    told = 0
    for seed in range(20):
        rules = HuntRules(scene, seed=seed)
        walk = random.Random(seed)
        last_bind = -QUIET_AFTER_BIND
        for frame in range(round(30 / STEP)):
            if frame % 30 == 0:
                rules.point(walk.uniform(0, 1280), walk.uniform(90, 620))
            for event in rules.update(STEP):
                if event.type == "bind":
                    last_bind = rules.time
                elif event.type == "no_fit":
                    told += 1
                    assert "cd19" not in event.markers
                    assert rules.time - last_bind >= QUIET_AFTER_BIND
    assert told > 0


# the check ---------------------------------------------------------------------------------------
def hunt_problem(goal: str, actors: str = "") -> tuple[int, int, str]:
    """The one problem in a small hunt with ``goal`` (its lines under '- id: find')."""
    from conftest import MINIMAL, only_problem

    text = MINIMAL.replace("    markers: [cd19]\nlines:", f"    markers: [cd19]\n{actors}lines:")
    text = text.replace("    when: bind\n    marker: cd19\n    count: 2\n", goal)
    return only_problem(text)


B_CELLS = "  - id: b_cells\n    kind: b_cell\n    count: 2\n    markers: [cd19]\n"


def test_the_check_refuses_a_goal_the_cells_that_count_cannot_reach():
    assert hunt_problem("    when: bind\n    actor: leukemia\n    count: 3\n") == (
        18,
        5,
        "goal 'find' needs 3 cells the CAR fits, but the scene has 2",
    )


def test_the_check_refuses_a_goal_that_counts_healthy_b_cells():
    line, col, message = hunt_problem("    when: bind\n    marker: cd19\n    count: 4\n", B_CELLS)
    assert (line, col) == (22, 5)
    assert message == (
        "goal 'find' counts healthy B cells ('b_cells'), but the child must never have to "
        "chase them: count the leukemia cells ('actor: leukemia')"
    )
    line, col, message = hunt_problem("    when: bind\n    actor: b_cells\n    count: 2\n", B_CELLS)
    assert (line, col) == (24, 12) and "counts healthy B cells ('b_cells')" in message
    line, col, message = hunt_problem("    when: fade\n    count: 1\n", B_CELLS)
    assert (line, col) == (22, 5) and "healthy B cells that fade" in message


def test_the_check_refuses_more_buddies_than_can_join():
    assert hunt_problem("    when: buddy\n    count: 3\n") == (
        18,
        5,
        "goal 'find' needs 3 buddies, but the hunt lets 0 join ('buddies: 0')",
    )


def test_the_shipped_hunt_counts_leukemia_cells_and_can_be_finished():
    scene = shipped_hunt()  # loading it runs the check
    leukemia = scene.actor("leukemia")
    assert leukemia.kind == "leukemia_cell" and scene.goals[0].count <= leukemia.count


# play-test: a crowd of cells at the T cell -------------------------------------------------------
def test_no_fit_is_never_told_while_the_t_cell_touches_a_cell_with_stars():
    """A red cell against the wall, a healthy B cell's stars touching the T cell beside it:
    the child sees stars at their T cell, so "That cell has no stars" is never said."""
    rules = world(extra=HEALTHY)
    red, healthy = cell(rules, "red"), cell(rules, "healthy")
    cell(rules, "sick").y = 150
    red.x, red.y = 1250, 350
    stop = red.x - rules.player.radius - red.radius * 0.9  # where the T cell meets the red cell
    healthy.x, healthy.y = stop, 350 - (rules.player.radius + healthy.radius + 4)
    rules.player.x = 1000
    rules.point(1270, 350)  # pushing on and on into the red cell
    events = run(rules, 4.0)
    assert healthy.state == "free"  # not held: only touching, its stars against the CARs
    assert rules.player.x > stop - 2  # the T cell pressed on the red cell all along
    assert [e for e in events if e.type == "no_fit"] == []
    healthy.x = 300  # the B cell goes away: now it is told
    assert [e.actor for e in run(rules, 1.0) if e.type == "no_fit"] == ["red"]


def test_cells_found_in_one_drag_through_a_crowd_go_one_at_a_time():
    """A drag through a tight crowd of leukemia cells: each is held, breaks apart and is
    counted on its own, with a rest between, never two at once (the counter goes 1, 2, 3)."""
    rules = world(count=3, buddies=2)
    for index, sick in enumerate(c for c in rules.cells if c.actor == "sick"):
        sick.x, sick.y = 420 + 55 * index, 350 + 30 * (-1) ** index
    binds = []
    for _ in range(round(12 / STEP)):
        if (chased := rules.nearest_target()) is not None:
            rules.point(chased.x, chased.y)  # the child drags on and on into the crowd
        binds += [rules.time for e in rules.update(STEP) if e.type == "bind"]
        leaving = [
            c for c in rules.cells if c.actor == "sick" and c.state in ("docking", "popping")
        ]
        assert len(leaving) <= 1
    assert len(binds) == 3
    for before, after in itertools.pairwise(binds):
        assert after - before >= DOCK_SECONDS + POP_SECONDS + FIND_REST - STEP


def test_in_the_shipped_hunt_one_leukemia_cell_at_a_time_is_found_by_anyone():
    scene = shipped_hunt()
    for seed in range(10):
        rules = HuntRules(scene, seed=seed)
        rules.set_assist(3)
        walk = random.Random(seed)
        for frame in range(round(25 / STEP)):
            if frame % 24 == 0:
                rules.point(walk.uniform(0, 1280), walk.uniform(90, 620))
            rules.update(STEP)
            found = [
                c
                for c in rules.cells
                if c.kind == "leukemia_cell" and c.state in ("docking", "popping")
            ]
            assert len(found) <= 1, f"seed {seed}, frame {frame}"


def test_cells_the_t_cell_pushes_together_spread_apart_so_each_is_seen():
    crowd = "  - {id: crowd, kind: red_blood_cell, count: 5, place: {area: [330, 300, 40, 100]}}"
    rules = world(extra=crowd)
    cell(rules, "sick").y = 150
    rules.point(420, 350)  # into the crowd, and staying there
    run(rules, 4.0)
    crowd = [c for c in rules.cells if c.actor == "crowd"]
    for i, one in enumerate(crowd):
        for other in crowd[i + 1 :]:
            assert one.distance_to(other) >= (one.radius + other.radius) * SPREAD_OVERLAP - 1


def test_the_t_cell_its_buddies_and_the_cells_they_hold_stay_wholly_on_screen():
    """A child tapping anywhere, at and past the edges: everything at the T cell is drawn
    wholly on screen, the CARs of the T cell and its buddies too."""
    left, top, right, bottom = BOUNDS
    scene = shipped_hunt()
    for seed in range(8):
        rules = HuntRules(scene, seed=seed)
        rules.set_assist(3)
        walk = random.Random(seed)
        for frame in range(round(25 / STEP)):
            if frame % 40 == 0:
                rules.point(walk.choice((0, 1280, walk.uniform(0, 1280))), walk.uniform(60, 660))
            rules.update(STEP)
            for one in [rules.player, *rules.buddies]:
                reach = one.radius * CAR_REACH
                assert left + reach - 0.01 <= one.x <= right - reach + 0.01, f"seed {seed}"
                assert top + reach - 0.01 <= one.y <= bottom - reach + 0.01, f"seed {seed}"
            for held in rules.cells:
                if held.state in ("docking", "meeting"):
                    assert left <= held.x - held.radius and held.x + held.radius <= right
                    assert top <= held.y - held.radius and held.y + held.radius <= bottom


def test_by_a_wall_the_buddies_swim_round_the_t_cell_not_over_it():
    rules = HuntRules(shipped_hunt(), seed=2)
    player = rules.player
    for index in range(6):  # six buddies have joined
        rules.buddies.append(rules._buddy())
        rules.buddies[-1].x += 60 * math.cos(index)
    for corner in ((1279, 350), (1279, 95), (2, 640), (640, 95)):  # walls and corners
        rules.point(*corner)
        for _ in range(round(5 / STEP)):
            rules.update(STEP)
        for i, buddy in enumerate(rules.buddies):
            assert buddy.distance_to(player) >= player.radius + buddy.radius * 0.5, corner
            for other in rules.buddies[i + 1 :]:
                assert buddy.distance_to(other) >= buddy.radius * 1.5, corner


def test_the_cells_start_apart_stars_and_cars_counted_none_on_the_name_tag():
    """Play-test: at the start, cells lay on one another (a B cell on a leukemia cell's stars);
    they were spread apart only later. Now each starts clear of every other, and of the child's
    T cell with its CARs and name tag, inside the swimming band."""
    scene = shipped_hunt()
    left, top, right, bottom = BOUNDS
    for seed in range(40):
        rules = HuntRules(scene, seed=seed)
        player = rules.player
        assert (player.x, player.y) == (220, 360)  # placed by the scene: it stays
        for one, other in itertools.combinations(rules.cells, 2):
            room = drawn_reach(one) + drawn_reach(other)
            assert one.distance_to(other) >= room, (seed, one.kind, other.kind)
        for cell in rules.others():
            assert player.distance_to(cell) >= drawn_reach(player) + drawn_reach(cell)
            assert left + cell.radius <= cell.x <= right - cell.radius
            assert top + cell.radius <= cell.y <= bottom - cell.radius
            below = cell.y - (player.y + player.radius)  # the name tag under the T cell
            assert not (abs(cell.x - player.x) < 60 and 0 < below < NAME_TAG_ROOM + cell.radius)


def test_cells_with_stars_keep_clear_of_one_another_as_they_drift():
    """Play-test: cells that started apart drifted onto one another's stars a few seconds
    later (spreading kept only their bodies apart, and stars lay up to 34 px deep in one
    another). In the shipped hunt, left to drift with no finger, no cell with stars lies more
    than a few pixels into another's stars (two squeezed into a corner may touch) for more
    than a moment."""
    scene = shipped_hunt()
    for seed in range(6):
        rules = HuntRules(scene, seed=seed)
        starred = [c for c in rules.cells if c.markers]
        overlaps = 0
        for frame in range(60 * 20):
            rules.update(STEP)
            if frame % 30:
                continue
            free = [c for c in starred if c.state == "free"]
            for one, other in itertools.combinations(free, 2):
                if one.distance_to(other) < drawn_reach(one) + drawn_reach(other) - 8:
                    overlaps += 1
        assert overlaps <= 2, (seed, overlaps)
