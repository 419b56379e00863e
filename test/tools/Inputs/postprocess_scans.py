#!/usr/bin/env python3
"""postprocess_scans.py LOGSTREAM_CI N: feeds logstream-ci's post-processing
N findings in one generated file (one per function) and prints how often the
file was read and brace-scanned, and whether every finding's line, column and
enclosing function agree with a direct per-finding computation (the reference
the runner used to repeat for every finding, which made it quadratic)."""
import os
import re
import sys
import tempfile

# The package of the logstream-ci given: next to it in a checkout
# (tools/logstream-ci/), in share/logstream-tidy/ of a build or installation.
HERE = os.path.dirname(os.path.realpath(sys.argv[1]))
sys.path[:0] = [HERE, os.path.join(HERE, "..", "share", "logstream-tidy")]
from logstream_ci import findings as ci_findings, inputs as ci_inputs  # noqa: E402
n = int(sys.argv[2])

counts = {"texts": 0, "scans": 0}
init, scan = ci_inputs.FileText.__init__, ci_inputs.FileText._scan_functions


def counting_init(self, data):
    counts["texts"] += 1
    init(self, data)


def counting_scan(self):
    counts["scans"] += 1
    return scan(self)


ci_inputs.FileText.__init__, ci_inputs.FileText._scan_functions = counting_init, counting_scan


def reference(data, offset):
    """Line, byte column and enclosing function of `offset`, from scratch."""
    line = data.count(b"\n", 0, offset) + 1
    col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    depth, heads, name = 0, [], ""
    for text in data.decode().split("\n")[:line]:
        code = re.sub(r'//.*|"(\\.|[^"\\])*"|\'(\\.|[^\'\\])*\'', "", text)
        m = re.search(r"([A-Za-z_~][A-Za-z_0-9:~]*)\s*\([^;]*$", code)
        if m and depth <= 1:
            name = m.group(1)
        for ch in code:
            if ch == "{":
                heads.append(name if depth == 0 or not heads else heads[-1])
                depth += 1
            elif ch == "}" and depth > 0:
                depth -= 1
                heads.pop()
    return line, col, heads[-1] if heads else ""


with tempfile.TemporaryDirectory() as d:
    path = os.path.realpath(os.path.join(d, "big.cpp"))
    parts, offsets = ["#include <cstdio>\n"], []
    for i in range(n):
        parts.append("void f%d(const char *dir) {\n  if (dir) {\n    std::FILE *f = " % i)
        offsets.append(sum(len(p) for p in parts))
        parts.append("std::fopen(\"f%d.log\", \"a\"); // {\n    std::fclose(f);\n  }\n}\n" % i)
    data = "".join(parts).encode()
    with open(path, "wb") as f:
        f.write(data)
    diags = [{"DiagnosticName": "logstream-log-file-sink", "Level": "Warning",
              "DiagnosticMessage": {"Message": "m", "FilePath": path, "FileOffset": o,
                                    "Replacements": []}} for o in offsets]
    sources = ci_inputs.Sources()
    findings = ci_findings.postprocess(diags, sources, d, None, False, set())
    text = sources.text(path)
    sample = findings[:: max(1, n // 40)]
    agree = all((f.line, f.column, text.function_at(f.line)) == reference(data, f.offset)
                for f in sample)
    print("findings: %d texts: %d scans: %d sampled: %d agree: %s"
          % (len(findings), counts["texts"], counts["scans"], len(sample), agree))
