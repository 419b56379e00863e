#!/usr/bin/env python3
"""Prints what project facts cost in logstream-ci, next to parsing alone.

Generates a project of --units translation units (default 220) shaped like a
service that logs through its own helpers: a handful of library files (a file
helper, a logging function forwarding to vsyslog, a log-file opener, a
password check, a rotation helper) and modules that call them (every module
logs; some open reports, some check passwords, some rotate logs). Then, side
by side in one run, with the same -j:

  parse        clang -fsyntax-only on every unit (the compiler alone)
  ci-cold      logstream-ci with project facts, empty cache (check + extract
               in one parse per unit, merge, re-check of affected units)
  ci-nofacts   logstream-ci --no-facts (each unit on its own, as before)
  ci-warm      logstream-ci again, nothing changed
  ci-edit      logstream-ci after appending a comment to one module

and prints ci-cold/parse (the budget is 1.3), ci-cold/ci-nofacts, and how
many units each run extracted and re-checked. Standard library only.

  bench/facts_cost.py --build build/llvm-19 [--llvm 19] [--units 220] [--jobs 2]
                      [--skip-nofacts]
"""
import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

LIBRARY = {
    "lib/files.h": "#pragma once\n#include <stdio.h>\n"
                   "FILE *app_fopen(const char *path, const char *mode);\n",
    "lib/files.c": '#include "files.h"\n'
                   "FILE *app_fopen(const char *path, const char *mode) {\n"
                   "  FILE *fp = fopen(path, mode);\n  if (!fp) perror(path);\n  return fp;\n}\n",
    "lib/log.h": "#pragma once\nvoid log_msg(int prio, const char *fmt, ...);\n"
                 "void log_open(const char *dir);\n",
    "lib/log.c": '#include "log.h"\n#include "files.h"\n#include <stdarg.h>\n#include <syslog.h>\n'
                 "static FILE *g_out;\n"
                 "void log_open(const char *dir) {\n  char path[256];\n"
                 '  snprintf(path, sizeof path, "%s/service.log", dir);\n'
                 '  g_out = app_fopen(path, "a");\n}\n'
                 "void log_msg(int prio, const char *fmt, ...) {\n"
                 "  va_list ap;\n  va_start(ap, fmt);\n  vsyslog(prio, fmt, ap);\n  va_end(ap);\n}\n",
    "lib/auth.h": "#pragma once\nint password_matches(const char *user, const char *password);\n",
    "lib/auth.c": '#include "auth.h"\n#include <crypt.h>\n#include <string.h>\n'
                  "extern const char *lookup_hash(const char *user);\n"
                  "int password_matches(const char *user, const char *password) {\n"
                  "  const char *hash = lookup_hash(user);\n  if (!hash) return 0;\n"
                  "  return strcmp(crypt(password, hash), hash) == 0;\n}\n",
    "lib/rotate.h": "#pragma once\nvoid shift_backups(const char *path, int keep);\n",
    "lib/rotate.c": '#include "rotate.h"\n#include <stdio.h>\n'
                    "void shift_backups(const char *path, int keep) {\n"
                    "  char from[512], to[512];\n"
                    "  for (int i = keep - 1; i >= 1; --i) {\n"
                    '    snprintf(from, sizeof from, "%s.%d", path, i);\n'
                    '    snprintf(to, sizeof to, "%s.%d", path, i + 1);\n'
                    "    rename(from, to);\n  }\n}\n",
}


def module(i):
    lines = ['#include "auth.h"', '#include "files.h"', '#include "log.h"', '#include "rotate.h"',
             "#include <string>", "#include <vector>", "#include <syslog.h>", "",
             "namespace module%d {" % i,
             "int process(const std::vector<std::string> &items) {",
             "  int n = 0;",
             "  for (const std::string &item : items) {",
             "    if (item.empty()) continue;",
             '    log_msg(LOG_INFO, "item %s", item.c_str());',
             "    ++n;", "  }", "  return n;", "}"]
    if i % 10 == 0:
        lines += ["void report() {",
                  '  FILE *out = app_fopen("report%d.csv", "w");' % i,
                  "  if (out) fclose(out);", "}"]
    if i % 25 == 0:
        lines += ["int login(const char *user, const char *password) {",
                  "  if (!password_matches(user, password)) {",
                  '    log_msg(LOG_WARNING, "login failed");', "    return -1;", "  }",
                  "  return 0;", "}"]
    if i % 50 == 0:
        lines += ['void housekeeping() { shift_backups("/var/log/svc/module%d.log", 5); }' % i]
    lines += ["}  // namespace module%d" % i, ""]
    return "\n".join(lines)


def generate(d, units):
    files = dict(LIBRARY)
    for i in range(units):
        files["src/module%03d.cpp" % i] = module(i)
    for name, text in files.items():
        os.makedirs(os.path.join(d, os.path.dirname(name)), exist_ok=True)
        with open(os.path.join(d, name), "w") as f:
            f.write(text)
    db = []
    for name in sorted(files):
        if name.endswith(".c"):
            args = ["clang", "-std=gnu11", "-Ilib", "-c", name]
        elif name.endswith(".cpp"):
            args = ["clang++", "-std=c++17", "-Ilib", "-c", name]
        else:
            continue
        db.append({"directory": d, "file": os.path.join(d, name), "arguments": args})
    with open(os.path.join(d, "compile_commands.json"), "w") as f:
        json.dump(db, f, indent=1)
    return db


def timed(cmd, cwd, env=None):
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit("bench: %s failed (%d): %s" % (" ".join(cmd), proc.returncode, proc.stderr[-2000:]))
    return elapsed, proc.stdout, proc.stderr


def parse_all(db, clang, clangxx, jobs):
    def one(entry):
        args = list(entry["arguments"])
        compiler = clangxx if args[0] == "clang++" else clang
        cmd = [compiler, "-fsyntax-only"] + [a for a in args[1:] if a != "-c"]
        proc = subprocess.run(cmd, cwd=entry["directory"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, universal_newlines=True)
        if proc.returncode != 0:
            sys.exit("bench: parse failed: %s\n%s" % (" ".join(cmd), proc.stderr[-2000:]))
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(one, db))
    return time.perf_counter() - start


def stats(stderr):
    m = re.search(r"facts: (\d+) extracted, (\d+) from cache, (\d+) re-checked", stderr)
    return "extracted %s, from cache %s, re-checked %s" % m.groups() if m else "(no facts)"


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build", default=os.path.join(ROOT, "build", "llvm-19"))
    p.add_argument("--llvm", default="19")
    p.add_argument("--units", type=int, default=220)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--skip-nofacts", action="store_true",
                   help="do not time the --no-facts reference run")
    a = p.parse_args()
    ci = os.path.join(os.path.abspath(a.build), "bin", "logstream-ci")
    clang = "/usr/lib/llvm-%s/bin/clang" % a.llvm
    clangxx = "/usr/lib/llvm-%s/bin/clang++" % a.llvm
    for tool in (ci, clang, clangxx):
        if not os.access(tool, os.X_OK):
            sys.exit("bench: %s not found" % tool)
    env = dict(os.environ, LOGSTREAM_CI_FACTS_STATS="1")
    with tempfile.TemporaryDirectory(prefix="logstream-facts-bench-") as d:
        db = generate(d, a.units)
        j = "-j%d" % a.jobs
        # Warm the file cache once, so that the first timed run is not
        # charged for reading headers from disk.
        parse_all(db[:4], clang, clangxx, a.jobs)
        parse = parse_all(db, clang, clangxx, a.jobs)
        cold, cold_out, cold_err = timed([ci, "-p", d, j, "--quiet",
                                          "--facts-cache", os.path.join(d, "cache")], d, env)
        nofacts, nofacts_out = None, ""
        if not a.skip_nofacts:
            nofacts, nofacts_out, _ = timed([ci, "-p", d, j, "--quiet", "--no-facts"], d, env)
        warm, warm_out, warm_err = timed([ci, "-p", d, j, "--quiet",
                                          "--facts-cache", os.path.join(d, "cache")], d, env)
        with open(os.path.join(d, "src", "module007.cpp"), "a") as f:
            f.write("// edited\n")
        edit, edit_out, edit_err = timed([ci, "-p", d, j, "--quiet",
                                          "--facts-cache", os.path.join(d, "cache")], d, env)
    units = len(db)
    print("project facts cost: %d translation units, -j%d, LLVM %s" % (units, a.jobs, a.llvm))
    print("  %-11s %8.2f s" % ("parse", parse))
    print("  %-11s %8.2f s   %s" % ("ci-cold", cold, stats(cold_err)))
    if nofacts:
        print("  %-11s %8.2f s" % ("ci-nofacts", nofacts))
    print("  %-11s %8.2f s   %s" % ("ci-warm", warm, stats(warm_err)))
    print("  %-11s %8.2f s   %s" % ("ci-edit", edit, stats(edit_err)))
    print("findings: cold %d, warm %d, after the edit %d%s" % (
        cold_out.count("warning:"), warm_out.count("warning:"), edit_out.count("warning:"),
        ", no facts %d" % nofacts_out.count("warning:") if nofacts else ""))
    print("ratio ci-cold/parse      %.2f  (budget 1.30)" % (cold / parse))
    if nofacts:
        print("ratio ci-cold/ci-nofacts %.2f" % (cold / nofacts))
    print("ratio ci-edit/parse      %.2f" % (edit / parse))


if __name__ == "__main__":
    main()
