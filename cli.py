#!/usr/bin/env python3
"""`python cli.py ...` from a checkout does what the installed `quality ...` command does."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quality.cli import main  # noqa: E402

if __name__ == "__main__":
    main()
