"""Scene format version 1: checks a scene file's values and builds the immutable model.

Every problem in a file is collected and reported at once (see docs/scene-format.md).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from game import resources
from game.activities import ActivitySpec, registry
from game.script import gallery, model, teach_back
from game.script.errors import SceneError, Where, did_you_mean
from game.script.fields import FieldReader
from game.script.strings import BANDS, VARIANT_KEYS
from game.script.yamlsafe import Node, read_limited, read_scene_yaml
from game.world.picks import check_question

ID = r"[a-z][a-z0-9_]{0,39}"
CANVAS = (1280.0, 800.0)

_TOP_REQUIRED = ("version", "id", "title", "activity", "lines")
_TOP_OPTIONAL = (
    "icon",
    "background",
    "actors",
    "choices",
    "goals",
    "triggers",
    "next",
    "optional",
    "teach_back",
)
_ACTOR_KEYS = ("count", "markers", "car", "player", "size", "place", "drift", "detail")
_TRIGGER_ACTIONS = ("say", "assist", "sound", "once", "moment")
_CHOICE_KEYS = ("ask", "explain", "keep", "about", "bands")
#: The most cells a line can show beside the T cell (see model.Line.shows).
SHOWN_AT_MOST = 4
#: The cells a line can bring in the lab (see game.world.attach).
LAB_SHOWS = frozenset({"b_cell", "leukemia_cell"})
_OPTION_KEYS = ("colour", "right", "say", "fact", "bands")
#: What a pick can remember for the rest of the journey.
KEEPS = ("colour", "name")
#: Which keys go with which kind of trigger; activity events take ``marker`` and ``actor``.
_TRIGGER_KEYS = {
    "start": (),
    "all_done": (),
    "progress": ("goal", "count"),
    "goal_done": ("goal",),
    "idle": ("seconds",),
}
_EVENT_FILTERS = ("marker", "actor")


def load_scene(
    path: Path, label: str | None = None, assets: Path | None = None, need_files: bool = True
) -> model.Scene:
    """Read and check one scene file. Raises :class:`SceneError` listing every problem.
    With ``need_files`` false a missing asset is not a problem (the game draws without it)."""
    label = label or str(path)
    data = read_limited(path, label)
    return parse_scene(label, data, assets or resources.assets_dir(), need_files)


def parse_scene(label: str, data: bytes, assets: Path, need_files: bool = True) -> model.Scene:
    root = read_scene_yaml(label, data)
    builder = _SceneBuilder(label, assets, need_files)
    builder.source = data
    scene = builder.build(root)
    if builder.problems or scene is None:
        raise SceneError(builder.problems)
    return scene


class _SceneBuilder(FieldReader):
    def __init__(self, label: str, assets: Path, need_files: bool = True) -> None:
        super().__init__()
        self.label = label
        self.assets = assets
        self.need_files = need_files
        self.activities = registry()
        #: Sections where an item had a problem; references into them are not checked, so one
        #: mistake is reported once and not again as every place that mentions it.
        self.incomplete: set[str] = set()
        #: Top-level keys written as another word or misspelt ('naration:' for 'lines:').
        self.misspelt: set[str] = set()
        #: Lines whose id an earlier line already has: maybe the line a reference means.
        self.repeated: list[model.Line] = []

    def build(self, root: Node) -> model.Scene | None:
        top = self.fields(root, "a scene", _TOP_REQUIRED, _TOP_OPTIONAL, meant=self.misspelt)
        if top is None:
            return None
        # A section that is missing or misspelt is said once: 'unknown line' for every trigger
        # (or the activity's checks) would only repeat that one mistake.
        self.incomplete.update(
            key
            for key in ("actors", "lines", "choices", "goals")
            if key not in top and (key in self.misspelt or key in _TOP_REQUIRED)
        )
        if "version" in top:
            self._version(top["version"])
        scene_id = self.text(top["id"], "the scene id", ID, "hunt") if "id" in top else None
        title = self.words(top["title"], "the title", "title") if "title" in top else None
        icon = gallery.read_picture(self, top["icon"]) if "icon" in top else None
        spec, activity = self._activity(top["activity"]) if "activity" in top else (None, None)
        background = (
            self._asset(top["background"], "background", "backgrounds")
            if "background" in top
            else None
        )
        actors = self._list(top, "actors", self._actor)
        lines = self._list(top, "lines", lambda n: self._line(n, scene_id))
        choices = self._list(top, "choices", lambda n: self._choice(n, scene_id))
        teach = self._teach_back(top["teach_back"], scene_id) if "teach_back" in top else None
        goals = self._list(top, "goals", lambda n: self._goal(n, spec))
        triggers = self._list(top, "triggers", lambda n: self._trigger(n, spec))
        next_scene = None
        if "next" in top and top["next"].value is not None:
            next_scene = self.text(top["next"], "'next' (the next scene's id)", ID, "lab")
        optional = self.boolean(top["optional"], "'optional'") if "optional" in top else False
        if scene_id is None or title is None or activity is None or optional is None:
            return None
        scene = model.Scene(
            id=scene_id,
            title=title,
            icon=icon,
            activity=activity,
            background=background,
            actors=tuple(actors),
            lines=tuple(lines),
            choices=tuple(choices),
            goals=tuple(goals),
            triggers=tuple(triggers),
            next=next_scene,
            optional=optional,
            teach_back=teach,
            path=self.label,
            where=root.where,
            refs=_refs(top, ("id", "title", "next")),  # title: a missing translation
        )
        self._check_references(scene, spec)
        self._check_shows(scene)
        return scene

    def _check_shows(self, scene: model.Scene) -> None:
        """A line's ``shows`` is drawn beside the child's T cell in a 'choose' chapter, four
        cells at most; in the lab ('attach'), a healthy B cell or the leukemia cell the CAR
        fits, each coming as the line that names it begins."""
        lab = scene.activity.name == "attach"
        for line in scene.lines:
            if lab and not set(line.shows) <= LAB_SHOWS:
                self.error(
                    line.where,
                    f"'shows' on line '{line.id}': the lab shows only "
                    f"{' and '.join(sorted(LAB_SHOWS))}",
                )
            elif line.shows and scene.activity.name != "choose" and not lab:
                self.error(
                    line.where,
                    f"'shows' on line '{line.id}' is drawn only in a 'choose' chapter or "
                    f"the lab ('attach'; this one is '{scene.activity.name}')",
                )
            elif len(line.shows) > SHOWN_AT_MOST:
                self.error(
                    line.where,
                    f"line '{line.id}' shows {len(line.shows)} cells; at most "
                    f"{SHOWN_AT_MOST} fit beside the T cell",
                )

    def _version(self, node: Node) -> None:
        if node.value != model.SCENE_FORMAT_VERSION or isinstance(node.value, bool):
            self.error(
                node.where,
                f"this game reads scene format version "
                f"{model.SCENE_FORMAT_VERSION}; write 'version: 1'",
            )

    def _list(self, top: dict[str, Node], key: str, read_one) -> list[Any]:
        if key not in top:
            return []
        before = len(self.problems)
        items = self.items(top[key], f"'{key}'")
        found = [item for item in (read_one(node) for node in items) if item is not None]
        if len(self.problems) > before:
            self.incomplete.add(key)
        return found

    def _activity(self, node: Node) -> tuple[ActivitySpec | None, model.Activity | None]:
        if isinstance(node.value, str):
            node = Node({"name": (node, node)}, node.where)
        if not isinstance(node.value, dict) or "name" not in node.value:
            options = {name for spec in self.activities.values() for name in spec.options}
            self.fields(node, "'activity'", ("name",), sorted(options))  # only 'name' is wrong
            return None, None
        spec_name = self.choice(node.value["name"][1], "activity", self.activities)
        if spec_name is None:
            return None, None
        spec = self.activities[spec_name]
        found = self.fields(node, f"the '{spec_name}' activity", ("name",), spec.options)
        options: dict[str, Any] = {name: option.default for name, option in spec.options.items()}
        for name, value_node in (found or {}).items():
            if name == "name":
                continue
            option = spec.options[name]
            what = f"the option '{name}'"
            if option.kind is bool:
                value = self.boolean(value_node, what)
            elif option.kind is int:
                value = self.integer(value_node, what, int(option.low), int(option.high))
            else:
                value = self.number(value_node, what, option.low, option.high)
            if value is not None:
                options[name] = value
        return spec, model.Activity(spec_name, MappingProxyType(options))

    def _asset(self, node: Node, what: str, folder: str) -> str | None:
        relative = self.text(node, f"'{what}'")
        if relative is None:
            return None
        problem = resources.asset_path_problem(relative, self.assets, folder, self.need_files)
        if problem:
            if folder == "backgrounds":  # the one meant, and every background there is
                problem += gallery.background_hint(relative, self.assets)
            self.error(node.where, problem)
            return None
        return relative

    def _actor(self, node: Node) -> model.Actor | None:
        found = self.fields(node, "an actor", ("id", "kind"), _ACTOR_KEYS)
        if found is None or "id" not in found or "kind" not in found:
            return None
        actor_id = self.text(found["id"], "the actor id", ID, "leukemia")
        kind = self.choice(found["kind"], "actor kind", model.ACTOR_KINDS)
        values: dict[str, Any] = {}
        if "count" in found:
            values["count"] = self.integer(found["count"], "'count'", 1, 500)
        if "markers" in found:
            markers = [
                self.choice(m, "marker", model.MARKERS)
                for m in self.items(found["markers"], "'markers'")
            ]
            values["markers"] = frozenset(m for m in markers if m)
        if "car" in found:
            values["car"] = self.choice(found["car"], "marker for 'car'", model.MARKERS)
            if kind is not None and kind != "t_cell":
                self.error(found["car"].where, "only a t_cell can have a CAR")
        if "player" in found:
            values["player"] = self.boolean(found["player"], "'player'")
        if "size" in found:
            values["size"] = self.number(found["size"], "'size'", 0.5, 2.0)
        if "place" in found:
            values["place"] = self._placement(found["place"])
        if "drift" in found:
            values["drift"] = self._drift(found["drift"])
        if "detail" in found:
            values["detail"] = self.text(
                found["detail"], "'detail' (a name)", ID, "healthy_b_cells"
            )
            if values.get("player"):
                self.error(found["detail"].where, "the player's actor cannot be left out")
        if values.get("player") and values.get("count", 1) != 1:
            self.error(found["count"].where, "the player's actor must have 'count: 1'")
        if actor_id is None or kind is None or None in values.values():
            return None
        return model.Actor(id=actor_id, kind=kind, where=node.where, **values)

    def _placement(self, node: Node) -> model.Placement | None:
        found = self.fields(node, "'place'", (), ("area", "at"))
        if found is None:
            return None
        area = model.Placement.area
        if "area" in found:
            area = self.numbers(found["area"], "'area' (x, y, width, height)", 4, 0, CANVAS[0])
        points: list[tuple[float, ...] | None] = []
        if "at" in found:
            points = [
                self.numbers(p, "a point in 'at' (x, y)", 2, 0, CANVAS[0])
                for p in self.items(found["at"], "'at'")
            ]
        if area is None or None in points:
            return None
        return model.Placement(area=area, points=tuple(points))  # type: ignore[arg-type]

    def _drift(self, node: Node) -> model.Drift | None:
        if isinstance(node.value, str):
            style = self.choice(node, "drift style", model.DRIFT_STYLES)
            return model.Drift(style=style) if style else None
        found = self.fields(node, "'drift'", ("style",), ("speed",))
        if found is None or "style" not in found:
            return None
        style = self.choice(found["style"], "drift style", model.DRIFT_STYLES)
        speed = self.number(found["speed"], "'speed'", 0, 400) if "speed" in found else 0.0
        if style is None or speed is None:
            return None
        return model.Drift(style=style, speed=speed)

    def _text_id(self, node: Node, scene_id: str | None, kind: str) -> str | None:
        """A line or option id: stable, and starting with the scene's id so it is unique."""
        prefix = scene_id or "scene"
        text_id = self.text(
            node, f"the {kind} id", rf"{ID}(\.[a-z0-9_]{{1,40}})+", f"{prefix}.intro"
        )
        if text_id and scene_id and not text_id.startswith(scene_id + "."):
            self.error(
                node.where,
                f"{kind} ids in this scene start with '{scene_id}.', like '{scene_id}.intro'",
            )
        elif text_id and text_id == f"{scene_id}.title":
            self.error(node.where, f"'{text_id}' is the id of the scene's title; choose another")
        return text_id

    def _line(self, node: Node, scene_id: str | None) -> model.Line | None:
        found = self.fields(node, "a line", ("id", "text"), ("fact", "shows", *VARIANT_KEYS))
        if found is None or "id" not in found or "text" not in found:
            return None
        line_id = self._text_id(found["id"], scene_id, "line")
        text = self.words(found["text"], "the line's text", "line")
        fact = self.choice(found["fact"], "fact", model.FACT_IDS) if "fact" in found else None
        variants = {
            key: self.words(found[key], f"the '{key}' variant", "line")
            for key in VARIANT_KEYS
            if key in found
        }
        shows = [
            self.choice(item, "cell to show", model.ACTOR_KINDS)
            for item in (_one_or_many(found["shows"]) if "shows" in found else [])
        ]
        if line_id is None or text is None or ("fact" in found and fact is None):
            return None
        if None in variants.values() or None in shows:
            return None
        return model.Line(
            id=line_id,
            text=text.strip(),
            fact=fact,
            variants={key: words.strip() for key, words in variants.items()},
            shows=tuple(shows),
            where=node.where,
        )

    def _choice(self, node: Node, scene_id: str | None) -> model.Choice | None:
        found = self.fields(node, "a choice", ("id", "options"), _CHOICE_KEYS)
        if found is None or not {"id", "options"} <= found.keys():
            return None
        choice_id = self.text(found["id"], "the choice id", ID, "colour")
        before = len(self.problems)
        items = self.items(found["options"], "'options'")
        options = [self._option(item, scene_id) for item in items]
        if not items and len(self.problems) == before:
            self.error(found["options"].where, "a choice needs at least one option")
        values: dict[str, Any] = {}
        for key in ("ask", "explain"):
            if key in found:
                values[key] = self.text(found[key], f"'{key}' (a line id)")
        if "keep" in found:
            values["keep"] = self.choice(found["keep"], "thing to keep", KEEPS)
        about_items: list[Node] = []
        if "about" in found:
            about_items = _one_or_many(found["about"])
            about = [
                self.text(item, "a name in 'about' (a chapter id or detail)", ID, "after")
                for item in about_items
            ]
            values["about"] = None if None in about or not about else tuple(about)
            if not about_items:
                self.error(found["about"].where, "'about' needs a chapter id or detail")
        if "bands" in found:
            values["bands"] = self._bands(found["bands"])
        if choice_id is None or None in options or None in values.values() or not options:
            return None
        refs = _refs(found, ("ask", "explain", "about", "bands"))
        refs.update({f"about:{item.value}": item.where for item in about_items})
        return model.Choice(
            id=choice_id,
            options=tuple(options),  # type: ignore[arg-type]
            where=node.where,
            refs=refs,
            **values,
        )

    def _teach_back(self, node: Node, scene_id: str | None) -> model.Choice | None:
        """A chapter's teach-back question: a quiz question (see ``_choice``) without an id of
        its own, since its answers are kept as ``<scene>.teach``, and nothing to ``keep``."""
        before = len(self.problems)
        if isinstance(node.value, dict) and "id" in node.value:
            self.error(
                node.value["id"][0].where,
                "a 'teach_back' question has no 'id': its answers are kept as "
                f"'{teach_back.question_id(scene_id or 'scene')}'",
            )
        elif isinstance(node.value, dict) and "keep" in node.value:
            self.error(node.value["keep"][0].where, "'keep' is for picks, not 'teach_back'")
        elif isinstance(node.value, dict) and "bands" in node.value:
            self.error(
                node.value["bands"][0].where,
                "a 'teach_back' question is asked of every age band: give 'bands' to its "
                "answers instead",
            )
        else:
            if isinstance(node.value, dict):  # the id every teach-back has, for the checks
                named = Node(teach_back.SUFFIX, node.where)
                node = Node({"id": (named, named), **node.value}, node.where)
            choice = self._choice(node, scene_id)
            if choice is not None and len(self.problems) == before:
                return replace(choice, id=teach_back.question_id(scene_id or "scene"))
        self.incomplete.add("teach_back")
        return None

    def _option(self, node: Node, scene_id: str | None) -> model.Option | None:
        found = self.fields(node, "an option", ("id", "text", "picture"), _OPTION_KEYS)
        if found is None or not {"id", "text", "picture"} <= found.keys():
            return None
        values: dict[str, Any] = {
            "id": self._text_id(found["id"], scene_id, "option"),
            "text": self.words(found["text"], "the option's words", "label"),
            "picture": gallery.read_picture(self, found["picture"]),
        }
        if "colour" in found:
            values["colour"] = self.choice(found["colour"], "colour", model.HERO_COLOURS)
        if "right" in found:
            values["right"] = self.boolean(found["right"], "'right'")
        if "say" in found:
            values["say"] = self.text(found["say"], "'say' (a line id)")
        if "fact" in found:
            values["fact"] = self.choice(found["fact"], "fact", model.FACT_IDS)
        if "bands" in found:
            values["bands"] = self._bands(found["bands"])
        if None in values.values():
            return None
        values["text"] = values["text"].strip()
        return model.Option(where=node.where, refs=_refs(found, ("say", "bands")), **values)

    def _bands(self, node: Node) -> tuple[str, ...] | None:
        """The age bands that see an option (or a quiz question is asked of), in the usual
        order; one or a list."""
        items = _one_or_many(node)
        bands = [self.choice(item, "age band", BANDS) for item in items]
        if not items:
            self.error(node.where, f"'bands' needs at least one age band: {', '.join(BANDS)}")
            return None
        if None in bands:
            return None
        return tuple(band for band in BANDS if band in bands)

    def _event(self, node: Node, spec: ActivitySpec | None, extra: tuple[str, ...]) -> str | None:
        if spec is None:  # the activity is unknown, so its events are too: say nothing more
            self.incomplete.add("activity")
            return self.text(node, "the event")
        return self.choice(node, "event", tuple(sorted(spec.events)) + extra)

    def _goal(self, node: Node, spec: ActivitySpec | None) -> model.Goal | None:
        found = self.fields(node, "a goal", ("id", "when", "count"), _EVENT_FILTERS)
        if found is None or not {"id", "when", "count"} <= found.keys():
            return None
        goal_id = self.text(found["id"], "the goal id", ID, "find_cd19")
        event = self._event(found["when"], spec, ())
        count = self.integer(found["count"], "'count'", 1, 500)
        marker = (
            self.choice(found["marker"], "marker", model.MARKERS) if "marker" in found else None
        )
        actor = self.text(found["actor"], "'actor'") if "actor" in found else None
        if None in (goal_id, event, count) or ("marker" in found and marker is None):
            return None
        refs = _refs(found, ("actor",))
        return model.Goal(
            goal_id,
            event,
            count,
            marker,
            actor,  # type: ignore[arg-type]
            where=node.where,
            refs=refs,
        )

    def _trigger(self, node: Node, spec: ActivitySpec | None) -> model.Trigger | None:
        if not isinstance(node.value, dict) or "when" not in node.value:
            others = {key for keys in _TRIGGER_KEYS.values() for key in keys}
            optional = (*_TRIGGER_ACTIONS, *_EVENT_FILTERS, *sorted(others))
            self.fields(node, "a trigger", ("when",), optional)  # only 'when' is wrong
            return None
        on = self._event(node.value["when"][1], spec, model.RUNNER_EVENTS)
        if on is None:
            return None
        required = _TRIGGER_KEYS.get(on, ())
        optional = _TRIGGER_ACTIONS if on in _TRIGGER_KEYS else _TRIGGER_ACTIONS + _EVENT_FILTERS
        meant: set[str] = set()
        found = self.fields(
            node, f"a 'when: {on}' trigger", ("when", *required), optional, meant=meant
        )
        if found is None or not set(required) <= found.keys():
            return None
        values: dict[str, Any] = {}
        if "say" in found:
            values["say"] = self._say(found["say"])
        if "assist" in found:
            values["assist"] = self.integer(found["assist"], "'assist'", 0, 3)
        if "once" in found:
            values["once"] = self.boolean(found["once"], "'once'")
        if "moment" in found:
            values["moment"] = self.boolean(found["moment"], "'moment'")
            if "say" not in found and "say" not in meant:
                self.error(
                    found["moment"].where,
                    "'moment' tells how long the lines in 'say' stay true: add 'say' or remove it",
                )
                values["moment"] = None
        if "marker" in found:
            values["marker"] = self.choice(found["marker"], "marker", model.MARKERS)
        if "actor" in found:
            values["actor"] = self.text(found["actor"], "'actor'")
        if "goal" in found:
            values["goal"] = self.text(found["goal"], "'goal'")
        if "count" in found:
            values["count"] = self.integer(found["count"], "'count'", 1, 500)
        if "seconds" in found:
            values["seconds"] = self.number(found["seconds"], "'seconds'", 1, 600)
        if "sound" in found:
            values["sound"] = self.choice(found["sound"], "sound", model.SOUNDS)
        if not {"say", "assist", "sound"} & (found.keys() | meant):
            self.error(
                node.where, "a trigger needs something to do: 'say', 'assist' and/or 'sound'"
            )
            return None
        if None in values.values():
            return None
        refs = _refs(found, ("actor", "goal", "count"))
        if "say" in found:
            say_items = (
                found["say"].value if isinstance(found["say"].value, list) else [found["say"]]
            )
            refs.update({f"say:{item.value}": item.where for item in say_items})
        return model.Trigger(when=on, where=node.where, refs=refs, **values)

    def _say(self, node: Node) -> tuple[str, ...] | None:
        if isinstance(node.value, list):
            said = [self.text(item, "a line id in 'say'") for item in node.value]
            return None if None in said or not said else tuple(said)  # type: ignore[arg-type]
        said_one = self.text(node, "'say' (a line id)")
        return (said_one,) if said_one else None

    def _check_references(self, scene: model.Scene, spec: ActivitySpec | None) -> None:
        before = len(self.problems)
        labels = [option for choice in scene.questions for option in choice.options]
        for kind, things in (
            ("actor", scene.actors),
            ("line or label", (*scene.lines, *labels)),
            ("choice", scene.questions),
            ("goal", scene.goals),
        ):
            seen: dict[str, Any] = {}
            for thing in things:
                if thing.id in seen:
                    noun = kind
                    if kind == "line or label":
                        noun = "option" if isinstance(thing, model.Option) else "line"
                    self.error(
                        thing.where,
                        f"the {noun} id '{thing.id}' is used twice "
                        f"(first at line {seen[thing.id].where.line})",
                    )
                    if isinstance(thing, model.Line):
                        self.repeated.append(thing)
                seen.setdefault(thing.id, thing)
        actor_ids = [a.id for a in scene.actors]
        goals = {g.id: g for g in scene.goals}
        line_ids = [line.id for line in scene.lines]
        for goal in scene.goals:
            self._reference(goal.actor, actor_ids, "actors", goal.at("actor"))
        for trigger in scene.triggers:
            self._reference(trigger.actor, actor_ids, "actors", trigger.at("actor"))
            self._reference(trigger.goal, list(goals), "goals", trigger.at("goal"))
            for line_id in trigger.say:
                self._reference(line_id, line_ids, "lines", trigger.at(f"say:{line_id}"))
            goal = goals.get(trigger.goal or "")
            if goal and trigger.count and trigger.count > goal.count:
                self.error(
                    trigger.at("count"),
                    f"'count: {trigger.count}' can never happen: "
                    f"goal '{goal.id}' stops at {goal.count}",
                )
        for choice in scene.questions:
            for key in ("ask", "explain"):
                self._reference(getattr(choice, key), line_ids, "lines", choice.at(key))
            for option in choice.options:
                self._reference(option.say, line_ids, "lines", option.at("say"))
        if len(self.problems) > before:
            return  # the activity's own checks would only repeat these problems
        players = [a for a in scene.actors if a.player]
        if len(players) > 1:
            self.error(players[1].where, "only one actor can be the player")
        if "actors" in self.incomplete or spec is None or self.misspelt:
            return
        if spec.needs_player and not players:
            self.error(
                Where(self.label), f"the '{spec.name}' activity needs an actor with 'player: yes'"
            )
        elif not {"goals", "choices"} & self.incomplete:
            self.problems.extend(spec.check(scene))
        if scene.teach_back is not None and "teach_back" not in self.incomplete:
            self.problems.extend(check_question(scene.teach_back, alone=True))

    def _reference(self, name: str | None, known: list[str], section: str, where: Where) -> None:
        if name is not None and name not in known and section not in self.incomplete:
            kind = section.rstrip("s")
            hint = did_you_mean(name, known)
            if not hint and section == "lines" and self.repeated:  # a copied line, not renamed
                line = self.repeated[0]
                hint = (
                    f"; if it is the line at line {line.where.line}, whose id '{line.id}' "
                    "is used twice, give that line this id"
                )
            self.error(where, f"unknown {kind} '{name}'{hint}")


def _one_or_many(node: Node) -> list[Node]:
    """A value written as one item (``about: after``) or a list (``about: [after, hunt]``)."""
    return node.value if isinstance(node.value, list) else [node]


def _refs(found: dict[str, Node], keys: tuple[str, ...]) -> dict[str, Where]:
    """Where each referring value stands, so a broken reference points at the value itself."""
    return {key: found[key].where for key in keys if key in found}
