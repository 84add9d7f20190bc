"""Scene problems, reported as ``path:line:col: message`` and collected, never raised one by one."""

from __future__ import annotations

import bisect
import difflib
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple


class Where(NamedTuple):
    """A place in a scene file. ``line`` and ``col`` count from 1, as editors show them. (A
    named tuple: a scene has hundreds of places, made quickest this way.)"""

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
    found = closest(word, choices)
    return f" (did you mean '{found}'?)" if found is not None else ""


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice ``word`` is a misspelling of, or None. Only a slip of the keys counts (see
    :func:`is_slip`): a suggestion must never change the meaning, so 'cancer_cells' does not
    suggest 'red_cells' and 'germs.wash' does not suggest 'germs.wait'."""
    pool = tuple(choices)
    if len(pool) > MAX_CANDIDATES:
        pool = _neighbours(word, _sorted_ways(pool))
    matches = difflib.get_close_matches(word, pool, n=6, cutoff=0.5)
    slips = [m for m in matches if is_slip(word, m)]
    if not slips:
        return None
    return min(slips, key=lambda m: _distance(word.lower(), m.lower()))  # min() keeps the first


_SEPARATORS = re.compile(r"[._\-\s@]+")


def is_slip(word: str, choice: str) -> bool:
    """Whether ``word`` is ``choice`` written with a small slip: at most one change in a short
    name (four letters or fewer) and two in a longer one (a change is a letter added, left out,
    replaced, or two swapped), and no part of a name in several parts ('hunt.wash',
    'red_cells') changed into another word: each part may itself only have a slip."""
    a, b = word.lower(), choice.lower()
    if a == b:
        return True
    limit = 1 if min(len(a), len(b)) <= 4 else 2
    if abs(len(a) - len(b)) > limit or _distance(a, b) > limit:
        return False
    parts_a = [p for p in _SEPARATORS.split(a) if p]
    parts_b = [p for p in _SEPARATORS.split(b) if p]
    if len(parts_a) != len(parts_b):  # 'tcell' for 't_cell': only the joins differ
        return _distance("".join(parts_a), "".join(parts_b)) <= 1
    return all(_part_slip(x, y) for x, y in zip(parts_a, parts_b, strict=True))


def _part_slip(a: str, b: str) -> bool:
    """One part of a name: a short part ('b' in 'b_cells', 'f1') or a number must be the
    same; a longer one may have one change in three letters."""
    if a == b:
        return True
    if min(len(a), len(b)) <= 2 or (a.isdigit() and b.isdigit()):
        return False
    return _distance(a, b) <= max(1, min(len(a), len(b)) // 3)


def _distance(a: str, b: str) -> int:
    """How many letters must be added, left out, replaced or swapped with a neighbour to
    turn ``a`` into ``b`` (optimal string alignment distance)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


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
