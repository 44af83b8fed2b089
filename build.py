#!/usr/bin/env python3
"""Newsroom archive: raw news articles in, an annotated, cross-linked static site out.

Run `python build.py --help` for the commands; the code is in newsroom/cli/.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))  # `python build.py` works from a checkout without installing

from newsroom.cli.main import main  # noqa: E402 - after the path is set

if __name__ == "__main__":
    sys.exit(main(root=ROOT))
