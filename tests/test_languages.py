"""Every word comes from a language table by id: Spanish is complete, a stale or missing
translation is reported, the language and age band switch at once without losing the child's
place, and the word book opens from a line and closes back to it."""

from __future__ import annotations

import asyncio
import shutil
import textwrap
from pathlib import Path

import pygame
import pytest

from game.cli import main
from game.script.catalog import load_all
from game.script.chapter import Chapter, bot_turn
from game.script.errors import SceneError
from game.script.strings import load_table, source_hash
from game.script.texts import all_texts, build_strings, load_library

SCENES = Path(__file__).resolve().parent.parent / "scenes"


@pytest.fixture(scope="module")
def scenes():
    return load_all()


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture
def strings(scenes, library):
    return build_strings(scenes, library)


def test_english_and_spanish_have_every_text_and_nothing_is_stale(strings):
    assert strings.languages == ["en", "es"]
    assert strings.problems("es") == []
    assert strings.name("es") == "Español"


def test_a_changed_english_line_makes_its_translation_stale(scenes, library):
    strings = build_strings(scenes, library)
    strings.english["hunt.intro"] = "Your T cell swims back into your blood."
    problems = strings.problems("es")
    assert len(problems) == 1
    assert "stale translation of 'hunt.intro'" in problems[0].message
    assert source_hash("Your T cell swims back into your blood.") in problems[0].message
    assert problems[0].where.path.endswith("es.yaml") and problems[0].where.line > 1


def test_a_missing_or_left_over_translation_is_reported(scenes, library):
    strings = build_strings(scenes, library)
    strings.english["hunt.new_line"] = "A brand new line."
    del strings.english["cheer.bye"]
    messages = [p.message for p in strings.problems("es")]
    assert any("missing translation of 'hunt.new_line'" in m for m in messages)
    assert any("'cheer.bye' is not used any more" in m for m in messages)


def test_check_reports_a_stale_translation_and_strict_fails_on_it(tmp_path, monkeypatch, capsys):
    copy = tmp_path / "scenes"
    shutil.copytree(SCENES, copy)
    hunt = copy / "hunt.yaml"
    hunt.write_text(
        hunt.read_text().replace(
            "text: Your T cell is back in your blood, now with a CAR!",
            "text: Your T cell is home in your blood, now with a CAR!",
        )
    )
    monkeypatch.setattr("game.resources.scenes_dir", lambda: copy)
    monkeypatch.setattr("game.resources.shipped_scene_files", lambda: sorted(copy.glob("*.yaml")))
    monkeypatch.setattr("game.voice.index.SHOWN", 10_000)  # even while new lines await voices
    assert main(["check"]) == 0  # a warning: the game still plays
    out = capsys.readouterr().out
    assert "stale translation of 'hunt.intro'" in out
    assert "voice: en/hunt.intro.mp3 says old words" in out
    assert main(["check", "--strict"]) == 1


def test_a_broken_language_table_is_answered_with_its_place(tmp_path):
    table = tmp_path / "es.yaml"
    table.write_text(
        textwrap.dedent(
            """\
            language: Español
            strings:
              hunt.intro:
                text: Hola
                en: 12345678
              hunt.key: Hola
            """
        )
    )
    with pytest.raises(SceneError) as caught:
        load_table(table, "es.yaml")
    found = [str(p) for p in caught.value.problems]
    assert 'es.yaml:5:9: write the hash in quotes, like en: "3f2a9c1b"' in found
    assert any(p.startswith("es.yaml:6:13: the translation of 'hunt.key' must be") for p in found)


def test_a_translation_must_keep_the_fields_of_the_english(scenes, library, tmp_path):
    strings = build_strings(scenes, library)
    entry = strings.tables["es"].entries["ui.counter"]
    broken = dict(strings.tables["es"].entries)
    broken["ui.counter"] = type(entry)("{found} de {todos}", entry.source, entry.where)
    strings.tables["es"] = type(strings.tables["es"])("es", "Español", "es-419", broken, "es.yaml")
    assert any("must keep the fields" in p.message for p in strings.problems("es"))


def test_an_age_band_picks_the_variant_and_falls_back_to_the_line(strings):
    strings.set_band("little")
    assert strings.get("meet.helper") == "T cells are helpers in your blood."
    assert strings.get("meet.hello") == "Hello! This is a T cell."  # no variant: the line
    strings.set_language("es")
    assert strings.get("meet.helper") == "Las células T son ayudantes en tu sangre."
    assert strings.resolve("meet.helper") == ("es", "meet.helper@little")


def test_the_language_switches_mid_chapter_without_losing_the_place(scenes, strings):
    chapter = Chapter(scenes["meet"], strings=strings)
    bot = chapter.spec.make_bot()
    while "colour" not in chapter.session.picked:
        bot_turn(chapter, bot, 1 / 60)
        chapter.update(1 / 60)
    history, picked = list(chapter.narrator.history), dict(chapter.session.picked)
    question = chapter.rules.choice
    line = chapter.narrator.current.line_id
    english = chapter.narrator.text
    strings.next_language()
    chapter.narrator.replay()
    assert chapter.narrator.current.line_id == line
    assert chapter.narrator.text == strings.text_in("es", line) != english
    assert chapter.narrator.history == history and chapter.session.picked == picked
    assert chapter.rules.choice is question  # still on the same question
    strings.next_language()  # and back
    assert chapter.narrator.text == english


def test_every_word_book_word_is_in_both_languages_with_a_picture(library, strings):
    assert len(library.book.words) == 16
    for word in library.book.words:
        for language in ("en", "es"):
            assert strings.text_in(language, word.meaning_id)
            assert strings.text_in(language, word.forms_id)


def test_glossary_words_are_found_in_lines_in_each_language(library, strings):
    from game.script.book import find_words, split_forms

    def marks(words):
        forms = {w.id: split_forms(strings.get(w.forms_id)) for w in library.book.words}
        return [(words[s:e], w) for s, e, w in find_words(words, forms)]

    assert marks("The CAR fits CD19 on B cells.") == [
        ("CAR", "words.car"),
        ("CD19", "words.cd19"),
        ("B cells", "words.b_cell"),
    ]
    assert marks("Now your T cell is a CAR T cell!") == [
        ("T cell", "words.t_cell"),
        ("CAR T cell", "words.t_cell"),
    ]
    # a name in capitals is not the everyday word (a play-test saw "car" underlined)
    assert marks("CAR is a science word. It is not a car you drive!") == [("CAR", "words.car")]
    assert marks("Leukemia is nobody's fault.") == [("Leukemia", "words.leukemia")]
    strings.set_language("es")
    assert marks("Tu sangre sale por un tubito que se llama vía IV.") == [("vía IV", "words.iv")]


def test_lines_exports_every_language_with_the_same_ids(scenes, library, strings):
    texts = all_texts(scenes, library)
    assert len({t.id for t in texts}) == len(texts)  # ids are unique
    for text in texts:
        assert strings.text_in("es", text.id), text.id


# on screen --------------------------------------------------------------------------------
def tap(x, y):
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        pygame.event.post(pygame.event.Event(kind, pos=(round(x), round(y)), button=1))


def tap_button(app, name: str) -> None:
    """Tap the button called ``name`` on the grown-up's panel, where it is drawn."""
    button = next(b for b in app.overlay.buttons() if b.name == name)
    tap(*button.rect.center)
    asyncio.run(app.run(1))


def test_the_language_chosen_on_the_grown_ups_panel_says_the_line_again(display, scenes):
    from game.app.loop import App, StepClock

    app = App(scenes, "hunt", display, StepClock())
    asyncio.run(app.run(30))
    line = app.play.narrator.current.line_id
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_f, mod=pygame.KMOD_CTRL))
    asyncio.run(app.run(1))
    tap_button(app, "page:child")
    tap_button(app, "set:language")
    tap_button(app, "close")
    assert app.overlay is None
    assert app.strings.language == "es" and app.profile.settings.language == "es"
    assert app.play.narrator.current.line_id == line
    assert app.play.narrator.text == app.strings.text_in("es", line)
    assert app.play.narrator.elapsed < 0.1  # started again, in Spanish


def test_ctrl_l_switches_the_language_from_a_keyboard(display, scenes):
    from game.app.loop import App, StepClock

    app = App(scenes, "hunt", display, StepClock())
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_l, mod=pygame.KMOD_CTRL))
    asyncio.run(app.run(1))
    assert app.strings.language == "es"


def test_a_word_in_a_line_opens_its_page_and_closing_returns_to_the_same_place(display, scenes):
    from game.app.loop import App, StepClock
    from game.app.screens.word_page import WordPage

    app = App(scenes, "hunt", display, StepClock())
    asyncio.run(app.run(200))  # 'Your T cell is back in your blood. Now it has a CAR!'
    play = app.play
    target = next(rect for rect, word in play.narration.spoken._placed if word == "words.car")
    line, clock = play.narrator.current.line_id, play.chapter.clock
    tap(*target.center)
    asyncio.run(app.run(120))
    assert isinstance(play.page, WordPage) and play.page.word.id == "words.car"
    assert play.chapter.clock == clock  # the chapter waits underneath
    tap(*play.page.close.rect.center)
    asyncio.run(app.run(1))
    assert play.page is None and play.narrator.current.line_id == line


def test_the_map_switches_band_and_voice_and_opens_the_word_book(display, scenes):
    from game.app.loop import App, StepClock
    from game.app.screens import journey_map
    from game.app.screens.word_page import BookScreen

    class Switch:
        enabled = True
        available = True

        def set_enabled(self, on):
            self.enabled = on

        def hush(self):
            pass

        def speak(self, line_id):
            return None

    app = App(scenes, "meet", display, StepClock(), show_map=True, voice=Switch())
    tap(*journey_map.BAND.center)
    tap(*journey_map.VOICE.center)
    asyncio.run(app.run(1))
    assert app.strings.band == "older" and app.voice.enabled is False
    tap(*journey_map.BOOK.center)
    asyncio.run(app.run(2))
    assert isinstance(app.screen, BookScreen)
    tap(*app.screen.tiles[2].center)
    asyncio.run(app.run(1))
    assert app.screen.page.word.id == "words.t_cell"
    tap(*app.screen.page.close.rect.center)
    asyncio.run(app.run(1))
    tap(*app.screen.close.rect.center)
    asyncio.run(app.run(2))
    assert isinstance(app.screen, journey_map.JourneyMap) and app.screen.target == "meet"


def test_the_whole_journey_plays_in_spanish_for_little_ones(capsys):
    code = main(["demo", "--headless", "--lang", "es", "--band", "little", "--scene", "meet"])
    assert code == 0, capsys.readouterr()


def test_a_broken_word_book_is_answered_with_each_place(tmp_path):
    from game.script.book import load_book

    book = tmp_path / "words.yaml"
    book.write_text(
        textwrap.dedent(
            """\
            version: 1
            words:
              - id: words.t_cell
                word: T cell
                forms: T cell
                meaning: A helper.
                picture: tcell
              - id: T cell
                word: T cell
                forms: T cell
                meaning: A helper.
                picture: t_cell
            """
        )
    )
    with pytest.raises(SceneError) as caught:
        load_book(book, "words.yaml")
    found = [str(p) for p in caught.value.problems]
    assert found[0].startswith("words.yaml:7:14: unknown picture 'tcell' (did you mean 't_cell'?)")
    assert found[1].startswith("words.yaml:8:9: the word id 'T cell' is not a valid id")


def test_a_broken_language_table_stops_play_before_any_window(tmp_path, monkeypatch, capsys):
    copy = tmp_path / "scenes"
    shutil.copytree(SCENES, copy)
    table = copy / "lang" / "es.yaml"
    table.write_text(table.read_text().replace("strings:", "strings: [", 1))
    monkeypatch.setattr("game.resources.scenes_dir", lambda: copy)
    assert main(["--lang", "es"]) == 1
    err = capsys.readouterr().err
    assert "es.yaml:" in err and "YAML syntax" in err
