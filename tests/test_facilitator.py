"""The grown-up's controls and profiles, played through the app as a specialist would: by
taps only (the panel needs no keyboard), with the game waiting underneath."""

from __future__ import annotations

import asyncio
import json

import pygame
import pytest

from game.script.catalog import load_all


@pytest.fixture(scope="module")
def scenes():
    return load_all()


def tap(x: float, y: float) -> None:
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        pygame.event.post(pygame.event.Event(kind, pos=(round(x), round(y)), button=1))


def run(app, frames: int = 1) -> None:
    """Play ``frames`` more frames (``App.run`` counts frames from the start)."""
    asyncio.run(app.run(app.result.frames + frames))


def press(app, name: str, frames: int = 1) -> None:
    """Tap the button called ``name`` where the front screen draws it."""
    found = {b.name: b for b in app.front.buttons()}
    assert name in found, f"no button '{name}' among {sorted(found)}"
    tap(*found[name].rect.center)
    run(app, frames)


def tap_tile(app, name: str) -> None:
    tile = next(t for t in app.screen.tiles() if t.name == name)
    tap(*tile.rect.center)
    run(app)


def make_app(scenes, display, folder=None, first="meet", show_map=True):
    from game.app.loop import App, StepClock
    from game.profile.store import ProfileStore

    store = ProfileStore(folder, ("en", "es")) if folder is not None else None
    return App(scenes, first, display, StepClock(), show_map=show_map, store=store)


def open_panel_by_holding_the_corner(app) -> None:
    from game.app.loop import HOLD_SECONDS

    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(20, 20), button=1))
    run(app, round(HOLD_SECONDS * 60) + 2)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(20, 20), button=1))
    run(app)


def switch_child(app) -> None:
    """Back to 'who is playing?' through the grown-up's panel."""
    open_panel_by_holding_the_corner(app)
    press(app, "page:child")
    press(app, "switch_child")


def new_child(app, colour: str = "meet.colour.lime", role: str = "patient") -> None:
    if not app.screen.picking_colour:
        tap_tile(app, "new")
    tap_tile(app, f"colour:{colour}")
    tap_tile(app, f"role:{role}")


# opening, pausing ------------------------------------------------------------------------------
def test_holding_the_corner_three_seconds_opens_the_panel_and_the_game_waits(scenes, display):
    from game.app.facilitator import FacilitatorPanel

    app = make_app(scenes, display, first="hunt", show_map=False)
    run(app, 60)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(20, 20), button=1))
    run(app, 120)  # two seconds is not enough
    assert app.overlay is None
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(20, 20), button=1))
    run(app)
    open_panel_by_holding_the_corner(app)
    assert isinstance(app.overlay, FacilitatorPanel)
    clock = app.play.chapter.clock
    run(app, 120)
    assert app.play.chapter.clock == clock  # paused underneath
    open_panel_by_holding_the_corner(app)  # closed the same way
    assert app.overlay is None
    run(app, 10)
    assert app.play.chapter.clock > clock


def test_ctrl_f_opens_and_closes_the_panel(scenes, display):
    app = make_app(scenes, display, first="hunt", show_map=False)
    for expected in (True, False):
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_f, mod=pygame.KMOD_LCTRL))
        run(app)
        assert (app.overlay is not None) is expected


def test_the_pause_button_stops_the_chapter_until_keep_playing(scenes, display):
    from game.app.play import PAUSE

    app = make_app(scenes, display, first="hunt", show_map=False)
    run(app, 30)
    tap(*PAUSE.center)
    run(app)
    clock = app.play.chapter.clock
    run(app, 60)
    assert app.play.chapter.clock == clock
    press(app, "close")
    assert app.overlay is None
    run(app, 5)
    assert app.play.chapter.clock > clock


# chapters --------------------------------------------------------------------------------------
def test_chapter_select_restart_and_skip(scenes, display):
    app = make_app(scenes, display, first="meet", show_map=False)
    open_panel_by_holding_the_corner(app)
    press(app, "play:lab")
    assert app.screen is app.play and app.scene_id == "lab"
    run(app, 200)
    clock = app.play.chapter.clock
    open_panel_by_holding_the_corner(app)
    press(app, "restart")
    assert app.scene_id == "lab" and app.play.chapter.clock < clock
    open_panel_by_holding_the_corner(app)
    press(app, "skip")
    assert type(app.screen).__name__ == "JourneyMap" and app.screen.target == "grow"
    assert "lab" not in app.session.played  # skipped, not played


def test_leaving_out_afterwards_skips_it_on_the_map_and_after_the_hunt(scenes, display):
    app = make_app(scenes, display, first="hunt", show_map=False)
    open_panel_by_holding_the_corner(app)
    press(app, "leave:after")
    assert "after" in app.profile.settings.leave_out
    press(app, "close")
    assert [s.id for s in app.chapters][-2:] == ["hunt", "cheer"]
    assert app._following("hunt") == "cheer"


def test_leaving_out_healthy_b_cells_takes_them_and_their_lines_out_of_the_hunt(scenes, display):
    from game.script.chapter import play_with_bot

    app = make_app(scenes, display, first="meet", show_map=False)
    open_panel_by_holding_the_corner(app)
    press(app, "leave:healthy_b_cells")
    press(app, "play:hunt")
    kinds = {c.kind for c in app.play.rules.cells}
    assert "b_cell" not in kinds and "leukemia_cell" in kinds
    assert app.play.scene.goals[0].count == 6  # eight with CD19, less the two B cells
    play_with_bot(app.play.chapter)
    assert app.play.chapter.complete
    assert not any("healthy" in line for line in app.play.narrator.history)


# the child -------------------------------------------------------------------------------------
def test_the_childs_name_typed_on_the_screen_keys_is_used_and_saved(scenes, display, tmp_path):
    app = make_app(scenes, display, tmp_path)
    new_child(app)
    open_panel_by_holding_the_corner(app)
    press(app, "page:child")
    press(app, "set:name")
    for key in ("key:M", "key:A", "key:Y", "key:A", "key:Ñ", "erase", "done"):
        press(app, key)
    assert app.profile.child_name == "Maya"
    press(app, "close")
    assert app.screen.child == "Maya"
    saved = json.loads((tmp_path / "profiles" / "child-1.json").read_text())
    assert saved["child_name"] == "Maya"
    assert app.strings.get("ui.map.title.named", child="Maya") == "Maya's T cell journey"


def test_settings_from_the_panel_reach_the_game_and_are_saved(scenes, display, tmp_path):
    from game.app import theme

    app = make_app(scenes, display, tmp_path)
    new_child(app)
    open_panel_by_holding_the_corner(app)
    press(app, "page:child")
    press(app, "set:band")  # middle -> older
    press(app, "page:sound")
    press(app, "set:text_speed")  # normal -> fast
    press(app, "page:access")
    press(app, "set:high_contrast")
    press(app, "set:text_size")
    press(app, "close")
    assert app.strings.band == "older"
    assert theme.look().high_contrast and theme.look().text_size == "large"
    press(app, "go")
    assert app.play.narrator.chars_per_second == 48.0
    saved = json.loads((tmp_path / "profiles" / "child-1.json").read_text())["settings"]
    assert saved["band"] == "older" and saved["high_contrast"] is True
    assert saved["text_speed"] == "fast"
    theme.use(theme.Look())


def test_two_profiles_keep_their_own_progress_and_settings(scenes, display, tmp_path):
    app = make_app(scenes, display, tmp_path)
    new_child(app, "meet.colour.lime")
    app.session.played_chapter("meet")
    app.profile.settings.band = "little"
    app._apply_settings()
    run(app)
    switch_child(app)
    assert type(app.screen).__name__ == "ProfilesScreen"
    new_child(app, "meet.colour.yellow")
    assert app.profile.id == "child-2" and app.session.played == []
    assert app.strings.band == "middle"
    switch_child(app)
    tap_tile(app, "profile:child-1")
    assert app.profile.id == "child-1" and app.session.played == ["meet"]
    assert app.strings.band == "little"
    assert app.screen.target == "collect"  # the map carries on where they left off
    colours = {p.id: p.picked["colour"] for p in app.store.load()}
    assert colours == {"child-1": "meet.colour.lime", "child-2": "meet.colour.yellow"}


def test_clearing_asks_first_then_clears_this_child_or_everyone(scenes, display, tmp_path):
    app = make_app(scenes, display, tmp_path)
    new_child(app)
    switch_child(app)
    new_child(app, "meet.colour.yellow")
    open_panel_by_holding_the_corner(app)
    press(app, "page:data")
    press(app, "ask:child")
    press(app, "cancel")  # 'No, keep' keeps everything
    assert (tmp_path / "profiles" / "child-2.json").exists()
    press(app, "ask:child")
    press(app, "confirm")
    assert not (tmp_path / "profiles" / "child-2.json").exists()
    assert (tmp_path / "profiles" / "child-1.json").exists()
    assert [p.id for p in app.screen.profiles] == ["child-1"]
    tap_tile(app, "profile:child-1")
    open_panel_by_holding_the_corner(app)
    press(app, "page:data")
    press(app, "ask:all")
    press(app, "confirm")
    assert list((tmp_path / "profiles").iterdir()) == []
    assert app.screen.profiles == [] and app.screen.picking_colour


# results ----------------------------------------------------------------------------------------
def test_the_summary_picture_is_saved_in_the_chosen_folder(scenes, display, tmp_path):
    from game.script.chapter import play_with_bot

    app = make_app(scenes, display, tmp_path / "data")
    new_child(app)
    press(app, "go")
    app._start("cheer")
    play_with_bot(app.play.chapter)
    run(app)
    open_panel_by_holding_the_corner(app)
    press(app, "page:results")
    panel = app.overlay
    panel.folders = [tmp_path / "usb-stick"]
    press(app, "save_summary")
    [saved] = (tmp_path / "usb-stick").glob("*.png")
    assert saved.name.startswith("T-Cell Hero ")
    page = pygame.image.load(str(saved))
    assert page.get_size() == (1240, 1754)
    assert str(saved) in panel.message


def test_the_results_list_every_quiz_question_with_first_try_and_tries(scenes):
    from game.app.summary import quiz_rows
    from game.profile.profile import Profile
    from game.script.catalog import journey
    from game.script.session import Answer
    from game.script.texts import build_strings, load_library

    strings = build_strings(scenes, load_library())
    profile = Profile("child-1")
    profile.answers = {"cd19": Answer(1, True, True), "car": Answer(3, False, True)}
    rows = quiz_rows(profile, [scenes[i] for i in journey(scenes)], strings)
    by_question = {r.question: (r.right_first_try, r.tries) for r in rows}
    assert by_question == {
        strings.get("cheer.cd19.ask"): (True, 1),
        strings.get("cheer.car.ask"): (False, 3),
    }
    assert all(r.question and r.answer for r in rows)


def test_a_break_reminder_comes_after_the_chosen_minutes_at_a_calm_moment(scenes, display):
    app = make_app(scenes, display, first="meet", show_map=True)
    app.profile.settings.break_minutes = 10
    app.since_break = 10 * 60 - 0.5
    run(app, 60)
    assert app.overlay is not None and app.overlay.title == "ui.rest.title"
    press(app, "close")
    assert app.overlay is None and app.since_break < 1


# one switch --------------------------------------------------------------------------------------
def test_one_switch_mode_moves_a_highlight_and_any_key_chooses(scenes, display):
    app = make_app(scenes, display, first="grow", show_map=False)
    app.profile.settings.one_switch = True
    app.profile.settings.scan_seconds = 1.0
    run(app, 30)
    lit = [app.scanner.lit.name]
    for _ in range(3):
        run(app, 60)
        lit.append(app.scanner.lit.name)
    assert len(set(lit)) > 1  # the highlight moves on by itself
    while app.scanner.lit.name != "dish":
        run(app)
    tapped_before = app.play.rules.done
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_x, mod=0))
    run(app, 3)
    assert app.play.rules.done == tapped_before + 1 or app.play.rules.splitting


def test_one_switch_carries_a_drag_through_for_the_child(scenes, display):
    app = make_app(scenes, display, first="lab", show_map=False)
    app.profile.settings.one_switch = True
    run(app, 30)
    while app.scanner.lit is None or app.scanner.lit.name != "piece":
        run(app)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(5, 700), button=1))
    run(app, 120)
    assert sum(p.slot is not None for p in app.play.rules.pieces) == 1


def test_every_screen_offers_something_to_choose_in_one_switch_mode(scenes, display, tmp_path):
    app = make_app(scenes, display, tmp_path)
    assert app.screen.spots()
    new_child(app)
    assert app.screen.spots()  # the map
    press(app, "go")
    run(app, 60)
    assert any(s.name == "pause" for s in app.screen.spots())
