#!/usr/bin/env python3
"""Prints how logstream-ci scales and what the checks cost on a generated project.

Generates a project of --units translation units (default 200; each includes
<cstdio>, <string> and has a log-file sink), then times:
  parse-j1   clang -fsyntax-only on every file, one after another
  ci-j1      logstream-ci -j1 (every logstream check, reports, fingerprints)
  ci-jN      logstream-ci -jN, N = --jobs (default: number of cores)
and prints the -j1/-jN wall-time ratio and ci-j1/parse-j1, the cost of the
whole logstream run next to parsing alone. Standard library only.

  bench/runner_scaling.py --build build/llvm-19 [--llvm 19] [--units 200] [--jobs N]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def wall(cmd, cwd):
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          universal_newlines=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit("bench: %s failed (%d): %s" % (cmd[0], proc.returncode, proc.stderr[-2000:]))
    return elapsed


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build", default=os.path.join(ROOT, "build", "llvm-19"))
    p.add_argument("--llvm", default="19")
    p.add_argument("--units", type=int, default=200)
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    a = p.parse_args()
    ci = os.path.join(a.build, "bin", "logstream-ci")
    clang = "/usr/lib/llvm-%s/bin/clang++" % a.llvm
    with tempfile.TemporaryDirectory(prefix="logstream-bench-") as d:
        subprocess.run([sys.executable, os.path.join(ROOT, "test", "tools", "Inputs", "make_project.py"),
                        d, "--units", str(a.units)], check=True)
        with open(os.path.join(d, "compile_commands.json")) as f:
            files = [e["file"] for e in json.load(f)]
        parse = 0.0
        for f in files:
            parse += wall([clang, "-fsyntax-only", "-std=c++17", f], d)
        j1 = wall([ci, "--quiet", "-j1", "--format", "json", "--output", os.path.join(d, "r1.json")], d)
        jn = wall([ci, "--quiet", "-j%d" % a.jobs, "--format", "json",
                   "--output", os.path.join(d, "rn.json")], d)
        same = open(os.path.join(d, "r1.json")).read() == open(os.path.join(d, "rn.json")).read()
    print("translation units:        %d" % len(files))
    print("parse only (-j1):         %.2f s" % parse)
    print("logstream-ci -j1:         %.2f s" % j1)
    print("logstream-ci -j%d:         %.2f s" % (a.jobs, jn))
    print("ratio -j1/-j%d:            %.2f" % (a.jobs, j1 / jn))
    print("ratio logstream-ci/parse: %.2f (same -j1)" % (j1 / parse))
    print("reports identical across -j: %s" % ("yes" if same else "NO"))


if __name__ == "__main__":
    main()
