#!/usr/bin/env python3
"""Writes a small C++ project with a compile_commands.json into a directory.

  make_project.py DIR [--broken] [--units N] [--clean] [--unicode]

The project has a header included by two translation units (so that the
same finding and the same fix-it arrive from both), a file with a log-file
sink, a file with a NOLINT'ed sink, and with --broken a file that does not
compile. With --unicode, one file whose name has a space and non-ASCII
letters, with multi-byte characters before a finding on its line. With
--secrets, one file whose records write a password and format an untrusted
user name into a SECURITY line.
"""
import json
import os
import sys

d = os.path.abspath(sys.argv[1])
args = sys.argv[2:]
os.makedirs(os.path.join(d, "src"), exist_ok=True)
files = {
    "src/log_setup.h": (
        "#pragma once\n"
        "#include <cstdio>\n"
        "inline FILE *open_event_log() {\n"
        "  FILE *log = std::fopen(\"service.log\", \"a\");\n"
        "  std::fputs(\"started\\n\", log);\n"
        "  return nullptr;\n"
        "}\n"),
    "src/a.cpp": '#include "log_setup.h"\nvoid a() { open_event_log(); }\n',
    "src/b.cpp": '#include "log_setup.h"\nvoid b() { open_event_log(); }\n',
    "src/sink.cpp": (
        "#include <fstream>\n"
        "void write_audit() {\n"
        "  std::ofstream audit(\"audit.log\");\n"
        "  audit << \"x\";\n"
        "  audit.close();\n"
        "}\n"),
    "src/quiet.cpp": (
        "#include <cstdio>\n"
        "void quiet() {\n"
        "  std::FILE *f = std::fopen(\"debug.log\", \"w\"); // NOLINT(logstream-log-file-sink)\n"
        "  std::fclose(f);\n"
        "}\n"),
}
if "--clean" in args:
    files = {"src/clean.cpp": "int clean() { return 0; }\n"}
if "--unicode" in args:
    files = {"src/\u00fcn\u00ef code.cpp": (
        "#include <cstdio>\n"
        "void f() { /* h\u00e9llo \u2192 w\u00f6rld */ std::FILE *f = std::fopen(\"x.log\", \"w\"); "
        "std::fclose(f); }\n")}
if "--secrets" in args:
    files = {"src/login.cpp": (
        "#include <cstdio>\n"
        "void login_failed(const char *user, const char *password) {\n"
        "  std::printf(\"login of %s failed with %s\\n\", user, password);\n"
        "  std::printf(\"SECURITY authn_login_fail user=%s\\n\", user);\n"
        "}\n")}
if "--broken" in args:
    files["src/broken.cpp"] = "void broken( {\n"
units = int(args[args.index("--units") + 1]) if "--units" in args else 0
for i in range(units):
    files["src/gen%03d.cpp" % i] = (
        "#include <cstdio>\n#include <string>\n"
        "void gen%d(const std::string &dir) {\n"
        "  std::FILE *f = std::fopen((dir + \"/gen%d.log\").c_str(), \"a\");\n"
        "  std::fclose(f);\n}\n" % (i, i))
for name, text in files.items():
    with open(os.path.join(d, name), "w", encoding="utf-8") as f:
        f.write(text)
db = [{"directory": d, "file": os.path.join(d, n),
       "arguments": ["c++", "-std=c++17", "-c", os.path.join(d, n)]}
      for n in sorted(files) if n.endswith(".cpp")]
with open(os.path.join(d, "compile_commands.json"), "w") as f:
    json.dump(db, f, indent=1)
