"""Compiler options clang does not accept.

A compilation database written for GCC can carry options clang's driver
rejects (`-mindirect-branch=thunk`, `-fconserve-stack`, `-mrecord-mcount`):
every unit fails to compile and nothing is analysed. Before the analysis the
driver is asked once per distinct command (the database's commands differ
mostly in the source file), on an empty source, which of its options it
rejects; those are dropped from the commands logstream-tidy runs, and named
on standard error. No list of GCC options is kept here: the driver of the
logstream-tidy build answers for itself.
"""

import os
import re
import subprocess
import tempfile
from typing import Dict, List, Tuple

from .common import real

# The driver's errors that name one option it rejects: the option as the
# command wrote it (group "arg"), or an option and its value ("opt", "value").
REJECTED = [
    re.compile(r"error: unknown argument:? '(?P<arg>[^']+)'"),
    re.compile(r"error: invalid value '[^']*' in '(?P<arg>[^']+)'"),
    re.compile(r"error: unsupported option '(?P<arg>[^']+)' for target"),
    re.compile(r"error: unsupported argument '(?P<value>[^']*)' to option '(?P<opt>[^']+)'"),
]


def rejected_options(output: str) -> List[Tuple[str, str]]:
    """The (option, value) pairs the driver's output rejects; value is ''
    when the option was written whole (`-mfunction-return=thunk`)."""
    found = []
    for line in output.splitlines():
        for pattern in REJECTED:
            m = pattern.search(line)
            if m:
                d = m.groupdict()
                found.append((d["arg"], "") if d.get("arg") else (d["opt"], d["value"]))
                break
    return found


def without(arguments: List[str], rejected: List[Tuple[str, str]]) -> Tuple[List[str], List[str]]:
    """\\p arguments without the rejected options (and the value that
    follows an option written apart from it); and what was dropped."""
    out, dropped, i = [], [], 0
    while i < len(arguments):
        arg = arguments[i]
        hit = None
        for opt, value in rejected:
            if not value and arg == opt:
                hit = 1
            elif value and arg == opt + value:
                hit = 1
            elif value and arg == opt and i + 1 < len(arguments) and arguments[i + 1] == value:
                hit = 2
            if hit:
                break
        if hit:
            dropped.append(" ".join(arguments[i:i + hit]))
            i += hit
        else:
            out.append(arg)
            i += 1
    return out, dropped


# Options every driver accepts, with their values: left out of a probe (and
# of the key that groups commands), so that commands that differ only in
# macros, include paths and outputs are probed once.
WITH_VALUE = ("-o", "-I", "-isystem", "-iquote", "-idirafter", "-include", "-imacros",
              "-MF", "-MT", "-MQ", "-D", "-U")
PREFIXES = ("-D", "-U", "-I", "-o")


def probe_arguments(entry) -> List[str]:
    """The entry's options for a probe: without the compiler, its source
    file (the probe's empty source takes its place), and the options every
    driver accepts (macros, include paths, outputs)."""
    out, args, i = [], entry.arguments, 1
    while i < len(args):
        arg = args[i]
        if arg in WITH_VALUE:
            i += 2
            continue
        i += 1
        if arg.startswith(PREFIXES) or arg in ("-c", "-MD", "-MMD", "-MP"):
            continue
        if not arg.startswith("-") and real(os.path.join(entry.directory, arg)) == entry.file:
            continue
        out.append(arg)
    return out


def drop_rejected(tidy_binary, entries) -> Dict[str, int]:
    """Removes from each entry's arguments the options the driver rejects;
    returns each dropped option with the number of units it was dropped
    from."""
    groups: Dict[Tuple[str, Tuple[str, ...]], List] = {}
    for entry in entries:
        key = (entry.language, tuple(probe_arguments(entry)))
        groups.setdefault(key, []).append(entry)
    dropped: Dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="logstream-ci-probe-") as tmp:
        for n, ((language, args), members) in enumerate(groups.items()):
            if not args:
                continue
            probe = os.path.join(tmp, "probe%d.%s" % (n, "c" if language == "c" else "cpp"))
            with open(probe, "w", encoding="utf-8") as f:
                f.write("\n")
            try:
                proc = subprocess.run([tidy_binary, "--checks=-*,logstream-buffered-stdout", "--quiet", probe, "--"] + list(args),
                                      cwd=tmp,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            except OSError:
                continue
            rejected = rejected_options(proc.stdout.decode("utf-8", "replace"))
            if not rejected:
                continue
            for entry in members:
                entry.arguments, gone = without(entry.arguments, rejected)
                for option in gone:
                    dropped[option] = dropped.get(option, 0) + 1
    return dropped
