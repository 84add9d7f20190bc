"""A scene's asset must be a real file inside assets/: links out of it are refused, a name no
file can have is reported (not a traceback), and in play a missing picture is drawn as a plain
colour instead of stopping the game."""

from __future__ import annotations

import logging

import pytest

from conftest import MINIMAL, ROOT, SceneError, parse_scene
from game import resources
from game.script import catalog

SCENE = MINIMAL.replace("activity: hunt", "activity: hunt\nbackground: {value}")


@pytest.fixture
def assets(tmp_path):
    """A small assets/ folder with one real background, and a secret file beside it."""
    folder = tmp_path / "assets"
    (folder / "backgrounds").mkdir(parents=True)
    (folder / "backgrounds" / "real.svg").write_bytes(
        (ROOT / "assets" / "backgrounds" / "lab.svg").read_bytes()
    )
    (tmp_path / "secret.svg").write_text("<svg/>")
    return folder


def problems(value: str, assets, need_files: bool = True) -> list[str]:
    try:
        parse_scene("mini.yaml", SCENE.format(value=value).encode(), assets, need_files)
    except SceneError as exc:
        return [str(p) for p in exc.problems]
    return []


@pytest.mark.parametrize(
    "target",
    ["../../secret.svg", "ABSOLUTE", "../../secret-dir/inner.svg"],
)
def test_a_link_that_leads_out_of_assets_is_refused(assets, target):
    if target == "ABSOLUTE":
        target = str(assets.parent / "secret.svg")
    elif "secret-dir" in target:
        (assets.parent / "secret-dir").mkdir()
        (assets.parent / "secret-dir" / "inner.svg").write_text("<svg/>")
    link = assets / "backgrounds" / "out.svg"
    link.symlink_to(target)
    found = problems("backgrounds/out.svg", assets)
    assert len(found) == 1 and found[0].startswith("mini.yaml:5:13: ")
    assert "leads outside assets/" in found[0]
    assert resources.asset_file("backgrounds/out.svg", assets) is None


def test_a_folder_link_out_of_assets_is_refused(assets):
    (assets.parent / "elsewhere").mkdir()
    (assets.parent / "elsewhere" / "x.svg").write_text("<svg/>")
    (assets / "backgrounds" / "more").symlink_to(assets.parent / "elsewhere")
    assert "leads outside assets/" in problems("backgrounds/more/x.svg", assets)[0]


def test_a_link_that_stays_inside_assets_is_fine(assets):
    (assets / "backgrounds" / "again.svg").symlink_to("real.svg")
    assert problems("backgrounds/again.svg", assets) == []
    assert resources.asset_file("backgrounds/again.svg", assets) is not None


@pytest.mark.parametrize(
    "name",
    ["x" * 300 + ".svg", ("a" * 200 + "/") * 30 + "b.svg", "loop.svg"],
)
def test_a_name_no_file_can_have_is_reported_where_it_is_written(assets, name):
    if name == "loop.svg":
        (assets / "backgrounds" / "loop.svg").symlink_to("loop.svg")
    found = problems(f"backgrounds/{name}", assets)
    assert len(found) == 1 and found[0].startswith("mini.yaml:5:13: there is no file")
    assert resources.asset_file(f"backgrounds/{name}", assets) is None


@pytest.mark.parametrize(
    "name", ["backgrounds/missing.svg", "backgrounds/" + "y" * 300 + ".svg", "backgrounds/out.svg"]
)
def test_play_loads_a_scene_whose_background_is_not_there(assets, name):
    (assets / "backgrounds" / "out.svg").symlink_to(assets.parent / "secret.svg")
    assert problems(name, assets, need_files=False) == []
    assert problems(name, assets, need_files=True) != []


def test_load_all_starts_the_game_without_a_missing_background(tmp_path):
    path = tmp_path / "mini.yaml"
    path.write_text(SCENE.format(value="backgrounds/gone.svg"))
    assert catalog.load_all([path])["mini"].background == "backgrounds/gone.svg"
    _, found = catalog.check_files([path])
    assert [(p.where.line, p.where.col) for p in found] == [(5, 13)]
    assert "there is no file assets/backgrounds/gone.svg" in found[0].message


@pytest.mark.parametrize(
    "name",
    ["backgrounds/gone.svg", "backgrounds/" + "z" * 300 + ".svg", "backgrounds/out.svg"],
)
def test_a_background_that_is_not_there_is_a_plain_calm_colour(
    display, assets, monkeypatch, caplog, name
):
    from game.app.ui import art

    (assets / "backgrounds" / "out.svg").symlink_to(assets.parent / "secret.svg")
    monkeypatch.setattr(resources, "assets_dir", lambda: assets)
    art.background.cache_clear()
    try:
        with caplog.at_level(logging.WARNING):
            first = art.background(name)
            again = art.background(name)
    finally:
        art.background.cache_clear()
    assert first is again and first.get_size() == (1280, 800)
    assert {first.get_at((x, y))[:3] for x in (0, 640, 1279) for y in (0, 400, 799)} == {
        (251, 233, 226)
    }
    assert len([r for r in caplog.records if "plain colour" in r.getMessage()]) == 1


def test_a_real_background_still_draws(display, assets, monkeypatch):
    from game.app.ui import art

    monkeypatch.setattr(resources, "assets_dir", lambda: assets)
    art.background.cache_clear()
    try:
        picture = art.background("backgrounds/real.svg")
    finally:
        art.background.cache_clear()
    colours = {picture.get_at((x, y))[:3] for x in range(0, 1280, 160) for y in range(0, 800, 100)}
    assert colours != {(251, 233, 226)}


def test_a_sound_linked_from_outside_assets_stays_silent(tmp_path, caplog):
    import pygame

    from game.app.platform.audio import Audio

    outside = tmp_path / "outside.ogg"
    outside.write_bytes((ROOT / "assets" / "sounds" / "pop.ogg").read_bytes())
    (tmp_path / "assets" / "sounds").mkdir(parents=True)
    (tmp_path / "assets" / "sounds" / "pop.ogg").symlink_to(outside)
    (tmp_path / "assets" / "sounds" / "click.ogg").symlink_to("../../outside.ogg")
    pygame.mixer.quit()
    try:
        audio = Audio(folder=tmp_path / "assets")
        if not audio.ready:
            pytest.skip("no audio device, even a dummy one")
        assert audio.play("pop") is False and audio.play("click") is False
    finally:
        pygame.mixer.quit()


def test_a_voice_file_linked_from_outside_is_missing_and_falls_back(tmp_path):
    import pygame

    from game.app.platform.voice import Voice
    from game.script.model import Text
    from game.script.strings import Strings, source_hash
    from game.voice.index import Recorded, save_index, voice_problems

    folder = tmp_path / "assets" / "voice"
    strings = Strings({"a.one": "Hello there friend"}, {})
    save_index(folder, "en", {"a.one": Recorded(source_hash("Hello there friend"), 1.0)})
    outside = tmp_path / "outside.ogg"
    outside.write_bytes((ROOT / "assets" / "sounds" / "pop.ogg").read_bytes())
    (folder / "en" / "a.one.mp3").symlink_to(outside)
    texts = [Text("a.one", "mini", None, "Hello there friend", "line")]
    assert "voice: en/a.one.mp3 is missing" in voice_problems(strings, texts, folder)

    said = []

    class Speaker:
        available = True

        def speak(self, text, lang):
            said.append(text)
            return 1.0

        def stop(self):
            pass

    pygame.mixer.init()
    try:
        Voice(strings, folder=folder, system=Speaker()).speak("a.one")
    finally:
        pygame.mixer.quit()
    assert said == ["Hello there friend"]


def test_music_linked_from_outside_assets_is_not_played(tmp_path):
    import pygame

    from game.app.platform.audio import MUSIC, Audio

    outside = tmp_path / "outside.ogg"
    outside.write_bytes((ROOT / "assets" / MUSIC).read_bytes())
    (tmp_path / "assets" / "music").mkdir(parents=True)
    (tmp_path / "assets" / MUSIC).symlink_to(outside)
    pygame.mixer.quit()
    try:
        audio = Audio(folder=tmp_path / "assets")
        if not audio.ready:
            pytest.skip("no audio device, even a dummy one")
        assert audio.start_music() is False
    finally:
        pygame.mixer.quit()


def test_a_font_linked_from_outside_assets_is_not_used(tmp_path, monkeypatch, display):
    from game.app.ui import text

    fonts = tmp_path / "assets" / "fonts"
    fonts.mkdir(parents=True)
    for name in text.FONT_FILES.values():
        (tmp_path / name).write_bytes((ROOT / "assets" / "fonts" / name).read_bytes())
        (fonts / name).symlink_to(tmp_path / name)
    monkeypatch.setattr(resources, "assets_dir", lambda: tmp_path / "assets")
    monkeypatch.setattr(text, "_told", set())
    text.font.cache_clear()
    try:
        assert text.font(31).size("Aa") == text.pygame.font.Font(None, 31).size("Aa")
        assert (fonts / text.FONT_FILES["regular"]) in text._told
    finally:
        text.font.cache_clear()
