"""Whether every goal of a scene can be reached, by every child: a goal that needs more than the
activity can ever give leaves the child stuck at "3 of 5" with nothing left to tap, so ``check``
refuses it (an error: the game does not start). Each activity says, event by event, the most
times it can happen (:class:`Most`); the hunt has its own check in ``hunt_goals``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from game.script.errors import Problem
from game.script.model import Goal, Scene


@dataclass(frozen=True)
class Most:
    """The most times an event can happen in a scene, as a goal's message says it.

    ``count`` None: as often as the child likes. ``actors``: the events are each about a cell of
    one of these actors, with the most for each (else they are about no cell, and a goal's
    ``actor`` filter never matches). ``markers``: the markers the events carry. ``mistake``:
    the event comes only when the child does something other than asked, so a child who plays
    it right would be stuck; the words say when and what to count instead."""

    count: int | None = None
    #: "{n} cards to tap"-like words for the message: "needs 6 {noun}, but {has}".
    noun: str = "events"
    has: str = ""
    actors: Mapping[str, int] | None = None
    markers: frozenset[str] = frozenset()
    mistake: str | None = None


def goal_problems(scene: Scene, limits: Mapping[str, Most]) -> list[Problem]:
    """A problem at each goal the activity (its ``limits``, by event) cannot fill."""
    problems = []
    for goal in scene.goals:
        most = limits.get(goal.when)
        if most is not None:
            problems += _problems(goal, most)
    return problems


def _problems(goal: Goal, most: Most) -> list[Problem]:
    if most.mistake is not None:
        message = f"goal '{goal.id}' counts '{goal.when}', which happens only {most.mistake}"
        return [Problem(goal.where, message)]
    if goal.actor is not None and most.actors is None:
        return [
            Problem(
                goal.at("actor"),
                f"goal '{goal.id}' counts only '{goal.when}' about the actor '{goal.actor}', "
                f"but a '{goal.when}' is never about a cell, so it would never count: remove "
                "'actor'",
            )
        ]
    if goal.marker is not None and goal.marker not in most.markers:
        return [
            Problem(
                goal.where,
                f"goal '{goal.id}' counts only '{goal.when}' about cells with "
                f"'{goal.marker}', but a '{goal.when}' is never about one, so it would never "
                "count: remove 'marker'",
            )
        ]
    count = most.count
    if most.actors is not None:
        count = sum(n for actor, n in most.actors.items() if goal.actor in (None, actor))
    if count is None or goal.count <= count:
        return []
    has = most.has.format(n=count)
    return [
        Problem(
            goal.where,
            f"goal '{goal.id}' needs {goal.count} {most.noun}, but {has}: the child would be "
            f"stuck at {count} of {goal.count}",
        )
    ]
