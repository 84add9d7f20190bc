"""What one child's journey remembers from chapter to chapter: their T cell's colour and name,
which chapters they played, and how each quiz question went (for the child life specialist)."""

from __future__ import annotations

from dataclasses import dataclass, field

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
        option = self.picked.get("name")
        return option.text if option is not None else None

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
