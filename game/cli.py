"""The command line: ``play`` (the default), ``check``, ``demo``, ``screenshot``, ``bench`` and
the tools for words and sounds.

Scenes are loaded and checked before any window opens; a broken scene file is answered with
``path:line:col: message`` lines and exit code 1.
"""

from __future__ import annotations

import argparse
import csv
import logging
import math
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from game import __version__, collector, logs, resources
from game.profile.settings import Settings
from game.script import gallery, startcache
from game.script.catalog import (
    check_files,
    check_journey,
    journey,
    journey_file_beside,
    journey_of,
    load_all,
    remember_journey,
)
from game.script.errors import SceneError, did_you_mean
from game.script.journey_file import Journey
from game.script.model import Scene
from game.script.strings import BANDS, DEFAULT_BAND, DEFAULT_ROLE, ROLES, SOURCE_LANGUAGE, Strings
from game.script.texts import Library, all_texts, build_strings, load_library

log = logging.getLogger("game")

#: The longest a chapter may take (4 minutes at 60 frames a second): the demo's default limit.
CHAPTER_FRAMES = 4 * 60 * 60
COMMANDS = (
    "play",
    "check",
    "demo",
    "screenshot",
    "preview",
    "bench",
    "lines",
    "translate",
    "sounds",
    "voices",
    "results",
    "web",
)
EPILOG = """other commands:
  check [--strict] [PATH ...] check scene files (default: every shipped scene), the
                              translations and the voice files
  demo [--scene ID] [--frames N] [--seed S] [--headless]
                              the game plays itself (attract mode and smoke test)
  screenshot --scene ID [--at SECONDS] [--map] OUT.png
                              save a picture of a scene after some demo play
  preview scenes/NAME.yaml    play one chapter in a window, again after each save of
                              its file; while check finds problems, show them instead
  bench [--json] [--display] [--web]
                              measure start-up, frame times, idle CPU, loading and memory
                              (--web: the web build, in headless Chromium)
  lines [--lang CODE] [--format csv|tsv] [--band BAND] [--role ROLE]
                              every text by id, for review and translation
  translate --lang CODE [--name NAME] [--export OUT.po | --import IN.po]
                              add the texts a language lacks or whose English changed
                              to scenes/lang/CODE.yaml, ready to fill in (a new CODE
                              makes the file); or exchange them as a PO file with a
                              translation tool (Poedit, Weblate, Crowdin)
  sounds [--out DIR]          synthesise the sound effects and music (needs sox)
  voices [--lang CODE] [--force] [--verify]
                              render the voice files that changed, or check them by ear
                              (needs the voice tools: uv sync --group voice)
  results [--data-dir DIR] --csv OUT.csv [--names]
                              every session on this device as one table row each,
                              de-identified (names only with --names)
  web OUT                     write the game as a web site for tablets (iPad, Android):
                              serve OUT with any web server (fetches Python for the
                              browser once, pinned)
Run 'python -m game COMMAND --help' for a command's options."""


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command = args.pop(0) if args and args[0] in COMMANDS else "play"
    parser = _parser(command)
    if command != "play":  # only playing is raced to its first screen (game/collector.py)
        collector.release()
    try:
        return _main(command, parser.parse_args(args))
    finally:
        collector.release()  # the game ended before its first screen settled


def _main(command: str, options: argparse.Namespace) -> int:
    for stream in (sys.stdout, sys.stderr):  # a cp1252 console shows what it can, never fails
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        run = {
            "play": _play,
            "check": _check,
            "demo": _demo,
            "screenshot": _screenshot,
            "preview": _preview,
            "bench": _bench,
            "lines": _lines,
            "sounds": _sounds,
            "voices": _voices,
            "translate": _translate,
            "results": _results,
            "web": _web,
        }[command]
        code = run(options)
        sys.stdout.flush()  # a full disk or a closed pipe is met here, not at exit
        return code
    except KeyboardInterrupt:
        return 130
    except ModuleNotFoundError as exc:  # 'python' outside the project's environment
        if not _no_pygame(exc):
            raise
        return 1
    except BrokenPipeError:  # the reader stopped early, as 'lines | head' does: not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115  (so exit's flush stays quiet)
        return 0
    except OSError as exc:  # the output cannot be written ('> /dev/full'), or another file
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115  (so exit's flush stays quiet)
        what = exc.filename if exc.filename else "cannot write the output"
        print(f"{command}: {what}: {exc.strerror or exc}", file=sys.stderr)
        return 1


def _parser(command: str) -> argparse.ArgumentParser:
    if command == "play":
        parser = argparse.ArgumentParser(
            prog="t-cell-hero",
            epilog=EPILOG,
            formatter_class=argparse.RawTextHelpFormatter,
            description="T-Cell Hero: guide a CAR T cell on its journey. Plays the game.",
        )
        parser.add_argument("--version", action="version", version=f"T-Cell Hero {__version__}")
        _scene_option(parser)
        _words_options(parser)
        parser.add_argument("--no-voice", action="store_true", help="text only, no voice")
        _data_option(parser)
        parser.add_argument("--fullscreen", action="store_true", help="fill the screen (kiosk)")
        parser.add_argument(
            "--window",
            type=_window_size,
            metavar="WxH",
            help="window size in pixels, like 1024x640",
        )
        _volume_options(parser)
        # For the benchmark: draw the first frame, print when (time.monotonic), and stop.
        parser.add_argument("--first-frame", action="store_true", help=argparse.SUPPRESS)
        return parser
    parser = argparse.ArgumentParser(prog=f"python -m game {command}")
    if command == "check":
        parser.description = (
            "Check scene files; print each problem as path:line:col: message. Then report "
            "the content rules broken (docs/content-rules.md: soft words, line length, fact "
            "ids), translations that are missing or stale, and voice files that are missing or "
            "say old words (warnings; with --strict they fail the check too)."
        )
        parser.add_argument(
            "--strict",
            action="store_true",
            help="fail on content rule, translation and voice warnings too",
        )
        parser.add_argument(
            "paths",
            nargs="*",
            type=Path,
            metavar="PATH",
            help="scene files or folders (default: every shipped scene)",
        )
    elif command == "demo":
        parser.description = (
            "The game plays itself with a bot's taps and drags. Exit 0 when "
            "the goals were reached within the frames, and name the chapters played to their "
            "goals (--band older plays that band's chapters); else exit 1 and say how far it got "
            "(the chapter, its goals, the chapters finished)."
        )
        _scene_option(parser)
        parser.add_argument(
            "--frames",
            type=int,
            default=None,
            help="simulation frames, 60 a second (default: 4 minutes a chapter; "
            "0: play until closed)",
        )
        parser.add_argument("--seed", type=int, default=0, help="seed for the cells' places")
        parser.add_argument(
            "--headless",
            action="store_true",
            help="no window or sound (SDL's dummy drivers), as fast as it can",
        )
        _words_options(parser)
        _volume_options(parser)
        _data_option(parser)
    elif command == "preview":
        parser.description = (
            "Play one chapter in a window while you write it: each time its file (or the "
            "word book, a language table, a picture) is saved, it starts again; while check "
            "finds problems, they are shown instead, as path:line:col: message."
        )
        parser.add_argument("path", type=Path, metavar="SCENE.yaml", help="the scene file")
        _words_options(parser)
        parser.add_argument("--no-voice", action="store_true", help="text only, no voice")
    elif command == "bench":
        parser.description = (
            "Measure, headless, on this machine: launch to first frame, hunt frame times with "
            "50, 200 and 500 cells against a bare-blit floor, CPU while narration waits, scene "
            "loading, and the peak memory of a whole demo journey. Exit 1 if a target is missed."
        )
        parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
        parser.add_argument(
            "--frames", type=int, default=600, help="hunt frames measured per cell count"
        )
        parser.add_argument(
            "--web",
            action="store_true",
            help="instead, measure the web build in headless Chromium: the first screen after "
            "opening, and the hunt with 200 cells (needs node, chromium-headless-shell and "
            "'npm ci --prefix tests/browser')",
        )
        parser.add_argument(
            "--display",
            action="store_true",
            help="also measure idle CPU, tap answers and frame times in real windows on this "
            "display (1280x800 and 1920x1080)",
        )
    elif command == "lines":
        parser.description = (
            "Print every text (narration lines and their age-band and sibling variants, "
            "picture labels, titles, the word book, the menus) as id,scene,fact,text, in "
            "journey order, for clinical review and translation. Every language has the same "
            "ids; a text not translated yet is empty."
        )
        parser.add_argument("--lang", default="en", metavar="CODE", help="language (en, es...)")
        parser.add_argument("--format", choices=("csv", "tsv"), default="csv")
        parser.add_argument(
            "--band",
            choices=BANDS,
            help="only what a child of this age band reads: each text once, under the id of "
            "the variant they get",
        )
        parser.add_argument(
            "--role",
            choices=ROLES,
            help="only what this child reads (patient, or sibling: a brother or sister): each "
            "text once, under the id of the variant they get",
        )
    elif command == "translate":
        parser.description = (
            "Write into scenes/lang/CODE.yaml every text the language lacks, with the English "
            'as a comment above it and an empty text: "" to fill in (shown in English until '
            "then), and mark each text whose English changed with 'was:' (the English it was "
            "translated from) beside the new English. A new CODE makes the file. Nothing the "
            "translator wrote is lost or moved. With --export or --import, exchange the texts "
            "with a translation tool as a gettext PO file instead."
        )
        parser.add_argument(
            "--lang", required=True, metavar="CODE", help="the language (es, fr, pt-br...)"
        )
        parser.add_argument(
            "--name",
            metavar="NAME",
            help="a new language's own name, shown on its button (default: CODE; later, "
            "change 'language:' in the file)",
        )
        exchange = parser.add_mutually_exclusive_group()
        exchange.add_argument(
            "--export",
            type=Path,
            metavar="OUT.po",
            help="write every text and its translation as a PO file; the table is not changed",
        )
        exchange.add_argument(
            "--import",
            dest="import_po",
            type=Path,
            metavar="IN.po",
            help="write the PO file's translations into the table, with the right hashes",
        )
    elif command == "results":
        parser.description = (
            "Write every session kept on this device (every child's profile in the data "
            "folder) to a CSV table, one row per session, for a spreadsheet or R/pandas. "
            "Children are shown by a random code, never by name, unless --names is given. "
            "The columns are described in docs/facilitator-guide.md (Session records). "
            "Profiles that cannot be read are skipped and named; nothing in the data folder "
            "is changed. Exit 1 if OUT.csv cannot be written."
        )
        _data_option(parser)
        parser.add_argument(
            "--csv",
            required=True,
            type=Path,
            metavar="OUT.csv",
            help="the table to write (UTF-8, comma-separated; '-' writes it to the screen)",
        )
        parser.add_argument(
            "--names",
            action="store_true",
            help="add a 'name' column with each child's typed name (default: codes only)",
        )
    elif command == "voices":
        parser.description = (
            "Render a voice file for every text a child hears with a natural voice (Kokoro), "
            "as assets/voice/<lang>/<id>.mp3. Files already up to date (the same words, made "
            "by today's voice) are kept, and a hospital's own recordings are never "
            "overwritten. Needs the voice tools: 'uv sync --group voice'."
        )
        parser.add_argument("--lang", metavar="CODE", help="one language (default: all)")
        parser.add_argument(
            "--force",
            action="store_true",
            help="render every file again, even up-to-date ones (never your own recordings)",
        )
        parser.add_argument(
            "--verify",
            action="store_true",
            help="render nothing: transcribe every file with an offline speech recognizer and "
            "report the word error rate per language and every misheard key word",
        )
        parser.add_argument(
            "--out", type=Path, default=None, help="voice folder (default: assets/voice)"
        )
    elif command == "web":
        parser.description = (
            "Write the whole game as a static web site into OUT: open it on a tablet from any "
            "web server (a clinic PC running 'python -m http.server --directory OUT', or an "
            "intranet). Python for the browser (Pyodide) is fetched once, pinned by SHA-256."
        )
        parser.add_argument("out", type=Path, metavar="OUT", help="the folder to write")
    elif command == "sounds":
        parser.description = (
            "Synthesise the sound effects and the music from code and encode them as OGG "
            "Vorbis with sox. The files are committed; players never need this."
        )
        parser.add_argument(
            "--out", type=Path, default=None, help="assets folder to write into (default: ours)"
        )
    else:
        parser.description = "Save a PNG of a scene after some seconds of demo play (headless)."
        _scene_option(parser, required=True)
        parser.add_argument(
            "--at",
            type=_seconds,
            default=3.0,
            metavar="SECONDS",
            help="seconds of demo play first (default 3)",
        )
        parser.add_argument(
            "--map", action="store_true", help="the journey map before this scene instead"
        )
        parser.add_argument("--seed", type=int, default=0, help="seed for the cells' places")
        parser.add_argument(
            "--voice",
            action="store_true",
            help="play the voice files, so the spoken word is lit (default: typewriter text)",
        )
        _words_options(parser)
        parser.add_argument("out", type=Path, metavar="OUT.png")
    return parser


def _words_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        metavar="CODE",
        help="language of the words (en, es...; default: the one the last child played in "
        "on this device, else en)",
    )
    parser.add_argument(
        "--band",
        choices=BANDS,
        default=DEFAULT_BAND,
        help="age band: little (4 to 6), middle (7 to 9, the default), older (10 to 12)",
    )
    parser.add_argument(
        "--role",
        choices=ROLES,
        default=DEFAULT_ROLE,
        help="who is playing: patient (the child getting CAR T cells, the default) or sibling "
        "(their brother or sister); a new child's setting",
    )


def _data_folder(text: str) -> Path:
    """``--data-dir``'s value: an empty one would silently mean the current folder."""
    if not text.strip():
        raise argparse.ArgumentTypeError(
            "it is empty; give the folder where profiles and the log are kept, or leave "
            "--data-dir out to use this user's data folder"
        )
    return Path(text)


def _data_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        type=_data_folder,
        metavar="DIR",
        help="where profiles, progress and the log are kept (default: this user's data "
        f"folder, or ${logs.DATA_DIR_ENV})",
    )


def _volume_options(parser: argparse.ArgumentParser) -> None:
    """A new child's volumes; the grown-up's controls move them in steps of 20, so a value in
    between becomes the nearest step (see ``_step_of``)."""
    new_child = Settings()
    parser.add_argument(
        "--effects",
        type=_percent,
        default=new_child.effects,
        metavar="0-100",
        help=f"sound effects volume, in steps of 20 (default {new_child.effects})",
    )
    parser.add_argument(
        "--music",
        type=_percent,
        default=new_child.music,
        metavar="0-100",
        help=f"music volume, in steps of 20 (default {new_child.music})",
    )


def _percent(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number from 0 to 100") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"{value} is not from 0 to 100")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    if not (math.isfinite(value) and 0 <= value <= 24 * 60 * 60):
        raise argparse.ArgumentTypeError(f"'{text}' must be seconds from 0 to 86400")
    return value


def _scene_option(parser: argparse.ArgumentParser, required: bool = False) -> None:
    parser.add_argument(
        "--scene", metavar="ID", required=required, help="the scene to play, by id (like 'hunt')"
    )


def _window_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1024x640") from None
    if not (160 <= width <= 10000 and 100 <= height <= 10000):
        raise argparse.ArgumentTypeError(f"'{text}' is too small or too large")
    return width, height


# commands --------------------------------------------------------------------------------------
def _check(options: argparse.Namespace) -> int:
    paths = _scene_paths(options.paths) if options.paths else resources.shipped_scene_files()
    if not paths:
        where = ", ".join(str(p) for p in options.paths) or str(resources.scenes_dir())
        print(f"{where}: no scene files (*.yaml) to check", file=sys.stderr)
        return 1
    scenes, problems = check_files(paths)
    for plan_path, explicit in _journey_files(options.paths):
        # Given by name, it is checked against every scene file in its folder.
        folder = check_files(_scene_paths([plan_path.parent]))[0] if explicit else scenes
        problems = sorted([*problems, *check_journey(plan_path, folder)[1]])
    library = None
    try:
        library = load_library()
    except SceneError as exc:
        problems = sorted([*problems, *exc.problems])
    for problem in problems:
        print(problem)
    if problems:
        files = len({p.where.path for p in problems})
        print(f"{len(problems)} problem(s) in {files} file(s)", file=sys.stderr)
        return 1
    assert library is not None
    from game.script.content_rules import content_warnings  # only check needs it

    warnings = [str(w) for w in content_warnings(scenes, library, whole=not options.paths)]
    warnings += _word_warnings(scenes, library, whole=not options.paths)
    warnings += gallery.picture_file_problems()  # files in assets/pictures/ left unused
    for warning in warnings:
        print(f"warning: {warning}")
    print(f"{len(scenes)} scene file(s) OK", end="")
    print(f"; {len(warnings)} warning(s)" if warnings else "")
    if options.paths and not _journey_files(options.paths) and journey_file_beside(paths):
        # One chapter alone: whether it is in the journey, or shares a quiz id, is not seen.
        print(
            "only these files were checked: before playing, run 'python -m game check' with "
            "no file name, to check them with the journey file and the other chapters"
        )
    return 1 if warnings and options.strict else 0


def _word_warnings(scenes: dict[str, Scene], library: Library, whole: bool) -> list[str]:
    """Translations missing or stale, and voice files missing or out of date. Checking only
    some scene files, only their words are looked at."""
    from game.voice.index import voice_problems

    strings = build_strings(scenes, library)
    texts = all_texts(scenes, library)
    if not whole:
        texts = [t for t in texts if t.scene in scenes]
        strings = Strings({t.id: t.text for t in texts}, library.tables, strings.places)
    found = []
    for language in strings.languages:
        for problem in strings.problems(language):
            if whole or "not used any more" not in problem.message:
                found.append(str(problem))
    found += voice_problems(strings, texts, resources.assets_dir() / "voice")
    return found


def _step_of(volume: float) -> int:
    """A volume (0..1) as the nearest step the grown-up's controls offer (0, 20 ... 100);
    halfway rounds up (30 becomes 40, 50 becomes 60)."""
    percent = round(volume * 100)
    return min(100, max(0, (percent + 10) // 20 * 20))


def _journey_files(given: list[Path]) -> list[tuple[Path, bool]]:
    """The journey files to check, each with whether it was named itself: the shipped one when
    no path is given, else one named or lying in a folder that is."""
    if not given:
        shipped = resources.scenes_dir() / resources.JOURNEY_FILE
        return [(shipped, False)] if shipped.is_file() else []
    found = []
    for path in given:
        if path.is_dir() and (path / resources.JOURNEY_FILE).is_file():
            found.append((path / resources.JOURNEY_FILE, len(given) > 1))
        elif path.name == resources.JOURNEY_FILE:
            found.append((path, True))
    return found


def _scene_paths(given: list[Path]) -> list[Path]:
    paths: list[Path] = []
    for path in given:
        paths.extend(sorted(path.glob("*.yaml")) if path.is_dir() else [path])
    return paths


@dataclass
class Loaded:
    scenes: dict[str, Scene]
    first: str
    library: Library
    strings: Strings
    #: The language was asked for (``--lang``, the page's ``lang=``): it wins over the one the
    #: last child played in on this device (see game/app/start.py).
    language_given: bool = False


def _load(
    scene_id: str | None,
    language: str | None = None,
    band: str = DEFAULT_BAND,
    role: str = DEFAULT_ROLE,
    cache: Path | None = None,
    read: Callable[[], tuple[dict[str, Scene], Library, Strings]] | None = None,
) -> Loaded | None:
    """Every shipped scene, the word book and the language tables, and the scene to start
    with; problems are printed, not raised. With ``cache`` (a folder), the loaded story is kept
    there for the next launch (see game.script.startcache). ``read`` reads the story instead
    of the scene files (the web build's story, read at build time). ``language`` None: the
    usual one (English), and the device may choose another (``Loaded.language_given``)."""
    given, language = language is not None, language or SOURCE_LANGUAGE
    try:
        scenes, library, strings, plan = startcache.loaded(cache, read or _read_story)
    except SceneError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return None
    if language not in strings.languages:
        print(
            f"there is no '{language}' language{did_you_mean(language, strings.languages)}; "
            f"languages: {', '.join(strings.languages)}",
            file=sys.stderr,
        )
        return None
    remember_journey(scenes, plan)  # as read with the story: the file is not read again
    strings.set_language(language)
    strings.set_band(band)
    strings.set_role(role)
    if scene_id is not None and scene_id not in scenes:
        print(
            f"there is no scene '{scene_id}'{did_you_mean(scene_id, scenes)}; "
            f"scenes: {', '.join(sorted(scenes))}",
            file=sys.stderr,
        )
        return None
    return Loaded(scenes, scene_id or journey(scenes)[0], library, strings, given)


def _read_story() -> tuple[dict[str, Scene], Library, Strings, Journey | None]:
    """The story as a launch needs it, kept whole in the start cache (and the web build's
    story.pickle): the scenes, the word book and tables, the words, and the journey file's
    plan (so a launch from the cache reads no YAML at all)."""
    scenes, library = load_all(), load_library()
    return scenes, library, build_strings(scenes, library), journey_of(scenes)


def _play(options: argparse.Namespace) -> int:
    data_dir = options.data_dir or logs.data_dir()
    loaded = _load(options.scene, options.lang, options.band, options.role, data_dir / "cache")
    if loaded is None:
        return 1
    return _run(
        loaded,
        voice=not options.no_voice,
        window=options.window,
        fullscreen=options.fullscreen,
        show_map=options.scene is None,
        volumes=(options.effects / 100, options.music / 100),
        data_dir=data_dir,
        frames=1 if options.first_frame else None,
        report_first_frame=options.first_frame,
    )


def _demo(options: argparse.Namespace) -> int:
    loaded = _load(options.scene, options.lang, options.band, options.role)
    if loaded is None:
        return 1
    scenes, first = loaded.scenes, loaded.first
    chapters = [first] if options.scene else journey(scenes, first)
    finish = chapters[-1]
    frames = options.frames
    if frames is None:
        frames = CHAPTER_FRAMES * len(chapters)
    elif frames <= 0:
        frames = None
    return _run(
        loaded,
        voice=True,
        demo=True,
        headless=options.headless,
        seed=options.seed,
        frames=frames,
        finish=finish,
        show_map=options.scene is None,
        volumes=(options.effects / 100, options.music / 100),
        data_dir=options.data_dir or logs.data_dir(),
    )


def _screenshot(options: argparse.Namespace) -> int:
    loaded = _load(options.scene, options.lang, options.band, options.role)
    if loaded is None:
        return 1
    return _run(
        loaded,
        voice=options.voice,
        # The demo bot taps the map's Go after a second, so with --map nobody plays: the
        # picture is the map, however long --at waits.
        demo=not options.map,
        headless=True,
        seed=options.seed,
        frames=max(1, round(options.at * 60)),
        screenshot=options.out,
        show_map=options.map,
    )


def _no_pygame(exc: BaseException) -> bool:
    """Say how to run a command that opens the game's window when this Python has no pygame-ce
    (a plain 'python' outside the project's environment); True when that was the trouble."""
    if not (isinstance(exc, ModuleNotFoundError) and exc.name == "pygame"):
        return False
    print(
        "this Python has no pygame-ce, which the game's window needs: run the command with uv, "
        "like 'uv run python -m game preview scenes/hunt.yaml' (uv installs what the game "
        "needs the first time)",
        file=sys.stderr,
    )
    return True


def _preview(options: argparse.Namespace) -> int:
    from game.app.preview import run_preview

    if not options.path.is_file():
        print(f"{options.path}: there is no such scene file", file=sys.stderr)
        return 1
    language = options.lang or SOURCE_LANGUAGE
    return run_preview(options.path, language, options.band, options.role, not options.no_voice)


def _bench(options: argparse.Namespace) -> int:
    import subprocess

    from game import bench

    if options.web:
        try:
            return bench.web_main(options.json)
        except (OSError, RuntimeError, subprocess.TimeoutExpired) as exc:
            print(f"bench --web: {exc}", file=sys.stderr)
            return 1
    return bench.main(options.json, max(1, options.frames), options.display)


def _lines(options: argparse.Namespace) -> int:
    """Every text in journey order (then any scene outside the journey, the word book and
    the menus), in one language; the same ids in every language. With ``--band`` or
    ``--role``, only what that child reads: each text once, under its variant's id."""
    one_child = options.band is not None or options.role is not None
    loaded = _load(None, options.lang, options.band or DEFAULT_BAND, options.role or DEFAULT_ROLE)
    if loaded is None:
        return 1
    if hasattr(sys.stdout, "reconfigure"):  # UTF-8 whatever the console's code page
        sys.stdout.reconfigure(encoding="utf-8")
    writer = csv.writer(
        sys.stdout, delimiter="\t" if options.format == "tsv" else ",", lineterminator="\n"
    )
    writer.writerow(["id", "scene", "fact", "text"])
    for text in all_texts(loaded.scenes, loaded.library):
        text_id = text.id
        if one_child:
            if "@" in text.id:
                continue  # the variant is shown in its line's place when this child gets it
            text_id = loaded.strings.resolve(text.id)[1]
        words = loaded.strings.text_in(loaded.strings.language, text_id)
        writer.writerow([text_id, text.scene, text.fact or "", words or ""])
    return 0


def _translate(options: argparse.Namespace) -> int:
    """See game/script/translate.py."""
    from game.script import translate

    if options.export is not None:
        return translate.export_po(options.lang, options.export)
    if options.import_po is not None:
        return translate.import_po(options.lang, options.import_po, options.name)
    return translate.translate(options.lang, options.name)


def _results(options: argparse.Namespace) -> int:
    """Every session on this device as one CSV row each (game/profile/export.py); the data
    folder is only read."""
    from game.profile import export
    from game.profile.store import write_atomically

    folder = options.data_dir or logs.data_dir()
    if options.data_dir is not None and not folder.is_dir():
        print(f"results: there is no folder {folder}", file=sys.stderr)
        return 1
    device = export.read_device(folder)
    for skipped in device.skipped:
        print(f"results: skipped {skipped}", file=sys.stderr)
    if not device.sessions:
        print(f"results: no sessions are kept in {folder} yet", file=sys.stderr)
    try:
        scenes = load_all()
        chapters = export.ordered_chapters(scenes, journey(scenes))
    except SceneError:  # the questions then come in the records' own order
        chapters = []
    questions = export.question_ids(chapters, device.profiles)
    table = export.csv_text(device.profiles, questions, options.names)
    out: Path = options.csv
    children = sum(1 for p in device.profiles if p.sessions)
    said = f"{device.sessions} session(s) of {children} child(ren)"
    said += "" if options.names else " by code (--names adds their names)"
    if str(out) == "-":
        if hasattr(sys.stdout, "reconfigure"):  # UTF-8 whatever the console's code page
            sys.stdout.reconfigure(encoding="utf-8")
        sys.stdout.write(table)
        print(f"results: {said}", file=sys.stderr)
        return 0
    try:
        write_atomically(out, table)
    except OSError as exc:
        print(f"results: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {said} to {out}")
    return 0


def _sounds(options: argparse.Namespace) -> int:
    import shutil
    import subprocess

    from game.sound import synth

    sox = shutil.which("sox")
    if sox is None:
        print("'sounds' needs sox to write OGG files: apt-get install sox", file=sys.stderr)
        return 1

    def encode(wav: Path, ogg: Path) -> None:
        subprocess.run([sox, str(wav), "-C", "3", str(ogg)], check=True)

    folder = options.out or resources.assets_dir()
    try:  # a folder that cannot be written is said before a minute of synthesis, not after
        for sub in ("sounds", "music"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        written = synth.write_all(folder, encode)
    except (OSError, subprocess.CalledProcessError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        print(f"sounds: cannot write the sounds into {folder}: {reason}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    return 0


def _web(options: argparse.Namespace) -> int:
    from game import web

    try:
        made = web.build(options.out)
    except SceneError as exc:  # the site would carry a story that cannot play
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except (OSError, RuntimeError) as exc:
        print(f"web: {exc}", file=sys.stderr)
        return 1
    size = f"{made['files']} files, {made['bytes'] / 1e6:.1f} MB"
    print(f"wrote {options.out}: {size} (version {made['version']})")
    print(f"try it: python -m http.server --bind 127.0.0.1 --directory {options.out} 8000")
    return 0


def _voices(options: argparse.Namespace) -> int:
    from game.voice.make import make_voices

    loaded = _load(None)
    if loaded is None:
        return 1
    languages = [options.lang] if options.lang else loaded.strings.languages
    unknown = [code for code in languages if code not in loaded.strings.languages]
    if unknown:
        print(f"there is no '{unknown[0]}' language", file=sys.stderr)
        return 1
    folder = options.out or resources.assets_dir() / "voice"
    texts = all_texts(loaded.scenes, loaded.library)
    if options.verify:
        from game.voice.verify import verify_voices

        try:
            return verify_voices(loaded.strings, texts, languages, folder)
        except RuntimeError as exc:
            print(f"voices: {exc}", file=sys.stderr)
            return 1
    try:
        for language in languages:
            result = make_voices(
                loaded.strings,
                texts,
                language,
                folder,
                options.force,
                progress=lambda name: print(f"made {name}", flush=True),
            )
            print(f"{language}: {result.made} made, {result.kept} already up to date")
            for name in result.own_stale:
                print(
                    f"{language}: {name} is your own recording, and its words have changed: "
                    "record it again (then run this again), or delete it to have it made"
                )
    except RuntimeError as exc:
        print(f"voices: {exc}", file=sys.stderr)
        return 1
    return 0


def _run(
    loaded: Loaded,
    *,
    voice: bool = False,
    window=None,
    fullscreen=False,
    demo=False,
    headless=False,
    seed=0,
    frames=None,
    finish=None,
    screenshot: Path | None = None,
    show_map: bool = False,
    volumes: tuple[float, float] = (0.8, 0.4),
    data_dir: Path | None = None,
    report_first_frame: bool = False,
) -> int:
    """Open the window and play. Any failure is logged and answered calmly, never a traceback.
    ``data_dir`` keeps the profiles (None: nothing is saved, as for screenshots)."""
    log_path = logs.setup_logging(data_dir)
    try:
        from game.app.platform import sdl

        no_screen = sdl.start_video(headless)
        if no_screen is not None:
            log.warning("no window: %s", no_screen)
            print(
                f"T-Cell Hero needs a screen, but {no_screen}. "
                "`python -m game demo --headless` runs without one.",
                file=sys.stderr,
            )
            return 1
        from game.app.loop import FrameClock, StepClock
        from game.app.platform.audio import Audio
        from game.app.platform.display import LOGICAL, Display
        from game.app.platform.voice import Voice
        from game.app.start import make_app
        from game.voice.system import SystemSpeech

        sdl.pygame.font.init()
        effects, music = _step_of(volumes[0]), _step_of(volumes[1])
        no_sound = None if screenshot is not None else sdl.open_mixer()
        if no_sound is not None:
            log.warning("no sound: the sound device could not start (%s); text only", no_sound)
        device = no_sound is None  # without one, Audio and Voice stay silent and say no more
        audio = None if screenshot is not None else Audio(effects / 100, music / 100, device=device)
        display = Display(LOGICAL if headless else window, fullscreen and not headless)
        clock = StepClock() if headless else FrameClock()
        speaker = None
        if voice:  # headless: the files only, never the system's speech
            system = None if headless else SystemSpeech.find()
            speaker = Voice(loaded.strings, system=system, device=device)
        app = make_app(
            loaded,
            display,
            clock,
            voice=speaker,
            audio=audio,
            data_dir=data_dir,
            effects=effects,
            music=music,
            demo=demo,
            seed=seed,
            finish=finish,
            stop_when_done=headless and screenshot is None,
            show_map=show_map,
        )
        if audio is not None:
            audio.start_music()
        result = app.run_here(frames)
        if report_first_frame:
            print(f"first-frame {app.first_frame_at}")
        if screenshot is not None:
            try:
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                sdl.pygame.image.save(display.canvas, str(screenshot))
            except (OSError, sdl.pygame.error) as exc:
                log.warning("could not save %s: %s", screenshot, exc)
                print(f"could not save the picture to {screenshot}: {exc}", file=sys.stderr)
                return 1
            print(f"saved {screenshot}")
    except Exception as exc:
        if _no_pygame(exc):
            return 1
        log.exception("the game could not go on")
        where = f"; details are in {log_path}" if log_path else ""
        print(f"T-Cell Hero had to stop{where}", file=sys.stderr)
        return 1
    if result.crashed and (demo or screenshot):
        print(f"the game met an unexpected error; details are in {log_path}", file=sys.stderr)
        return 1
    if demo and screenshot is None:
        from game.app.demo_report import chapters_played, how_far

        if result.goals_reached:
            print(f"demo: goals reached; {chapters_played(app)}")
            return 0
        print(f"demo: goals not reached {how_far(app)}")
        return 1
    return 0
