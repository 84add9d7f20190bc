"""Which cells the hunt's goals count, and the checks that keep a hunt possible to finish.

One rule, shared by the rules and the check: a cell counts toward a goal when the goal's 'bind'
or 'pop' would count that cell's event (its actor and marker filters, as the scene runner applies
them). The cells that count toward a goal not yet reached are the hunt's targets; a healthy B cell
must never be one (content brief F12 is told, never played as a win).
"""

from __future__ import annotations

from game.script.errors import Problem
from game.script.model import Goal, Scene
from game.world.reach import Most, goal_problems

#: The hunt's events that tell of a cell found: a goal over one of them makes the cells it
#: counts targets.
FOUND = ("bind", "pop")


def counts(goal: Goal, actor: str, markers: frozenset[str]) -> bool:
    """Whether finding a cell of ``actor`` carrying ``markers`` counts toward ``goal``: the
    filter the scene runner applies to that cell's 'bind' or 'pop'."""
    return (
        goal.when in FOUND
        and goal.actor in (None, actor)
        and (goal.marker is None or goal.marker in markers)
    )


def check_hunt(scene: Scene) -> list[Problem]:
    """What would make a hunt wrong or impossible to finish, at the goal to fix: the player
    needs a CAR; a goal must never count healthy B cells (the child would have to chase them,
    and they would break apart like a win); each goal needs as many cells as the actors that
    count for it hold; and no more buddies than may join."""
    player = scene.player
    if player is not None and player.car is None:
        return [Problem(player.where, "the hunt's player needs a CAR: add 'car: cd19'")]
    car = player.car if player is not None else None
    problems = []
    for goal in scene.goals:
        problems.extend(_goal_problems(scene, goal, car))
    return problems + goal_problems(scene, _MISTAKES)


#: Events a child who plays it right never makes: a goal on one would leave them stuck.
_MISTAKES = {
    "no_fit": Most(
        mistake="when the child pushes into a cell the CAR does not fit: a child who finds "
        "the cells with CD19 would be stuck; count 'bind' instead"
    )
}


def _goal_problems(scene: Scene, goal: Goal, car: str | None) -> list[Problem]:
    """What is wrong with one goal of a hunt whose player's CAR fits ``car``."""
    leukemia = next((a.id for a in scene.actors if a.kind == "leukemia_cell"), None)
    instead = f": count the leukemia cells ('actor: {leukemia}')" if leukemia else ""
    if goal.when == "fade":
        return [
            Problem(
                goal.where,
                f"goal '{goal.id}' counts healthy B cells that fade, but the child must never "
                f"have to chase them{instead}",
            )
        ]
    if goal.when == "buddy":
        most = int(scene.activity.options["buddies"])
        if goal.count <= most:
            return []
        return [
            Problem(
                goal.where,
                f"goal '{goal.id}' needs {goal.count} buddies, but the hunt lets {most} join "
                f"('buddies: {most}')",
            )
        ]
    if goal.when not in FOUND:
        return []
    counted = [
        a
        for a in scene.actors
        if not a.player and counts(goal, a.id, a.markers) and (car is None or car in a.markers)
    ]
    healthy = [a.id for a in counted if a.kind == "b_cell"]
    if healthy:
        return [
            Problem(
                goal.at("actor"),
                f"goal '{goal.id}' counts healthy B cells ('{healthy[0]}'), but the child must "
                f"never have to chase them{instead}",
            )
        ]
    found = sum(a.count for a in counted)
    if found >= goal.count:
        return []
    return [
        Problem(
            goal.where,
            f"goal '{goal.id}' needs {goal.count} cells the CAR fits, but the scene has {found}",
        )
    ]
