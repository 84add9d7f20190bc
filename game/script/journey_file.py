"""The journey file, ``scenes/journey.yaml``: the chapters in playing order, one a line.

A child life specialist orders the chapters here, with no Python and no ``next:`` to chase::

    version: 1
    chapters:
      - meet
      - collect
      - hunt: {older: hunt_older}   # ages 10 to 12 play hunt_older in hunt's place
      - cheer

An entry is a chapter id (its file is ``scenes/<id>.yaml``), or a chapter id with, after a
colon, the age bands (``little``, ``middle``, ``older``) that play another chapter in its place.
Whether a chapter may be left out is marked in its own file (``optional: yes``), never here.

Pure Python: rules and data never import pygame. Every problem comes back located, as
``file:line:col: message``, through :class:`~game.script.errors.SceneError`; any bytes at all
give problems, never a traceback (see :mod:`game.script.yamlsafe`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from game import resources
from game.script.errors import Where, did_you_mean, one_of
from game.script.fields import FieldReader
from game.script.strings import BANDS
from game.script.yamlsafe import Node, shorten

#: The journey file's name, in the folder of the scene files.
JOURNEY_FILE = resources.JOURNEY_FILE
#: The most chapters a journey file may list: the map, the grown-up's panel and the summary
#: picture are laid out (and tested) for 1 to 20.
MAX_CHAPTERS = 20
_ID = r"[a-z][a-z0-9_]{0,39}"


@dataclass(frozen=True)
class Stop:
    """One entry: the usual ``chapter``, and for some age bands another chapter ``instead``."""

    chapter: str
    instead: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    where: Where = field(default=Where("?"), compare=False)
    #: Where each alternative is written, by band.
    places: Mapping[str, Where] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Journey:
    """The journey file: its stops in playing order."""

    stops: tuple[Stop, ...] = ()
    path: str = ""
    #: Where 'chapters:' is written (problems about the whole list are reported there).
    where: Where = field(default=Where("?"), compare=False)

    def ids(self) -> list[str]:
        """Every chapter the file names, usual ones and alternatives, in the order written."""
        return [i for stop in self.stops for i in (stop.chapter, *stop.instead.values())]


def chapters_for(stops: Sequence[Stop], band: str | None = None) -> list[str]:
    """The chapter ids a child of ``band`` plays, in order: each stop's alternative for that
    band in place of its usual chapter. With no band (or one no stop names), the usual ones."""
    return [stop.instead.get(band, stop.chapter) if band else stop.chapter for stop in stops]


def load_journey(path: Path, label: str | None = None) -> Journey:
    """Read the journey file. Raises :class:`SceneError` with every problem's place."""
    label = label or str(path)
    reader = _JourneyReader()
    return reader.read(path, label, lambda root: reader.build(label, root))


class _JourneyReader(FieldReader):
    def build(self, label: str, root: Node) -> Journey | None:
        top = self.fields(root, "the journey file", ("version", "chapters"))
        if top is None or "chapters" not in top:
            return None
        if "version" in top and top["version"].value != 1:
            self.error(top["version"].where, "this game reads journey file version 1")
        items = self.items(top["chapters"], "'chapters'")
        if isinstance(top["chapters"].value, list) and not items:
            self.error(top["chapters"].where, "the journey needs at least one chapter")
        if len(items) > MAX_CHAPTERS:
            self.error(
                items[MAX_CHAPTERS].where,
                f"a journey has at most {MAX_CHAPTERS} chapters, not {len(items)}",
            )
        stops = [self._stop(node) for node in items]
        if any(stop is None for stop in stops):
            return None
        return Journey(tuple(s for s in stops if s is not None), label, top["chapters"].where)

    def _stop(self, node: Node) -> Stop | None:
        if isinstance(node.value, dict):
            if len(node.value) != 1:
                self.error(
                    node.where,
                    "one chapter an entry: write '- hunt' or '- hunt: {older: hunt_older}'",
                )
                return None
            [(key_node, value_node)] = node.value.values()
            chapter = self._id(key_node, "a chapter")
            instead, places = self._instead(value_node)
            if chapter is None or instead is None:
                return None
            return Stop(chapter, MappingProxyType(instead), node.where, places)
        chapter = self._id(node, "a chapter")
        return Stop(chapter, where=node.where) if chapter is not None else None

    def _instead(self, node: Node) -> tuple[dict[str, str] | None, dict[str, Where]]:
        """``{older: hunt_older}``: for each age band named, the chapter played instead."""
        if node.value is None:  # '- hunt:' with nothing after it
            return {}, {}
        if not isinstance(node.value, dict):
            self.error(
                node.where,
                "after a chapter's colon come the age bands that play another chapter in its "
                f"place, like {{older: hunt_older}}, not {node.kind}",
            )
            return None, {}
        instead: dict[str, str] = {}
        places: dict[str, Where] = {}
        for band, (band_node, chapter_node) in node.value.items():
            if band == "optional":
                self.error(
                    band_node.where,
                    "a chapter is marked optional in its own file ('optional: yes'), "
                    "not in the journey file",
                )
                continue
            if band not in BANDS:
                self.error(
                    band_node.where,
                    f"unknown age band {shorten(band)}{did_you_mean(band, BANDS)}; "
                    f"use {one_of(BANDS)}",
                )
                continue
            chapter = self._id(chapter_node, f"the chapter for the '{band}' age band")
            if chapter is not None:
                instead[band] = chapter
                places[band] = chapter_node.where
        if len(instead) != len(node.value):
            return None, {}
        return instead, places

    def _id(self, node: Node, what: str) -> str | None:
        value = node.value
        if isinstance(value, bool) or value is None:
            self.error(
                node.where,
                f"{what} is read by YAML as yes/no or nothing; put its id in quotes",
            )
            return None
        if not isinstance(value, str):
            self.error(node.where, f"{what} must be a chapter id, not {node.kind}")
            return None
        if not re.fullmatch(_ID, value):
            self.error(
                node.where,
                f"{what} {shorten(value)} is not a chapter id: lower-case letters, digits and "
                "'_', starting with a letter (the file's name without '.yaml')",
            )
            return None
        return value
