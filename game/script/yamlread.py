"""The part of reading a scene file that needs PyYAML (see :mod:`game.script.yamlsafe`): compose
the text into PyYAML's nodes, turn them into :class:`Node` values, and say what is wrong with a
file PyYAML cannot read in words an author can act on."""

from __future__ import annotations

import re
from typing import Any

import yaml

from game.script.errors import Problem, SceneError, Where
from game.script.yamlsafe import MAX_DEPTH, Node, shorten

try:  # libyaml is much faster; the pure-Python loader gives the same nodes.
    from yaml import CSafeLoader as _Base
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Base  # type: ignore[assignment]


class _Loader(_Base):  # type: ignore[misc,valid-type]
    """PyYAML's safe loader, naming a plain value's type sooner: one whose first character
    starts no number, yes/no, null or date is text at once, without trying each of PyYAML's
    patterns (the same tags: ``test_yamlsafe.py``). It follows no paths (SafeLoader has none)."""

    #: Only while no pattern may match any first character and no paths are followed.
    _QUICK = None not in _Base.yaml_implicit_resolvers and not _Base.yaml_path_resolvers

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if (
            kind is yaml.ScalarNode
            and value
            and self._QUICK
            and value[0] not in self.yaml_implicit_resolvers
        ):
            return _STR
        return super().resolve(kind, value, implicit)

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        if not self._QUICK:
            super().descend_resolver(current_node, current_index)

    def ascend_resolver(self) -> None:
        if not self._QUICK:
            super().ascend_resolver()


def _libyaml_stops_deep_nesting() -> bool:
    """Whether files are composed by a libyaml that refuses deep nesting itself (0.2.5 on)."""
    if _Base is not getattr(yaml, "CSafeLoader", None):
        return False
    try:
        from yaml import _yaml

        return tuple(_yaml.get_version()) >= (0, 2, 5)
    except (ImportError, AttributeError, TypeError):  # pragma: no cover - how PyYAML was built
        return False


_LIBYAML_STOPS_DEEP_NESTING = _libyaml_stops_deep_nesting()

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
_OPENERS = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
_CLOSERS = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


def parse(path: str, text: str) -> Node:
    """Parse one scene file's text; ``path`` is only used in messages."""
    if not _LIBYAML_STOPS_DEEP_NESTING or "&" in text:
        # libyaml 0.2.5 and later stops at 1,000 levels by itself and the converter at
        # MAX_DEPTH; PyYAML's own (Python) composer, or an older libyaml, would recurse first.
        # An '&' may be an anchor composing drops.
        _check_depth(path, text)
    try:
        documents = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        raise SceneError([syntax_problem(path, text, exc)]) from None
    except yaml.reader.ReaderError as exc:
        where = _char_where(path, text, exc.position)
        message = f"the character U+{exc.character:04X} is not allowed here; delete it"
        raise SceneError([Problem(where, message)]) from None
    except yaml.YAMLError as exc:
        raise SceneError([Problem(Where(path), f"YAML syntax: {exc}")]) from None
    if not documents or documents[0] is None:
        raise SceneError([Problem(Where(path), "the file is empty; a scene starts with 'id:'")])
    if len(documents) > 1:
        second = documents[1]
        where = _where(path, second.start_mark) if second is not None else Where(path)
        raise SceneError([Problem(where, "one scene per file: remove the second document")])
    # With no '&', there is no anchor, so no alias: no node can be met twice.
    return _Converter(path, shared="&" in text).convert(documents[0])


def _char_where(path: str, text: str, offset: int) -> Where:
    """The line and column of the character at ``offset`` (counted in characters)."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Where(path, line, col)


def _check_depth(path: str, text: str) -> None:
    """Refuse deep nesting before composing, which recurses once per level, and anchors
    (``&name``), which composing would drop without a word when nothing refers to them."""
    depth = 0
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, _OPENERS):
                depth += 1
                if depth > MAX_DEPTH:
                    raise SceneError(
                        [
                            Problem(
                                _where(path, token.start_mark),
                                f"nested more than {MAX_DEPTH} levels deep",
                            )
                        ]
                    )
            elif isinstance(token, _CLOSERS):
                depth -= 1
            elif isinstance(token, yaml.AnchorToken):  # composing drops an unused '&name'
                message = (
                    "anchors and aliases (& and *) are not allowed; "
                    "a text that starts with & or * must be in quotes"
                )
                raise SceneError([Problem(_where(path, token.start_mark), message)])
    except yaml.YAMLError:
        return  # compose reports the syntax error with its place


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
# tuples' own argument handling (a good part of the converter's time).
_tuple = tuple.__new__


class _Converter:
    """Turns one composed document into :class:`Node` values, refusing what scenes never need."""

    def __init__(self, path: str, shared: bool = True) -> None:
        self.path = path
        #: The nodes met so far, when a node may be met twice (an alias of an anchor).
        self.seen: set[int] | None = set() if shared else None
        self.scalars = yaml.constructor.SafeConstructor()

    def convert(self, node: yaml.Node, depth: int = 0) -> Node:
        mark = node.start_mark
        if mark is None:
            where = Where(self.path)
        else:
            where = _tuple(Where, (self.path, mark.line + 1, mark.column + 1))
        if depth > MAX_DEPTH:
            raise SceneError([Problem(where, f"nested more than {MAX_DEPTH} levels deep")])
        if self.seen is not None:
            if id(node) in self.seen or getattr(node, "anchor", None):
                message = "anchors and aliases (& and *) are not allowed"
                if isinstance(node, yaml.ScalarNode):
                    message += "; a text that starts with & or * must be in quotes"
                raise SceneError([Problem(where, message)])
            self.seen.add(id(node))
        if type(node) is yaml.ScalarNode and node.tag == _STR:  # most values: nothing to check
            return _tuple(Node, (node.value, where))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, where)
        if isinstance(node, yaml.SequenceNode):
            self._expect_tag(node, _SEQ, where)
            return _tuple(Node, ([self.convert(item, depth + 1) for item in node.value], where))
        self._expect_tag(node, _MAP, where)
        return self._mapping(node, where, depth)

    def _expect_tag(self, node: yaml.Node, tag: str, where: Where) -> None:
        if node.tag != tag:
            raise SceneError([Problem(where, f"the tag {_tag_name(node.tag)} is not allowed")])

    def _scalar(self, node: yaml.ScalarNode, where: Where) -> Node:
        if node.tag not in _SCALAR_TAGS:
            raise SceneError([Problem(where, f"the tag {_tag_name(node.tag)} is not allowed")])
        if node.tag == _STR:
            return Node(node.value, where)
        try:
            return Node(self.scalars.construct_object(node), where)
        except (yaml.YAMLError, ValueError, OverflowError, KeyError, IndexError, TypeError):
            # PyYAML's own readers fail with KeyError ('!!bool maybe') or IndexError
            # ('!!int ""') on values its resolver would never have given that tag.
            message = f"cannot read {shorten(node.value)} as {_tag_name(node.tag)}"
            raise SceneError([Problem(where, message)]) from None

    def _mapping(self, node: yaml.MappingNode, where: Where, depth: int) -> Node:
        mapping: dict[str, tuple[Node, Node]] = {}
        problems = []
        convert = self.convert
        depth += 1
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                where = _where(self.path, key_node.start_mark)
                raise SceneError([Problem(where, "merge keys (<<) are not allowed")])
            key = convert(key_node, depth)
            name = key.value
            if isinstance(name, bool):
                problems.append(Problem(key.where, _yes_no_key(key_node.value)))
                continue
            if not isinstance(name, str):
                problems.append(Problem(key.where, f"a key must be text, not {key.kind}"))
                continue
            if name in mapping:
                first = mapping[name][0].where
                problems.append(
                    Problem(key.where, f"'{name}' is given twice (first at line {first.line})")
                )
                continue
            mapping[name] = (key, convert(value_node, depth))
        if problems:
            raise SceneError(problems)
        return _tuple(Node, (mapping, where))
