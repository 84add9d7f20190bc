"""Small typed readers over :class:`Node` values that record problems instead of raising."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from game.script.errors import Problem, SceneError, Where, closest, did_you_mean, one_of
from game.script.placeholders import brace_problems_at
from game.script.readable import text_problems
from game.script.yamlsafe import Node, read_limited, read_scene_yaml, shorten, show_number

T = TypeVar("T")


#: Other words authors write for a key, and the keys they may mean, the likeliest first (only
#: a key allowed where the word stands is suggested): 'narration:' for 'lines:', 'on:' for
#: 'when:'.
OTHER_WORDS: dict[str, tuple[str, ...]] = {
    "narration": ("lines",),
    "narrator": ("lines",),
    "story": ("lines",),
    "script": ("lines",),
    "speech": ("lines",),
    "line": ("lines", "say", "text"),
    "says": ("say", "lines"),
    "speak": ("say",),
    "text": ("say", "lines"),
    "words": ("text", "lines", "say"),
    "label": ("text",),
    "name": ("title", "id"),
    "on": ("when",),
    "event": ("when",),
    "if": ("when",),
    "type": ("kind",),
    "number": ("count",),
    "amount": ("count",),
    "how_many": ("count",),
    "image": ("picture", "icon", "background"),
    "pic": ("picture", "icon", "background"),
    "picture": ("icon",),
    "backdrop": ("background",),
    "bg": ("background",),
    "question": ("ask",),
    "prompt": ("ask",),
    "answers": ("options",),
    "pictures": ("options",),
    "cards": ("options", "choices"),
    "questions": ("choices",),
    "correct": ("right",),
    "answer": ("right",),
    "explanation": ("explain",),
    "why": ("explain",),
    "cast": ("actors",),
    "cells": ("actors",),
    "characters": ("actors",),
    "then": ("next",),
    "game": ("activity",),
    "help": ("assist",),
    "band": ("bands",),
    "age": ("bands",),
    "ages": ("bands",),
    "translation": ("text",),
    "english": ("en",),
    "hash": ("en",),
}


def meant_key(key: str, allowed: Iterable[str]) -> str | None:
    """The allowed key an unknown ``key`` stands for: one it is a slip of ('titel'), or one
    it is another word for ('narration', 'naration': 'lines'); None when there is none."""
    allowed = tuple(allowed)
    found = closest(key, allowed)
    if found is not None:
        return found
    word = "_".join(key.lower().split())
    if word not in OTHER_WORDS:
        word = closest(word, tuple(OTHER_WORDS)) or word
    return next((k for k in OTHER_WORDS.get(word, ()) if k in allowed), None)


class FieldReader:
    """Reads one scene file's values; every problem is kept in ``problems`` with its place."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        #: The file's bytes, when known: a brace's column in quoted text counts the quote.
        self.source: bytes | None = None

    def read(self, path: Path, label: str, build: Callable[[Node], T | None]) -> T:
        """Parse the file at ``path`` and ``build`` the result from its top node; raises
        :class:`SceneError` with every problem found (``label`` names the file in messages)."""
        data = read_limited(path, label)
        self.source = data
        built = build(read_scene_yaml(label, data))
        if self.problems or built is None:
            raise SceneError(self.problems)
        return built

    def error(self, where: Where, message: str) -> None:
        self.problems.append(Problem(where, message))

    def fields(
        self,
        node: Node,
        what: str,
        required: Iterable[str],
        optional: Iterable[str] = (),
        meant: set[str] | None = None,
    ) -> dict[str, Node] | None:
        """The mapping's values by key, after checking for unknown and missing keys. An unknown
        key is answered with the key it stands for (a misspelling, or another word for it, see
        :func:`meant_key`); ``meant``, when given, collects those keys, so a caller can leave
        out the problems that only follow from the one mistake."""
        if not isinstance(node.value, dict):
            self.error(
                node.where, f"{what} must be a mapping of 'key: value' lines, not {node.kind}"
            )
            return None
        required = tuple(required)
        allowed = required + tuple(optional)
        found: dict[str, Node] = {}
        for key, (key_node, value_node) in node.value.items():
            if key in allowed:
                found[key] = value_node
                continue
            intended = meant_key(key, allowed)
            hint = f" (did you mean '{intended}'?)" if intended else ""
            if intended is not None and meant is not None:
                meant.add(intended)
            self.error(key_node.where, f"unknown key {shorten(key)} in {what}{hint}")
        for key in required:
            if key not in found:
                self.error(node.where, f"{what} needs '{key}'")
        return found

    def text(
        self,
        node: Node,
        what: str,
        pattern: str | None = None,
        example: str = "",
        kind: str = "other",
    ) -> str | None:
        """The node's text, if it is text a child could read as a ``kind`` of text (see
        :mod:`game.script.readable`) and, with ``pattern``, a valid id."""
        if not isinstance(node.value, str):
            self.error(node.where, f"{what} must be text, not {node.kind}")
            return None
        if not node.value.strip():
            self.error(node.where, f"{what} is empty")
            return None
        unreadable = text_problems(node.value, kind)
        for _offset, message in unreadable:
            self.error(node.where, f"{what} {message}")
        if unreadable:
            return None
        if pattern and not re.fullmatch(pattern, node.value):
            hint = f", like '{example}'" if example else ""
            self.error(node.where, f"{what} {shorten(node.value)} is not a valid id{hint}")
            return None
        return node.value

    def words(self, node: Node, what: str, kind: str) -> str | None:
        """Text a person reads as a ``kind`` of text (a line, a title...): :meth:`text`, and
        any brace in it must be a plain ``{name}`` field (see :mod:`game.script.placeholders`)."""
        text = self.text(node, what, kind=kind)
        if text is None or ("{" not in text and "}" not in text):  # most text: no field
            return text
        found = brace_problems_at(text, node.where)
        shift = 1 if found and self._quoted(node.where) else 0
        for problem in found:
            place = problem.where
            if place != node.where:  # a column inside one line of text
                place = Where(place.path, place.line, place.col + shift)
            self.error(place, problem.message)
        return text

    def _quoted(self, where: Where) -> bool:
        """Whether the text starting at ``where`` is written in quotes."""
        try:
            line = (self.source or b"").decode("utf-8").splitlines()[where.line - 1]
            return line[where.col - 1] in "'\""
        except (UnicodeDecodeError, IndexError):
            return False

    def integer(self, node: Node, what: str, low: int, high: int) -> int | None:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(node.where, f"{what} must be a whole number, not {node.kind}")
            return None
        if not low <= value <= high:
            self.error(node.where, f"{what} must be from {low} to {high}, not {show_number(value)}")
            return None
        return value

    def number(self, node: Node, what: str, low: float, high: float) -> float | None:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.error(node.where, f"{what} must be a number, not {node.kind}")
            return None
        # An int is compared exactly: turning a 400-digit one into a float would overflow.
        finite = isinstance(value, int) or math.isfinite(value)
        if not (finite and low <= value <= high):
            self.error(
                node.where, f"{what} must be from {low:g} to {high:g}, not {show_number(value)}"
            )
            return None
        return float(value)

    def boolean(self, node: Node, what: str) -> bool | None:
        if not isinstance(node.value, bool):
            self.error(node.where, f"{what} must be yes or no, not {node.kind}")
            return None
        return node.value

    def choice(self, node: Node, what: str, choices: Iterable[str]) -> str | None:
        choices = tuple(choices)
        if not isinstance(node.value, str):
            self.error(node.where, f"{what} must be one of {one_of(choices)}, not {node.kind}")
            return None
        if node.value not in choices:
            self.error(
                node.where,
                f"unknown {what} {shorten(node.value)}"
                f"{did_you_mean(node.value, choices)}; use {one_of(choices)}",
            )
            return None
        return node.value

    def items(self, node: Node, what: str) -> list[Node]:
        if not isinstance(node.value, list):
            self.error(
                node.where, f"{what} must be a list (lines starting with '- '), not {node.kind}"
            )
            return []
        return node.value

    def numbers(
        self, node: Node, what: str, size: int, low: float, high: float
    ) -> tuple[float, ...] | None:
        values = self.items(node, what)
        if not isinstance(node.value, list):
            return None
        if len(values) != size:
            self.error(node.where, f"{what} needs {size} numbers, not {len(values)}")
            return None
        read = [self.number(v, f"each number in {what}", low, high) for v in values]
        if any(v is None for v in read):
            return None
        return tuple(v for v in read if v is not None)
