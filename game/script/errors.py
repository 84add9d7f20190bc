"""Scene problems, reported as ``path:line:col: message`` and collected, never raised one by one."""

from __future__ import annotations

import bisect
import difflib
import functools
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Where:
    """A place in a scene file. ``line`` and ``col`` count from 1, as editors show them."""

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a scene file, at the place an author should look."""

    where: Where
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class SceneError(Exception):
    """A scene file (or a set of them) could not be used; holds every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


#: At most this many choices are compared with a word by difflib (which is slow: tens of
#: microseconds a comparison). A file with thousands of ids and thousands of unknown names
#: would otherwise take minutes, every name against every id.
MAX_CANDIDATES = 200
#: From a larger set, the choices that share the longest start or end with the word.
_NEAREST = 4


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return ``" (did you mean 'x'?)"`` for the closest choice, or an empty string."""
    pool = tuple(choices)
    if len(pool) > MAX_CANDIDATES:
        pool = _neighbours(word, _sorted_ways(pool))
    matches = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


@functools.lru_cache(maxsize=16)
def _sorted_ways(choices: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """The choices sorted as written and sorted by their reversed text (kept for the next
    unknown name: a file checks many names against the same ids)."""
    return sorted(set(choices)), sorted({c[::-1] for c in choices})


def _neighbours(word: str, ways: tuple[list[str], list[str]]) -> list[str]:
    """The few choices that share the longest start or end with ``word``. A typo leaves the
    start or the end of the intended name alike, so it sorts next to the word in one of the
    two orders (as written, or read backwards)."""
    found: set[str] = set()
    for ordered, key, flip in ((ways[0], word, False), (ways[1], word[::-1], True)):
        at = bisect.bisect_left(ordered, key)
        found.update(c[::-1] if flip else c for c in ordered[max(0, at - 3) : at + 3])

    def shared(name: str) -> int:  # how much of the start and the end is alike
        return _shared_start(word, name) + _shared_start(word[::-1], name[::-1])

    return sorted(sorted(found), key=shared, reverse=True)[:_NEAREST]


def _shared_start(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def one_of(choices: Iterable[str]) -> str:
    """Name the allowed choices for a message: ``'a', 'b' or 'c'``."""
    quoted = [f"'{c}'" for c in sorted(choices)]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]
