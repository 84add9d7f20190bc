"""The scene reader builds its values from the parser's events, naming a plain value's type
quickly: it gives the values, types and places PyYAML's own composer and safe constructor give,
for the shipped scenes and tables and the public YAML test suite's documents, and refuses
exactly what a scene never needs (anchors, tags, merge keys, keys that are not text or come
twice, a second document, deep nesting)."""

from __future__ import annotations

import pytest
import yaml

from conftest import ROOT, SHARED
from game.script import yamlread
from game.script.errors import SceneError
from game.script.yamlsafe import MAX_DEPTH

CASES = SHARED / "yaml-test-suite" / "cases"
PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null")}
LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])


class Refused(Exception):
    """What a scene never needs, found by the reference reader."""


def _reference(text: str, loader: type):
    """(value, line, column) trees from PyYAML's composer and safe constructor, raising
    Refused for what scenes may not hold, or PyYAML's own error."""
    documents = list(yaml.compose_all(text, Loader=loader))
    if len(documents) != 1 or documents[0] is None:
        raise Refused("not one document")
    if "&" in text and any(isinstance(t, yaml.AnchorToken) for t in yaml.scan(text, Loader=loader)):
        raise Refused("an anchor")
    seen: set[int] = set()
    constructor = yaml.constructor.SafeConstructor()

    def tree(node: yaml.Node, depth: int):
        if id(node) in seen or depth > MAX_DEPTH:
            raise Refused("an alias or too deep")
        seen.add(id(node))
        place = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.ScalarNode):
            if node.tag not in PLAIN_TAGS:
                raise Refused(node.tag)
            try:
                return (constructor.construct_object(node), *place)
            except Exception as exc:
                raise Refused("unreadable") from exc
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise Refused(node.tag)
            return ([tree(item, depth + 1) for item in node.value], *place)
        if node.tag != "tag:yaml.org,2002:map":
            raise Refused(node.tag)
        mapping = {}
        for key, value in node.value:
            key_tree = tree(key, depth + 1)
            if type(key_tree[0]) is not str or key_tree[0] in mapping:
                raise Refused("a key that is not text, or given twice")
            mapping[key_tree[0]] = (key_tree, tree(value, depth + 1))
        return (mapping, *place)

    return tree(documents[0], 0)


def _ours(text: str, loader: type):
    def tree(node):
        value = node.value
        if isinstance(value, dict):
            value = {name: (tree(key), tree(item)) for name, (key, item) in value.items()}
        elif isinstance(value, list):
            value = [tree(item) for item in value]
        return (value, node.where.line, node.where.col)

    return tree(yamlread.parse("x.yaml", text, loader))


def _files() -> list:
    files = sorted((ROOT / "scenes").rglob("*.yaml"))
    if CASES.is_dir():
        files += sorted(CASES.glob("*.yaml"))
    return files


@pytest.mark.parametrize("loader", LOADERS, ids=lambda loader: loader.__name__)
def test_tricky_plain_values_get_pyyamls_types(loader):
    text = "a: yes\nb: '1'\nc: 1.5e+3\nd: ~\ne: null\nf: hello\ng: -3\nh: .inf\ni: No\nj: ''\nk:\n"
    assert _ours(text, loader) == _reference(text, loader)
    values = {key: item[0] for key, (_, item) in _ours(text, loader)[0].items()}
    assert values == {
        "a": True, "b": "1", "c": 1500.0, "d": None, "e": None, "f": "hello", "g": -3,
        "h": float("inf"), "i": False, "j": "", "k": None,
    }  # fmt: skip


@pytest.mark.parametrize("loader", LOADERS, ids=lambda loader: loader.__name__)
@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_every_value_type_and_place_is_pyyamls(path, loader):
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        expected = _reference(text, loader)
    except (Refused, yaml.YAMLError):
        expected = None
    if expected is None:
        with pytest.raises(SceneError):
            _ours(text, loader)
    else:
        assert _ours(text, loader) == expected


def test_the_shipped_scenes_are_among_the_files_compared():
    assert len([p for p in _files() if p.is_relative_to(ROOT / "scenes")]) >= 9


@pytest.mark.parametrize("loader", LOADERS, ids=lambda loader: loader.__name__)
def test_which_problem_is_said_first_is_as_when_the_file_was_composed_whole(loader):
    """A YAML mistake anywhere first (it may be the cause), then a second document, then an
    anchor; a bad key rather than its value; every answer a located problem, never a crash."""

    def said(text: str) -> str:
        with pytest.raises(SceneError) as caught:
            yamlread.parse("x.yaml", text, loader)
        return str(caught.value)

    assert said("a: \x01") == "x.yaml:1:4: the character U+0001 is not allowed here; delete it"
    assert "quote" in said('id: x\nwhen: 2020-01-01\ntext: "unclosed\n')  # not the date
    assert said("a: 1\na: 2\n---\nb: 1").startswith("x.yaml:4:1: one scene per file")
    assert said("a: {b: 1, b: 2}\nc: &x 1").startswith("x.yaml:2:4: anchors and aliases")
    assert said("yes: {1: 2}").startswith("x.yaml:1:1: the key 'yes' reads as yes/no")
    assert said("a: 1\na: !!binary aGk=").startswith("x.yaml:2:1: 'a' is given twice")
    assert said("<<: {b: 1}") == "x.yaml:1:1: merge keys (<<) are not allowed"
    assert said("a: <<") == "x.yaml:1:4: the tag '!!merge' is not allowed"
