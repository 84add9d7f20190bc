"""``python -m game translate``: keep a language table in step with the English, no hashes
copied by hand.

``translate --lang es`` writes into ``scenes/lang/es.yaml`` every text the table lacks, with
the English as a comment above it, its hash in ``en:`` and an empty ``text: ""`` to fill in (an
empty text is shown, and said, in English), each in the journey's reading order beside its
chapter. A text whose English changed keeps its translation; ``en:`` gets the new English's
hash, the comment above shows the new English, and ``was:`` the English it was translated
from: the translator changes the text, then deletes the ``was:`` line. A new language's table
is made with every text.

``--export OUT.po`` writes every text as a gettext PO file for a translation tool;
``--import IN.po`` writes its translations back into the table with the right hashes.

The table is edited as text: the lines added or changed are the only ones that change, so a
translator's comments, quotes, order and notes are kept. Before it is written, the new table is
read back and compared with what was meant; if anything differs, nothing is written.
"""

from __future__ import annotations

import itertools
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from game import __version__, resources
from game.script.catalog import label_for, load_all
from game.script.errors import Problem, SceneError, Where
from game.script.model import Text
from game.script.po import PoEntry, PoText, read_po, write_po
from game.script.strings import (
    CODE,
    SOURCE_LANGUAGE,
    Entry,
    Table,
    _TableReader,
    kind_of,
    load_table,
    source_hash,
)
from game.script.texts import all_texts, load_library, text_places
from game.script.yamlsafe import Node


@dataclass(frozen=True)
class Wanted:
    """What one entry of the table should say."""

    text: str  # '' : not translated yet
    en: str  # the hash of the English
    was: str | None = None  # set: stale, translated from this English


class TranslateError(Exception):
    """The table cannot be edited safely; nothing was written."""


def yaml_quote(text: str) -> str:
    """``text`` as a YAML double-quoted scalar on one line, read back exactly."""
    out = ['"']
    for char in text:
        point = ord(char)
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif point < 0x20 or 0x7F <= point < 0xA0:
            out.append(f"\\x{point:02x}")
        elif char in "\u2028\u2029\ufeff\ufffe\uffff":
            out.append(f"\\u{point:04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def comment_lines(english: str, indent: str) -> list[str]:
    """The English as comment lines (one per line of it: a comment never holds a break)."""
    return [f"{indent}# {part}".rstrip() for part in english.splitlines() or [""]]


def new_table_text(code: str, name: str, voice: str) -> str:
    """A new language's table before any entry."""
    return (
        f"# {name} ({code}): every text of T-Cell Hero by the same ids as English, made by\n"
        f"# 'python -m game translate --lang {code}'. Fill in each text: \"\" (the English is in\n"
        '# the comment above it); a text left "" is shown and said in English. Leave en: as it\n'
        "# is: it tells which English a text was translated from. 'was:' marks a text whose\n"
        "# English changed: change the text, then delete the 'was:' line.\n"
        "# Then run: python -m game check. Format: docs/scene-format.md#languages\n"
        f"language: {yaml_quote(name)}  # the language's own name, shown on the language "
        "button\n"
        f"voice: {yaml_quote(voice)}  # the language's speech code (like fr-fr)\n"
        "strings: {}\n"
    )


# the table as text ------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Change:
    start: int
    end: int
    order: int
    new: str
    late: bool = False  # added lines that belong to what follows (an entry's comment)


@dataclass
class _Entry:
    """Where one entry of the table stands in its text."""

    key: yaml.Node
    value: yaml.Node
    fields: dict[str, tuple[yaml.Node, yaml.Node]]
    end_line: int  # the last line of its value (0-based)
    lead: int  # the first line of the comments right above its key


class TableText:
    """A language table's text, edited in place: lines are added and values replaced, and
    nothing else is touched."""

    def __init__(self, text: str) -> None:
        self.bom = text.startswith("\ufeff")
        text = text[1:] if self.bom else text
        self.crlf = "\r\n" in text
        text = text.replace("\r\n", "\n")
        if any(mark in text for mark in "\r\x85\u2028\u2029"):
            raise TranslateError(
                "it has line breaks of an unusual kind (a lone CR, NEL or LS): save it with "
                "ordinary line ends"
            )
        if not text.endswith("\n"):
            text += "\n"
        self.text = text
        self.lines = text.split("\n")
        self.starts = [0]
        for line in self.lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.edits: list[_Change] = []
        self._read()

    # reading
    def _read(self) -> None:
        try:
            root = yaml.compose(self.text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as exc:  # load_table read it first: should not happen
            raise TranslateError(f"cannot read it as YAML: {exc}") from None
        found = None
        if isinstance(root, yaml.MappingNode):
            found = next(((k, v) for k, v in root.value if k.value == "strings"), None)
        if found is None or not isinstance(found[1], yaml.MappingNode):
            raise TranslateError("it has no 'strings:' mapping")
        strings = found[1]
        self.strings_line = found[0].start_mark.line
        self.strings = strings
        self.entries: dict[str, _Entry] = {}
        self.empty_flow = strings.flow_style and not strings.value
        if strings.flow_style and strings.value:
            raise TranslateError(
                "its 'strings' are written in braces { }: write them one entry a line, as "
                "es.yaml does, and run this again"
            )
        self.indent = strings.value[0][0].start_mark.column if strings.value else 2
        floor = found[0].start_mark.line  # comments above an entry start below this line
        for key, value in strings.value:
            fields = {}
            if isinstance(value, yaml.MappingNode):
                fields = {k.value: (k, v) for k, v in value.value}
            end = self._end_line(value, key.start_mark.column)
            lead = key.start_mark.line
            while lead - 1 > floor and self.lines[lead - 1].strip().startswith("#"):
                lead -= 1
            self.entries[key.value] = _Entry(key, value, fields, end, lead)
            floor = end
        self.marks, self.named = self._parts()

    def _end_line(self, node: yaml.Node, key_col: int) -> int:
        if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
            last_key, last = node.value[-1]
            return self._end_line(last, last_key.start_mark.column)
        if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
            return self._block_scalar_end(node, key_col)[0]
        end = node.end_mark
        return end.line if end.column > 0 or end.line == node.start_mark.line else end.line - 1

    def _block_scalar_end(self, node: yaml.ScalarNode, key_col: int) -> tuple[int, int]:
        """The last line of a ``|`` or ``>`` text and the offset where its text ends."""
        last = node.start_mark.line
        inside = None  # the content's indentation, from its first line
        for number in range(node.start_mark.line + 1, len(self.lines)):
            line = self.lines[number]
            if not line.strip():
                continue
            indent = len(line) - len(line.lstrip(" "))
            if inside is None:
                if indent <= key_col:
                    break
                inside = indent
            if indent < inside:
                break
            last = number
        return last, self.starts[last] + len(self.lines[last])

    def english_comment(self, text_id: str, source: str | None) -> tuple[int, int] | None:
        """The comment lines right above the entry (first, last) that hold the English with
        hash ``source``, if any."""
        entry = self.entries.get(text_id)
        if entry is None or source is None:
            return None
        key_line = entry.key.start_mark.line
        for first in range(entry.lead, key_line):
            words = " ".join(line.strip()[1:] for line in self.lines[first:key_line])
            if source_hash(words) == source:
                return first, key_line - 1
        return None

    def comment_text(self, lines: tuple[int, int]) -> str:
        return " ".join(
            " ".join(line.strip()[1:].split()) for line in self.lines[lines[0] : lines[1] + 1]
        )

    # editing
    def _edit(self, start: int, end: int, new: str, late: bool = False) -> None:
        self.edits.append(_Change(start, end, len(self.edits), new, late))

    def _insert_lines(self, before_line: int, lines: list[str], late: bool = False) -> None:
        at = self.starts[before_line] if before_line < len(self.starts) else len(self.text)
        self._edit(at, at, "".join(line + "\n" for line in lines), late)

    def _replace_lines(self, first: int, last: int, lines: list[str]) -> None:
        self._edit(self.starts[first], self.starts[last + 1], "".join(f"{x}\n" for x in lines))

    def _replace_scalar(self, node: yaml.Node, key_col: int, new: str) -> None:
        start = node.start_mark.index
        if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
            end = self._block_scalar_end(node, key_col)[1]
        else:
            end = node.end_mark.index
        if start == end and not self.text[start - 1 : start].isspace():
            new = " " + new  # 'text:' with nothing after it
        self._edit(start, end, new)

    def set(self, text_id: str, want: Wanted, now: Entry | None, english: str) -> None:
        """Make the existing entry ``text_id`` say ``want`` (``now``: what it says)."""
        entry = self.entries[text_id]
        key_col = entry.key.start_mark.column
        child = entry.fields.get("text", next(iter(entry.fields.values()), None))
        block = (
            isinstance(entry.value, yaml.MappingNode)
            and not entry.value.flow_style
            and {"text", "en"} <= entry.fields.keys()
            and not self.lines[entry.key.start_mark.line][:key_col].strip()
        )
        old_text = now.text if now else None
        old_en = now.source if now else None
        old_was = now.was if now else None
        if not block or child is None:
            self._replace_lines(
                entry.key.start_mark.line,
                entry.end_line,
                _entry_lines(text_id, want, " " * key_col),
            )
        else:
            indent = child[0].start_mark.column
            if want.text != old_text:
                text_key, text_node = entry.fields["text"]
                self._replace_scalar(text_node, text_key.start_mark.column, yaml_quote(want.text))
            if want.en != old_en:
                en_key, en_node = entry.fields["en"]
                self._replace_scalar(en_node, en_key.start_mark.column, yaml_quote(want.en))
            was = entry.fields.get("was")
            if want.was is None and was is not None:
                last = self._end_line(was[1], was[0].start_mark.column)
                self._replace_lines(was[0].start_mark.line, last, [])
            elif want.was is not None and was is None:
                self._insert_lines(
                    entry.end_line + 1, [f"{' ' * indent}was: {yaml_quote(want.was)}"]
                )
            elif want.was is not None and was is not None and want.was != old_was:
                self._replace_scalar(was[1], was[0].start_mark.column, yaml_quote(want.was))
        if want.en != old_en:
            found = self.english_comment(text_id, old_en)
            lines = comment_lines(english, " " * key_col)
            if found is not None:
                self._replace_lines(found[0], found[1], lines)
            else:
                self._insert_lines(entry.key.start_mark.line, lines, late=True)

    def add(self, order: list[Text], adding: dict[str, Wanted]) -> None:
        """Add the entries in ``adding`` (not in the table yet) in reading order, grouped by
        chapter as the table is: inside their chapter's ``# --- chapter ---`` part, after the
        closest text before them there; a chapter the table has no part for gets one, before
        the part of the next chapter (else after the previous one's)."""
        runs: list[tuple[tuple[str, int, str | None], list[Text]]] = []  # (where, texts)
        for number, text in enumerate(order):
            if text.id not in adding:
                continue
            place = self._place(order, number)
            if runs and runs[-1][0] == place:
                runs[-1][1].append(text)
            else:
                runs.append((place, [text]))
        indent = " " * self.indent
        for (how, line, scene), texts in runs:
            lines: list[str] = []
            for text in texts:
                if text.scene != scene:
                    lines.append(f"{indent}# --- {text.scene} ---")
                    scene = text.scene
                lines += comment_lines(text.text, indent)
                lines += _entry_lines(text.id, adding[text.id], indent)
            if how == "empty":  # strings: {}
                start = self.strings.start_mark.index
                while start > 0 and self.text[start - 1] in " \t":
                    start -= 1  # 'strings: {}' becomes 'strings:'
                self._edit(start, self.strings.end_mark.index, "")
            self._insert_lines(line, lines)

    def _parts(self) -> tuple[list[int], dict[str, int]]:
        """The lines of the ``# --- ... ---`` comments that divide the table into parts, and
        the first such line of each chapter (``# --- hunt ---``)."""
        marks: list[int] = []
        named: dict[str, int] = {}
        for number in range(self.strings_line + 1, len(self.lines)):
            match = re.fullmatch(r"\s*# ---\s*(.*?)\s*---\s*", self.lines[number])
            if match:
                marks.append(number)
                named.setdefault(match.group(1), number)
        return marks, named

    def _place(self, order: list[Text], number: int) -> tuple[str, int, str | None]:
        """Where the missing text ``order[number]`` goes: (how, the line to insert before,
        the chapter whose part that is, if any)."""
        scene = order[number].scene
        marks, named = self.marks, self.named

        def part(line: int) -> int | None:  # the dividing line above ``line``
            above = [mark for mark in marks if mark < line]
            return above[-1] if above else None

        if scene in named:  # inside its chapter's part
            head = named[scene]
            for text in reversed(order[:number]):
                entry = self.entries.get(text.id)
                if entry is not None and part(entry.key.start_mark.line) == head:
                    return "after", entry.end_line + 1, scene
            return "under", head + 1, scene
        if named:  # a part of its own, before the next chapter's or after the previous one's
            for text in order[number + 1 :]:
                if text.scene in named and text.scene != scene:
                    return "before", named[text.scene], None
            for text in reversed(order[:number]):
                if text.scene in named:
                    later = [mark for mark in marks if mark > named[text.scene]]
                    if later:
                        return "before", later[0], None
                    break
        for text in reversed(order[:number]):  # no parts: after the closest text before it
            if text.id in self.entries:
                return "after", self.entries[text.id].end_line + 1, text.scene
        for text in order[number + 1 :]:
            if text.id in self.entries:
                return "before", self.entries[text.id].lead, None
        if not self.entries:
            return "empty", self.strings.end_mark.line + 1, None
        return "end", max(entry.end_line for entry in self.entries.values()) + 1, None

    def result(self) -> str:
        # By place; at one place, what is added goes before what is replaced there, and an
        # entry's own comment last, right above it.
        ordered = sorted(self.edits, key=lambda c: (c.start, c.end > c.start, c.late, c.order))
        for before, after in itertools.pairwise(ordered):
            if before.end > after.start:
                raise TranslateError("two changes overlap")  # a bug: write nothing
        text = self.text
        for change in reversed(ordered):
            text = text[: change.start] + change.new + text[change.end :]
        if self.crlf:
            text = text.replace("\n", "\r\n")
        return ("\ufeff" if self.bom else "") + text


def _entry_lines(text_id: str, want: Wanted, indent: str) -> list[str]:
    lines = [
        f"{indent}{text_id}:",
        f"{indent}  text: {yaml_quote(want.text)}",
        f"{indent}  en: {yaml_quote(want.en)}",
    ]
    if want.was is not None:
        lines.append(f"{indent}  was: {yaml_quote(want.was)}")
    return lines


# the commands -----------------------------------------------------------------------------------
@dataclass
class _Job:
    code: str
    path: Path
    label: str
    texts: list[Text]
    table: Table | None  # None: no table yet
    places: dict[str, Where]

    @property
    def english(self) -> dict[str, str]:
        return {text.id: text.text for text in self.texts}

    def now(self, text_id: str) -> Entry | None:
        if self.table is None:
            return None
        return self.table.entries.get(text_id) or self.table.untranslated.get(text_id)


def _code_ok(code: str) -> bool:
    """Whether ``code`` can name a translated table (said on stderr when not)."""
    if code == SOURCE_LANGUAGE:
        print(
            "translate: English is the language the others are translated from: its words are "
            "in the scene files, scenes/book/words.yaml and scenes/lang/en.yaml",
            file=sys.stderr,
        )
        return False
    if not re.fullmatch(CODE, code):
        print(
            f"translate: '{code}' is not a language code: use a short lower-case one, like "
            "'es', 'fr' or 'pt-br'",
            file=sys.stderr,
        )
        return False
    return True


def _job(code: str) -> _Job | None:
    """The texts and the table of ``code``; problems are printed (None)."""
    if not _code_ok(code):
        return None
    try:
        scenes = load_all()
        library = load_library()
    except SceneError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"translate: fix these first; {code}.yaml was not changed", file=sys.stderr)
        return None
    path = resources.scenes_dir() / "lang" / f"{code}.yaml"
    return _Job(
        code,
        path,
        label_for(path),
        all_texts(scenes, library),
        library.tables.get(code),
        text_places(scenes, library),
    )


def translate(code: str, name: str | None = None) -> int:
    """Write the missing and stale entries into the table of ``code`` (made if need be)."""
    job = _job(code)
    if job is None:
        return 1
    added = changed = waiting = done = 0
    wanted: dict[str, Wanted] = {}
    editor = _editor(job, name)
    if editor is None:
        return 1
    for text in job.texts:
        hash_now = source_hash(text.text)
        entry = job.now(text.id)
        if entry is None:
            wanted[text.id] = Wanted("", hash_now)
            added += 1
        elif not entry.text:
            if entry.source != hash_now:
                wanted[text.id] = Wanted("", hash_now, entry.was)
            added += 1
        elif entry.source != hash_now:
            was = entry.was
            if was is None:
                found = editor.english_comment(text.id, entry.source)
                was = editor.comment_text(found) if found else _unknown(entry.source)
            wanted[text.id] = Wanted(entry.text, hash_now, was)
            changed += 1
        elif entry.was is not None:
            waiting += 1
        else:
            done += 1
    if not _write(job, editor, wanted):
        return 1
    left = _left_over(job)
    made = job.table is None
    print(
        f"{'made' if made else 'wrote' if wanted else 'checked'} {job.label}: "
        f'{added} text(s) to translate (text: ""), {changed + waiting} changed in English '
        f"(marked was:), {done} up to date"
        + (f"; {left} no longer used (check names them)" if left else "")
    )
    if made:
        print(
            f"the language's name on its button is '{name or code}': change 'language:' in "
            f"{job.label} (and 'voice:', its speech code) if need be"
        )
    if added or changed or waiting:
        print(
            "next: fill in each empty text (the English is in the comment above it); where "
            "there is a 'was:' line, change the text to say the new English, then delete the "
            "'was:' line. Then run: python -m game check"
        )
    return 0


def _unknown(source: str) -> str:
    return f"(not known: an earlier English, hash {source})"


def _left_over(job: _Job) -> int:
    if job.table is None:
        return 0
    english = job.english
    ids = {*job.table.entries, *job.table.untranslated}
    return len(ids - english.keys())


def _editor(job: _Job, name: str | None) -> TableText | None:
    if job.table is None:
        name = name or job.code
        if not name.strip() or "\n" in name:
            print("translate: --name must be the language's name on one line", file=sys.stderr)
            return None
        return TableText(new_table_text(job.code, name.strip(), job.code))
    if name is not None and name != job.table.name:
        print(
            f"note: --name is used when a table is made; to rename this language, change "
            f"'language:' in {job.label}"
        )
    try:
        return TableText(job.path.read_bytes().decode("utf-8"))
    except TranslateError as exc:
        print(f"translate: {job.label}: {exc}; it was not changed", file=sys.stderr)
        return None


def _write(job: _Job, editor: TableText, wanted: dict[str, Wanted]) -> bool:
    """Apply ``wanted`` to the table's text, read the result back, and write it only if it
    says exactly what was meant (and every other entry as before)."""
    if not wanted and job.table is not None:
        return True
    english = job.english
    try:
        for text_id, want in wanted.items():
            if text_id in editor.entries:
                editor.set(text_id, want, job.now(text_id), english[text_id])
        editor.add(job.texts, {i: w for i, w in wanted.items() if i not in editor.entries})
        text = editor.result()
        _verify(job, text, wanted)
    except TranslateError as exc:
        print(
            f"translate: {job.label}: could not change it safely ({exc}); it was not changed",
            file=sys.stderr,
        )
        return False
    job.path.parent.mkdir(parents=True, exist_ok=True)
    _atomic_write(job.path, text.encode("utf-8"))
    return True


def _verify(job: _Job, text: str, wanted: dict[str, Wanted]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / job.path.name
        copy.write_bytes(text.encode("utf-8"))
        try:
            table = load_table(copy, job.label)
        except SceneError as exc:
            raise TranslateError(f"the new table would not load: {exc.problems[0]}") from None
    after = {**table.untranslated, **table.entries}
    before = {} if job.table is None else {**job.table.untranslated, **job.table.entries}
    for text_id in {*before, *wanted}:
        expected = wanted.get(text_id)
        if expected is None:
            old = before[text_id]
            expected = Wanted(old.text, old.source or "", old.was)
        got = after.get(text_id)
        if got is None or (got.text, got.source, got.was) != (
            expected.text.strip(),
            expected.en,
            expected.was.strip() if expected.was is not None else None,
        ):
            raise TranslateError(f"'{text_id}' would not say what was meant")
    if len(after) != len({*before, *wanted}):
        raise TranslateError("it would have entries that were not meant")


def _atomic_write(path: Path, data: bytes) -> None:
    """Write through a temporary file beside ``path``, so a failure leaves the old file."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# PO files ---------------------------------------------------------------------------------------
def export_po(code: str, out: Path) -> int:
    """Write every text with its translation (or none) as a PO file."""
    job = _job(code)
    if job is None:
        return 1
    editor = None
    if job.table is not None:
        try:
            editor = TableText(job.path.read_bytes().decode("utf-8"))
        except TranslateError:
            editor = None  # only the earlier English of stale texts is lost
    texts = []
    counts = {"translated": 0, "stale": 0, "empty": 0}
    for text in job.texts:
        entry = job.now(text.id)
        stale = bool(entry and entry.text and (entry.source != source_hash(text.text) or entry.was))
        previous = entry.was if entry and stale else None
        if stale and previous is None and editor is not None and entry is not None:
            found = editor.english_comment(text.id, entry.source)
            previous = editor.comment_text(found) if found else None
        where = job.places.get(text.id)
        texts.append(
            PoText(
                text.id,
                text.text,
                entry.text if entry else "",
                (_about(text),),
                (f"{Path(where.path).name}:{where.line}",) if where else (),
                stale,
                previous,
            )
        )
        counts["stale" if stale else "translated" if entry and entry.text else "empty"] += 1
    header = {
        "Project-Id-Version": f"T-Cell Hero {__version__}",
        "Language": code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": "python -m game translate --export",
    }
    name = job.table.name if job.table else code
    notes = (
        f"T-Cell Hero: every text in {name} ({code}). msgctxt is the text's id, msgid the",
        "English, msgstr the translation; 'fuzzy' marks one whose English changed.",
        f"Bring it back with: python -m game translate --lang {code} --import FILE.po",
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    _atomic_write(out, write_po(header, texts, notes).encode("utf-8"))
    print(
        f"wrote {out}: {len(texts)} text(s), {counts['translated']} translated, "
        f"{counts['stale']} fuzzy (the English changed), {counts['empty']} to translate"
    )
    return 0


def _about(text: Text) -> str:
    if text.scene == "words":
        place = "the word book"
    elif text.scene == "menu":
        place = "the menus"
    else:
        place = f"scene: {text.scene}"
    return f"{place}; fact: {text.fact}" if text.fact else place


def import_po(code: str, source: Path, name: str | None = None) -> int:
    """Write the PO file's translations into the table of ``code`` (made if need be)."""
    if not _code_ok(code):
        return 1
    label = label_for(source)
    try:
        po = read_po(source, label)
    except SceneError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"translate: nothing was imported; {code}.yaml was not changed", file=sys.stderr)
        return 1
    job = _job(code)
    if job is None:
        return 1
    errors: list[Problem] = []
    notes: list[Problem] = []
    language = po.header.get("Language", "").lower().replace("_", "-")
    if language and language.split("-")[0] != code.split("-")[0]:
        errors.append(
            Problem(
                po.header_where,
                f"this file is for the language '{po.header['Language']}', not '{code}'",
            )
        )
    english = job.english
    wanted: dict[str, Wanted] = {}
    counts = {"new": 0, "fuzzy": 0, "empty": 0, "same": 0}
    seen: dict[str, Where] = {}
    for item in po.entries:
        if item.context is None:
            errors.append(
                Problem(
                    item.where,
                    "this entry has no msgctxt (the text's id): import a file made by "
                    f"'python -m game translate --lang {code} --export'",
                )
            )
            continue
        first = seen.setdefault(item.context, item.where)
        if first != item.where:
            errors.append(
                Problem(item.where, f"'{item.context}' again (first at line {first.line})")
            )
            continue
        if item.context not in english:
            notes.append(
                Problem(item.where, f"'{item.context}' is not a text of the game; skipped")
            )
            continue
        translation = item.msgstr.strip()
        if not translation:
            counts["empty"] += 1
            continue
        reader = _TableReader()
        reader.words(
            Node(translation, item.msgstr_where),
            f"the translation of '{item.context}'",
            kind_of(item.context),
        )
        if reader.problems:
            errors += reader.problems
            continue
        want = _imported(job, item.context, item, translation, english, notes, counts)
        if want is not None:
            wanted[item.context] = want
    if errors:
        for problem in sorted(errors):
            print(problem, file=sys.stderr)
        print(f"translate: nothing was imported; {job.label} was not changed", file=sys.stderr)
        return 1
    for note in notes:
        print(note)
    if not wanted and job.table is None:
        print(f"nothing to import: {label} has no translations; {job.label} was not made")
        return 0
    editor = _editor(job, name)
    if editor is None or not _write(job, editor, wanted):
        return 1
    done = len(wanted) - counts["fuzzy"]
    print(
        f"{'made' if job.table is None else 'wrote'} {job.label} from {label}: "
        f"{done} translation(s) imported, {counts['fuzzy']} imported but still marked was: "
        f"(fuzzy, or the English changed), {counts['same']} already there, "
        f"{counts['empty']} not translated in the file"
    )
    return 0


def _imported(
    job: _Job,
    text_id: str,
    item: PoEntry,
    translation: str,
    english: dict[str, str],
    notes: list[Problem],
    counts: dict[str, int],
) -> Wanted | None:
    """What the entry should say after importing ``item`` (None: as it is)."""
    hash_now = source_hash(english[text_id])
    now = job.now(text_id)
    up_to_date = now is not None and now.text and now.source == hash_now and now.was is None
    if source_hash(item.msgid) != hash_now:
        if up_to_date and now is not None and now.text != translation:
            notes.append(
                Problem(
                    item.where,
                    f"'{text_id}': the English changed since this file was made, and the "
                    "table has a translation of the new English: kept it",
                )
            )
            counts["same"] += 1
            return None
        notes.append(
            Problem(
                item.where,
                f"'{text_id}': the English changed since this file was made (it now says "
                f"{english[text_id]!r}): imported, and marked was: (stale)",
            )
        )
        counts["fuzzy"] += 1
        return Wanted(translation, hash_now, " ".join(item.msgid.split()))
    if item.fuzzy:
        if now is not None and now.text == translation and not up_to_date:
            counts["same"] += 1  # still stale, as it was
            return None
        counts["fuzzy"] += 1
        was = (now.was if now is not None else None) or item.previous
        if not was and now is not None and now.source != hash_now and now.source:
            was = _unknown(now.source)
        return Wanted(
            translation,
            hash_now,
            " ".join((was or "(marked fuzzy in the PO file: check it)").split()),
        )
    if up_to_date and now is not None and now.text == translation:
        counts["same"] += 1
        return None
    counts["new"] += 1
    return Wanted(translation, hash_now)
