"""The ``{name}`` fields in a text, and nothing else: the game fills a few named values into
its words (how many cells are found, the child's name...) by plain substitution. Translator
text is never run as a format string, so braces around anything but a known name can neither
show the game's insides nor crash it; ``check`` reports each such brace where it stands."""

from __future__ import annotations

import re
from collections.abc import Mapping

from game.script.errors import Problem, Where, did_you_mean, one_of

#: The fields the game fills in a text, as ``{name}``: cells found of the total, the tries a
#: question took, the child's name, chapter titles, minutes and seconds, an answer, a language,
#: a saved file's path, a question (the grown-up's records). A name the game never fills is an
#: error in ``check``.
FIELDS = frozenset(
    {
        "found", "total", "tries", "child", "chapter", "chapters", "minutes", "seconds",
        "answer", "language", "name", "path", "question",
    }
)  # fmt: skip
_FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_BRACE = re.compile(r"[{}]")


def placeholders(text: str) -> set[str]:
    """The ``{name}`` fields a text fills in; a translation must keep the same ones."""
    return {match.group(1) for match in _FIELD.finditer(text)}


def fill(text: str, fields: Mapping[str, object]) -> str:
    """``text`` with each ``{name}`` of a given field replaced by its value. Nothing else is
    looked at or run: braces around anything else stay as they are (``check`` reports them)."""
    if not fields:
        return text

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        return str(fields[name]) if name in fields else match.group(0)

    return _FIELD.sub(value, text)


def brace_problems(text: str) -> list[tuple[int, str]]:
    """(offset, message) for every brace in ``text`` that is not a plain ``{name}`` field of
    :data:`FIELDS`: attribute or index access, format specs, conversions, numbers, unknown
    names and braces left open or closed alone are all refused."""
    found: list[tuple[int, str]] = []
    at = 0
    while (brace := _BRACE.search(text, at)) is not None:
        start = brace.start()
        if brace.group() == "}":
            found.append((start, "a '}' with no '{' before it (braces only go round a field)"))
            at = start + 1
            continue
        field = _FIELD.match(text, start)
        if field is not None:
            name = field.group(1)
            if name not in FIELDS:
                found.append(
                    (
                        start,
                        f"unknown field {{{name}}}{did_you_mean(name, FIELDS)}; "
                        f"the fields are {one_of('{' + f + '}' for f in FIELDS)}",
                    )
                )
            at = field.end()
            continue
        close = _BRACE.search(text, start + 1)
        if close is None or close.group() == "{":
            found.append((start, "a '{' with no '}' after it (braces only go round a field)"))
            at = start + 1
            continue
        inside = text[start + 1 : close.start()]
        found.append((start, f"{shorten_braces(inside)} is not a field: {_why(inside)}"))
        at = close.end()
    return found


def shorten_braces(inside: str) -> str:
    return "'{" + (inside if len(inside) <= 30 else inside[:27] + "...") + "}'"


def _why(inside: str) -> str:
    plain = "write a plain {name}, like {found}"
    if not inside.strip():
        return f"empty braces; {plain}"
    if inside.strip().isdigit():
        return f"fields have names, not numbers; {plain}"
    if any(mark in inside for mark in ".["):
        return f"nothing may be looked up inside a field; {plain}"
    if ":" in inside:
        return f"a field cannot be formatted; {plain}"
    if "!" in inside:
        return f"a field cannot be converted; {plain}"
    return plain


def brace_problems_at(text: str, where: Where) -> list[Problem]:
    """:func:`brace_problems` placed in the file: on the text's own line, the column of the
    brace (for text on several lines, where the text starts)."""
    located = []
    for offset, message in brace_problems(text):
        on_its_line = "\n" not in text
        place = Where(where.path, where.line, where.col + offset) if on_its_line else where
        located.append(Problem(place, message))
    return located
