"""The content rules ``check`` warns about: words to avoid (with what to say instead), lines over
16 words, a ``little`` variant longer than its line, a line that states a medical fact with no
``fact:``, text cut short by an unquoted `` #``, and an optional chapter or detail without the
grown-up's words for it.

The lists (soft words, fact words, sentences that are not facts) live in one place, the tables of
``docs/content-rules.md``, which this module reads: a child life specialist changes a row there
and ``check`` follows. Each warning is a :class:`Problem` at the place to fix, found by reading the
file again for its values' positions (the loader keeps where each value starts).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import game
from game.script.errors import Problem, SceneError, Where
from game.script.model import VOICED_MENUS, Scene
from game.script.strings import SOURCE_LANGUAGE, VARIANT_KEYS
from game.script.texts import Library
from game.script.yamlsafe import Node, read_limited, read_scene_yaml, shorten

RULES_PAGE = "content-rules.md"
#: The most words a line (or a variant) may have.
MOST_WORDS = 16
TAG = " (content rules)"
#: The sections of the rules page that hold the lists, and the cells each row has.
SOFT_WORDS = ("Soft words", ("language", "avoid", "say instead"))
FACT_WORDS = ("Fact ids", ("word", "facts"))
NOT_FACTS = ("Not facts", ("a sentence that", "words"))

_FACT_ID = re.compile(r"F\d{1,2}")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


def rules_page() -> Path:
    """docs/content-rules.md: beside the game package in a checkout, inside it when installed."""
    package = Path(game.__file__).resolve().parent
    for candidate in (package / "docs" / RULES_PAGE, package.parent / "docs" / RULES_PAGE):
        if candidate.is_file():
            return candidate
    return package.parent / "docs" / RULES_PAGE


@dataclass(frozen=True)
class Avoid:
    """Words to avoid in one language, and what to say instead."""

    language: str
    pattern: re.Pattern[str]
    instead: str


@dataclass(frozen=True)
class FactWord:
    word: str
    pattern: re.Pattern[str]
    facts: tuple[str, ...]


@dataclass(frozen=True)
class Rules:
    avoid: tuple[Avoid, ...] = ()
    fact_words: tuple[FactWord, ...] = ()
    #: A sentence starting with one of these tells the child how to play: not a fact.
    play_words: tuple[str, ...] = ()
    #: A text holding one of these is a child-life message, or talk about the game or a word.
    phrases: tuple[str, ...] = ()


# reading the rules page --------------------------------------------------------------------------
def read_rules(path: Path | None = None) -> tuple[Rules, list[Problem]]:
    """The lists on the rules page, and a problem for each part that cannot be read."""
    path = path or rules_page()
    label = _label(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        message = f"cannot read the content rules page ({reason}): its rules were not checked"
        return Rules(), [Problem(Where(label), message)]
    lines = text.splitlines()
    problems: list[Problem] = []
    tables = {}
    for title, columns in (SOFT_WORDS, FACT_WORDS, NOT_FACTS):
        rows, found = _table(lines, label, title, columns)
        tables[title] = rows
        problems += found
    avoid = []
    for line, (language, words, instead) in tables[SOFT_WORDS[0]]:
        forms = _items(words)
        if not re.fullmatch(r"[a-z]{2,3}", language) or not forms or not instead:
            problems.append(_bad_row(label, line, SOFT_WORDS[1]))
            continue
        english = language == SOURCE_LANGUAGE
        avoid.append(Avoid(language, _pattern(forms, english, exact_capitals=False), instead))
    fact_words = []
    for line, (words, facts) in tables[FACT_WORDS[0]]:
        forms, ids = _items(words), tuple(_FACT_ID.findall(facts))
        if not forms or not ids:
            problems.append(_bad_row(label, line, FACT_WORDS[1]))
            continue
        for form in forms:
            fact_words.append(FactWord(form, _pattern([form], True, exact_capitals=True), ids))
    play_words: list[str] = []
    phrases: list[str] = []
    for line, (kind, words) in tables[NOT_FACTS[0]]:
        if kind.lower() == "starts with":
            play_words += [w.lower().translate(_APOSTROPHES) for w in _items(words)]
        elif kind.lower() == "holds":
            phrases += [w.lower().translate(_APOSTROPHES) for w in _items(words)]
        else:
            message = "a row here starts with 'starts with' or 'holds'" + TAG
            problems.append(Problem(Where(label, line), message))
    return Rules(tuple(avoid), tuple(fact_words), tuple(play_words), tuple(phrases)), problems


def _table(
    lines: list[str], label: str, title: str, columns: tuple[str, ...]
) -> tuple[list[tuple[int, tuple[str, ...]]], list[Problem]]:
    """The rows (line number, cells) of the first table under the heading ``## title``."""
    heading = next(
        (i for i, line in enumerate(lines) if line.strip().lower() == f"## {title}".lower()), None
    )
    shape = " | ".join(columns)
    if heading is None:
        message = f"the content rules page needs its '## {title}' table ({shape})" + TAG
        return [], [Problem(Where(label), message)]
    rows: list[tuple[int, tuple[str, ...]]] = []
    problems: list[Problem] = []
    started = False
    for index in range(heading + 1, len(lines)):
        line = lines[index].strip()
        if line.startswith("## "):
            break
        if not line.startswith("|"):
            if started:
                break
            continue
        started = True
        cells = tuple(cell.strip().strip("`").strip() for cell in line.strip("|").split("|"))
        if set("".join(cells)) <= set("-: "):  # the line under the header
            continue
        if [c.lower() for c in cells] == list(columns):  # the header
            continue
        if len(cells) != len(columns):
            problems.append(_bad_row(label, index + 1, columns))
            continue
        rows.append((index + 1, cells))
    if not started:
        message = f"the content rules page needs a table under '## {title}' ({shape})" + TAG
        problems.append(Problem(Where(label, heading + 1), message))
    return rows, problems


def _bad_row(label: str, line: int, columns: tuple[str, ...]) -> Problem:
    shape = " | ".join(columns)
    return Problem(Where(label, line), f"this row cannot be read: write | {shape} |" + TAG)


def _items(cell: str) -> list[str]:
    return [item.strip().strip("\"'").strip() for item in cell.split(",") if item.strip()]


def _pattern(forms: Iterable[str], english: bool, exact_capitals: bool) -> re.Pattern[str]:
    """Whole words, any case (a word in capitals only in capitals, with ``exact_capitals``);
    an English form's last word also in its simple forms."""
    alternatives = []
    for form in forms:
        words = form.translate(_APOSTROPHES).split()
        lasts = inflections(words[-1]) if english else [words[-1]]
        body = "|".join(
            r"\s+".join(re.escape(w) for w in [*words[:-1], last])
            for last in sorted(lasts, key=len, reverse=True)
        )
        exact = exact_capitals and form.isupper()
        alternatives.append(f"(?:{body})" if exact else f"(?i:{body})")
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)")


def inflections(word: str) -> list[str]:
    """``word`` and its simple English forms: kill → kills, killed, killing; die → dies, died,
    dying; cut → cuts, cutting; army → armies. A few made-up forms do no harm: they never
    appear in a text."""
    found = {word, word + "s", word + "es", word + "ed", word + "ing"}
    if word.endswith("e"):
        found.add(word + "d")
        if not word.endswith(("ee", "oe", "ye")):  # dye: dyeing, never dying
            found.add(word[:-1] + "ing")
    if word.endswith("ie"):
        found.add(word[:-2] + "ying")
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        found |= {word[:-1] + "ies", word[:-1] + "ied"}
    if re.fullmatch(r"(?i).*[^aeiou][aeiou][bcdfgklmnprstvz]", word) and len(word) <= 4:
        found |= {word + word[-1] + "ing", word + word[-1] + "ed"}
    return sorted(found)


# the warnings ------------------------------------------------------------------------------------
def content_warnings(
    scenes: dict[str, Scene], library: Library, whole: bool = True, page: Path | None = None
) -> list[Problem]:
    """Every content rule broken in ``scenes`` (and, with ``whole``, in the word book and the
    menus), in English and in every language table, sorted by place."""
    rules, found = read_rules(page)
    checker = _Checker(rules)
    ids: set[str] = set()
    for scene in scenes.values():
        ids |= {text.id for text in scene.texts()}
        found += checker.scene(scene, library)
    if whole:
        found += checker.book(library)
        found += checker.menus(library)
    for code, table in library.tables.items():
        if code != SOURCE_LANGUAGE:
            found += checker.translations(table.path, code, None if whole else ids)
    return sorted(set(found))


class _Checker:
    def __init__(self, rules: Rules) -> None:
        self.rules = rules

    # the files ------------------------------------------------------------------------------
    def scene(self, scene: Scene, library: Library) -> list[Problem]:
        source = _Source.read(scene.path)
        nodes = _scene_nodes(source.root) if source else {}
        found: list[Problem] = []
        title = f"{scene.id}.title"
        found += self._words(source, nodes.get(title), scene.title, SOURCE_LANGUAGE, scene.where)
        for line in scene.lines:
            texts = {line.id: line.text}
            texts.update({f"{line.id}@{key}": words for key, words in line.variants.items()})
            for text_id, words in texts.items():
                node = nodes.get(text_id)
                found += self._words(source, node, words, SOURCE_LANGUAGE, line.where)
                found += self._length(source, node, text_id, words, line.where)
            found += self._little(source, nodes, line.id, texts, line.where)
            if line.fact is None:
                found += self._fact(source, nodes, texts, line.where)
        teach_back = getattr(scene, "teach_back", None)  # a chapter's own question, if any
        for choice in (*scene.choices, *([teach_back] if teach_back is not None else [])):
            for option in choice.options:
                node = nodes.get(option.id)
                found += self._words(source, node, option.text, SOURCE_LANGUAGE, option.where)
        found += self._panel_words(scene, nodes, library)
        return found

    def book(self, library: Library) -> list[Problem]:
        source = _Source.read(library.book.path) if library.book.path else None
        nodes = _book_nodes(source.root) if source else {}
        found: list[Problem] = []
        for word in library.book.words:
            for text_id, words in ((word.id, word.word), (word.meaning_id, word.meaning)):
                found += self._words(source, nodes.get(text_id), words, "en", word.where)
            found += self._cut(source, nodes.get(word.forms_id))
        return found

    def menus(self, library: Library) -> list[Problem]:
        table = library.menus
        source = _Source.read(table.path)
        nodes = _table_nodes(source.root, english=True) if source else {}
        found: list[Problem] = []
        for text_id, entry in table.entries.items():
            node = nodes.get(text_id)
            if text_id in VOICED_MENUS:  # the grown-up's menus are not the child's words
                found += self._words(source, node, entry.text, SOURCE_LANGUAGE, entry.where)
            else:
                found += self._cut(source, node)
        return found

    def translations(self, path: str, code: str, ids: set[str] | None) -> list[Problem]:
        source = _Source.read(path)
        if source is None:
            return []
        found: list[Problem] = []
        for text_id, node in _table_nodes(source.root, english=False).items():
            if ids is not None and text_id not in ids:
                continue
            if not isinstance(node.value, str):
                continue
            grown_ups = text_id.startswith("ui.") and text_id not in VOICED_MENUS
            if grown_ups or text_id.endswith(".forms"):
                found += self._cut(source, node)
            else:
                found += self._words(source, node, node.value, code, node.where)
        return found

    # the rules ------------------------------------------------------------------------------
    def _words(
        self, source: _Source | None, node: Node | None, words: str, language: str, where: Where
    ) -> list[Problem]:
        """Words to avoid, and a text cut short by ' #'."""
        raw = node.value if node is not None and isinstance(node.value, str) else words
        text = raw.translate(_APOSTROPHES)
        found = []
        for avoid in self.rules.avoid:
            if avoid.language != language:
                continue
            for match in avoid.pattern.finditer(text):
                place = _place(source, node, raw, match.start(), where)
                message = f"'{raw[match.start() : match.end()]}': say '{avoid.instead}'" + TAG
                found.append(Problem(place, message))
        return found + self._cut(source, node)

    def _cut(self, source: _Source | None, node: Node | None) -> list[Problem]:
        if source is None or node is None:
            return []
        hit = _comment_after(source, node)
        if hit is None:
            return []
        where, note = hit
        message = (
            f"the text stops at '#': YAML reads {shorten(note, 30)} as a note for authors, so "
            f"the child sees only {shorten(str(node.value), 30)}; put the whole text in quotes"
        )
        return [Problem(where, message + TAG)]

    def _length(
        self, source: _Source | None, node: Node | None, text_id: str, words: str, where: Where
    ) -> list[Problem]:
        count = word_count(words)
        if count <= MOST_WORDS:
            return []
        what = "this line" if "@" not in text_id else f"the '{text_id.split('@')[1]}' variant"
        message = (
            f"{what} has {count} words; a line has at most {MOST_WORDS}: split it into two lines"
        )
        return [Problem(_place(source, node, "", 0, where), message + TAG)]

    def _little(
        self,
        source: _Source | None,
        nodes: dict[str, Node],
        line_id: str,
        texts: dict[str, str],
        where: Where,
    ) -> list[Problem]:
        found = []
        for little, bigger in (("little", ("text",)), ("sibling_little", ("sibling", "text"))):
            words = texts.get(f"{line_id}@{little}")
            if words is None:
                continue
            key = next(k for k in bigger if k == "text" or f"{line_id}@{k}" in texts)
            than = texts[line_id if key == "text" else f"{line_id}@{key}"]
            if word_count(words) > word_count(than):
                node = nodes.get(f"{line_id}@{little}")
                message = (
                    f"the '{little}' variant has {word_count(words)} words, more than "
                    f"{'the line' if key == 'text' else repr(key)} ({word_count(than)}): a "
                    "variant for ages 4 to 6 is never longer"
                )
                found.append(Problem(_place(source, node, "", 0, where), message + TAG))
        return found

    def _fact(
        self,
        source: _Source | None,
        nodes: dict[str, Node],
        texts: dict[str, str],
        where: Where,
    ) -> list[Problem]:
        """One warning for a line with no fact id whose text or a variant states a fact, at the
        first fact word found."""
        for text_id, words in texts.items():
            node = nodes.get(text_id)
            raw = node.value if node is not None and isinstance(node.value, str) else words
            hit = self.fact_word(raw)
            if hit is None:
                continue
            offset, word, facts = hit
            ids = facts[0] if len(facts) == 1 else f"one of {', '.join(facts)}"
            message = (
                f"this line speaks of '{word}' but names no fact: add the fact it states "
                f"({ids}), like 'fact: {facts[0]}'"
            )
            return [Problem(_place(source, node, raw, offset, where), message + TAG)]
        return []

    def fact_word(self, text: str) -> tuple[int, str, tuple[str, ...]] | None:
        """(offset, word, facts) of the first fact word in a sentence of ``text`` that states
        something (not a question, not how to play, not a child-life message)."""
        text = text.translate(_APOSTROPHES)
        lowered = text.lower()
        if any(
            re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", lowered)
            for phrase in self.rules.phrases
        ):
            return None  # a child-life message, or talk about the game or a word
        for start, sentence in _sentences(text):
            if self._not_a_fact(sentence):
                continue
            hits = [
                (match.start(), match.group(), fact.facts)
                for fact in self.rules.fact_words
                if (match := fact.pattern.search(sentence))
            ]
            if hits:
                offset, word, facts = min(hits)
                return start + offset, word, facts
        return None

    def _not_a_fact(self, sentence: str) -> bool:
        words = sentence.split()
        if not words or sentence.rstrip().endswith("?"):
            return True
        first = words[0].strip("¡¿\"'(“”").rstrip(",.!:;").lower()
        return first in self.rules.play_words

    def _panel_words(self, scene: Scene, nodes: dict[str, Node], library: Library) -> list[Problem]:
        """An optional chapter, and each detail, need their words in the grown-up's controls."""
        menus = library.menus
        named = []
        if scene.optional:
            named.append(("chapter", scene.id, nodes.get("optional")))
        named += [("detail", detail, nodes.get(f"detail:{detail}")) for detail in scene.details]
        found = []
        for what, name, node in named:
            missing = [
                f"ui.leave.{name}.{side}"
                for side in ("in", "out")
                if f"ui.leave.{name}.{side}" not in menus.entries
            ]
            if not missing:
                continue
            place = node.where if node is not None else scene.where
            message = (
                f"the grown-up's controls show this {what} with the words "
                f"{' and '.join(repr(m) for m in missing)}, missing from {menus.path}: add "
                f'{missing[0]}: "..." there'
            )
            found.append(Problem(place, message + TAG))
        return found


def word_count(text: str) -> int:
    """Words as a reader counts them: a dash or '...' standing alone is none."""
    return sum(1 for word in text.split() if any(c.isalnum() for c in word))


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    for match in re.finditer(r"[^.!?]+[.!?]*", text):
        if match.group().strip():
            yield match.start(), match.group()


# where things are --------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Source:
    """A file read again: its lines and its values with their places."""

    path: str
    lines: list[str]
    root: Node

    @staticmethod
    def read(path: str) -> _Source | None:
        try:
            data = read_limited(Path(path), path)
            root = read_scene_yaml(path, data)
        except SceneError:
            return None
        return _Source(path, data.decode("utf-8-sig", errors="replace").splitlines(), root)


def _place(source: _Source | None, node: Node | None, raw: str, offset: int, where: Where) -> Where:
    """Where character ``offset`` of the text ``raw`` (the value of ``node``) stands: on its
    own column when the text up to it is written on the value's first line, else at the value
    (or ``where`` when the value's place is not known)."""
    if node is None:
        return where
    if source is None or node.where.line > len(source.lines):
        return node.where
    rest = source.lines[node.where.line - 1][node.where.col - 1 :]
    start = 1 if rest[:1] in ("'", '"') else 0
    if rest[:1] in ("|", ">"):
        return node.where
    if rest[start : start + offset] == raw[:offset]:
        return Where(node.where.path, node.where.line, node.where.col + start + offset)
    return node.where


def _comment_after(source: _Source, node: Node) -> tuple[Where, str] | None:
    """Where an unquoted text was cut short by ' #' (YAML's note for authors), and the note."""
    if not isinstance(node.value, str):
        return None
    row, col = node.where.line - 1, node.where.col - 1
    if row >= len(source.lines) or source.lines[row][col : col + 1] in ("'", '"', "|", ">", ""):
        return None
    wanted, seen = node.value.split(), []
    while row < len(source.lines):
        segment = source.lines[row][col:]
        note = re.search(r"(?:^|\s)#", segment) if seen else re.search(r"\s#", segment)
        seen += (segment[: note.start()] if note else segment).split()
        if note is not None:
            if seen != wanted:
                return None
            hash_col = col + note.end()  # 1-based column of the '#'
            return Where(node.where.path, row + 1, hash_col), segment[note.end() - 1 :].strip()
        if len(seen) >= len(wanted):
            return None
        row, col = row + 1, 0
    return None


def _mapping(node: Node | None) -> dict[str, Node]:
    if node is None or not isinstance(node.value, dict):
        return {}
    return {key: value for key, (_key, value) in node.value.items()}


def _list(node: Node | None) -> list[Node]:
    return node.value if node is not None and isinstance(node.value, list) else []


def _scene_nodes(root: Node) -> dict[str, Node]:
    """A scene file's texts by text id (a variant as ``id@key``), and the values of
    ``optional`` and each actor's ``detail`` (``detail:<name>``)."""
    top = _mapping(root)
    found: dict[str, Node] = {}
    scene_id = top.get("id")
    if scene_id is not None and "title" in top:
        found[f"{scene_id.value}.title"] = top["title"]
    for item in _list(top.get("lines")):
        line = _mapping(item)
        if "id" in line and isinstance(line["id"].value, str):
            for key in ("text", *VARIANT_KEYS):
                if key in line:
                    text_id = line["id"].value if key == "text" else f"{line['id'].value}@{key}"
                    found[text_id] = line[key]
    boards = [*_list(top.get("choices")), *([top["teach_back"]] if "teach_back" in top else [])]
    for choice in boards:
        for item in _list(_mapping(choice).get("options")):
            option = _mapping(item)
            if "id" in option and "text" in option and isinstance(option["id"].value, str):
                found[option["id"].value] = option["text"]
    if "optional" in top:
        found["optional"] = top["optional"]
    for item in _list(top.get("actors")):
        detail = _mapping(item).get("detail")
        if detail is not None and isinstance(detail.value, str):
            found.setdefault(f"detail:{detail.value}", detail)
    return found


def _book_nodes(root: Node) -> dict[str, Node]:
    found: dict[str, Node] = {}
    for item in _list(_mapping(root).get("words")):
        word = _mapping(item)
        if "id" in word and isinstance(word["id"].value, str):
            word_id = word["id"].value
            for key, text_id in (("word", word_id), ("forms", f"{word_id}.forms")):
                if key in word:
                    found[text_id] = word[key]
            if "meaning" in word:
                found[f"{word_id}.meaning"] = word["meaning"]
    return found


def _table_nodes(root: Node, english: bool) -> dict[str, Node]:
    """A language table's texts by id (the value itself in English, else its ``text``)."""
    strings = _mapping(_mapping(root).get("strings"))
    if english:
        return strings
    return {
        text_id: _mapping(value)["text"]
        for text_id, value in strings.items()
        if "text" in _mapping(value)
    }


def _label(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(path)
