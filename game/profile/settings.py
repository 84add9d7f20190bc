"""What the child life specialist sets for one child: words, sound, looks and session.

Every setting has a short list of steps, so each one is a single button on the facilitator
panel that a tap moves to the next step: no typing and no sliders for small fingers to miss.
Reading a saved file keeps every setting it can and uses the default for the rest.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from game.script.strings import BANDS, DEFAULT_BAND, DEFAULT_ROLE, ROLES

#: Steps for each setting that is not on/off, in the order a tap moves through them.
STEPS: dict[str, tuple[Any, ...]] = {
    "band": BANDS,
    "role": ROLES,
    "text_speed": ("slow", "normal", "fast"),
    "text_size": ("normal", "large", "largest"),
    "effects": (0, 20, 40, 60, 80, 100),
    "music": (0, 20, 40, 60, 80, 100),
    "break_minutes": (0, 10, 15, 20, 25),
    "scan_seconds": (1.0, 1.5, 2.0, 3.0),
}
#: Typewriter speed (characters a second) for each text speed step.
CHARS_PER_SECOND = {"slow": 16.0, "normal": 30.0, "fast": 48.0}


@dataclass
class Settings:
    language: str = "en"
    band: str = DEFAULT_BAND
    #: Who is playing: the child getting CAR T cells ('patient') or a brother or sister.
    role: str = DEFAULT_ROLE
    voice: bool = True
    text_speed: str = "normal"
    #: Volumes in percent, always one of their STEPS (so the panel can show and step them).
    effects: int = 80
    music: int = 40
    text_size: str = "normal"
    high_contrast: bool = False
    reduced_motion: bool = False
    #: One-switch scanning: a highlight moves through the targets; any key or tap selects.
    one_switch: bool = False
    scan_seconds: float = 1.5
    #: Minutes of play before a gentle break reminder (0: no reminder).
    break_minutes: int = 15
    #: Chapters (by scene id) and details (see ``Actor.detail``) left out for this child.
    leave_out: list[str] = field(default_factory=list)
    #: The feelings check-in ("How do you feel right now?", five faces) at the start and the
    #: end of each session (see game/app/screens/feelings.py).
    feelings_check_in: bool = True
    #: One picture question after each chapter's closing card (see game/script/teach_back.py).
    teach_back: bool = False

    @property
    def chars_per_second(self) -> float:
        return CHARS_PER_SECOND[self.text_speed]

    def step(self, name: str) -> None:
        """Move one setting to its next step (round the list), or flip it if it is on/off."""
        value = getattr(self, name)
        if isinstance(value, bool):
            setattr(self, name, not value)
            return
        steps = STEPS[name]
        index = steps.index(value) if value in steps else -1
        setattr(self, name, steps[(index + 1) % len(steps)])

    def toggle_left_out(self, name: str) -> None:
        if name in self.leave_out:
            self.leave_out.remove(name)
        else:
            self.leave_out.append(name)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: object, languages: tuple[str, ...] = ()) -> Settings:
        """Settings from a saved file: a value of the wrong kind, or not one of the steps,
        is replaced by the default (``languages``: the ones this game has, if known)."""
        settings = cls()
        if not isinstance(data, dict):
            return settings
        for spec in fields(cls):
            if spec.name not in data:
                continue
            value = data[spec.name]
            default = getattr(settings, spec.name)
            if spec.name == "leave_out":
                if isinstance(value, list) and all(isinstance(v, str) for v in value):
                    settings.leave_out = list(dict.fromkeys(value))
            elif isinstance(default, bool):
                if isinstance(value, bool):
                    setattr(settings, spec.name, value)
            elif spec.name == "language":
                if isinstance(value, str) and (not languages or value in languages):
                    settings.language = value
            elif value in STEPS[spec.name] and type(value) is type(default):
                setattr(settings, spec.name, value)
        return settings
