"""gettext PO files, the format translators' tools open (Poedit, Weblate, Crowdin, Lokalize).

Only what ``python -m game translate --export/--import`` needs, read strictly: one entry per
text, ``msgctxt`` its id, ``msgid`` the English, ``msgstr`` the translation; ``#, fuzzy`` marks a
translation that needs another look, ``#| msgid`` the English it was made from. Comments, the
header and obsolete entries (``#~``) are read; plural forms are refused (no text uses them).

Written here, not with a library: polib (the usual one) reads a line missing its closing quote
by dropping its last letter, lets an unescaped quote after ``\\\\`` through and keeps unknown
escapes as they are, so it would have to be checked line by line anyway, and the game installs
with no dependency beyond pygame-ce and PyYAML. Every problem is a :class:`Problem` with the
file's line and column; reading never raises anything but :class:`SceneError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from game.script.errors import Problem, SceneError, Where
from game.script.yamlsafe import read_limited

#: A PO file holds every text once, with comments: a few hundred kilobytes for this game.
MAX_PO_BYTES = 4 * 1024 * 1024

_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    '"': '"',
    "\\": "\\",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "?": "?",
    "'": "'",
}
_WRITE = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[[0-9]+\])?)(?=\s|\"|$)")


@dataclass(frozen=True)
class PoEntry:
    context: str | None
    msgid: str
    msgstr: str
    fuzzy: bool = False
    #: ``#| msgid``: the English the translation was made from, when the tool kept it.
    previous: str | None = None
    #: Where the entry starts (its msgctxt or msgid) and where its msgstr is.
    where: Where = field(default=Where("?"), compare=False)
    msgstr_where: Where = field(default=Where("?"), compare=False)


@dataclass(frozen=True)
class PoFile:
    header: dict[str, str]
    entries: tuple[PoEntry, ...]
    header_where: Where = field(default=Where("?"), compare=False)


def read_po(path: Path, label: str | None = None) -> PoFile:
    """Read and check a PO file; raises :class:`SceneError` with every problem's place."""
    label = label or str(path)
    data = read_limited(path, label, MAX_PO_BYTES)  # raises SceneError: missing, too large...
    return parse_po(data, label)


def parse_po(data: bytes, label: str) -> PoFile:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SceneError(
            [Problem(Where(label, line, col), "this is not UTF-8 text: save the file as UTF-8")]
        ) from None
    return _Parser(label).parse(text)


class _Parser:
    def __init__(self, label: str) -> None:
        self.label = label
        self.problems: list[Problem] = []
        self.entries: list[PoEntry] = []
        self.header: dict[str, str] = {}
        self.header_where = Where(label)
        self.seen: dict[tuple[str | None, str], Where] = {}
        self._reset()

    def _reset(self) -> None:
        self.fields: dict[str, list[str]] = {}  # keyword -> its pieces of text
        self.places: dict[str, Where] = {}
        self.flags: set[str] = set()
        self.previous: list[str] | None = None
        self.last: list[str] | None = None  # where a quoted line continues
        self.previous_open = False  # a '#| "..."' line continues the previous msgid
        self.broken = False

    def error(self, where: Where, message: str) -> None:
        self.problems.append(Problem(where, message))
        self.broken = True  # the entry is not kept, and nothing more is said of it

    def parse(self, text: str) -> PoFile:
        number = 0
        for number, raw in enumerate(text.split("\n"), 1):
            line = raw[:-1] if raw.endswith("\r") else raw
            if "\r" in line or "\0" in line:
                bad = "a NUL character" if "\0" in line else "a carriage return inside a line"
                self.error(self._at(number, line.find("\0" if "\0" in line else "\r")), bad)
                line = line.replace("\0", " ").replace("\r", " ")
            self._line(number, line)
            if len(self.problems) >= 50:
                break
        self._finish(Where(self.label, max(number, 1)))
        if self.problems:
            raise SceneError(self.problems)
        return PoFile(self.header, tuple(self.entries), self.header_where)

    def _at(self, number: int, index: int) -> Where:
        return Where(self.label, number, index + 1)

    def _line(self, number: int, line: str) -> None:
        stripped = line.strip()
        start = len(line) - len(line.lstrip())
        if not stripped:
            self.last = None
            return
        if stripped.startswith("#~"):  # an obsolete entry: kept by tools, unused here
            self.last = None
            return
        if stripped.startswith("#"):
            if "msgstr" in self.fields:  # a comment begins the next entry
                self._finish(self._at(number, start))
            self.last = None
            if stripped.startswith("#,"):
                self.flags |= {flag.strip() for flag in stripped[2:].split(",")}
            elif stripped.startswith("#|"):
                self._previous(number, line, start + 2)
            return
        self.previous_open = False
        if stripped.startswith('"'):
            if self.last is None:
                self.error(
                    self._at(number, start),
                    "a quoted line must follow msgctxt, msgid or msgstr (or another quoted line)",
                )
                return
            piece = self._string(number, line, start)
            if piece is not None:
                self.last.append(piece)
            return
        match = _KEYWORD.match(stripped)
        if match is None:
            word = stripped.split()[0][:30]
            self.error(
                self._at(number, start),
                f"unknown line '{word}': a PO line starts with msgctxt, msgid, msgstr, a quote "
                "or #",
            )
            self.last = None
            return
        self._keyword(number, line, start, match.group(1))

    def _keyword(self, number: int, line: str, start: int, keyword: str) -> None:
        where = self._at(number, start)
        if keyword == "msgid_plural" or keyword.startswith("msgstr["):
            self.error(where, f"{keyword}: plural forms are not used by this game's texts")
            self.last = None
            return
        if keyword in ("msgctxt", "msgid") and "msgstr" in self.fields:
            self._finish(where)
        elif keyword in ("msgctxt", "msgid") and "msgid" in self.fields:
            if not self.broken:
                self.error(self.places["msgid"], "this msgid has no msgstr after it")
            self._reset()
        if keyword in self.fields:
            self.error(
                where,
                f"a second {keyword} in one entry (the first is at line "
                f"{self.places[keyword].line})",
            )
            self.last = None
            return
        if keyword == "msgctxt" and "msgid" in self.fields:
            self.error(where, "msgctxt must come before its msgid")
        if keyword == "msgstr" and "msgid" not in self.fields:
            self.error(where, "msgstr without a msgid before it")
        rest = start + len(keyword)
        while rest < len(line) and line[rest] in " \t":
            rest += 1
        piece = None
        if rest >= len(line) or line[rest] != '"':
            self.error(
                self._at(number, rest), f'{keyword} needs its text in quotes, like {keyword} ""'
            )
        else:
            piece = self._string(number, line, rest)
        self.fields[keyword] = [piece or ""]
        self.places[keyword] = where if keyword != "msgstr" else self._at(number, rest)
        self.last = self.fields[keyword]

    def _previous(self, number: int, line: str, index: int) -> None:
        """``#| msgid "..."`` (the English before it changed) and its ``#| "..."`` lines."""
        rest = line[index:].lstrip(" \t")
        at = len(line) - len(rest)
        if rest.startswith('"') and self.previous_open and self.previous is not None:
            piece = self._string(number, line, at)
            self.previous.append(piece or "")
            return
        self.previous_open = False
        match = _KEYWORD.match(rest)
        if match is None:
            return  # another kind of '#|' line: a comment, nothing to read
        after = at + len(match.group(1))
        while after < len(line) and line[after] in " \t":
            after += 1
        if after >= len(line) or line[after] != '"':
            self.error(self._at(number, after), f"#| {match.group(1)} needs its text in quotes")
            return
        piece = self._string(number, line, after)
        if match.group(1) == "msgid":
            self.previous = [piece or ""]
            self.previous_open = True

    def _string(self, number: int, line: str, index: int) -> str | None:
        """The quoted text starting at ``line[index]`` (a quote), unescaped; None after an
        error (recorded with its column)."""
        out: list[str] = []
        i = index + 1
        while i < len(line):
            char = line[i]
            if char == '"':
                tail = line[i + 1 :].strip()
                if tail:
                    self.error(
                        self._at(number, i),
                        'text goes on after the closing quote: write a quote inside text as \\"',
                    )
                    return None
                return "".join(out)
            if char == "\\":
                if i + 1 >= len(line):
                    break
                code = line[i + 1]
                if code in _ESCAPES:
                    out.append(_ESCAPES[code])
                    i += 2
                    continue
                octal = re.match(r"[0-7]{1,3}", line[i + 1 :])
                hexa = re.match(r"x([0-9A-Fa-f]{1,2})", line[i + 1 :])
                if octal:
                    out.append(chr(int(octal.group(0), 8)))
                    i += 1 + len(octal.group(0))
                    continue
                if hexa:
                    out.append(chr(int(hexa.group(1), 16)))
                    i += 1 + len(hexa.group(0))
                    continue
                self.error(
                    self._at(number, i),
                    f"unknown escape '\\{code}': write a backslash as \\\\, a new line as \\n",
                )
                return None
            out.append(char)
            i += 1
        self.error(self._at(number, index), "the text has no closing quote")
        return None

    def _finish(self, where: Where) -> None:
        """End the entry being read (at ``where``, where the next one starts)."""
        if not self.fields or self.broken:
            self._reset()
            return
        if "msgid" not in self.fields:
            first = min(self.places.values())
            self.error(first, "this entry has no msgid")
        elif "msgstr" not in self.fields:
            self.error(self.places["msgid"], "this msgid has no msgstr after it")
        else:
            self._add()
        self._reset()

    def _add(self) -> None:
        context = "".join(self.fields["msgctxt"]) if "msgctxt" in self.fields else None
        msgid = "".join(self.fields["msgid"])
        msgstr = "".join(self.fields["msgstr"])
        where = self.places.get("msgctxt", self.places["msgid"])
        if context is None and msgid == "":
            if self.header or self.entries:
                self.error(where, 'a second header (msgid "" with no msgctxt)')
            self.header = _header(msgstr)
            self.header_where = where
            charset = re.search(r"charset=([\w.:-]+)", self.header.get("Content-Type", ""))
            if charset and charset.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
                self.error(
                    where,
                    f"the file says charset={charset.group(1)}: save it as UTF-8 (charset=UTF-8)",
                )
            return
        first = self.seen.setdefault((context, msgid), where)
        if first != where:
            self.error(where, f"the same text again (first at line {first.line})")
            return
        previous = "".join(self.previous) if self.previous is not None else None
        self.entries.append(
            PoEntry(
                context,
                msgid,
                msgstr,
                "fuzzy" in self.flags,
                previous,
                where,
                self.places["msgstr"],
            )
        )


def _header(text: str) -> dict[str, str]:
    found = {}
    for line in text.split("\n"):
        key, colon, value = line.partition(":")
        if colon and key.strip():
            found[key.strip()] = value.strip()
    return found


# writing ------------------------------------------------------------------------------------
def quote(text: str) -> str:
    """One PO string: in quotes, with backslashes, quotes and control characters escaped."""
    out = []
    for char in text:
        if char in _WRITE:
            out.append(_WRITE[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\{ord(char):03o}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def field_lines(keyword: str, text: str, prefix: str = "") -> list[str]:
    """``msgid "..."``; a text with line breaks is written one line of it per quoted line,
    after an empty first one, as gettext's own tools do."""
    pieces = [piece for piece in re.split(r"(?<=\n)", text) if piece]
    if len(pieces) <= 1:
        return [f"{prefix}{keyword} {quote(text)}"]
    return [f'{prefix}{keyword} ""', *(f"{prefix}{quote(piece)}" for piece in pieces)]


@dataclass(frozen=True)
class PoText:
    """One text to write: its id, the English, the translation ('' when there is none)."""

    context: str
    msgid: str
    msgstr: str
    comments: tuple[str, ...] = ()  # '#.' lines: where the text is used
    references: tuple[str, ...] = ()  # '#:' lines: file:line
    fuzzy: bool = False
    previous: str | None = None


def write_po(header: dict[str, str], texts: list[PoText], notes: tuple[str, ...] = ()) -> str:
    lines = [f"# {note}" if note else "#" for note in notes]
    lines += ['msgid ""', 'msgstr ""']
    lines += [quote(f"{key}: {value}\n") for key, value in header.items()]
    for text in texts:
        lines.append("")
        lines += [f"#. {comment}" for comment in text.comments]
        lines += [f"#: {reference}" for reference in text.references]
        if text.fuzzy:
            lines.append("#, fuzzy")
        if text.previous is not None:
            lines += field_lines("msgid", text.previous, "#| ")
        lines += field_lines("msgctxt", text.context)
        lines += field_lines("msgid", text.msgid)
        lines += field_lines("msgstr", text.msgstr)
    return "\n".join(lines) + "\n"
