#!/usr/bin/env python3
"""expect_exit.py CODE COMMAND [ARGS...]: runs COMMAND (output passed through)
and succeeds only if it exits with CODE. lit's internal shell has no $?."""
import subprocess
import sys

want = int(sys.argv[1])
got = subprocess.call(sys.argv[2:])
if got != want:
    sys.stderr.write("expect_exit: %s exited %d, expected %d\n" % (sys.argv[2], got, want))
    sys.exit(1)
