"""The keeper: who is playing, their settings, and what is kept for them (game/app/keeper.py),
on its own, with no window and no screens."""

from __future__ import annotations

import pytest

from game.app.keeper import SAVE_EVERY, Keeper
from game.app.ui import theme
from game.profile.store import ProfileStore
from game.script.catalog import load_all
from game.script.texts import build_strings, load_library


@pytest.fixture(scope="module")
def scenes():
    return load_all()


@pytest.fixture
def keeper(scenes, tmp_path):
    strings = build_strings(scenes, load_library())
    yield Keeper(scenes, strings, ProfileStore(tmp_path, tuple(strings.languages)))
    theme.use(theme.Look())


def saves_of(keeper: Keeper) -> list[str]:
    """Counts the store's writes from now on."""
    written: list[str] = []
    real = keeper.store.save

    def counting(profile):
        written.append(profile.id)
        return real(profile)

    keeper.store.save = counting
    return written


def test_a_guest_is_never_saved_and_a_chosen_child_is(keeper):
    assert keeper.profile.id == "guest" and not keeper.save()
    child = keeper.new_profile("meet.colour.lime", [])
    written = saves_of(keeper)
    keeper.begin(child)
    assert keeper.profile is child and written == [child.id]
    assert keeper.record is not None  # this session's record has begun
    assert [p.id for p in keeper.store.load()] == [child.id]


def test_a_save_is_written_when_something_changed_or_time_passed(keeper):
    keeper.begin(keeper.new_profile("meet.colour.lime", []))
    written = saves_of(keeper)
    keeper.played(1.0, on_profiles_screen=False)
    assert not keeper.save()  # only a second more: not worth a write
    keeper.session.picked["name"] = keeper.options["meet.name.dino"]
    assert keeper.save() and len(written) == 1
    keeper.played(SAVE_EVERY, on_profiles_screen=False)
    assert keeper.save() and len(written) == 2  # the time played, now and then


def test_time_on_who_is_playing_is_not_the_childs(keeper):
    keeper.begin(keeper.new_profile("meet.colour.lime", []))
    keeper.played(5.0, on_profiles_screen=True)
    assert keeper.session_seconds == 0.0 and keeper.profile.seconds_played == 0.0
    keeper.played(5.0, on_profiles_screen=False)
    assert keeper.session_seconds == 5.0 and keeper.profile.seconds_played == 5.0


def test_two_children_with_one_colour_get_different_names(keeper):
    first = keeper.new_profile("meet.colour.lime", [])
    second = keeper.new_profile("meet.colour.lime", [first])
    assert first.picked["name"] != second.picked["name"] and first.code != second.code


def test_a_childs_settings_go_into_the_words_and_the_look_and_map_choices_come_back(keeper):
    child = keeper.new_profile("meet.colour.lime", [])
    child.settings.language, child.settings.high_contrast = "es", True
    keeper.begin(child)
    assert keeper.strings.language == "es" and theme.look().high_contrast
    keeper.strings.set_language("en")  # chosen on the map
    keeper.sync_settings()
    assert child.settings.language == "en"


def test_forgetting_a_child_removes_them_and_a_guest_plays_on(keeper):
    child = keeper.new_profile("meet.colour.lime", [])
    keeper.begin(child)
    keeper.forget("clear_child")
    assert keeper.profile.id == "guest" and keeper.store.load() == []
    assert keeper.record is None and not keeper.save()


def test_the_grown_ups_language_is_the_devices_not_the_childs(keeper):
    assert keeper.grownup_language() == "en"  # the first time: the game's, kept
    child = keeper.new_profile("meet.colour.lime", [])
    child.settings.language = "es"
    keeper.begin(child)
    assert keeper.grownup_language() == "en"
    keeper.keep_grownup_language("es")
    assert keeper.store.load_device().grownup_language == "es"


def test_a_new_child_gets_the_band_of_the_age_they_tapped(keeper):
    assert keeper.new_profile("meet.colour.lime", []).settings.band == keeper.defaults.band
    older = keeper.new_profile("meet.colour.lime", [], band="older")
    assert older.settings.band == "older"
    keeper.begin(older)
    assert keeper.strings.band == "older"
