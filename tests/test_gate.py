"""The gate holds: whatever content ``python -m game check`` accepts, the game plays.

Hypothesis changes a copy of the shipped content (scenes, language tables, the word book) the
way an author might: texts rewritten (long, emoji, right-to-left, placeholders), lines, triggers
and options dropped or doubled, numbers moved inside and beyond their ranges, optional keys left
out, the journey reordered, a chapter or a translation removed. Each result goes through the real
``check`` command; only when it passes does the demo bot play the whole journey headless, the way
``python -m game demo --headless`` does, each chapter for a short while. No unexpected error may
reach the loop (the break screen) and no exception may escape it.
"""

from __future__ import annotations

import contextlib
import copy
import io
import logging
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from game import cli, resources
from game.app.break_screen import BreakScreen
from game.script.strings import BANDS, ROLES

SHIPPED = resources.scenes_dir()
#: Frames the bot plays each chapter before it moves on (the demo's own limit is 4 minutes).
CHAPTER_BUDGET = 300
#: Frames for the profile screen, the map and the cards between chapters, and a chapter's close.
BETWEEN_BUDGET = 300
GATE = settings(
    deadline=None,
    derandomize=True,
    phases=(Phase.explicit, Phase.generate),  # a whole journey per example: shrinking takes hours
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# texts an author (or a translator) might write -------------------------------------------------
TRICKY = [
    "",
    " ",
    "🦠🧬💉 T cells! 🎉",
    "مرحبا، هذه خلية تائية.",
    "שלום! זה תא T.",
    "{name} is here. {child} {0} {} {{",
    "%s %d %(name)s",
    "Zürich naïve café — “quotes” ‘and’ …",
    "日本語のテキスト、とても長い文章です。",
    "a\u200bb\u200dc\u0301\ufeff",
    "\t tabs \t and  spaces ",
    "W" * 300,
    "word " * 120,
    "CAR T cell, CAR T cells, leukemia, CD19",
    "line one\nline two\nline three",
    "null",
    "yes",
]
texts = st.one_of(
    st.sampled_from(TRICKY),
    st.text(max_size=80),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=400),
)
numbers = st.one_of(
    st.integers(-3, 12),
    st.integers(-(10**6), 10**6),
    st.floats(-1000, 1000, allow_nan=False),
    st.sampled_from([0, 1, 2, 0.5, 99, 500, 10**9, float("inf"), float("nan")]),
)
TEXT_KEYS = {"text", "title", "little", "older", "sibling", "word", "meaning", "forms", "language"}


# the content, read and written as plain data ------------------------------------------------------
def read_content(folder: Path) -> dict[str, object]:
    """Every YAML file under ``folder`` by its relative path, as data."""
    return {
        str(path.relative_to(folder)): yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted(folder.rglob("*.yaml"))
    }


def write_content(folder: Path, content: dict[str, object]) -> None:
    for relative, data in content.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


SHIPPED_CONTENT = read_content(SHIPPED)


def places(node: object, path: tuple = ()) -> list[tuple]:
    """Every place inside ``node``: the path of keys and indexes to it."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += places(value, (*path, index))
    return found


def at(node: object, path: tuple) -> object:
    for step in path:
        node = node[step]  # type: ignore[index]
    return node


KINDS = ("text", "text", "drop", "double", "number", "number", "remove_key")
KINDS += ("next", "chapter", "translation", "swap")
#: Changes check usually accepts, so the quick test plays most of its examples.
GENTLE = ("next", "chapter", "translation", "swap")


@st.composite
def mutated(draw, kinds: tuple[str, ...] = KINDS, most: int = 5) -> dict[str, object]:
    """The shipped content with one to ``most`` of an author's changes."""
    content = copy.deepcopy(SHIPPED_CONTENT)
    for _ in range(draw(st.integers(1, most))):
        scene_files = sorted(k for k in content if "/" not in k)
        kind = draw(st.sampled_from(kinds))
        if kind == "chapter" and len(scene_files) > 1:
            del content[draw(st.sampled_from(scene_files))]
            continue
        if kind == "translation":
            tables = sorted(k for k in content if k.startswith("lang/") and k != "lang/en.yaml")
            if tables and draw(st.booleans()):
                del content[draw(st.sampled_from(tables))]
                continue
            table = content.get("lang/es.yaml")
            if isinstance(table, dict) and isinstance(table.get("strings"), dict):
                ids = sorted(table["strings"])
                for text_id in draw(st.lists(st.sampled_from(ids), max_size=30)) if ids else []:
                    table["strings"].pop(text_id, None)
            continue
        if kind == "next":
            name = draw(st.sampled_from(scene_files))
            if isinstance(content[name], dict):
                ids = [Path(f).stem for f in scene_files]
                content[name]["next"] = draw(st.sampled_from([*ids, None]))
            continue
        name = draw(st.sampled_from(sorted(content)))
        document = content[name]
        spots = places(document)
        if kind == "swap":  # two list items change places (lines, triggers, options...)
            lists = [
                p for p in spots if isinstance(at(document, p), list) and len(at(document, p)) > 1
            ]
            if lists:
                items = at(document, draw(st.sampled_from(lists)))
                i, j = draw(st.permutations(range(len(items))))[:2]
                items[i], items[j] = items[j], items[i]
            continue
        if kind == "text":
            wanted = [
                p for p in spots if p and p[-1] in TEXT_KEYS and isinstance(at(document, p), str)
            ]
        elif kind == "number":
            wanted = [
                p
                for p in spots
                if p
                and isinstance(at(document, p), (int, float))
                and not isinstance(at(document, p), bool)
            ]
        elif kind in ("drop", "double"):
            wanted = [p for p in spots if p and isinstance(p[-1], int)]
        else:  # remove_key
            wanted = [p for p in spots if p and isinstance(p[-1], str)]
        if not wanted:
            continue
        path = draw(st.sampled_from(wanted))
        parent = at(document, path[:-1])
        if kind == "text":
            parent[path[-1]] = draw(texts)
        elif kind == "number":
            parent[path[-1]] = draw(numbers)
        elif kind == "drop" or kind == "remove_key":
            del parent[path[-1]]
        else:
            parent.insert(path[-1], copy.deepcopy(parent[path[-1]]))
    return content


# the gate and the game ------------------------------------------------------------------------
def accepted() -> bool:
    """What ``python -m game check`` says of the content folder in use."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        return cli.main(["check"]) == 0


class Caught(logging.Handler):
    """Every error the game logs while it plays."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def play_journey(data: Path, language: str, band: str, role: str) -> list[str]:
    """The demo bot plays the whole journey as ``demo --headless`` does (new child, journey
    map, every chapter), each chapter for at most ``CHAPTER_BUDGET`` frames before its card's
    'next' is taken. Returns what went wrong (empty: nothing)."""
    from game.app import sdl
    from game.app.display import LOGICAL, Display
    from game.app.loop import App, StepClock
    from game.app.voice import Voice
    from game.profile.settings import Settings
    from game.profile.store import ProfileStore

    loaded = cli._load(None, language, band, role)
    assert loaded is not None, "check accepted content the game cannot load"
    assert sdl.start_video(True) is None
    sdl.pygame.font.init()
    device = sdl.open_mixer() is None
    display = Display(LOGICAL)
    app = App(
        loaded.scenes,
        loaded.first,
        display,
        StepClock(),
        demo=True,
        finish=cli.journey(loaded.scenes, loaded.first)[-1],
        stop_when_done=True,
        show_map=True,
        library=loaded.library,
        strings=loaded.strings,
        voice=Voice(loaded.strings, system=None, device=device),
        store=ProfileStore(data, tuple(loaded.strings.languages)),
        defaults=Settings(language=language, band=band, role=role, voice=True),
    )
    caught = Caught()
    logging.getLogger("game").addHandler(caught)
    problems: list[str] = []
    played: set[str] = set()
    try:
        chapters = len(app.journey)
        frames_here, here = 0, None
        limit = (CHAPTER_BUDGET + BETWEEN_BUDGET) * (chapters + 1)
        while app.running and app.result.frames < limit:
            app.frame(limit)
            if isinstance(app.screen, BreakScreen):
                problems.append(f"the break screen in '{app.scene_id}'")
                break
            where = (type(app.screen).__name__, app.scene_id)
            if app.screen is app.play:
                played.add(app.scene_id)
            frames_here = frames_here + 1 if where == here else 0
            here = where
            if app.play is not None and app.screen is app.play and frames_here > CHAPTER_BUDGET:
                app.play.outcome = "next" if app.scene_id != app.finish else None
                if app.scene_id == app.finish:
                    break
                frames_here = 0
    finally:
        logging.getLogger("game").removeHandler(caught)
        sdl.pygame.display.quit()
    missed = [s.id for s in app.chapters if s.id not in played]
    if missed:
        problems.append(f"chapters never reached: {missed}")
    if app.result.crashed:
        problems.append("result.crashed")
    text = logging.Formatter("%(name)s: %(message)s")
    problems += [text.format(record) for record in caught.records]
    return problems


def gate_then_play(content: dict[str, object], language: str, band: str, role: str) -> bool:
    """Write ``content`` as the game's scenes folder; if ``check`` accepts it, play it.
    True if it was played."""
    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as patch:
        folder = Path(tmp) / "scenes"
        write_content(folder, content)
        patch.setattr(resources, "scenes_dir", lambda: folder)
        if not accepted():
            return False
        if not (folder / "lang" / f"{language}.yaml").exists():
            language = "en"  # its table was removed: the grown-up can only choose English
        problems = play_journey(Path(tmp) / "data", language, band, role)
        assert not problems, "\n".join(problems)
        return True


children = st.tuples(st.sampled_from(["en", "es"]), st.sampled_from(BANDS), st.sampled_from(ROLES))


def test_the_shipped_content_passes_the_gate_and_every_chapter_is_played():
    assert gate_then_play(SHIPPED_CONTENT, "en", "middle", "patient")


@settings(GATE, max_examples=3)
@given(mutated(GENTLE, most=2), children)
def test_a_few_changed_contents_that_pass_check_play_without_an_error(content, child):
    event("played" if gate_then_play(content, *child) else "refused by check")


@pytest.mark.slow  # 60 changed contents; each that check accepts is played (about 3 s each)
@settings(GATE, max_examples=60)
@given(mutated(), children)
def test_changed_contents_that_pass_check_play_the_whole_journey_without_an_error(content, child):
    event("played" if gate_then_play(content, *child) else "refused by check")
