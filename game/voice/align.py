"""When each shown word starts in a rendered voice line, from the synthesiser's own timings.

A neural voice reports when each *spoken* word starts (the words of its phonemes, split at the
spaces), but spoken words and shown words do not always pair one to one: espeak runs "not a"
together into one spoken word, and a respelling may say one shown word as two ("CD19" as
"C D 19"). So the shown words are matched to the spoken ones in order, by how long each is
(:func:`match`): the match that keeps the lengths closest wins, and a shown word inside a
spoken word that holds several starts part of the way through it.

Pure Python, no synthesiser needed: tests drive it with made-up lengths and times.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: The most shown words one spoken word may hold, and the reverse.
MOST_JOINED = 3


@dataclass(frozen=True)
class SpokenWord:
    start: float  # seconds
    end: float
    size: int  # how many sounds (phonemes) it has


def match(shown: Sequence[int], spoken: Sequence[int]) -> list[tuple[int, int, int, int]]:
    """Pair runs of shown words with runs of spoken words, in order, one side a single word:
    ``(first shown, shown count, first spoken, spoken count)`` for each pair. ``shown`` and
    ``spoken`` are each word's expected and heard size. The pairing keeps the sizes of each
    pair as close as it can (a relative cost, so long words do not outweigh short ones)."""
    n, m = len(shown), len(spoken)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if cost[i][j] == inf:
                continue
            for a, b in _steps():
                if i + a > n or j + b > m:
                    continue
                want, got = sum(shown[i : i + a]), sum(spoken[j : j + b])
                step = abs(want - got) / max(want, got, 1) + 0.05 * (a + b - 2)
                if cost[i][j] + step < cost[i + a][j + b]:
                    cost[i + a][j + b] = cost[i][j] + step
                    back[i + a][j + b] = (a, b)
    if cost[n][m] == inf:
        return []
    pairs = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        assert step is not None
        a, b = step
        i, j = i - a, j - b
        pairs.append((i, a, j, b))
    return pairs[::-1]


def _steps() -> list[tuple[int, int]]:
    return (
        [(1, 1)]
        + [(k, 1) for k in range(2, MOST_JOINED + 1)]
        + [(1, k) for k in range(2, MOST_JOINED + 1)]
    )


def word_starts(shown: Sequence[int], spoken: Sequence[SpokenWord]) -> list[float] | None:
    """When each shown word starts, in seconds, never going backwards; None when the two
    cannot be matched (then the whole line lights up while it is said)."""
    if not shown or not spoken:
        return None
    pairs = match(shown, [word.size for word in spoken])
    if not pairs:
        return None
    starts: list[float] = []
    for first, count, at, spoken_count in pairs:
        if count == 1:
            starts.append(spoken[at].start)
            continue
        # Several shown words in one spoken word: each starts in proportion to its size.
        word = spoken[at + spoken_count - 1]
        total = sum(shown[first : first + count]) or count
        before = 0
        for size in shown[first : first + count]:
            starts.append(word.start + (word.end - word.start) * before / total)
            before += size
    for i in range(1, len(starts)):
        starts[i] = max(starts[i], starts[i - 1])
    return [round(t, 3) for t in starts]
