"""Fuzzing the language tables (``scenes/lang/*.yaml``) and the word book: whatever the file
holds, the answer is a Table or a Book, or a SceneError whose every problem says where (file and
line), never another exception. The same sources as tests/test_fuzz.py: documents built from
table- and book-shaped pieces, the shipped files with random damage, and any bytes."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from test_fuzz import FUZZ
from test_fuzz import damaged as damaged_file

from game import resources
from game.script.book import Book, load_book
from game.script.errors import SceneError
from game.script.strings import Table, load_table

LANG = resources.scenes_dir() / "lang"
SHIPPED_TABLES = {path.name: path.read_text(encoding="utf-8") for path in LANG.glob("*.yaml")}
SHIPPED_BOOK = (resources.scenes_dir() / "book" / "words.yaml").read_text(encoding="utf-8")
#: Examples a fuzz test tries: 150 in every run; ``T_CELL_HERO_FUZZ_EXAMPLES=10000`` for a long
#: run before a release (see README, "Reliability").

TABLE_KEYS = ["language", "voice", "say", "strings", "text", "en"]
BOOK_KEYS = ["version", "words", "id", "word", "forms", "meaning", "picture", "fact"]
IDS = ["ui.map.title", "meet.hello", "meet.hello@little", "words.t_cell", "words.t_cell.meaning"]
WORDS = [
    "Español",
    "es-419",
    "3f2a9c1b",
    "063cfaee",
    "t_cell",
    "F1",
    "words.t_cell",
    "T cell, T cells",
    "{chapter}",
    "{",
    "I.V.",
    "1",
    "~",
]
NAMES = ["es.yaml", "en.yaml", "pt-br.yaml", "x.yaml"]


def _answer(load, name: str, data: bytes, kind: type) -> str:
    """'ok' or 'error', after checking that every problem is located in this file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            built = load(path, name)
        except SceneError as exc:
            assert exc.problems
            for problem in exc.problems:
                assert problem.where.path == name
                assert problem.where.line >= 1 and problem.where.col >= 1
                assert problem.message.strip()
            return "error"
    assert isinstance(built, kind)
    return "ok"


def table_answer(data: bytes, name: str = "es.yaml") -> str:
    return _answer(load_table, name, data, Table)


def book_answer(data: bytes) -> str:
    return _answer(load_book, "words.yaml", data, Book)


def _values(keys: list[str]):
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**6), 10**6),
        st.floats(allow_nan=True, allow_infinity=True),
        st.sampled_from(WORDS + IDS),
        st.text(max_size=30),
    )
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=5),
            st.dictionaries(
                st.one_of(st.sampled_from(keys + IDS), st.text(max_size=8)), inner, max_size=6
            ),
        ),
        max_leaves=40,
    )


translation = st.fixed_dictionaries(
    {"text": st.one_of(st.sampled_from(WORDS), st.text(max_size=40))},
    optional={"en": st.one_of(st.sampled_from(WORDS), st.text(max_size=10), st.integers())},
)
table_documents = st.fixed_dictionaries(
    {},
    optional={
        "language": _values(TABLE_KEYS),
        "voice": _values(TABLE_KEYS),
        "say": st.one_of(
            st.dictionaries(st.text(max_size=6), st.one_of(st.sampled_from(WORDS), st.text())),
            _values(TABLE_KEYS),
        ),
        "strings": st.one_of(
            st.dictionaries(
                st.one_of(st.sampled_from(IDS), st.text(max_size=12)),
                st.one_of(translation, _values(TABLE_KEYS)),
                max_size=6,
            ),
            _values(TABLE_KEYS),
        ),
    },
).flatmap(lambda d: st.one_of(st.just(d), _values(TABLE_KEYS).map(lambda extra: {**d, "x": extra})))

book_word = st.fixed_dictionaries(
    {},
    optional={key: st.one_of(st.sampled_from(WORDS), _values(BOOK_KEYS)) for key in BOOK_KEYS[2:]},
)
book_documents = st.fixed_dictionaries(
    {},
    optional={
        "version": st.one_of(st.just(1), _values(BOOK_KEYS)),
        "words": st.one_of(st.lists(book_word, max_size=5), _values(BOOK_KEYS)),
    },
)


@pytest.mark.slow  # 150 generated tables, each written, loaded and checked
@FUZZ
@given(table_documents, st.sampled_from(NAMES))
def test_generated_tables_get_a_table_or_a_located_error(document, name):
    text = yaml.safe_dump(document, allow_unicode=True)
    assert table_answer(text.encode("utf-8"), name) in ("ok", "error")


@pytest.mark.slow  # 150 generated word books, each written, loaded and checked
@FUZZ
@given(book_documents)
def test_generated_books_get_a_book_or_a_located_error(document):
    text = yaml.safe_dump(document, allow_unicode=True)
    assert book_answer(text.encode("utf-8")) in ("ok", "error")


@pytest.mark.slow  # 150 shipped tables and books with generated parts merged in
@FUZZ
@given(table_documents, book_documents, st.sampled_from(sorted(SHIPPED_TABLES)))
def test_shipped_files_with_generated_parts_merged_in(table, book, name):
    merged = {**yaml.safe_load(SHIPPED_TABLES[name]), **table}
    data = yaml.safe_dump(merged, allow_unicode=True).encode("utf-8")
    assert table_answer(data, name) in ("ok", "error")
    merged = {**yaml.safe_load(SHIPPED_BOOK), **book}
    assert book_answer(yaml.safe_dump(merged, allow_unicode=True).encode("utf-8")) in (
        "ok",
        "error",
    )


def damaged(text: str):
    """A shipped table or word book with one to four kinds of damage (as the scene fuzzing
    damages scenes), values including escapes that decode to NUL or a lone surrogate."""
    return damaged_file([text], WORDS, ('"\\0"', '"\\uD800"'))


@FUZZ
@given(
    st.sampled_from(sorted(SHIPPED_TABLES)).flatmap(
        lambda n: st.tuples(st.just(n), damaged(SHIPPED_TABLES[n]))
    )
)
def test_damaged_shipped_tables_get_a_table_or_a_located_error(named):
    name, data = named
    assert table_answer(data, name) in ("ok", "error")


@FUZZ
@given(damaged(SHIPPED_BOOK))
def test_damaged_shipped_book_gets_a_book_or_a_located_error(data):
    assert book_answer(data) in ("ok", "error")


@FUZZ
@given(st.binary(max_size=200), st.sampled_from(NAMES))
def test_any_bytes_get_a_table_or_a_book_or_a_located_error(data, name):
    assert table_answer(data, name) in ("ok", "error")
    assert book_answer(data) in ("ok", "error")


def test_the_fuzz_reaches_both_answers():
    """The checks above are not vacuous: the shipped files load, damaged ones are refused."""
    for name, text in SHIPPED_TABLES.items():
        assert table_answer(text.encode("utf-8"), name) == "ok"
        assert table_answer(text.replace("strings:", "strung:").encode("utf-8"), name) == "error"
    assert book_answer(SHIPPED_BOOK.encode("utf-8")) == "ok"
    assert book_answer(SHIPPED_BOOK.replace("version: 1", "version: 9").encode("utf-8")) == "error"
