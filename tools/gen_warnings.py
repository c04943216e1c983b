#!/usr/bin/env python3
"""Regenerates tests/warnings/expected/NAME.stderr with CPython 3.11.

Each file is what `compile(source, "NAME.py", "exec")` writes on stderr
(the SyntaxWarnings CPython's compiler issues, formatted by the warnings
module), run in tests/warnings so that linecache finds the source lines.

Usage: python3 tools/gen_warnings.py
"""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(os.path.dirname(HERE), "tests", "warnings")

SNIPPET = "import sys; f = sys.argv[1]; compile(open(f, 'rb').read(), f, 'exec')"


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("CPython 3.11 is required")
    out_dir = os.path.join(CASES, "expected")
    os.makedirs(out_dir, exist_ok=True)
    for name in sorted(f for f in os.listdir(CASES) if f.endswith(".py")):
        p = subprocess.run(
            [sys.executable, "-c", SNIPPET, name],
            cwd=CASES,
            capture_output=True,
            check=True,
        )
        with open(os.path.join(out_dir, name[:-3] + ".stderr"), "wb") as f:
            f.write(p.stderr)


if __name__ == "__main__":
    main()
