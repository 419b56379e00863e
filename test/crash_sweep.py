#!/usr/bin/env python3
"""Runs every logstream check over every test input and fails on any crash.

Usage: crash_sweep.py --tidy CMD --srcroot DIR --mock-headers DIR --work DIR FILE...

For each test source, every configuration its RUN lines use (and the default
one) is tried with each standard they name, with all `logstream-*` checks
enabled and `-fix` on a scratch copy. A run that ends on a signal, prints a
stack dump or an assertion is a crash: the sweep lists them and exits 1.
Inputs that do not compile here (a header this machine lacks, a gated LLVM
major) are counted, not failed: the lit test of that input reports them.
Prints `crash sweep: N runs over M files, K crashes`.

Python standard library only.
"""

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys

CRASH_MARKERS = ("Stack dump:", "PLEASE submit a bug report", "Assertion `",
                 "LLVM ERROR:", "UNREACHABLE executed")


def run_lines(text):
    """The RUN lines of a test, continuation lines joined."""
    lines, current = [], ""
    for m in re.finditer(r"^\s*(?://\s*)?RUN:(.*)$", text, re.M):
        part = m.group(1).rstrip()
        if part.endswith("\\"):
            current += part[:-1] + " "
            continue
        lines.append(current + part)
        current = ""
    return lines


def variants(path, text, subst):
    """(standards, config, compiler args) for every runner RUN line."""
    found = []
    for line in run_lines(text):
        if "%check_logstream_tidy" not in line:
            continue
        for key, value in subst.items():
            line = line.replace(key, value)
        words = shlex.split(line)
        stds, config, compiler = [None], None, []
        if "--" in words:
            first = words.index("--")
            rest = words[first + 1:]
            if "--" in rest:
                compiler = rest[rest.index("--") + 1:]
            words = words[:first]
        for w in words:
            if w.startswith("-std="):
                stds = [s for s in w[len("-std="):].split(",") if s]
            elif w.startswith("-config="):
                config = w[len("-config="):]
        for std in stds:
            variant = (std, config, tuple(compiler))
            if variant not in found:
                found.append(variant)
            default = (std, None, tuple(compiler))
            if default not in found:
                found.append(default)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tidy", required=True, help="the tidy command (shell-quoted)")
    parser.add_argument("--srcroot", required=True)
    parser.add_argument("--mock-headers", required=True)
    parser.add_argument("--work", required=True, help="scratch directory")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()

    subst = {"%srcroot": args.srcroot, "%mock_headers": args.mock_headers}
    os.makedirs(args.work, exist_ok=True)
    tidy = shlex.split(args.tidy)
    runs = files = not_compiled = 0
    crashes = []
    for path in args.files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        subst["%s"] = path
        found = variants(path, text, subst)
        if not found:
            continue
        files += 1
        for n, (std, config, compiler) in enumerate(found):
            scratch = os.path.join(args.work, "%d%s" % (n, os.path.splitext(path)[1]))
            shutil.copyfile(path, scratch)
            cmd = tidy + [scratch, "-fix", "--checks=-*,logstream-*", "--quiet"]
            if config:
                cmd.append("--config=" + config)
            cmd += ["--"] + (["-std=" + std] if std else []) + list(compiler)
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  universal_newlines=True)
            runs += 1
            output = proc.stdout + proc.stderr
            marker = next((m for m in CRASH_MARKERS if m in output), None)
            if proc.returncode < 0 or proc.returncode >= 128 or marker:
                crashes.append("%s [%s]: exit %d%s\n  %s" % (
                    os.path.relpath(path, args.srcroot), std or "default", proc.returncode,
                    " (%s)" % marker if marker else "",
                    " ".join(shlex.quote(c) for c in cmd)))
            elif "error:" in output and "Found compiler error" in output:
                not_compiled += 1
    for c in crashes:
        sys.stderr.write("CRASH: " + c + "\n")
    print("crash sweep: %d runs over %d files, %d crashes (%d runs did not compile here)"
          % (runs, files, len(crashes), not_compiled))
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
