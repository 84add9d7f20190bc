"""``python -m game``: see game/cli.py."""

import sys

from game import collector

collector.hold()  # until the first screen is up: see game/collector.py
from game.cli import main  # noqa: E402

sys.exit(main())
