#!/usr/bin/env python3
"""Prints what the logstream checks cost next to parsing itself (the parity gate).

For each input file, interleaved runs (every command once per round, the
order rotated from round to round, so that a change of machine load hits
every side alike) of
  parse     clang -fsyntax-only (the compiler's own parse and semantic analysis)
  checks    logstream-tidy --checks=-*,logstream-* (parse included)
  upstream  logstream-tidy --checks=-*,<one cheap upstream check> (default
            misc-unused-alias-decls: what clang-tidy itself costs over a parse)
  before    (--compare TIDY) another logstream-tidy build, all checks: the
            figure before a change, measured in the same rounds
and, with --per-check, logstream-tidy --checks=-*,logstream-<one> per check.

Time is the user+sys CPU time of the child process, never wall time: on a
shared machine wall time measures the other users. Each ratio is printed two
ways:
  median    the median over the rounds of (command / parse) of one round
            (paired: the issue's figure, "median of 5, paired runs");
  min       min(command) / min(parse) over the rounds.
The gate (--gate, --quick) decides on the min ratio. Why: a parse is
deterministic work; what another process does to it (evicted caches and
TLB entries, a busy sibling hyperthread, lower clock, page-cache misses) only
ever adds CPU time, never removes it, so the noise is one-sided and the
smallest of a few runs is the best estimate of the undisturbed cost, on each
side alike. A median of paired ratios still moves with load that happens to
hit one side of a pair more than the other: on a 2-core machine shared with
compiler jobs (load average 10-12), misc-unused-alias-decls over the parse,
which should be a constant near 1.0, read from 0.97x to 1.16x across files
in one run of 3 rounds. Rounds rotate the order of the commands, so neither
side is always the first after a pause. On such a machine use more rounds
(--repeat); the gate's 3 rounds fit the suite's time budget.

--instructions counts instead of timing: each command runs once under
valgrind's callgrind (`valgrind --tool=callgrind --trace-children=yes`, the
Ir total of every process it starts), and each ratio is checks/parse and
upstream/parse of those counts. An instruction count is the work a command
does, not how long the machine took to do it: the same binary on the same
input counts the same (within about 0.1%) at any load, so one run per
command is the figure and a gate on it can fail only with the code. It does
not see what instructions cost (a cache miss counts as one), so it is the
figure for deciding between two versions of the checks, and the CPU-time
ratio stays the issue's figure. Under callgrind a command runs 30-60 times
slower.

  bench/check_cost.py [--build build/llvm-19] [--llvm 19] [--repeat 5] [--per-check]
                      [--compare OLD/logstream-tidy] [files...]
  bench/check_cost.py --gate 1.10 --repeat 3 FILE    # exit 1 when checks/parse > 1.10
  bench/check_cost.py --quick [--llvm N]             # the parity gate (exit 1 above 1.10)
  bench/check_cost.py --quick --report               # measure and print only
  bench/check_cost.py --instructions [--per-check] [files...]
                                                     # instruction counts (callgrind)
  bench/check_cost.py --quick --instructions         # the test suite's gate (exit 1 above 1.10)

With no files, it uses the bundled examples/, the real-header tests (with
the flags of each test's first RUN line) and @c-server, a C server of about
3,000 lines written for the run by bench/make_c_server.py (the user-heavy
input; a file argument @c-server names it too). --quick is --gate 1.10 --repeat 3
on the largest real-header test the LLVM major runs (QUICK_FILES: on 19 the
Boost.Log one, a 6.5 s parse, so 2x3 runs are about 40 s of CPU). Python
standard library only. --quick --instructions gates the instruction ratio of
INSTRUCTIONS_QUICK_FILE (see there why that file), about 2 minutes of CPU
under valgrind. Exit status: 0, 1 gate failed, 2 usage or a command failed.
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
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHECKS = ["logstream-buffered-stdout", "logstream-event-injection", "logstream-log-file-management",
          "logstream-log-file-sink", "logstream-project-facts", "logstream-security-event-category",
          "logstream-sensitive-log-data"]
UPSTREAM = "misc-unused-alias-decls"
# --quick: the largest real-header test the LLVM major runs (its REQUIRES:
# llvm-N), largest first. CPU time of the parse on LLVM 19: Boost.Log 6.5 s
# (the most header code of any test; Boost 1.74 does not parse with clang
# 22), the five-library test 2.8 s.
QUICK_FILES = [os.path.join(ROOT, "test", "real-headers", name)
               for name in ("log-file-sink-boost-log.cpp", "sensitive-log-data-libraries.cpp")]
QUICK_GATE = 1.10
QUICK_REPEAT = 3
# --quick --instructions: the gate of the test suite (docs/ci.md "Cost"). A
# real-header test (the cost is that of matchers tried on every node of a
# large header set) that every LLVM major runs, and the smallest such parse
# that still outweighs the checks' fixed start-up cost: 0.8 G instructions,
# so parse and checks take about 2 minutes of CPU under callgrind.
INSTRUCTIONS_QUICK_FILE = os.path.join(ROOT, "test", "real-headers",
                                       "log-file-management-poco.cpp")
# The name that stands for a C server of about 3,000 lines, written for the
# run by bench/make_c_server.py: the user-heavy input (nearly all of its AST
# is the user's code; in a real-header test nearly all is the library's).
C_SERVER = "@c-server"
# What the lit configuration substitutes in RUN lines (test/lit.cfg.py).
QT5_INCLUDE = "/usr/include/x86_64-linux-gnu/qt5"
SUBSTITUTIONS = [("%qt5_flags", "-fPIC -isystem %s -isystem %s/QtCore" % (QT5_INCLUDE, QT5_INCLUDE)),
                 ("%srcroot", ROOT)]


def fail(message):
    print("bench: " + message, file=sys.stderr)
    sys.exit(2)


def cpu_time(cmd):
    """user+sys CPU seconds of one run of cmd (and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              universal_newlines=True)
    except OSError as e:
        fail("cannot run %s: %s" % (cmd[0], e))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        fail("command failed (%d): %s\n%s" % (proc.returncode, " ".join(cmd),
                                              proc.stderr[-2000:]))
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def instructions(cmd):
    """Instructions executed (callgrind's Ir) by one run of cmd, summed over
    every process it starts."""
    with tempfile.TemporaryDirectory(prefix="check-cost-") as tmp:
        out = os.path.join(tmp, "callgrind.%p")
        full = ["valgrind", "--tool=callgrind", "--trace-children=yes",
                "--callgrind-out-file=" + out, "--dump-instr=no", "--compress-strings=no"] + cmd
        try:
            proc = subprocess.run(full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  universal_newlines=True)
        except OSError as e:
            fail("cannot run valgrind (install it: apt-get install valgrind): %s" % e)
        if proc.returncode != 0:
            fail("command failed under valgrind (%d): %s\n%s"
                 % (proc.returncode, " ".join(cmd), proc.stderr[-2000:]))
        total = 0
        found = False
        for name in os.listdir(tmp):
            with open(os.path.join(tmp, name), encoding="utf-8", errors="replace") as f:
                for line in f:
                    m = re.match(r"(?:summary|totals):\s+(\d+)", line)
                    if m:
                        total += int(m.group(1))
                        found = True
                        break
        if not found:
            fail("callgrind wrote no instruction count for: %s" % " ".join(cmd))
        return total


def run_line_flags(path):
    """The compiler flags of a lit test's first RUN line (after `-- --`)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
    except OSError as e:
        fail("%s: %s" % (path, e.strerror))
    m = re.search(r"RUN: %check_logstream_tidy(.*)$", text, re.M)
    if not m:
        return None
    # A RUN line continued with a backslash goes on in the next RUN line.
    line = m.group(1)
    rest = text[m.end():].splitlines()[1:]
    while line.rstrip().endswith("\\") and rest:
        cont = re.match(r"\s*//\s*RUN:(.*)$", rest.pop(0))
        if not cont:
            break
        line = line.rstrip()[:-1] + " " + cont.group(1)
    line = line.rstrip("\\")
    for key, value in SUBSTITUTIONS:
        line = line.replace(key, value)
    compiler_part = line.split(" -- -- ", 1)[1] if " -- -- " in line else ""
    if "%" in compiler_part:
        fail("%s: a substitution this script does not know: %s" % (path, compiler_part))
    words = shlex.split(line)
    # `-std=c++17,c++20` (the runner's list of standards): the first one.
    std = [w.split(",")[0] for w in words if w.startswith("-std=")]
    after = words[words.index("--") + 2:] if words.count("--") >= 2 else []
    return std[:1] + [w for w in after if not w.startswith("-std=")] + std[1:]


def runs_on(path, llvm):
    """Whether a lit test's REQUIRES lets LLVM major `llvm` run it (only the
    llvm-N features are looked at: the libraries are the machine's)."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    wanted = re.findall(r"\bllvm-(\d+)\b", " ".join(re.findall(r"REQUIRES:(.*)", text)))
    return not wanted or llvm in wanted


def flags_for(path):
    flags = run_line_flags(path)
    if flags is None:
        flags = ["-std=c++17"] if path.endswith(".cpp") else ["-std=c11"]
    if not any(f.startswith("-std=") for f in flags):
        flags.insert(0, "-std=c++17" if path.endswith(".cpp") else "-std=c11")
    return flags + ["-I", os.path.join(ROOT, "examples", "src"), "-I", os.path.join(ROOT, "include")]


def interleaved(commands, repeat):
    """CPU time of each command in each of `repeat` rounds; a round runs every
    command once, starting one further along the list than the round before."""
    samples = [[] for _ in commands]
    for r in range(repeat):
        for k in range(len(commands)):
            i = (k + r) % len(commands)
            samples[i].append(cpu_time(commands[i]))
    return samples


def median_ratio(s, base):
    return statistics.median([x / b for x, b in zip(s, base) if b > 0])


def min_ratio(s, base):
    return min(s) / min(base) if min(base) > 0 else 0.0


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build", default=os.path.join(ROOT, "build", "llvm-19"))
    p.add_argument("--tidy", help="the logstream-tidy binary (default: the build's)")
    p.add_argument("--llvm", default="19")
    p.add_argument("--clang", help="the clang to parse with (default /usr/lib/llvm-N/bin/clang)")
    p.add_argument("--repeat", type=int, help="rounds per file (default 5; --quick %d)"
                   % QUICK_REPEAT)
    p.add_argument("--per-check", action="store_true", help="also each logstream check alone")
    p.add_argument("--upstream", default=None,
                   help="the cheap upstream check to compare with (default %s; '' for none; "
                   "--gate and --quick: none)" % UPSTREAM)
    p.add_argument("--compare", metavar="TIDY",
                   help="another logstream-tidy (a build before a change): its checks/parse too")
    p.add_argument("--gate", type=float,
                   help="exit 1 when a file's checks/parse (min ratio) exceeds this")
    p.add_argument("--quick", action="store_true",
                   help="the test suite's gate: --gate %.2f --repeat %d on the largest "
                   "real-header test the LLVM major runs" % (QUICK_GATE, QUICK_REPEAT))
    p.add_argument("--report", action="store_true",
                   help="with --quick: measure and print, but do not fail on the ratio "
                   "(the test suite's mode: a timed assertion fails with the machine's "
                   "load, not with the code)")
    p.add_argument("--instructions", action="store_true",
                   help="count instructions under valgrind's callgrind (one run per "
                   "command, deterministic) instead of CPU time")
    p.add_argument("files", nargs="*")
    a = p.parse_args()
    if a.report and not a.quick:
        fail("--report goes with --quick")
    if a.instructions and a.repeat not in (None, 1):
        fail("--instructions counts once per command (an instruction count does not vary)")
    if a.quick:
        a.gate = QUICK_GATE if a.gate is None else a.gate
        a.repeat = a.repeat or QUICK_REPEAT
        if not a.files:
            if a.instructions:
                a.files = [INSTRUCTIONS_QUICK_FILE]
            else:
                a.files = [next((f for f in QUICK_FILES if runs_on(f, a.llvm)),
                                QUICK_FILES[-1])]
    if a.instructions:
        a.repeat = 1
    repeat = a.repeat or 5
    if repeat < 1:
        fail("--repeat must be at least 1")
    tidy = a.tidy or os.path.join(a.build, "bin", "logstream-tidy")
    clang = a.clang or "/usr/lib/llvm-%s/bin/clang" % a.llvm
    if not os.access(tidy, os.X_OK):
        fail("%s not built (./build.sh test --llvm %s)" % (tidy, a.llvm))
    if not os.access(clang, os.X_OK):
        fail("no clang at %s (--clang)" % clang)
    if a.compare and not os.access(a.compare, os.X_OK):
        fail("--compare: %s is not an executable" % a.compare)
    files = a.files or (sorted(glob.glob(os.path.join(ROOT, "examples", "src", "*.cpp")) +
                               glob.glob(os.path.join(ROOT, "test", "real-headers", "*.c*")))
                        + [C_SERVER])
    generated = tempfile.TemporaryDirectory(prefix="check-cost-")
    if C_SERVER in files:
        # The user-heavy input, written for this run (bench/make_c_server.py).
        server = os.path.join(generated.name, "c-server.c")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "make_c_server.py"), server],
                       check=True)
        files = [server if f == C_SERVER else f for f in files]

    def shown(f):
        return C_SERVER if os.path.dirname(f) == generated.name else os.path.relpath(f, ROOT)
    for f in files:
        if not os.path.isfile(f):
            fail("no such file: %s" % f)
    upstream = a.upstream if a.upstream is not None else ("" if a.gate is not None else UPSTREAM)
    per = CHECKS if a.per_check else []
    columns = ["checks"] + (["before"] if a.compare else []) + (["upstream"] if upstream else [])
    if a.instructions:
        print("Instructions (callgrind Ir, one run per command); each ratio over the parse")
        print("%-46s %14s" % ("file", "parse Ir") + "".join(" %8s" % c for c in columns)
              + "".join(" %8s" % c[len("logstream-"):][:8] for c in per))
    else:
        print("CPU time (user+sys), %d interleaved rounds per file; each ratio over the parse as "
              "'median of paired ratios / ratio of minima'" % repeat)
        print("%-46s %8s" % ("file", "parse s") + "".join(" %15s" % c for c in columns)
              + "".join(" %15s" % c[len("logstream-"):][:15] for c in per))
    worst = {c: (0.0, 0.0) for c in columns}
    failed = []
    for f in files:
        flags = flags_for(f)
        lang = ["-x", "c++"] if f.endswith(".cpp") else ["-x", "c"]

        def tidy_cmd(checks, binary=tidy):
            return [binary, "--checks=-*," + checks, "--quiet", f, "--"] + lang + flags

        commands = [[clang, "-fsyntax-only"] + lang + flags + [f], tidy_cmd("logstream-*")]
        if a.compare:
            commands.append(tidy_cmd("logstream-*", a.compare))
        if upstream:
            commands.append(tidy_cmd(upstream))
        commands += [tidy_cmd(c) for c in per]
        if a.instructions:
            counts = [instructions(c) for c in commands]
            base = counts[0]
            ratios = [c / base for c in counts[1:]]
            for c, r in zip(columns, ratios):
                worst[c] = (max(worst[c][0], r), max(worst[c][1], r))
            print("%-46s %14d" % (shown(f)[-46:], base)
                  + "".join(" %7.3fx" % r for r in ratios), flush=True)
            if a.gate is not None and not a.report and ratios[0] > a.gate:
                failed.append((f, ratios[0]))
            continue
        samples = interleaved(commands, repeat)
        base = samples[0]
        ratios = [(median_ratio(s, base), min_ratio(s, base)) for s in samples[1:]]
        for c, r in zip(columns, ratios):
            worst[c] = (max(worst[c][0], r[0]), max(worst[c][1], r[1]))
        print("%-46s %8.3f" % (shown(f)[-46:], min(base))
              + "".join("  %6.3fx/%6.3fx" % r for r in ratios), flush=True)
        if a.gate is not None and not a.report and ratios[0][1] > a.gate:
            failed.append((f, ratios[0][1]))
    print()
    for c in columns:
        what = {"checks": "every logstream check", "before": "every check, " + str(a.compare),
                "upstream": upstream + " alone"}[c]
        if a.instructions:
            print("largest %s/parse = %.3f instructions (%s)" % (c, worst[c][0], what))
        else:
            print("largest %s/parse = %.3f median, %.3f min (%s)"
                  % (c, worst[c][0], worst[c][1], what))
    if a.gate is not None:
        how = ("instructions" if a.instructions
               else "ratio of minima, %d rounds" % repeat)
        for f, r in failed:
            print("FAIL: %s: checks/parse %.3f (%s) > %.2f"
                  % (shown(f), r, how, a.gate))
        if failed:
            sys.exit(1)
        if a.report:
            print("report only: the gate (checks/parse <= %.2f) is not applied" % a.gate)
        else:
            print("ok: checks/parse <= %.2f (%s)" % (a.gate, how))


if __name__ == "__main__":
    main()
