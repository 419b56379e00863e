#!/usr/bin/env python3
"""Runs one logstream check on a test source and verifies what it says and fixes.

Usage (from a lit RUN line, through the %check_logstream_tidy substitution):

  check_logstream_tidy.py [options] <input> <check-name> <temp-file> \
      [-- <extra clang-tidy args> [-- <compiler args>]]

Steps, for every standard given with -std (or the language default):
  1. copy <input> to <temp-file>, blanking every `CHECK-*:` comment in place
     so that line numbers do not move;
  2. run the tidy command (standalone binary or clang-tidy --load=plugin,
     given with --tidy) with -fix and only <check-name> enabled; a crash
     (a signal, a stack dump, an assertion) fails the test whatever else
     the output says;
  3. FileCheck the diagnostics against CHECK-MESSAGES[-SUFFIX] (warnings and
     errors not expected are failures) and CHECK-NOTES[-SUFFIX] (notes too);
  4. FileCheck the fixed file against CHECK-FIXES[-SUFFIX];
  5. run -fix a second time on the fixed file: fix-its must be idempotent,
     a second run that changes the file fails the test;
  6. compile the fixed file with clang -fsyntax-only and the test's compiler
     arguments: a fix-it that breaks the build fails the test.

Python standard library only.
"""

import argparse
import os
import re
import shlex
import subprocess
import sys

CHECK_COMMENT = re.compile(r"//\s*CHECK-[A-Z0-9-]*:[^\r\n]*")


def fail(message, output=None):
    sys.stderr.write("check_logstream_tidy: error: " + message + "\n")
    if output:
        sys.stderr.write("------ output ------\n" + output + "\n--------------------\n")
    sys.exit(1)


def run(cmd, expect_ok=True):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True)
    return proc.returncode, proc.stdout, proc.stderr


CRASH_MARKERS = ("Stack dump:", "PLEASE submit a bug report", "Assertion `",
                 "LLVM ERROR:", "UNREACHABLE executed")


def fail_on_crash(rc, out, err, cmd):
    """A crashed tool fails the test even when the expected output appeared."""
    signal_exit = rc < 0 or rc >= 128
    marker = next((m for m in CRASH_MARKERS if m in out or m in err), None)
    if signal_exit or marker:
        fail("the tool crashed (exit %d%s): %s" % (
            rc, ", '%s'" % marker if marker else "",
            " ".join(shlex.quote(c) for c in cmd)), out + err)


def has_prefix(text, prefix):
    """Whether any FileCheck directive of `prefix` (also -NOT, -NEXT, ...) is used."""
    return re.search(r"\b" + re.escape(prefix) + r"(-NOT|-NEXT|-SAME|-DAG|-EMPTY|-LABEL)?\s*:",
                     text) is not None


def filecheck(args, input_text_file, check_file, prefixes, extra=()):
    cmd = [args.filecheck, "-input-file=" + input_text_file, check_file,
           "-check-prefixes=" + ",".join(prefixes), "-dump-input=fail"]
    cmd += list(extra)
    rc, out, err = run(cmd)
    if rc != 0:
        fail("FileCheck " + ",".join(prefixes) + " failed:\n" + err + out)


def split_args(rest):
    """Splits `-- tidy args -- compiler args` that follow the positionals."""
    tidy_extra, compiler = [], []
    if rest and rest[0] == "--":
        rest = rest[1:]
    if "--" in rest:
        i = rest.index("--")
        tidy_extra, compiler = rest[:i], rest[i + 1:]
    else:
        tidy_extra = rest
    return tidy_extra, compiler


def config_for_major(config, major):
    """clang-tidy 14 reads CheckOptions only as a list of {key, value} (the
    mapping form `{CheckOptions: {name: value}}` came with LLVM 15): rewrite
    the mapping form for it, unchanged otherwise."""
    if not major or major >= 15:
        return config
    import yaml
    parsed = yaml.safe_load(config)
    options = parsed.get("CheckOptions") if isinstance(parsed, dict) else None
    if not isinstance(options, dict):
        return config
    def text(value):
        if isinstance(value, bool):
            return "true" if value else "false"
        return "" if value is None else str(value)
    parsed["CheckOptions"] = [{"key": k, "value": text(v)} for k, v in options.items()]
    return yaml.safe_dump(parsed, default_flow_style=True, width=1 << 20).strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tidy", required=True,
                        help="the tidy command (shell-quoted), e.g. "
                        "'clang-tidy-19 --load=LogstreamTidy.so'")
    parser.add_argument("--clang", required=True, help="clang used to compile fixed files")
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("-check-suffix", "-check-suffixes", dest="suffixes", default="",
                        help="comma-separated FileCheck prefix suffixes")
    parser.add_argument("-std", dest="stds", default="",
                        help="comma-separated list of standards to test, e.g. c++17,c++20")
    parser.add_argument("--llvm-major", type=int, default=0,
                        help="LLVM major of --tidy (the config syntax differs before 15)")
    parser.add_argument("-config", dest="config", default=None,
                        help="clang-tidy --config value (YAML/JSON)")
    parser.add_argument("-expect-clang-tidy-error", action="store_true",
                        help="the input does not compile; do not compile the fixed file")
    parser.add_argument("-no-compile-fixed", action="store_true",
                        help="skip the compile step (only for inputs that cannot "
                        "be compiled on their own, e.g. mock-only declarations)")
    parser.add_argument("input")
    parser.add_argument("check")
    parser.add_argument("temp")
    argv = sys.argv[1:]
    rest = []
    if "--" in argv:
        i = argv.index("--")
        argv, rest = argv[:i], argv[i:]
    args = parser.parse_args(argv)
    tidy_extra, compiler_args = split_args(rest)

    try:
        with open(args.input, encoding="utf-8") as f:
            source = f.read()
    except OSError as e:
        fail("cannot read input: %s" % e)

    is_c = args.input.endswith(".c")
    suffixes = [s for s in args.suffixes.split(",") if s] if args.suffixes else [""]
    stds = [s for s in args.stds.split(",") if s] or [None]

    for std in stds:
        for suffix in suffixes:
            check_one(args, source, is_c, std, suffix, tidy_extra, compiler_args)


def check_one(args, source, is_c, std, suffix, tidy_extra, compiler_args):
    tag = ("-" + suffix) if suffix else ""
    prefixes = {k: "CHECK-%s%s" % (k, tag) for k in ("MESSAGES", "NOTES", "FIXES")}
    present = {k: has_prefix(source, p) for k, p in prefixes.items()}
    if present["MESSAGES"] and present["NOTES"]:
        fail("use either CHECK-MESSAGES or CHECK-NOTES, not both")

    # The temporary keeps the input's extension: clang picks the language by it.
    parts = [args.temp] + ([std.replace("+", "x")] if std else []) + ([suffix] if suffix else [])
    temp = ".".join(parts) + os.path.splitext(args.input)[1]
    cleaned = CHECK_COMMENT.sub("//", source)
    with open(temp, "w", encoding="utf-8") as f:
        f.write(cleaned)

    lang = ["-std=" + std] if std else []
    # "The language default" is clang 16's and later's gnu++17; clang 14 and
    # 15 default to gnu++14, which the runtime header's C++ interface (and
    # the tests' C++17 code) does not compile as.
    if not std and not is_c and 0 < args.llvm_major < 16 and \
            not any(a.startswith("-std=") for a in compiler_args):
        lang = ["-std=gnu++17"]
    flags = lang + compiler_args
    tidy = shlex.split(args.tidy)
    cmd = tidy + [temp, "-fix", "--checks=-*," + args.check, "--quiet"]
    if args.config is not None:
        cmd.append("--config=" + config_for_major(args.config, args.llvm_major))
    cmd += tidy_extra + ["--"] + flags

    rc, out, err = run(cmd)
    fail_on_crash(rc, out, err, cmd)
    if args.expect_clang_tidy_error:
        if rc == 0:
            fail("clang-tidy was expected to fail but exited 0", out + err)
    elif rc != 0:
        fail("clang-tidy failed (exit %d): %s" % (rc, " ".join(shlex.quote(c) for c in cmd)),
             out + err)

    msg_file = temp + ".msg"
    # clang-tidy's "FIX-IT applied" notes say nothing about the check.
    out = "".join(l for l in out.splitlines(True)
                  if "note: FIX-IT applied suggested code changes" not in l
                  and "note: FIX-IT detected conflicting code change" not in l)
    with open(msg_file, "w", encoding="utf-8") as f:
        f.write(out)

    if present["MESSAGES"]:
        filecheck(args, msg_file, args.input, [prefixes["MESSAGES"]],
                  ["-implicit-check-not={{warning|error}}:"])
    elif present["NOTES"]:
        filecheck(args, msg_file, args.input, [prefixes["NOTES"]],
                  ["-implicit-check-not={{note|warning|error}}:"])
    elif re.search(r"\b(warning|error):", out):
        fail("diagnostics emitted but the test has no %s lines" % prefixes["MESSAGES"], out)

    if present["FIXES"]:
        filecheck(args, temp, args.input, [prefixes["FIXES"]], ["-strict-whitespace"])
    elif not args.expect_clang_tidy_error:
        # Without CHECK-FIXES the file must come back unchanged.
        with open(temp, encoding="utf-8") as f:
            if f.read() != cleaned:
                fail("the check changed the file but the test has no %s lines"
                     % prefixes["FIXES"])

    if not args.expect_clang_tidy_error:
        check_idempotent(temp, cmd)

    if args.expect_clang_tidy_error or args.no_compile_fixed:
        return
    compile_cmd = [args.clang, "-fsyntax-only", "-Werror=implicit-function-declaration"]
    compile_cmd += ["-x", "c" if is_c else "c++"] + flags + [temp]
    rc, out, err = run(compile_cmd)
    if rc != 0:
        fail("the fixed file does not compile: " + " ".join(shlex.quote(c) for c in compile_cmd),
             out + err)


def check_idempotent(temp, cmd):
    """A second -fix run over the fixed file must leave it as it is."""
    with open(temp, encoding="utf-8") as f:
        first = f.read()
    rc, out, err = run(cmd)
    fail_on_crash(rc, out, err, cmd)
    with open(temp, encoding="utf-8") as f:
        second = f.read()
    if second != first:
        import difflib
        diff = "".join(difflib.unified_diff(first.splitlines(True), second.splitlines(True),
                                            "after the first -fix", "after the second -fix"))
        fail("fix-its are not idempotent: a second -fix run changed the file", diff)


if __name__ == "__main__":
    main()
