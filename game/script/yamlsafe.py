"""Read a scene file into plain values that remember where they came from.

PyYAML composes the file into a node tree (no Python objects are ever constructed from tags, so
``!!python/...`` cannot run code); this module turns that tree into :class:`Node` values and
refuses anything a scene never needs: more than one document, anchors and aliases (which also stops
alias bombs), unknown tags, duplicate keys, non-text keys, deep nesting and large files. Every
refusal is a :class:`~game.script.errors.SceneError` with a place, never another exception.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from game.script.errors import Problem, SceneError, Where

try:  # libyaml is much faster; the pure-Python loader gives the same nodes.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 256 * 1024
MAX_DEPTH = 32

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


@dataclass(frozen=True)
class Node:
    """A value from the file and where it starts. ``value`` is a str, int, float, bool, None,
    a ``dict[str, tuple[Node, Node]]`` (key node, value node) or a ``list[Node]``."""

    value: Any
    where: Where

    @property
    def kind(self) -> str:
        """How an author would name the type: 'text', 'number', 'mapping', 'list'..."""
        return kind_name(self.value)


def kind_name(value: Any) -> str:
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    return "nothing"


def read_limited(path: Path, label: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file (links followed), never more than ``limit`` plus one.

    FIFOs, devices and folders are refused rather than read: a FIFO would wait forever and
    ``/dev/zero`` never ends. The file is opened without blocking and checked after opening,
    so nothing swapped in between a check and the open can hang the reader."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise SceneError([Problem(Where(label), f"cannot read the file: {_reason(exc)}")]) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            what = "a folder" if stat.S_ISDIR(info.st_mode) else "a pipe or device"
            message = f"this is {what}, not a file; only plain files are read"
            raise SceneError([Problem(Where(label), message)])
        if info.st_size > limit:
            raise SceneError([Problem(Where(label), _too_large(info.st_size, limit))])
        with os.fdopen(fd, "rb", closefd=False) as file:
            data = file.read(limit + 1)
    except OSError as exc:
        message = f"cannot read the file: {_reason(exc)}"
        raise SceneError([Problem(Where(label), message)]) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise SceneError([Problem(Where(label), _too_large(len(data), limit))])
    return data


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _too_large(size: int, limit: int) -> str:
    return f"the file is {size // 1024} KB; a scene file is at most {limit // 1024} KB"


def read_scene_yaml(path: str, data: bytes) -> Node:
    """Parse one scene file's bytes; ``path`` is only used in messages."""
    text = _decode(path, data)
    _check_depth(path, text)
    try:
        documents = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = exc.problem or exc.context or "this is not valid YAML"
        raise SceneError([Problem(_where(path, mark), f"YAML syntax: {message}")]) from None
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
    return _Converter(path).convert(documents[0])


def shorten(text: str, limit: int = 40) -> str:
    """Quote an author's text for a message, cut to a readable length."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def show_number(value: int | float) -> str:
    """A number for a message, cut to a readable length: a 4,000-digit whole number is too
    long to read and longer than Python will turn into text."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**15:
        digits = int(value.bit_length() * 0.30103) + 1
        return f"{'-' if value < 0 else ''}a number of about {digits} digits"
    return str(value)


def _decode(path: str, data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise SceneError([Problem(Where(path), _too_large(len(data), MAX_BYTES))])
    if b"\0" in data:
        raise SceneError(
            [
                Problem(
                    _byte_where(path, data, data.index(b"\0")),
                    "this is not a text file (it holds a NUL byte)",
                )
            ]
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SceneError(
            [
                Problem(
                    _byte_where(path, data, exc.start),
                    "this is not UTF-8 text; save the file as UTF-8",
                )
            ]
        ) from None
    return text


def _byte_where(path: str, data: bytes, offset: int) -> Where:
    before = data[:offset]
    line = before.count(b"\n") + 1
    col = offset - (before.rfind(b"\n") + 1) + 1
    return Where(path, line, col)


def _char_where(path: str, text: str, offset: int) -> Where:
    """The line and column of the character at ``offset`` (counted in characters)."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Where(path, line, col)


def _check_depth(path: str, text: str) -> None:
    """Refuse deep nesting before composing, which recurses once per level."""
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
    except yaml.YAMLError:
        return  # compose reports the syntax error with its place


def _tag_name(tag: str) -> str:
    """A tag as an author wrote it: '!!python/object', not 'tag:yaml.org,2002:python/object'."""
    return shorten(tag.replace("tag:yaml.org,2002:", "!!"))


def _where(path: str, mark: Any) -> Where:
    if mark is None:
        return Where(path)
    return Where(path, mark.line + 1, mark.column + 1)


class _Converter:
    """Turns one composed document into :class:`Node` values, refusing what scenes never need."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.seen: set[int] = set()
        self.scalars = yaml.constructor.SafeConstructor()

    def convert(self, node: yaml.Node) -> Node:
        where = _where(self.path, node.start_mark)
        if id(node) in self.seen or getattr(node, "anchor", None):
            raise SceneError([Problem(where, "anchors and aliases (& and *) are not allowed")])
        self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, where)
        if isinstance(node, yaml.SequenceNode):
            self._expect_tag(node, _SEQ, where)
            return Node([self.convert(item) for item in node.value], where)
        self._expect_tag(node, _MAP, where)
        return self._mapping(node, where)

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

    def _mapping(self, node: yaml.MappingNode, where: Where) -> Node:
        mapping: dict[str, tuple[Node, Node]] = {}
        problems = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                where = _where(self.path, key_node.start_mark)
                raise SceneError([Problem(where, "merge keys (<<) are not allowed")])
            key = self.convert(key_node)
            if isinstance(key.value, bool):
                problems.append(
                    Problem(
                        key.where,
                        f"the key '{key_node.value}' reads as yes/no in YAML; put it in quotes",
                    )
                )
                continue
            if not isinstance(key.value, str):
                problems.append(Problem(key.where, f"a key must be text, not {key.kind}"))
                continue
            if key.value in mapping:
                first = mapping[key.value][0].where
                problems.append(
                    Problem(key.where, f"'{key.value}' is given twice (first at line {first.line})")
                )
                continue
            mapping[key.value] = (key, self.convert(value_node))
        if problems:
            raise SceneError(problems)
        return Node(mapping, where)
