"""Play T-Cell Hero: ``uv run main.py [--scene ID] [--lang CODE] [--fullscreen] [--window WxH]``."""

import sys

from game.launch import main

if __name__ == "__main__":
    sys.exit(main())
