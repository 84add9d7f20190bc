"""One child on a shared device: their T cell (its colour and name are their picture on the
'who is playing?' screen), their progress, their quiz answers and their settings.

A profile is saved as one small JSON file; ``to_dict`` and ``from_dict`` are that file's
format (``FORMAT_VERSION``). The child's typed name stays in this file and nowhere else: it is
never logged. Version 2 added the child's random code and the session records (see
game.profile.records); a version 1 file reads as a child with no records yet and a new code.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from game.profile import records
from game.profile.records import SessionRecord, read_answer, saved_answer
from game.profile.settings import Settings
from game.script.model import Option
from game.script.session import Answer, Session

FORMAT_VERSION = 2
#: The versions this game reads: 1 (before session records) and 2.
READS_VERSIONS = (1, 2)
#: The longest child's name the specialist can type.
NAME_LENGTH = 16
#: Picks whose option was renamed or taken away, and the one a saved child gets instead. The
#: T cell colours that were too close to another cell's (pink was the leukemia cell's, green
#: the B cell's, orange the platelet's) became the nearest ones that are not. The T cell name
#: Star became Dino: its star badge was CD19's star, on the leukemia cells it hunts.
RENAMED_PICKS = {
    "meet.colour.pink": "meet.colour.purple",
    "meet.colour.green": "meet.colour.lime",
    "meet.colour.orange": "meet.colour.yellow",
    "meet.name.star": "meet.name.dino",
}


#: Kinds of character never kept in a name: controls (NUL, DEL...), lone surrogates, private-use
#: and unassigned code points, line and paragraph separators. None of them can be typed on the
#: game's keyboard, and some cannot be drawn or written to a file.
_UNSAFE_IN_NAMES = {"Cc", "Cs", "Co", "Cn", "Zl", "Zp"}


def clean_name(name: str) -> str:
    """A child's name safe to show and to save: characters that cannot be typed, drawn or
    written are dropped, runs of spaces become one, and it is at most ``NAME_LENGTH`` long."""
    kept = "".join(c for c in name if unicodedata.category(c) not in _UNSAFE_IN_NAMES)
    return " ".join(kept.split())[:NAME_LENGTH].strip()


class UnreadableProfile(ValueError):
    """A saved profile that cannot be used; the message says why, for the log."""


@dataclass
class Profile:
    id: str
    #: Picks kept for the journey, by what they keep ('colour', 'name'): option ids.
    picked: dict[str, str] = field(default_factory=dict)
    played: list[str] = field(default_factory=list)
    answers: dict[str, Answer] = field(default_factory=dict)
    #: The chapter the journey map points at next (None: the first).
    at: str | None = None
    child_name: str = ""
    settings: Settings = field(default_factory=Settings)
    #: Seconds played in all sessions, for the specialist.
    seconds_played: float = 0.0
    #: A random code for exports, in place of the child's name (see game.profile.records).
    code: str = field(default_factory=records.new_code)
    #: What happened in each session, oldest first (see game.profile.records).
    sessions: list[SessionRecord] = field(default_factory=list)

    def session(self, options: Mapping[str, Option]) -> Session:
        """A journey that carries on from this profile; ``options`` are every pick's options
        by id (a pick whose option is gone from the scenes is forgotten)."""
        picked = {keep: options[oid] for keep, oid in self.picked.items() if oid in options}
        answers = {q: replace(a) for q, a in self.answers.items()}
        return Session(
            picked=picked, answers=answers, played=list(self.played), band=self.settings.band
        )

    def take(self, session: Session) -> None:
        """Copy the journey's progress into the profile, to be saved."""
        self.picked = {keep: option.id for keep, option in session.picked.items()}
        self.played = list(session.played)
        self.answers = {q: replace(a) for q, a in session.answers.items()}

    def forget_progress(self) -> None:
        """Clear this child's progress and answers; their picture and settings stay."""
        keep = {k: v for k, v in self.picked.items() if k in ("colour", "name")}
        self.picked, self.played, self.answers, self.at = keep, [], {}, None
        self.seconds_played = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": FORMAT_VERSION,
            "id": self.id,
            "picked": dict(self.picked),
            "played": list(self.played),
            "answers": {q: saved_answer(a) for q, a in self.answers.items()},
            "at": self.at,
            "child_name": self.child_name,
            "seconds_played": round(self.seconds_played, 1)
            if math.isfinite(self.seconds_played)
            else 0.0,
            "settings": self.settings.to_dict(),
            "code": self.code,
            "sessions": [record.to_dict() for record in self.sessions],
        }

    @classmethod
    def from_dict(cls, data: object, languages: tuple[str, ...] = ()) -> Profile:
        """A profile from its saved form. A file of another version, or without the parts
        every profile has, raises :class:`UnreadableProfile`; smaller slips (an unknown
        setting, a wrong value) fall back to defaults so nothing else is lost."""
        if not isinstance(data, dict):
            raise UnreadableProfile("it does not hold a profile")
        version = data.get("version")
        if version not in READS_VERSIONS or isinstance(version, bool):
            raise UnreadableProfile(
                f"it is format version {version!r}; this game reads versions "
                f"{READS_VERSIONS[0]} to {FORMAT_VERSION}"
            )
        profile_id = data.get("id")
        if not isinstance(profile_id, str) or not profile_id:
            raise UnreadableProfile("it has no profile id")
        profile = cls(profile_id, settings=Settings.from_dict(data.get("settings"), languages))
        picked = data.get("picked")
        if isinstance(picked, dict):
            profile.picked = {
                k: RENAMED_PICKS.get(v, v) for k, v in picked.items() if isinstance(v, str)
            }
        played = data.get("played")
        if isinstance(played, list):
            profile.played = [p for p in played if isinstance(p, str)]
        answers = data.get("answers")
        if isinstance(answers, dict):
            profile.answers = {q: read_answer(a) for q, a in answers.items() if isinstance(a, dict)}
        if isinstance(data.get("at"), str):
            profile.at = data["at"]
        name = data.get("child_name")
        if isinstance(name, str):
            profile.child_name = clean_name(name)
        seconds = data.get("seconds_played")
        if _finite(seconds) and seconds >= 0:
            profile.seconds_played = float(seconds)
        if records.is_code(data.get("code")):
            profile.code = data["code"]
        profile.sessions = records.read_sessions(data.get("sessions"))
        return profile


def _finite(value: object) -> bool:
    """A number (not a bool) that fits in a float and is not infinite or NaN."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an int too large for a float
        return False
