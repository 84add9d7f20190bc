"""``python -m game bench``: how fast the game is on this machine, measured headless (and with
``--display``, in real windows too).

Each number is measured the way a clinic would meet it:

- ``startup_s``: from launching the game (as ``main.py`` and the installed ``t-cell-hero``
  do: ``game.launch.main``) to its first frame drawn, against
  ``import_floor_s``, a bare ``python -c "import pygame, yaml"`` (the least any game on these
  libraries could take; the target is the median of each turn's ratio of the two: a launch
  and a bare import one after the other meet the machine in the same mood);
- ``frame_ms``: the hunt with 50, 200 and 500 cells while the demo bot plays, drawn frames only,
  against ``floor_median``: a bare pygame loop that only clears the screen and blits the same
  cell pictures at the same places, as ``art.cell_sprite`` paints them (the game itself draws
  run-length-encoded copies of them, ``art.quick_to_draw``: that is part of what it does better
  than a bare loop); the p99 is held to 16.7 ms, or to the bare loop's own p99 when the
  machine held that up more (the two are timed in turns, frame by frame), but never to more
  than twice 16.7 ms (``Target.allowed``);
- ``idle_cpu``: the share of one core used while the first chapter's narration has been said
  and the game waits for the child's tap;
- ``load_all_scenes_ms`` and ``load_synthetic_ms``: loading and checking every shipped scene, and
  a generated story of 200 scenes (the quickest of several rounds: the same work each time,
  so a slower round is the machine busy elsewhere);
- ``peak_rss_mb``: the most memory a whole demo journey takes (the bot playing every chapter,
  with the voice files);
- ``soak_growth_mb``: how much the memory grows over the second of two passes through every
  scene with random taps, drags and keys (``SOAK_FRAMES`` frames in all; the first pass fills
  the caches), in a process of its own;
- with ``--display``, ``display``: for a 1280 × 800 and a 1920 × 1080 window on the current
  display, the share of one core used by the journey map, a line waiting for a tap and pause
  (the game process's own CPU time), how long input (a key press, drawn at once as a tap is)
  waits before a frame has taken it in and shown it (about 60 a window: 19 in 20 within a
  60 Hz frame, and none kept two frames; input that meets one of the machine's own hiccups
  waits as long as it lasts), and the 500-cell hunt's frame times (wall time, so they include
  waiting for the X server).

The JSON also carries ``targets``: each target's limit, the figure measured and whether it is met.

The targets are for one core of an old two-core machine with no graphics card.
"""

from __future__ import annotations

import json
import math
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

from game import collector, resources
from game.script.catalog import check_files, journey, load_all
from game.script.model import Scene

CELL_COUNTS = (50, 200, 500)
#: Frames of random input for ``soak_growth_mb``, over two passes through every scene.
SOAK_FRAMES = 20_000
SYNTHETIC_SCENES = 200
#: The hunt's crowd for the web build's frame rate (a tablet's browser: 30 frames a second).
WEB_HUNT_CELLS = 200


@dataclass(frozen=True)
class Target:
    name: str
    limit: float
    measured: Callable[[dict[str, Any]], float | None]
    unit: str
    #: The same figure for a bare loop measured in turns with the game, where the machine's
    #: own hiccups can outweigh the limit: the game is then held to that instead, up to twice
    #: the limit (a loop that only shows the same pictures at the same moments met the same
    #: hiccups; beyond twice the limit the run says nothing and misses).
    machine: Callable[[dict[str, Any]], float | None] | None = None

    def allowed(self, results: dict[str, Any]) -> float:
        """The limit, or the bare loop's own figure where the machine made that higher (at
        most twice the limit)."""
        found = None if self.machine is None else self.machine(results)
        return self.limit if found is None else max(self.limit, min(found, 2 * self.limit))


def _window(results: dict[str, Any], size: str, figure: Callable[[dict], float]) -> float | None:
    """A figure measured in a real window of ``size`` (None: ``--display`` was not asked)."""
    found = (results.get("display") or {}).get(size)
    return None if found is None else figure(found)


TARGETS = (
    Target("first frame / bare import", 2.0, lambda r: _launch_ratio(r), "×"),
    Target(
        "hunt, 500 cells: median / floor",
        1.3,
        lambda r: r["frame_ms"]["500"]["median"] / r["frame_ms"]["500"]["floor_median"],
        "×",
    ),
    Target(
        "hunt, 500 cells: p99",
        16.7,
        lambda r: r["frame_ms"]["500"]["p99"],
        "ms",
        machine=lambda r: r["frame_ms"]["500"].get("floor_p99"),
    ),
    Target("idle narration", 0.05, lambda r: r["idle_cpu"], "of a core"),
    Target("load shipped scenes", 100.0, lambda r: r["load_all_scenes_ms"], "ms"),
    Target("load 200 scenes", 1000.0, lambda r: r["load_synthetic_ms"], "ms"),
    Target("peak memory", 150.0, lambda r: r["peak_rss_mb"], "MB"),
    Target("memory growth, soak", 10.0, lambda r: r.get("soak_growth_mb"), "MB"),
    *(
        Target(
            f"idle, {size} window (worst screen)",
            limit,
            lambda r, size=size: _window(r, size, lambda w: max(w["idle_cpu"].values())),
            "of a core",
        )
        for size, limit in (("1280x800", 0.04), ("1920x1080", 0.06))
    ),
    *(
        Target(
            f"tap answered, {size} window ({which})",
            limit,
            lambda r, size=size, key=key: _window(r, size, lambda w: w["tap_ms"][key]),
            "ms",
        )
        for size in ("1280x800", "1920x1080")
        # 19 taps in 20 within a 60 Hz frame, and none kept two frames
        for which, key, limit in (("95 %", "p95", 16.7), ("slowest", "max", 33.4))
    ),
)


def _launch_ratio(results: dict[str, Any]) -> float:
    """The launch over the bare import: the median of each turn's own ratio (a launch and a
    bare import one after the other meet the same machine), or of the medians."""
    if "startup_ratio" in results:
        return results["startup_ratio"]
    return results["startup_s"] / results["import_floor_s"]


def run(
    frames: int = 600,
    idle_seconds: float = 5.0,
    rounds: int = 9,
    display: bool = False,
    soak_frames: int = SOAK_FRAMES,
) -> dict[str, Any]:
    """Every measurement; ``frames`` hunt frames for each cell count, ``rounds`` launches,
    ``soak_frames`` of random input; with ``display``, also in real windows on the current
    display (see ``display_figures``)."""
    startup, floor, ratio = startup_seconds(rounds)
    shipped, synthetic = load_all_scenes_ms(rounds), load_synthetic_ms()
    found = {
        "startup_s": startup,
        "import_floor_s": floor,
        "startup_ratio": ratio,
        "frame_ms": {str(n): hunt_frames(n, frames) for n in CELL_COUNTS},
        "idle_cpu": idle_cpu(idle_seconds),
        "load_all_scenes_ms": shipped[0],
        "load_synthetic_ms": synthetic[0],
        "load_median_ms": {"shipped": shipped[1], "synthetic": synthetic[1]},
        "peak_rss_mb": peak_rss_mb(),
        "soak_growth_mb": soak_growth_mb(soak_frames),
    }
    if display:
        found["display"] = display_figures(idle_seconds, min(frames, 300))
    return found


def verdicts(
    results: dict[str, Any], targets: tuple[Target, ...] = TARGETS
) -> list[tuple[Target, float | None, bool | None]]:
    """Each target with its measured value and whether it is met (None: not measured here)."""
    found = []
    for target in targets:
        value = target.measured(results)
        found.append((target, value, None if value is None else value <= target.allowed(results)))
    return found


# launching ---------------------------------------------------------------------------------------
def _headless_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    return env


def startup_seconds(rounds: int = 5) -> tuple[float, float, float]:
    """The median time from launch to the first frame drawn, a bare import's, and the median
    of each turn's launch over its bare import (after one launch of each, so the files are in
    the disk cache and the game's compiled bytecode is written, as on a clinic's second
    launch)."""
    env = _headless_env()
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    floor, first = [], []
    with tempfile.TemporaryDirectory() as data:
        # as the installed t-cell-hero and main.py start it (python -m game adds runpy)
        launch = "import sys; from game.launch import main; sys.exit(main())"
        game = [sys.executable, "-c", launch, "play", "--first-frame", "--data-dir", data]
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
    ratios = [game / bare for game, bare in zip(first, floor, strict=True)]
    return statistics.median(first), statistics.median(floor), statistics.median(ratios)


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


def soak_growth_mb(frames: int = SOAK_FRAMES) -> float | None:
    """How much a process's memory grows over the second of two passes of random input
    through every scene (None where the system does not tell a process's memory)."""
    code = f"from game import bench; print('GROWTH', bench.soak({frames}))"
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=_headless_env(),
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
    )
    line = next((x for x in done.stdout.splitlines() if x.startswith("GROWTH ")), None)
    if done.returncode != 0 or line is None:
        raise RuntimeError(f"the soak did not finish: {done.stderr.strip()[-400:]}")
    found = line.removeprefix("GROWTH ")
    return None if found == "None" else float(found)


def soak(frames: int = SOAK_FRAMES, seed: int = 20261121) -> float | None:
    """Run in a process of its own: two passes through every scene (each started as the
    grown-up's 'play this chapter' does), a restless finger tapping and dragging at random
    and now and then a key; the memory held after the second pass less that after the first,
    in MB."""
    pygame, display = _headless_display()
    from game.app.loop import App, StepClock

    scenes = load_all()
    order = journey(scenes)
    order += sorted(set(scenes) - set(order))
    app = App(scenes, order[0], display, StepClock(), show_map=True)
    rng = random.Random(seed)
    each = max(1, frames // (2 * len(order)))
    down: tuple[int, int] | None = None
    held = []
    for _ in range(2):
        for scene_id in order:
            app.overlay = None
            app._start(scene_id)
            for _ in range(each):
                if down is not None and rng.random() < 0.1:
                    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=down, button=1))
                    down = None
                elif down is not None:
                    down = (
                        min(1279, max(0, down[0] + rng.randint(-40, 40))),
                        min(799, max(0, down[1] + rng.randint(-40, 40))),
                    )
                    pygame.event.post(
                        pygame.event.Event(
                            pygame.MOUSEMOTION, pos=down, rel=(0, 0), buttons=(1, 0, 0)
                        )
                    )
                elif rng.random() < 0.08:
                    down = (rng.randrange(1280), rng.randrange(800))
                    pygame.event.post(
                        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=down, button=1)
                    )
                if rng.random() < 0.02:
                    key = rng.choice((pygame.K_SPACE, pygame.K_RETURN, pygame.K_LEFT, pygame.K_a))
                    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0))
                    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0))
                app.frame()
        held.append(_resident_mb())
    if held[0] is None or held[1] is None:
        return None
    return held[1] - held[0]


def _resident_mb() -> float | None:
    """The memory this process holds now (Linux's /proc), else None."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, AttributeError):
        return None


# loading -----------------------------------------------------------------------------------------
def load_all_scenes_ms(rounds: int = 5) -> tuple[float, float]:
    """The quickest and the median of ``rounds`` times to load and check every shipped scene
    (reading is the same work every round, so a slower round is the machine busy elsewhere:
    as Python's ``timeit`` advises, the quickest is what the code costs)."""
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        found = load_all()
        times.append(time.perf_counter() - started)
        del found  # its freeing is not the round's (as in load_synthetic_ms)
    return min(times) * 1000, statistics.median(times) * 1000


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
        for choice in doc.get("choices") or []:  # quiz answers are kept by id, journey-wide
            if isinstance(choice, dict) and "id" in choice and index >= len(shipped):
                choice["id"] = f"{new_id}_{choice['id']}"
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


def load_synthetic_ms(count: int = SYNTHETIC_SCENES, rounds: int = 5) -> tuple[float, float]:
    """The quickest and the median of ``rounds`` times to load and check a generated story
    of ``count`` scenes (see ``load_all_scenes_ms``)."""
    times = []
    with tempfile.TemporaryDirectory() as folder:
        paths = synthetic_story(Path(folder), count)
        for _ in range(rounds):
            started = time.perf_counter()
            scenes, problems = check_files(paths)
            times.append(time.perf_counter() - started)
            if problems or len(scenes) != count:
                raise RuntimeError(f"the synthetic story did not load: {problems[:3]}")
            del scenes  # its freeing is not the next round's
    return min(times) * 1000, statistics.median(times) * 1000


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
    from game.app.platform import sdl

    sdl.use_headless_drivers()
    from game.app.platform.display import LOGICAL, Display

    sdl.pygame.display.init()
    sdl.pygame.font.init()
    return sdl.pygame, Display(LOGICAL)


def hunt_frames(
    cells: int, frames: int = 600, warm_up: int = 120, display=None
) -> dict[str, float]:
    """Drawn frames of the hunt with ``cells`` cells while the demo bot's finger plays: the
    median and the 99th percentile in milliseconds, and the floors' medians (a bare pygame loop,
    and one blits() call).

    Each engine frame is followed at once by a floor frame of the same sprites at the same
    places, so both meet the same machine. A cell that has broken apart comes back somewhere
    else between frames (not timed), so the screen stays this full."""
    if display is None:
        pygame, display = _headless_display()
    else:  # a real window (see in_window)
        import pygame
    from game.activities import registry
    from game.app.loop import STEP, App, StepClock
    from game.app.ui import art
    from game.world.cells import BOUNDS

    scenes = load_all()
    scenes["hunt"] = crowded_hunt(scenes, cells)
    collector.hold()  # as a launch does: what starting made is set aside at the second frame
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
    times, floor = sorted(times[warm_up:]), sorted(floor[warm_up:])
    return {
        "median": statistics.median(times) * 1000,
        "p99": _share(times, 0.99) * 1000,
        "floor_median": statistics.median(floor) * 1000,
        "floor_p99": _share(floor, 0.99) * 1000,
        "one_blits_median": statistics.median(strict[warm_up:]) * 1000,
    }


def _share(ordered: list[float], share: float) -> float:
    """The least value that at least ``share`` of the sorted ``ordered`` are at or below
    (0.99: the p99; the nearest rank)."""
    rank = math.ceil(round(len(ordered) * share, 9))  # (600 * 0.99 is 594, not 594.000...1)
    return ordered[max(0, min(len(ordered), rank) - 1)]


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


# in a real window --------------------------------------------------------------------------------
#: The window sizes ``--display`` measures: the canvas's own, and a common 16:9 screen.
WINDOW_SIZES = ((1280, 800), (1920, 1080))
#: The calm screens measured: the journey map, a line waiting for a tap, and pause.
IDLE_SCREENS = ("map", "line", "pause")
#: Real-window hunt frames: the cells asked for, and how many frames.
WINDOW_HUNT_CELLS = 500


def display_figures(seconds: float = 4.0, frames: int = 300) -> dict[str, Any]:
    """Idle CPU, tap latency and hunt frame times in a real window on the current display
    (``DISPLAY``), one process for each window size so each is measured on its own."""
    found: dict[str, Any] = {}
    root = Path(__file__).resolve().parent.parent
    for width, height in WINDOW_SIZES:
        code = (
            "import json, sys; from game import bench; "
            f"print('FIGURES', json.dumps(bench.in_window(({width}, {height}), {seconds}, "
            f"{frames})))"
        )
        env = dict(os.environ, SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
        env.pop("SDL_VIDEODRIVER", None)
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True
        )
        line = next((x for x in done.stdout.splitlines() if x.startswith("FIGURES ")), None)
        if done.returncode != 0 or line is None:
            raise RuntimeError(f"no window could be measured: {done.stderr.strip()[-400:]}")
        found[f"{width}x{height}"] = json.loads(line.removeprefix("FIGURES "))
    return found


def in_window(size: tuple[int, int], seconds: float = 4.0, frames: int = 300) -> dict[str, Any]:
    """Run in a process of its own: open a ``size`` window and measure each calm screen's CPU
    (this process's own CPU time, so other work on the machine does not count), how soon a
    pointer event is answered, and the hunt's frame times with the demo bot playing."""
    from game.app.platform import sdl

    problem = sdl.start_video()
    if problem is not None:
        raise RuntimeError(problem)
    pygame = sdl.pygame
    pygame.font.init()
    from game.app.loop import App, StepClock
    from game.app.platform.display import Display

    display = Display(size)
    scenes = load_all()
    first = journey(scenes)[0]
    figures: dict[str, Any] = {
        "driver": pygame.display.get_driver(),
        "window": list(pygame.display.get_window_size()),
        "scaling": getattr(display, "scaling", "smoothscale"),
    }
    idle: dict[str, float] = {}
    collector.hold()  # as a launch does (game/collector.py)
    app = App(scenes, first, display, StepClock(), show_map=True)
    for _ in range(120):
        app.frame()
    idle["map"], taps = _calm(app, seconds)
    app = App(scenes, first, display, StepClock())
    assert app.play is not None
    while not app.play.narrator.settled and app.result.frames < 60 * 120:
        app.frame()
    idle["line"], more = _calm(app, seconds)
    taps += more
    app.play.outcome = "pause"
    app.clock = StepClock()
    for _ in range(5):
        app.frame()
    idle["pause"], more = _calm(app, seconds)
    taps += more
    figures["idle_cpu"] = idle
    taps.sort()
    figures["tap_ms"] = {
        "median": statistics.median(taps) * 1000,
        "p95": _share(taps, 0.95) * 1000,
        "max": taps[-1] * 1000,
        "count": len(taps),
    }
    figures["hunt_ms"] = hunt_frames(WINDOW_HUNT_CELLS, frames, warm_up=60, display=display)
    return figures


#: Seconds of input sent to each calm screen: about 20 presses a screen, 60 a window.
TAPPING = 3.0


def _calm(app, seconds: float) -> tuple[float, list[float]]:
    """The share of one core ``app`` uses over ``seconds`` of real time with nothing touched,
    then how long each of the key presses sent for ``TAPPING`` seconds (from another thread,
    at random moments) waited before a frame had taken it in and shown it."""
    import threading

    import pygame

    from game.app.loop import FrameClock

    app.clock = FrameClock()
    app.frame()
    wall, cpu = time.perf_counter(), time.process_time()
    while time.perf_counter() - wall < seconds:
        app.frame()
    share = (time.process_time() - cpu) / (time.perf_counter() - wall)
    sent: list[float] = []
    taken = threading.Event()
    stop = threading.Event()
    place = random.Random(7)

    def poke() -> None:
        while not stop.is_set():
            time.sleep(place.uniform(0.05, 0.25))
            taken.clear()
            sent.append(time.perf_counter())
            # A key the game gives no meaning (AnyKey): input that wakes the loop and is drawn
            # at once, as a tap is, without changing the calm screen being measured (a mouse
            # moving with no button held is not drawn at all: it makes no intent).
            pygame.event.post(
                pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F13, mod=0, unicode="", scancode=0)
            )
            taken.wait(1.0)

    waits: list[float] = []
    clock = app.clock
    tick = clock.tick

    def noting(interval: float):
        elapsed, events = tick(interval)
        if any(e.type == pygame.KEYDOWN for e in events):
            clock.had_input = True
        return elapsed, events

    clock.tick = noting
    clock.had_input = False
    helper = threading.Thread(target=poke, daemon=True)
    helper.start()
    started = time.perf_counter()
    while time.perf_counter() - started < TAPPING:
        app.frame()
        if clock.had_input:
            clock.had_input = False
            waits.append(time.perf_counter() - sent[-1])
            taken.set()
    stop.set()
    taken.set()
    helper.join()
    return share, waits


# showing -----------------------------------------------------------------------------------------
def table(results: dict[str, Any]) -> str:
    """The results as a readable table, then each target and whether it is met."""
    rows = [
        ("launch to first frame", f"{results['startup_s']:.2f} s"),
        ("bare 'import pygame, yaml'", f"{results['import_floor_s']:.2f} s"),
        (
            "launch / bare import, in turns" if "startup_ratio" in results else "launch / bare",
            f"{_launch_ratio(results):.2f} ×",
        ),
    ]
    for cells, frame in results["frame_ms"].items():
        rows.append(
            (
                f"hunt, {cells} cells: frame",
                f"median {frame['median']:.2f} ms, p99 {frame['p99']:.2f} ms; floor: bare "
                f"loop {frame['floor_median']:.2f} ms (p99 {frame['floor_p99']:.2f} ms), one "
                f"blits() {frame['one_blits_median']:.2f} ms",
            )
        )
    rss = results["peak_rss_mb"]
    rows += [
        ("idle narration", f"{results['idle_cpu']:.1%} of one core"),
        ("load shipped scenes", _load(results, "load_all_scenes_ms", "shipped")),
        (
            f"load {SYNTHETIC_SCENES} generated scenes",
            _load(results, "load_synthetic_ms", "synthetic"),
        ),
        ("peak memory, whole demo", "not measured here" if rss is None else f"{rss:.0f} MB"),
    ]
    growth = results.get("soak_growth_mb")
    if "soak_growth_mb" in results:
        rows.append(
            (
                "memory growth, soak",
                "not measured here" if growth is None else f"{growth:.1f} MB",
            )
        )
    for size, found in (results.get("display") or {}).items():
        idle = ", ".join(f"{name} {share:.1%}" for name, share in found["idle_cpu"].items())
        hunt, tap = found["hunt_ms"], found["tap_ms"]
        rows += [
            (f"{size} window: idle", f"{idle} of one core"),
            (
                f"{size} window: tap",
                f"median {tap['median']:.1f} ms, 95 % within {tap['p95']:.1f} ms, slowest "
                f"{tap['max']:.1f} ms (of {tap['count']})",
            ),
            (
                f"{size} window: hunt, {WINDOW_HUNT_CELLS} cells",
                f"median {hunt['median']:.2f} ms, p99 {hunt['p99']:.2f} ms (floor "
                f"{hunt['floor_median']:.2f} ms)",
            ),
        ]
    width = max(len(name) for name, _ in rows)
    lines = [f"{name:<{width}}  {value}" for name, value in rows]
    lines += ["", "targets:", *_target_lines(verdicts(results), results)]
    return "\n".join(lines)


def _load(results: dict[str, Any], key: str, name: str) -> str:
    """A load's quickest round, and its median where measured."""
    median = (results.get("load_median_ms") or {}).get(name)
    shown = f"{results[key]:.0f} ms"
    return shown if median is None else f"{shown} (the quickest round; median {median:.0f} ms)"


def _target_lines(
    judged: list[tuple[Target, float | None, bool | None]], results: dict[str, Any]
) -> list[str]:
    lines = []
    for target, value, met in judged:
        mark = {True: "met", False: "MISSED", None: "not measured"}[met]
        shown = "-" if value is None else _number(value, target.unit)
        limit = _number(target.limit, target.unit)
        allowed = target.allowed(results) if value is not None else target.limit
        if allowed > target.limit:
            limit += f", or the bare loop's own {_number(allowed, target.unit)}"
        lines.append(f"  {target.name:<32} {shown:>14}  (at most {limit})  {mark}")
    return lines


def _with_targets(results: dict[str, Any], judged) -> str:
    """The results as JSON, with each target, its limit (and ``allowed``: the bare loop's own
    figure where the machine made that higher), the figure and the verdict."""
    results["targets"] = [
        {
            "name": t.name,
            "limit": t.limit,
            "allowed": t.allowed(results) if value is not None else t.limit,
            "unit": t.unit,
            "measured": value,
            "met": met,
        }
        for t, value, met in judged
    ]
    return json.dumps(results, indent=2)


def _number(value: float, unit: str) -> str:
    if unit == "of a core":
        return f"{value:.1%}"
    if unit == "×":
        return f"{value:.2f}×"
    shown = f"{value:.2f}" if value < 10 else f"{value:.1f}"
    return f"{shown.rstrip('0').rstrip('.')} {unit}"


# the web build -----------------------------------------------------------------------------------
#: What the web build must do in headless Chromium here (``bench --web``).
WEB_TARGETS = (
    Target("web: first screen, opened again", 5000.0, lambda r: r["first_screen_ms"], "ms"),
    Target("web: first screen, first time", 5000.0, lambda r: r["first_screen_cold_ms"], "ms"),
    Target("web: idle, first screen", 0.05, lambda r: r["idle"], "of a core"),
    Target(
        f"web: hunt, {WEB_HUNT_CELLS} cells: frame",
        1000 / 30,
        lambda r: 1000 / r["hunt_fps"] if r["hunt_fps"] else None,
        "ms",
    ),
)


def web_figures(cells: int = WEB_HUNT_CELLS) -> dict[str, Any]:
    """Build the web site, serve it on 127.0.0.1 and measure it in headless Chromium with
    tests/browser/bench.mjs (needs node, chromium-headless-shell and ``npm ci --prefix
    tests/browser``): the first screen the first time and opened again, and the hunt."""
    import functools
    import http.server
    import threading

    from game import web

    script = Path(__file__).resolve().parent.parent / "tests" / "browser" / "bench.mjs"
    if not script.is_file():
        raise RuntimeError(f"{script} is missing: bench --web runs from a checkout")
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "web"
        web.build(site)

        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *_args) -> None:
                pass

        handler = functools.partial(Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            url = f"http://127.0.0.1:{server.server_address[1]}/"
            run = subprocess.run(
                ["node", str(script), url, str(cells)], capture_output=True, text=True, timeout=900
            )
        finally:
            server.shutdown()
    if run.returncode != 0:
        raise RuntimeError(f"bench.mjs failed: {run.stderr.strip()[-500:]}")
    found = json.loads(run.stdout)
    if "failure" in found:
        raise RuntimeError(found["failure"])
    again = [r["marks"]["first_frame"] for r in found["again"]]
    return {
        "first_screen_cold_ms": found["first"]["marks"]["first_frame"],
        "first_screen_ms": statistics.median(again),
        "first_screen_marks": found["again"][-1]["marks"],
        "first_screen_cold_marks": found["first"]["marks"],
        "idle": found["idle"],
        "hunt_cells": cells,
        "hunt_fps": found["hunt"]["fps"],
        "hunt_python_ms": found["hunt"]["python_ms"],
    }


def web_main(as_json: bool) -> int:
    """``bench --web``: the web build's figures and targets; exit 1 if a target is missed."""
    results = web_figures()
    judged = verdicts(results, WEB_TARGETS)
    if as_json:
        print(_with_targets(results, judged))
    else:
        marks = ", ".join(f"{k} {v} ms" for k, v in results["first_screen_marks"].items())
        print(f"first screen, opened again: {results['first_screen_ms']:.0f} ms ({marks})")
        print(f"first screen, first time:   {results['first_screen_cold_ms']:.0f} ms")
        print(f"calm first screen: the page busy {results['idle']:.1%} of the time")
        print(
            f"hunt, {results['hunt_cells']} cells: {results['hunt_fps']:.1f} frames a second, "
            f"Python {results['hunt_python_ms']:.1f} ms a frame"
        )
        print("\n".join(["", "targets:", *_target_lines(judged, results)]))
    return 1 if any(met is False for _, _, met in judged) else 0


def main(as_json: bool, frames: int, display: bool = False) -> int:
    """Print the results (the JSON also carries each target, its limit and verdict); exit 1
    if a target was missed."""
    results = run(frames, display=display) if display else run(frames)
    judged = verdicts(results)
    if as_json:
        print(_with_targets(results, judged))
    else:
        print(table(results))
    return 1 if any(met is False for _, _, met in judged) else 0
