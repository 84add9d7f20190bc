"""All the game's words together: the scenes' lines, the word book and the menus, in English,
and a table for every other language (see :mod:`game.script.strings`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game import resources
from game.script.book import Book, load_book
from game.script.catalog import journey, label_for
from game.script.errors import Problem, SceneError, Where
from game.script.model import Scene, Text
from game.script.strings import SOURCE_LANGUAGE, Strings, Table, load_table, table_paths


@dataclass(frozen=True)
class Library:
    """The word book and every language table, as shipped (or as found in ``folder``)."""

    book: Book
    tables: dict[str, Table]

    @property
    def menus(self) -> Table:
        return self.tables[SOURCE_LANGUAGE]


def load_library(folder: Path | None = None) -> Library:
    """Read ``<folder>/book/words.yaml`` and ``<folder>/lang/*.yaml`` (default: the shipped
    scenes folder). Raises :class:`SceneError` listing every problem in all of them."""
    folder = folder or resources.scenes_dir()
    problems: list[Problem] = []
    book = Book()
    try:
        book = load_book(folder / "book" / "words.yaml", label_for(folder / "book" / "words.yaml"))
    except SceneError as exc:
        problems += exc.problems
    tables: dict[str, Table] = {}
    for code, path in table_paths(folder / "lang").items():
        try:
            tables[code] = load_table(path, label_for(path))
        except SceneError as exc:
            problems += exc.problems
    if SOURCE_LANGUAGE not in tables and not problems:
        where = Where(label_for(folder / "lang" / f"{SOURCE_LANGUAGE}.yaml"))
        problems.append(Problem(where, "the English table (the menus' words) is missing"))
    if problems:
        raise SceneError(problems)
    return Library(book, tables)


def all_texts(scenes: dict[str, Scene], library: Library) -> list[Text]:
    """Every text in reading order: chapters along the journey (then any others), the word
    book, the menus."""
    order = journey(scenes)
    order += sorted(set(scenes) - set(order))
    found = [text for scene_id in order for text in scenes[scene_id].texts()]
    found += library.book.texts()
    found += [
        Text(text_id, "menu", None, entry.text, "menu")
        for text_id, entry in library.menus.entries.items()
    ]
    return found


def text_places(scenes: dict[str, Scene], library: Library) -> dict[str, Where]:
    """Where each English text is written: a scene's title, line (its variants too) or
    picture label, a word book entry, a menu in en.yaml."""
    places: dict[str, Where] = {}
    for scene in scenes.values():
        places[f"{scene.id}.title"] = scene.at("title")
        for line in scene.lines:
            places[line.id] = line.where
            places.update((f"{line.id}@{key}", line.where) for key in line.variants)
        places.update((o.id, o.where) for c in scene.choices for o in c.options)
    for word in library.book.words:
        places.update((text.id, word.where) for text in word.texts())
    places.update((i, entry.where) for i, entry in library.menus.entries.items())
    return places


def build_strings(scenes: dict[str, Scene], library: Library) -> Strings:
    english = {text.id: text.text for text in all_texts(scenes, library)}
    return Strings(english, library.tables, text_places(scenes, library))
