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
    problems += _loop_problems(scenes)
    problems += _about_problems(scenes, known, assets)
    return scenes, sorted(problems)


def _loop_problems(scenes: dict[str, Scene]) -> list[Problem]:
    """A 'next' that leads back to a scene already on its way is a loop: the journey would
    never end. Each loop is reported once, at the 'next' that closes it (walking from each
    scene in file-name order)."""
    problems: list[Problem] = []
    done: set[str] = set()
    for scene in sorted(scenes.values(), key=lambda s: s.path):
        walk: list[str] = []
        current: Scene | None = scene
        while current is not None and current.id not in done and current.id not in walk:
            walk.append(current.id)
            current = scenes.get(current.next) if current.next is not None else None
        if current is not None and current.id in walk:
            last = scenes[walk[-1]]
            circle = " → ".join([*walk[walk.index(current.id) :], current.id])
            problems.append(
                Problem(
                    last.at("next"),
                    f"'next: {current.id}' makes a loop ({circle}); the journey would never "
                    "end: give the last chapter 'next: null'",
                )
            )
        done.update(walk)
    return problems


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
    """Scene ids in playing order, following 'next' from ``first``, every scene once.

    By default the journey starts with the longest chain of 'next' from a scene no other scene
    leads to (the first by file name on a tie); then come the other chains from such scenes,
    in file-name order, and last any scene left (only in a loop, which ``check`` refuses).
    It never loops and never leaves a scene out, whatever 'next' says.
    """
    by_path = sorted(scenes.values(), key=lambda s: s.path)
    targets = {s.next for s in scenes.values()}
    starts = [s.id for s in by_path if s.id not in targets]
    chains = [_chain(scenes, start, set()) for start in starts]
    chains.sort(key=len, reverse=True)  # stable: file-name order among equals
    order: list[str] = []
    seen: set[str] = set()
    heads = ([first] if first is not None else []) + [c[0] for c in chains if c]
    for head in heads + [s.id for s in by_path]:
        order += _chain(scenes, head, seen)
    return order


def _chain(scenes: dict[str, Scene], start: str, seen: set[str]) -> list[str]:
    """The ids from ``start`` along 'next', stopping at one in ``seen`` (which it extends)."""
    found: list[str] = []
    current: str | None = start
    while current is not None and current in scenes and current not in seen:
        seen.add(current)
        found.append(current)
        current = scenes[current].next
    return found
