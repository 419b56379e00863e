#!/usr/bin/env python3
"""Prints what the logstream checks cost next to parsing itself (the parity gate).

For each input file, paired runs (one after the other, alternating, so that
a change of machine load hits both sides alike) of
  parse     clang -fsyntax-only (the compiler's own parse and semantic analysis)
  checks    logstream-tidy --checks=-*,logstream-* (parse included)
  upstream  logstream-tidy --checks=-*,<one cheap upstream check> (default
            misc-unused-alias-decls: what clang-tidy itself costs over a parse)
and, with --per-check, logstream-tidy --checks=-*,logstream-<one> per check.
Time is the user+sys CPU time of the child processes (not wall time: other
work on the machine does not count); each ratio is the median over the
--repeat pairs. Prints, per file, checks/parse and upstream/parse side by
side, and the largest of each.

  bench/check_cost.py [--build build/llvm-19] [--llvm 19] [--repeat 5] [--per-check] [files...]
  bench/check_cost.py --gate 1.10 --repeat 3 FILE    # exit 1 when checks/parse > 1.10

With no files, it uses the bundled examples/ and the real-header tests (with
the flags of each test's first RUN line). Python standard library only.
"""

import argparse
import glob
import os
import re
import resource
import shlex
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHECKS = ["logstream-buffered-stdout", "logstream-log-file-management", "logstream-log-file-sink",
          "logstream-project-facts", "logstream-security-event-category"]
UPSTREAM = "misc-unused-alias-decls"


def cpu_time(cmd):
    """user+sys CPU seconds of one run of cmd (and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          universal_newlines=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit("bench: command failed (%d): %s\n%s" % (proc.returncode, " ".join(cmd),
                                                         proc.stderr[-2000:]))
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run_line_flags(path):
    """The compiler flags of a lit test's first RUN line (after `-- --`)."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    m = re.search(r"RUN: %check_logstream_tidy(.*)$", text, re.M)
    if not m:
        return None
    words = shlex.split(m.group(1).replace("%srcroot", ROOT))
    std = [w for w in words if w.startswith("-std=")]
    after = words[words.index("--") + 2:] if words.count("--") >= 2 else []
    return std[:1] + [w for w in after if not w.startswith("-std=")] + std[1:]


def flags_for(path):
    flags = run_line_flags(path)
    if flags is None:
        flags = ["-std=c++17"] if path.endswith(".cpp") else ["-std=c11"]
    if not any(f.startswith("-std=") for f in flags):
        flags.insert(0, "-std=c++17" if path.endswith(".cpp") else "-std=c11")
    return flags + ["-I", os.path.join(ROOT, "examples", "src"), "-I", os.path.join(ROOT, "include")]


def paired(commands, repeat):
    """Median CPU time of each command, and the median ratio of each to the
    first, over `repeat` rounds of every command once."""
    samples = [[] for _ in commands]
    for _ in range(repeat):
        for i, cmd in enumerate(commands):
            samples[i].append(cpu_time(cmd))
    medians = [statistics.median(s) for s in samples]
    ratios = [statistics.median([x / b for x, b in zip(s, samples[0]) if b > 0]) for s in samples]
    return medians, ratios


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build", default=os.path.join(ROOT, "build", "llvm-19"))
    p.add_argument("--tidy", help="the logstream-tidy binary (default: the build's)")
    p.add_argument("--llvm", default="19")
    p.add_argument("--clang", help="the clang to parse with (default /usr/lib/llvm-N/bin/clang)")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--per-check", action="store_true", help="also each logstream check alone")
    p.add_argument("--upstream", default=UPSTREAM,
                   help="the cheap upstream check to compare with ('' for none; --gate: none)")
    p.add_argument("--gate", type=float, help="exit 1 when a file's checks/parse exceeds this")
    p.add_argument("files", nargs="*")
    a = p.parse_args()
    tidy = a.tidy or os.path.join(a.build, "bin", "logstream-tidy")
    clang = a.clang or "/usr/lib/llvm-%s/bin/clang" % a.llvm
    if not os.access(tidy, os.X_OK):
        sys.exit("bench: %s not built (./build.sh test --llvm %s)" % (tidy, a.llvm))
    files = a.files or sorted(glob.glob(os.path.join(ROOT, "examples", "src", "*.cpp")) +
                              glob.glob(os.path.join(ROOT, "test", "real-headers", "*.c*")))
    per = CHECKS if a.per_check else []
    upstream = a.upstream if a.gate is None or "--upstream" in sys.argv else ""
    head = "%-46s %8s %8s %9s" % ("file", "parse s", "checks", "upstream" if upstream else "")
    print(head + "".join(" %9s" % c[len("logstream-"):][:9] for c in per))
    worst, worst_up, failed = 0.0, 0.0, []
    for f in files:
        flags = flags_for(f)
        lang = ["-x", "c++"] if f.endswith(".cpp") else ["-x", "c"]
        tidy_cmd = lambda checks: [tidy, "--checks=-*," + checks, "--quiet", f, "--"] + lang + flags
        commands = [[clang, "-fsyntax-only"] + lang + flags + [f], tidy_cmd("logstream-*")]
        commands += [tidy_cmd(upstream)] if upstream else []
        medians, ratios = paired(commands + [tidy_cmd(c) for c in per], a.repeat)
        if not upstream:
            ratios.insert(2, 0.0)
        worst, worst_up = max(worst, ratios[1]), max(worst_up, ratios[2])
        print("%-46s %8.3f %7.3fx %9s" % (os.path.relpath(f, ROOT)[-46:], medians[0], ratios[1],
                                          "%8.3fx" % ratios[2] if upstream else "")
              + "".join(" %8.3fx" % r for r in ratios[3:]))
        if a.gate is not None and ratios[1] > a.gate:
            failed.append((f, ratios[1]))
    print()
    print("largest checks/parse   = %.3f (every logstream check, CPU time, median of %d pairs)"
          % (worst, a.repeat))
    if upstream:
        print("largest upstream/parse = %.3f (%s alone)" % (worst_up, upstream))
    if a.gate is not None:
        for f, r in failed:
            print("FAIL: %s: checks/parse %.3f > %.2f" % (os.path.relpath(f, ROOT), r, a.gate))
        if failed:
            sys.exit(1)
        print("ok: checks/parse <= %.2f" % a.gate)


if __name__ == "__main__":
    main()
