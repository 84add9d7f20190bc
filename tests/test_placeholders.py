"""Fields in words are plain ``{name}`` substitution: whatever a translator writes in braces, the
game never shows its insides nor crashes, and ``check`` names each bad brace where it stands."""

from __future__ import annotations

import shutil

import pytest

from conftest import MINIMAL, ROOT, SceneError
from game.cli import main
from game.script.placeholders import FIELDS, brace_problems, fill, placeholders
from game.script.strings import Strings, Table, load_table
from game.script.texts import load_library

#: What may stand between braces besides a known name, by kind.
INSIDES = {
    "attribute": ["found.__class__", "found.__class__.__mro__", "found.__init__.__globals__"],
    "index": ["found[0]", "child[__class__]", "found.real[0]"],
    "format spec": ["found:>20000000", "found:,", "found:.99999f"],
    "conversion": ["found!r", "child!a", "found!s:>9"],
    "positional": ["0", "1", "99999999999999999999"],
    "unknown name": ["nope", "__import__", "self", "Found"],
    "empty": ["", " "],
}
INSIDE = [(kind, inside) for kind, insides in INSIDES.items() for inside in insides]
#: Braces that do not pair up.
UNBALANCED = [
    *("{child:{total}}", "{found", "found}", "}{", "{{found}}", "{ {found} }x{"),
    *("{" * 5000, "}" * 5000),
]


class Sneaky:
    """A field value whose every special method would show up if it were used."""

    def __format__(self, spec: str) -> str:
        raise AssertionError("the game ran a format spec")

    def __getattr__(self, name: str) -> object:
        raise AssertionError(f"the game looked up {name}")

    def __str__(self) -> str:
        return "7"


def strings_with(text: str) -> Strings:
    table = Table("es", "Español", "es", {}, "es.yaml")
    english = Strings({"ui.counter": text}, {"es": table})
    return english


@pytest.mark.parametrize(("kind", "inside"), INSIDE)
def test_any_brace_but_a_plain_field_is_left_as_written(kind, inside):
    text = f"Found {{found}} of {{total}}, {{{inside}}}!"
    said = strings_with(text).get("ui.counter", found=3, total=Sneaky(), child="Ana")
    assert said == f"Found 3 of 7, {{{inside}}}!"


@pytest.mark.parametrize("text", UNBALANCED)
def test_braces_that_do_not_pair_never_crash(text):
    said = strings_with(text).get("ui.counter", found=3, total=9)
    assert len(said) <= len(text) and "class" not in said


def test_a_known_field_is_filled_with_its_value_once():
    text = "{found}{found} {child} {tries}"
    assert fill(text, {"found": "{child}", "child": "Ana"}) == "{child}{child} Ana {tries}"
    assert fill(text, {}) == text and placeholders(text) == {"found", "child", "tries"}


@pytest.mark.parametrize(("kind", "inside"), INSIDE)
def test_check_refuses_each_brace_that_is_not_a_field(kind, inside):
    text = f"Found {{found}} and {{{inside}}}"
    found = brace_problems(text)
    assert [offset for offset, _ in found] == [text.index("and {") + 4]


@pytest.mark.parametrize("text", UNBALANCED)
def test_check_refuses_braces_that_do_not_pair(text):
    assert brace_problems(text)


def test_every_known_field_is_fine():
    assert brace_problems(" ".join(f"{{{name}}}" for name in sorted(FIELDS))) == []


def make_lang_folder(tmp_path, translated: str, quoted: bool):
    folder = tmp_path / "scenes"
    shutil.copytree(ROOT / "scenes" / "lang", folder / "lang")
    shutil.copytree(ROOT / "scenes" / "book", folder / "book")
    value = f'"{translated}"' if quoted else translated
    path = folder / "lang" / "es.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("text:"))
    indent = lines[at].index("text:")
    lines[at] = " " * indent + "text: " + value
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder, at + 1, indent + 7 + (1 if quoted else 0)


@pytest.mark.parametrize("quoted", [False, True])
@pytest.mark.parametrize(("kind", "inside"), INSIDE[::3])
def test_a_bad_brace_in_a_translation_is_an_error_at_its_place(tmp_path, quoted, kind, inside):
    folder, line, col = make_lang_folder(tmp_path, f"Hola {{{inside}}} ya", quoted)
    with pytest.raises(SceneError) as raised:
        load_library(folder)
    where = [(p.where.line, p.where.col) for p in raised.value.problems]
    assert where == [(line, col + len("Hola "))]
    assert raised.value.problems[0].where.path.endswith("es.yaml")


def test_a_bad_brace_in_the_english_menus_is_an_error(tmp_path):
    path = tmp_path / "en.yaml"
    path.write_text("language: English\nstrings:\n  ui.x: Hi {child.__dict__}\n")
    with pytest.raises(SceneError) as raised:
        load_table(path)
    assert [(p.where.line, p.where.col) for p in raised.value.problems] == [(3, 12)]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("text: Hello!", "text: Hello {0}!"),
        ("text: Hello!", 'text: "Hello {nope}!"'),
        ("title: A small hunt", "title: A small {hunt"),
        ("text: Hello!", "text: Hello!\n    older: Hi {found:>20000000}"),
    ],
)
def test_check_exits_1_naming_the_brace_in_a_scene(tmp_path, capsys, old, new):
    bad = tmp_path / "mini.yaml"
    bad.write_text(MINIMAL.replace(old, new))
    assert main(["check", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "mini.yaml:" in out and "{" in out
    line = next(n for n, text in enumerate(bad.read_text().splitlines(), 1) if "{" in text)
    assert f"mini.yaml:{line}:" in out
