"""``python -m game preview``: a scene file becomes a chapter or the problems ``check`` finds,
whatever it holds; the window plays the chapter, shows the problems after a bad save and the
chapter again after a good one. And ``screenshot --map`` saves the journey map."""

from __future__ import annotations

import os

import pygame
import pytest

from conftest import MINIMAL
from game import cli
from game.app.loop import StepClock
from game.app.preview import CALM, Preview, ProblemsScreen
from game.app.screens.journey_map import JourneyMap
from game.app.screens.play import ScenePlay
from game.script import preview as rules
from game.script.errors import Problem

BROKEN = MINIMAL.replace("    kind: leukemia_cell\n", "    kind: leukemia_cel\n")


def _save(path, text: str, tick: list[int]) -> None:
    """Write ``text`` and move the file's time on, as a real save a moment later does."""
    path.write_text(text, encoding="utf-8")
    tick[0] += 1
    os.utime(path, ns=(tick[0] * 10**9, tick[0] * 10**9))


# the rules -----------------------------------------------------------------------------------
def test_a_good_file_is_a_chapter_ready_to_play(tmp_path):
    path = tmp_path / "mini.yaml"
    path.write_text(MINIMAL)
    found = rules.load_preview(path)
    assert isinstance(found, rules.Ready) and found.first == "mini"
    assert "hunt" in found.scenes  # the other chapters too, for the journey
    assert found.strings.get("mini.hello") == "Hello!"


@pytest.mark.parametrize(
    "text",
    [
        BROKEN,
        MINIMAL[: len(MINIMAL) // 2],  # saved half-way
        "",
        "\x00\xff garbage",
        "version: 1\nid: [",
        MINIMAL.replace("id: mini\n", "id: other\n"),
    ],
)
def test_a_bad_file_is_a_list_of_located_problems(tmp_path, text):
    path = tmp_path / "mini.yaml"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    found = rules.load_preview(path)
    assert isinstance(found, list) and found
    assert all(isinstance(p, Problem) and str(p).startswith(str(p.where)) for p in found)


def test_a_file_being_saved_or_gone_is_a_problem_not_a_crash(tmp_path):
    found = rules.load_preview(tmp_path / "gone.yaml")
    assert isinstance(found, list) and "no such file" in found[0].message
    (tmp_path / "dir.yaml").mkdir()
    assert isinstance(rules.load_preview(tmp_path / "dir.yaml"), list)


def test_an_unknown_language_is_a_problem(tmp_path):
    path = tmp_path / "mini.yaml"
    path.write_text(MINIMAL)
    found = rules.load_preview(path, language="xx")
    assert isinstance(found, list) and "no 'xx' language" in found[0].message


def test_the_watch_sees_a_save_at_most_twice_a_second(tmp_path):
    path = tmp_path / "mini.yaml"
    tick = [0]
    _save(path, MINIMAL, tick)
    watch = rules.Watch(path)
    assert not watch.changed(1.0)
    _save(path, BROKEN, tick)
    assert not watch.changed(1.2)  # too soon after the last look
    assert watch.changed(1.6)
    assert not watch.changed(2.2)  # nothing new
    path.unlink()
    assert watch.changed(2.8)  # gone is a change too


def test_the_watch_covers_the_word_book_tables_and_pictures(tmp_path):
    files = {p.name for p in rules.watched_files(tmp_path / "mini.yaml")}
    assert {"mini.yaml", "words.yaml", "en.yaml", "hand_washing.svg", "room.svg"} <= files


# the window ----------------------------------------------------------------------------------
class Time:
    """The preview's clock: half a second a frame, so every frame looks at the files."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 0.5
        return self.now


def _text_on(screen: ProblemsScreen) -> str:
    return "\n".join(screen.lines())


def test_preview_plays_shows_problems_after_a_bad_save_and_plays_again(display, tmp_path, request):
    path = tmp_path / "mini.yaml"
    tick = [0]
    _save(path, MINIMAL, tick)
    shown = Preview(path, display, StepClock(), now=Time())
    shown.run(frames=20)
    assert shown.showing == "chapter" and isinstance(shown.app.screen, ScenePlay)
    first = shown.app

    _save(path, BROKEN, tick)
    shown.run(frames=5)
    assert shown.showing == "problems"
    words = _text_on(shown.problems)
    assert "mini.yaml:11:11: unknown actor kind 'leukemia_cel'" in words
    assert "did you mean 'leukemia_cell'" in words
    assert display.canvas.get_at((5, 5))[:3] == CALM  # drawn on screen, not only kept
    pygame.image.save(display.canvas, str(tmp_path / "problems.png"))

    _save(path, MINIMAL[: len(MINIMAL) // 3], tick)  # half-saved: still the problems
    shown.run(frames=5)
    assert shown.showing == "problems" and shown.running

    _save(path, MINIMAL.replace("Hello!", "Hello again!"), tick)
    shown.run(frames=5)
    assert shown.showing == "chapter" and shown.app is not first
    assert shown.app.strings.get("mini.hello") == "Hello again!"
    assert not shown.app.result.crashed


def test_preview_restarts_the_chapter_on_a_save_and_stops_when_closed(display, tmp_path):
    path = tmp_path / "mini.yaml"
    tick = [0]
    _save(path, MINIMAL, tick)
    shown = Preview(path, display, StepClock(), now=Time())
    shown.run(frames=3)
    first = shown.app
    shown.run(frames=3)
    assert shown.app is first  # nothing saved: the chapter goes on
    _save(path, MINIMAL, tick)
    shown.run(frames=3)
    assert shown.app is not first
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    shown.run(frames=10)
    assert not shown.running


def test_the_problems_screen_counts_what_does_not_fit(display, tmp_path):
    from game.script.errors import Where

    many = [Problem(Where("x.yaml", n), f"problem number {n} " * 6) for n in range(1, 40)]
    screen = ProblemsScreen(many, tmp_path / "x.yaml")
    screen.draw(display.canvas)  # never raises, whatever the count
    assert len(screen.lines()) == 39


def test_preview_is_a_command():
    assert "preview" in cli.COMMANDS and "preview" in cli.EPILOG
    options = cli._parser("preview").parse_args(["scenes/hunt.yaml", "--lang", "es"])
    assert options.path.name == "hunt.yaml" and options.lang == "es"
    assert cli.main(["preview", "no/such/scene.yaml"]) == 1


# screenshot --map ----------------------------------------------------------------------------
def test_screenshot_map_saves_the_journey_map(tmp_path, monkeypatch):
    from game.app import loop

    screens = []
    real_draw = loop.App._draw

    def draw(self):
        screens.append(type(self.screen))
        real_draw(self)

    monkeypatch.setattr(loop.App, "_draw", draw)
    out = tmp_path / "map.png"
    assert cli.main(["screenshot", "--scene", "lab", "--at", "3", "--map", str(out)]) == 0
    assert out.is_file() and screens and screens[-1] is JourneyMap
    assert set(screens) == {JourneyMap}  # the map, never the chapter behind it
    picture = pygame.image.load(str(out))
    assert picture.get_at((5, 790))[:3] == (238, 246, 240)  # the map's own calm green
