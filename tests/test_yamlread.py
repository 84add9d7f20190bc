"""The scene reader's quicker way of naming a plain value's type gives PyYAML's own tags for
every value: the shipped scenes and tables, and the public YAML test suite's documents."""

from __future__ import annotations

import pytest
import yaml

from conftest import ROOT, SHARED
from game.script import yamlread

CASES = SHARED / "yaml-test-suite" / "cases"


def _tree(node: yaml.Node | None):
    if node is None:
        return None
    if isinstance(node, yaml.ScalarNode):
        return (node.tag, node.value, node.start_mark.line, node.start_mark.column)
    if isinstance(node, yaml.SequenceNode):
        return (node.tag, [_tree(item) for item in node.value])
    return (node.tag, [(_tree(key), _tree(value)) for key, value in node.value])


def _composed(text: str, loader: type) -> list:
    try:
        return [_tree(doc) for doc in yaml.compose_all(text, Loader=loader)]
    except yaml.YAMLError as exc:
        return [type(exc).__name__, str(exc)]


def _files() -> list:
    files = sorted((ROOT / "scenes").rglob("*.yaml"))
    if CASES.is_dir():
        files += sorted(CASES.glob("*.yaml"))
    return files


def test_the_quick_loader_is_pyyamls_safe_loader_with_the_same_tags():
    assert issubclass(yamlread._Loader, yamlread._Base)
    assert yamlread._Loader._QUICK  # PyYAML's safe loader has no wildcard or path resolvers
    tricky = "a: yes\nb: '1'\nc: 1.5e3\nd: ~\ne: null\nf: 2026-12-01\ng: hello\nh: -3\ni: .inf\n"
    assert _composed(tricky, yamlread._Loader) == _composed(tricky, yamlread._Base)


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_every_value_gets_the_tag_pyyaml_gives_it(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    assert _composed(text, yamlread._Loader) == _composed(text, yamlread._Base)
