"""'How old are you?' when a new child makes their profile (a play-test: a six-year-old was
never asked, and played in the default band for 7 to 9). The ages 4 to 12 are big numbers with
as many dots to count; each sets the age band the grown-up's controls name; 'Skip' keeps the
usual one."""

from __future__ import annotations

import re

import pygame
import pytest

from game.app.screens.profiles_screen import AGES, ProfilesScreen
from game.script.catalog import load_all
from game.script.strings import BANDS, band_for_age
from game.script.texts import build_strings, load_library


@pytest.fixture(scope="module")
def scenes():
    return load_all()


@pytest.fixture
def strings(scenes):
    return build_strings(scenes, load_library())


def new_child_screen(scenes, strings, role: str = "patient") -> ProfilesScreen:
    """A new child on 'Who is playing?' who has tapped 'New', a colour and who is playing."""
    colours = [o for c in scenes["meet"].choices if c.keep == "colour" for o in c.options]
    names = [o for c in scenes["meet"].choices if c.keep == "name" for o in c.options]
    screen = ProfilesScreen([], colours, names, strings, ask_age=True)
    screen.press(f"colour:{colours[1].id}")
    screen.press(f"role:{role}")
    return screen


def tap(screen: ProfilesScreen, name: str) -> None:
    from game.app.platform import intents

    rects = {t.name: t.rect for t in screen.tiles()} | {b.name: b.rect for b in screen.buttons()}
    screen.handle(intents.PointerDown(*rects[name].center))


@pytest.mark.parametrize(("age", "band"), [(4, "little"), (6, "little"), (7, "middle")])
def test_a_new_child_is_asked_their_age_and_it_sets_their_band(scenes, strings, age, band):
    screen = new_child_screen(scenes, strings)
    assert screen.outcome is None  # not made yet: the age comes first
    assert screen.prompt_ids() == ("ui.profiles.how_old",)  # said as the page opens
    tap(screen, f"age:{age}")
    assert (screen.outcome, screen.new_band, screen.new_role) == ("new", band, "patient")


def test_skip_keeps_the_usual_band_and_back_goes_back_to_who_is_playing(scenes, strings):
    screen = new_child_screen(scenes, strings, "sibling")
    tap(screen, "back")
    assert screen.picking_role and not screen.picking_age and screen.outcome is None
    tap(screen, "role:sibling")
    tap(screen, "skip")
    assert (screen.outcome, screen.new_band, screen.new_role) == ("new", None, "sibling")


def test_every_age_is_in_the_band_the_grown_ups_controls_name(strings):
    """'Ages 4 to 6' in the grown-up's controls is the band of a child who says 4, 5 or 6."""
    named = {}
    for band in BANDS:
        low, high = map(int, re.findall(r"\d+", strings.text_in("en", f"ui.band.{band}")))
        named.update({age: band for age in range(low, high + 1)})
    assert sorted(named) == list(AGES) == list(range(4, 13))
    assert {age: band_for_age(age) for age in AGES} == named
    assert band_for_age(3) == "little" and band_for_age(13) == "older"


def test_each_age_is_a_big_tile_with_as_many_dots_as_years(scenes, strings, display):
    from game.app.ui import art

    screen = new_child_screen(scenes, strings)
    canvas = pygame.Surface((1280, 800))
    screen.draw(canvas)
    tiles = [t for t in screen.tiles() if t.name.startswith("age:")]
    assert len(tiles) == 9
    for i, tile in enumerate(tiles):
        assert tile.rect.height >= 120 and tile.rect.width >= 200  # a small finger finds it
        assert not any(tile.rect.colliderect(other.rect) for other in tiles[i + 1 :])
        body = art.hero_colours(tile.colour)[0]
        dots = pygame.mask.from_threshold(canvas.subsurface(tile.rect), body, (4, 4, 4, 255))
        assert len(dots.connected_components(20)) == int(tile.label), tile.name


def test_the_question_is_in_english_and_spanish(strings):
    for text_id in ("ui.profiles.how_old", "ui.profiles.age.skip"):
        english, spanish = strings.text_in("en", text_id), strings.text_in("es", text_id)
        assert english and spanish and english != spanish
    assert strings.text_in("es", "ui.profiles.how_old") == "¿Cuántos años tienes?"


def test_without_the_question_a_new_child_is_made_as_before(scenes, strings):
    """Until the app asks it (ask_age), 'Me!' or 'My brother or sister' makes the child."""
    colours = [o for c in scenes["meet"].choices if c.keep == "colour" for o in c.options]
    screen = ProfilesScreen([], colours, [], strings)
    screen.press(f"colour:{colours[0].id}")
    screen.press("role:patient")
    assert screen.outcome == "new" and screen.new_band is None


def test_the_demo_skips_the_age_and_plays_in_the_band_it_was_given(scenes, strings):
    from game.app.platform import intents

    screen = new_child_screen(scenes, strings)
    screen.update(1.0)
    press = screen.bot_gestures(None, 0.0)[0]
    screen.handle(intents.PointerDown(press.x, press.y))
    assert (screen.outcome, screen.new_band) == ("new", None)  # the band it was started with


def test_the_question_is_heard_in_the_games_own_voice_in_both_languages(strings):
    """Its voice files are made (Kokoro, like every line a child hears) and say its words
    today, so a child who cannot read hears the question, never the computer's own speech."""
    from game import resources
    from game.script.strings import source_hash
    from game.voice.index import load_index, voice_file

    folder = resources.assets_dir() / "voice"
    for language in ("en", "es"):
        recorded = load_index(folder, language)["ui.profiles.how_old"]
        assert recorded.hash == source_hash(strings.text_in(language, "ui.profiles.how_old"))
        assert voice_file(folder, language, "ui.profiles.how_old").is_file()
