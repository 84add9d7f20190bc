"""``python -m game bench``: how fast the game is on this machine, measured headless.

Each number is measured the way a clinic would meet it:

- ``startup_s``: from launching ``python -m game`` to its first frame drawn, against
  ``import_floor_s``, a bare ``python -c "import pygame, yaml"`` (the least any game on these
  libraries could take);
- ``frame_ms``: the hunt with 50, 200 and 500 cells while the demo bot plays, drawn frames only,
  against ``floor_median``: a bare pygame loop that only clears the screen and blits the same
  cell sprites at the same places;
- ``idle_cpu``: the share of one core used while the first chapter's narration has been said
  and the game waits for the child's tap;
- ``load_all_scenes_ms`` and ``load_synthetic_ms``: loading and checking every shipped scene, and
  a generated story of 200 scenes;
- ``peak_rss_mb``: the most memory a whole demo journey takes.

The targets are for one core of an old two-core machine with no graphics card.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from game import resources
from game.script.catalog import check_files, journey, load_all
from game.script.model import Scene

CELL_COUNTS = (50, 200, 500)
SYNTHETIC_SCENES = 200


@dataclass(frozen=True)
class Target:
    name: str
    limit: float
    measured: Callable[[dict[str, Any]], float | None]
    unit: str


TARGETS = (
    Target("first frame", 1.0, lambda r: r["startup_s"], "s"),
    Target(
        "hunt, 500 cells: median / floor",
        1.5,
        lambda r: r["frame_ms"]["500"]["median"] / r["frame_ms"]["500"]["floor_median"],
        "×",
    ),
    Target("hunt, 500 cells: p99", 16.7, lambda r: r["frame_ms"]["500"]["p99"], "ms"),
    Target("idle narration", 0.05, lambda r: r["idle_cpu"], "of a core"),
    Target("load shipped scenes", 100.0, lambda r: r["load_all_scenes_ms"], "ms"),
    Target("load 200 scenes", 1000.0, lambda r: r["load_synthetic_ms"], "ms"),
    Target("peak memory", 150.0, lambda r: r["peak_rss_mb"], "MB"),
)


def run(frames: int = 600, idle_seconds: float = 5.0, rounds: int = 5) -> dict[str, Any]:
    """Every measurement; ``frames`` hunt frames for each cell count, ``rounds`` launches."""
    startup, floor = startup_seconds(rounds)
    return {
        "startup_s": startup,
        "import_floor_s": floor,
        "frame_ms": {str(n): hunt_frames(n, frames) for n in CELL_COUNTS},
        "idle_cpu": idle_cpu(idle_seconds),
        "load_all_scenes_ms": load_all_scenes_ms(rounds),
        "load_synthetic_ms": load_synthetic_ms(),
        "peak_rss_mb": peak_rss_mb(),
    }


def verdicts(results: dict[str, Any]) -> list[tuple[Target, float | None, bool | None]]:
    """Each target with its measured value and whether it is met (None: not measured here)."""
    found = []
    for target in TARGETS:
        value = target.measured(results)
        found.append((target, value, None if value is None else value <= target.limit))
    return found


# launching ---------------------------------------------------------------------------------------
def _headless_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    return env


def startup_seconds(rounds: int = 5) -> tuple[float, float]:
    """The median time from launch to the first frame drawn, and a bare import's (after one
    launch of each, so the files are in the disk cache as on a second launch)."""
    env = _headless_env()
    floor, first = [], []
    with tempfile.TemporaryDirectory() as data:
        game = [sys.executable, "-m", "game", "play", "--first-frame", "--data-dir", data]
        bare = [sys.executable, "-c", "import pygame, yaml"]
        for round_ in range(rounds + 1):
            started = time.monotonic()
            subprocess.run(bare, env=env, check=True, capture_output=True)
            took = time.monotonic() - started
            started = time.monotonic()
            done = subprocess.run(game, env=env, check=True, capture_output=True, text=True)
            drawn = float(done.stdout.split("first-frame", 1)[1].split()[0])
            if round_:
                floor.append(took)
                first.append(drawn - started)
    return statistics.median(first), statistics.median(floor)


def peak_rss_mb() -> float | None:
    """The peak memory of a whole demo journey, in a process of its own (None where the
    system does not tell a child process's peak, as on Windows)."""
    if not hasattr(os, "wait4"):
        return None
    with tempfile.TemporaryDirectory() as data:
        command = [sys.executable, "-m", "game", "demo", "--headless", "--data-dir", data]
        child = subprocess.Popen(
            command, env=_headless_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError("the demo journey did not finish; see the game's log")
    # Linux counts kilobytes, macOS bytes.
    return usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)


# loading -----------------------------------------------------------------------------------------
def load_all_scenes_ms(rounds: int = 5) -> float:
    """The median time to load and check every shipped scene."""
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        load_all()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def synthetic_story(folder: Path, count: int = SYNTHETIC_SCENES) -> list[Path]:
    """Write a story of ``count`` scenes, ``s000`` to ``s<count-1>``, each leading to the next:
    the shipped scenes over and over, with their ids and text ids renamed."""
    shipped = [
        yaml.safe_load(path.read_text(encoding="utf-8")) for path in resources.shipped_scene_files()
    ]
    paths = []
    for index in range(count):
        base = shipped[index % len(shipped)]
        new_id = f"s{index:03d}"
        doc = _renamed(base, f"{base['id']}.", f"{new_id}.")
        doc["id"] = new_id
        doc.pop("next", None)
        if index + 1 < count:
            doc["next"] = f"s{index + 1:03d}"
        path = folder / f"{new_id}.yaml"
        path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), "utf-8")
        paths.append(path)
    return paths


def _renamed(value: Any, old: str, new: str) -> Any:
    """``value`` with every text id starting ``old`` starting ``new`` instead."""
    if isinstance(value, dict):
        return {key: _renamed(item, old, new) for key, item in value.items()}
    if isinstance(value, list):
        return [_renamed(item, old, new) for item in value]
    if isinstance(value, str) and value.startswith(old):
        return new + value[len(old) :]
    return value


def load_synthetic_ms(count: int = SYNTHETIC_SCENES) -> float:
    """The time to load and check a generated story of ``count`` scenes."""
    with tempfile.TemporaryDirectory() as folder:
        paths = synthetic_story(Path(folder), count)
        started = time.perf_counter()
        scenes, problems = check_files(paths)
        took = time.perf_counter() - started
    if problems or len(scenes) != count:
        raise RuntimeError(f"the synthetic story did not load: {problems[:3]}")
    return took * 1000


# frames ------------------------------------------------------------------------------------------
def crowded_hunt(scenes: dict[str, Scene], cells: int) -> Scene:
    """The hunt with about ``cells`` cells in all (the kinds in the shipped proportions), and
    goals that cannot be finished, so the bot hunts for as long as it is measured."""
    hunt = scenes["hunt"]
    others = sum(a.count for a in hunt.actors if not a.player)
    actors, left = [], cells - 1
    crowd = [a for a in hunt.actors if not a.player]
    for actor in hunt.actors:
        if actor.player:
            actors.append(actor)
            continue
        count = left if actor is crowd[-1] else max(1, round(actor.count * (cells - 1) / others))
        left -= count
        actors.append(replace(actor, count=max(1, count)))
    goals = tuple(replace(goal, count=10_000) for goal in hunt.goals)
    return replace(hunt, actors=tuple(actors), goals=goals)


def _headless_display():
    """pygame with SDL's dummy drivers, and the game's 1280 × 800 window."""
    from game.app import sdl

    sdl.use_headless_drivers()
    from game.app.display import LOGICAL, Display

    sdl.pygame.display.init()
    sdl.pygame.font.init()
    return sdl.pygame, Display(LOGICAL)


def hunt_frames(cells: int, frames: int = 600, warm_up: int = 120) -> dict[str, float]:
    """Drawn frames of the hunt with ``cells`` cells while the demo bot's finger plays: the
    median and the 99th percentile in milliseconds, and the floors' medians (a bare pygame loop,
    and one blits() call).

    Each engine frame is followed at once by a floor frame of the same sprites at the same
    places, so both meet the same machine. A cell that has broken apart comes back somewhere
    else between frames (not timed), so the screen stays this full."""
    pygame, display = _headless_display()
    from game.activities import registry
    from game.app import art
    from game.app.loop import STEP, App, StepClock
    from game.world.cells import BOUNDS

    scenes = load_all()
    scenes["hunt"] = crowded_hunt(scenes, cells)
    app = App(scenes, "hunt", display, StepClock())
    assert app.play is not None
    rules, colour = app.play.rules, app.session.hero_colour
    finger = registry()["hunt"].make_bot()  # a child's finger: its moves are not timed
    place = random.Random(cells)
    window = pygame.display.get_surface()
    times, floor, strict = [], [], []
    while len(times) < frames + warm_up:
        for gesture in finger.step(rules, STEP):
            app._post(gesture)
        started = time.perf_counter()
        drawn = app.frame()
        took = time.perf_counter() - started
        shot = []
        for cell in [*rules.cells, *rules.buddies]:
            if cell.state == "gone":
                cell.state, cell.timer = "free", 0.0
                cell.x = place.uniform(BOUNDS[0] + cell.radius, BOUNDS[2] - cell.radius)
                cell.y = place.uniform(BOUNDS[1] + cell.radius, BOUNDS[3] - cell.radius)
            elif drawn:
                sprite = art.cell_sprite(
                    cell.kind, round(cell.radius), bool(cell.markers), cell.car is not None, colour
                )
                shot.append((sprite, sprite.get_rect(center=(round(cell.x), round(cell.y)))))
        if not drawn:
            continue
        times.append(took)
        floor.append(_bare_loop(pygame, window, shot))
        strict.append(_one_blits_call(pygame, window, shot))
    times = sorted(times[warm_up:])
    return {
        "median": statistics.median(times) * 1000,
        "p99": times[min(len(times) - 1, round(len(times) * 0.99))] * 1000,
        "floor_median": statistics.median(floor[warm_up:]) * 1000,
        "one_blits_median": statistics.median(strict[warm_up:]) * 1000,
    }


def _bare_loop(pygame, window, shot: list[tuple[Any, Any]]) -> float:
    """The least any engine could do for one frame, as a bare pygame loop: take the events,
    clear the window, blit each sprite, show it. Returns the seconds it took."""
    started = time.perf_counter()
    pygame.event.pump()
    window.fill(FLOOR_COLOUR)
    for sprite, place in shot:
        window.blit(sprite, place)
    pygame.display.flip()
    return time.perf_counter() - started


def _one_blits_call(pygame, window, shot: list[tuple[Any, Any]]) -> float:
    """The same in a single blits() call on a list made beforehand: stricter than any engine
    can be (its sprites move, so it makes the list each frame), shown for comparison."""
    started = time.perf_counter()
    pygame.event.pump()
    window.fill(FLOOR_COLOUR)
    window.blits(shot, False)
    pygame.display.flip()
    return time.perf_counter() - started


FLOOR_COLOUR = (250, 232, 226)


def idle_cpu(seconds: float = 5.0) -> float:
    """The share of one core used while the first chapter waits for the child: its narration
    has been said, and nothing is touched."""
    _, display = _headless_display()
    from game.app.loop import App, FrameClock, StepClock

    scenes = load_all()
    app = App(scenes, journey(scenes)[0], display, StepClock())
    assert app.play is not None
    while not app.play.narrator.settled and app.result.frames < 60 * 120:
        app.frame()
    app.clock = FrameClock()
    app.frame()
    wall, cpu = time.perf_counter(), time.process_time()
    while time.perf_counter() - wall < seconds:
        app.frame()
    return (time.process_time() - cpu) / (time.perf_counter() - wall)


# showing -----------------------------------------------------------------------------------------
def table(results: dict[str, Any]) -> str:
    """The results as a readable table, then each target and whether it is met."""
    rows = [
        ("launch to first frame", f"{results['startup_s']:.2f} s"),
        ("bare 'import pygame, yaml'", f"{results['import_floor_s']:.2f} s"),
    ]
    for cells, frame in results["frame_ms"].items():
        rows.append(
            (
                f"hunt, {cells} cells: frame",
                f"median {frame['median']:.2f} ms, p99 {frame['p99']:.2f} ms; floor: bare "
                f"loop {frame['floor_median']:.2f} ms, one blits() {frame['one_blits_median']:.2f}"
                " ms",
            )
        )
    rss = results["peak_rss_mb"]
    rows += [
        ("idle narration", f"{results['idle_cpu']:.1%} of one core"),
        ("load shipped scenes", f"{results['load_all_scenes_ms']:.0f} ms"),
        (f"load {SYNTHETIC_SCENES} generated scenes", f"{results['load_synthetic_ms']:.0f} ms"),
        ("peak memory, whole demo", "not measured here" if rss is None else f"{rss:.0f} MB"),
    ]
    width = max(len(name) for name, _ in rows)
    lines = [f"{name:<{width}}  {value}" for name, value in rows]
    lines += ["", "targets:"]
    for target, value, met in verdicts(results):
        mark = {True: "met", False: "MISSED", None: "not measured"}[met]
        shown = "-" if value is None else _number(value, target.unit)
        limit = _number(target.limit, target.unit)
        lines.append(f"  {target.name:<32} {shown:>14}  (at most {limit})  {mark}")
    return "\n".join(lines)


def _number(value: float, unit: str) -> str:
    if unit == "of a core":
        return f"{value:.1%}"
    if unit == "×":
        return f"{value:.2f}×"
    shown = f"{value:.2f}" if value < 10 else f"{value:.1f}"
    return f"{shown.rstrip('0').rstrip('.')} {unit}"


def main(as_json: bool, frames: int) -> int:
    """Print the results; exit 1 if a target was missed."""
    results = run(frames)
    print(json.dumps(results, indent=2) if as_json else table(results))
    return 1 if any(met is False for _, _, met in verdicts(results)) else 0
