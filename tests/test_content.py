"""Every shipped narration line follows the content brief: short, soft words, real fact ids."""

from __future__ import annotations

import re

from game.script.catalog import load_all

AVOID = (
    "hurt",
    "pain",
    "sting",
    "shot",
    "cut",
    "kill",
    "bad cell",
    "put to sleep",
    "dye",
    "bug",
    "only bad",
    "cure",
    "won't hurt",
)


def all_lines():
    return [line for scene in load_all().values() for line in scene.lines]


def test_no_line_uses_a_word_the_brief_says_to_avoid():
    for line in all_lines():
        for word in AVOID:
            assert not re.search(rf"\b{word}", line.text, re.IGNORECASE), (line.id, word)


def test_lines_are_short():
    for line in all_lines():
        assert len(line.text.split()) <= 16, line.id


def test_lines_have_no_numbers_for_the_child():
    for line in all_lines():
        assert not re.search(r"\d|%", line.text.replace("CD19", "")), line.id


def test_the_check_above_would_catch_an_avoided_word():
    assert re.search(r"\bkill", "The T cell kills it", re.IGNORECASE)
