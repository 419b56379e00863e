#!/usr/bin/env python3
"""Compiles a program that includes logstream/event.h with one compiler and
one language standard, with -Wall -Wextra -Werror (and -pedantic in the
strict modes), runs it and checks every line it writes.

  header_matrix.py --compiler gcc-12 --std c99 --source event_c.c \
                   --include include/ --workdir DIR

Exit status: 0 pass, 1 a compile warning/error or a wrong line, 2 usage."""

import argparse
import json
import os
import subprocess
import sys


def fail(message):
    print("header_matrix: " + message, file=sys.stderr)
    sys.exit(1)


def compile_program(args, exe):
    strict = not args.std.startswith("gnu")
    language = "c++" if "++" in args.std else "c"
    cmd = [args.compiler, "-x", language, "-std=" + args.std, "-O2",
           "-Wall", "-Wextra", "-Werror", "-pthread", "-I", args.include]
    if strict:
        cmd.append("-pedantic")
    cmd += [args.source, "-o", exe]
    print("$ " + " ".join(cmd))
    result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            universal_newlines=True)
    if result.returncode != 0 or result.stdout.strip():
        fail("%s -std=%s is not clean:\n%s" % (args.compiler, args.std, result.stdout))


def parse_lines(output):
    if not output.endswith("\n"):
        fail("the output does not end with a newline")
    events = []
    for number, line in enumerate(output[:-1].split("\n"), 1):
        try:
            event = json.loads(line)
        except ValueError as error:
            fail("line %d is not one JSON object (%s): %.200s" % (number, error, line))
        for key in ("time", "level", "event", "pid"):
            if key not in event:
                fail("line %d has no %r: %.200s" % (number, key, line))
        events.append(event)
    return events


def check_c(events):
    ticks = [e for e in events if e["event"] == "tick"]
    if len(ticks) != 4 * 20:
        fail("%d tick events, expected 80" % len(ticks))
    following = {}
    for e in ticks:
        thread, index = int(e["thread"]), int(e["i"])
        if index != following.get(thread, 0):
            fail("thread %d: event %d out of order" % (thread, index))
        following[thread] = index + 1
        if set(e["p"]) != {chr(ord("a") + thread)}:
            fail("thread %d: payload mixed with another thread's" % thread)
    security = events[-1]
    expected = {"category": "SECURITY", "event": "authn_login_fail",
                "fields.category": "NONE", "fields.event": "authn_login_success",
                "": "null key", "null value": ""}
    for key, value in expected.items():
        if security.get(key) != value:
            fail("security event: %r is %r, expected %r" % (key, security.get(key), value))


def check_cxx(events):
    if [e["event"] for e in events] != ["authn_login_fail", "order_placed", "sys_startup"]:
        fail("unexpected events: %r" % [e["event"] for e in events])
    expected = {"category": "SECURITY", "level": "ERROR", "description": "bad password",
                "user": "mallory\"}\n{\"event\":\"forged\"", "grade": "B", "outcome": 3,
                "attempts": 3, "i8": -5, "ratio": 0.25, "locked": True, "none": None,
                "fields.category": "NONE"}
    for key, value in expected.items():
        if events[0].get(key, "<absent>") != value:
            fail("security event: %r is %r, expected %r" % (key, events[0].get(key), value))
    if events[1].get("order") != 42 or "category" in events[1]:
        fail("order_placed: %r" % events[1])
    if events[2].get("fields.event") != "forged" or "category" in events[2]:
        fail("sys_startup: %r" % events[2])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compiler", required=True)
    parser.add_argument("--std", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--include", required=True)
    parser.add_argument("--workdir", required=True)
    args = parser.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    exe = os.path.join(args.workdir, "event-%s-%s" % (os.path.basename(args.compiler), args.std))
    compile_program(args, exe)
    run = subprocess.run([exe], stdout=subprocess.PIPE)
    if run.returncode != 0:
        fail("the program exited with %d" % run.returncode)
    events = parse_lines(run.stdout.decode("utf-8"))
    (check_cxx if "++" in args.std else check_c)(events)
    print("%s -std=%s: %d line(s), all valid" % (args.compiler, args.std, len(events)))


if __name__ == "__main__":
    main()
