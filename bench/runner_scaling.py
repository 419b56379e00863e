#!/usr/bin/env python3
"""Prints how logstream-ci scales on a generated project: -jN over -j1, cold
over warm cache, one edited file, sharded-and-merged against unsharded.

Generates a project of --units translation units (default 200; each includes
<cstdio>, <string> and has a log-file sink), then times (wall clock; the
machine should be otherwise idle for the -j ratio to mean anything):
  parse-j1     clang -fsyntax-only on every file, one after another
  cold-j1      logstream-ci -j1, empty cache
  cold-jN      logstream-ci -jN, N = --jobs (default: number of cores), empty cache
  warm-jN      logstream-ci -jN again, nothing changed
  edit-jN      logstream-ci -jN after one .cpp changed
  shards       logstream-ci --shard K/S -jN for K = 1..S (S = --shards, default 2),
               each with its own empty cache, then `logstream-ci merge`
Each logstream-ci run prints its own profile (LOGSTREAM_CI_PROFILE=1: set-up,
configuration, analysis, reports; driver and logstream-tidy CPU time). The
summary puts every ratio side by side, and whether the reports (-j1, -jN,
warm, merged shards) are byte-identical. Standard library only.

  bench/runner_scaling.py --build build/llvm-19 [--llvm 19] [--units 200] [--jobs N] [--shards 2]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def wall(cmd, cwd, env=None, show=None):
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          universal_newlines=True, env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit("bench: %s failed (%d): %s" % (" ".join(cmd), proc.returncode, proc.stderr[-2000:]))
    if show:
        for line in proc.stderr.splitlines():
            if "profile:" in line or "cache:" in line:
                print("  %-10s %s" % (show, line.replace("logstream-ci: ", "")))
    return elapsed


def read(path):
    with open(path, "rb") as f:
        return f.read()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build", default=os.path.join(ROOT, "build", "llvm-19"))
    p.add_argument("--llvm", default="19")
    p.add_argument("--units", type=int, default=200)
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    p.add_argument("--shards", type=int, default=2)
    a = p.parse_args()
    ci = os.path.join(os.path.abspath(a.build), "bin", "logstream-ci")
    clang = "/usr/lib/llvm-%s/bin/clang++" % a.llvm
    env = dict(os.environ, LOGSTREAM_CI_PROFILE="1", LOGSTREAM_CI_CACHE_STATS="1")
    jn = "-j%d" % a.jobs
    t = {}
    with tempfile.TemporaryDirectory(prefix="logstream-bench-") as d:
        subprocess.run([sys.executable, os.path.join(ROOT, "test", "tools", "Inputs", "make_project.py"),
                        d, "--units", str(a.units)], check=True)
        with open(os.path.join(d, "compile_commands.json")) as f:
            files = [e["file"] for e in json.load(f)]
        out = lambda name: ["--format", "json", "--output", os.path.join(d, name + ".json")]
        cache = lambda name: ["--cache-dir", os.path.join(d, "cache-" + name)]
        t["parse"] = sum(wall([clang, "-fsyntax-only", "-std=c++17", f], d) for f in files)
        t["cold1"] = wall([ci, "--quiet", "-j1"] + cache("j1") + out("cold1"), d, env, "cold-j1")
        t["coldn"] = wall([ci, "--quiet", jn] + cache("jn") + out("coldn"), d, env, "cold" + jn)
        t["warm"] = wall([ci, "--quiet", jn] + cache("jn") + out("warm"), d, env, "warm" + jn)
        edited = os.path.join(d, "src", "gen000.cpp")
        with open(edited, "a") as f:
            f.write("// edited\n")
        t["edit"] = wall([ci, "--quiet", jn] + cache("jn") + out("edit"), d, env, "edit" + jn)
        with open(edited) as f:
            text = f.read()
        with open(edited, "w") as f:
            f.write(text.replace("// edited\n", ""))
        shard_files, shard_times = [], []
        for k in range(1, a.shards + 1):
            shard_times.append(wall([ci, "--quiet", jn, "--shard", "%d/%d" % (k, a.shards)]
                                    + cache("shard%d" % k) + out("shard%d" % k), d, env,
                                    "shard%d/%d" % (k, a.shards)))
            shard_files.append(os.path.join(d, "shard%d.json" % k))
        t["merge"] = wall([ci, "merge", "--quiet"] + cache("merge") + shard_files
                          + ["--output", os.path.join(d, "merged.json")], d, env, "merge")
        same_j = read(os.path.join(d, "cold1.json")) == read(os.path.join(d, "coldn.json"))
        same_warm = read(os.path.join(d, "coldn.json")) == read(os.path.join(d, "warm.json"))
        same_merge = read(os.path.join(d, "coldn.json")) == read(os.path.join(d, "merged.json"))
    print()
    print("translation units:               %d" % len(files))
    print("parse only, one after another:   %.2f s" % t["parse"])
    print("logstream-ci -j1 / %-4s (cold):   %.2f s / %.2f s" % (jn, t["cold1"], t["coldn"]))
    print("logstream-ci %-4s warm / edited:  %.2f s / %.2f s" % (jn, t["warm"], t["edit"]))
    print("shards %s (%s each), merge:     %s s, %.2f s" % (
        a.shards, jn, " + ".join("%.2f" % x for x in shard_times), t["merge"]))
    print()
    print("ratio -j1/%-4s (cold)           = %.2f" % (jn, t["cold1"] / t["coldn"]))
    print("ratio cold/warm (%-4s)          = %.1f" % (jn, t["coldn"] / t["warm"]))
    print("ratio cold/one-edit (%-4s)      = %.1f" % (jn, t["coldn"] / t["edit"]))
    print("ratio logstream-ci -j1/parse    = %.2f" % (t["cold1"] / t["parse"]))
    print("ratio largest shard/unsharded   = %.2f (%d shards)" % (max(shard_times) / t["coldn"],
                                                                 a.shards))
    print("reports byte-identical: -j1 = %s: %s; warm = cold: %s; merged shards = unsharded: %s" % (
        jn, "yes" if same_j else "NO", "yes" if same_warm else "NO", "yes" if same_merge else "NO"))
    if not (same_j and same_warm and same_merge):
        sys.exit(1)


if __name__ == "__main__":
    main()
