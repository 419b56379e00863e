#!/usr/bin/env python3
"""lint/self-lint-exit: utils/self_lint.py tidy fails when a warning appears.

  self_lint_exit_test.py --clang-tidy clang-tidy-22

Builds three small trees laid out like ours (lib/, a compile database, the
repository's .clang-tidy) and runs `self_lint.py tidy --root` on each: a
clean file must give exit 0, a file with one naming warning of the
repository's configuration exit 1 with that warning printed, a file that
does not compile exit 1 with the compiler's error printed. Exit status 0 when all
three hold, 1 otherwise.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SELF_LINT = os.path.join(ROOT, "utils", "self_lint.py")

CLEAN = "static int twice(int Value) { return 2 * Value; }\nint main() { return twice(0); }\n"
# FunctionCase is camelBack in .clang-tidy (LLVM's naming).
NAMING = ("static int twice_value(int Value) { return 2 * Value; }\n"
          "int main() { return twice_value(0); }\n")
BROKEN = "int main() { return undeclared; }\n"

CASES = [
    # name, source, expected exit status, text the output must contain
    ("clean", CLEAN, 0, "0 warning(s)"),
    ("naming", NAMING, 1, "lib/Tool.cpp:1:12: warning: invalid case style for function "
                          "'twice_value' [readability-identifier-naming]"),
    ("broken", BROKEN, 1, "lib/Tool.cpp:1:21: error: use of undeclared identifier "
                          "'undeclared' [clang-diagnostic-error]"),
]


def run_case(clang_tidy, tmp, name, source):
    root = os.path.join(tmp, name)
    os.makedirs(os.path.join(root, "lib"))
    shutil.copy(os.path.join(ROOT, ".clang-tidy"), root)
    path = os.path.join(root, "lib", "Tool.cpp")
    with open(path, "w", encoding="utf-8") as f:
        f.write(source)
    with open(os.path.join(root, "compile_commands.json"), "w", encoding="utf-8") as f:
        json.dump([{"directory": root, "file": path,
                    "arguments": ["clang++", "-std=c++17", "-c", path]}], f)
    proc = subprocess.run([sys.executable, SELF_LINT, "tidy", "--root", root,
                           "--clang-tidy", clang_tidy, "-p", root, "-j", "1"],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True)
    return proc.returncode, proc.stdout


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--clang-tidy", required=True)
    a = p.parse_args()
    failures = 0
    with tempfile.TemporaryDirectory(prefix="self-lint-exit-") as tmp:
        for name, source, want_rc, want_text in CASES:
            rc, out = run_case(a.clang_tidy, tmp, name, source)
            ok = rc == want_rc and want_text in out
            print("%s: %s (exit %d, expected %d)" % (name, "ok" if ok else "FAILED", rc, want_rc))
            if not ok:
                failures += 1
                print("  expected in the output: %s\n  output:\n%s" % (want_text, out))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
