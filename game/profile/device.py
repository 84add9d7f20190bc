"""What belongs to the device rather than to a child: the language of the grown-up's controls,
and the language the game last played in here.

A clinic tablet is shared by many children, each with their own language, while the specialist
who opens the controls stays the same; so the controls keep the grown-up's language whatever
the child's is. "Who is playing?" opens in the language the last child played in (the one the
game will most likely play in next), not always the one it was started with. Saved beside the
profiles (see ``ProfileStore.load_device``); clearing the children's data leaves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class DeviceSettings:
    #: The language the grown-up's controls are shown in; None until they are first opened,
    #: when they take the language the game is in then (and keep it until changed there).
    grownup_language: str | None = None
    #: The language the last child played in on this device (None until a child has played):
    #: "who is playing?" opens in it, and a new child starts in it (see ProfileStore.save).
    language: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"grownup_language": self.grownup_language, "language": self.language}

    @classmethod
    def from_dict(cls, data: object, languages: tuple[str, ...] = ()) -> DeviceSettings:
        """Device settings from a saved file; anything unusable is the default
        (``languages``: the ones this game has, if known)."""
        settings = cls()
        if not isinstance(data, dict):
            return settings
        for key in ("grownup_language", "language"):
            language = data.get(key)
            if isinstance(language, str) and (not languages or language in languages):
                setattr(settings, key, language)
        return settings
