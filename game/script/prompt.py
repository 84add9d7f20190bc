"""What a screen says when it opens: its title or question, and for a question its answers, one
after another ("Who is getting CAR T cells?" "Me!" "My brother or sister").

A child who cannot read yet hears every screen they must act on. The screen names the text ids
(``prompt_ids``); the app plays them in order through the same speaker as the narration, and
starts again whenever the screen, its question or the language changes. Nothing waits on it:
a tap acts at once, and a new screen hushes the old one's words.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.script.narrator import Speaker

#: A breath between one text and the next.
GAP_SECONDS = 0.35


class Prompt:
    def __init__(self, ids: Sequence[str], speaker: Speaker | None) -> None:
        self.ids = tuple(ids)
        self.speaker = speaker
        self.next = 0  # the index of the text still to say
        self.wait = 0.0  # seconds until it is said
        self.said: list[str] = []  # what was given to the speaker, in order

    @property
    def finished(self) -> bool:
        """Everything has been given to the speaker (or nothing can be)."""
        return self.next >= len(self.ids) or self.speaker is None

    @property
    def done(self) -> bool:
        """Finished, and the last text has been said and had its breath."""
        return self.finished and self.wait <= 0

    def update(self, dt: float) -> None:
        self.wait -= dt
        if self.finished or self.wait > 1e-9:
            return
        assert self.speaker is not None
        text_id = self.ids[self.next]
        self.next += 1
        timing = self.speaker.speak(text_id)
        self.said.append(text_id)
        self.wait = (timing.seconds if timing is not None else 0.0) + GAP_SECONDS
        if timing is None:
            self.next, self.wait = len(self.ids), 0.0  # nothing heard: nor would the rest be

    def stop(self) -> None:
        if not self.finished and self.speaker is not None and self.said:
            self.speaker.hush()
        self.next = len(self.ids)
