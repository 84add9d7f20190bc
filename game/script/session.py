"""What one child's journey remembers from chapter to chapter: their T cell's colour and name,
which chapters they played, and how each quiz question went (for the child life specialist)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from game.script.model import Option

DEFAULT_COLOUR = "sky"


@dataclass
class Answer:
    """How one quiz question went: tries until the right answer, and whether the first was."""

    tries: int = 0
    right_first_try: bool = False
    solved: bool = False


@dataclass
class Session:
    picked: dict[str, Option] = field(default_factory=dict)
    answers: dict[str, Answer] = field(default_factory=dict)
    played: list[str] = field(default_factory=list)

    @property
    def hero_colour(self) -> str:
        option = self.picked.get("colour")
        return option.colour if option is not None and option.colour else DEFAULT_COLOUR

    @property
    def hero_name(self) -> str | None:
        """The id of the name the child picked (its words come from the language's table)."""
        option = self.picked.get("name")
        return option.id if option is not None else None

    def answer(self, question: str, right: bool) -> Answer:
        """Record one tap on a quiz answer. Taps after the right answer do not count."""
        record = self.answers.setdefault(question, Answer())
        if not record.solved:
            record.tries += 1
            record.solved = right
            record.right_first_try = right and record.tries == 1
        return record

    def played_chapter(self, scene_id: str) -> None:
        if scene_id not in self.played:
            self.played.append(scene_id)

    def summary(self) -> dict:
        """What a child life specialist reads: chapters played, and each quiz question's tries
        and whether the first try was right."""
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
