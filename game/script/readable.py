"""What a child can read: ``check`` refuses text the game could never show (control
characters, nothing visible, marks piled on one letter, or far too long), so rendering only
ever meets text that fits. The limits are documented in docs/scene-format.md."""

from __future__ import annotations

import re
import unicodedata

#: The most characters each kind of text may have: generous, several times the longest
#: shipped text of that kind. Any other text (ids, file names, a language's name) has
#: no limit here: its own rules keep it short.
LIMITS = {
    "line": 500,  # narration lines and their variants, and their translations
    "label": 100,  # the words on an answer button, a word book word
    "title": 80,  # a chapter title
    "meaning": 500,  # a word book meaning (and its forms)
    "menu": 400,  # a string of the game's own screens (ui.*)
}

#: The most combining marks (accents, vowel signs) on one character; real scripts use two or
#: three, a pile of hundreds draws far outside its line.
MAX_MARKS = 4

_SPACES = "\n\t"  # kept: they only break lines, like a space
#: ASCII control characters other than those two.
_ASCII_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def text_problems(text: str, kind: str = "other") -> list[tuple[int, str]]:
    """(offset, message) for each reason ``text`` cannot be shown as a ``kind`` of text."""
    limit = LIMITS.get(kind, len(text))
    if len(text) <= limit and text.isascii() and text.isprintable():  # most text, at once
        return [] if text.strip(" ") else [(0, "has no letter, number or sign that can be seen")]
    found: list[tuple[int, str]] = []
    if len(text) > limit:
        found.append((0, f"is {len(text):,} characters long; the most for a {kind} is {limit}"))
    if text.isascii() and _ASCII_CONTROL.search(text) is None:  # most text: the same, quicker
        if not text.strip(" \n\t"):  # nothing but spaces: no letter, number or sign
            found.append((0, "has no letter, number or sign that can be seen"))
        return found
    categories = [unicodedata.category(char) for char in text]
    for offset, (char, category) in enumerate(zip(text, categories, strict=True)):
        if char not in _SPACES and (category in ("Cc", "Cs", "Zl", "Zp")):
            found.append(
                (offset, f"has a control character U+{ord(char):04X} that cannot be shown")
            )
            break
    if not any(category[0] in "LNPS" for category in categories):
        found.append((0, "has no letter, number or sign that can be seen"))
    run = 0
    for offset, category in enumerate(categories):
        run = run + 1 if category[0] == "M" else 0
        if run > MAX_MARKS:
            found.append((offset, f"has more than {MAX_MARKS} accents or marks on one letter"))
            break
    return found


def clip(text: str, limit: int = max(LIMITS.values())) -> str:
    """``text`` made safe to draw whatever it holds: control characters become spaces, piles
    of marks are cut to :data:`MAX_MARKS`, and it is cut to ``limit`` characters."""
    kept: list[str] = []
    run = 0
    for char in text[: limit * 4]:
        category = unicodedata.category(char)
        run = run + 1 if category[0] == "M" else 0
        if run > MAX_MARKS:
            continue
        kept.append(" " if category in ("Cc", "Cs", "Zl", "Zp") else char)
        if len(kept) >= limit:
            break
    return "".join(kept)
