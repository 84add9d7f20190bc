"""Who is playing, and what is kept for them.

The ``Keeper`` holds the child being played for (a profile from the store, or a guest when
there is no store or nobody is chosen yet), their session (what they picked, felt and
played), the record of this session kept in their profile, and the device's own settings. It
puts a child's settings into the words, the voice, the sound and the look, takes back what
was changed on the map, and saves. The loop (``App``) decides which screen comes when; the
keeper decides nothing about screens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.app.ui import theme
from game.profile import records
from game.profile.device import DeviceSettings
from game.profile.profile import Profile
from game.profile.settings import Settings
from game.script.catalog import journey
from game.script.strings import BANDS, DEFAULT_BAND

if TYPE_CHECKING:
    from game.app.platform.audio import Audio
    from game.app.platform.voice import Voice
    from game.profile import export
    from game.profile.store import ProfileStore
    from game.script.model import Option, Scene
    from game.script.strings import Strings

#: Seconds played are saved at least this often, even when nothing else changed.
SAVE_EVERY = 30.0


class Keeper:
    def __init__(
        self,
        scenes: dict[str, Scene],
        strings: Strings,
        store: ProfileStore | None = None,
        defaults: Settings | None = None,
        voice: Voice | None = None,
        audio: Audio | None = None,
    ) -> None:
        """``store`` keeps the profiles (None: nobody is kept, a guest plays); ``defaults``
        are a new child's settings (default: the words' language, band and role)."""
        self.strings = strings
        self.store = store
        self.voice = voice
        self.audio = audio
        #: Every option by its id, for a profile's picks.
        self.options = {o.id: o for s in scenes.values() for c in s.choices for o in c.options}
        #: The chapters in playing order for each age band (a band's alternative in place of
        #: the usual chapter, as the journey file says); see ``journey``.
        self._journeys = {band: [scenes[i] for i in journey(scenes, band=band)] for band in BANDS}
        self.defaults = defaults or Settings(
            language=strings.language,
            band=strings.band,
            role=strings.role,
            voice=voice.enabled if voice is not None else False,
        )
        #: The device's own settings (the grown-up's language), not any child's.
        self.device = store.load_device() if store is not None else DeviceSettings()
        self.profile = Profile("guest", settings=self.new_settings())
        self.session = self.profile.session(self.options)
        #: What happens in this session, kept in the child's profile (see game.profile.records).
        self.record: records.SessionRecord | None = None
        #: Seconds played in this session (not on 'who is playing?').
        self.session_seconds = 0.0
        self._saved: dict | None = None
        self._since_save = 0.0

    # the child -------------------------------------------------------------------------------
    def new_settings(self) -> Settings:
        return Settings.from_dict(self.defaults.to_dict(), tuple(self.strings.languages))

    @property
    def journey(self) -> list[Scene]:
        """Every chapter in playing order, for this child's age band."""
        band = self.profile.settings.band
        return self._journeys.get(band, self._journeys[DEFAULT_BAND])

    @property
    def chapters(self) -> list[Scene]:
        """The journey without the chapters left out for this child."""
        left_out = set(self.profile.settings.leave_out)
        return [s for s in self.journey if not (s.optional and s.id in left_out)]

    def keeps(self, keep: str) -> list[Option]:
        """The options of the journey's choices that a profile keeps as ``keep`` (a colour,
        a T cell's name)."""
        return [o for s in self.journey for c in s.choices if c.keep == keep for o in c.options]

    def new_profile(
        self,
        colour_id: str,
        taken: list[Profile],
        role: str | None = None,
        band: str | None = None,
    ) -> Profile:
        """A new child: the colour they tapped, who is playing (the patient or a brother or
        sister), the age band of the age they tapped (None: the usual one), and a T cell name
        no one with that colour has."""
        assert self.store is not None
        used = {(p.picked.get("colour"), p.picked.get("name")) for p in taken}
        names = [o.id for o in self.keeps("name")]
        free = [n for n in names if (colour_id, n) not in used] or names
        name_id = free[0] if free else None
        profile = Profile(self.store.new_id(taken), settings=self.new_settings())
        profile.code = records.new_code(p.code for p in taken)  # no two children share one
        if role is not None:
            profile.settings.role = role
        if band is not None:
            profile.settings.band = band
        profile.picked = {"colour": colour_id, **({"name": name_id} if name_id else {})}
        self.store.create(profile, taken)  # another game on this folder may take an id first
        return profile

    def begin(self, profile: Profile) -> None:
        """Play for ``profile`` from now on: a new session, its record started, their settings
        put in place, and saved."""
        self.profile = profile
        self.session = profile.session(self.options)
        self.record = records.SessionRecord.start(profile.sessions)
        self.session_seconds = 0.0
        self._saved = None
        self.apply_settings()
        self.save()

    def as_guest(self) -> None:
        """Nobody chosen (the session ended, or the child's profile was cleared)."""
        self.profile = Profile("guest", settings=self.new_settings())
        self.session = self.profile.session(self.options)
        self.record = None
        self.apply_settings()

    def played(self, seconds: float, on_profiles_screen: bool) -> None:
        """Time passes: counted for the child except while 'who is playing?' shows."""
        if not on_profiles_screen:
            self.session_seconds += seconds
            self.profile.seconds_played += seconds
        self._since_save += seconds

    # settings --------------------------------------------------------------------------------
    def apply_settings(self) -> None:
        """Put this child's settings into the words, the voice, the sound and the look."""
        s = self.profile.settings
        if s.language in self.strings.languages:
            self.strings.set_language(s.language)
        self.strings.set_band(s.band)
        self.strings.set_role(s.role)
        if self.voice is not None:
            self.voice.set_enabled(s.voice)
        if self.audio is not None:
            self.audio.set_volumes(s.effects / 100, s.music / 100)
        theme.use(theme.Look(s.text_size, s.high_contrast, s.reduced_motion))

    def sync_settings(self) -> None:
        """Choices made on the map (language, age band, voice) belong to the child too."""
        s = self.profile.settings
        s.language, s.band, s.role = self.strings.language, self.strings.band, self.strings.role
        if self.voice is not None:
            s.voice = self.voice.enabled

    def grownup_language(self) -> str:
        """The language of the grown-up's controls: the device's, or the first time the one
        the game is in then, kept from then on (a child's language never changes it)."""
        chosen = self.device.grownup_language
        if chosen not in self.strings.languages:
            chosen = self.strings.language
            self.keep_grownup_language(chosen)
        return chosen

    def keep_grownup_language(self, code: str) -> None:
        self.device.grownup_language = code
        if self.store is not None:
            self.store.save_device(self.device)

    # keeping ---------------------------------------------------------------------------------
    def save(self) -> bool:
        """Save the child's profile whenever it changed (and the time played now and then);
        whether it was written. Never a reason to stop: the store logs a failure once and
        plays on (and leaves a ``notice`` for the grown-up)."""
        if self.store is None or self.profile.id == "guest":
            return False
        self.sync_settings()
        self.profile.take(self.session)
        self.keep_record()
        now = self.profile.to_dict()
        del now["seconds_played"]
        for kept in now["sessions"]:  # time, like seconds_played, is saved now and then
            del kept["seconds"]
        if now != self._saved or self._since_save >= SAVE_EVERY:
            self.store.save(self.profile)
            self._saved, self._since_save = now, 0.0
            return True
        return False

    def keep_record(self) -> None:
        """Bring this session's record up to date in the child's profile (it is kept once
        something happened in it; see game.profile.records)."""
        if self.record is None or self.profile.id == "guest":
            return
        kept = {s.id for s in self.chapters}
        left_out = [s.id for s in self.journey if s.id not in kept]
        self.record.update(self.session, self.profile.settings, self.session_seconds, left_out)
        records.keep(self.profile.sessions, self.record)

    def taken(self) -> Profile:
        """The child's profile with everything of this session in it (for a summary)."""
        self.sync_settings()
        self.profile.take(self.session)
        return self.profile

    def device_sessions(self) -> export.Device:
        """Every child's sessions on this device, this child's as it is now (as last saved)."""
        from game.app.grownup import files

        own = self.store.folder if self.store is not None else None
        return files.device_sessions(own, self.profile)

    def forget(self, command: str) -> None:
        """Nobody is chosen any more: the grown-up switched child (``switch_child``), or
        cleared this child's profile (``clear_child``) or every child's (``clear_all``)."""
        if self.store is not None:
            if command == "clear_child":
                self.store.remove(self.profile.id)
            elif command == "clear_all":
                self.store.remove_all()
        self.as_guest()
