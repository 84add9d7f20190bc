"""How every launch starts the game (``main.py``, ``python -m game`` and the installed
``t-cell-hero``): Python's cycle collector is held back while the game's modules load (see
game/collector.py), then the command line runs."""

from __future__ import annotations

from game import collector


def main() -> int:
    collector.hold()
    from game.cli import main as run

    return run()
