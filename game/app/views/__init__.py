"""Which view draws which activity. Every activity in game.activities needs one here; a view is
made from (scene, rules, session) and draws with ``draw(canvas, runner)``. A view whose hero
matters at the end says where it is with ``hero_rect()``: the closing card stands clear of it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.app.views.attach_view import AttachView
from game.app.views.board_view import BoardView
from game.app.views.collect_view import CollectView
from game.app.views.drip_view import DripView
from game.app.views.hunt_view import HuntView
from game.app.views.multiply_view import MultiplyView

VIEWS: dict[str, Callable[[Any, Any, Any], Any]] = {
    "attach": AttachView,
    "cards": BoardView,
    "choose": BoardView,
    "collect": CollectView,
    "drip": DripView,
    "hunt": HuntView,
    "multiply": MultiplyView,
    "quiz": BoardView,
}
