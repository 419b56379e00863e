#!/usr/bin/env python3
"""Prints what the logstream checks cost next to parsing itself.

For each input file it times, as the median of --repeat runs:
  parse   clang -fsyntax-only (the compiler's own parse and semantic analysis)
  tidy    logstream-tidy with every logstream-* check enabled (parse included)
and reads clang-tidy's own per-check profile (--enable-check-profile): the
time spent in each check's matchers and callbacks. It prints, per file and
in total, tidy/parse and checks/parse: the share the checks add to a parse.
Python standard library only.

  bench/check_cost.py --build build/llvm-19 [--llvm 19] [--repeat 5] [files...]

With no files, it uses the bundled examples/ and the real-header tests.
"""

import argparse
import glob
import os
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(cmd, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              universal_newlines=True)
        samples.append(time.perf_counter() - start)
        if proc.returncode not in (0, 1):
            sys.exit("bench: command failed: %s\n%s" % (" ".join(cmd), proc.stderr))
    return statistics.median(samples)


def flags_for(path, llvm):
    flags = ["-std=c++17"] if path.endswith(".cpp") else ["-std=c11"]
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    if "spdlog" in text:
        flags += ["-DSPDLOG_FMT_EXTERNAL", "-DSPDLOG_COMPILED_LIB"]
    if "boost/" in text:
        if llvm != "19":
            return None
        flags += ["-Wno-enum-constexpr-conversion"]
    flags += ["-I", os.path.join(ROOT, "examples", "src"), "-I", os.path.join(ROOT, "include")]
    return flags


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build", default=os.path.join(ROOT, "build", "llvm-19"))
    p.add_argument("--llvm", default="19")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("files", nargs="*")
    a = p.parse_args()
    tidy = os.path.join(a.build, "bin", "logstream-tidy")
    clang = "/usr/lib/llvm-%s/bin/clang" % a.llvm
    if not os.access(tidy, os.X_OK):
        sys.exit("bench: %s not built (./build.sh test --llvm %s)" % (tidy, a.llvm))
    files = a.files or sorted(glob.glob(os.path.join(ROOT, "examples", "src", "*.cpp")) +
                              glob.glob(os.path.join(ROOT, "test", "real-headers", "*.cpp")))
    total = {"parse": 0.0, "tidy": 0.0}
    profile = {}
    print("%-44s %8s %8s %9s %8s" % ("file", "parse s", "tidy s", "checks s", "checks"))
    for f in files:
        flags = flags_for(f, a.llvm)
        if flags is None:
            continue
        lang = ["-x", "c++"] if f.endswith(".cpp") else ["-x", "c"]
        parse = timed([clang, "-fsyntax-only"] + lang + flags + [f], a.repeat)
        run = timed([tidy, "--checks=-*,logstream-*", "--quiet", f, "--"] + flags, a.repeat)
        total["parse"] += parse
        total["tidy"] += run
        file_checks = 0.0
        out = subprocess.run([tidy, "--checks=-*,logstream-*", "--enable-check-profile", "--quiet",
                              f, "--"] + flags, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             universal_newlines=True).stderr
        for m in re.finditer(r"^\s*([0-9.]+)\s*\([^)]*\)\s+[0-9.]+\s*\([^)]*\)\s+[0-9.]+\s*\([^)]*\)\s+"
                             r"([0-9.]+)\s*\([^)]*\)\s+(logstream-[a-z-]+)", out, re.M):
            profile[m.group(3)] = profile.get(m.group(3), 0.0) + float(m.group(2))
            file_checks += float(m.group(2))
        print("%-44s %8.3f %8.3f %9.4f %7.2f%%" % (
            os.path.relpath(f, ROOT)[-44:], parse, run, file_checks,
            100.0 * file_checks / parse if parse else 0.0))
    print()
    print("total: parse %.3f s, logstream-tidy %.3f s" % (total["parse"], total["tidy"]))
    print("ratio tidy/parse = %.2f" % (total["tidy"] / total["parse"]))
    print("ratio checks/parse = %.4f" % (sum(profile.values()) / total["parse"]))
    for name, secs in sorted(profile.items()):
        print("profile %-34s %.4f s wall = %.2f%% of parse" % (name, secs, 100.0 * secs / total["parse"]))


if __name__ == "__main__":
    main()
