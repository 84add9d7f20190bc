"""One chapter being played, without any drawing: the activity's rules, the scene runner and
the narrator wired together. The app draws it; tests and the timing check drive it directly."""

from __future__ import annotations

from game.activities import registry
from game.script.model import Scene
from game.script.narrator import Narrator
from game.script.runner import Assist, Complete, Output, Runner, Say, Sound
from game.script.session import Session


class Chapter:
    def __init__(self, scene: Scene, seed: int = 0, session: Session | None = None) -> None:
        self.scene = scene
        self.session = session if session is not None else Session()
        self.spec = registry()[scene.activity.name]
        self.rules = self.spec.make_rules(scene, seed, self.session)
        self.runner = Runner(scene)
        self.narrator = Narrator()
        self.clock = 0.0
        self.complete = False
        #: Sound effects asked for since the app last took them.
        self.sounds: list[str] = []
        self._apply(self.runner.start())

    @property
    def goals_reached(self) -> bool:
        return self.runner.all_done

    @property
    def card_showing(self) -> bool:
        """The chapter is over and every line has been said: time for the closing card."""
        return self.complete and self.narrator.settled

    # input -----------------------------------------------------------------------------------
    def point(self, x: float, y: float) -> None:
        self.rules.point(x, y)

    def release(self) -> None:
        self.rules.release()

    def steer(self, dx: float, dy: float) -> None:
        self.rules.steer(dx, dy)

    # time ------------------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        self.clock += dt
        for event in self.rules.update(dt):
            self._apply(self.runner.handle(event))
            if event.line is not None and not self.complete:
                # A question waits its turn after what is being said; an answer to a tap is
                # said right away.
                now = event.type != "ask"
                self.narrator.say(event.line, self.scene.line(event.line).text, now)
        self._apply(self.runner.update(dt))
        self.narrator.update(dt)

    def take_sounds(self) -> list[str]:
        sounds, self.sounds = self.sounds, []
        return sounds

    def _apply(self, outputs: list[Output]) -> None:
        for output in outputs:
            if isinstance(output, Say):
                self.narrator.say(output.line_id, self.scene.line(output.line_id).text, output.now)
            elif isinstance(output, Sound):
                self.sounds.append(output.name)
            elif isinstance(output, Assist):
                self.rules.set_assist(output.level)
            elif isinstance(output, Complete):
                self.complete = True
                self.session.played_chapter(self.scene.id)
                self.narrator.skip_waiting()
