"""All the scenes of the game, checked together: ids unique, every 'next' leads somewhere."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from game import collector, resources
from game.script.errors import Problem, SceneError, Where, did_you_mean
from game.script.journey_file import JOURNEY_FILE, Journey, Stop, chapters_for, load_journey
from game.script.model import Scene


def _load_scene(*args, **kwargs) -> Scene:
    """``schema.load_scene``, imported when a scene file is first read: a launch that finds
    the story in its cache (game.script.startcache) never needs the checks, nor the rules
    they ask."""
    from game.script.schema import load_scene

    return load_scene(*args, **kwargs)


def label_for(path: Path) -> str:
    """How a path is shown in messages: relative to the current folder when it is inside it,
    else as it was given."""
    try:
        return str(path.resolve().relative_to(_here(os.getcwd())))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return str(path)


@functools.lru_cache(maxsize=4)
def _here(cwd: str) -> Path:
    """The current folder, resolved once (a story of 200 scenes asked it 200 times)."""
    return Path(cwd).resolve()


def check_files(
    paths: Iterable[Path], assets: Path | None = None, need_files: bool = True
) -> tuple[dict[str, Scene], list[Problem]]:
    """Load every file; return the scenes that loaded and every problem in all of them.
    With ``need_files`` false a missing asset file is not a problem (see ``load_all``).

    'next' may name any scene among these files or the shipped ones; a quiz question's 'about'
    any of their ids or details.
    """
    with collector.paused():  # thousands of lasting values, no cycles: a third quicker
        return _check_files(paths, assets, need_files)


def _check_files(
    paths: Iterable[Path], assets: Path | None, need_files: bool
) -> tuple[dict[str, Scene], list[Problem]]:
    scenes: dict[str, Scene] = {}
    problems: list[Problem] = []
    line_owner: dict[str, Scene] = {}
    for path in paths:
        if path.name == JOURNEY_FILE:  # the chapters' order, not a scene (see check_journey)
            continue
        try:
            scene = _load_scene(path, label_for(path), assets, need_files)
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
        located.update({o.id: o.where for choice in scene.questions for o in choice.options})
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
    problems += _quiz_id_problems(scenes)
    problems += _about_problems(scenes, known, assets)
    return scenes, sorted(problems)


def _quiz_id_problems(scenes: dict[str, Scene]) -> list[Problem]:
    """A child's quiz answers are saved by question id for the whole journey (see
    ``Session.answers`` and saved profiles), so two chapters' questions may not share an id:
    the later one (in file-name order) is refused, naming the first."""
    problems: list[Problem] = []
    first: dict[str, Where] = {}
    for scene in sorted(scenes.values(), key=lambda s: s.path):
        if scene.activity.name != "quiz":
            continue
        for choice in scene.choices:
            if choice.id in first and first[choice.id].path != scene.path:
                problems.append(
                    Problem(
                        choice.where,
                        f"the quiz question id '{choice.id}' is also used at "
                        f"{first[choice.id]}: answers are saved by question id for the whole "
                        "journey, so give each quiz question its own id",
                    )
                )
            first.setdefault(choice.id, choice.where)
    return problems


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
        for choice in scene.questions
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
            found.update(_load_scene(path, label_for(path), assets).details)
        except SceneError:
            continue  # its own problems are reported when it is checked
    return found


def _shipped_ids(already: dict[str, Scene]) -> set[str]:
    """Ids of shipped scenes, read cheaply from their file names (a scene's id is its name)."""
    return {path.stem for path in resources.shipped_scene_files()} - set(already)


def load_all(paths: Iterable[Path] | None = None) -> dict[str, Scene]:
    """Every scene, or a SceneError with every problem (before any window opens). A missing
    asset file does not stop the game: ``check`` reports it, and play draws a plain colour.

    With a journey file beside the scene files, its problems stop the game too, and each
    chapter without a ``next:`` gets the one the journey file puts after it (so the closing
    card knows the last chapter)."""
    paths = list(paths if paths is not None else resources.shipped_scene_files())
    scenes, problems = check_files(paths, need_files=False)
    plan_path = journey_file_beside(paths)
    if plan_path is not None and not _every_scene_in(plan_path.parent, paths):
        plan_path = None  # some of a folder's scenes: the journey file is for all of them
    plan = None
    if plan_path is not None:
        plan, found = check_journey(plan_path, scenes)
        problems = sorted([*problems, *found])
    if problems:
        raise SceneError(problems)
    return _with_next(scenes, plan) if plan is not None else scenes


# the journey file -------------------------------------------------------------------------------
def journey_file_beside(paths: Iterable[Path]) -> Path | None:
    """The journey file in the folder the scene files share, if they share one and it has one
    (a hand-made set of scenes in a folder of its own has none: 'next' orders it)."""
    folders = {Path(path).parent for path in paths}
    if len(folders) != 1:
        return None
    found = folders.pop() / JOURNEY_FILE
    try:
        return found if found.is_file() else None
    except OSError:
        return None


def _every_scene_in(folder: Path, paths: list[Path]) -> bool:
    given = {Path(p).name for p in paths}
    return all(p.name in given for p in folder.glob("*.yaml") if p.name != JOURNEY_FILE)


def check_journey(path: Path, scenes: dict[str, Scene]) -> tuple[Journey | None, list[Problem]]:
    """Read the journey file at ``path`` and check it against ``scenes`` (every scene file in
    its folder): each entry and alternative names a chapter, none twice; every chapter file is
    in it; a chapter's ``next:``, where one is written, agrees with it; a chapter played in
    another's place is optional when that one is."""
    label = label_for(path)
    try:
        plan = load_journey(path, label)
    except SceneError as exc:
        return None, list(exc.problems)
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for stop in plan.stops:
        named = [(stop.chapter, stop.where, "")]
        named += [
            (alt, stop.places.get(band, stop.where), f" for the '{band}' age band")
            for band, alt in stop.instead.items()
        ]
        for chapter, where, what in named:
            if chapter in seen:
                problems.append(
                    Problem(
                        where,
                        f"'{chapter}' is already in the journey (line {seen[chapter]}): "
                        "each chapter is played once",
                    )
                )
                continue
            seen[chapter] = where.line
            if chapter not in scenes and not _unreadable(path.parent / f"{chapter}.yaml"):
                problems.append(
                    Problem(
                        where,
                        f"no chapter '{chapter}'{what}: there is no file '{chapter}.yaml' "
                        f"beside the journey file{did_you_mean(chapter, scenes)}",
                    )
                )
        usual = scenes.get(stop.chapter)
        for band, alt in stop.instead.items():
            other = scenes.get(alt)
            if usual is not None and other is not None and usual.optional != other.optional:
                problems.append(
                    Problem(
                        stop.places.get(band, stop.where),
                        f"'{alt}' is played in place of '{stop.chapter}', so both are "
                        "'optional: yes' in their files, or neither is",
                    )
                )
    for scene in sorted(scenes.values(), key=lambda s: s.path):
        if scene.id not in seen:
            problems.append(
                Problem(
                    scene.at("id"),
                    f"the chapter '{scene.id}' is not in the journey file {label}: add "
                    f"'- {scene.id}' where it is played{_in_place_hint(scene.id, plan)}",
                )
            )
    following = _following_in(plan)
    for chapter_id, after in following.items():
        scene = scenes.get(chapter_id)
        if scene is None or "next" not in scene.refs or scene.next == after:
            continue
        problems.append(
            Problem(
                scene.at("next"),
                f"'next: {scene.next or 'null'}' disagrees with the journey file {label}, "
                f"where {f'{after!r} comes next' if after else 'it is the last chapter'}; "
                "delete the 'next:' line: the journey file orders the chapters",
            )
        )
    return plan, problems


def _unreadable(scene_file: Path) -> bool:
    """Whether a chapter the journey names has a file that did not load: its own problems are
    reported at their place, so 'there is no file' would only mislead."""
    try:
        return scene_file.is_file()
    except OSError:
        return False


def _in_place_hint(scene_id: str, plan: Journey) -> str:
    """For a chapter named like another's variant ('hunt_older' beside 'hunt'): how to play it
    in that chapter's place for an age band, since '- hunt_older' alone plays both."""
    for stop in plan.stops:
        if scene_id.startswith(f"{stop.chapter}_"):
            tail = scene_id[len(stop.chapter) + 1 :]
            band = tail if tail in ("little", "middle", "older") else "older"
            return (
                f", or, to play it in place of '{stop.chapter}' for an age band, write that "
                f"line as '- {stop.chapter}: {{{band}: {scene_id}}}'"
            )
    return ""


def _following_in(plan: Journey) -> dict[str, str | None]:
    """Each chapter the journey file names (alternatives too) and the usual chapter after it."""
    found: dict[str, str | None] = {}
    for index, stop in enumerate(plan.stops):
        after = plan.stops[index + 1].chapter if index + 1 < len(plan.stops) else None
        for chapter in (stop.chapter, *stop.instead.values()):
            found.setdefault(chapter, after)
    return found


def _with_next(scenes: dict[str, Scene], plan: Journey) -> dict[str, Scene]:
    """The scenes, each chapter without a written ``next:`` given the one the journey file puts
    after it."""
    following = _following_in(plan)
    return {
        scene_id: (
            replace(scene, next=following[scene_id])
            if scene_id in following and "next" not in scene.refs
            else scene
        )
        for scene_id, scene in scenes.items()
    }


#: The journey files read, by (path, size, time changed): journey() reads each once.
_read_plans: dict[tuple[str, int, int], Journey | None] = {}


def _plan_key(scenes: dict[str, Scene]) -> tuple[Path, tuple[str, int, int]] | None:
    """The journey file beside these scenes' files and what it is as it stands (None: none)."""
    path = journey_file_beside(Path(scene.path) for scene in scenes.values())
    if path is None:
        return None
    try:
        info = path.stat()
    except OSError:
        return None
    return path, (str(path.resolve()), info.st_size, info.st_mtime_ns)


def remember_journey(scenes: dict[str, Scene], plan: Journey | None) -> None:
    """``plan`` is what the journey file beside these scenes says (read with them and kept in
    the start cache, whose key covers the file): ``journey_of`` answers without reading it."""
    found = _plan_key(scenes)
    if found is not None:
        _read_plans[found[1]] = plan


def journey_of(scenes: dict[str, Scene]) -> Journey | None:
    """The journey file beside these scenes' files, or None (none, or one that cannot be read:
    ``check`` reports it, and 'next' orders the chapters meanwhile)."""
    found = _plan_key(scenes)
    if found is None:
        return None
    path, key = found
    if key not in _read_plans:
        if len(_read_plans) > 16:
            _read_plans.clear()
        try:
            _read_plans[key] = load_journey(path, label_for(path))
        except SceneError:
            _read_plans[key] = None
    return _read_plans[key]


def journey(
    scenes: dict[str, Scene], first: str | None = None, band: str | None = None
) -> list[str]:
    """Scene ids in playing order for a child of age band ``band`` (None: the usual chapters),
    starting from ``first``, every chapter once.

    With a journey file beside the scene files, its order, each stop's alternative for
    ``band`` in place of the usual chapter (see :func:`chapters_for`); an entry with no scene
    is passed by, and a scene the file does not name comes after, as below (``check``
    reports both). Without one, it starts with the longest chain of 'next' from a scene no
    other scene leads to (the first by file name on a tie); then come the other chains from
    such scenes, in file-name order, and last any scene left (only in a loop, which ``check``
    refuses). It never loops and never leaves a scene out, whatever 'next' says.
    """
    plan = journey_of(scenes)
    if plan is None:
        return _by_next(scenes, first)
    return planned(plan.stops, scenes, first, band)


def planned(
    stops: Iterable[Stop],
    scenes: dict[str, Scene],
    first: str | None = None,
    band: str | None = None,
) -> list[str]:
    """The order the journey file's ``stops`` give these scenes (see :func:`journey`)."""
    usable = [Stop(s.chapter, {b: c for b, c in s.instead.items() if c in scenes}) for s in stops]
    order: list[str] = []
    for chapter in chapters_for(usable, band):
        if chapter in scenes and chapter not in order:
            order.append(chapter)
    named = {c for s in stops for c in (s.chapter, *s.instead.values())}
    rest = {k: v for k, v in scenes.items() if k not in named}
    order += [i for i in _by_next(rest) if i not in order]
    if first is not None and first in scenes:
        if first not in order:  # another band's chapter, asked for by name
            return [first, *order]
        at = order.index(first)
        order = order[at:] + order[:at]
    return order


def _by_next(scenes: dict[str, Scene], first: str | None = None) -> list[str]:
    """The order 'next' gives (see :func:`journey`)."""
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
