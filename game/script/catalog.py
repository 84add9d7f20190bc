"""All the scenes of the game, checked together: ids unique, every 'next' leads somewhere."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from game import resources
from game.script.errors import Problem, SceneError, did_you_mean
from game.script.model import Scene
from game.script.schema import load_scene


def label_for(path: Path) -> str:
    """How a path is shown in messages: relative to the current folder when it is inside it,
    else as it was given."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return str(path)


def check_files(
    paths: Iterable[Path], assets: Path | None = None, need_files: bool = True
) -> tuple[dict[str, Scene], list[Problem]]:
    """Load every file; return the scenes that loaded and every problem in all of them.
    With ``need_files`` false a missing asset file is not a problem (see ``load_all``).

    'next' may name any scene among these files or the shipped ones; a quiz question's 'about'
    any of their ids or details.
    """
    scenes: dict[str, Scene] = {}
    problems: list[Problem] = []
    line_owner: dict[str, Scene] = {}
    for path in paths:
        try:
            scene = load_scene(path, label_for(path), assets, need_files)
        except SceneError as exc:
            problems.extend(exc.problems)
            continue
        if scene.id != path.stem:
            problems.append(
                Problem(
                    scene.at("id"),
                    f"the scene id '{scene.id}' must match the file name '{path.name}'",
                )
            )
            continue
        if scene.id in scenes:
            first = scenes[scene.id].path
            problems.append(
                Problem(scene.at("id"), f"the scene id '{scene.id}' is also used by {first}")
            )
            continue
        scenes[scene.id] = scene
        located = {line.id: line.where for line in scene.lines}
        located.update({o.id: o.where for choice in scene.choices for o in choice.options})
        for text_id, where in located.items():
            owner = line_owner.setdefault(text_id, scene)
            if owner is not scene:
                problems.append(
                    Problem(where, f"the line id '{text_id}' is also used in {owner.path}")
                )
    known = set(scenes) | _shipped_ids(scenes)
    for scene in scenes.values():
        if scene.next is not None and scene.next not in known:
            problems.append(
                Problem(
                    scene.at("next"),
                    f"unknown scene '{scene.next}'{did_you_mean(scene.next, known)}",
                )
            )
    problems += _about_problems(scenes, known, assets)
    return scenes, sorted(problems)


def _about_problems(
    scenes: dict[str, Scene], known: set[str], assets: Path | None
) -> list[Problem]:
    """Each name in a question's 'about' must be a chapter id or a detail some scene marks, so
    leaving that out really skips the question."""
    named = [
        (name, choice.at(f"about:{name}"))
        for scene in scenes.values()
        for choice in scene.choices
        for name in choice.about
    ]
    names = known | {d for scene in scenes.values() for d in scene.details}
    if any(name not in names for name, _ in named):
        names |= _shipped_details(scenes, assets)
    return [
        Problem(where, f"unknown chapter or detail '{name}'{did_you_mean(name, names)}")
        for name, where in named
        if name not in names
    ]


def _shipped_details(already: dict[str, Scene], assets: Path | None) -> set[str]:
    """The details marked in shipped scenes not among ``already`` (only read when needed)."""
    found: set[str] = set()
    for path in resources.shipped_scene_files():
        if path.stem in already:
            continue
        try:
            found.update(load_scene(path, label_for(path), assets).details)
        except SceneError:
            continue  # its own problems are reported when it is checked
    return found


def _shipped_ids(already: dict[str, Scene]) -> set[str]:
    """Ids of shipped scenes, read cheaply from their file names (a scene's id is its name)."""
    return {path.stem for path in resources.shipped_scene_files()} - set(already)


def load_all(paths: Iterable[Path] | None = None) -> dict[str, Scene]:
    """Every scene, or a SceneError with every problem (before any window opens). A missing
    asset file does not stop the game: ``check`` reports it, and play draws a plain colour."""
    paths = paths if paths is not None else resources.shipped_scene_files()
    scenes, problems = check_files(paths, need_files=False)
    if problems:
        raise SceneError(problems)
    return scenes


def journey(scenes: dict[str, Scene], first: str | None = None) -> list[str]:
    """Scene ids in playing order, following 'next' from ``first`` (default: the scene that no
    other scene leads to, the first by file name if several)."""
    if first is None:
        targets = {s.next for s in scenes.values()}
        starts = sorted((s for s in scenes.values() if s.id not in targets), key=lambda s: s.path)
        first = (starts or sorted(scenes.values(), key=lambda s: s.path))[0].id
    order: list[str] = []
    current: str | None = first
    while current is not None and current in scenes and current not in order:
        order.append(current)
        current = scenes[current].next
    return order
