"""The whole journey: every chapter can be finished by its bot, remembers what matters, and
takes a child the time a session has."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from game.script.catalog import journey, load_all
from game.script.chapter import Chapter, play_with_bot
from game.script.session import Session

CHAPTERS = ["meet", "collect", "lab", "grow", "ready", "back", "hunt", "after", "cheer"]
#: A young child who listens to each line, then takes this long to act.
THINK_SECONDS = 3.0
#: What the model leaves out: looking at the closing card, then at the journey map.
CARD_SECONDS, MAP_SECONDS = 5.0, 8.0


@pytest.fixture(scope="module")
def scenes():
    return load_all()


def test_the_journey_has_nine_chapters_in_order(scenes):
    assert journey(scenes) == CHAPTERS


def test_every_chapter_is_finished_by_its_bot_and_the_session_remembers(scenes):
    session = Session()
    for scene_id in CHAPTERS:
        chapter = Chapter(scenes[scene_id], seed=3, session=session)
        seconds = play_with_bot(chapter)
        assert chapter.card_showing, (scene_id, seconds, chapter.narrator.history)
    assert session.played == CHAPTERS
    assert session.hero_colour == "blue"  # the bot picks the second colour...
    assert session.hero_name == "meet.name.luna"  # ...and the third name
    questions = [choice.id for choice in scenes["cheer"].choices]
    assert list(session.answers) == questions
    assert all(answer.solved for answer in session.answers.values())
    wrong_first = [q for q, a in session.answers.items() if not a.right_first_try]
    assert wrong_first == questions[1::3]  # the bot tries a wrong picture on every third first
    assert session.answers[questions[1]].tries == 2 and session.answers[questions[0]].tries == 1
    # after a wrong picture the right one glows while it is explained: the answer is with help
    assert [q for q, a in session.answers.items() if a.with_help] == wrong_first


def test_a_listening_child_takes_one_to_four_minutes_a_chapter_and_15_to_23_in_all(scenes):
    """Text only: each line stays until a young reader has read it (play-test item 9), which
    takes about as long as hearing the voice files (about 21 minutes either way)."""
    session = Session()
    minutes = {}
    for scene_id in CHAPTERS:
        chapter = Chapter(scenes[scene_id], session=session)
        seconds = play_with_bot(chapter, think=THINK_SECONDS) + CARD_SECONDS + MAP_SECONDS
        assert chapter.card_showing, scene_id
        minutes[scene_id] = seconds / 60
    assert all(1 <= m <= 4 for m in minutes.values()), minutes
    assert 15 <= sum(minutes.values()) <= 23, minutes


def test_a_listening_child_hears_every_line_the_chapter_has_for_them(scenes):
    """Hints and wrong-answer lines aside, nothing a listening child needs is skipped."""
    session = Session()
    for scene_id in CHAPTERS:
        scene = scenes[scene_id]
        chapter = Chapter(scene, session=session)
        play_with_bot(chapter, think=THINK_SECONDS)
        said = set(chapter.narrator.history)
        for trigger in scene.triggers:
            if trigger.when in ("start", "all_done", "progress"):
                assert set(trigger.say) <= said, (scene_id, set(trigger.say) - said)


def demo(*args: str, data: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m game demo --headless ARGS``, with its data folder at ``data``."""
    env = {**os.environ, "T_CELL_HERO_DATA_DIR": str(data)} if data else None
    return subprocess.run(
        [sys.executable, "-m", "game", "demo", "--headless", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


@pytest.mark.slow  # the bot plays all nine chapters, map and all: half a minute
def test_demo_plays_the_whole_journey_headless():
    done = demo()
    assert done.returncode == 0, done.stderr
    assert "demo: goals reached" in done.stdout


@pytest.mark.parametrize("scene_id", CHAPTERS)
def test_a_child_who_is_stuck_gets_a_hint_then_more_help_and_never_loses(scenes, scene_id):
    chapter = Chapter(scenes[scene_id])
    while not chapter.narrator.settled:  # the opening lines, heard in full
        chapter.update(1 / 60)
    opening = len(chapter.narrator.history)
    for _ in range(60 * 50):  # fifty seconds with no tap at all
        chapter.update(1 / 60)
    said = chapter.narrator.history[opening:]
    hints = [line for line in said if ".hint" in line]
    # In the hunt, cells drift into a resting T cell now and then: that is progress, so the wait
    # for help starts again, and the second level needs a longer stretch.
    assert len(hints) >= (1 if scene_id == "hunt" else 2) and hints[0].endswith(".hint"), said
    assert not chapter.complete and chapter.runner.status.value == "running"
    idle = sorted(t.seconds for t in scenes[scene_id].triggers if t.when == "idle")
    assert idle[0] <= 15 and len(idle) >= 2


def test_no_hint_cuts_into_the_story_while_it_is_being_told(scenes):
    chapter = Chapter(scenes["meet"])
    while not chapter.narrator.settled:
        chapter.update(1 / 60)
    assert chapter.clock > 15  # the opening is longer than the first hint's wait...
    assert not any(".hint" in line for line in chapter.narrator.history)  # ...and no hint came


@pytest.mark.slow  # the bot plays the whole quiz chapter in a new process (test_quiz: its rules)
def test_the_quiz_answers_are_kept_for_the_specialist(scenes, tmp_path):
    done = demo("--scene", "cheer", "--data-dir", str(tmp_path))
    assert done.returncode == 0, done.stderr
    results = json.loads((tmp_path / "profiles" / "child-1.json").read_text())
    assert results["played"] == ["cheer"]
    questions = [choice.id for choice in scenes["cheer"].choices]
    assert list(results["answers"]) == questions
    first, second = questions[:2]  # the bot answers the second wrong first...
    assert results["answers"][second] == {  # ...and is then shown the right picture
        "tries": 2,
        "right_first_try": False,
        "solved": True,
        "with_help": True,
    }
    assert results["answers"][first] == {
        "tries": 1,
        "right_first_try": True,
        "solved": True,
        "with_help": False,
    }
    assert not list(tmp_path.glob("*.tmp"))


def test_a_folder_that_cannot_be_written_does_not_stop_the_game(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("in the way")
    done = demo("--scene", "ready", data=blocked / "data")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
