"""What one child's journey remembers from chapter to chapter: their T cell's colour and name,
their age band, which chapters they played, and how each quiz question went (for the child life
specialist)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from game.script.model import Option, Scene
from game.script.strings import DEFAULT_BAND

DEFAULT_COLOUR = "sky"
#: The activity that puts the CARs on the child's T cell: the lab.
CAR_ACTIVITY = "attach"


def from_the_lab(journey: Sequence[Scene]) -> tuple[str, ...]:
    """The ids of the chapters from the lab on (the lab first), in playing order: empty when
    the journey has no lab."""
    ids = [scene.id for scene in journey]
    labs = [i for i, scene in enumerate(journey) if scene.activity.name == CAR_ACTIVITY]
    return tuple(ids[labs[0] :]) if labs else ()


def wears_car(from_lab: Sequence[str], played: Iterable[str], scene_id: str | None = None) -> bool:
    """Whether the child's T cell wears its CARs. In a chapter (``scene_id``): whenever it
    comes after the lab, played or not, so a chapter played alone looks as it does in the
    journey; never in the lab or before it. Elsewhere (the map, the summary, the profiles):
    once the lab or a chapter after it has been played."""
    if scene_id is not None:
        return scene_id in from_lab[1:]
    return any(chapter in from_lab for chapter in played)


@dataclass
class Answer:
    """How one quiz question went: tries until the right answer, whether the first was right,
    and whether help was shown first (the right picture glowed). An answer with help is never
    right on the first try: Results would overstate what the child understood."""

    tries: int = 0
    right_first_try: bool = False
    solved: bool = False
    with_help: bool = False


@dataclass
class Session:
    picked: dict[str, Option] = field(default_factory=dict)
    answers: dict[str, Answer] = field(default_factory=dict)
    played: list[str] = field(default_factory=list)
    #: The child's age band: which quiz answers they see (see ``Option.bands``).
    band: str = DEFAULT_BAND
    #: The journey's chapters from the lab on (see ``from_the_lab``; the app sets it): where
    #: the child's T cell wears its CARs.
    from_lab: tuple[str, ...] = ()
    #: The feelings check-in: which face the child tapped at the start ('before') and the end
    #: ('after') of this session, 1 (calm) to 5 (very scared). Never shown to the child as a
    #: number. Only this session's: a new session starts with none.
    feelings: dict[str, int] = field(default_factory=dict)
    #: This session's own answers and chapters, counted afresh (``answers`` and ``played`` are
    #: every session's): a question solved in an earlier session counts again when it is
    #: asked again. The session record keeps them (see game.profile.records).
    answered_now: dict[str, Answer] = field(default_factory=dict)
    played_now: list[str] = field(default_factory=list)
    #: A quiz left before its end in this session (pause, the map, the grown-up's corner): the
    #: questions answered right in it, by chapter, so coming back goes on from the first one
    #: not answered (see game.world.picks.QuizRules). Forgotten once the chapter is played to
    #: its end (or started again by the grown-up), and never saved: a new session starts anew.
    solved_in: dict[str, list[str]] = field(default_factory=dict)

    def has_car(self, scene_id: str | None = None) -> bool:
        """Whether the child's T cell wears its CARs in ``scene_id`` (see ``wears_car``)."""
        return wears_car(self.from_lab, self.played, scene_id)

    @property
    def hero_colour(self) -> str:
        option = self.picked.get("colour")
        return option.colour if option is not None and option.colour else DEFAULT_COLOUR

    @property
    def hero_name(self) -> str | None:
        """The id of the name the child picked (its words come from the language's table)."""
        option = self.picked.get("name")
        return option.id if option is not None else None

    def answer(self, question: str, right: bool, with_help: bool = False) -> Answer:
        """Record one tap on a quiz answer; ``with_help`` when the right picture was shown to
        the child first. Taps after the right answer do not count."""
        _count(self.answered_now.setdefault(question, Answer()), right, with_help)
        return _count(self.answers.setdefault(question, Answer()), right, with_help)

    def goes_on(self, scene: Scene) -> bool:
        """Whether ``scene`` is a quiz the child left halfway in this session and goes on with
        now: some of its own questions were answered right then (see ``solved_in``)."""
        solved = set(self.solved_in.get(scene.id, ()))
        return any(choice.id in solved for choice in scene.choices)

    def played_chapter(self, scene_id: str) -> None:
        self.solved_in.pop(scene_id, None)  # played to its end: next time from the start
        if scene_id not in self.played:
            self.played.append(scene_id)
        if scene_id not in self.played_now:
            self.played_now.append(scene_id)

    def summary(self) -> dict:
        """What a child life specialist reads: chapters played, and each quiz question's tries,
        whether the first try was right and whether it was answered with help."""
        return {
            "played": list(self.played),
            "colour": self.hero_colour,
            "name": self.picked["name"].id if "name" in self.picked else None,
            "answers": {question: asdict(answer) for question, answer in self.answers.items()},
        }

    def save(self, path: Path) -> None:
        """Write the summary as JSON, atomically: a new file replaces the old one only once it
        is whole, so a crash mid-write never leaves half a file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(json.dumps(self.summary(), indent=2) + "\n", encoding="utf-8")
        os.replace(temporary, path)


def _count(record: Answer, right: bool, with_help: bool) -> Answer:
    """One tap on a quiz answer in ``record``; taps after the right answer do not count."""
    if not record.solved:
        record.tries += 1
        record.solved = right
        record.with_help = record.with_help or with_help
        record.right_first_try = right and record.tries == 1 and not record.with_help
    return record
