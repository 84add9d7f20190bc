"""Session records: what happened in each session, kept in the child's profile for the child life
specialist, who documents each session and, as a department, shows that teaching helps.

One :class:`SessionRecord` a session: the date (local, no time of day), the minutes played, the
language, age band and role (patient or sibling) at the end of it, the chapters played in it and
the chapters left out, each question answered in it (right on the first try, with help, tries)
and the feelings check-in before and after (1 calm .. 5 very scared; None when not given).

A record is made when a child is chosen and brought up to date on every autosave, so a game that
is killed keeps what happened until then. A session with nothing in it (no chapter, no answer,
no feelings and under a minute) is not kept. A profile keeps its newest ``MAX_SESSIONS``
records; the oldest is dropped first.

Each profile also has a random code (``C-7K3Q``) used in exports instead of the child's name.
It is made with :mod:`secrets`, never from the name or the profile id, so it says nothing about
the child.

Pure Python: no pygame.
"""

from __future__ import annotations

import math
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from game.profile.settings import Settings
from game.script.session import Answer, Session
from game.script.strings import BANDS, DEFAULT_BAND, DEFAULT_ROLE, ROLES

#: Records kept per child, newest last; the oldest is dropped first. A record is a few hundred
#: bytes, so a profile stays far below the store's size limit.
MAX_SESSIONS = 100
#: A session shorter than this, with nothing else in it, is not kept.
EMPTY_SECONDS = 60
#: The feelings check-in's faces: 1 (calm) to 5 (very scared).
FEELINGS = range(1, 6)
#: Letters and digits of a child's code: none that are easily mistaken for another (0 O 1 I L).
CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 4
CODE_PATTERN = re.compile(rf"C-[{CODE_LETTERS}]{{{CODE_LENGTH}}}")
#: A chapter id (as scene files write it) and a question id: a choice id, or a teach-back id
#: like 'hunt.teach'. Anything else in a saved record is not kept (it could not have come from
#: the game, and an export must never carry it).
CHAPTER_ID = re.compile(r"[a-z][a-z0-9_]{0,39}")
QUESTION_ID = re.compile(r"[a-z][a-z0-9_]{0,39}(\.[a-z0-9_]{1,40}){0,3}")
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")
#: The most questions one record keeps (the game asks far fewer).
MAX_ANSWERS = 200


def new_code(taken: Iterable[str] = ()) -> str:
    """A random code for a child, like 'C-7K3Q', none of ``taken``."""
    taken = set(taken)
    while True:
        code = "C-" + "".join(secrets.choice(CODE_LETTERS) for _ in range(CODE_LENGTH))
        if code not in taken:
            return code


def is_code(value: object) -> bool:
    return isinstance(value, str) and CODE_PATTERN.fullmatch(value) is not None


@dataclass
class SessionRecord:
    #: This child's sessions are numbered 1, 2, 3... (dropping the oldest keeps the numbers).
    number: int
    #: The local date the session began, ISO (2026-11-21).
    date: str
    seconds: int = 0
    language: str = "en"
    band: str = DEFAULT_BAND
    role: str = DEFAULT_ROLE
    #: Chapters finished in this session, in the order they were finished.
    played: list[str] = field(default_factory=list)
    #: Chapters left out for this child (by the grown-up) at the end of the session.
    left_out: list[str] = field(default_factory=list)
    #: Each question answered in this session, by question id, counted afresh.
    answers: dict[str, Answer] = field(default_factory=dict)
    feelings_before: int | None = None
    feelings_after: int | None = None

    @classmethod
    def start(cls, sessions: list[SessionRecord], today: date | None = None) -> SessionRecord:
        """A new record after ``sessions`` (a profile's), dated today."""
        number = max((s.number for s in sessions), default=0) + 1
        return cls(number, (today or date.today()).isoformat())

    @property
    def minutes(self) -> int:
        """Minutes played, rounded to the nearest whole minute."""
        return round(self.seconds / 60)

    @property
    def empty(self) -> bool:
        """Nothing happened: no chapter, no answer, no feelings, and under a minute."""
        return not (
            self.played
            or self.answers
            or self.feelings_before is not None
            or self.feelings_after is not None
            or self.seconds >= EMPTY_SECONDS
        )

    def update(
        self, session: Session, settings: Settings, seconds: float, left_out: Iterable[str]
    ) -> None:
        """Bring the record up to date with the session so far; ``settings`` are the child's
        (language, band, role), ``left_out`` the chapters left out for them."""
        self.seconds = int(seconds) if _finite(seconds) and seconds > 0 else 0
        self.language = settings.language
        self.band = settings.band
        self.role = settings.role
        self.played = list(session.played_now)
        self.left_out = list(left_out)
        self.answers = {
            q: Answer(a.tries, a.right_first_try, a.solved, a.with_help)
            for q, a in session.answered_now.items()
            if a.tries > 0
        }
        self.feelings_before = _feeling(session.feelings.get("before"))
        self.feelings_after = _feeling(session.feelings.get("after"))

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "date": self.date,
            "seconds": self.seconds,
            "language": self.language,
            "band": self.band,
            "role": self.role,
            "played": list(self.played),
            "left_out": list(self.left_out),
            "answers": {q: saved_answer(a) for q, a in self.answers.items()},
            "feelings_before": self.feelings_before,
            "feelings_after": self.feelings_after,
        }

    @classmethod
    def from_dict(cls, data: object) -> SessionRecord | None:
        """A record from its saved form; None when it cannot be one (not a mapping, no
        number or no date). Smaller slips (a wrong band, a strange chapter id, a feeling out of
        range) fall back to defaults or are left out, so the rest of the record is kept."""
        if not isinstance(data, dict):
            return None
        number, day = data.get("number"), data.get("date")
        if isinstance(number, bool) or not isinstance(number, int) or not 0 < number < 10**9:
            return None
        if not isinstance(day, str) or not _iso_date(day):
            return None
        record = cls(number, day)
        seconds = data.get("seconds")
        if _finite(seconds) and 0 <= seconds <= 7 * 24 * 3600:
            record.seconds = int(seconds)
        language = data.get("language")
        if isinstance(language, str) and LANGUAGE_CODE.fullmatch(language):
            record.language = language
        if data.get("band") in BANDS:
            record.band = data["band"]
        if data.get("role") in ROLES:
            record.role = data["role"]
        record.played = _ids(data.get("played"), CHAPTER_ID)
        record.left_out = _ids(data.get("left_out"), CHAPTER_ID)
        answers = data.get("answers")
        if isinstance(answers, dict):
            kept = {
                q: read_answer(a)
                for q, a in list(answers.items())[:MAX_ANSWERS]
                if isinstance(q, str) and QUESTION_ID.fullmatch(q) and isinstance(a, dict)
            }
            record.answers = {q: a for q, a in kept.items() if a.tries > 0}
        record.feelings_before = _feeling(data.get("feelings_before"))
        record.feelings_after = _feeling(data.get("feelings_after"))
        return record


def keep(sessions: list[SessionRecord], record: SessionRecord) -> None:
    """Put ``record`` (the session being played) among a profile's ``sessions`` once something
    happened in it, and keep only the newest ``MAX_SESSIONS``."""
    here = any(s is record for s in sessions)
    if record.empty:
        if here:
            sessions[:] = [s for s in sessions if s is not record]
        return
    if not here:
        sessions.append(record)
    del sessions[: max(0, len(sessions) - MAX_SESSIONS)]


def read_sessions(data: object) -> list[SessionRecord]:
    """A profile's saved records: malformed ones, empty ones and a second record of the same
    number are dropped; the newest ``MAX_SESSIONS`` are kept, oldest first."""
    if not isinstance(data, list):
        return []
    found: dict[int, SessionRecord] = {}
    for item in data:
        record = SessionRecord.from_dict(item)
        if record is not None and not record.empty and record.number not in found:
            found[record.number] = record
    return sorted(found.values(), key=lambda r: r.number)[-MAX_SESSIONS:]


def _iso_date(text: str) -> bool:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) is None:
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _ids(value: object, pattern: re.Pattern[str]) -> list[str]:
    if not isinstance(value, list):
        return []
    kept = [v for v in value if isinstance(v, str) and pattern.fullmatch(v)]
    return list(dict.fromkeys(kept))[:MAX_ANSWERS]


def _feeling(value: object) -> int | None:
    """A face of the check-in (1..5), or None."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if value in FEELINGS else None


def _finite(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def saved_answer(answer: Answer) -> dict[str, Any]:
    """One answer as a profile saves it (in its answers and in each session record)."""
    return {
        "tries": answer.tries,
        "right_first_try": answer.right_first_try,
        "solved": answer.solved,
        "with_help": answer.with_help,
    }


def read_answer(data: dict) -> Answer:
    """One saved answer, checked field by field; a profile saved before answers knew about help
    reads as without."""
    tries = data.get("tries")
    tries = tries if _finite(tries) and isinstance(tries, int) and 0 < tries < 10**6 else 0
    with_help = data.get("with_help") is True
    return Answer(
        tries=tries,
        right_first_try=data.get("right_first_try") is True and not with_help and tries == 1,
        solved=data.get("solved") is True,
        with_help=with_help,
    )
