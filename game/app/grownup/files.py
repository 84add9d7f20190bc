"""What the grown-up's corner writes for a grown-up to keep: the one-page summary picture of a
child's session (in the child's language, for the child and their family) and the table of every
session on the device (de-identified unless names are asked for). Each answers with the panel's
message, as a text id; a file that cannot be written is logged without its name (it may hold the
child's), and nothing else is lost."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pygame

from game.profile import export
from game.profile.profile import Profile
from game.profile.store import SUMMARIES
from game.script.catalog import journey
from game.script.model import Scene
from game.script.strings import Strings

log = logging.getLogger(__name__)


# Called with each file saved here once it is written: nothing on the desktop (the file is in
# the folder the grown-up chose); the browser puts its own in place, which hands the file to the
# grown-up as a download, since a browser's files cannot be reached from outside it
# (game/app/platform/browser/run.py).
def on_saved(path: Path) -> None:
    pass


def save_summary_picture(
    panel,
    profile: Profile,
    chapters: list[Scene],
    strings: Strings,
    feelings: dict,
    own_folder: Path | None,
) -> str:
    """Save the summary picture in the folder chosen on ``panel``. ``own_folder`` is the
    game's profiles folder (None when nothing is saved): a picture saved beside it carries the
    child's profile id, so clearing that child finds it."""
    from game.app.grownup.summary import draw_summary, save_summary

    if not panel.folders:
        return "ui.results.no_folder"
    when = datetime.now()
    page = draw_summary(profile, chapters, strings, when, feelings)
    who = profile.child_name or strings.get(profile.picked.get("name", "ui.child.none"))
    folder = panel.folders[panel.folder]
    if own_folder is not None and folder == own_folder.parent / SUMMARIES and profile.id != "guest":
        who = f"{who} {profile.id}"
    try:
        path = save_summary(page, folder, who, when)
        keep_private(path)
    except (OSError, pygame.error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else None
        log.warning(
            "could not save the summary picture in %s (%s)", folder, reason or type(exc).__name__
        )
        return "ui.results.not_saved"
    log.info("saved a summary picture in %s", path.parent)
    panel.saved = path
    on_saved(path)
    return "ui.results.saved"


def question_chapters(scenes: dict[str, Scene]) -> list[Scene]:
    """Every scene, the usual journey's order first: the order of the questions in the
    sessions' picture and table (the same as ``python -m game results``)."""
    return export.ordered_chapters(scenes, journey(scenes))


def device_sessions(own_folder: Path | None, profile: Profile) -> export.Device:
    """Every child's sessions on this device: the saved profiles, with ``profile`` as it is
    now (saving may be off). Nothing on the disk is changed."""
    device = export.read_device(own_folder.parent) if own_folder is not None else export.Device()
    for skipped in device.skipped:
        log.warning("the sessions on this device leave out %s", skipped)
    if profile.id != "guest":
        device.profiles = [p for p in device.profiles if p.id != profile.id]
        device.profiles.append(profile)
    return device


def export_sessions(panel, sessions: Callable[[], export.Device], chapters: list[Scene]) -> str:
    """Save every session on the device (``sessions()``, read only when there is somewhere to
    save them) as a table (CSV) in the folder chosen on ``panel``, with the children's names
    only when the grown-up asked."""
    view = panel.records
    if view is None:
        return ""
    if not panel.folders:
        return "ui.results.no_folder"
    device = sessions()
    folder = panel.folders[panel.folder]
    questions = export.question_ids(chapters, device.profiles)
    try:
        path = export.save_csv(device.profiles, questions, folder, view.names, datetime.now())
        keep_private(path)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        log.warning("could not save the sessions table in %s (%s)", folder, reason)
        return "ui.records.not_saved"
    log.info("saved the sessions table in %s", path.parent)
    panel.saved, view.exported = path, device.sessions
    on_saved(path)
    return "ui.records.saved"


def keep_private(path: Path) -> None:
    """Only this user may read the file (it may name a child), where the OS can say so."""
    with contextlib.suppress(OSError, NotImplementedError):
        os.chmod(path, 0o600)
