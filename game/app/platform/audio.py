"""Sound effects and the music loop, with separate volumes.

Sound is a bonus, never a requirement: with no audio device, or a missing or broken sound
file, the game goes on in silence and says so once in the log.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pygame

from game import resources
from game.app.platform import sdl

log = logging.getLogger(__name__)

MUSIC = "music/journey.ogg"


class Audio:
    def __init__(
        self,
        effects: float = 0.8,
        music: float = 0.4,
        folder: Path | None = None,
        device: bool = True,
    ):
        """Volumes are 0..1. ``folder`` is the assets folder (default: the shipped one).
        ``device=False``: there is no sound device (the caller found it and said so), so stay
        silent without trying it again."""
        self.folder = folder or resources.assets_dir()
        self.effects = effects
        self.music = music
        self._sounds: dict[str, pygame.mixer.Sound | None] = {}
        #: False when there is no sound device: everything stays silent.
        self.ready = False
        if not device:
            return
        problem = sdl.open_mixer()
        if problem is None:
            self.ready = True
        else:
            log.warning("no sound: the audio device could not start (%s)", problem)

    def play(self, name: str) -> bool:
        """Play an effect by name; False (and silence) if it cannot be played."""
        sound = self._sound(name)
        if sound is None or self.effects <= 0:
            return False
        sound.set_volume(self.effects)
        sound.play()
        return True

    def _sound(self, name: str) -> pygame.mixer.Sound | None:
        if not self.ready:
            return None
        if name not in self._sounds:
            path = self.folder / "sounds" / f"{name}.ogg"
            try:
                inside = resources.asset_file(f"sounds/{name}.ogg", self.folder)
                if inside is None:  # missing, or a link that leads out of assets/
                    raise FileNotFoundError("no such file in assets/sounds")
                self._sounds[name] = pygame.mixer.Sound(inside)
            except (pygame.error, OSError, ValueError) as exc:
                log.warning("sound %s could not be loaded (%s); it stays silent", path, exc)
                self._sounds[name] = None
        return self._sounds[name]

    def start_music(self) -> bool:
        """Start the calm music loop; False (and silence) if it cannot play."""
        if not self.ready:
            return False
        path = self.folder / MUSIC
        try:
            inside = resources.asset_file(MUSIC, self.folder)
            if inside is None:  # missing, or a link that leads out of assets/
                raise FileNotFoundError("no such file in assets/")
            pygame.mixer.music.load(inside)
            pygame.mixer.music.set_volume(self.music)
            pygame.mixer.music.play(-1, fade_ms=2000)
        except (pygame.error, OSError, ValueError) as exc:
            log.warning("music %s could not be played (%s); going on without it", path, exc)
            return False
        return True

    def set_volumes(self, effects: float | None = None, music: float | None = None) -> None:
        if effects is not None:
            self.effects = max(0.0, min(1.0, effects))
        if music is not None:
            self.music = max(0.0, min(1.0, music))
            if self.ready:
                pygame.mixer.music.set_volume(self.music)
