"""The public YAML test suite's 402 documents, each fed to the scene loader as a scene file:
the answer is always a scene or a SceneError with a place, never another exception."""

from __future__ import annotations

import pytest

from conftest import ROOT, SHARED
from game.script.errors import SceneError
from game.script.schema import parse_scene

CASES = SHARED / "yaml-test-suite" / "cases"
FILES = sorted(CASES.glob("*.yaml")) if CASES.is_dir() else []
#: The suite's documents are not part of this project: they sit in a folder beside it.
NOT_HERE = (
    f"the public YAML test suite's documents are not on this machine (looked in {CASES}; "
    "they are one file per case from github.com/yaml/yaml-test-suite, branch 'data')"
)


@pytest.mark.skipif(not FILES, reason=NOT_HERE)
def test_every_yaml_suite_document_gets_a_scene_or_a_located_error():
    assert len(FILES) == 402
    outcomes = {"scene": 0, "error": 0}
    for path in FILES:
        try:
            parse_scene(path.name, path.read_bytes(), ROOT / "assets")
            outcomes["scene"] += 1
        except SceneError as exc:
            assert exc.problems, path.name
            for problem in exc.problems:
                assert problem.where.path == path.name
                assert problem.where.line >= 1 and problem.where.col >= 1
            outcomes["error"] += 1
    assert outcomes["error"] == 402  # none of them is a T-Cell Hero scene


@pytest.mark.skipif(not FILES, reason=NOT_HERE)
def test_documents_that_must_fail_are_reported_as_yaml_problems():
    for path in (p for p in FILES if p.name.endswith(".error.yaml")):
        with pytest.raises(SceneError):
            parse_scene(path.name, path.read_bytes(), ROOT / "assets")
