#!/usr/bin/env python3
"""logstream-ci: run logstream-tidy over a project, for CI gates and pre-commit.

The program is the package logstream_ci (see its cli module); this file only
finds it: next to this file in a checkout (tools/logstream-ci/), else in
share/logstream-tidy/ of the build tree or the installation.
"""

import os
import sys

HERE = os.path.dirname(os.path.realpath(__file__))
for candidate in (HERE, os.path.join(HERE, "..", "share", "logstream-tidy")):
    if os.path.isfile(os.path.join(candidate, "logstream_ci", "cli.py")):
        sys.path.insert(0, os.path.normpath(candidate))
        break
else:
    sys.stderr.write("logstream-ci: error: the logstream_ci package is not installed next to "
                     "%s (share/logstream-tidy/logstream_ci)\n" % HERE)
    sys.exit(2)

from logstream_ci import cli  # noqa: E402

if __name__ == "__main__":
    sys.exit(cli.main(sys.argv[1:], HERE))
