"""What belongs to the device rather than to a child: the language of the grown-up's controls.

A clinic tablet is shared by many children, each with their own language, while the specialist
who opens the controls stays the same; so the controls keep the grown-up's language whatever
the child's is. Saved beside the profiles (see ``ProfileStore.load_device``); clearing the
children's data leaves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class DeviceSettings:
    #: The language the grown-up's controls are shown in; None until they are first opened,
    #: when they take the language the game is in then (and keep it until changed there).
    grownup_language: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"grownup_language": self.grownup_language}

    @classmethod
    def from_dict(cls, data: object, languages: tuple[str, ...] = ()) -> DeviceSettings:
        """Device settings from a saved file; anything unusable is the default
        (``languages``: the ones this game has, if known)."""
        settings = cls()
        if not isinstance(data, dict):
            return settings
        language = data.get("grownup_language")
        if isinstance(language, str) and (not languages or language in languages):
            settings.grownup_language = language
        return settings
