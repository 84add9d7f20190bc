"""Who is playing: the child getting CAR T cells, or their brother or sister. A line may carry
sibling variants beside its age-band ones; the role is a child's setting, chosen when their
profile is made (three taps: 'New', a colour, 'Me!' or 'My brother or sister'), stepped on the
grown-up's panel, given on the command line, and exported by ``lines``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pygame
import pytest
from test_facilitator import press, run, tap_tile

from conftest import MINIMAL, ROOT, problems_in
from game.profile.profile import Profile
from game.profile.settings import Settings
from game.script.schema import parse_scene
from game.script.strings import (
    BANDS,
    ROLES,
    SOURCE_LANGUAGE,
    Entry,
    Strings,
    Table,
    source_hash,
)

ALL_VARIANTS = ("little", "older", "sibling", "sibling_little", "sibling_older")


def chain(role: str, band: str) -> list[str]:
    """The lookup order the brief asks for, written out by hand."""
    order = []
    if role == "sibling":
        if band != "middle":
            order.append(f"x@sibling_{band}")
        order.append("x@sibling")
    if band != "middle":
        order.append(f"x@{band}")
    return [*order, "x"]


def english(*variants: str) -> dict[str, str]:
    return {"x": "x", **{f"x@{v}": f"x@{v}" for v in variants}}


def spanish(*ids: str) -> dict[str, Table]:
    entries = {i: Entry(f"es:{i}", source_hash(i)) for i in ids}
    return {"es": Table("es", "Español", "es-419", entries, "es.yaml")}


def strings_for(role: str, band: str, english_ids, tables=None) -> Strings:
    strings = Strings(english_ids, tables or {})
    strings.set_role(role)
    strings.set_band(band)
    return strings


# resolution -------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("band", BANDS)
def test_each_role_and_band_falls_back_along_its_chain_in_english(role, band):
    """Take the variants away one by one, best first: each time the next in the chain is said."""
    present = list(ALL_VARIANTS)
    for expected in chain(role, band):
        strings = strings_for(role, band, english(*present))
        assert strings.resolve("x") == (SOURCE_LANGUAGE, expected)
        assert strings.get("x") == expected
        present = [v for v in present if f"x@{v}" != expected]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("band", BANDS)
def test_each_role_and_band_falls_back_along_the_same_chain_in_spanish(role, band):
    """English has every variant; the Spanish table resolves the same chain over what it has."""
    order = chain(role, band)
    for start, expected in enumerate(order):
        strings = strings_for(role, band, english(*ALL_VARIANTS), spanish(*order[start:]))
        strings.set_language("es")
        assert strings.resolve("x") == ("es", expected)
        assert strings.get("x") == f"es:{expected}"


def test_a_patient_never_hears_a_sibling_variant():
    strings = strings_for("patient", "middle", english("sibling", "sibling_little"))
    assert strings.get("x") == "x"
    strings.set_band("little")
    assert strings.get("x") == "x"


def test_spanish_with_nothing_translated_falls_back_to_the_english_variant():
    strings = strings_for("sibling", "little", english(*ALL_VARIANTS), spanish())
    strings.set_language("es")
    assert strings.resolve("x") == ("en", "x@sibling_little")


def test_spanish_keeps_its_own_words_before_an_untranslated_english_variant():
    """As for age bands: a newer English variant not yet translated does not switch the child
    into English mid-sentence; the Spanish line is said until its variant is translated."""
    strings = strings_for("sibling", "middle", english("sibling"), spanish("x"))
    strings.set_language("es")
    assert strings.resolve("x") == ("es", "x")


def test_a_translated_variant_the_english_no_longer_has_is_not_used():
    strings = strings_for("sibling", "middle", english(), spanish("x", "x@sibling"))
    strings.set_language("es")
    assert strings.resolve("x") == ("es", "x")
    assert any("'x@sibling' is not used any more" in p.message for p in strings.problems("es"))


def test_an_unknown_role_is_refused():
    with pytest.raises(ValueError, match="unknown role 'brother'; use patient or sibling"):
        Strings({}, {}).set_role("brother")


# the setting ------------------------------------------------------------------------------------
def test_the_role_is_saved_and_read_back():
    settings = Settings(role="sibling")
    assert Settings.from_dict(settings.to_dict()).role == "sibling"
    profile = Profile("child-1", settings=settings)
    assert Profile.from_dict(json.loads(json.dumps(profile.to_dict()))).settings.role == "sibling"


@pytest.mark.parametrize("bad", ["brother", "Sibling", "", 3, None, True, ["sibling"]])
def test_a_bad_saved_role_is_the_patient(bad):
    data = Settings(band="older").to_dict()
    data["role"] = bad
    settings = Settings.from_dict(data)
    assert settings.role == "patient" and settings.band == "older"


def test_a_save_from_before_roles_reads_as_the_patient():
    data = Settings().to_dict()
    del data["role"]
    assert Settings.from_dict(data).role == "patient"


def test_a_tap_steps_the_role_round():
    settings = Settings()
    settings.step("role")
    assert settings.role == "sibling"
    settings.step("role")
    assert settings.role == "patient"


# the scene format -------------------------------------------------------------------------------
WITH_VARIANTS = MINIMAL.replace(
    "    text: Hello!\n",
    "    text: Hello! Your T cell is here.\n"
    "    little: Hello!\n"
    "    sibling: Hello! Their T cell is here.\n"
    "    sibling_little: Hi!\n"
    "    sibling_older: Hello! Your brother's or sister's T cell is here.\n",
)


def test_a_line_may_carry_sibling_variants_and_each_is_a_text():
    scene = parse_scene("mini.yaml", WITH_VARIANTS.encode(), ROOT / "assets")
    texts = {t.id: t for t in scene.texts()}
    assert texts["mini.hello@sibling"].text == "Hello! Their T cell is here."
    assert texts["mini.hello@sibling_little"].text == "Hi!"
    assert texts["mini.hello@sibling_older"].kind == "line"  # so it gets a voice file
    assert [t.id for t in scene.texts()][1:] == [
        "mini.hello",
        "mini.hello@little",
        "mini.hello@sibling",
        "mini.hello@sibling_little",
        "mini.hello@sibling_older",
    ]


def test_an_unknown_variant_key_is_reported_with_its_place():
    text = MINIMAL.replace("    text: Hello!\n", "    text: Hello!\n    siblings: Hi!\n")
    found = [str(p) for p in problems_in(text)]
    assert found == ["mini.yaml:17:5: unknown key 'siblings' in a line (did you mean 'sibling'?)"]


def test_a_sibling_variant_must_be_text():
    text = MINIMAL.replace("    text: Hello!\n", "    text: Hello!\n    sibling_older: [1]\n")
    found = [str(p) for p in problems_in(text)]
    assert found == ["mini.yaml:17:20: the 'sibling_older' variant must be text, not list"]


# lines, check and voices over a scene folder of our own -----------------------------------------
@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A scene folder with one scene that has sibling variants, its menus and Spanish."""
    scenes = tmp_path / "scenes"
    (scenes / "lang").mkdir(parents=True)
    (scenes / "book").mkdir()
    (scenes / "mini.yaml").write_text(WITH_VARIANTS)
    (scenes / "book" / "words.yaml").write_text("version: 1\nwords: []\n")
    (scenes / "lang" / "en.yaml").write_text(
        'language: English\nstrings:\n  ui.go: "Go!"\n', encoding="utf-8"
    )
    english = {
        "mini.title": "A small hunt",
        "mini.hello": "Hello! Your T cell is here.",
        "mini.hello@sibling": "Hello! Their T cell is here.",
        "ui.go": "Go!",
    }
    spanish = {
        "mini.title": "Una pequeña caza",
        "mini.hello": "¡Hola! Tu célula T está aquí.",
        "mini.hello@sibling": "¡Hola! Su célula T está aquí.",
        "ui.go": "¡Vamos!",
    }
    entries = "".join(
        f'  {i}:\n    text: "{spanish[i]}"\n    en: "{source_hash(english[i])}"\n' for i in spanish
    )
    (scenes / "lang" / "es.yaml").write_text(
        f"language: Español\nstrings:\n{entries}", encoding="utf-8"
    )
    monkeypatch.setattr("game.resources.scenes_dir", lambda: scenes)
    monkeypatch.setattr("game.resources.shipped_scene_files", lambda: [scenes / "mini.yaml"])
    return scenes


def lines(capsys, *args: str) -> list[list[str]]:
    from game.cli import main

    assert main(["lines", *args]) == 0
    return list(csv.reader(io.StringIO(capsys.readouterr().out)))


def test_lines_exports_the_sibling_variants_by_id(folder, capsys):
    rows = lines(capsys)
    assert ["mini.hello@sibling", "mini", "", "Hello! Their T cell is here."] in rows
    assert ["mini.hello@sibling_little", "mini", "", "Hi!"] in rows
    ids = [row[0] for row in rows]
    assert ids.index("mini.hello") < ids.index("mini.hello@sibling") < ids.index("ui.go")


def test_lines_in_spanish_has_the_same_ids_and_leaves_untranslated_variants_empty(folder, capsys):
    english, spanish = lines(capsys), lines(capsys, "--lang", "es")
    assert [row[:3] for row in spanish] == [row[:3] for row in english]
    assert ["mini.hello@sibling", "mini", "", "¡Hola! Su célula T está aquí."] in spanish
    assert ["mini.hello@sibling_older", "mini", "", ""] in spanish


def test_lines_for_one_child_lists_what_they_read_under_the_variants_id(folder, capsys):
    rows = lines(capsys, "--role", "sibling", "--band", "little")
    assert [row[0] for row in rows] == ["id", "mini.title", "mini.hello@sibling_little", "ui.go"]
    rows = lines(capsys, "--role", "sibling", "--lang", "es")
    assert ["mini.hello@sibling", "mini", "", "¡Hola! Su célula T está aquí."] in rows
    rows = lines(capsys, "--role", "patient", "--band", "little")
    assert ["mini.hello@little", "mini", "", "Hello!"] in rows


def test_check_asks_for_the_translation_and_the_voice_file_of_each_variant(folder, capsys):
    from game.cli import main
    from game.script.catalog import load_all
    from game.script.texts import all_texts, build_strings, load_library
    from game.voice.index import spoken

    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "missing translation of 'mini.hello@sibling_little'" in out
    assert "missing translation of 'mini.hello@sibling'" not in out
    scenes, library = load_all(), load_library()
    strings, texts = build_strings(scenes, library), all_texts(scenes, library)
    heard = [text_id for text_id, _ in spoken(strings, texts, "en")]
    assert {"mini.hello@sibling", "mini.hello@sibling_little"} <= set(heard)
    assert "mini.hello@sibling" in [text_id for text_id, _ in spoken(strings, texts, "es")]


def test_the_command_line_takes_a_role_for_every_command_that_shows_words():
    from game.cli import _parser

    for command, extra in (
        ("play", []),
        ("demo", []),
        ("screenshot", ["--scene", "hunt", "out.png"]),
        ("lines", []),
    ):
        assert _parser(command).parse_args([*extra, "--role", "sibling"]).role == "sibling"
    assert _parser("play").parse_args([]).role == "patient"
    assert _parser("lines").parse_args([]).role is None  # every text, as for review
    with pytest.raises(SystemExit):
        _parser("play").parse_args(["--role", "brother"])


def test_the_role_given_on_the_command_line_reaches_the_words(folder):
    from game.cli import _load

    loaded = _load(None, "en", "little", "sibling")
    assert loaded is not None
    assert loaded.strings.role == "sibling"
    assert loaded.strings.get("mini.hello") == "Hi!"


# the app: choosing it ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def scenes():
    from game.script.catalog import load_all

    return load_all()


def make_app(scenes, display, folder: Path | None, defaults: Settings | None = None):
    from game.app.loop import App, StepClock
    from game.profile.store import ProfileStore

    store = ProfileStore(folder, ("en", "es")) if folder is not None else None
    return App(scenes, "meet", display, StepClock(), show_map=True, store=store, defaults=defaults)


def test_a_new_child_taps_a_colour_then_says_who_is_getting_car_t_cells(scenes, display, tmp_path):
    app = make_app(scenes, display, tmp_path)
    assert app.screen.picking_colour  # no one has played yet
    tap_tile(app, "colour:meet.colour.lime")
    assert app.screen.picking_role
    assert [t.name for t in app.screen.tiles()] == ["role:patient", "role:sibling"]
    assert [t.label for t in app.screen.tiles()] == ["Me!", "My brother or sister"]
    press(app, "back")  # changed their mind about the colour
    assert app.screen.picking_colour and not app.screen.picking_role
    tap_tile(app, "colour:meet.colour.yellow")
    tap_tile(app, "role:sibling")
    assert type(app.screen).__name__ == "JourneyMap"
    assert app.profile.picked["colour"] == "meet.colour.yellow"
    assert app.profile.settings.role == "sibling" and app.strings.role == "sibling"
    saved = json.loads((tmp_path / "profiles" / "child-1.json").read_text())
    assert saved["settings"]["role"] == "sibling"


def test_a_returning_sibling_plays_as_a_sibling(scenes, display, tmp_path):
    first = make_app(scenes, display, tmp_path)
    tap_tile(first, "colour:meet.colour.lime")
    tap_tile(first, "role:sibling")
    again = make_app(scenes, display, tmp_path)
    assert again.strings.role == "patient"  # nobody chosen yet
    tap_tile(again, "profile:child-1")
    assert again.strings.role == "sibling"


def test_the_demo_bot_makes_a_child_of_the_role_it_was_given(scenes, display, tmp_path):
    from game.app.screens.profiles_screen import ProfilesScreen
    from game.world.gestures import Release

    app = make_app(scenes, display, None)
    screen = ProfilesScreen(
        [], app.keeper.keeps("colour"), app.keeper.keeps("name"), app.strings, "sibling"
    )
    for _ in range(4):
        screen.update(1.0)
        for gesture in screen.bot_gestures(None, 1.0):
            if isinstance(gesture, Release):
                tile = next(t for t in screen.tiles() if t.rect.collidepoint(gesture.x, gesture.y))
                screen.press(tile.name)
        if screen.outcome:
            break
    assert screen.outcome == "new" and screen.new_role == "sibling"


def test_the_command_lines_role_is_a_new_childs_setting(scenes, display):
    app = make_app(scenes, display, None, Settings(role="sibling"))
    assert app.profile.settings.role == "sibling" and app.strings.role == "sibling"


def test_the_grown_ups_panel_steps_playing_as(scenes, display, tmp_path):
    from game.app.grownup.facilitator import FacilitatorPanel

    app = make_app(scenes, display, tmp_path)
    tap_tile(app, "colour:meet.colour.lime")
    tap_tile(app, "role:patient")
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_f, mod=pygame.KMOD_LCTRL))
    run(app)
    assert isinstance(app.overlay, FacilitatorPanel)
    press(app, "page:child")
    rows = {row.name: row for row in app.overlay.rows()}
    assert (rows["role"].label, rows["role"].value) == ("Playing as", "The patient")
    press(app, "set:role")
    assert app.profile.settings.role == "sibling" and app.strings.role == "sibling"
    assert {r.name: r for r in app.overlay.rows()}["role"].value == "A brother or sister"
    saved = json.loads((tmp_path / "profiles" / "child-1.json").read_text())
    assert saved["settings"]["role"] == "sibling"
    press(app, "set:role")
    assert app.strings.role == "patient"


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_new_words_fit_without_shrinking_in_both_languages(display, language):
    """Every new label is drawn at its full size: none needs ``fitted`` to make it smaller."""
    from game.app.grownup import facilitator
    from game.app.screens.profiles_screen import ROLE_W
    from game.app.ui import text
    from game.script.texts import load_library

    library = load_library()
    words = Strings({i: e.text for i, e in library.menus.entries.items()}, library.tables)
    words.set_language(language)

    def width(text_id: str, size: int) -> int:
        return text.font(size, "bold").size(words.get(text_id))[0]

    assert width("ui.profiles.who_gets", 56) <= 1200
    for role in ROLES:
        assert width(f"ui.profiles.role.{role}", 44) <= ROLE_W - 24
        assert width(f"ui.role.{role}", 38) <= facilitator.VALUE.width - 24
    assert width("ui.child.role", 36) <= facilitator.VALUE.x - 80
    assert width("ui.child.switch", 38) <= facilitator.SWITCH_CHILD.width - 24


def test_switch_child_sits_below_the_five_rows_of_the_child_page():
    from game.app.grownup.facilitator import ROW_STEP, ROW_TOP, SWITCH_CHILD, VALUE

    last_row = VALUE.move(0, ROW_TOP + 4 * ROW_STEP)
    assert SWITCH_CHILD.top > last_row.bottom and SWITCH_CHILD.bottom <= 800


def test_the_role_pictures_are_drawn(display):
    from game.app.ui import pictures

    for name in ROLES:
        picture = pictures.picture(name, 300)
        assert picture.get_bounding_rect().width > 150  # a real picture, not the placeholder


def test_the_menu_tables_carry_the_new_words_in_both_languages():
    from game.script.texts import load_library

    library = load_library()
    ids = [
        "ui.profiles.who_gets",
        "ui.profiles.role.patient",
        "ui.profiles.role.sibling",
        "ui.child.role",
        "ui.role.patient",
        "ui.role.sibling",
    ]
    for text_id in ids:
        english = library.menus.entries[text_id].text
        assert library.tables["es"].entries[text_id].source == source_hash(english), text_id
