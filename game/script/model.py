"""The validated, immutable shape of a scene. Built only by :mod:`game.script.schema`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from game.script.errors import Where
from game.script.strings import BANDS

SCENE_FORMAT_VERSION = 1

#: Cell kinds an actor can be. The art for each lives in the app; the rules only need the name.
ACTOR_KINDS = ("t_cell", "leukemia_cell", "b_cell", "red_blood_cell", "platelet")
#: Markers a cell can carry on its outside, and that a CAR can fit.
MARKERS = ("cd19",)
#: How actors move when nobody moves them.
DRIFT_STYLES = ("still", "wander", "flow")
#: Facts from the content brief (shared/content-brief.md) a line may state.
FACT_IDS = tuple(f"F{n}" for n in range(1, 19))
#: Trigger events the runner itself produces; activities add their own (see game.activities).
RUNNER_EVENTS = ("start", "progress", "goal_done", "all_done", "idle")
#: Sound effects a trigger can play (assets/sounds/<name>.ogg, made by ``python -m game sounds``).
SOUNDS = ("click", "pop", "drip", "whoosh", "chime", "split")
#: Pictures a choice or card can show. Cell kinds are pictures too.
PICTURES = (
    *ACTOR_KINDS,
    "car",
    "cd19",
    "lab",
    "machine",
    "iv_bag",
    "iv",
    "infusion",
    "central_line",
    "medicine",
    "many_cells",
    "hot",
    "tired",
    "achy",
    "muddled",
    "grown_up",
    "hospital",
    "doctor",
    "sun",
    "star",
    "moon",
    "zap",
    "dino",
    "wand",
    "rocket",
    "tree",
    "clock",
    "happy",
    "heart",
    "secret",
    "ball",
    "room",
    "white_blood_cells",
)
#: What a text is: a narration line, a picture's label, a chapter title, a word book word, its
#: meaning, the forms it takes in a line ('T cell, T cells'), or a menu's words.
TEXT_KINDS = ("line", "label", "title", "word", "meaning", "forms", "menu")
#: Kinds that have voice files.
SPOKEN_KINDS = ("line", "label", "title", "word", "meaning")
#: The menu words a child meets, which have voice files too (the grown-up's panel has none).
#: A screen says its question or title when it opens; see game/app/prompts.py.
VOICED_MENUS = (
    "ui.map.title",
    "ui.map.first",
    "ui.map.played",
    "ui.go",
    "ui.card.done",
    "ui.card.again",
    "ui.card.next",
    "ui.card.map",
    "ui.break.title",
    "ui.break.note",
    "ui.break.keep_going",
    "ui.book.title",
    "ui.book.close",
    "ui.pause.title",
    "ui.pause.note",
    "ui.pause.go_on",
    "ui.pause.map",
    "ui.rest.title",
    "ui.rest.note",
    "ui.rest.go_on",
    "ui.profiles.title",
    "ui.profiles.new",
    "ui.profiles.pick_colour",
    "ui.profiles.who_gets",
    "ui.profiles.role.patient",
    "ui.profiles.role.sibling",
    "ui.profiles.how_old",
    "ui.feelings.ask",
    "ui.feelings.how",
    "ui.feelings.thanks",
    "ui.teach.try",
    "ui.teach.hint",
    "ui.teach.hint_more",
)
#: Colours the child can give their T cell. Each is named for how it looks, and none is a
#: colour another cell has (no pink, mint green, red, orange or tan); the art paints them.
HERO_COLOURS = ("sky", "blue", "lime", "yellow", "purple")


@dataclass(frozen=True)
class Line:
    """One narration line. ``id`` is stable: translations and voice files key on it."""

    id: str
    text: str
    fact: str | None = None
    #: Variants by key (see ``strings.VARIANT_KEYS``): by age band ('little': 4 to 6,
    #: 'older': 10 to 12; 7 to 9 hears ``text``) and for a brother or sister who plays
    #: ('sibling', 'sibling_little', 'sibling_older'). Each is the text ``<id>@<key>``.
    variants: Mapping[str, str] = field(default_factory=dict)
    #: The cells the line names, shown beside the child's T cell while it is said (a kind
    #: twice for two of them): a 'choose' chapter's story shows what its words say.
    shows: tuple[str, ...] = ()
    where: Where = field(default=Where("?"), compare=False)


@dataclass(frozen=True)
class Drift:
    style: str = "still"
    speed: float = 0.0


@dataclass(frozen=True)
class Placement:
    """Where an actor's cells appear: at the given points, else anywhere in ``area``."""

    area: tuple[float, float, float, float] = (80.0, 80.0, 1120.0, 520.0)
    points: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True)
class Actor:
    """A group of ``count`` cells of one kind, all alike."""

    id: str
    kind: str
    count: int = 1
    markers: frozenset[str] = frozenset()
    car: str | None = None
    player: bool = False
    size: float = 1.0
    place: Placement = Placement()
    drift: Drift = Drift()
    #: A detail the child life specialist may leave out (like 'healthy_b_cells').
    detail: str | None = None
    where: Where = field(default=Where("?"), compare=False)


class _Located:
    """Content that remembers where each of its referring values stands in the file."""

    where: Where
    refs: Mapping[str, Where]

    def at(self, key: str) -> Where:
        """Where the value of ``key`` stands (the item's own place if not recorded)."""
        return self.refs.get(key, self.where)


@dataclass(frozen=True)
class Goal(_Located):
    """Reached when ``count`` activity events of type ``when`` match the filters."""

    id: str
    when: str
    count: int
    marker: str | None = None
    actor: str | None = None
    where: Where = field(default=Where("?"), compare=False)
    refs: Mapping[str, Where] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Trigger(_Located):
    """When something happens (``when`` plus filters), say lines and/or change the help level."""

    when: str
    say: tuple[str, ...] = ()
    assist: int | None = None
    once: bool = True
    marker: str | None = None
    actor: str | None = None
    goal: str | None = None
    count: int | None = None
    seconds: float | None = None
    sound: str | None = None
    #: Its lines describe how things are right now ("Now there are eight"): when the goal moves
    #: on before they are said (any goal, for a trigger without one), they are left out.
    moment: bool = False
    where: Where = field(default=Where("?"), compare=False)
    refs: Mapping[str, Where] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Option(_Located):
    """One picture the child can tap in a choice, a card board or a quiz question. Its ``text``
    is the label under the picture and, like a line, is keyed by a stable id."""

    id: str
    text: str
    picture: str
    colour: str | None = None
    right: bool = False
    say: str | None = None
    fact: str | None = None
    #: The age bands that see this picture (a quiz answer for older children only, say).
    bands: tuple[str, ...] = BANDS
    where: Where = field(default=Where("?"), compare=False)
    refs: Mapping[str, Where] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Choice(_Located):
    """A set of pictures shown together: one question of a quiz, one pick (colour, name) or one
    board of cards. ``ask`` is said when it appears; ``explain`` after a wrong quiz answer;
    ``keep`` names what a pick remembers for the rest of the journey; ``about`` names the
    chapters and details a quiz question asks about, so it is not asked when one is left out;
    ``bands`` the age bands a quiz question is asked of (a shorter quiz for the youngest)."""

    id: str
    options: tuple[Option, ...]
    ask: str | None = None
    explain: str | None = None
    keep: str | None = None
    about: tuple[str, ...] = ()
    bands: tuple[str, ...] = BANDS
    where: Where = field(default=Where("?"), compare=False)
    refs: Mapping[str, Where] = field(default_factory=dict, compare=False)

    def shown_to(self, band: str) -> tuple[Option, ...]:
        """The pictures a child of ``band`` sees, in file order."""
        return tuple(o for o in self.options if band in o.bands)


@dataclass(frozen=True)
class Text:
    """Any words the child or the specialist sees, keyed by a stable id: the unit of
    translation and of voice files."""

    id: str
    scene: str
    fact: str | None
    text: str
    kind: str  # see TEXT_KINDS

    @property
    def spoken(self) -> bool:
        return self.kind in SPOKEN_KINDS or (self.kind == "menu" and self.id in VOICED_MENUS)


@dataclass(frozen=True)
class Activity:
    name: str
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class Scene(_Located):
    id: str
    title: str
    activity: Activity
    icon: str | None = None  # the picture for this chapter on the journey map
    background: str | None = None
    actors: tuple[Actor, ...] = ()
    lines: tuple[Line, ...] = ()
    choices: tuple[Choice, ...] = ()
    goals: tuple[Goal, ...] = ()
    triggers: tuple[Trigger, ...] = ()
    next: str | None = None
    #: The child life specialist may leave this whole chapter out.
    optional: bool = False
    #: The chapter's teach-back question (a quiz question, id ``<scene>.teach``), asked after
    #: its closing card when the grown-up turns teach-back on (see game/script/teach_back.py).
    teach_back: Choice | None = None
    path: str = "?"
    where: Where = field(default=Where("?"), compare=False)
    refs: Mapping[str, Where] = field(default_factory=dict, compare=False)

    def line(self, line_id: str) -> Line:
        for line in self.lines:
            if line.id == line_id:
                return line
        raise KeyError(f"scene '{self.id}' has no line '{line_id}'")

    def actor(self, actor_id: str) -> Actor:
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        raise KeyError(f"scene '{self.id}' has no actor '{actor_id}'")

    def texts(self) -> list[Text]:
        """The title, every line (and its age-band and sibling variants) and every picture
        label, in file order: what translators and reviewers read."""
        found = [Text(f"{self.id}.title", self.id, None, self.title, "title")]
        for line in self.lines:
            found.append(Text(line.id, self.id, line.fact, line.text, "line"))
            found += [
                Text(f"{line.id}@{key}", self.id, line.fact, words, "line")
                for key, words in line.variants.items()
            ]
        for choice in self.questions:
            found += [Text(o.id, self.id, o.fact, o.text, "label") for o in choice.options]
        return found

    @property
    def questions(self) -> tuple[Choice, ...]:
        """Every choice in the scene file: its ``choices``, then its ``teach_back`` question."""
        return self.choices + ((self.teach_back,) if self.teach_back is not None else ())

    @property
    def details(self) -> list[str]:
        """The details of this scene that may be left out, in file order."""
        return list(dict.fromkeys(a.detail for a in self.actors if a.detail))

    def without(self, left_out: Iterable[str]) -> Scene:
        """This scene with what the child life specialist left out taken away: the actors of a
        left-out detail (and the triggers that wait for them), and the quiz questions about a
        left-out chapter or detail (``about``). A goal counting what is gone needs fewer, so it
        can still be reached: leaving out two healthy B cells with CD19 makes 'find 8 with CD19'
        'find 6', and skipping a question makes 'answered 7 right' 'answered 6'. A goal with
        nothing left to count is dropped."""
        left_out = set(left_out)
        gone = [a for a in self.actors if a.detail and a.detail in left_out]
        skipped = [c for c in self.choices if left_out & set(c.about)]
        return self._leaving(gone, skipped)

    def going_on(self) -> Scene:
        """This scene as it goes on when the child comes back to it after leaving it halfway
        in this session (a quiz: see ``Session.goes_on``): its opening lines, heard already
        ("You did it! You followed your T cell all the way."), are not said again, so the next
        question comes at once; the 'start' triggers keep their sounds."""
        return replace(
            self,
            triggers=tuple(replace(t, say=()) if t.when == "start" else t for t in self.triggers),
        )

    def for_band(self, band: str) -> Scene:
        """This scene as a child of age band ``band`` plays it: without the quiz questions not
        asked of that band (a question's ``bands``: a shorter quiz for ages 4 to 6). A goal
        counting right answers needs one fewer for each, as in :meth:`without`."""
        return self._leaving([], [c for c in self.choices if band not in c.bands])

    def _leaving(self, gone: list[Actor], skipped: list[Choice]) -> Scene:
        """This scene without the actors ``gone`` and the quiz questions ``skipped``, its goals
        lowered by what they counted (see :meth:`without`)."""
        if not gone and not skipped:
            return self
        gone_ids = {a.id for a in gone}
        goals = []
        for goal in self.goals:
            fewer = sum(
                a.count
                for a in gone
                if goal.actor == a.id or (goal.actor is None and goal.marker in a.markers)
            )
            if goal.when == "right":  # each quiz question is answered right once
                fewer += len(skipped)
            if goal.count - fewer > 0:
                goals.append(replace(goal, count=goal.count - fewer) if fewer else goal)
        return replace(
            self,
            actors=tuple(a for a in self.actors if a.id not in gone_ids),
            choices=tuple(c for c in self.choices if c not in skipped),
            triggers=tuple(t for t in self.triggers if t.actor not in gone_ids),
            goals=tuple(goals),
        )

    @property
    def player(self) -> Actor | None:
        return next((a for a in self.actors if a.player), None)
