"""The word book: the journey's words, each with a picture and a short spoken meaning.

``scenes/book/words.yaml`` holds them in English; other languages translate the same ids::

    version: 1
    words:
      - id: words.t_cell         # the word's id; its meaning is words.t_cell.meaning
        word: T cell
        forms: T cell, T cells   # how it appears in lines, so they can light it up
        meaning: A T cell is a white blood cell. It finds germs and fights them.
        picture: t_cell
        fact: F1

Where a glossary word appears in narration it is marked, and a tap opens its page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from game.script import gallery, model
from game.script.errors import Where
from game.script.fields import FieldReader
from game.script.yamlsafe import Node

WORD_ID = r"words\.[a-z][a-z0-9_]{0,40}"


@dataclass(frozen=True)
class Word:
    id: str
    word: str
    forms: str
    meaning: str
    picture: str
    fact: str | None = None
    where: Where = field(default=Where("?"), compare=False)

    @property
    def meaning_id(self) -> str:
        return f"{self.id}.meaning"

    @property
    def forms_id(self) -> str:
        return f"{self.id}.forms"

    def texts(self) -> list[model.Text]:
        return [
            model.Text(self.id, "words", self.fact, self.word, "word"),
            model.Text(self.forms_id, "words", None, self.forms, "forms"),
            model.Text(self.meaning_id, "words", self.fact, self.meaning, "meaning"),
        ]


@dataclass(frozen=True)
class Book:
    words: tuple[Word, ...] = ()
    path: str = ""

    def texts(self) -> list[model.Text]:
        return [text for word in self.words for text in word.texts()]

    def word(self, word_id: str) -> Word:
        return next(w for w in self.words if w.id == word_id)


def load_book(path: Path, label: str | None = None) -> Book:
    """Read the word book. Raises :class:`SceneError` with every problem's place."""
    label = label or str(path)
    reader = _BookReader()
    return reader.read(path, label, lambda root: reader.build(label, root))


class _BookReader(FieldReader):
    def build(self, label: str, root: Node) -> Book | None:
        top = self.fields(root, "the word book", ("version", "words"))
        if top is None or "words" not in top:
            return None
        if "version" in top and top["version"].value != 1:
            self.error(top["version"].where, "this game reads word book version 1")
        words = [self._word(node) for node in self.items(top["words"], "'words'")]
        seen: dict[str, Where] = {}
        for word in words:
            if word is None:
                continue
            if word.id in seen:
                self.error(word.where, f"the word id '{word.id}' is also used at {seen[word.id]}")
            seen.setdefault(word.id, word.where)
        return Book(tuple(w for w in words if w is not None), label)

    def _word(self, node: Node) -> Word | None:
        keys = ("id", "word", "forms", "meaning", "picture")
        found = self.fields(node, "a word", keys, ("fact",))
        if found is None or not set(keys) <= found.keys():
            return None
        values = {
            "id": self.text(found["id"], "the word id", WORD_ID, "words.t_cell"),
            "word": self.words(found["word"], "the word", "label"),
            "forms": self.words(
                found["forms"], "'forms' (the word as it appears in lines)", "meaning"
            ),
            "meaning": self.words(found["meaning"], "the meaning", "meaning"),
            "picture": gallery.read_picture(self, found["picture"]),
        }
        if "fact" in found:
            values["fact"] = self.choice(found["fact"], "fact", model.FACT_IDS)
        if None in values.values():
            return None
        return Word(where=node.where, **{k: v.strip() for k, v in values.items()})


def split_forms(forms: str) -> list[str]:
    """'T cell, T cells' → ['T cell', 'T cells']."""
    return [form.strip() for form in forms.split(",") if form.strip()]


def find_words(text: str, forms: dict[str, list[str]]) -> list[tuple[int, int, str]]:
    """Where glossary words appear in ``text``: (start, end, word id), longest forms first,
    whole words only, never overlapping. Case is ignored ('Leukemia' and 'leukemia'), but a
    form written in capitals (CAR, IV) is a name and matches only in capitals: "It is not a
    car you drive!" has no CAR in it."""
    candidates = sorted(
        ((form, word_id) for word_id, words in forms.items() for form in words),
        key=lambda pair: -len(pair[0]),
    )
    taken: list[tuple[int, int, str]] = []
    for form, word_id in candidates:
        pattern = r"(?<!\w)" + re.escape(form) + r"(?!\w)"
        capitals = any(c.isupper() for c in form) and not any(c.islower() for c in form)
        for match in re.finditer(pattern, text, flags=0 if capitals else re.IGNORECASE):
            start, end = match.span()
            if all(end <= s or start >= e for s, e, _ in taken):
                taken.append((start, end, word_id))
    return sorted(taken)
