"""Reads `clang-tidy --dump-config` and prints it with CheckOptions as a
mapping (`  name: value`), the form clang-tidy 15 and later print; clang-tidy
14 prints a list of `- key:` / `value:` pairs. Everything else is unchanged,
so one set of CHECK lines serves every LLVM major."""
import re
import sys

text = sys.stdin.read()
text = re.sub(r"^(\s*)- key:\s*(\S+)\n\s*value:\s*(.*)$", r"\1\2: \3", text,
              flags=re.M)
sys.stdout.write(text)
