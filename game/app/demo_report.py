"""How far a demo got when its frames ran out: the chapter it was in, how many of that chapter's
goals were reached, and the chapters finished, so a smoke test that fails says where to look."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.app.screens.journey_map import JourneyMap
from game.app.screens.profiles_screen import ProfilesScreen

if TYPE_CHECKING:
    from game.app.loop import App

#: Simulation frames a second (the demo's --frames counts these).
FRAMES_A_SECOND = 60


def how_far(app: App) -> str:
    """Like "after 3000 frames (50 s): in chapter 2 of 9 'collect', 1 of 2 goals reached
    (bag: 3 of 6); chapters finished: 1 of 9 (meet)"."""
    frames = app.result.frames
    ids = [s.id for s in app.chapters]
    playing = app.play.scene.id if app.play is not None and app.screen is app.play else None
    finished = [i for i in app.session.played if i in ids and i != playing]
    done = f"chapters finished: {len(finished)} of {len(ids)}"
    if finished:
        done += f" ({', '.join(finished)})"
    seconds = round(frames / FRAMES_A_SECOND, 1)
    return f"after {frames} frames ({seconds:g} s): {_where(app, ids)}; {done}"


def chapters_played(app: App) -> str:
    """Like "9 chapters played to their goals: meet, collect, ..., cheer", in playing order:
    what a whole-journey demo proves an author's new chapter (or an age band's alternative,
    like hunt_older for --band older) was played to its end."""
    done = list(app.session.played_now)
    many = len(done) != 1
    return (
        f"{len(done)} chapter{'s' if many else ''} played to {'their' if many else 'its'} "
        f"goals: {', '.join(done) or 'none'}"
    )


def _where(app: App, ids: list[str]) -> str:
    screen, play = app.screen, app.play
    if play is not None and screen is play:
        goals = play.scene.goals
        progress = play.chapter.runner.progress
        reached = sum(progress[g.id] >= g.count for g in goals)
        open_goals = ", ".join(
            f"{g.id}: {progress[g.id]} of {g.count}" for g in goals if progress[g.id] < g.count
        )
        where = f"in {_chapter(play.scene.id, ids)}, {reached} of {len(goals)} goals reached"
        where += f" ({open_goals})" if open_goals else " (its closing lines and card to come)"
    elif isinstance(screen, JourneyMap):
        where = f"on the journey map, before {_chapter(screen.target, ids)}"
    elif isinstance(screen, ProfilesScreen):
        where = "on 'Who is playing?', before the first chapter"
    else:
        where = f"on the {type(screen).__name__} screen, after {_chapter(app.scene_id, ids)}"
    if app.overlay is not None:
        where += f", with the {type(app.overlay).__name__} open"
    return where


def _chapter(scene_id: str, ids: list[str]) -> str:
    if scene_id in ids:
        return f"chapter {ids.index(scene_id) + 1} of {len(ids)} '{scene_id}'"
    return f"the scene '{scene_id}'"
