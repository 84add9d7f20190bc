"""Activities are the engine parts a scene names in ``activity: {name: ...}``.

Each registers its name, the options a scene may set, the events it reports (which goals and
triggers can listen for) and a factory for its pure rules. Views register separately in
:mod:`game.app.views`, so this module never imports pygame.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from game.script.errors import Problem
    from game.script.model import Scene
    from game.script.session import Session
    from game.world.events import WorldEvent
    from game.world.gestures import Gesture


@dataclass(frozen=True)
class Option:
    """One setting a scene can give its activity; numbers are checked against ``low``..``high``."""

    kind: type
    default: Any
    low: float | None = None
    high: float | None = None
    help: str = ""


class Rules(Protocol):
    """The pure game rules of an activity: pointer and key input in, events out.

    Rules that wait for a line to be heard (a quiz question) also have ``listening_for``, the
    line id they wait for or None, and ``hear(line_id)``, which the chapter calls once the
    narration has said that line in full. Rules that wait for a line to begin (a pick's
    pictures come with its question; the lab's CARs take a finger with "Drag each CAR onto your
    T cell") have ``waiting_to_ask`` and ``ask(line_id)`` alike. Rules whose celebration goes with
    a line (the confetti with "Hello, new friend!") have ``cheering_with`` and
    ``cheered(line_id)``, called once the narration has moved past it. Rules that show what a
    line names (the cells beside the T cell in 'Meet your T cell') have ``begin(line_id)``,
    called as each line begins."""

    def update(self, dt: float) -> list[WorldEvent]: ...

    def point(self, x: float, y: float) -> None:
        """The child presses or drags at this logical position."""

    def release(self) -> None:
        """The press ends."""

    def steer(self, dx: float, dy: float) -> None:
        """Keyboard direction, each in -1..1; (0, 0) when no key is held."""

    def set_assist(self, level: int) -> None: ...


class Bot(Protocol):
    def step(self, rules: Any, dt: float) -> list[Gesture]: ...


@dataclass(frozen=True)
class ActivitySpec:
    name: str
    #: Makes the rules from the scene, a random seed and the child's journey so far.
    make_rules: Callable[[Scene, int, Session], Rules]
    #: Makes the demo bot, whose ``step(rules, dt)`` returns the gestures a child would make.
    make_bot: Callable[[], Bot]
    events: frozenset[str] = frozenset()
    options: Mapping[str, Option] = field(default_factory=dict)
    needs_player: bool = False
    #: Checks only this activity knows, such as whether a goal can be reached at all.
    check: Callable[[Scene], list[Problem]] = lambda scene: []


_REGISTRY: dict[str, ActivitySpec] = {}


def register(spec: ActivitySpec) -> ActivitySpec:
    if spec.name in _REGISTRY:
        raise ValueError(f"activity '{spec.name}' is registered twice")
    _REGISTRY[spec.name] = spec
    return spec


def registry() -> Mapping[str, ActivitySpec]:
    """Every activity, keyed by name. Importing the built-in ones registers them."""
    import game.world.attach
    import game.world.collect
    import game.world.drip
    import game.world.hunt
    import game.world.multiply
    import game.world.picks  # noqa: F401

    return _REGISTRY
