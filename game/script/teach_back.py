"""Teach-back after a chapter: the chapter's one picture question (its ``teach_back`` block),
asked after its closing card when the grown-up turns teach-back on in the grown-up panel.

The question is played as a one-question quiz: the same rules (game/world/picks.py), the same
board (game/app/views/board_view.py) and the same recording (``Session.answer`` under the question's
id, ``<chapter>.teach``: tries, right on the first try, with help). This module only builds that
little quiz scene from the chapter; nothing here draws or plays.

Like the final quiz, nothing is lost: a wrong tap gets "Let me show you again", the chapter's
kind explanation, the right picture glowing (so the next answer is recorded with help) and
another try. Waiting gets a gentle hint, then the glow.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from game.script.model import Activity, Goal, Line, Scene, Trigger

#: The question's id in the chapter's answers: ``<chapter>.teach``.
SUFFIX = "teach"
#: The words every teach-back shares (the menus' table, scenes/lang/en.yaml), as narration.
TRY_AGAIN, HINT, HINT_MORE = "ui.teach.try", "ui.teach.hint", "ui.teach.hint_more"
SHARED = (TRY_AGAIN, HINT, HINT_MORE)
#: Seconds without an answer before the hint, and before the right picture glows.
HINT_SECONDS, GLOW_SECONDS = 15.0, 30.0


def question_id(scene_id: str) -> str:
    """The id a chapter's teach-back answer is recorded under."""
    return f"{scene_id}.{SUFFIX}"


def asked(scene: Scene, left_out: Iterable[str] = ()) -> bool:
    """Whether ``scene`` has a teach-back question for a child with ``left_out`` left out (a
    question ``about`` a left-out chapter or detail is not asked, as in the final quiz)."""
    question = scene.teach_back
    return question is not None and not set(left_out) & set(question.about)


def teach_back_scene(
    scene: Scene, english: Mapping[str, str], left_out: Iterable[str] = ()
) -> Scene | None:
    """The one-question quiz that follows ``scene``, or None when it has no teach-back for
    this child. ``english``: every text's English by id (the shared lines come from there).

    It keeps the chapter's id, title, background and lines (so its pictures look as they do
    in the chapter and the ask, explain and answer lines are the chapter's own), and says the
    right answer's line once it is found: the chapter ends on it."""
    if not asked(scene, left_out):
        return None
    question = scene.teach_back
    assert question is not None
    right = next((o for o in question.options if o.right), None)
    shared = tuple(Line(i, english.get(i, i)) for i in SHARED)
    closing = (right.say,) if right is not None and right.say else ()
    triggers = (
        Trigger(when="right", sound="chime", once=False),
        # a wrong tap: kind words, the explanation (the tap's own line) and the glow
        Trigger(when="try_again", say=(TRY_AGAIN,), assist=2, once=False),
        Trigger(when="idle", seconds=HINT_SECONDS, say=(HINT,), once=False),
        Trigger(when="idle", seconds=GLOW_SECONDS, say=(HINT_MORE,), assist=2, once=False),
        # the answer's own line: the right tap ends the question before it could be said
        *((Trigger(when="all_done", say=closing),) if closing else ()),
    )
    return replace(
        scene,
        activity=Activity("quiz"),
        actors=(),
        lines=scene.lines + shared,
        choices=(question,),
        goals=(Goal("answered", "right", 1),),
        triggers=triggers,
        teach_back=None,
    )
