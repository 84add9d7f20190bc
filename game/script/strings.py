"""Every word the child or the specialist sees, in their language and at their age band.

English lives beside what it describes: narration, picture labels and chapter titles in the
scene files, the word book in ``scenes/book/words.yaml``, and the menus in
``scenes/lang/en.yaml``. Every other language is one table, ``scenes/lang/<code>.yaml``, keyed by
the same ids::

    language: Español          # the language's own name, shown on the language button
    voice: es-419              # the espeak-ng voice that renders its voice files
    say: {IV: I.V.}            # how the synthesiser should say a word (optional)
    strings:
      hunt.intro:
        text: ¡Tu célula T volvió a tu sangre!
        en: 3f2a9c1b           # source_hash() of the English it was translated from

Adding a language is adding a table; ``python -m game translate --lang <code>`` writes it, and
the entries a table lacks (with ``text: ""``: not translated yet, shown in English) or whose
English changed (marked ``was:``, see :class:`Entry`); ``python -m game check`` lists every entry
that is missing, not translated yet, or stale because the English changed since.

A line may have variants for age bands (``hunt.intro@little``, ``hunt.intro@older``); a band
without its own variant uses the line itself. It may also have variants for a brother or sister
who plays (``hunt.intro@sibling``, ``hunt.intro@sibling_little``, ``hunt.intro@sibling_older``):
lines that say "your blood" are said to a sibling about their brother's or sister's.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from game.script.errors import Problem, Where
from game.script.fields import FieldReader
from game.script.placeholders import fill, placeholders
from game.script.yamlsafe import Node

SOURCE_LANGUAGE = "en"
#: Age bands: 4 to 6, 7 to 9 (the lines as written) and 10 to 12.
BANDS = ("little", "middle", "older")
DEFAULT_BAND = "middle"
#: The ages each band is for, as a new child answers "How old are you?".
BAND_AGES = {"little": (4, 5, 6), "middle": (7, 8, 9), "older": (10, 11, 12)}
#: Variants a line may carry, by band (the middle band is the line itself).
VARIANT_BANDS = ("little", "older")


def band_for_age(age: int) -> str:
    """The age band for a child of ``age``: younger than 7 is 4 to 6, older than 9 is 10 to
    12 (a brother or sister of 3 or of 13 plays in the nearest band)."""
    if age <= max(BAND_AGES["little"]):
        return "little"
    if age >= min(BAND_AGES["older"]):
        return "older"
    return "middle"


#: Who is playing: the child getting CAR T cells, or their brother or sister.
ROLES = ("patient", "sibling")
DEFAULT_ROLE = "patient"
#: Every variant a line may carry, as its key in a scene file and after '@' in its text id.
VARIANT_KEYS = (*VARIANT_BANDS, "sibling", *(f"sibling_{band}" for band in VARIANT_BANDS))
CODE = r"[a-z]{2,3}(-[a-z0-9]{2,8})?"


def source_hash(text: str) -> str:
    """A short fingerprint of English text: a translation records the one it was made from."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:8]


def kind_of(text_id: str) -> str:
    """Which kind of text (see :data:`game.script.readable.LIMITS`) a table's entry is."""
    if text_id.startswith("ui."):
        return "menu"
    if text_id.startswith("words."):
        return "meaning"
    return "title" if text_id.endswith(".title") else "line"


def variant_id(text_id: str, band: str) -> str:
    return text_id if band == DEFAULT_BAND else f"{text_id}@{band}"


def base_id(text_id: str) -> str:
    return text_id.split("@", 1)[0]


@dataclass(frozen=True)
class Entry:
    text: str
    source: str | None  # the English hash it was translated from; None in the English table
    where: Where = field(default=Where("?"), compare=False)
    #: Set when the English changed since this was translated (``python -m game translate``
    #: writes it): the English it was translated from. The translator changes the text, then
    #: deletes the ``was:`` line. Until then the entry is stale, and the game shows this text.
    was: str | None = None


@dataclass(frozen=True)
class Table:
    code: str
    name: str
    voice: str
    entries: Mapping[str, Entry]
    path: str
    #: Respellings for the speech synthesiser: word → how to say it ('IV' → 'I.V.', else it
    #: reads a Roman four). One word each, so word timings still line up.
    say: Mapping[str, str] = field(default_factory=dict)
    #: The natural voice that renders the voice files (see game/voice/kokoro.py); None: the
    #: default for the language.
    narrator: str | None = None
    #: Entries whose text is still empty (``text: ""``, as ``python -m game translate`` writes
    #: them): not translated yet, so the game shows (and says) the English.
    untranslated: Mapping[str, Entry] = field(default_factory=dict)


def table_paths(folder: Path) -> dict[str, Path]:
    return {path.stem: path for path in sorted(folder.glob("*.yaml"))}


def load_table(path: Path, label: str | None = None) -> Table:
    """Read one language table. Raises :class:`SceneError` with every problem's place."""
    label = label or str(path)
    reader = _TableReader()
    return reader.read(path, label, lambda root: reader.build(path.stem, label, root))


class _TableReader(FieldReader):
    def build(self, code: str, label: str, root: Node) -> Table | None:
        if not re.fullmatch(CODE, code):
            self.error(
                Where(label), f"name a language table by its code, like 'es.yaml', not '{code}'"
            )
        top = self.fields(
            root, "a language table", ("language", "strings"), ("voice", "say", "narrator")
        )
        if top is None or not {"language", "strings"} <= top.keys():
            return None
        name = self.text(top["language"], "'language' (the language's own name)")
        voice = self.text(top["voice"], "'voice'") if "voice" in top else code
        entries: dict[str, Entry] = {}
        untranslated: dict[str, Entry] = {}
        strings = top["strings"]
        if not isinstance(strings.value, dict):
            self.error(strings.where, f"'strings' must be a mapping of ids, not {strings.kind}")
            return None
        for text_id, (key, value) in strings.value.items():
            entry = self._entry(text_id, key, value, code == SOURCE_LANGUAGE)
            if entry is not None:
                (entries if entry.text else untranslated)[text_id] = entry
        say = self._say(top["say"]) if "say" in top else {}
        narrator = (
            self.text(top["narrator"], "'narrator' (a voice name)", r"[a-z]{2}_[a-z]+", "af_heart")
            if "narrator" in top
            else None
        )
        if name is None or voice is None:
            return None
        return Table(code, name, voice, entries, label, say, narrator, untranslated)

    def _say(self, node: Node) -> dict[str, str]:
        if not isinstance(node.value, dict):
            self.error(node.where, f"'say' must be a mapping of word: respelling, not {node.kind}")
            return {}
        found = {}
        for word, (_key, value) in node.value.items():
            spelled = self.text(value, f"how to say '{word}'")
            if spelled is not None and len(spelled.split()) != 1:
                self.error(value.where, f"say '{word}' as one word (no spaces), like 'I.V.'")
            elif spelled is not None:
                found[word] = spelled
        return found

    def _entry(self, text_id: str, key: Node, value: Node, english: bool) -> Entry | None:
        if english:  # the source table: plain text
            text = self.words(value, f"the text of '{text_id}'", kind_of(text_id))
            return None if text is None else Entry(text.strip(), None, key.where)
        found = self.fields(value, f"the translation of '{text_id}'", ("text", "en"), ("was",))
        if found is None or not {"text", "en"} <= found.keys():
            return None
        blank = found["text"].value is None or (
            isinstance(found["text"].value, str) and not found["text"].value.strip()
        )  # not translated yet: the game shows the English
        what = f"the text of '{text_id}'"
        text = "" if blank else self.words(found["text"], what, kind_of(text_id))
        was = self._was(found["was"]) if "was" in found else None
        if not isinstance(found["en"].value, str):
            self.error(found["en"].where, 'write the hash in quotes, like en: "3f2a9c1b"')
            return None
        source = self.text(
            found["en"], "'en' (the English text's hash)", r"[0-9a-f]{8}", "3f2a9c1b"
        )
        if text is None or source is None or was is False:
            return None
        return Entry(text.strip(), source, key.where, was or None)

    def _was(self, node: Node) -> str | bool | None:
        """``was:`` (the English a stale text was translated from): its text, None when it is
        empty (as good as deleted), or False after an error."""
        if node.value is None or (isinstance(node.value, str) and not node.value.strip()):
            return None
        if not isinstance(node.value, str):
            what = "'was' (the English it was translated from)"
            self.error(node.where, f"{what} must be text, not {node.kind}")
            return False
        return node.value.strip()


class Strings:
    """The live lookup: ``get(id)`` gives the text in the chosen language, band and role.
    Switching any of them takes effect on the next draw, so a child never loses their place."""

    def __init__(
        self,
        english: Mapping[str, str],
        tables: Mapping[str, Table],
        places: Mapping[str, Where] | None = None,
    ) -> None:
        self.english = dict(english)
        self.tables = dict(tables)
        #: Where each English text is written (a scene file, the word book, en.yaml): a
        #: missing translation is reported there.
        self.places = dict(places or {})
        self.language = SOURCE_LANGUAGE
        self.band = DEFAULT_BAND
        self.role = DEFAULT_ROLE

    @property
    def languages(self) -> list[str]:
        """Language codes, English first."""
        others = sorted(code for code in self.tables if code != SOURCE_LANGUAGE)
        return [SOURCE_LANGUAGE, *others]

    def name(self, code: str) -> str:
        table = self.tables.get(code)
        return table.name if table is not None else code

    def voice(self, code: str) -> str:
        table = self.tables.get(code)
        return table.voice if table is not None else code

    def narrator(self, code: str) -> str | None:
        table = self.tables.get(code)
        return table.narrator if table is not None else None

    def respelled(self, code: str, words: str) -> str:
        """``words`` as the synthesiser should read them (see ``Table.say``)."""
        table = self.tables.get(code)
        if table is None or not table.say:
            return words
        pattern = "|".join(re.escape(w) for w in sorted(table.say, key=len, reverse=True))
        said = re.sub(rf"(?<!\w)({pattern})(?!\w)", lambda m: table.say[m.group(1)], words)
        # A respelling that ends in a pause ('T,') before the line's own stop keeps the stop.
        return re.sub(r"[,;:](?=[.,;:!?…])", "", said)

    def set_language(self, code: str) -> None:
        if code not in self.languages:
            raise ValueError(
                f"no table for the language '{code}'; have {', '.join(self.languages)}"
            )
        self.language = code

    def next_language(self) -> str:
        """Switch to the next language (round the list); returns its code."""
        codes = self.languages
        self.language = codes[(codes.index(self.language) + 1) % len(codes)]
        return self.language

    def set_band(self, band: str) -> None:
        if band not in BANDS:
            raise ValueError(f"unknown age band '{band}'")
        self.band = band

    def set_role(self, role: str) -> None:
        if role not in ROLES:
            raise ValueError(f"unknown role '{role}'; use {' or '.join(ROLES)}")
        self.role = role

    def candidates(self, text_id: str) -> list[str]:
        """The ids that may say ``text_id`` for this band and role, best first: for a sibling
        ``id@sibling_<band>``, ``id@sibling``, then as for a patient ``id@<band>``, ``id``.
        Only variants the English has count (a translation of one that is gone is unused)."""
        wanted = []
        if self.role == "sibling":
            if self.band in VARIANT_BANDS:
                wanted.append(f"{text_id}@sibling_{self.band}")
            wanted.append(f"{text_id}@sibling")
        if self.band in VARIANT_BANDS:
            wanted.append(variant_id(text_id, self.band))
        return [*(c for c in wanted if c in self.english), text_id]

    def resolve(self, text_id: str) -> tuple[str, str]:
        """(language, id) of the text ``get`` shows (and the voice says): the first of
        :meth:`candidates` the language has, else the first in English."""
        candidates = self.candidates(text_id)
        table = self.tables.get(self.language)
        if self.language != SOURCE_LANGUAGE and table is not None:
            for candidate in candidates:
                if candidate in table.entries:
                    return self.language, candidate
        return SOURCE_LANGUAGE, candidates[0]

    def get(self, text_id: str, **fields: object) -> str:
        language, resolved = self.resolve(text_id)
        if language == SOURCE_LANGUAGE:
            words = self.english.get(resolved, text_id)
        else:
            words = self.tables[language].entries[resolved].text
        return fill(words, fields)

    def text_in(self, language: str, text_id: str) -> str | None:
        """The text of exactly this id in this language (no fallback), or None."""
        if language == SOURCE_LANGUAGE:
            return self.english.get(text_id)
        table = self.tables.get(language)
        entry = table.entries.get(text_id) if table is not None else None
        return entry.text if entry is not None else None

    def problems(self, language: str) -> list[Problem]:
        """What a translator must do: entries missing (reported at the English), stale (the
        English changed since), left over (the English is gone), or with different
        ``{fields}``; and, once for the table, how many are not translated yet (empty)."""
        if language == SOURCE_LANGUAGE:
            return []
        table = self.tables[language]
        found: list[Problem] = []
        top = Where(table.path)
        name = Path(table.path).name
        translate = f"run 'python -m game translate --lang {language}'"
        for text_id, english in self.english.items():
            entry = table.entries.get(text_id)
            now = source_hash(english)
            if entry is None and text_id not in table.untranslated:
                found.append(
                    Problem(
                        self.places.get(text_id, top),
                        f"missing translation of '{text_id}' in {name} (the game shows the "
                        f"English): {translate} to add it, then fill in its text",
                    )
                )
            elif entry is None:
                continue
            elif entry.source != now or entry.was is not None:
                before = (
                    f"; it was translated from {entry.was!r}: change the text, then delete "
                    "its 'was:' line"
                    if entry.was is not None
                    else f"; {translate} to put the new English beside it"
                )
                found.append(
                    Problem(
                        entry.where,
                        f"stale translation of '{text_id}': the English changed "
                        f"(en: {now}); it now says {english!r}{before}",
                    )
                )
            elif placeholders(entry.text) != placeholders(english):
                found.append(
                    Problem(
                        entry.where,
                        f"'{text_id}' must keep the fields "
                        f"{sorted(placeholders(english))} of the English",
                    )
                )
        for text_id, entry in {**table.untranslated, **table.entries}.items():
            if text_id not in self.english:
                found.append(Problem(entry.where, f"'{text_id}' is not used any more; remove it"))
        empty = sorted(e.where for i, e in table.untranslated.items() if i in self.english)
        if empty:
            found.append(
                Problem(
                    empty[0],
                    f"{len(empty)} text(s) in {name} not translated yet (their text is empty, "
                    "so the game shows them in English): fill them in",
                )
            )
        return sorted(found)
