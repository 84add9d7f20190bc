"""Runner transcripts: a scene plus events in, the exact sequence of outputs out."""

from __future__ import annotations

import textwrap

import pytest

from conftest import ROOT
from game.script.runner import Assist, Complete, GoalDone, Progress, Runner, Say, Status
from game.script.schema import parse_scene
from game.world.events import WorldEvent

SCENE = textwrap.dedent("""\
    version: 1
    id: story
    title: A story
    activity: hunt
    actors:
      - {id: hero, kind: t_cell, player: yes, car: cd19}
      - {id: sick, kind: leukemia_cell, count: 3, markers: [cd19]}
      - {id: red, kind: red_blood_cell, count: 2}
    lines:
      - {id: story.hello, text: Hello}
      - {id: story.match, text: It fits}
      - {id: story.nope, text: It does not fit}
      - {id: story.two, text: Two found}
      - {id: story.hint, text: Look for stars}
      - {id: story.more, text: Follow the arrow}
      - {id: story.done, text: All found}
    goals:
      - {id: find, when: bind, marker: cd19, count: 3}
    triggers:
      - {when: start, say: story.hello}
      - {when: bind, marker: cd19, say: story.match}
      - {when: no_fit, say: story.nope, once: no}
      - {when: progress, goal: find, count: 2, say: story.two}
      - {when: idle, seconds: 15, say: story.hint, assist: 2, once: no}
      - {when: idle, seconds: 30, say: story.more, assist: 3}
      - {when: goal_done, goal: find, say: story.done}
    next: lab
    """)

BIND = WorldEvent("bind", "sick", frozenset({"cd19"}))
BUMP = WorldEvent("no_fit", "red", frozenset())


@pytest.fixture
def runner() -> Runner:
    scene = parse_scene("story.yaml", SCENE.encode(), ROOT / "assets")
    return Runner(scene)


def test_a_whole_hunt_transcript(runner):
    transcript = [
        *runner.start(),
        *runner.handle(BUMP),
        *runner.handle(BIND),
        *runner.handle(BUMP),
        *runner.handle(BIND),
        *runner.handle(BIND),
    ]
    assert transcript == [
        Say("story.hello"),
        Say("story.nope", now=True),
        Progress("find", 1, 3),
        Say("story.match", now=True),
        Say("story.nope", now=True),
        Progress("find", 2, 3),
        Say("story.two", now=True),
        Progress("find", 3, 3),
        GoalDone("find"),
        Say("story.done", now=True),
        Complete("lab"),
    ]
    assert runner.status is Status.COMPLETE


def test_no_progress_for_15_seconds_brings_a_hint_and_more_help_later(runner):
    runner.start()
    heard = []
    for _ in range(int(31 / 0.5)):
        heard += runner.update(0.5)
    hint, more = Say("story.hint", True, hint=True), Say("story.more", True, hint=True)
    assert heard == [hint, Assist(2), more, Assist(3)]  # hints: not said while the child is busy


def test_progress_restarts_the_idle_clock_and_repeating_hints_come_again(runner):
    runner.start()
    first = [o for _ in range(30) for o in runner.update(0.5)]  # 15 s
    runner.handle(BIND)
    quiet = [o for _ in range(20) for o in runner.update(0.5)]  # 10 s: too soon
    again = [o for _ in range(10) for o in runner.update(0.5)]  # 15 s since progress
    assert first == [Say("story.hint", True, hint=True), Assist(2)]
    assert quiet == []
    assert again == [Say("story.hint", True, hint=True), Assist(2)]


def test_events_that_match_no_goal_do_not_count(runner):
    runner.start()
    assert runner.handle(WorldEvent("bind", "red", frozenset())) == []
    assert runner.progress == {"find": 0}


def test_calling_before_start_says_what_the_runner_waits_for(runner):
    with pytest.raises(RuntimeError, match="waiting to start"):
        runner.handle(BIND)


def test_start_is_called_once(runner):
    runner.start()
    with pytest.raises(RuntimeError, match="start\\(\\) is called once"):
        runner.start()


def test_the_shipped_hunt_transcript():
    from game.script.catalog import load_all

    runner = Runner(load_all()["hunt"])
    said = [o.line_id for o in runner.start() if isinstance(o, Say)]
    for actor in ["leukemia"] * 3 + ["b_cells"] + ["leukemia"] * 3 + ["b_cells"]:
        said += [
            o.line_id
            for o in runner.handle(BIND.__class__("bind", actor, frozenset({"cd19"})))
            if isinstance(o, Say)
        ]
    assert said == [
        "hunt.intro",
        "hunt.key",
        "hunt.stars",
        "hunt.how_to",
        "hunt.first_match",
        "hunt.grew_wrong",
        "hunt.name_tag",
        "hunt.healthy",
        "hunt.healthy_too",
        "hunt.germs",
        "hunt.done",
        "hunt.travel",
        "hunt.stay",
        "hunt.checking",
    ]
    assert runner.status is Status.COMPLETE


def test_in_the_shipped_hunt_a_match_during_the_intro_is_answered_within_seconds():
    from game.script.catalog import load_all
    from game.script.narrator import Narrator

    scene = load_all()["hunt"]
    runner, narrator = Runner(scene), Narrator()

    def tell(outputs):
        for out in outputs:
            if isinstance(out, Say):
                narrator.say(out.line_id, scene.line(out.line_id).text, out.now)

    tell(runner.start())
    for _ in range(60):  # one second into the four intro lines
        narrator.update(1 / 60)
    tell(runner.handle(WorldEvent("bind", "leukemia", frozenset({"cd19"}))))
    waited = 0.0
    while narrator.current.line_id != "hunt.first_match":
        narrator.update(1 / 60)
        waited += 1 / 60
    assert waited < 4.0
    assert narrator.queue[0].line_id == "hunt.key"  # the intro goes on afterwards
