"""The cell world's rules, tested directly (no pygame): the CAR binds only to CD19."""

from __future__ import annotations

import textwrap

from conftest import ROOT
from game.script.schema import parse_scene
from game.world.hunt import ASSIST_REACH, DOCK_SECONDS, POP_SECONDS, HuntBot, HuntRules

STEP = 1 / 60


def world(extra: str = "", assist: int = 0) -> HuntRules:
    text = textwrap.dedent(f"""\
        version: 1
        id: w
        title: W
        activity: {{name: hunt, aim_assist: {assist}, player_speed: 300}}
        actors:
          - {{id: hero, kind: t_cell, player: yes, car: cd19, place: {{at: [[200, 350]]}}}}
          - {{id: sick, kind: leukemia_cell, markers: [cd19], place: {{at: [[600, 350]]}}}}
          - {{id: red, kind: red_blood_cell, place: {{at: [[200, 550]]}}}}
        {extra}
        lines: []
        """)
    return HuntRules(parse_scene("w.yaml", text.encode(), ROOT / "assets"), seed=1)


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
