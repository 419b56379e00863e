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

import hashlib
import json
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
PREFIXES = ("-D", "-U", "-I", "-o", "-MF", "-MT", "-MQ", "-include", "-imacros",
            "-isystem", "-iquote", "-idirafter",
            # Per-file by nature (the kernel's dependency files, reproducible
            # builds' maps and seeds): they would make every command a group.
            "-Wp,", "-fdebug-prefix-map=", "-ffile-prefix-map=", "-fmacro-prefix-map=",
            "-frandom-seed=")
# At most this many distinct commands are probed (the largest groups); the
# others drop what any probe rejected. A database's rejected options are
# the build's global flags, so this bounds a cold run's probes without
# missing them.
MAX_PROBES = 32


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


class ProbeMemo:
    """The probes' answers, remembered in the result cache's directory (a
    small JSON file, keyed by the logstream-tidy build, the language and the
    options), so that a warm run asks the driver nothing. A missing, stale
    or corrupt file only means asking again."""

    def __init__(self, cache_dir, tidy_binary):
        self.path = os.path.join(cache_dir, "rejected-options.json") if cache_dir else None
        try:
            st = os.stat(tidy_binary)
            self.build = "%s:%d:%d" % (os.path.realpath(tidy_binary), st.st_size, st.st_mtime_ns)
        except OSError:
            self.build = tidy_binary
        self.answers: Dict[str, List[List[str]]] = {}
        self.changed = False
        if self.path:
            try:
                with open(self.path, encoding="utf-8") as f:
                    data = json.load(f)
                if isinstance(data, dict) and data.get("build") == self.build and \
                        isinstance(data.get("answers"), dict):
                    self.answers = data["answers"]
            except (OSError, ValueError):
                pass

    def key(self, language, args) -> str:
        return hashlib.sha256(json.dumps([language, list(args)]).encode()).hexdigest()

    def get(self, language, args):
        found = self.answers.get(self.key(language, args))
        if not isinstance(found, list):
            return None
        return [(o, v) for o, v in found]

    def put(self, language, args, rejected):
        self.answers[self.key(language, args)] = [[o, v] for o, v in rejected]
        self.changed = True

    def save(self):
        if not self.path or not self.changed:
            return
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(self.path), prefix=".rejected-")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"build": self.build, "answers": self.answers}, f)
            os.replace(tmp, self.path)
        except OSError:
            pass


def drop_rejected(tidy_binary, entries, cache_dir=None) -> Dict[str, int]:
    """Removes from each entry's arguments the options the driver rejects;
    returns each dropped option with the number of units it was dropped
    from. \p cache_dir: where the answers are remembered (None: nowhere)."""
    groups: Dict[Tuple[str, Tuple[str, ...]], List] = {}
    for entry in entries:
        key = (entry.language, tuple(probe_arguments(entry)))
        groups.setdefault(key, []).append(entry)
    dropped: Dict[str, int] = {}
    memo = ProbeMemo(cache_dir, tidy_binary)
    ordered = sorted(groups.items(), key=lambda g: (-len(g[1]), g[0]))
    probed, seen = 0, set()
    unprobed = []
    with tempfile.TemporaryDirectory(prefix="logstream-ci-probe-") as tmp:
        for n, ((language, args), members) in enumerate(ordered):
            if not args:
                continue
            known = memo.get(language, args)
            if known is not None:
                seen.update(known)
                apply_rejected(members, known, dropped)
                continue
            if probed >= MAX_PROBES:
                unprobed.extend(members)
                continue
            probed += 1
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
            memo.put(language, args, rejected)
            seen.update(rejected)
            apply_rejected(members, rejected, dropped)
    apply_rejected(unprobed, sorted(seen), dropped)
    memo.save()
    return dropped


def apply_rejected(members, rejected, dropped: Dict[str, int]):
    for entry in members:
        entry.arguments, gone = without(entry.arguments, rejected)
        for option in gone:
            dropped[option] = dropped.get(option, 0) + 1
