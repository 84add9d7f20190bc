"""Play T-Cell Hero: ``uv run main.py [--scene ID] [--lang CODE] [--fullscreen] [--window WxH]``."""

import sys

from game import collector

collector.hold()  # until the first screen is up: see game/collector.py
from game.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
