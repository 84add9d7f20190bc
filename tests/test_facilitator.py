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
    skip_age(app)
    past_check_in(app)


def skip_age(app) -> None:
    """A new child is asked how old they are (tested in test_age_question.py): 'Skip' keeps
    the usual age band."""
    if getattr(app.screen, "picking_age", False):
        press(app, "skip")


def past_check_in(app) -> None:
    """A child chosen on 'who is playing?' is first asked how they feel (the feelings check-in,
    tested in test_check_in_and_teach_back.py): tap the calm face and wait for the thanks."""
    from game.app.screens.feelings import FeelingsCheckIn, tile_rect

    if not isinstance(app.screen, FeelingsCheckIn):
        return
    tap(*tile_rect(0).center)
    for _ in range(600):
        run(app)
        if not isinstance(app.screen, FeelingsCheckIn):
            return


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


def open_panel(app) -> None:
    """Open (or close) the grown-up's panel with Ctrl+F: one frame, where holding the corner
    plays three seconds of frames (the tests of holding hold; the others need only the panel)."""
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_f, mod=pygame.KMOD_LCTRL))
    run(app)


def switch_child(app) -> None:
    """Back to 'who is playing?' through the grown-up's panel."""
    open_panel(app)
    press(app, "page:child")
    press(app, "switch_child")


def new_child(app, colour: str = "meet.colour.lime", role: str = "patient") -> None:
    if not app.screen.picking_colour:
        tap_tile(app, "new")
    tap_tile(app, f"colour:{colour}")
    tap_tile(app, f"role:{role}")


# opening, pausing ------------------------------------------------------------------------------
def test_holding_the_corner_three_seconds_opens_the_panel_and_the_game_waits(scenes, display):
    from game.app.grownup.facilitator import FacilitatorPanel

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
    from game.app.screens.play import PAUSE

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


def test_the_panel_opened_over_pause_closes_back_to_the_pause_card(scenes, display):
    """The loop runs a stack of screens: the panel goes over the pause card, and closing it
    shows the pause card again (the chapter still waits) instead of dropping it."""
    from game.app.grownup.facilitator import FacilitatorPanel
    from game.app.screens.notice import Notice
    from game.app.screens.play import PAUSE

    app = make_app(scenes, display, first="hunt", show_map=False)
    run(app, 30)
    tap(*PAUSE.center)
    run(app)
    paused = app.overlay
    assert isinstance(paused, Notice)
    clock = app.play.chapter.clock
    open_panel(app)
    assert isinstance(app.overlay, FacilitatorPanel)
    assert app.stack == [app.play, paused, app.overlay]
    open_panel(app)  # closed again
    assert app.overlay is paused
    run(app, 60)
    assert app.play.chapter.clock == clock  # still paused under the card
    press(app, "close")
    assert app.stack == [app.play]
    run(app, 5)
    assert app.play.chapter.clock > clock


# chapters --------------------------------------------------------------------------------------
def test_chapter_select_restart_and_skip(scenes, display):
    app = make_app(scenes, display, first="meet", show_map=False)
    open_panel(app)
    press(app, "play:lab")
    assert app.screen is app.play and app.scene_id == "lab"
    run(app, 200)
    clock = app.play.chapter.clock
    open_panel(app)
    press(app, "restart")
    assert app.scene_id == "lab" and app.play.chapter.clock < clock
    open_panel(app)
    press(app, "skip")
    assert type(app.screen).__name__ == "JourneyMap" and app.screen.target == "grow"
    assert "lab" not in app.session.played  # skipped, not played


def test_leaving_out_afterwards_skips_it_on_the_map_and_after_the_hunt(scenes, display):
    app = make_app(scenes, display, first="hunt", show_map=False)
    open_panel(app)
    press(app, "leave:after")
    assert "after" in app.profile.settings.leave_out
    press(app, "close")
    assert [s.id for s in app.chapters][-2:] == ["hunt", "cheer"]
    assert app._following("hunt") == "cheer"


def test_leaving_out_healthy_b_cells_takes_them_and_their_lines_out_of_the_hunt(scenes, display):
    from game.script.chapter import play_with_bot

    app = make_app(scenes, display, first="meet", show_map=False)
    open_panel(app)
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
    open_panel(app)
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
    from game.app.ui import theme

    app = make_app(scenes, display, tmp_path)
    new_child(app)
    open_panel(app)
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
    open_panel(app)
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
    open_panel(app)
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
    open_panel(app)
    press(app, "page:results")
    panel = app.overlay
    panel.folders = [tmp_path / "usb-stick"]
    press(app, "save_summary")
    [saved] = (tmp_path / "usb-stick").glob("*.png")
    assert saved.name.startswith("T-Cell Hero ")
    page = pygame.image.load(str(saved))
    assert page.get_size() == (1240, 1754)
    assert panel.message == "ui.results.saved" and panel.saved == saved


def test_the_results_list_every_quiz_question_with_first_try_and_tries(scenes):
    from game.app.grownup.summary import quiz_rows
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


# the grown-up's language -------------------------------------------------------------------------
def panel_words(app) -> set[str]:
    """Every word on the panel's buttons."""
    return {b.label for b in app.overlay.buttons()}


def test_switching_the_child_to_spanish_leaves_the_panel_in_the_grown_ups_language(
    scenes, display, tmp_path
):
    app = make_app(scenes, display, tmp_path)
    new_child(app)
    open_panel(app)  # first opened in English: the device keeps it
    press(app, "page:child")
    press(app, "set:language")
    assert app.strings.language == "es" and app.profile.settings.language == "es"
    assert app.overlay.strings.get("ui.grownup.title") == "Grown-up controls"
    assert {"Close", "Chapters", "Child", "Controls: English"} <= panel_words(app)
    rows = {row.name: row for row in app.overlay.rows()}
    assert rows["language"].label == "Language" and rows["language"].value == "Español"
    # Ctrl+L with the panel open switches the child's words too, never the panel's.
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_l, mod=pygame.KMOD_LCTRL))
    run(app)
    assert app.strings.language == "en"
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_l, mod=pygame.KMOD_LCTRL))
    run(app)
    assert app.strings.language == "es" and "Close" in panel_words(app)
    press(app, "close")
    assert app.strings.get("ui.go") == "¡Vamos!"  # the child plays in Spanish
    open_panel(app)
    assert "Close" in panel_words(app) and "Cerrar" not in panel_words(app)
    saved = json.loads((tmp_path / "device.json").read_text())
    assert saved == {"grownup_language": "en", "language": "es"}  # the grown-up's, the child's
    assert (
        json.loads((tmp_path / "profiles" / "child-1.json").read_text())["settings"]["language"]
        == "es"
    )


def test_the_panel_has_its_own_language_button_and_the_device_remembers_it(
    scenes, display, tmp_path
):
    app = make_app(scenes, display, tmp_path)
    new_child(app)
    open_panel(app)
    press(app, "grownup_language")
    assert {"Cerrar", "Capítulos", "Controles: Español"} <= panel_words(app)
    assert app.strings.language == "en"  # the child's words stay as they were
    press(app, "page:results")
    run(app)
    assert app.overlay.strings.get("ui.grownup.title") == "Controles para adultos"
    press(app, "close")
    assert app.strings.get("ui.go") == "Go!"
    again = make_app(scenes, display, tmp_path)  # the game started again on this device
    tap_tile(again, "profile:child-1")
    open_panel(again)
    assert "Cerrar" in panel_words(again)
    press(again, "close")
    switch_child(again)  # another child: the grown-up is the same
    new_child(again, "meet.colour.yellow")
    open_panel(again)
    assert "Cerrar" in panel_words(again)


def test_the_panel_first_opens_in_the_language_the_game_is_in(scenes, display, tmp_path):
    app = make_app(scenes, display, tmp_path)
    new_child(app)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_l, mod=pygame.KMOD_LCTRL))
    run(app)
    open_panel(app)
    assert "Cerrar" in panel_words(app)
    saved = json.loads((tmp_path / "device.json").read_text())
    assert saved == {"grownup_language": "es", "language": "es"}


def test_results_show_the_questions_for_the_childs_band_and_role_in_the_grown_ups_words(
    scenes, display, tmp_path
):
    from game.script.session import Answer

    app = make_app(scenes, display, tmp_path)
    new_child(app, role="sibling")
    app.session.answers["hot"] = Answer(1, True, True)
    open_panel(app)
    press(app, "page:child")
    press(app, "set:language")  # the child to Spanish; the panel stays English
    press(app, "page:results")
    [row] = quiz_rows_of(app)
    assert row.question == "Your brother or sister feels hot and shivery. What will you do?"
    assert row.outcome(app.overlay.strings) == "Right on the first try"


def quiz_rows_of(app):
    from game.app.grownup.summary import quiz_rows

    app.profile.take(app.session)
    return quiz_rows(app.profile, app.journey, app.overlay.strings)


# results: every question, every language, every text size ------------------------------------
def nine_answers():
    from game.script.session import Answer

    outcomes = [Answer(1, True, True), Answer(3, False, True), Answer(2, False, True, True)]
    outcomes.append(Answer(1, False, False))
    return outcomes


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("role", ["patient", "sibling"])
def test_results_and_the_summary_show_every_one_of_nine_questions_whole(
    scenes, display, language, role
):
    from datetime import datetime

    from game.app.grownup import results_page
    from game.app.grownup.facilitator import SAVE, FacilitatorPanel
    from game.app.grownup.summary import MARGIN, PAGE, draw_summary
    from game.app.ui import theme
    from game.profile.profile import Profile
    from game.script.catalog import journey
    from game.script.texts import build_strings, load_library

    strings = build_strings(scenes, load_library())
    strings.set_language(language)
    chapters = [scenes[i] for i in journey(scenes)]
    questions = [
        c for s in chapters for c in s.choices if c.ask and any(o.right for o in c.options)
    ]
    assert len(questions) == 9
    for band in ("little", "middle", "older"):
        profile = Profile("child-1")
        profile.settings.band, profile.settings.role = band, role
        profile.played = [s.id for s in chapters]
        answers = nine_answers()
        profile.answers = {c.id: answers[i % 4] for i, c in enumerate(questions)}
        for size in ("normal", "large", "largest"):
            theme.use(theme.Look(size))
            panel = FacilitatorPanel(
                strings, profile, chapters, None, "meet", 0, [], True, language
            )
            panel.page = "results"
            panel.draw(display.canvas)  # draws without error
            rows = quiz_rows_of_panel(panel)
            assert len(rows) == 9
            names = ", ".join(panel.strings.get(f"{s.id}.title") for s in chapters)
            played = panel.strings.get("ui.results.played", chapters=names)
            laid = results_page.layout(
                played, [(r.outcome(panel.strings), r.question) for r in rows]
            )
            assert laid.bottom <= SAVE.top and laid.size >= 20  # above the Save button
            for row, (_, how, what) in zip(rows, laid.rows, strict=True):
                assert " ".join(what) == row.question  # whole, never cut short
                assert " ".join(how) == row.outcome(panel.strings)
        theme.use(theme.Look())
        strings.set_band(band)
        strings.set_role(role)
        page = draw_summary(profile, chapters, strings, datetime(2026, 12, 1, 10, 30))
        # Every row was drawn above the margin: the bottom margin is blank paper.
        bottom = page.subsurface((0, PAGE[1] - MARGIN // 2, PAGE[0], MARGIN // 2))
        assert pygame.transform.average_color(bottom)[:3] == (255, 255, 255), (band, role)


def quiz_rows_of_panel(panel):
    from game.app.grownup.summary import quiz_rows

    return quiz_rows(panel.profile, panel.chapters, panel.strings)


# saving the summary: where it went, beside the button ------------------------------------------
def test_the_saved_message_sits_beside_the_save_button_with_a_long_path_shortened_in_the_middle(
    display,
):
    from pathlib import Path

    from game.app.grownup import results_page
    from game.app.grownup.facilitator import SAVE
    from game.script.catalog import load_all
    from game.script.texts import build_strings, load_library

    strings = build_strings(load_all(), load_library())
    folder = "/media/specialist/CLINIC USB 2026/children's summaries/this week/T-Cell Hero"
    saved = Path(folder) / "T-Cell Hero Alejandro 2026-12-01 1030.png"
    for language in ("en", "es"):
        strings.set_language(language)

        def template(path: str) -> str:
            return strings.get("ui.results.saved", path=path)

        words = results_page.message_words(template, saved)
        assert words.startswith(template("/media/")) and "…" in words
        assert words.endswith("Alejandro 2026-12-01 1030.png")  # the file's name is kept
        image = message_label(words)
        rect = image.get_rect(midleft=results_page.MESSAGE.midleft)
        assert results_page.MESSAGE.contains(rect.clip(results_page.MESSAGE))
        assert rect.width <= results_page.MESSAGE.width
        ink = image.get_bounding_rect().move(rect.topleft)
        assert not ink.colliderect(SAVE) and display.canvas.get_rect().contains(ink)
    short = Path("/tmp/T-Cell Hero Sam.png")
    assert results_page.message_words(template, short) == template(str(short))  # as it is


def message_label(words):
    from game.app.grownup import results_page
    from game.app.ui import labels

    box = results_page.MESSAGE
    return labels.label(
        words, results_page.MESSAGE_SIZE, box.width, box.height, (0, 0, 0), 3, False, "regular"
    )


# one switch: every press chooses ----------------------------------------------------------------
def test_every_space_press_chooses_when_scanning_even_while_a_choice_plays_out(
    scenes, display, monkeypatch
):
    """The play-test's 'Space was ignored once': a press while the last choice was still being
    carried out (a cell on its way to the bag) was dropped. Now it chooses as soon as that one
    is done: as many choices as presses."""
    from game.app import scanning

    chosen = []
    real = scanning.Guide
    monkeypatch.setattr(scanning, "Guide", lambda spot: chosen.append(spot.name) or real(spot))
    app = make_app(scenes, display, first="collect", show_map=False)
    app.profile.settings.one_switch = True
    run(app, 240)
    presses = 0
    for gap in (90, 2, 5, 40, 1, 120, 3, 60):  # some land while a cell is still moving
        while app.scanner.lit is None and app.scanner.guide is None:
            run(app)
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_SPACE, mod=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_SPACE, mod=0))
        presses += 1
        run(app, gap)
    run(app, 600)
    assert len(chosen) == presses


def test_choosing_the_narration_moves_on_to_the_next_line_in_one_press(scenes, display):
    """Choosing the narration box while a line was still being shown only finished it, so the
    press seemed to do nothing (the play-test's second Space 'worked'); now one press moves on,
    and the box is offered for as long as a line shows, so the highlight does not jump."""
    app = make_app(scenes, display, first="meet", show_map=False)
    app.profile.settings.one_switch = True
    narrator = app.play.narrator
    run(app, 3)
    assert not narrator.revealed and narrator.queue  # the first line is still appearing
    moved = 0
    while narrator.queue and moved < 3:  # each press while lines wait: the next one, at once
        app.scanner.index = [s.name for s in app.scanner.spots].index("next")
        heard = len(narrator.history)
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_SPACE, mod=0))
        run(app, 2)
        assert len(narrator.history) == heard + 1
        assert app.scanner.lit is not None and app.scanner.lit.name == "next"
        moved += 1
    assert moved >= 2


def test_the_highlight_stays_on_the_same_thing_when_the_choices_change_round_it():
    from game.app.scanning import Scanner
    from game.world.spots import Spot

    scanner = Scanner()
    spots = [Spot(100, 100, 20, "replay"), Spot(1170, 50, 40, "pause")]
    scanner.update(spots, 0.1, 10.0)
    scanner.index = 1
    assert scanner.lit.name == "pause"
    scanner.update([Spot(640, 700, 0, "next", w=1000, h=120), *spots], 0.1, 10.0)
    assert scanner.lit.name == "pause"  # a line to move on to appeared before it
    cells = [Spot(300, 300, 30, "t_cell"), Spot(500, 300, 30, "t_cell")]
    scanner.update(cells, 0.1, 10.0)
    scanner.index = 1
    scanner.update([Spot(310, 305, 30, "t_cell"), Spot(512, 296, 30, "t_cell")], 0.1, 10.0)
    assert (scanner.lit.x, scanner.lit.y) == (512, 296)  # the same cell, drifted


# who is playing? ----------------------------------------------------------------------------------
def test_two_children_of_one_colour_are_told_apart_by_their_badge_and_typed_name(
    scenes, display, tmp_path, monkeypatch
):
    from game.app.ui import labels, pictures

    app = make_app(scenes, display, tmp_path)
    new_child(app, "meet.colour.lime")
    open_panel(app)
    press(app, "page:child")
    press(app, "set:name")
    for key in ("key:M", "key:A", "key:Y", "key:A", "done"):
        press(app, key)
    press(app, "close")
    switch_child(app)
    new_child(app, "meet.colour.lime")  # the same colour, no name typed
    switch_child(app)
    tiles = {t.name: t for t in app.screen.tiles()}
    maya, other = tiles["profile:child-1"], tiles["profile:child-2"]
    assert maya.colour == other.colour
    assert maya.badge != other.badge and {maya.badge, other.badge} <= {"sun", "dino", "moon", "zap"}
    assert maya.typed == "Maya" and other.typed == ""
    words, badges = [], []
    real_label, real_picture = labels.label, pictures.picture
    monkeypatch.setattr(
        labels,
        "label",
        lambda w, size, *a, **k: words.append((w, size)) or real_label(w, size, *a, **k),
    )
    monkeypatch.setattr(
        pictures,
        "picture",
        lambda name, *a, **k: badges.append(name) or real_picture(name, *a, **k),
    )
    app.screen.draw(display.canvas)
    assert ("Maya", 44) in words  # the typed name, big
    assert maya.badge in badges and other.badge in badges


def test_a_tap_on_the_story_box_with_no_line_left_does_not_steer_the_t_cell(scenes, display):
    """Between lines the box still shows the last one: a tap there (to hear more) must not
    send the T cell swimming to the bottom of the screen (a play-test saw the counter move)."""
    app = make_app(scenes, display, first="hunt", show_map=False)
    run(app, 30)
    play = app.play
    for _ in range(60):  # every line of the hunt's opening said; the last stays in its box
        if not play.narrator.queue and play.narrator.revealed:
            break
        play.narrator.advance()
        run(app)
    assert not play.narrator.queue and play.narrator.current is not None
    box = play.narration.box
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=box.center, button=1))
    run(app)
    assert not play.pressing  # the tap is not a drag of the T cell
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=box.center, button=1))
    run(app)
