"""Which view draws which activity. Every activity in game.activities needs one here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.app.hunt_view import HuntView

VIEWS: dict[str, Callable[[Any, Any], Any]] = {
    "hunt": HuntView,
}
