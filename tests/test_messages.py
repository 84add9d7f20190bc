"""Messages that teach (issue 17): every answer `check` gives a child life specialist says what
to write, at the place to write it. Each test writes a small scene (or table, or word book) the
way an author would and reads `check`'s answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINIMAL, ROOT
from game.script import errors
from game.script.book import load_book
from game.script.catalog import check_files
from game.script.errors import SceneError
from game.script.strings import load_table


def check(tmp_path: Path, text: str | bytes, name: str = "mini.yaml") -> list[str]:
    """What `check` says about one file, as printed: 'path:line:col: message'."""
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    _, problems = check_files([path], ROOT / "assets")
    return [str(p).replace(f"{path}:", "", 1) for p in problems]


def mini(old: str, new: str) -> str:
    assert old in MINIMAL
    return MINIMAL.replace(old, new, 1)


def read_error(load, path: Path, label: str) -> list[str]:
    with pytest.raises(SceneError) as caught:
        load(path, label)
    return [str(p).replace(f"{label}:", "", 1) for p in caught.value.problems]


# "did you mean" for every key at every level ----------------------------------------------------
def test_a_misspelt_lines_section_is_one_mistake_not_a_flood(tmp_path):
    found = check(tmp_path, mini("lines:", "naration:"))
    assert "14:1: unknown key 'naration' in a scene (did you mean 'lines'?)" in found
    assert not [p for p in found if "unknown line" in p]  # not one per trigger that says it


def test_another_word_for_a_section_suggests_the_section(tmp_path):
    found = check(tmp_path, mini("actors:", "cast:"))
    assert found == ["5:1: unknown key 'cast' in a scene (did you mean 'actors'?)"]


def test_a_misspelt_goals_section_does_not_set_off_the_activitys_checks(tmp_path):
    found = check(tmp_path, mini("goals:", "gaols:"))
    assert found == ["17:1: unknown key 'gaols' in a scene (did you mean 'goals'?)"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    text: Hello!",
            "    txt: Hello!",
            "16:5: unknown key 'txt' in a line (did you mean 'text'?)",
        ),
        (
            "    kind: t_cell",
            "    knid: t_cell",
            "7:5: unknown key 'knid' in an actor (did you mean 'kind'?)",
        ),
        (
            "    marker: cd19",
            "    markr: cd19",
            "20:5: unknown key 'markr' in a goal (did you mean 'marker'?)",
        ),
        (
            "activity: hunt",
            "activity:\n  name: hunt\n  aim_asist: 2",
            "6:3: unknown key 'aim_asist' in the 'hunt' activity (did you mean 'aim_assist'?)",
        ),
    ],
)
def test_a_misspelt_key_inside_a_section_suggests_the_key(tmp_path, old, new, expected):
    assert expected in check(tmp_path, mini(old, new))


def test_a_misspelt_say_is_the_only_problem_of_its_trigger(tmp_path):
    found = check(tmp_path, mini("    say: mini.hello", "    sya: mini.hello"))
    assert found == [
        "24:5: unknown key 'sya' in a 'when: start' trigger (did you mean 'say'?)"
    ]  # and not also 'a trigger needs something to do'


def test_a_misspelt_when_does_not_make_every_other_key_of_the_trigger_unknown(tmp_path):
    found = check(tmp_path, mini("  - when: start", "  - wen: start"))
    assert found == [
        "23:5: a trigger needs 'when'",
        "23:5: unknown key 'wen' in a trigger (did you mean 'when'?)",
    ]


def test_a_misspelt_activity_name_does_not_make_its_options_unknown(tmp_path):
    found = check(tmp_path, mini("activity: hunt", "activity:\n  nmae: hunt\n  aim_assist: 2"))
    assert found == [
        "5:3: 'activity' needs 'name'",
        "5:3: unknown key 'nmae' in 'activity' (did you mean 'name'?)",
    ]


CARDS = """\
version: 1
id: wash
title: Clean hands
activity: cards
lines:
  - id: wash.soap
    text: Soap washes germs away.
choices:
  - id: board
    qestion: wash.soap
    options:
      - id: wash.a
        text: Soap
        pictur: medicine
        say: wash.soap
"""


def test_misspelt_keys_in_a_choice_and_an_option_suggest_the_key(tmp_path):
    found = check(tmp_path, CARDS, "wash.yaml")
    assert "10:5: unknown key 'qestion' in a choice (did you mean 'ask'?)" in found
    assert "14:9: unknown key 'pictur' in an option (did you mean 'picture'?)" in found


def test_a_misspelt_key_in_the_word_book_suggests_the_key(tmp_path):
    book = tmp_path / "words.yaml"
    book.write_text(
        "version: 1\nwords:\n  - id: words.soap\n    word: Soap\n    forms: soap\n"
        "    meanng: Soap washes germs away.\n    picture: medicine\n"
    )
    assert "6:5: unknown key 'meanng' in a word (did you mean 'meaning'?)" in read_error(
        load_book, book, "words.yaml"
    )


def test_misspelt_keys_in_a_language_table_suggest_the_key(tmp_path):
    table = tmp_path / "es.yaml"
    table.write_text("language: Español\nstrngs: {}\n")
    assert "2:1: unknown key 'strngs' in a language table (did you mean 'strings'?)" in (
        read_error(load_table, table, "es.yaml")
    )
    table.write_text(
        'language: Español\nstrings:\n  hunt.intro:\n    txt: Hola\n    en: "3f2a9c1b"\n'
    )
    assert (
        "4:5: unknown key 'txt' in the translation of 'hunt.intro' (did you mean 'text'?)"
        in read_error(load_table, table, "es.yaml")
    )


# on: for when: ---------------------------------------------------------------------------------
def test_on_instead_of_when_says_use_when(tmp_path):
    found = check(tmp_path, mini("  - when: start", "  - on: start"))
    assert len(found) == 1 and found[0].startswith("23:5: ") and "use 'when:'" in found[0]
    assert "quotes" not in found[0]  # quoting 'on' only makes another mistake


def test_a_quoted_on_suggests_when(tmp_path):
    found = check(tmp_path, mini("  - when: start", '  - "on": start'))
    assert "23:5: unknown key 'on' in a trigger (did you mean 'when'?)" in found


# YAML's own errors, in plain words --------------------------------------------------------------
def test_a_tab_says_indent_with_spaces(tmp_path):
    assert check(tmp_path, mini("    text: Hello!", "\ttext: Hello!")) == [
        "16:1: indent with spaces, not a tab"
    ]


def test_a_tab_before_a_list_item_says_indent_with_spaces(tmp_path):
    assert check(tmp_path, mini("  - id: mini.hello", "\t- id: mini.hello")) == [
        "15:1: indent with spaces, not a tab"
    ]


def test_a_colon_in_text_says_put_the_text_in_quotes(tmp_path):
    found = check(tmp_path, mini("text: Hello!", "text: Remember: wash your hands"))
    assert len(found) == 1
    assert found[0].startswith('16:11: put the text in quotes: text: "Remember: wash your hands"')


def test_a_colon_in_text_with_double_quotes_suggests_single_quotes(tmp_path):
    found = check(tmp_path, mini("text: Hello!", 'text: Say "hi": then wave'))
    assert found[0].startswith("16:11: put the text in quotes: text: 'Say \"hi\": then wave'")


@pytest.mark.parametrize("after", ["", "\n", "\n\n"])
def test_no_space_after_a_colon_is_reported_at_its_own_line(tmp_path, after):
    text = mini("    text: Hello!\n", f"    text:Tap the cell with stars.\n{after}")
    assert check(tmp_path, text) == [
        "16:5: put a space after the colon: text: Tap the cell with stars."
    ]


def test_no_space_after_a_colon_on_the_first_key_of_an_item(tmp_path):
    text = mini("  - id: mini.hello\n    text: Hello!", "  - text:Hello!\n    id: mini.hello")
    assert check(tmp_path, text) == ["15:5: put a space after the colon: text: Hello!"]


def test_a_missing_colon_says_where_to_put_it(tmp_path):
    assert check(tmp_path, mini("title: A small hunt", "title A small hunt")) == [
        "3:1: put a colon and a space after the key: title: A small hunt"
    ]


def test_an_apostrophe_in_single_quotes_suggests_double_quotes(tmp_path):
    assert check(tmp_path, mini("text: Hello!", "text: 'It's time'")) == [
        "16:11: an apostrophe ends text that starts with ': write text: \"It's time\""
    ]


def test_text_after_its_quotes_says_quote_the_whole_text(tmp_path):
    assert check(tmp_path, mini("text: Hello!", 'text: "Tap" the cell')) == [
        "16:11: the quotes must hold the whole text: write text: '\"Tap\" the cell'"
    ]


def test_a_quote_never_closed_is_reported_where_it_opens(tmp_path):
    found = check(tmp_path, mini("text: Hello!", 'text: "Hello!'))
    assert found == ['16:11: this text\'s quote (") is never closed: end the text with "']


def test_a_key_out_of_line_says_line_it_up(tmp_path):
    found = check(tmp_path, mini("    text: Hello!", "   text: Hello!"))
    assert len(found) == 1 and found[0].startswith("16:") and "line up" in found[0]


def test_a_list_item_out_of_line_says_line_it_up(tmp_path):
    found = check(tmp_path, mini("  - id: leukemia", "   - id: leukemia"))
    assert len(found) == 1 and found[0].startswith("10:4: ") and "line up" in found[0]


def test_a_bracket_never_closed_names_where_it_opens(tmp_path):
    found = check(tmp_path, mini("markers: [cd19]", "markers: [cd19"))
    assert len(found) == 1 and "the '[' at line 13, column 14 is never closed" in found[0]


@pytest.mark.parametrize("sign", ["@", "`", "*"])
def test_a_text_starting_with_a_sign_yaml_keeps_says_quote_it(tmp_path, sign):
    found = check(tmp_path, mini("text: Hello!", f"text: {sign}home"))
    assert found == [
        f"16:11: a text cannot start with '{sign}': put it in quotes: text: \"{sign}home\""
    ]


def test_a_text_starting_with_an_ampersand_is_not_cut_silently(tmp_path):
    found = check(tmp_path, mini("text: Hello!", "text: &wash hands"))
    assert found == [
        "16:11: anchors and aliases (& and *) are not allowed; "
        "a text that starts with & or * must be in quotes"
    ]


# suggestions never change the meaning -----------------------------------------------------------
def test_cancer_cells_does_not_suggest_red_cells(tmp_path):
    text = mini("lines:", "  - id: red_cells\n    kind: red_blood_cell\n    count: 3\nlines:")
    text += "  - when: bind\n    actor: cancer_cells\n    say: mini.hello\n"
    assert check(tmp_path, text) == ["29:12: unknown actor 'cancer_cells'"]


@pytest.mark.parametrize(
    ("word", "choices"),
    [
        ("cancer_cells", ["red_cells", "leukemia"]),
        ("germs.wash", ["germs.wait", "germs.intro"]),
        ("b_cells", ["t_cells"]),
        ("cd20", ["cd19"]),
        ("hunt.line_2", ["hunt.line_3"]),
        ("F1", ["F2"]),
        ("soap", ["hands"]),
    ],
)
def test_no_suggestion_between_names_that_mean_different_things(word, choices):
    assert errors.did_you_mean(word, choices) == ""


@pytest.mark.parametrize(
    ("word", "choices", "meant"),
    [
        ("leukemia_cel", ["leukemia_cell", "b_cell"], "leukemia_cell"),
        ("cd91", ["cd19"], "cd19"),
        ("tcell", ["t_cell", "b_cell"], "t_cell"),
        ("fnd", ["find"], "find"),
        ("strat", ["start", "all_done"], "start"),
        ("healty_b_cells", ["healthy_b_cells"], "healthy_b_cells"),
        ("hunt.frist_match", ["hunt.first_match", "hunt.intro"], "hunt.first_match"),
        ("Start", ["start"], "start"),
    ],
)
def test_a_slip_of_the_keys_is_still_suggested(word, choices, meant):
    assert errors.did_you_mean(word, choices) == f" (did you mean '{meant}'?)"


def test_a_duplicate_line_id_suggests_no_unrelated_line(tmp_path):
    text = mini(
        "    text: Hello!\n",
        "    text: Hello!\n  - id: mini.hello\n    text: Wash with soap.\n"
        "  - id: mini.wait\n    text: Wait a little.\n",
    )
    text = text.replace("    say: mini.hello", "    say: [mini.hello, mini.wash]")
    found = check(tmp_path, text)
    assert found[0] == "17:5: the line id 'mini.hello' is used twice (first at line 15)"
    assert found[1].startswith("28:23: unknown line 'mini.wash'; if it is the line at line 17")
    assert "mini.wait" not in found[1]


# encodings -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("encoding", "name"),
    [
        ("utf-16", "UTF-16"),  # with a byte-order mark, as Notepad's "Unicode" saves it
        ("utf-16-le", "UTF-16"),
        ("utf-16-be", "UTF-16"),
        ("utf-32", "UTF-32"),
        ("utf-32-be", "UTF-32"),
    ],
)
def test_a_utf16_or_utf32_file_says_save_as_utf8(tmp_path, encoding, name):
    found = check(tmp_path, MINIMAL.replace("Hello!", "¡Hola!").encode(encoding))
    assert found == [
        f"1:1: this file is saved as {name}; save it as UTF-8 (in Notepad: Save as, UTF-8)"
    ]


def test_windows_1252_text_says_save_as_utf8_at_the_first_bad_byte(tmp_path):
    text = mini("text: Hello!", "text: Wash – then dry.")
    assert check(tmp_path, text.encode("cp1252")) == [
        "16:16: this is not UTF-8 text; save the file as UTF-8"
    ]


def test_the_column_of_a_bad_byte_counts_letters_not_bytes(tmp_path):
    data = mini("text: Hello!", "text: Ça va, café").encode("utf-8")
    data = data.replace("café".encode(), b"caf\xe9")  # one Latin-1 letter after UTF-8 ones
    assert check(tmp_path, data) == ["16:21: this is not UTF-8 text; save the file as UTF-8"]


def test_a_file_with_a_nul_byte_is_still_not_text(tmp_path):
    found = check(tmp_path, b"id: mini\n\x00\x01")
    assert found == ["2:1: this is not a text file (it holds a NUL byte)"]
