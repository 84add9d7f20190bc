"""Fuzzing the scene loader: whatever a scene file holds, the answer is a scene or a SceneError
whose every problem says where (file, line and column), never another exception.

Two sources: documents hypothesis builds from scene-shaped pieces, and the shipped scenes with
random damage (lines dropped, doubled or cut, indentation shifted, values replaced, bytes
inserted), the way a hand-edited file goes wrong."""

from __future__ import annotations

import os

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from game import resources
from game.script.errors import SceneError
from game.script.model import Scene
from game.script.schema import parse_scene

LABEL = "fuzz.yaml"
SHIPPED = [path.read_text(encoding="utf-8") for path in resources.shipped_scene_files()]
#: Examples a fuzz test tries: 150 in every run; ``T_CELL_HERO_FUZZ_EXAMPLES=10000`` for a long
#: run before a release (see README, "Reliability").
EXAMPLES = int(os.environ.get("T_CELL_HERO_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

KEYS = [
    "version",
    "id",
    "title",
    "icon",
    "activity",
    "name",
    "background",
    "next",
    "optional",
    "actors",
    "kind",
    "count",
    "markers",
    "car",
    "player",
    "size",
    "place",
    "at",
    "area",
    "drift",
    "style",
    "speed",
    "detail",
    "lines",
    "text",
    "fact",
    "little",
    "older",
    "goals",
    "when",
    "marker",
    "goal",
    "triggers",
    "say",
    "sound",
    "after",
    "help",
    "choices",
    "options",
    "keep",
    "right",
    "picture",
    "colour",
    "ask",
]
WORDS = ["hunt", "hero", "t_cell", "leukemia_cell", "cd19", "yes", "no", "1", "-3", "F7", "~"]


def answer(data: bytes) -> str:
    """'scene' or 'error', after checking that every problem is located in this file."""
    try:
        scene = parse_scene(LABEL, data, ROOT / "assets")
    except SceneError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.where.path == LABEL
            assert problem.where.line >= 1 and problem.where.col >= 1
            assert problem.message.strip()
        return "error"
    assert isinstance(scene, Scene)
    return "scene"


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(WORDS),
    st.text(max_size=30),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), inner, max_size=6),
    ),
    max_leaves=40,
)
documents = st.dictionaries(st.sampled_from(KEYS), values, max_size=10)


@pytest.mark.slow  # 150 generated documents, each loaded and checked
@FUZZ
@given(documents)
def test_generated_scene_documents_get_a_scene_or_a_located_error(document):
    text = yaml.safe_dump(document, allow_unicode=True)
    assert answer(text.encode("utf-8")) in ("scene", "error")


@pytest.mark.slow  # 150 whole shipped scenes with generated parts, each loaded and checked
@FUZZ
@given(documents, st.sampled_from(SHIPPED))
def test_shipped_scenes_with_generated_parts_merged_in(document, shipped):
    merged = {**yaml.safe_load(shipped), **document}
    assert answer(yaml.safe_dump(merged, allow_unicode=True).encode("utf-8")) in (
        "scene",
        "error",
    )


@st.composite
def damaged(
    draw, texts: list[str] | None = None, words: list[str] | None = None, extra: tuple = ()
) -> bytes:
    """A shipped file (default: a scene) with one to four kinds of damage; ``words`` and
    ``extra`` are the values a damaged ``key: value`` may get besides random text."""
    lines = draw(st.sampled_from(texts or SHIPPED)).splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        kind = draw(
            st.sampled_from(["drop", "double", "indent", "dedent", "value", "cut", "insert"])
        )
        line = lines[at]
        if kind == "drop":
            del lines[at]
        elif kind == "double":
            lines.insert(at, line)
        elif kind == "indent":
            lines[at] = " " * draw(st.integers(1, 5)) + line
        elif kind == "dedent":
            lines[at] = line.lstrip(" ")
        elif kind == "value" and ":" in line:
            key = line.split(":", 1)[0]
            value = draw(
                st.one_of(
                    st.sampled_from([*(words or WORDS), "[", "{", "&a", "*a", "!!str", *extra]),
                    st.text(max_size=12),
                )
            )
            lines[at] = f"{key}: {value}\n"
        elif kind == "cut":
            lines = [*lines[:at], line[: draw(st.integers(0, len(line)))]]
        else:
            junk = draw(st.binary(min_size=1, max_size=6))
            place = draw(st.integers(0, len(line)))
            lines[at] = line[:place] + junk.decode("latin-1") + line[place:]
    return "".join(lines).encode("utf-8")


@FUZZ
@given(damaged())
def test_damaged_shipped_scenes_get_a_scene_or_a_located_error(data):
    assert answer(data) in ("scene", "error")


@FUZZ
@given(st.binary(max_size=200))
def test_any_bytes_get_a_scene_or_a_located_error(data):
    assert answer(data) in ("scene", "error")


def test_the_fuzz_reaches_both_answers():
    """The checks above are not vacuous: an undamaged scene loads, a damaged one is refused."""
    assert answer(SHIPPED[0].encode("utf-8")) == "scene"
    assert answer(SHIPPED[0].replace("version: 1", "version: 9").encode("utf-8")) == "error"
