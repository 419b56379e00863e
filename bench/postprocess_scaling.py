#!/usr/bin/env python3
"""Prints how logstream-ci's post-processing scales with the number of findings.

Generates one C++ file with N log-file sinks (one per function, three lines
apart) and feeds logstream-ci the N diagnostics logstream-tidy reports for it,
then times what the runner does after logstream-tidy has run: positions,
de-duplication, fingerprints (line text and enclosing function), the text and
SARIF reports (code-point columns) and the fix-it export. Prints the time for
1,000 and 10,000 findings and their ratio: 10 is linear, 100 quadratic.
Standard library and python3-yaml only (what logstream-ci itself needs).

  bench/postprocess_scaling.py [--ci build/llvm-19/bin/logstream-ci] [--small 1000] [--large 10000]
"""
import argparse
import importlib
import os
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load(path):
    """The logstream_ci package of the logstream-ci at `path` (a checkout's
    tools/logstream-ci/logstream-ci.py or a build's bin/logstream-ci)."""
    here = os.path.dirname(os.path.realpath(path))
    for candidate in (here, os.path.join(here, "..", "share", "logstream-tidy")):
        if os.path.isdir(os.path.join(candidate, "logstream_ci")):
            sys.path.insert(0, candidate)
            break
    return {m: importlib.import_module("logstream_ci." + m)
            for m in ("inputs", "findings", "reports", "fixes")}, here


def project(d, n):
    path = os.path.realpath(os.path.join(d, "big%d.cpp" % n))
    parts, diags, size = ["#include <cstdio>\n"], [], 18
    for i in range(n):
        head = "void f%d(const char *dir) {\n  std::FILE *f = /* é */ " % i
        call = "std::fopen(\"f%d.log\", \"a\");" % i
        diags.append({"DiagnosticName": "logstream-log-file-sink", "Level": "Warning",
                      "DiagnosticMessage": {
                          "Message": "'fopen' writes log events to file", "FilePath": path,
                          "FileOffset": size + len(head.encode()),
                          "Replacements": [{"FilePath": path, "Offset": size + len(head.encode()),
                                            "Length": len(call) - 1, "ReplacementText": "stdout"}]}})
        text = head + call + "\n  std::fclose(f);\n}\n"
        parts.append(text)
        size += len(text.encode())
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(parts))
    return diags


def measure(ci, d, n):
    mods, tool_dir = ci
    diags = project(d, n)
    start = time.perf_counter()
    sources = mods["inputs"].Sources()
    findings = mods["findings"].postprocess(diags, sources, d, None, False, set())
    report = mods["reports"].Report(findings, [], d, 1, sources, tool_dir)
    mods["reports"].report_text(report)
    mods["reports"].report_sarif(report)
    mods["fixes"].export_fixes_document(findings)
    return time.perf_counter() - start, len(findings)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--ci", default=os.path.join(ROOT, "tools", "logstream-ci", "logstream-ci.py"))
    p.add_argument("--small", type=int, default=1000)
    p.add_argument("--large", type=int, default=10000)
    a = p.parse_args()
    ci = load(a.ci)
    with tempfile.TemporaryDirectory(prefix="logstream-bench-") as d:
        small, n_small = measure(ci, d, a.small)
        large, n_large = measure(ci, d, a.large)
    if (n_small, n_large) != (a.small, a.large):
        sys.exit("bench: expected %d and %d findings, got %d and %d"
                 % (a.small, a.large, n_small, n_large))
    print("post-processing %6d findings: %.2f s" % (a.small, small))
    print("post-processing %6d findings: %.2f s" % (a.large, large))
    print("ratio %d/%d: %.1f (linear: %.0f, quadratic: %.0f)"
          % (a.large, a.small, large / small, a.large / a.small, (a.large / a.small) ** 2))


if __name__ == "__main__":
    main()
