#!/usr/bin/env python3
"""Runs the repository's own .clang-format and .clang-tidy on our C++ sources.

  utils/self_lint.py format --clang-format clang-format-19
  utils/self_lint.py tidy --clang-tidy clang-tidy-19 -p build/llvm-19 [--load PLUGIN] [-j N]

Our sources: lib/, tools/, include/ and test/unit/ (.h, .cpp); not the lit
inputs under test/checkers/ and test/real-headers/ (their layout is what the
checks are tested on) nor examples/ (the demo's deliberately wrong code).

`format` reports every file clang-format would change (the first changed
line of each); `tidy` runs clang-tidy on every .cpp of ours in the
compilation database, in parallel, with the header filter on our
directories, and reports each warning once (a header's warning comes from
every file that includes it). Optional --only DIR (repeatable) limits the
files to those under DIR; --root DIR lints another tree laid out like ours
(test/lint/self_lint_exit_test.py uses it). Exit status: 0 clean, 1
findings, 2 usage error.
"""

import argparse
import concurrent.futures
import difflib
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OURS = ("lib", "tools", "include", os.path.join("test", "unit"))
EXTENSIONS = (".h", ".cpp")


def our_files(only):
    dirs = only or OURS
    out = []
    for d in dirs:
        for base, _, names in os.walk(os.path.join(ROOT, d)):
            out += [os.path.join(base, n) for n in names if n.endswith(EXTENSIONS)]
    return sorted(out)


def rel(path):
    return os.path.relpath(path, ROOT)


def run_format(a):
    problems = 0
    for path in our_files(a.only):
        with open(path, encoding="utf-8") as f:
            original = f.read()
        proc = subprocess.run([a.clang_format, "--style=file", "--assume-filename=" + path],
                              input=original, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              universal_newlines=True, cwd=ROOT)
        if proc.returncode != 0:
            sys.stderr.write("self_lint: error: %s failed on %s: %s\n"
                             % (a.clang_format, rel(path), proc.stderr.strip()))
            return 2
        if proc.stdout != original:
            problems += 1
            diff = difflib.unified_diff(original.splitlines(), proc.stdout.splitlines(), n=0)
            first = next((line for line in diff if line.startswith("@@")), "")
            m = re.match(r"@@ -(\d+)", first)
            changed = sum(1 for _ in difflib.unified_diff(
                original.splitlines(), proc.stdout.splitlines(), n=0))
            print("%s:%s: not formatted (clang-format changes %d diff line(s))"
                  % (rel(path), m.group(1) if m else "1", changed))
    print("self_lint: clang-format: %d file(s) to format" % problems)
    return 1 if problems else 0


WARNING = re.compile(r"^(/[^:\n]+):(\d+):(\d+): (warning|error): (.*) \[([^\]]+)\]$", re.M)


def run_tidy(a):
    db_path = os.path.join(a.build, "compile_commands.json")
    try:
        with open(db_path, encoding="utf-8") as f:
            entries = json.load(f)
    except (OSError, ValueError) as e:
        sys.stderr.write("self_lint: error: cannot read %s: %s\n" % (db_path, e))
        return 2
    wanted = set(p for p in our_files(a.only) if p.endswith(".cpp"))
    files = sorted({os.path.normpath(os.path.join(e["directory"], e["file"]))
                    for e in entries} & wanted)
    if not files:
        sys.stderr.write("self_lint: error: none of our .cpp files is in %s\n" % db_path)
        return 2
    header_filter = "^%s/(%s)/" % (re.escape(ROOT), "|".join(re.escape(d) for d in OURS))
    base = [a.clang_tidy, "-p", a.build, "--quiet", "--header-filter=" + header_filter]
    if a.load:
        base.append("--load=" + a.load)

    def one(path):
        proc = subprocess.run(base + [path], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              universal_newlines=True, cwd=ROOT)
        return path, proc.returncode, proc.stdout

    found, failed = set(), []
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
        for path, rc, out in pool.map(one, files):
            hits = WARNING.findall(out)
            for file, line, col, level, message, check in hits:
                found.add((rel(file), int(line), int(col), level, message, check))
            if rc != 0 and not hits:
                failed.append((path, (out.strip().splitlines() or ["exit %d" % rc])[-1]))
    for file, line, col, level, message, check in sorted(found):
        print("%s:%d:%d: %s: %s [%s]" % (file, line, col, level, message, check))
    for path, why in failed:
        print("%s: error: clang-tidy failed: %s" % (rel(path), why))
    print("self_lint: clang-tidy: %d file(s), %d warning(s)%s"
          % (len(files), len(found), ", %d failed" % len(failed) if failed else ""))
    return 1 if found or failed else 0


def main():
    global ROOT
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="mode", required=True)
    fmt = sub.add_parser("format")
    fmt.add_argument("--clang-format", default="clang-format-19")
    tidy = sub.add_parser("tidy")
    tidy.add_argument("--clang-tidy", default="clang-tidy-19")
    tidy.add_argument("-p", dest="build", required=True, help="build directory (compile_commands.json)")
    tidy.add_argument("--load", help="the logstream plugin, for the logstream-* checks of .clang-tidy")
    tidy.add_argument("-j", dest="jobs", type=int, default=os.cpu_count() or 1)
    for s in (fmt, tidy):
        s.add_argument("--root", help="the tree to lint (default: this repository)")
        s.add_argument("--only", action="append", default=[], metavar="DIR",
                       help="only files under DIR (relative to the repository)")
    a = p.parse_args()
    if a.root:
        ROOT = os.path.abspath(a.root)
    try:
        return run_format(a) if a.mode == "format" else run_tidy(a)
    except OSError as e:
        sys.stderr.write("self_lint: error: cannot run %s: %s\n" % (e.filename, e.strerror))
        return 2


if __name__ == "__main__":
    sys.exit(main())
