"""Saying each line aloud, in the child's language: its voice file, else the system's speech,
else text only. Never a crash: a missing or broken file, or no audio device, is logged once.

It is the narrator's ``Speaker``: the narrator asks it to say a line when the line appears, and
uses the timing it gets back to light up the words as they are spoken.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from pathlib import Path

import pygame

from game import resources
from game.app.platform import sdl
from game.script.narrator import Timing
from game.script.strings import Strings, source_hash
from game.voice.index import Recorded, load_index, voice_file
from game.voice.system import SystemSpeech

log = logging.getLogger(__name__)

#: Decoded voice clips kept in memory (each is a few hundred kB once decoded).
CACHE_SIZE = 6
#: A file this much longer or shorter than the index says was replaced (a recorded human
#: voice, say): its word timings no longer fit, so the line lights up whole instead.
TIMING_TOLERANCE = 0.1


class Voice:
    def __init__(
        self,
        strings: Strings,
        folder: Path | None = None,
        system: SystemSpeech | None = None,
        enabled: bool = True,
        volume: float = 1.0,
        device: bool = True,
    ) -> None:
        """``folder`` holds ``<lang>/<id>.mp3`` or ``.wav`` (default: the shipped assets/voice).
        ``device=False``: there is no sound device (the caller found it and said so)."""
        self.strings = strings
        self.folder = folder or resources.assets_dir() / "voice"
        self.system = system
        self.enabled = enabled
        self.volume = volume
        self._indexes: dict[str, dict[str, Recorded]] = {}
        self._clips: OrderedDict[Path, pygame.mixer.Sound] = OrderedDict()
        self._told: set[str] = set()
        self._channel: pygame.mixer.Channel | None = None
        #: False when there is no sound device: nothing can be heard, so the words are only
        #: shown (and the map's voice button says so instead of offering a voice).
        self.available = device
        problem = sdl.open_mixer() if device else None
        if problem is not None:
            self.available = False
            self._once("device", "no voice: the audio device could not start (%s)", problem)
        elif device:
            pygame.mixer.set_reserved(1)
            self._channel = pygame.mixer.Channel(0)

    # the narrator's Speaker ----------------------------------------------------------------
    def speak(self, line_id: str) -> Timing | None:
        self.hush()
        if not (self.enabled and self.available):
            return None
        language, text_id = self.strings.resolve(line_id)
        timing = self._play_file(language, text_id)
        if timing is not None:
            return timing
        if self.system is not None:
            seconds = self.system.speak(self.strings.get(line_id), self.strings.voice(language))
            if seconds is not None:
                return Timing(seconds)
        return None

    def hush(self) -> None:
        if self._channel is not None:
            self._channel.stop()
        if self.system is not None:
            self.system.stop()

    # --------------------------------------------------------------------------------------
    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        if not enabled:
            self.hush()

    def _play_file(self, language: str, text_id: str) -> Timing | None:
        if self._channel is None:
            return None
        recorded = self._index(language).get(text_id)
        words_now = self.strings.text_in(language, text_id)
        if (
            recorded is not None
            and words_now is not None
            and recorded.hash != source_hash(words_now)
        ):
            # The line was changed after its file was made: the file says the old words, so
            # the computer's own speech says the new ones until the voices are made again.
            self._once(
                f"stale:{language}/{text_id}",
                "voice file %s/%s says old words; the system's speech says it until 'voices' runs",
                language,
                text_id,
            )
            return None
        path = voice_file(self.folder, language, text_id)
        clip = self._clip(path)
        if clip is None:
            return None
        seconds = clip.get_length()
        words = None
        if (
            recorded is not None
            and abs(seconds - recorded.seconds) <= recorded.seconds * TIMING_TOLERANCE
        ):
            words = recorded.words
        clip.set_volume(self.volume)
        self._channel.play(clip)
        return Timing(seconds, words)

    def _clip(self, path: Path) -> pygame.mixer.Sound | None:
        if path in self._clips:
            self._clips.move_to_end(path)
            return self._clips[path]
        try:
            inside = resources.asset_file(str(path.relative_to(self.folder)), self.folder)
            if inside is None:  # missing, or a link that leads out of the voice folder
                raise FileNotFoundError("no such file in the voice folder")
            clip = pygame.mixer.Sound(inside)
        except (pygame.error, OSError, ValueError) as exc:
            self._once(str(path), "voice file %s cannot be played (%s); falling back", path, exc)
            return None
        self._clips[path] = clip
        while len(self._clips) > CACHE_SIZE:
            self._clips.popitem(last=False)
        return clip

    def _index(self, language: str) -> dict[str, Recorded]:
        if language not in self._indexes:
            self._indexes[language] = load_index(self.folder, language)
        return self._indexes[language]

    def _once(self, key: str, message: str, *args: object) -> None:
        if key not in self._told:
            self._told.add(key)
            log.warning(message, *args)
