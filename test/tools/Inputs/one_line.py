#!/usr/bin/env python3
"""one_line.py FILE: succeeds only if FILE holds exactly one line (an error
message), and never a Python traceback."""
import sys

lines = open(sys.argv[1], encoding="utf-8", errors="replace").read().splitlines()
if len(lines) != 1 or "Traceback" in lines[0]:
    sys.stderr.write("one_line: expected one line in %s, got %d:\n%s\n"
                     % (sys.argv[1], len(lines), "\n".join(lines[:20])))
    sys.exit(1)
