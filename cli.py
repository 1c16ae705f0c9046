#!/usr/bin/env python3
"""`python cli.py ...` from a checkout does what the installed `quality ...` command does.

If this interpreter lacks the dependencies but the checkout has a virtual environment
(.venv/ or venv/, as the README's quick start makes), the command re-runs itself there.
"""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

try:
    from quality.cli import main
except ImportError as exc:  # a dependency is missing from this interpreter
    for venv in (ROOT / ".venv", ROOT / "venv"):
        python = venv / "bin" / "python"
        if python.exists() and Path(sys.prefix).resolve() != venv.resolve():
            os.execv(str(python), [str(python), str(Path(__file__).resolve()), *sys.argv[1:]])
    sys.stderr.write(f"quality: error: {exc.name or exc} is not installed; "
                     f"run: pip install -e {ROOT}\n")
    sys.exit(2)

if __name__ == "__main__":
    main()
