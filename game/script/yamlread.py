"""The part of reading a scene file that needs PyYAML (see :mod:`game.script.yamlsafe`): read
the text's events (libyaml's parser, in C where PyYAML has it), build :class:`Node` values from
them, and say what is wrong with a file PyYAML cannot read in words an author can act on.

The values are built from the parser's events, not from PyYAML's composed node tree: composing
makes a node object, and calls back into Python, for every value, and costs about three times
what reading the events does. Reading events never recurses, whatever the nesting, so depth is
checked as values are built; an anchor (``&name``) is seen on its event, even one that nothing
refers to (composing drops those without a word)."""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from game.script.errors import Problem, SceneError, Where
from game.script.yamlsafe import MAX_DEPTH, Node, shorten

try:  # libyaml is much faster; the pure-Python loader gives the same events.
    from yaml import CSafeLoader as _Base
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Base  # type: ignore[assignment]


#: PyYAML's resolver can name a plain value's type only from these first characters: one
#: starting with any other is text. (Checked once here: PyYAML's safe loaders have no
#: resolver for any first character, nor path resolvers, which reading events never applies.)
_TYPED_FIRST = frozenset(_Base.yaml_implicit_resolvers)
if None in _TYPED_FIRST or _Base.yaml_path_resolvers:  # pragma: no cover - a changed PyYAML
    raise ImportError("PyYAML's safe loader now has resolvers the scene reader does not follow")


_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
_MAP = "tag:yaml.org,2002:map"
_MERGE = "tag:yaml.org,2002:merge"
_SEQ = "tag:yaml.org,2002:seq"


def parse(path: str, text: str, loader: type | None = None) -> Node:
    """Parse one scene file's text; ``path`` is only used in messages. ``loader`` is PyYAML's
    safe loader to read it with (libyaml's where PyYAML has it)."""
    reader = None
    try:
        reader = (loader or _Base)(text)  # PyYAML's own reader checks the characters here
        return _Builder(path, reader).document()
    except yaml.MarkedYAMLError as exc:
        raise SceneError([syntax_problem(path, text, exc)]) from None
    except yaml.reader.ReaderError as exc:
        where = _char_where(path, text, exc.position)
        message = f"the character U+{exc.character:04X} is not allowed here; delete it"
        raise SceneError([Problem(where, message)]) from None
    except yaml.YAMLError as exc:
        raise SceneError([Problem(Where(path), f"YAML syntax: {exc}")]) from None
    finally:
        if reader is not None:
            reader.dispose()


def _char_where(path: str, text: str, offset: int) -> Where:
    """The line and column of the character at ``offset`` (counted in characters)."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Where(path, line, col)


def _yes_no_key(written: str) -> str:
    """Why a key like ``on:`` or ``yes:`` cannot be used, and what to write instead."""
    if written.lower() == "on":
        return (
            f"'{written}:' reads as yes/no in YAML, so it is not a key: "
            "use 'when:' (like 'when: start')"
        )
    return f"the key '{written}' reads as yes/no in YAML; put it in quotes"


def syntax_problem(path: str, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    """A YAML syntax error in plain words, at the place to fix (see :func:`_explain`)."""
    mark = exc.problem_mark or exc.context_mark
    try:
        explained = _explain(text.splitlines(), exc)
    except Exception:  # an explanation must never hide the error itself
        explained = None
    if explained is not None:
        (line, col), message = explained
        return Problem(Where(path, line, col), message)
    message = exc.problem or exc.context or "this is not valid YAML"
    return Problem(_where(path, mark), f"YAML syntax: {message}")


def _explain(lines: list[str], exc: yaml.MarkedYAMLError) -> tuple[tuple[int, int], str] | None:
    """((line, column), words) for the mistakes authors make; None for the rest. PyYAML's C
    and pure-Python readers word their errors differently: both are matched."""
    problem, context = exc.problem or "", exc.context or ""
    mark = exc.problem_mark
    if mark is None:
        return None
    row, col = mark.line, mark.column

    def line(at: int) -> str:
        return lines[at] if 0 <= at < len(lines) else ""

    here = line(row)
    # A tab where YAML wants spaces.
    if "tab" in problem or "\\t" in problem or here[col : col + 1] == "\t":
        tab = here.find("\t")
        where = (row + 1, tab + 1 if tab >= 0 else col + 1)
        return where, "indent with spaces, not a tab"
    # 'text:Tap': a key's colon needs a space after it.
    if "could not find expected ':'" in problem and exc.context_mark is not None:
        row, col = exc.context_mark.line, exc.context_mark.column
        return (row + 1, col + 1), _needs_colon_space(line(row)[col:])
    # 'text: Remember: wash your hands': the second ': ' would start another key.
    if problem.startswith("mapping values are not allowed"):
        value = _value_start(here, col)
        if value is not None:
            key, words = here[:value].rstrip(), here[value:].rstrip()
            return (row + 1, value + 1), (
                f"put the text in quotes: {key.strip()} {_quoted(words)} "
                "(a colon and a space inside text need quotes)"
            )
        above = _previous(lines, row)
        if above is not None and re.search(r"^\s*(- +)?[\w.@]+:[^\s:]", line(above)):
            start = len(line(above)) - len(line(above).lstrip(" -"))
            return (above + 1, start + 1), _needs_colon_space(line(above)[start:])
        if above is not None and ":" not in line(above):  # 'title A hunt'
            start = len(line(above)) - len(line(above).lstrip(" -"))
            return (above + 1, start + 1), _needs_colon_space(line(above)[start:])
        if above is not None and _indent(here) > _indent(line(above)):
            return (row + 1, _indent(here) + 1), (
                "this line is indented more than the one above: "
                "line up its key with the keys above it"
            )
        return None
    # '"Tap" the cell' or 'it's': text after the quotes that should hold all of it.
    if ("expected key" in problem or "but found '<scalar>'" in problem) and col > 0:
        value = _value_start(here, col)
        if value is not None and here[value] in "'\"" and value < col:
            words = here[value:].rstrip()
            inner = words[1:-1] if len(words) > 1 and words[-1] == words[0] else words
            if words[0] == "'":
                return (row + 1, value + 1), (
                    f"an apostrophe ends text that starts with ': write "
                    f"{here[:value].strip()} {_quoted(inner)}"
                )
            return (row + 1, value + 1), (
                f"the quotes must hold the whole text: write {here[:value].strip()} "
                f"{_quoted(words)}"
            )
    # A line out of step with the lines above.
    if "block mapping" in context and ("expected key" in problem or "block end" in problem):
        return (row + 1, col + 1), (
            "this line does not line up with the keys above it: "
            "start it with the same number of spaces"
        )
    if "block collection" in context:
        return (row + 1, col + 1), (
            "this line does not line up with the list above it: each item starts with '- ' "
            "under the one before, and its keys line up under the first"
        )
    # A quote never closed.
    if "quoted scalar" in context and "end of stream" in problem and exc.context_mark:
        start = exc.context_mark
        quote = line(start.line)[start.column : start.column + 1] or '"'
        return (start.line + 1, start.column + 1), (
            f"this text's quote ({quote}) is never closed: end the text with {quote}"
        )
    # A list or mapping in brackets never closed: said at the end, where YAML gave up.
    if "flow sequence" in context or "flow mapping" in context:
        opened = exc.context_mark
        if opened is None:
            return None
        bracket = line(opened.line)[opened.column : opened.column + 1] or "["
        closing = {"[": "]", "{": "}"}.get(bracket, "]")
        return (row + 1, col + 1), (
            f"YAML syntax: the '{bracket}' at line {opened.line + 1}, column "
            f"{opened.column + 1} is never closed: end it with '{closing}'"
        )
    # A text starting with a sign YAML keeps for itself: '@', '`', '*' (and '%' at the start).
    if "cannot start any token" in problem or "undefined alias" in problem:
        value = _value_start(here, col + 1) if col else None
        sign = here[col : col + 1]
        if value is not None and value == col:
            return (row + 1, col + 1), (
                f"a text cannot start with '{sign}': put it in quotes: "
                f"{here[:value].strip()} {_quoted(here[value:].rstrip())}"
            )
    return None


def _value_start(line: str, before: int) -> int | None:
    """Where the value of ``key: value`` on ``line`` starts, when its key's ': ' comes before
    column ``before`` (counted from 0); None when the line has no such key."""
    match = re.match(r"\s*(?:- +)*[^\s\"'#][^:#]*?:( +)", line)
    if match is None or match.end() > before:
        return None
    return match.end()


def _needs_colon_space(written: str) -> str:
    written = written.rstrip()
    key, colon, rest = written.partition(":")
    if colon and rest and not rest[0].isspace():
        fixed = f"{key}: {rest}"
        return f"put a space after the colon: {shorten(fixed, 60)[1:-1]}"
    first, _, rest = written.partition(" ")
    if not colon and rest.strip() and re.fullmatch(r"-?[\w.@]+", first):  # 'title A hunt'
        return f"put a colon and a space after the key: {shorten(f'{first}: {rest}', 60)[1:-1]}"
    return f"a key needs a colon and a space after it, like 'text: Hello' (not {shorten(written)})"


def _quoted(words: str) -> str:
    """``words`` in the quotes YAML needs, as an author would type them."""
    if '"' in words and "'" not in words:
        return f"'{words}'"
    return '"' + words.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _previous(lines: list[str], row: int) -> int | None:
    """The nearest line above ``row`` with something on it."""
    for at in range(row - 1, -1, -1):
        if lines[at].strip() and not lines[at].lstrip().startswith("#"):
            return at
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _tag_name(tag: str) -> str:
    """A tag as an author wrote it: '!!python/object', not 'tag:yaml.org,2002:python/object'."""
    return shorten(tag.replace("tag:yaml.org,2002:", "!!"))


def _where(path: str, mark: Any) -> Where:
    if mark is None:
        return Where(path)
    return Where(path, mark.line + 1, mark.column + 1)


# A scene file has hundreds of values: they are made with tuple.__new__, which skips the named
# tuples' own argument handling (a good part of the builder's time).
_tuple = tuple.__new__

_ANCHORS = "anchors and aliases (& and *) are not allowed"  # (an author meant text, mostly)
_SECOND = "one scene per file: remove the second document"


class _Builder:
    """Builds :class:`Node` values from one file's events, refusing what scenes never need: a
    second document, anchors and aliases, tags other than the plain ones, merge keys, keys
    given twice or that are not text, and nesting deeper than :data:`MAX_DEPTH`.

    As when the whole file was composed first, a YAML mistake anywhere in the file is said
    before any of these (it may be their cause), then a second document; only an anchor or an
    alias is said where it is met."""

    def __init__(self, path: str, reader: Any) -> None:
        self.path = path
        self.next = reader.get_event
        self.resolve = reader.resolve
        #: The tag of each plain (unquoted) value PyYAML's resolver named so far: a file says
        #: 'text' and 'when' many times, and the resolver tries a pattern or two each time.
        self.plain: dict[str, str] = {}
        self.scalars = yaml.constructor.SafeConstructor()
        self._readers()

    def document(self) -> Node:
        self.next()  # the stream starts
        if type(self.next()) is StreamEndEvent:  # no document at all
            message = "the file is empty; a scene starts with 'id:'"
            raise SceneError([Problem(Where(self.path), message)])
        try:
            root = self.value(self.next(), 0)
            problems = None
        except _AtOnce:
            raise
        except SceneError as found:
            problems = found.problems
        second = self._rest()  # a YAML mistake further on is raised: said first
        if second is not None:  # then a second document
            raise SceneError([Problem(second, _SECOND)])
        if problems is not None:
            raise SceneError(problems)
        return root

    def _rest(self) -> Where | None:
        """Read the rest of the file: its YAML mistakes, anchors and aliases are raised (said
        before anything else, as before any value was built); where a second document starts,
        if one does."""
        second, starting = None, False
        while (kind := type(event := self.next())) is not StreamEndEvent:
            if kind is AliasEvent or getattr(event, "anchor", None) is not None:
                self._checked(event, _where(self.path, event.start_mark), 0)  # raises
            if starting:  # the second document's first value
                second, starting = _where(self.path, event.start_mark), False
            if kind is DocumentStartEvent and second is None:
                starting = True
        return second

    def _readers(self) -> None:
        """``self.value(event, depth)``: the value whose first event is ``event``, read to its
        end (``self.items`` and ``self.pairs`` read a list's and a mapping's, after its first).

        The loop every value of every file goes through, so these are functions over local
        names (methods, looking up ``self``'s attributes for each value, take a third longer):
        text, lists and mappings are made here; the rest is checked by :meth:`_checked`."""
        path, read, plain, checked = self.path, self.next, self.plain, self._checked
        typed, skip = _TYPED_FIRST, self._skip

        def value(event: Any, depth: int) -> Node:
            mark = event.start_mark
            where = _tuple(Where, (path, mark.line + 1, mark.column + 1))
            kind = type(event)
            if event.anchor is not None or event.tag is not None or depth > MAX_DEPTH:
                return checked(event, where, depth)
            if kind is ScalarEvent:
                # In quotes it is text; plain, it is text when its first character starts no
                # number, yes/no, null or date, or when the same words were text before.
                text = event.value
                if (
                    not event.implicit[0]
                    or (text and text[0] not in typed)
                    or plain.get(text) == _STR
                ):
                    return _tuple(Node, (text, where))
                return checked(event, where, depth)
            if kind is SequenceStartEvent:
                return items(where, depth + 1)
            if kind is MappingStartEvent:
                return pairs(where, depth + 1)
            return checked(event, where, depth)

        def items(where: Where, depth: int) -> Node:
            found = []
            event = read()
            while type(event) is not SequenceEndEvent:
                found.append(value(event, depth))
                event = read()
            return _tuple(Node, (found, where))

        def pairs(where: Where, depth: int) -> Node:
            mapping: dict[str, tuple[Node, Node]] = {}
            problems = []
            event = read()
            while type(event) is not MappingEndEvent:
                if type(event) is ScalarEvent and (
                    event.tag == _MERGE
                    or (event.value == "<<" and event.tag is None and event.implicit[0])
                ):
                    merge = _where(self.path, event.start_mark)
                    raise SceneError([Problem(merge, "merge keys (<<) are not allowed")])
                key = value(event, depth)
                name = key.value
                if type(name) is str and name not in mapping:  # most keys
                    mapping[name] = (key, value(read(), depth))
                else:  # its value is not read: the key is the mistake to say
                    problems.append(_key_problem(key, event, mapping))
                    skip(read())
                event = read()
            if problems:
                raise SceneError(problems)
            return _tuple(Node, (mapping, where))

        self.value, self.items, self.pairs = value, items, pairs

    def _skip(self, event: Any) -> None:
        """Read past the value whose first event is ``event``, building nothing."""
        depth = 1 if type(event) in (SequenceStartEvent, MappingStartEvent) else 0
        while depth:
            kind = type(self.next())
            if kind in (SequenceStartEvent, MappingStartEvent):
                depth += 1
            elif kind in (SequenceEndEvent, MappingEndEvent):
                depth -= 1

    def _checked(self, event: Any, where: Where, depth: int) -> Node:
        """A value that is not simply text, a list or a mapping: a tag, an anchor, an alias,
        too deep, or a plain value not met before (a number, yes/no, nothing, or text)."""
        kind = type(event)
        if kind is AliasEvent:  # never defined: every anchor is refused before its aliases
            raise yaml.composer.ComposerError(
                None, None, f"found undefined alias {event.anchor!r}", event.start_mark
            )
        if event.anchor is not None:
            message = _ANCHORS + "; a text that starts with & or * must be in quotes"
            raise _AtOnce([Problem(where, message)])
        if depth > MAX_DEPTH:
            raise SceneError([Problem(where, f"nested more than {MAX_DEPTH} levels deep")])
        tag = event.tag
        if kind is ScalarEvent:
            if tag is None:  # plain: PyYAML's resolver names its type
                tag = self.plain.get(event.value)
                if tag is None:
                    tag = self.resolve(yaml.ScalarNode, event.value, event.implicit)
                    self.plain[event.value] = tag
            elif tag == "!":
                tag = self.resolve(yaml.ScalarNode, event.value, event.implicit)
            if tag == _STR:
                return _tuple(Node, (event.value, where))
            return self._scalar(event, tag, where)
        # A list or mapping with a tag ('!' says none): anchors and depth were refused above.
        expected = _SEQ if kind is SequenceStartEvent else _MAP
        if tag not in (expected, "!"):
            raise SceneError([Problem(where, f"the tag {_tag_name(tag)} is not allowed")])
        return (self.items if kind is SequenceStartEvent else self.pairs)(where, depth + 1)

    def _scalar(self, event: ScalarEvent, tag: str, where: Where) -> Node:
        if tag not in _SCALAR_TAGS:
            raise SceneError([Problem(where, f"the tag {_tag_name(tag)} is not allowed")])
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
        try:
            return Node(self.scalars.construct_object(node), where)
        except (yaml.YAMLError, ValueError, OverflowError, KeyError, IndexError, TypeError):
            # PyYAML's own readers fail with KeyError ('!!bool maybe') or IndexError
            # ('!!int ""') on values its resolver would never have given that tag.
            message = f"cannot read {shorten(event.value)} as {_tag_name(tag)}"
            raise SceneError([Problem(where, message)]) from None


def _key_problem(key: Node, event: Any, mapping: dict[str, tuple[Node, Node]]) -> Problem:
    """Why ``key`` (read from ``event``) cannot be a key of ``mapping``."""
    name = key.value
    if isinstance(name, bool):
        return Problem(key.where, _yes_no_key(event.value))
    if not isinstance(name, str):
        return Problem(key.where, f"a key must be text, not {key.kind}")
    first = mapping[name][0].where
    return Problem(key.where, f"'{name}' is given twice (first at line {first.line})")


class _AtOnce(SceneError):
    """An anchor: said where it is met, as the scan for anchors did before any reading."""
