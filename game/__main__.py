"""``python -m game``: see game/cli.py."""

import sys

from game.launch import main

sys.exit(main())
