"""The journey file (scenes/journey.yaml) orders the chapters; a band may play another chapter in
one's place; check reports what disagrees; the map, the grown-up's panel and the summary hold
any journey of 1 to 20 chapters on the canvas."""

from __future__ import annotations

import textwrap
from dataclasses import replace
from pathlib import Path

import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import MINIMAL
from game import resources
from game.script.catalog import check_files, check_journey, journey, load_all
from game.script.errors import SceneError
from game.script.journey_file import Stop, chapters_for, load_journey

CHAPTERS = ["meet", "collect", "lab", "grow", "ready", "back", "hunt", "after", "cheer"]
CANVAS = pygame.Rect(0, 0, 1280, 800)


def scene_folder(tmp_path: Path, ids: list[str], plan: str | None, nexts=None) -> list[Path]:
    """Minimal scenes ``ids`` (with ``nexts``, their 'next:'), and ``plan`` as the journey file."""
    paths = []
    for scene_id in ids:
        text = MINIMAL.replace("mini", scene_id)
        if nexts and scene_id in nexts:
            text = text.replace(f"id: {scene_id}\n", f"id: {scene_id}\nnext: {nexts[scene_id]}\n")
        path = tmp_path / f"{scene_id}.yaml"
        path.write_text(text)
        paths.append(path)
    if plan is not None:
        (tmp_path / "journey.yaml").write_text(textwrap.dedent(plan))
    return paths


def journey_problems(tmp_path, ids, plan, nexts=None) -> list[tuple[str, int, int, str]]:
    scenes, problems = check_files(scene_folder(tmp_path, ids, plan, nexts))
    assert problems == []
    _plan, found = check_journey(tmp_path / "journey.yaml", scenes)
    return [(Path(p.where.path).name, p.where.line, p.where.col, p.message) for p in found]


# the shipped journey ----------------------------------------------------------------------------
def test_the_shipped_journey_file_orders_the_chapters_and_no_scene_needs_next():
    scenes = load_all()
    assert journey(scenes) == CHAPTERS
    for band in ("little", "middle", "older"):
        assert journey(scenes, band=band) == CHAPTERS  # no alternative shipped yet
    for path in resources.shipped_scene_files():
        assert "\nnext:" not in path.read_text(encoding="utf-8"), path.name
    # Each chapter knows the one after it (the closing card's 'next' or, last, 'map').
    assert [scenes[i].next for i in CHAPTERS] == [*CHAPTERS[1:], None]
    assert resources.JOURNEY_FILE not in {p.name for p in resources.shipped_scene_files()}


def test_check_accepts_the_shipped_journey_file():
    scenes, problems = check_files(resources.shipped_scene_files())
    plan, found = check_journey(resources.scenes_dir() / "journey.yaml", scenes)
    assert problems == [] and found == []
    assert plan is not None and [s.chapter for s in plan.stops] == CHAPTERS


# choosing a band's chapters: a pure function ----------------------------------------------------
def test_each_band_plays_its_alternative_and_the_others_the_usual_chapter():
    stops = [Stop("a"), Stop("hunt", {"older": "hunt_older", "little": "hunt_easy"}), Stop("b")]
    assert chapters_for(stops) == ["a", "hunt", "b"]
    assert chapters_for(stops, "middle") == ["a", "hunt", "b"]
    assert chapters_for(stops, "older") == ["a", "hunt_older", "b"]
    assert chapters_for(stops, "little") == ["a", "hunt_easy", "b"]
    assert chapters_for([], "older") == []


def test_an_older_child_gets_the_harder_hunt_in_the_order_and_the_next(tmp_path):
    plan = """\
        version: 1
        chapters:
          - a
          - hunt: {older: hunt_older}
          - b
        """
    paths = scene_folder(tmp_path, ["a", "b", "hunt", "hunt_older"], plan)
    scenes = load_all(paths)
    assert journey(scenes) == ["a", "hunt", "b"]
    assert journey(scenes, band="middle") == ["a", "hunt", "b"]
    assert journey(scenes, band="older") == ["a", "hunt_older", "b"]
    assert scenes["hunt_older"].next == "b" and scenes["a"].next == "hunt"
    assert scenes["b"].next is None
    del scenes["hunt_older"]  # an alternative with no scene: the usual chapter
    assert journey(scenes, band="older") == ["a", "hunt", "b"]


def test_the_app_shows_an_older_child_the_harder_hunt_on_the_map(tmp_path, display):
    from game.app.loop import App, StepClock
    from game.app.screens.journey_map import JourneyMap

    plan = "version: 1\nchapters: [a, {hunt: {older: hunt_older}}, b]\n"
    scenes = load_all(scene_folder(tmp_path, ["a", "b", "hunt", "hunt_older"], plan))
    app = App(scenes, "a", display, StepClock(), show_map=True)
    assert [s.id for s in app.journey] == ["a", "hunt", "b"]
    app.profile.settings.band = "older"
    assert [s.id for s in app.chapters] == ["a", "hunt_older", "b"]
    assert app._following("a") == "hunt_older" and app._following("hunt_older") == "b"
    app._show_map("hunt_older")
    assert isinstance(app.screen, JourneyMap)
    assert [s.id for s in app.screen.chapters] == ["a", "hunt_older", "b"]
    app.profile.settings.band = "little"
    assert [s.id for s in app.chapters] == ["a", "hunt", "b"]


def test_without_a_journey_file_next_orders_the_chapters_as_before(tmp_path):
    paths = scene_folder(tmp_path, ["a", "m", "n"], None, {"m": "n", "n": "null", "a": "null"})
    assert journey(load_all(paths)) == ["m", "n", "a"]


# what check reports -----------------------------------------------------------------------------
def test_check_names_each_disagreement_at_its_place(tmp_path):
    plan = """\
        version: 1
        chapters:
          - a
          - hnut: {older: hunt_oldr}
          - zebra
          - a
          - b
        """
    found = journey_problems(
        tmp_path, ["a", "b", "c", "hunt", "hunt_older"], plan, {"a": "b", "b": "null"}
    )
    messages = "\n".join(f"{f}:{line}:{col}: {m}" for f, line, col, m in found)
    assert (
        "journey.yaml:4:5: no chapter 'hnut': there is no file 'hnut.yaml' beside the "
        "journey file (did you mean 'hunt'?)" in messages
    )
    assert "journey.yaml:4:19: no chapter 'hunt_oldr' for the 'older' age band" in messages
    assert "(did you mean 'hunt_older'?)" in messages
    zebra = next(m for f, line, _, m in found if line == 5)
    assert "no chapter 'zebra'" in zebra and "did you mean" not in zebra  # nothing close
    assert "journey.yaml:6:5: 'a' is already in the journey (line 3)" in messages
    for chapter in ("c", "hunt", "hunt_older"):
        assert f"{chapter}.yaml:2:5: the chapter '{chapter}' is not in the journey file" in (
            messages
        )
    # a's 'next: b' disagrees ('hnut' comes next); b's 'next: null' agrees: it is last.
    assert "a.yaml:3:7: 'next: b' disagrees with the journey file" in messages
    assert not any(f == "b.yaml" and "next" in m for f, _, _, m in found)


@pytest.mark.parametrize(
    ("plan", "expected"),
    [
        ("chapters: [a]\n", "the journey file needs 'version'"),
        ("version: 1\nchapters: []\n", "the journey needs at least one chapter"),
        ("version: 1\nchapters: [a, {b: {oldr: a}}]\n", "unknown age band 'oldr' (did you mean"),
        ("version: 1\nchapters: [{a: {optional: yes}}]\n", "marked optional in its own file"),
        ("version: 1\nchapters: [a, yes]\n", "put its id in quotes"),
        ("version: 1\nchapters: [a, 12]\n", "must be a chapter id, not number"),
        ("version: 1\nchapters: [a, Hunt!]\n", "'Hunt!' is not a chapter id"),
        ("version: 1\nchapters: [{a: x, b: y}]\n", "one chapter an entry"),
        ("version: 1\nchapters: [{a: older}]\n", "the age bands that play another chapter"),
        ("version: 1\nchapters:\n" + "  - a\n" * 21, "at most 20 chapters, not 21"),
        ("version: 1\nchapters: [a]\nnext: b\n", "unknown key 'next' in the journey file"),
        ("version: 1\nchapters: [a]\n---\nchapters: [b]\n", "one scene per file"),
    ],
)
def test_a_broken_journey_file_is_answered_with_a_located_message(tmp_path, plan, expected):
    path = tmp_path / "journey.yaml"
    path.write_text(plan)
    with pytest.raises(SceneError) as caught:
        load_journey(path, "journey.yaml")
    assert any(expected in p.message for p in caught.value.problems), caught.value
    assert all(p.where.path == "journey.yaml" and p.where.line >= 1 for p in caught.value.problems)


def test_an_alternative_is_optional_exactly_when_its_chapter_is(tmp_path):
    plan = "version: 1\nchapters: [a, {b: {older: c}}]\n"
    paths = scene_folder(tmp_path, ["a", "b", "c"], plan)
    paths[1].write_text(paths[1].read_text().replace("id: b\n", "id: b\noptional: yes\n"))
    scenes, _ = check_files(paths)
    _plan, found = check_journey(tmp_path / "journey.yaml", scenes)
    assert [p.message for p in found] == [
        "'c' is played in place of 'b', so both are 'optional: yes' in their files, or neither is"
    ]


def test_python_m_game_check_reports_the_journey_file(tmp_path, capsys):
    from game import cli

    scene_folder(tmp_path, ["a", "collect"], "version: 1\nchapters: [a, colect]\n")
    assert cli.main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "journey.yaml:2:15: no chapter 'colect'" in out
    assert "(did you mean 'collect'?)" in out
    assert "collect.yaml:2:5: the chapter 'collect' is not in the journey file" in out
    assert cli.main(["check", str(tmp_path / "journey.yaml")]) == 1  # named by itself
    assert "no chapter 'colect'" in capsys.readouterr().out


def test_a_broken_journey_file_stops_the_game_before_a_window_opens(tmp_path):
    paths = scene_folder(tmp_path, ["a", "b"], "version: 1\nchapters: [a]\n")
    with pytest.raises(SceneError, match="'b' is not in the journey file"):
        load_all(paths)
    assert journey(check_files(paths)[0]) == ["a", "b"]  # never loses a chapter


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=400),
        st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.builds(
            lambda cut, junk: (resources.scenes_dir() / "journey.yaml").read_bytes()[:cut] + junk,
            st.integers(0, 900),
            st.binary(max_size=30),
        ),
    )
)
def test_any_bytes_give_a_journey_or_located_problems_never_a_traceback(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("j") / "journey.yaml"
    path.write_bytes(data)
    try:
        load_journey(path, "journey.yaml")
    except SceneError as exc:
        assert exc.problems and all(p.where.line >= 1 for p in exc.problems)


# 1 to 20 chapters on the canvas -------------------------------------------------------------------
def many_chapters(count: int) -> dict:
    """``count`` chapters made from the shipped ones, every fourth optional."""
    shipped = load_all()
    bases = [shipped[i] for i in CHAPTERS]
    return {
        f"c{i}": replace(bases[i % len(bases)], id=f"c{i}", next=None, optional=i % 4 == 3)
        for i in range(count)
    }


def assert_tappable(buttons, canvas=CANVAS) -> None:
    for button in buttons:
        assert canvas.contains(button.rect), (button.name, button.rect)
        assert button.hit(*button.rect.center), button.name


@pytest.mark.parametrize("count", [1, 12, 20])
def test_the_map_holds_every_stop_on_the_canvas_apart_and_tappable(display, count):
    from game.app.screens import journey_map
    from game.app.screens.journey_map import JourneyMap
    from game.script.texts import build_strings, load_library

    scenes = many_chapters(count)
    chapters = list(scenes.values())
    strings = build_strings(scenes, load_library())
    for target in (chapters[0].id, chapters[-1].id):
        jmap = JourneyMap(chapters, target, [c.id for c in chapters[:2]], strings)
        r = jmap.radius
        assert r >= 30
        buttons = [b.rect for b in jmap.buttons()] + [journey_map.NEXT]
        stops = []
        for i, (x, y) in enumerate(jmap.places):
            stop = pygame.Rect(0, 0, 2 * r, 2 * r)
            stop.center = (round(x), round(y))
            named = stop.inflate(0, 0).union(pygame.Rect(stop.x, stop.bottom, stop.width, 40))
            assert CANVAS.contains(named), (i, named)
            assert not any(named.colliderect(b) for b in buttons), i
            assert jmap.stop_at(x, y) == i
            stops.append((x, y))
        for i, (x, y) in enumerate(stops):
            for u, v in stops[i + 1 :]:
                assert (x - u) ** 2 + (y - v) ** 2 >= (2 * r) ** 2
        assert_tappable(jmap.buttons())
        jmap.draw(display.canvas)


@pytest.mark.parametrize("count", [1, 12, 20])
def test_the_grown_up_panel_reaches_every_chapter_and_leave_out_button_on_the_canvas(
    display, count
):
    from game.app.grownup.facilitator import FacilitatorPanel
    from game.profile.profile import Profile
    from game.script.texts import build_strings, load_library

    scenes = many_chapters(count)
    chapters = list(scenes.values())
    strings = build_strings(scenes, load_library())
    profile = Profile("child-1")
    panel = FacilitatorPanel(strings, profile, chapters, chapters[-1].id, None, 0, [], True)
    shown = {b.name for b in panel.buttons()}
    assert f"play:{chapters[-1].id}" in shown  # the chapter being played is in view
    wanted = {f"play:{c.id}" for c in chapters}
    wanted |= {f"leave:{name}" for name in panel.optional_names()}
    seen: set[str] = set()
    for _ in range(12):
        buttons = panel.buttons()
        assert_tappable(buttons)
        names = [b.name for b in buttons]
        assert len(names) == len(set(names))
        for a in buttons:  # none covers another
            assert not any(a.rect.colliderect(b.rect) for b in buttons if b is not a), a.name
        seen |= set(names)
        panel.draw(display.canvas)
        for more in ("more:chapters", "more:leave"):
            if more in names:
                panel.press(more)
    assert wanted <= seen
    assert panel.command is None  # paging is not a command for the app
    if count > 9:
        assert "more:chapters" in seen
    panel.press(f"leave:{chapters[3].id}" if count > 3 else "close")


@pytest.mark.parametrize("count", [1, 12, 20])
def test_the_summary_lists_every_chapter_on_the_page(count):
    from datetime import datetime

    from game.app.grownup.summary import MARGIN, PAGE, draw_summary
    from game.profile.profile import Profile
    from game.script.texts import build_strings, load_library

    scenes = many_chapters(count)
    chapters = list(scenes.values())
    strings = build_strings(scenes, load_library())
    profile = Profile("child-1")
    profile.played = [c.id for c in chapters]
    page = draw_summary(profile, chapters, strings, datetime(2026, 12, 1, 10, 30))
    bottom = page.subsurface((0, PAGE[1] - MARGIN // 2, PAGE[0], MARGIN // 2))
    assert pygame.transform.average_color(bottom)[:3] == (255, 255, 255)
    right = page.subsurface((PAGE[0] - MARGIN // 2, 0, MARGIN // 2, PAGE[1]))
    assert pygame.transform.average_color(right)[:3] == (255, 255, 255)
