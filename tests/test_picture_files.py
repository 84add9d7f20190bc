"""An author's own pictures: an SVG or PNG in assets/pictures/ is a picture name wherever one is
written (choices, cards, the word book, a chapter's icon); a drawn picture wins over a file of
the same name; a broken, huge or hostile file is drawn as a placeholder and logged once; and
docs/scene-format.md lists every picture and background there is."""

from __future__ import annotations

import logging
import re
import struct
import zlib

import pytest

from conftest import MINIMAL, ROOT, SceneError, parse_scene
from game import resources
from game.script import gallery
from game.script.book import load_book

DOC = ROOT / "docs" / "scene-format.md"
WASH = ROOT / "assets" / "pictures" / "hand_washing.svg"
PAPER = (255, 253, 247)


@pytest.fixture
def assets(tmp_path):
    """An assets/ folder with the shipped backgrounds and one picture file of our own."""
    folder = tmp_path / "assets"
    (folder / "pictures").mkdir(parents=True)
    (folder / "backgrounds").mkdir()
    for path in (ROOT / "assets" / "backgrounds").iterdir():
        (folder / "backgrounds" / path.name).write_bytes(path.read_bytes())
    (folder / "pictures" / "soap.svg").write_bytes(WASH.read_bytes())
    return folder


def _scene(icon: str = "star", picture: str = "star", background: str | None = None) -> str:
    text = MINIMAL.replace("activity: hunt", f"activity: hunt\nicon: {icon}")
    if background:
        text = text.replace("activity: hunt", f"activity: hunt\nbackground: {background}")
    return text + (
        "choices:\n"
        "  - id: pick\n"
        "    options:\n"
        f"      - {{id: mini.a, text: Clean hands, picture: {picture}}}\n"
    )


def _problems(text: str, assets) -> list[str]:
    try:
        parse_scene("mini.yaml", text.encode(), assets)
    except SceneError as exc:
        return [p.message for p in exc.problems]
    return []


# names ---------------------------------------------------------------------------------------
def test_the_shipped_hand_washing_picture_is_a_picture_name():
    assert "hand_washing" in gallery.picture_names()
    assert gallery.picture_files()["hand_washing"] == WASH.resolve()
    assert gallery.picture_file_problems() == []  # nothing shipped is left out


def test_a_file_in_assets_pictures_is_usable_as_an_icon_and_an_option(assets):
    assert _problems(_scene(icon="soap", picture="soap"), assets) == []
    scene = parse_scene("mini.yaml", _scene(icon="soap", picture="soap").encode(), assets)
    assert scene.icon == "soap" and scene.choices[0].options[0].picture == "soap"


def test_a_file_is_usable_in_the_word_book(tmp_path, monkeypatch, assets):
    monkeypatch.setattr(resources, "assets_dir", lambda: assets)
    book = tmp_path / "words.yaml"
    book.write_text(
        "version: 1\nwords:\n  - id: words.soap\n    word: Soap\n    forms: soap\n"
        "    meaning: Soap washes germs away.\n    picture: soap\n"
    )
    assert load_book(book).words[0].picture == "soap"


def test_a_picture_added_later_is_seen_without_restarting(assets):
    assert "towel" not in gallery.picture_names(assets)
    (assets / "pictures" / "towel.svg").write_bytes(WASH.read_bytes())
    assert "towel" in gallery.picture_names(assets)


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("sun.svg", "is a picture the game draws"),
        ("patient.png", "is a picture the game draws"),
        ("Soap Bar.svg", "lower-case letters"),
        ("9lives.svg", "lower-case letters"),
        ("notes.txt", "must be an .svg or a .png"),
        ("soap.png", "has the same name (the .svg is used)"),
    ],
)
def test_a_file_that_cannot_be_a_picture_is_left_out_with_a_warning(assets, name, why):
    (assets / "pictures" / name).write_bytes(b"whatever")
    stem = name.rsplit(".", 1)[0]
    told = gallery.picture_file_problems(assets)
    assert len(told) == 1 and name in told[0] and why in told[0], told
    if stem not in gallery.DRAWN:
        assert gallery.picture_files(assets).get(stem, WASH) != assets / "pictures" / name
    assert set(gallery.picture_names(assets)) == {*gallery.DRAWN_PICTURES, "soap"}


def test_a_link_out_of_assets_is_not_a_picture(assets, tmp_path):
    (tmp_path / "outside.svg").write_bytes(WASH.read_bytes())
    (assets / "pictures" / "away.svg").symlink_to(tmp_path / "outside.svg")
    assert "away" not in gallery.picture_names(assets)
    assert any("away.svg" in w for w in gallery.picture_file_problems(assets))


def test_no_folder_means_only_the_drawn_pictures(tmp_path):
    assert gallery.picture_names(tmp_path / "nowhere") == gallery.DRAWN_PICTURES


def test_the_rules_read_only_file_names(assets):
    """Knowing the names never opens a file: a picture that is garbage is still a name."""
    (assets / "pictures" / "broken.png").write_bytes(b"\x00not a png")
    assert "broken" in gallery.picture_names(assets)


# check's messages ----------------------------------------------------------------------------
def test_a_wrong_picture_lists_every_picture_with_a_close_suggestion(assets):
    (message,) = _problems(_scene(picture="saop"), assets)
    assert message.startswith("unknown picture 'saop' (did you mean 'soap'?); use ")
    for name in (*gallery.DRAWN_PICTURES, "soap"):
        assert f"'{name}'" in message
    assert "assets/pictures/" in message


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("leukemia_cel", "leukemia_cell"),
        ("hopsital", "hospital"),
        ("tierd", "tired"),
        ("handwashing", "hand_washing"),
        ("Hand_Washing", "hand_washing"),
        ("moom", "moon"),
    ],
)
def test_a_slip_of_the_keys_is_suggested(written, meant):
    assert gallery.close_spelling(written, gallery.picture_names()) == meant


@pytest.mark.parametrize(
    "written", ["cancer_cell", "red_cell", "soap", "germs", "boon", "white_cells", "t", "x" * 90]
)
def test_nothing_is_suggested_for_a_word_that_means_something_else(written):
    assert gallery.close_spelling(written, gallery.picture_names()) is None
    assert "did you mean" not in gallery.unknown_picture(written)


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("backgrounds/rom.svg", "(did you mean 'backgrounds/room.svg'?)"),
        ("room.svg", "(did you mean 'backgrounds/room.svg'?)"),
        ("backgrounds/jungle.svg", ""),
    ],
)
def test_a_wrong_background_lists_every_background(assets, written, hint):
    (message,) = _problems(_scene(background=written), assets)
    assert hint in message
    assert ("did you mean" in message) == bool(hint)
    for path in (ROOT / "assets" / "backgrounds").glob("*.svg"):
        assert f"'backgrounds/{path.name}'" in message


# drawing -------------------------------------------------------------------------------------
def _png(width: int, height: int) -> bytes:
    """A real PNG header (and a tiny body) saying it is ``width`` × ``height``."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def drawing(display, assets, monkeypatch):
    from game.app.ui import pictures

    monkeypatch.setattr(resources, "assets_dir", lambda: assets)
    pictures._picture.cache_clear()
    pictures._told.clear()
    yield pictures
    pictures._picture.cache_clear()
    pictures._told.clear()


def _colours(surface) -> set:
    w, h = surface.get_size()
    return {surface.get_at((x, y))[:4] for x in range(0, w, 7) for y in range(0, h, 7)}


def test_a_picture_file_is_drawn_at_any_size(drawing):
    for size in (100, 180, 300):
        surface = drawing.picture("soap", size)
        assert surface.get_size() == (size, size)
        assert len(_colours(surface)) > 5  # a real drawing, not the plain ring
    placeholder = drawing.picture("nothing_like_it", 180)
    assert _colours(drawing.picture("soap", 180)) != _colours(placeholder)


def test_a_drawn_picture_wins_over_a_file_of_its_name(drawing, assets):
    before = drawing.picture("sun", 160).copy()
    drawing._picture.cache_clear()
    (assets / "pictures" / "sun.svg").write_bytes(WASH.read_bytes())
    after = drawing.picture("sun", 160)
    assert _colours(before) == _colours(after)


HOSTILE = {
    "garbage": ("svg", b"\x00\x13 not a picture \xff" * 40),
    "empty": ("svg", b""),
    "no_drawing": ("svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>'),
    "too_big": ("svg", b"<svg>" + b" " * (gallery.MAX_PICTURE_BYTES + 10) + b"</svg>"),
    "huge_svg": (
        "svg",
        b'<svg xmlns="http://www.w3.org/2000/svg" width="900000" height="900000">'
        b'<rect width="900000" height="900000" fill="#f00"/></svg>',
    ),
    "bomb": ("png", _png(60000, 60000)),
    "not_png": ("png", b"GIF89a" + b"\x00" * 100),
    "entity": (
        "svg",
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        b'<image href="file:///etc/passwd"/><text>&b;</text></svg>',
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_broken_huge_or_hostile_file_is_a_placeholder_logged_once(drawing, assets, caplog, name):
    suffix, data = HOSTILE[name]
    (assets / "pictures" / f"{name}.{suffix}").write_bytes(data)
    with caplog.at_level(logging.WARNING):
        shown = [drawing.picture(name, size) for size in (100, 200, 100)]
    assert all(s.get_size()[0] in (100, 200) for s in shown)
    told = [r.getMessage() for r in caplog.records if f"{name}.{suffix}" in r.getMessage()]
    if name in ("huge_svg", "entity"):  # drawn at its shown size, or as nothing: no harm
        assert len(told) <= 1
    else:
        assert len(told) == 1 and "placeholder" in told[0]


def test_the_real_picture_in_a_cards_chapter(display, tmp_path):
    """The cards board of 'Getting ready' with its first card showing hand washing: drawn
    (saved as tmp_path/cards.png for a person to look at)."""
    import asyncio
    import dataclasses

    import pygame

    from game.app.loop import App, StepClock
    from game.script.catalog import load_all

    scenes = load_all()
    ready = scenes["ready"]
    choice = ready.choices[0]
    washed = dataclasses.replace(choice.options[0], text="Wash hands", picture="hand_washing")
    choice = dataclasses.replace(choice, options=(washed, *choice.options[1:]))
    scenes["ready"] = dataclasses.replace(ready, choices=(choice, *ready.choices[1:]))
    app = App(scenes, "ready", display, StepClock(), demo=False)
    asyncio.run(app.run(60 * 12))
    pygame.image.save(display.canvas, str(tmp_path / "cards.png"))
    assert not app.result.crashed


# the docs ------------------------------------------------------------------------------------
def _doc_names() -> tuple[list[str], list[str]]:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("\n## Pictures and backgrounds\n", 1)[1].split("\n## ", 1)[0]
    names = re.findall(r"^\| `([^`]+)` \|", section, flags=re.MULTILINE)
    return (
        [n for n in names if not n.startswith("backgrounds/")],
        [n for n in names if n.startswith("backgrounds/")],
    )


def test_the_docs_list_every_picture_and_background_there_is():
    pictures, backgrounds = _doc_names()
    assert pictures == list(gallery.picture_names())
    assert sorted(backgrounds) == sorted(gallery.background_names())


def test_the_docs_say_where_each_file_picture_is():
    text = DOC.read_text(encoding="utf-8")
    for name, path in gallery.picture_files().items():
        assert f"| `{name}` |" in text and f"`assets/pictures/{path.name}`" in text
