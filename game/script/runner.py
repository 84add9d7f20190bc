"""The scene runner: turns world events and passing time into lines to say and goal progress.

It talks to the game only through the typed outputs below; the app decides how to show them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from game.script.model import Goal, Scene, Trigger
from game.script.narrator import ANY_GOAL
from game.world.events import WorldEvent


class Status(Enum):
    WAITING_TO_START = "waiting to start"
    RUNNING = "running"
    COMPLETE = "complete"


@dataclass(frozen=True)
class Say:
    """Say a line. ``now`` marks an answer to what the child just did (any trigger but
    'start'); the narrator lets it go first. ``moment``: the line describes how things are now
    (a trigger with ``moment: yes``), so it is true only until this goal moves on (``ANY_GOAL``:
    until any goal does); see ``Narrator.move_on``. ``hint``: said because the child has done
    nothing for a while (an 'idle' trigger); not said while they are busy (``Narrator.busy``)."""

    line_id: str
    now: bool = False
    moment: str | None = None
    hint: bool = False


@dataclass(frozen=True)
class Progress:
    goal_id: str
    value: int
    target: int


@dataclass(frozen=True)
class GoalDone:
    goal_id: str


@dataclass(frozen=True)
class Assist:
    level: int


@dataclass(frozen=True)
class Sound:
    """Play a sound effect by name (see model.SOUNDS)."""

    name: str


@dataclass(frozen=True)
class Complete:
    next_scene: str | None


Output = Say | Progress | GoalDone | Assist | Sound | Complete


class Runner:
    def __init__(self, scene: Scene) -> None:
        self.scene = scene
        self.status = Status.WAITING_TO_START
        self.progress = {goal.id: 0 for goal in scene.goals}
        self.idle_seconds = 0.0
        self._spent: set[int] = set()  # 'once' triggers that have fired
        self._idle_fired: set[int] = set()  # idle triggers fired since the last progress

    def start(self) -> list[Output]:
        if self.status is not Status.WAITING_TO_START:
            raise RuntimeError(f"the runner is {self.status.value}; start() is called once")
        self.status = Status.RUNNING
        out = self._fire("start")
        if not self.scene.goals:
            out += self._finish()
        return out

    def handle(self, event: WorldEvent) -> list[Output]:
        """Count ``event`` toward goals and fire the triggers that listen for it (none for a
        ``quiet`` event: it only counts). A ``busy`` event only starts the wait for a hint
        again: the child is in the middle of something."""
        self._expect_started("handle()")
        if event.busy:  # the child is doing something (carrying a cell): not idle
            self.idle_seconds = 0.0
            self._idle_fired.clear()
            return []
        out: list[Output] = []
        advanced: list[Goal] = []
        for goal in self.scene.goals:
            value = self.progress[goal.id]
            if value < goal.count and _matches(goal, event):
                self.progress[goal.id] = value + 1
                advanced.append(goal)
                out.append(Progress(goal.id, value + 1, goal.count))
        if not event.quiet:
            out += self._fire(event.type, event=event)
        for goal in advanced:
            self.idle_seconds = 0.0
            self._idle_fired.clear()
            out += self._fire("progress", goal=goal)
            if self.progress[goal.id] == goal.count:
                out.append(GoalDone(goal.id))
                out += self._fire("goal_done", goal=goal)
        if advanced and self.status is Status.RUNNING and self.all_done:
            out += self._finish()
        return out

    def update(self, dt: float) -> list[Output]:
        """Let time pass; fires 'idle' triggers when the child has made no progress for a while
        (and has not been busy: see ``handle``)."""
        self._expect_started("update()")
        if self.status is not Status.RUNNING:
            return []
        self.idle_seconds += dt
        out: list[Output] = []
        for index, trigger in enumerate(self.scene.triggers):
            if (
                trigger.when == "idle"
                and index not in self._idle_fired
                and self.idle_seconds >= (trigger.seconds or 0)
            ):
                self._idle_fired.add(index)
                out += self._run(index, trigger)
        return out

    @property
    def all_done(self) -> bool:
        return all(self.progress[g.id] >= g.count for g in self.scene.goals)

    def _finish(self) -> list[Output]:
        self.status = Status.COMPLETE
        return [*self._fire("all_done"), Complete(self.scene.next)]

    def _fire(
        self, on: str, event: WorldEvent | None = None, goal: Goal | None = None
    ) -> list[Output]:
        out: list[Output] = []
        for index, trigger in enumerate(self.scene.triggers):
            if trigger.when != on:
                continue
            if event is not None and not _matches(trigger, event):
                continue
            if goal is not None and trigger.goal != goal.id:
                continue
            if on == "progress" and goal is not None and trigger.count != self.progress[goal.id]:
                continue
            out += self._run(index, trigger)
        return out

    def _run(self, index: int, trigger: Trigger) -> list[Output]:
        if index in self._spent:
            return []
        if trigger.once:
            self._spent.add(index)
        now = trigger.when != "start"
        # Once the scene is complete only its closing lines are said: anything else would come
        # after the goodbye and keep the closing card waiting. Sounds still play.
        closing = self.status is not Status.COMPLETE or trigger.when == "all_done"
        moment = None
        if trigger.moment:
            moment = trigger.goal if trigger.goal is not None else ANY_GOAL
        hint = trigger.when == "idle"
        out: list[Output] = [Say(line_id, now, moment, hint) for line_id in trigger.say if closing]
        if trigger.sound is not None:
            out.append(Sound(trigger.sound))
        if trigger.assist is not None:
            out.append(Assist(trigger.assist))
        return out

    def _expect_started(self, call: str) -> None:
        if self.status is Status.WAITING_TO_START:
            raise RuntimeError(f"{call} before start(): the runner is waiting to start")


def _matches(rule: Goal | Trigger, event: WorldEvent) -> bool:
    if rule.when != event.type:
        return False
    if rule.actor is not None and rule.actor != event.actor:
        return False
    return rule.marker is None or rule.marker in event.markers
