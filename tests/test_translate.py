"""``python -m game translate``: a child life specialist keeps a language in step with the
English without copying a hash by hand, in the YAML table or through a PO file that
translators' tools open; the table's other lines are never lost or moved."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from game.cli import main
from game.script.catalog import load_all
from game.script.errors import SceneError
from game.script.po import PoText, parse_po, quote, write_po
from game.script.strings import load_table, source_hash
from game.script.texts import all_texts, build_strings, load_library
from game.script.translate import yaml_quote

SCENES = Path(__file__).resolve().parent.parent / "scenes"


@pytest.fixture
def copy(tmp_path, monkeypatch):
    """A copy of the shipped scenes that the game and its commands use."""
    folder = tmp_path / "scenes"
    shutil.copytree(SCENES, folder)
    monkeypatch.setattr("game.resources.scenes_dir", lambda: folder)
    monkeypatch.setattr("game.resources.shipped_scene_files", lambda: sorted(folder.glob("*.yaml")))
    monkeypatch.chdir(tmp_path)
    return folder


def english() -> dict[str, str]:
    scenes, library = load_all(), load_library()
    return {text.id: text.text for text in all_texts(scenes, library)}


def table(folder: Path, code: str = "es"):
    return load_table(folder / "lang" / f"{code}.yaml")


def block(text: str, first: str, last: str) -> str:
    """The part of a table from the line ``first`` up to (not with) the line ``last``."""
    start = text.index(f"\n{first}\n") + 1
    return text[start : text.index(f"\n{last}\n", start) + 1]


def fill(path: Path, translations: dict[str, str]) -> None:
    """What a translator does: write each text between the empty quotes."""
    text = path.read_text(encoding="utf-8")
    for text_id, words in translations.items():
        old = f'  {text_id}:\n    text: ""\n'
        assert old in text, text_id
        text = text.replace(old, f"  {text_id}:\n    text: {yaml_quote(words)}\n")
    path.write_text(text, encoding="utf-8")


# translate --------------------------------------------------------------------------------------
def test_a_new_chapter_is_added_in_reading_order_with_its_hashes_and_check_then_is_content(
    copy, capsys
):
    """es.yaml without its 'ready' chapter is what the table looks like when the chapter is
    new in English: translate puts it back between 'grow' and 'back', as the shipped file has
    it, and once filled in the chapter is exactly as shipped."""
    path = copy / "lang" / "es.yaml"
    shipped = path.read_text(encoding="utf-8")
    ready = block(shipped, "  # --- ready ---", "  # --- back ---")
    ids = re.findall(r"^  (ready\.\S+):$", ready, re.MULTILINE)
    spanish = {i: e.text for i, e in table(copy).entries.items() if i in ids}
    assert len(spanish) == len(ids) > 10
    path.write_text(shipped.replace(ready, ""), encoding="utf-8")

    assert main(["check"]) == 0
    out = capsys.readouterr().out
    missing = [line for line in out.splitlines() if "missing translation of 'ready." in line]
    assert len(missing) == len(spanish)
    first = next(line for line in missing if "'ready.intro'" in line)
    assert re.match(
        r"warning: scenes/ready\.yaml:\d+:\d+: ", first
    )  # at the English, not es.yaml:1:1
    assert "in es.yaml" in first and "python -m game translate --lang es" in first

    assert main(["translate", "--lang", "es"]) == 0
    out = capsys.readouterr().out
    assert f"{len(spanish)} text(s) to translate" in out
    text = path.read_text(encoding="utf-8")
    added = block(text, "  # --- ready ---", "  # --- back ---")
    words = english()
    for text_id in spanish:
        comment = "".join(f"  # {line}\n" for line in words[text_id].splitlines())
        entry = f'{comment}  {text_id}:\n    text: ""\n    en: "{source_hash(words[text_id])}"\n'
        assert entry in added
    untranslated = table(copy).untranslated
    assert {i for i in untranslated if i in ids} == set(spanish)
    assert all(untranslated[i].source == source_hash(words[i]) for i in spanish)
    strings = build_strings(load_all(), load_library())
    strings.set_language("es")
    assert strings.get("ready.intro") == words["ready.intro"]  # shown in English meanwhile

    fill(path, spanish)
    assert block(path.read_text(encoding="utf-8"), "  # --- ready ---", "  # --- back ---") == (
        ready
    )
    main(["check"])
    assert "translation of 'ready." not in capsys.readouterr().out
    assert not [i for i in table(copy).untranslated if i.startswith("ready.")]


def test_translate_twice_changes_nothing_and_keeps_every_byte_of_a_complete_table(copy, capsys):
    path = copy / "lang" / "es.yaml"
    main(["translate", "--lang", "es"])
    once = path.read_bytes()
    assert main(["translate", "--lang", "es"]) == 0
    assert path.read_bytes() == once
    # Every entry the shipped table had is there, as it was, in the same order.
    shipped = load_table(SCENES / "lang" / "es.yaml")
    now = table(copy)
    assert [i for i in now.entries if i in shipped.entries] == list(shipped.entries)
    assert all(now.entries[i] == e for i, e in shipped.entries.items())
    assert capsys.readouterr().out.splitlines()[-1].startswith("checked ")


def test_a_changed_english_line_keeps_its_translation_and_shows_the_old_and_new_english(
    copy, capsys
):
    hunt, path = copy / "hunt.yaml", copy / "lang" / "es.yaml"
    old, new = (
        "Your T cell is back in your blood, now with a CAR!",
        "Your T cell is home in your blood, now with a CAR!",
    )
    assert f"text: {old}" in hunt.read_text()
    hunt.write_text(hunt.read_text().replace(f"text: {old}", f"text: {new}"))
    # The translator wrote this one as a block with a note of their own: both are kept.
    text = path.read_text(encoding="utf-8")
    entry = re.search(r"  hunt\.intro:\n    text: (.*)\n    en: \"(\w+)\"\n", text)
    assert entry is not None and entry.group(2) == source_hash(old)
    spanish = yaml.safe_load(entry.group(1))
    mine = (
        f'  hunt.intro:\n    text: |\n      {spanish}\n    # revisado\n    en: "{entry.group(2)}"\n'
    )
    path.write_text(text.replace(entry.group(0), mine), encoding="utf-8")

    assert main(["translate", "--lang", "es"]) == 0
    assert "1 changed in English (marked was:)" in capsys.readouterr().out
    text = path.read_text(encoding="utf-8")
    assert (
        f"  # {new}\n  hunt.intro:\n    text: |\n      {spanish}\n    # revisado\n"
        f'    en: "{source_hash(new)}"\n    was: {yaml_quote(old)}\n'
    ) in text
    assert f"# {old}\n" not in text
    entry = table(copy).entries["hunt.intro"]
    assert (entry.text, entry.source, entry.was) == (spanish, source_hash(new), old)

    strings = build_strings(load_all(), load_library())
    strings.set_language("es")
    assert strings.get("hunt.intro") == spanish  # the old translation until it is redone
    (stale,) = [p for p in strings.problems("es") if "hunt.intro" in p.message]
    assert "stale translation of 'hunt.intro'" in stale.message
    assert "delete its 'was:' line" in stale.message and old in stale.message

    again = path.read_bytes()
    assert main(["translate", "--lang", "es"]) == 0  # still waiting for the translator
    assert path.read_bytes() == again

    # The translator changes the text and deletes the 'was:' line: nothing is stale.
    done = text.replace(f"      {spanish}\n", "      Tu célula T está en casa, ¡con un CAR!\n")
    path.write_text(done.replace(f"    was: {yaml_quote(old)}\n", ""), encoding="utf-8")
    strings = build_strings(load_all(), load_library())
    assert not [p for p in strings.problems("es") if "hunt.intro" in p.message]


def test_a_new_language_is_made_with_every_text_and_the_game_loads_it(copy, capsys):
    assert main(["translate", "--lang", "fr", "--name", "Français"]) == 0
    out = capsys.readouterr().out
    words = english()
    assert f"made scenes/lang/fr.yaml: {len(words)} text(s) to translate" in out
    french = table(copy, "fr")
    assert (french.name, french.voice, french.entries) == ("Français", "fr", {})
    assert list(french.untranslated) == list(words)  # every text, in reading order
    assert all(e.source == source_hash(words[i]) for i, e in french.untranslated.items())
    text = (copy / "lang" / "fr.yaml").read_text(encoding="utf-8")
    assert text.index("# --- meet ---") < text.index("# --- hunt ---") < text.index("# --- menu")

    strings = build_strings(load_all(), load_library())
    assert "fr" in strings.languages and strings.name("fr") == "Français"
    strings.set_language("fr")
    assert strings.get("meet.hello") == words["meet.hello"]  # English until translated
    assert main(["check"]) == 0  # not translated yet is a calm warning, not an error
    out = capsys.readouterr().out
    assert f"{len(words)} text(s) in fr.yaml not translated yet" in out
    assert "Traceback" not in out and "missing translation" not in out
    assert main(["check", "--strict"]) == 1
    capsys.readouterr()

    fill(copy / "lang" / "fr.yaml", {"meet.hello": "Bonjour ! Voici une cellule T."})
    strings = build_strings(load_all(), load_library())
    strings.set_language("fr")
    assert strings.get("meet.hello") == "Bonjour ! Voici une cellule T."
    assert main(["translate", "--lang", "fr"]) == 0
    assert f"{len(words) - 1} text(s) to translate" in capsys.readouterr().out


def test_a_new_language_without_a_name_is_named_by_its_code(copy, capsys):
    assert main(["translate", "--lang", "pt-br"]) == 0
    assert table(copy, "pt-br").name == "pt-br"
    assert "change 'language:'" in capsys.readouterr().out


@pytest.mark.parametrize("code", ["en", "Spanish", "e", "../es"])
def test_translate_refuses_english_and_what_is_not_a_code(copy, capsys, code):
    assert main(["translate", "--lang", code]) == 1
    assert "translate:" in capsys.readouterr().err
    assert sorted(p.name for p in (copy / "lang").iterdir()) == ["en.yaml", "es.yaml"]


def test_a_broken_table_is_reported_and_left_as_it_is(copy, capsys):
    path = copy / "lang" / "es.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  oops: [\n", encoding="utf-8")
    before = path.read_bytes()
    assert main(["translate", "--lang", "es"]) == 1
    err = capsys.readouterr().err
    assert "es.yaml:" in err and "was not changed" in err and "Traceback" not in err
    assert path.read_bytes() == before


def test_windows_line_ends_and_a_byte_order_mark_are_kept(copy):
    path = copy / "lang" / "es.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(block(text, "  # --- ready ---", "  # --- back ---"), "")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert main(["translate", "--lang", "es"]) == 0
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\n" not in data.replace(b"\r\n", b"")
    assert "ready.intro" in table(copy).untranslated


def test_a_table_with_strings_in_braces_is_not_edited(copy, capsys):
    path = copy / "lang" / "fr.yaml"
    entry = '{text: "Bonjour", en: "8ea671dc"}'
    path.write_text(f"language: Français\nstrings: {{meet.hello: {entry}}}\n", encoding="utf-8")
    before = path.read_bytes()
    assert main(["translate", "--lang", "fr"]) == 1
    assert path.read_bytes() == before
    assert "Traceback" not in capsys.readouterr().err


def test_an_empty_strings_mapping_is_filled(copy):
    path = copy / "lang" / "fr.yaml"
    path.write_text("# mine\nlanguage: Français\nvoice: fr-fr\nstrings: {}  # none yet\n")
    assert main(["translate", "--lang", "fr"]) == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# mine\nlanguage: Français\nvoice: fr-fr\nstrings:  # none yet\n")
    assert len(table(copy, "fr").untranslated) == len(english())


# PO files ---------------------------------------------------------------------------------------
def test_export_writes_every_text_with_its_id_english_and_translation(copy, capsys):
    out = copy.parent / "es.po"
    assert main(["translate", "--lang", "es", "--export", str(out)]) == 0
    po = parse_po(out.read_bytes(), "es.po")
    words = english()
    assert [e.context for e in po.entries] == list(words)
    assert all(e.msgid == words[e.context] for e in po.entries)
    entries = table(copy).entries
    hello = next(e for e in po.entries if e.context == "meet.hello")
    assert hello.msgstr == entries["meet.hello"].text and not hello.fuzzy
    assert po.header["Language"] == "es"
    assert po.header["Content-Type"] == "text/plain; charset=UTF-8"
    text = out.read_text(encoding="utf-8")
    assert "#. scene: meet; fact: F1\n#: meet.yaml:" in text
    assert "wrote" in capsys.readouterr().out


def test_the_po_round_trip_reproduces_the_table_exactly(copy, capsys):
    path, out = copy / "lang" / "es.yaml", copy.parent / "es.po"
    hunt = copy / "hunt.yaml"  # one stale entry too, marked by translate
    old = "text: Your T cell is back in your blood, now with a CAR!"
    assert old in hunt.read_text()
    hunt.write_text(hunt.read_text().replace(old, old.replace("back", "home")))
    assert main(["translate", "--lang", "es"]) == 0
    before = path.read_bytes()
    assert main(["translate", "--lang", "es", "--export", str(out)]) == 0
    po = parse_po(out.read_bytes(), "es.po")
    (stale,) = [e for e in po.entries if e.fuzzy]
    assert (stale.context, stale.previous) == ("hunt.intro", old.removeprefix("text: "))
    assert main(["translate", "--lang", "es", "--import", str(out)]) == 0
    assert path.read_bytes() == before

    # Into a table with no entries at all: every translation comes back, hashes and all.
    shipped = table(copy)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("strings:")] + "strings: {}\n", encoding="utf-8")
    assert main(["translate", "--lang", "es", "--import", str(out)]) == 0
    assert table(copy).entries == shipped.entries
    assert main(["translate", "--lang", "es", "--import", str(out)]) == 0  # again: no change
    assert table(copy).entries == shipped.entries


def test_a_new_language_comes_back_from_a_translation_tool(copy, capsys):
    out = copy.parent / "fr.po"
    assert main(["translate", "--lang", "fr", "--export", str(out)]) == 0
    assert not (copy / "lang" / "fr.yaml").exists()
    text = out.read_text(encoding="utf-8")
    hello = 'msgctxt "meet.hello"\nmsgid "Hello! This is a T cell."\nmsgstr ""\n'
    assert hello in text
    out.write_text(text.replace(hello, hello[:-3] + '"Bonjour ! "\n"Voici une cellule T."\n'))
    assert main(["translate", "--lang", "fr", "--import", str(out), "--name", "Français"]) == 0
    french = table(copy, "fr")
    assert french.name == "Français"
    assert french.entries["meet.hello"].text == "Bonjour ! Voici une cellule T."
    assert french.entries["meet.hello"].source == source_hash("Hello! This is a T cell.")


def test_fuzzy_and_outdated_po_entries_are_imported_but_stay_stale(copy, capsys):
    out = copy.parent / "es.po"
    words = english()
    po = write_po(
        {"Language": "es", "Content-Type": "text/plain; charset=UTF-8"},
        [
            PoText("meet.hello", words["meet.hello"], "¡Hola, hola!", fuzzy=True),
            PoText("meet.blood", "Your blood has cells.", "Tu sangre tiene células."),
            PoText("meet.many", words["meet.many"], "¡Tienes muchas!"),
            PoText("gone.line", "Gone.", "Ido."),
        ],
    )
    out.write_text(po, encoding="utf-8")
    assert main(["translate", "--lang", "es", "--import", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "es.po:" in printed and "'gone.line' is not a text of the game" in printed
    assert "'meet.blood': the English changed since this file was made" in printed
    shipped = load_table(SCENES / "lang" / "es.yaml").entries
    entries = table(copy).entries
    hello, blood, many = entries["meet.hello"], entries["meet.blood"], entries["meet.many"]
    assert hello.text == "¡Hola, hola!" and hello.was is not None
    assert blood == shipped["meet.blood"]  # its translation of the new English is kept
    assert many.text == "¡Tienes muchas!" and many.was is None
    assert many.source == source_hash(words["meet.many"])
    strings = build_strings(load_all(), load_library())
    stale = [p.message for p in strings.problems("es") if "stale" in p.message]
    assert any("'meet.hello'" in m for m in stale)


def test_an_outdated_po_entry_fills_a_missing_one_and_marks_it(copy, capsys):
    path, out = copy / "lang" / "es.yaml", copy.parent / "es.po"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(block(text, "  # --- ready ---", "  # --- back ---"), ""))
    out.write_text(
        write_po(
            {"Language": "es"},
            [PoText("ready.breathe", "Take a deep breath.", "Respira hondo.")],
        ),
        encoding="utf-8",
    )
    assert main(["translate", "--lang", "es", "--import", str(out)]) == 0
    entry = table(copy).entries["ready.breathe"]
    assert (entry.text, entry.was) == ("Respira hondo.", "Take a deep breath.")
    assert entry.source == source_hash(english()["ready.breathe"])


TRICKY = [
    'He said "hi".',
    "a back\\slash, and \\n written out",
    "two\nlines",
    "ends with a break\n",
    "\nstarts with one",
    "tab\there",
    "ñandú, 🦠, «comillas», ü",
    "a bell \a and \x01 and DEL \x7f",
    "",
    "\\",
    '\\"',
]


@pytest.mark.parametrize("text", TRICKY)
def test_po_strings_are_escaped_and_read_back_exactly(text):
    data = write_po({"Language": "es"}, [PoText("x.y", text, text, previous=text, fuzzy=True)])
    (entry,) = parse_po(data.encode("utf-8"), "t.po").entries
    assert (entry.msgid, entry.msgstr, entry.previous, entry.fuzzy) == (text, text, text, True)


@pytest.mark.parametrize("text", TRICKY)
def test_yaml_strings_are_escaped_and_read_back_exactly(text):
    assert yaml.safe_load(f"k: {yaml_quote(text)}")["k"] == text


def test_po_escapes_and_multi_line_strings_as_tools_write_them():
    data = (
        b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        b"# a translator's note\n"
        b'#, fuzzy, c-format\n#| msgid "Old"\n#| " words"\n'
        b'msgctxt "a.b"\nmsgid "Say \\"hi\\"\\t\\\\ \\101\\x42"\n'
        b'msgstr ""\n"one\\n"\n  "two"\n\n'
        b'#~ msgid "obsolete"\n#~ msgstr "gone"\n'
    )
    po = parse_po(data, "t.po")
    (entry,) = po.entries
    assert entry.msgid == 'Say "hi"\t\\ AB' and entry.msgstr == "one\ntwo"
    assert entry.fuzzy and entry.previous == "Old words"
    assert entry.msgstr_where.line == 10 and quote("one\ntwo") == '"one\\ntwo"'


HOSTILE = [
    ('msgctxt "a"\nmsgid "x"\nmsgstr "Hola\n', 3, "no closing quote"),
    ('msgctxt "a"\nmsgid "x"\nmsgstr "Di "hola""\n', 3, "after the closing quote"),
    ('msgctxt "a"\nmsgid "x"\nmsgstr "a\\qb"\n', 3, "unknown escape '\\q'"),
    ('msgctxt "a"\nmsgid "x"\nmsgstr "a\\\n', 3, "no closing quote"),
    ('msgctxt "a"\nmsgid "x"\n\nmsgctxt "b"\nmsgid "y"\nmsgstr ""\n', 2, "has no msgstr"),
    ('msgstr "x"\n', 1, "msgstr without a msgid"),
    ('msgctxt "a"\nmsgid "x"\nmsgid_plural "xs"\nmsgstr[0] "y"\n', 3, "plural forms"),
    ('msgctxt "a"\nmsgid "x"\nmsgstr "y"\nmsgfoo "z"\n', 4, "unknown line 'msgfoo"),
    ('"dangling"\n', 1, "a quoted line must follow"),
    ('msgctxt "a"\nmsgid "x"\nmsgstr "y"\nmsgstr "z"\n', 4, "a second msgstr"),
    ('msgctxt "a"\nmsgid "x"\nmsgstr "y"\n\nmsgctxt "a"\nmsgid "x"\nmsgstr "z"\n', 5, "again"),
    ('msgctxt "a"\nmsgid x\nmsgstr "y"\n', 2, "needs its text in quotes"),
    ('msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n', 1, "UTF-8"),
    ('msgctxt "a"\nmsgid "x"\nmsgstr "\x00"\n', 3, "NUL"),
    ('msgctxt "a"\nmsgid "x"\nmsgstr "a"\rmsgstr "b"\n', 3, "carriage return"),
]


@pytest.mark.parametrize(("text", "line", "message"), HOSTILE)
def test_a_hostile_po_file_is_answered_with_its_line(text, line, message):
    with pytest.raises(SceneError) as caught:
        parse_po(text.encode("utf-8"), "bad.po")
    problems = caught.value.problems
    assert (problems[0].where.path, problems[0].where.line) == ("bad.po", line)
    assert any(message in p.message for p in problems)


def test_bytes_that_are_not_utf8_are_placed():
    with pytest.raises(SceneError) as caught:
        parse_po(b'msgctxt "a"\nmsgid "x"\nmsgstr "caf\xe9"\n', "bad.po")
    assert str(caught.value.problems[0]).startswith("bad.po:3:12: this is not UTF-8")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'msgctxt "a"\nmsgid "x"\nmsgstr "Hola\n', "bad.po:3:8: the text has no closing quote"),
        (b"\x00\x01\x02\xff\xfe garbage", "bad.po:1:4: this is not UTF-8"),
        (b'msgid ""\nmsgstr "Language: fr\\n"\n', "bad.po:1:1: this file is for the language 'fr'"),
        (
            b'msgid "Hello! This is a T cell."\nmsgstr "Hola"\n',
            "bad.po:1:1: this entry has no msgctxt",
        ),
        (
            b'msgctxt "meet.hello"\nmsgid "Hello! This is a T cell."\nmsgstr "Hola \\001"\n',
            "bad.po:3:8: the translation of 'meet.hello' has a control character",
        ),
        (
            b'msgctxt "ui.counter"\nmsgid "{found} of {total}"\nmsgstr "{0} de {total}"\n',
            "bad.po:3:",
        ),
        (
            b'msgctxt "meet.hello"\nmsgid "a"\nmsgstr "b"\n\nmsgctxt "meet.hello"\nmsgid "c"\n'
            b'msgstr "d"\n',
            "bad.po:5:1: 'meet.hello' again (first at line 1)",
        ),
        (b"", None),
    ],
)
def test_importing_a_hostile_po_file_changes_nothing(copy, capsys, content, message):
    path, bad = copy / "lang" / "es.yaml", copy.parent / "bad.po"
    before = path.read_bytes()
    bad.write_bytes(content)
    code = main(["translate", "--lang", "es", "--import", str(bad)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    assert path.read_bytes() == before
    if message is None:  # an empty file: nothing to import, and that is fine
        assert code == 0
        return
    assert code == 1
    assert message in captured.err and "nothing was imported" in captured.err


def test_importing_a_missing_po_file_says_so(copy, capsys):
    assert main(["translate", "--lang", "es", "--import", "nope.po"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("nope.po:1:1: cannot read the file")


def test_export_and_import_cannot_be_asked_together(copy, capsys):
    with pytest.raises(SystemExit):
        main(["translate", "--lang", "es", "--export", "a.po", "--import", "b.po"])
    assert "not allowed with" in capsys.readouterr().err


def test_a_new_line_in_a_chapter_goes_right_after_the_line_before_it(copy):
    path = copy / "lang" / "es.yaml"
    text = path.read_text(encoding="utf-8")
    blood = re.search(r"  # [^\n]*\n  meet\.blood:\n    text: [^\n]*\n    en: [^\n]*\n", text)
    assert blood is not None
    path.write_text(text.replace(blood.group(0), ""), encoding="utf-8")
    assert main(["translate", "--lang", "es"]) == 0
    words = english()
    added = (
        f'  # {words["meet.blood"]}\n  meet.blood:\n    text: ""\n'
        f'    en: "{source_hash(words["meet.blood"])}"\n'
    )
    after = path.read_text(encoding="utf-8")
    assert after.index("  meet.hello:") < after.index(added) < after.index("  meet.helper:")


def test_a_table_written_in_other_styles_is_changed_only_where_it_must_be():
    """Flow entries, plain and single quotes, an empty 'text:', a folded text with a '#' in
    it, trailing notes: each is kept, and only the values that change are rewritten."""
    from game.script.model import Text
    from game.script.strings import Entry
    from game.script.translate import TableText, Wanted

    h = source_hash
    table_text = (
        "language: X\nstrings:\n"
        f'  a.one: {{text: uno, en: "{h("one")}"}}   # flow\n'
        f"  a.two:\n    text: 'dos'\n    en: {h('two')}\n    was:\n"
        f'  a.three:\n    text:\n    en: "{h("three")}"\n'
        "  a.four:\n    text: >\n      cuatro\n      # not a comment\n"
        f'    en: "{h("four")}" # mine\n'
        "  # a note of mine\nsay: {IV: I-V}\n"
    )
    words = {"a.zero": "zero", "a.one": "one!", "a.two": "two", "a.two5": "two and a half"}
    words |= {"a.three": "three", "a.four": "four!", "a.five": "five"}
    order = [Text(i, "a", None, english, "line") for i, english in words.items()]
    edit = TableText(table_text)
    edit.set("a.one", Wanted("uno", h("one!"), "one"), Entry("uno", h("one")), "one!")
    edit.set("a.two", Wanted("dos", h("two")), Entry("dos", h("two")), "two")
    edit.set("a.three", Wanted('tres "q"\nx', h("three")), Entry("", h("three")), "three")
    folded = "cuatro # not a comment"
    edit.set("a.four", Wanted(folded, h("four!"), "four"), Entry(folded, h("four")), "four!")
    edit.add(order, {i: Wanted("", h(words[i])) for i in ("a.zero", "a.two5", "a.five")})
    assert edit.result() == (
        "language: X\nstrings:\n"
        f'  # --- a ---\n  # zero\n  a.zero:\n    text: ""\n    en: "{h("zero")}"\n'
        f'  # one!\n  a.one:\n    text: "uno"\n    en: "{h("one!")}"\n    was: "one"\n'
        f"  a.two:\n    text: 'dos'\n    en: {h('two')}\n"
        f'  # two and a half\n  a.two5:\n    text: ""\n    en: "{h("two and a half")}"\n'
        f'  a.three:\n    text: "tres \\"q\\"\\nx"\n    en: "{h("three")}"\n'
        f"  # four!\n  a.four:\n    text: >\n      cuatro\n      # not a comment\n"
        f'    en: "{h("four!")}" # mine\n    was: "four"\n'
        f'  # five\n  a.five:\n    text: ""\n    en: "{h("five")}"\n'
        "  # a note of mine\nsay: {IV: I-V}\n"
    )
