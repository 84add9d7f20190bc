"""Read a scene file into plain values that remember where they came from.

PyYAML's safe parser reads the file into events (no Python objects are ever constructed from
tags, so ``!!python/...`` cannot run code); :mod:`game.script.yamlread` builds :class:`Node`
values from them and refuses anything a scene never needs: more than one document, anchors
and aliases (which also stops alias bombs), unknown tags, duplicate keys, non-text keys, deep
nesting and large files. Every refusal is a :class:`~game.script.errors.SceneError` with a
place, never another exception.

This module is what the rest of the game needs of it (the values, reading a file's bytes
safely, quoting an author's words); PyYAML itself is imported only when a file is read
(``read_scene_yaml``), so a launch that finds its story in the start cache never imports it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any, NamedTuple

from game.script.errors import Problem, SceneError, Where

MAX_BYTES = 256 * 1024
MAX_DEPTH = 32


class Node(NamedTuple):
    """A value from the file and where it starts. ``value`` is a str, int, float, bool, None,
    a ``dict[str, tuple[Node, Node]]`` (key node, value node) or a ``list[Node]``. (A named
    tuple: a file has hundreds of values, made quickest this way.)"""

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
    from game.script.yamlread import parse  # PyYAML, only now a file is read

    return parse(path, text)


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
    wide = _wide_encoding(data)
    if wide is not None:
        message = f"this file is saved as {wide}; save it as UTF-8 (in Notepad: Save as, UTF-8)"
        raise SceneError([Problem(Where(path), message)])
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
    start = before.rfind(b"\n") + 1
    # The column counts characters, as an editor does: the bytes before ``offset`` on its
    # line are UTF-8 (the first bad byte is at ``offset``), so 'é' counts once.
    col = len(data[start:offset].decode("utf-8", errors="replace")) + 1
    return Where(path, line, col)


_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def _wide_encoding(data: bytes) -> str | None:
    """'UTF-16' or 'UTF-32' when the file is text saved in that encoding (Notepad's "Unicode"),
    with or without a byte-order mark; None otherwise."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    if b"\0" not in data[:64]:
        return None
    for encoding, name in (
        ("utf-32-le", "UTF-32"),
        ("utf-32-be", "UTF-32"),
        ("utf-16-le", "UTF-16"),
        ("utf-16-be", "UTF-16"),
    ):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # Mostly ASCII letters and punctuation, and no NUL: text, not bytes read in pairs.
        plain = sum(1 for char in text if " " <= char < "\x7f" or char in "\t\r\n")
        if text and "\0" not in text and plain >= 0.8 * len(text):
            return name
    return None
