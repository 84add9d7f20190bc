"""Every session on the device as one table: one row per session, for a spreadsheet or R/pandas
(``python -m game results --csv OUT.csv`` and the button on the grown-up's panel), and the
numbers behind the panel's picture of the device's sessions.

The file is UTF-8 with a header row, comma-separated, one line per session. Columns, in this
order (docs/facilitator-guide.md#session-records):

``child``            the child's random code (C-7K3Q), never their name
``name``             the typed name: only when the grown-up asks (``--names``), else no column
``session``          the child's session number (1, 2, 3...)
``date``             the local date the session began, ISO (2026-11-21)
``minutes``          minutes played, whole
``language``         the child's language (en, es...)
``age_band``         little (4 to 6), middle (7 to 9) or older (10 to 12)
``role``             patient, or sibling (a brother or sister)
``chapters_played``  chapters finished in the session, in order, joined with ';'
``chapters_left_out`` chapters left out for the child, joined with ';'
``feelings_before``  the feelings check-in face at the start: 1 (calm) to 5 (very scared)
``feelings_after``   the same at the end
then for each question, in the order the game asks them: ``<id>_first_try`` (1 or 0),
``<id>_with_help`` (1 or 0) and ``<id>_tries`` (a count). A cell is empty when there is
nothing to put in it (a check-in not given, a question not asked in that session).

Rows are ordered by date, then child code, then session number. Nothing else from the device
is in the file: no paths, no settings other than the ones above, no profile ids.

Reading the device's profiles here never changes them: a profile that cannot be read is left
where it is and named in ``Device.skipped``. Pure Python: no pygame.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from game.profile.profile import Profile, UnreadableProfile
from game.profile.records import CHAPTER_ID, FEELINGS, SessionRecord
from game.profile.store import FOLDER_NAME, ID_PATTERN, read_json, write_atomically
from game.script.model import Choice, Scene
from game.script.strings import DEFAULT_ROLE, ROLES

#: The columns before the questions'; ``name`` comes after ``child`` only when asked for.
COLUMNS = (
    "child",
    "session",
    "date",
    "minutes",
    "language",
    "age_band",
    "role",
    "chapters_played",
    "chapters_left_out",
    "feelings_before",
    "feelings_after",
)
NAME_COLUMN = "name"
#: Each question's columns: ``<id>_first_try``, ``<id>_with_help``, ``<id>_tries``.
PER_QUESTION = ("first_try", "with_help", "tries")
#: Joins the chapters in one cell.
JOIN = ";"
#: A file name for an export the panel saves (the date and time follow it).
FILE_STEM = "T-Cell Hero sessions"


@dataclass
class Device:
    """The profiles read from a device's data folder, and the files that could not be read
    (each as 'child-3.json: why')."""

    profiles: list[Profile] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def sessions(self) -> int:
        return sum(len(p.sessions) for p in self.profiles)


def read_device(data_dir: Path) -> Device:
    """Every readable profile in ``data_dir`` (the game's data folder), in the order they were
    made. Nothing is moved or written."""
    device = Device()
    folder = data_dir / FOLDER_NAME
    try:
        paths = sorted(
            (p for p in folder.glob("child-*.json") if ID_PATTERN.fullmatch(p.stem)),
            key=lambda p: int(p.stem.removeprefix("child-")),
        )
    except OSError as exc:
        device.skipped.append(f"{folder.name}: {exc.strerror or exc}")
        return device
    for path in paths:
        try:
            profile = Profile.from_dict(read_json(path))
            if profile.id != path.stem:
                raise UnreadableProfile(f"it says it is '{profile.id}'")
        except OSError as exc:
            device.skipped.append(f"{path.name}: {exc.strerror or 'it cannot be opened'}")
        except UnreadableProfile as exc:
            device.skipped.append(f"{path.name}: {exc}")
        except ValueError:
            device.skipped.append(f"{path.name}: it is not whole JSON")
        except RecursionError:
            device.skipped.append(f"{path.name}: it is nested too deeply")
        except Exception as exc:  # never a traceback for one child's file
            device.skipped.append(f"{path.name}: reading it failed with {type(exc).__name__}")
        else:
            device.profiles.append(profile)
    return device


# questions -----------------------------------------------------------------------------------
def ordered_chapters(scenes: Mapping[str, Scene], order: Sequence[str]) -> list[Scene]:
    """Every scene: those in ``order`` (the journey's ids) first, then the rest by id."""
    first = [scenes[i] for i in dict.fromkeys(order) if i in scenes]
    return first + [scenes[i] for i in sorted(scenes) if i not in set(order)]


def is_question(choice: Choice) -> bool:
    """A quiz or teach-back question (not a pick like colour or name, not a board of cards)."""
    return choice.keep is None and any(o.right for o in choice.options)


def question_ids(chapters: Sequence[Scene], profiles: Iterable[Profile] = ()) -> list[str]:
    """Every question's id in a stable order: chapter by chapter in ``chapters`` (the journey),
    each chapter's own questions as its file lists them and its teach-back ('hunt.teach'), then
    other ids recorded under that chapter; then any other id the records hold (from another
    version of the game), in alphabetical order. The game's questions are always there,
    answered or not."""
    recorded = sorted({q for p in profiles for r in p.sessions for q in r.answers})
    found: list[str] = []
    for scene in chapters:
        found += [c.id for c in _questions_of(scene) if is_question(c)]
        found += [q for q in recorded if q.startswith(f"{scene.id}.")]
    found += recorded
    return list(dict.fromkeys(found))


def question_choice(chapters: Sequence[Scene], question: str) -> tuple[Scene, Choice | None]:
    """The chapter and choice a question id names ('cd19', or 'hunt.teach': the choice 'teach'
    of the chapter 'hunt'), or (chapter, None) when only its chapter is known."""
    for scene in chapters:
        for choice in _questions_of(scene):
            if question in (choice.id, f"{scene.id}.{choice.id}"):
                return scene, choice
    chapter = question.split(".", 1)[0]
    for scene in chapters:
        if scene.id == chapter:
            return scene, None
    raise KeyError(question)


def _questions_of(scene: Scene) -> tuple[Choice, ...]:
    """A scene's choices, then its teach-back question (id '<chapter>.teach'), if it has one."""
    teach = getattr(scene, "teach_back", None)
    return scene.choices + ((teach,) if isinstance(teach, Choice) else ())


# the table -----------------------------------------------------------------------------------
def header(questions: Sequence[str], names: bool = False) -> list[str]:
    columns = list(COLUMNS)
    if names:
        columns.insert(1, NAME_COLUMN)
    for question in questions:
        columns += [f"{question}_{part}" for part in PER_QUESTION]
    return columns


def rows(profiles: Iterable[Profile], questions: Sequence[str], names: bool = False) -> list[list]:
    """One row per session (see the module's docstring for the columns)."""
    found = [
        (record.date, profile.code, record.number, profile, record)
        for profile in profiles
        for record in profile.sessions
    ]
    found.sort(key=lambda item: item[:3])
    return [_row(profile, record, questions, names) for *_, profile, record in found]


def _row(profile: Profile, record: SessionRecord, questions: Sequence[str], names: bool) -> list:
    row = [
        profile.code,
        record.number,
        record.date,
        record.minutes,
        record.language,
        record.band,
        record.role,
        JOIN.join(c for c in record.played if CHAPTER_ID.fullmatch(c)),
        JOIN.join(c for c in record.left_out if CHAPTER_ID.fullmatch(c)),
        _or_empty(record.feelings_before),
        _or_empty(record.feelings_after),
    ]
    if names:
        row.insert(1, _safe_cell(profile.child_name))
    for question in questions:
        answer = record.answers.get(question)
        if answer is None:
            row += ["", "", ""]
        else:
            row += [int(answer.right_first_try), int(answer.with_help), answer.tries]
    return row


def _or_empty(value: int | None) -> int | str:
    return "" if value is None else value


def _safe_cell(words: str) -> str:
    """A typed name as a cell a spreadsheet shows as words, never runs as a formula."""
    return f"'{words}" if words[:1] in ("=", "+", "-", "@", "\t", "\r") else words


def csv_text(profiles: Sequence[Profile], questions: Sequence[str], names: bool = False) -> str:
    """The whole table as CSV text (write it as UTF-8)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header(questions, names))
    writer.writerows(rows(profiles, questions, names))
    return out.getvalue()


def save_csv(
    profiles: Sequence[Profile],
    questions: Sequence[str],
    folder: Path,
    names: bool,
    when: datetime,
) -> Path:
    """Save the table in ``folder`` as 'T-Cell Hero sessions <date time>.csv' ('... sessions
    with names ...' when they are in it), atomically; raises OSError if it cannot."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{FILE_STEM} with names" if names else FILE_STEM
    path = folder / f"{stem} {when:%Y-%m-%d %H%M}.csv"
    write_atomically(path, csv_text(profiles, questions, names))
    return path


# the panel's picture -------------------------------------------------------------------------
@dataclass(frozen=True)
class QuestionStat:
    """How often one question was asked in a session of a child in ``role`` (patient or
    sibling: each is asked in its own words), and right on the first try."""

    id: str
    asked: int
    first_try: int
    role: str = DEFAULT_ROLE


def question_stats(profiles: Iterable[Profile], questions: Sequence[str]) -> list[QuestionStat]:
    """For each question (in ``questions``' order) and each role (patient, then sibling) it was
    asked of in at least one session: in how many sessions, and in how many it was right on
    the first try. A patient's and a sibling's answers are never counted together: a sibling
    is asked about their brother or sister ('Your brother or sister feels hot and shivery'),
    a patient about their own body."""
    asked = {(q, role): 0 for q in questions for role in ROLES}
    right = dict.fromkeys(asked, 0)
    for profile in profiles:
        for record in profile.sessions:
            for question, answer in record.answers.items():
                key = (question, record.role)
                if key in asked:
                    asked[key] += 1
                    right[key] += answer.right_first_try
    return [QuestionStat(q, asked[q, r], right[q, r], r) for q, r in asked if asked[q, r]]


def feelings_counts(profiles: Iterable[Profile]) -> tuple[list[int], list[int]]:
    """How many sessions began (before) and ended (after) with each face, calm to very
    scared."""
    before, after = [0] * len(FEELINGS), [0] * len(FEELINGS)
    for profile in profiles:
        for record in profile.sessions:
            if record.feelings_before is not None:
                before[record.feelings_before - FEELINGS.start] += 1
            if record.feelings_after is not None:
                after[record.feelings_after - FEELINGS.start] += 1
    return before, after
