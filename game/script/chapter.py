"""One chapter being played, without any drawing: the activity's rules, the scene runner and
the narrator wired together. The app draws it; tests and the timing check drive it directly."""

from __future__ import annotations

from game.activities import registry
from game.script.model import Scene
from game.script.narrator import Narrator, Speaker
from game.script.runner import Assist, Complete, Output, Progress, Runner, Say, Sound
from game.script.session import Session
from game.script.strings import Strings


class Chapter:
    def __init__(
        self,
        scene: Scene,
        seed: int = 0,
        session: Session | None = None,
        strings: Strings | None = None,
        speaker: Speaker | None = None,
    ) -> None:
        """``strings`` gives the lines in the child's language and age band (default: the
        scene's English, and the session's band); ``speaker`` says them aloud (default: text
        only). The quiz questions are those asked of the child's age band when the chapter
        starts (``Choice.bands``); ``scene`` keeps only them."""
        self.session = session if session is not None else Session()
        self.strings = strings
        self._follow_band()
        self.scene = scene = scene.for_band(self.session.band)
        self.spec = registry()[scene.activity.name]
        self.rules = self.spec.make_rules(scene, seed, self.session)
        self.runner = Runner(scene)
        self.narrator = Narrator(text_for=strings.get if strings else None, speaker=speaker)
        self.clock = 0.0
        self.complete = False
        #: Sound effects asked for since the app last took them.
        self.sounds: list[str] = []
        self._begun: str | None = None  # the line the rules were last told had begun
        self._apply(self.runner.start())

    @property
    def goals_reached(self) -> bool:
        return self.runner.all_done

    @property
    def card_showing(self) -> bool:
        """The chapter is over and every line has been said: the closing card comes a moment
        after the last line ends (the line stays on screen under it)."""
        return self.complete and self.narrator.said_all

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
        self._follow_band()
        for event in self.rules.update(dt):
            if event.busy:  # the child is doing it (carrying a cell): no hint how to
                self.narrator.busy()
            outputs = self.runner.handle(event)
            # The line that answers what the child just did: after the scene's own words for
            # that moment ("Let me show you again." before the explanation), but before the
            # closing lines when it is the last thing the chapter needed ("Hello, new friend!"
            # after the name); nothing answers what happens once the chapter is over.
            answer = event.line if event.line is not None and not self.complete else None
            ends = any(isinstance(output, Complete) for output in outputs)
            if answer is not None and ends:
                self.narrator.say(answer, self.scene.line(answer).text, event.answer)
            self._apply(outputs)
            if answer is not None and not ends:
                self.narrator.say(answer, self.scene.line(answer).text, event.answer)
        # Waiting for help only counts while nothing is being said: a child who is listening is
        # not stuck, and a hint must not cut into the story.
        self._apply(self.runner.update(dt if self.narrator.settled else 0.0))
        self.narrator.update(dt)
        self._tell_begun()
        self._tell_asked()
        self._tell_heard()
        self._tell_cheered()

    def _follow_band(self) -> None:
        """The age band chosen for the child (it shows from the next quiz question on)."""
        if self.strings is not None:
            self.session.band = self.strings.band

    def _tell_begun(self) -> None:
        """Rules that show what a line names (the cells beside the T cell in 'Meet your T
        cell') are told each line as the narration begins it."""
        begin = getattr(self.rules, "begin", None)
        current = self.narrator.current
        line = current.line_id if current is not None else None
        if begin is not None and line is not None and line != self._begun:
            begin(line)
        self._begun = line

    def _tell_asked(self) -> None:
        """Rules whose pictures wait for their question (a pick in 'Meet your T cell') are told
        when the narration begins it: it is no longer waiting behind other lines."""
        line = getattr(self.rules, "waiting_to_ask", None)
        if line is not None and all(waiting.line_id != line for waiting in self.narrator.queue):
            self.rules.ask(line)

    def _tell_heard(self) -> None:
        """Rules that wait for a line to be heard (a quiz question's answers count only then)
        are told once it has been said in full, or was not said again because it was said a
        moment ago. A child who taps the words to finish them has heard them too."""
        line = getattr(self.rules, "listening_for", None)
        if line is None:
            return
        narrator = self.narrator
        current = narrator.current
        saying = current is not None and current.line_id == line and not narrator.revealed
        if not saying and all(waiting.line_id != line for waiting in narrator.queue):
            self.rules.hear(line)

    def _tell_cheered(self) -> None:
        """Rules whose celebration goes with a line (the confetti with "Hello, new friend!")
        are told once the narration has moved past it: it is neither on screen nor waiting."""
        line = getattr(self.rules, "cheering_with", None)
        if line is None:
            return
        current = self.narrator.current
        if (current is None or current.line_id != line) and all(
            waiting.line_id != line for waiting in self.narrator.queue
        ):
            self.rules.cheered(line)

    def take_sounds(self) -> list[str]:
        sounds, self.sounds = self.sounds, []
        return sounds

    def _apply(self, outputs: list[Output]) -> None:
        for output in outputs:
            if isinstance(output, Progress):  # lines about how it was are no longer true
                self.narrator.move_on(output.goal_id)
            elif isinstance(output, Say):
                line = self.scene.line(output.line_id)
                self.narrator.say(output.line_id, line.text, output.now, output.moment, output.hint)
            elif isinstance(output, Sound):
                self.sounds.append(output.name)
            elif isinstance(output, Assist):
                self.rules.set_assist(output.level)
            elif isinstance(output, Complete):
                self.complete = True
                self.session.played_chapter(self.scene.id)
                self.narrator.skip_waiting()


def play_with_bot(chapter: Chapter, think: float | None = None, limit: float = 600.0) -> float:
    """Let the activity's demo bot play ``chapter`` until its closing card shows; returns the
    seconds it took (``limit`` at most).

    With ``think`` the bot plays like a young child who listens first: it acts only once the
    narration has been quiet for ``think`` seconds. Without it, it plays as fast as it can.
    """
    step = 1 / 60
    bot = chapter.spec.make_bot()
    quiet = 0.0
    while not chapter.card_showing and chapter.clock < limit:
        listening = chapter.narrator.current is not None and not chapter.narrator.settled
        quiet = 0.0 if listening else quiet + step
        if think is None or quiet >= think:
            bot_turn(chapter, bot, step)
        chapter.update(step)
    return chapter.clock


def bot_turn(chapter: Chapter, bot, dt: float) -> None:
    """The demo bot's finger for one step of ``dt`` seconds: its gestures handed to
    ``chapter`` as a child's finger would make them (the chapter is not updated)."""
    from game.world.gestures import Release

    for gesture in bot.step(chapter.rules, dt):
        if isinstance(gesture, Release):
            chapter.release()
        else:
            chapter.point(gesture.x, gesture.y)
