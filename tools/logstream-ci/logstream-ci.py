#!/usr/bin/env python3
"""logstream-ci: run logstream-tidy over a project, for CI gates and pre-commit.

Runs logstream-tidy (clang-tidy with the logstream checks) once per
translation unit, in parallel, and reports the findings deterministically in
text, JSON, SARIF 2.1.0, GitHub Actions annotations or GitLab Code Quality
format. The logstream checks always run: a project's .clang-tidy adds its
CheckOptions but cannot switch them off (only --checks on this command line
can). Supports baselines, changed-lines mode (--changed-since, --staged),
fix application with de-duplication across translation units (all or
nothing), and stable exit codes:

  0  no (new) findings
  1  new findings
  2  usage or configuration error, or a translation unit that failed to
     compile or crashed logstream-tidy (reported as such, never as clean)
"""

import argparse
import bisect
import concurrent.futures
import dataclasses
import hashlib
import json
import os
import re
import resource
import shlex
import signal
import stat
import subprocess
import sys
import tempfile
import time
import urllib.parse
from typing import Dict, List, Optional, Set, Tuple

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
import logstream_facts  # noqa: E402  project facts: cache, merge, re-check

try:
    import yaml
except ImportError:  # pragma: no cover - reported to the user
    sys.stderr.write("logstream-ci: error: python3-yaml is required (apt-get install python3-yaml)\n")
    sys.exit(2)
# libyaml's C loader and dumper when python3-yaml has them (Debian's does).
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

VERSION = "0.1.0"
BASELINE_VERSION = 1
TOOL = "logstream-tidy"
# Where the check documentation lives (set when the build copies this file).
DOCS_DIR = "@LOGSTREAM_DOCS_DIR@"
C_SOURCES = (".c",)
CXX_SOURCES = (".cc", ".cpp", ".cxx", ".c++", ".C", ".cp")
OBJC_SOURCES = (".m", ".mm")
SOURCE_EXTENSIONS = C_SOURCES + CXX_SOURCES + OBJC_SOURCES
CXX_HEADERS = (".hh", ".hpp", ".hxx", ".h++", ".ipp", ".tpp", ".H")
HEADER_EXTENSIONS = (".h", ".inc") + CXX_HEADERS
ASSEMBLER_EXTENSIONS = (".s", ".S", ".sx", ".asm")
DEFAULT_CHECKS = "-*,logstream-*"
DOCS_URL = "https://github.com/logstream-tidy/logstream-tidy/blob/main/docs/checks/%s.md"
CWE = {
    "logstream-security-event-category": ["CWE-778", "CWE-223"],
    "logstream-log-file-sink": ["CWE-779"],
    "logstream-log-file-management": ["CWE-779"],
    "logstream-buffered-stdout": ["CWE-778"],
    "logstream-sensitive-log-data": ["CWE-532"],
    "logstream-event-injection": ["CWE-117"],
}


class UsageError(Exception):
    """Bad input or configuration: one line on stderr, exit 2."""


def warn(message):
    sys.stderr.write("logstream-ci: warning: %s\n" % message)


def real(path):
    return os.path.realpath(path)


# ==========================================================================
# inputs: compilation database, project root, git changes, file contents
# ==========================================================================

@dataclasses.dataclass
class Entry:
    """One compile command of the database, as the build tool wrote it."""
    file: str                 # absolute, resolved against `directory`
    directory: str            # absolute
    arguments: List[str]

    @property
    def language(self) -> str:
        for i, arg in enumerate(self.arguments):
            lang = arg[2:] if arg.startswith("-x") and len(arg) > 2 else (
                self.arguments[i + 1] if arg == "-x" and i + 1 < len(self.arguments) else None)
            if lang:
                return "c" if lang.startswith("c") and not lang.startswith("c++") else "c++"
        return "c" if self.file.endswith(C_SOURCES) else "c++"

    PATH_FLAGS = ("-I", "-iquote", "-isystem", "-idirafter", "-F", "-iframework",
                  "--include-directory=")

    def absolute_arguments(self) -> List[str]:
        """The command with the source file and include paths made absolute,
        so that every path clang-tidy reports (and matches against the header
        filter) is absolute, whatever the build tool wrote."""
        out, args, i = [], self.arguments, 0
        while i < len(args):
            arg = args[i]
            if arg.rstrip("=") in self.PATH_FLAGS and i + 1 < len(args):
                out += [arg, os.path.join(self.directory, args[i + 1])]
                i += 2
                continue
            flag = next((f for f in self.PATH_FLAGS if arg.startswith(f) and len(arg) > len(f)), None)
            if flag:
                out.append(flag + os.path.join(self.directory, arg[len(flag):]))
            elif not arg.startswith("-") and i > 0 and \
                    real(os.path.join(self.directory, arg)) == self.file:
                out.append(self.file)
            else:
                out.append(arg)
            i += 1
        return out

    def include_dirs(self) -> List[str]:
        dirs, args = [], self.arguments
        for i, arg in enumerate(args):
            for flag in ("-I", "-iquote", "-isystem", "-idirafter", "--include-directory="):
                if arg == flag.rstrip("=") and i + 1 < len(args):
                    dirs.append(args[i + 1])
                elif arg.startswith(flag) and len(arg) > len(flag):
                    dirs.append(arg[len(flag):])
        return [os.path.normpath(os.path.join(self.directory, d)) for d in dirs]


@dataclasses.dataclass
class Database:
    path: Optional[str]                  # compile_commands.json, or None
    entries: Dict[str, Entry]            # real path of the file -> its entry
    skipped: int = 0                     # assembler, -cc1, -E entries

    @property
    def directory(self) -> Optional[str]:
        return os.path.dirname(self.path) if self.path else None

    def project_language(self) -> str:
        langs = {e.language for e in self.entries.values()}
        return "c" if langs == {"c"} else "c++"

    def write_filtered(self, directory):
        """The entries to analyse, one per file, as a database clang-tidy reads."""
        out = []
        for path in sorted(self.entries):
            entry = self.entries[path]
            out.append({"directory": entry.directory, "file": path,
                        "arguments": entry.absolute_arguments()})
        with open(os.path.join(directory, "compile_commands.json"), "w", encoding="utf-8") as f:
            json.dump(out, f)


def find_database(build_path) -> Optional[str]:
    if build_path:
        db = os.path.join(build_path, "compile_commands.json")
        if not os.path.isfile(db):
            raise UsageError("no compile_commands.json in '%s'" % build_path)
        return os.path.abspath(db)
    d = os.getcwd()
    while True:
        for c in (d, os.path.join(d, "build")):
            db = os.path.join(c, "compile_commands.json")
            if os.path.isfile(db):
                return db
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


def entry_arguments(e) -> List[str]:
    if isinstance(e.get("arguments"), list) and all(isinstance(a, str) for a in e["arguments"]):
        return list(e["arguments"])
    if isinstance(e.get("command"), str):
        try:
            return shlex.split(e["command"])
        except ValueError as err:
            raise UsageError("unparsable command %r: %s" % (e["command"], err))
    raise UsageError("entry for %r has neither 'arguments' nor 'command'" % e.get("file"))


def analysable(path, args) -> bool:
    """Assembler, preprocessor-only (-E) and compiler-internal (-cc1) commands
    are not translation units clang-tidy can analyse; bear records them all."""
    if path.endswith(ASSEMBLER_EXTENSIONS) or not path.endswith(SOURCE_EXTENSIONS):
        return False
    return not any(a in ("-E", "-cc1", "-cc1as") for a in args)


def load_database(db_path) -> Database:
    if not db_path:
        return Database(None, {})
    try:
        with open(db_path, encoding="utf-8") as f:
            entries = json.load(f)
    except (OSError, ValueError) as e:
        raise UsageError("cannot read compilation database %s: %s" % (db_path, e))
    if not isinstance(entries, list):
        raise UsageError("%s is not a JSON array" % db_path)
    db = Database(db_path, {})
    base = os.path.dirname(db_path)
    for e in entries:
        if not isinstance(e, dict) or not isinstance(e.get("file"), str) or \
                not isinstance(e.get("directory"), str):
            raise UsageError("malformed entry in %s: %s" % (db_path, json.dumps(e)[:200]))
        try:
            args = entry_arguments(e)
        except UsageError as err:
            raise UsageError("malformed entry in %s: %s" % (db_path, err))
        directory = os.path.normpath(os.path.join(base, e["directory"]))
        path = real(os.path.join(directory, e["file"]))
        if not analysable(path, args):
            db.skipped += 1
            continue
        db.entries.setdefault(path, Entry(path, directory, args))
    return db


def git(args, cwd, check=True) -> Optional[str]:
    try:
        proc = subprocess.run(["git"] + args, cwd=cwd, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    except OSError as e:
        if check:
            raise UsageError("cannot run git: %s" % e)
        return None
    if proc.returncode != 0:
        if check:
            raise UsageError("git %s failed: %s" % (" ".join(args), proc.stderr.decode(
                "utf-8", "replace").strip().splitlines()[-1:] or ["exit %d" % proc.returncode]))
        return None
    return proc.stdout.decode("utf-8", "surrogateescape")


def project_root(db: Database) -> str:
    """One root for every relative path and fingerprint: the git top level (of
    the current directory, else of the database's), else the directory of
    compile_commands.json, widened to hold the database's sources (a build/
    directory next to src/ gives the project directory), else the current
    directory."""
    for d in (os.getcwd(), db.directory):
        if d:
            top = git(["rev-parse", "--show-toplevel"], d, check=False)
            if top and top.strip():
                return real(top.strip())
    if db.directory:
        return os.path.commonpath([real(db.directory)] + sorted(db.entries))
    return real(os.getcwd())


@dataclasses.dataclass
class Changes:
    """Changed lines per file (new side), and for --staged the index content
    of every file whose working-tree copy differs from it."""
    lines: Dict[str, Set[int]]
    index_content: Dict[str, bytes] = dataclasses.field(default_factory=dict)


def parse_diff(diff, top) -> Dict[str, Set[int]]:
    result, current = {}, None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            current = None if name == "/dev/null" else real(
                os.path.join(top, name[2:] if name.startswith("b/") else name))
            if current:
                result.setdefault(current, set())
        elif line.startswith("@@") and current:
            m = re.match(r"@@ -\S+ \+(\d+)(?:,(\d+))? @@", line)
            if m:
                start, count = int(m.group(1)), int(m.group(2) or "1")
                result[current].update(range(start, start + count))
    return result


def changed_lines(rev, staged, top) -> Changes:
    args = ["diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames", "--diff-filter=ACMR"]
    if staged:
        changes = Changes(parse_diff(git(args + ["--cached"], top), top))
        changes.index_content = unstaged_index_content(top)
        return changes
    # As code review does: against the merge base of REV and HEAD.
    base = git(["merge-base", rev, "HEAD"], top).strip()
    return Changes(parse_diff(git(args + [base], top), top))


def unstaged_index_content(top) -> Dict[str, bytes]:
    """Index content of the files the working tree has changed since `git add`."""
    names = [n for n in git(["diff", "--name-only", "-z", "--no-renames"], top).split("\0") if n]
    content = {}
    for name in names:
        blob = subprocess.run(["git", "show", ":" + name], cwd=top, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL)
        if blob.returncode == 0:
            content[real(os.path.join(top, name))] = blob.stdout
    return content


class FileText:
    """One file's bytes with its line starts, code-point offsets and
    enclosing-function names, each computed once (linear in the file)."""

    FUNCTION_HEAD = re.compile(r"([A-Za-z_~][A-Za-z_0-9:~]*)\s*\([^;]*$")
    NOISE = re.compile(r'//.*|"(\\.|[^"\\])*"|\'(\\.|[^\'\\])*\'')

    def __init__(self, data: bytes):
        self.data = data
        self.starts = [0] + [m.end() for m in re.finditer(b"\n", data)]
        self._functions = None
        self._cp_starts = None

    def line_of(self, offset) -> int:
        return bisect.bisect_right(self.starts, min(max(offset, 0), len(self.data)))

    def line_col(self, offset) -> Tuple[int, int]:
        """1-based line and byte column, as clang prints them."""
        offset = min(max(offset, 0), len(self.data))
        line = self.line_of(offset)
        return line, offset - self.starts[line - 1] + 1

    @staticmethod
    def code_points(chunk: bytes) -> int:
        return len(chunk.decode("utf-8", "replace"))

    def cp_line_col(self, offset) -> Tuple[int, int]:
        """1-based line and column in Unicode code points (SARIF's columnKind)."""
        offset = min(max(offset, 0), len(self.data))
        line = self.line_of(offset)
        return line, self.code_points(self.data[self.starts[line - 1]:offset]) + 1

    def cp_offset(self, offset) -> int:
        """Code points from the start of the file to byte `offset`."""
        if self._cp_starts is None:
            self._cp_starts, total = [], 0
            for i, start in enumerate(self.starts):
                self._cp_starts.append(total)
                end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.data)
                total += self.code_points(self.data[start:end])
        line, col = self.cp_line_col(offset)
        return self._cp_starts[line - 1] + col - 1

    def line_text(self, line) -> str:
        if not 1 <= line <= len(self.starts):
            return ""
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.data)
        return self.data[self.starts[line - 1]:end].decode("utf-8", "replace")

    def function_at(self, line) -> str:
        """The name of the function whose body contains `line` (a brace scan
        of the whole file, once)."""
        if self._functions is None:
            self._functions = self._scan_functions()
        if line < 1 or not self._functions:
            return ""
        return self._functions[min(line, len(self._functions)) - 1]

    def _scan_functions(self) -> List[str]:
        depth, heads, name, result = 0, [], "", []
        for text in self.data.decode("utf-8", "replace").split("\n"):
            code = self.NOISE.sub("", text)
            m = self.FUNCTION_HEAD.search(code)
            if m and depth <= 1:
                name = m.group(1)
            for ch in re.findall(r"[{}]", code):
                if ch == "{":
                    heads.append(name if depth == 0 or not heads else heads[-1])
                    depth += 1
                elif depth > 0:
                    depth -= 1
                    heads.pop()
            result.append(heads[-1] if heads else "")
        return result


class Sources:
    """File contents as logstream-tidy saw them: the index content under
    --staged, the disk otherwise. Each file is read and indexed once."""

    def __init__(self, overlay: Optional[Dict[str, bytes]] = None):
        self.overlay = overlay or {}
        self._texts: Dict[str, FileText] = {}

    def text(self, path) -> FileText:
        if path not in self._texts:
            data = self.overlay.get(path)
            if data is None:
                try:
                    with open(path, "rb") as f:
                        data = f.read()
                except OSError:
                    data = b""
            self._texts[path] = FileText(data)
        return self._texts[path]

    def forget(self, path):
        self._texts.pop(path, None)


INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]*)[>"]', re.M)


class IncludeGraph:
    """Which translation unit includes a header, directly or through other
    headers, resolving include names as the compiler would (the including
    file's directory for "", then the entry's -I/-iquote/-isystem)."""

    def __init__(self, db: Database):
        self.db = db
        self._includes: Dict[str, List[Tuple[str, str]]] = {}

    def includes(self, path):
        if path not in self._includes:
            try:
                with open(path, encoding="utf-8", errors="replace") as f:
                    self._includes[path] = INCLUDE.findall(f.read())
            except OSError:
                self._includes[path] = []
        return self._includes[path]

    def closure_contains(self, entry: Entry, header) -> bool:
        dirs = entry.include_dirs()
        seen, todo = {entry.file}, [entry.file]
        while todo:
            current = todo.pop()
            for kind, name in self.includes(current):
                search = ([os.path.dirname(current)] if kind == '"' else []) + dirs
                for d in search:
                    candidate = os.path.join(d, name)
                    if os.path.isfile(candidate):
                        candidate = real(candidate)
                        if candidate == header:
                            return True
                        if candidate not in seen and candidate.endswith(HEADER_EXTENSIONS):
                            seen.add(candidate)
                            todo.append(candidate)
                        break
        return False

    def closure(self, entry: Entry) -> Tuple[Set[str], Set[str]]:
        """The project files a translation unit reaches (itself included),
        and the names it includes that resolve to no project file."""
        dirs = entry.include_dirs()
        seen, todo, system = {entry.file}, [entry.file], set()
        while todo:
            current = todo.pop()
            for kind, name in self.includes(current):
                search = ([os.path.dirname(current)] if kind == '"' else []) + dirs
                found = next((os.path.join(d, name) for d in search
                              if os.path.isfile(os.path.join(d, name))), None)
                if found is None:
                    system.add(name)
                    continue
                found = real(found)
                if found not in seen:
                    seen.add(found)
                    todo.append(found)
        return seen, system

    def includer(self, header) -> Optional[str]:
        for path in sorted(self.db.entries):
            if self.closure_contains(self.db.entries[path], header):
                return path
        return None


# ==========================================================================
# runner: what to analyse, and running logstream-tidy
# ==========================================================================

@dataclasses.dataclass
class Unit:
    """One logstream-tidy invocation: a database entry, or a file analysed
    with fallback flags."""
    path: str
    directory: str                           # where relative paths in its output start
    fallback: Optional[List[str]] = None     # compiler flags when not in the database


@dataclasses.dataclass
class Plan:
    units: List[Unit]
    only_for: Set[str]       # translation units analysed only for a header's sake


def source_language(path, db: Database) -> str:
    """clang's -x name of the file's language."""
    if path.endswith(".m"):
        return "objective-c"
    if path.endswith(".mm"):
        return "objective-c++"
    if path.endswith(C_SOURCES):
        return "c"
    if path.endswith(CXX_SOURCES + CXX_HEADERS):
        return "c++"
    return db.project_language()          # .h, .inc: the project's language


def fallback_flags(path, db: Database, a) -> Tuple[List[str], str]:
    """Flags for a file that is not in the database: its language's fallback
    flags, with -x so that a .h of a C++ project is parsed as C++."""
    lang = source_language(path, db)
    user = a.fallback_flags if lang.endswith("++") else a.fallback_c_flags
    kind = lang + ("-header" if path.endswith(HEADER_EXTENSIONS) else "")
    return ["-x", kind] + shlex.split(user), user


def expand_inputs(paths, db: Database) -> Set[str]:
    """Files and directories given on the command line -> set of real paths.
    A directory selects the database's translation units under it."""
    out = set()
    for p in paths:
        if not os.path.exists(p):
            raise UsageError("no such file or directory: %s" % p)
        rp = real(p)
        if os.path.isdir(rp):
            found = [f for f in db.entries if f.startswith(rp.rstrip(os.sep) + os.sep)]
            if not found:
                raise UsageError("no compilation database entries under %s" % p)
            out.update(found)
        else:
            out.add(rp)
    return out


def plan(candidates, db: Database, a, root) -> Plan:
    units: Dict[str, Unit] = {}
    only_for: Set[str] = set()
    graph = IncludeGraph(db)
    for f in sorted(candidates):
        if f in db.entries:
            units[f] = Unit(f, db.entries[f].directory)
            only_for.discard(f)
            continue
        if f.endswith(HEADER_EXTENSIONS):
            tu = graph.includer(f)
            if tu:
                if tu not in units:
                    units[tu] = Unit(tu, db.entries[tu].directory)
                    only_for.add(tu)
                continue
        flags, shown = fallback_flags(f, db, a)
        units[f] = Unit(f, os.getcwd(), flags)
        warn("%s is not in the compilation database; using %s" % (display(f, root), shown))
    return Plan([units[k] for k in sorted(units)], only_for)


def find_tidy(explicit) -> str:
    for how, c in (("--tidy", explicit), ("LOGSTREAM_TIDY", os.environ.get("LOGSTREAM_TIDY"))):
        if c:
            if os.path.isfile(c) and os.access(c, os.X_OK):
                return c
            raise UsageError("%s %s is not an executable file" % (how, c))
    here = os.path.join(os.path.dirname(os.path.realpath(__file__)), "logstream-tidy")
    if os.access(here, os.X_OK):
        return here
    for d in os.environ.get("PATH", "").split(os.pathsep):
        c = os.path.join(d, "logstream-tidy")
        if os.access(c, os.X_OK):
            return c
    raise UsageError("logstream-tidy not found (use --tidy or LOGSTREAM_TIDY)")


@dataclasses.dataclass
class Failure:
    path: str
    kind: str        # "compile" or "crash"
    message: str


@dataclasses.dataclass
class UnitResult:
    unit: Unit
    returncode: int
    output: str              # stdout and stderr
    diagnostics: list        # clang-tidy's exported Diagnostics (YAML)


class Tidy:
    """How logstream-tidy is run: the binary, the arguments every invocation
    shares, and a scratch directory. A project-wide phase (facts) runs its
    own invocations through `invoke` with other arguments."""

    def __init__(self, binary, common_args, scratch, build_dir):
        self.binary = binary
        self.common_args = common_args
        self.scratch = scratch
        self.build_dir = build_dir
        self.cwd = os.getcwd()     # relative paths in --fallback-flags

    def run(self, args, cwd=None) -> Tuple[int, str]:
        proc = subprocess.run([self.binary] + args, cwd=cwd or self.scratch,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        return proc.returncode, proc.stdout.decode("utf-8", "replace")

    def invoke(self, unit: Unit, index: int, extra=(), phase="tu",
               common=None) -> UnitResult:
        export = os.path.join(self.scratch, "%s%d.yaml" % (phase, index))
        common = self.common_args if common is None else common
        args = ["--quiet", "--export-fixes=" + export] + list(common) + list(extra)
        if unit.fallback is None:
            args += ["-p", self.build_dir, unit.path]
        else:
            args += [unit.path, "--"] + unit.fallback
        rc, out = self.run(args, cwd=self.cwd)
        diags = []
        if os.path.exists(export):
            with open(export, encoding="utf-8") as f:
                diags = (yaml.load(f, Loader=YAML_LOADER) or {}).get("Diagnostics") or []
        absolutize(diags, unit.directory)
        return UnitResult(unit, rc, out, diags)


def absolutize(diags, directory):
    """Relative paths in clang-tidy's export are relative to the compile
    command's directory, not to ours."""
    def fix(obj):
        if isinstance(obj, dict) and obj.get("FilePath") and not os.path.isabs(obj["FilePath"]):
            obj["FilePath"] = os.path.join(directory, obj["FilePath"])
    for d in diags:
        msg = d.get("DiagnosticMessage") or {}
        fix(msg)
        for x in (msg.get("Replacements") or []) + (d.get("Notes") or []):
            fix(x)


def configuration_error(output, config_file=None) -> Optional[str]:
    """A configuration problem in logstream-tidy's output, as one line: a YAML
    error in a .clang-tidy / config file (with its line and column), an
    invalid check option, or a file clang-tidy could not parse."""
    names = [r"\S*\.clang-tidy", r"\S*\.ya?ml"] + ([re.escape(config_file)] if config_file else [])
    located = re.search(r"^((?:%s):\d+:\d+): error: (.*)$" % "|".join(names), output, re.M)
    if located:
        return "%s: %s" % (located.group(1), located.group(2))
    option = re.search(r"^(.*\[clang-tidy-config\])$", output, re.M)
    if option:
        return "logstream-tidy rejected the configuration: " + option.group(1).strip()
    unparsed = re.search(r"^Error parsing (.*?): ", output, re.M)
    if unparsed:
        return "cannot parse %s" % unparsed.group(1)
    return None


def config_files(paths, explicit) -> List[str]:
    """The .clang-tidy files clang-tidy reads for these files (nearest first,
    further up only with InheritParentConfig), or the --config-file."""
    if explicit:
        return [explicit]
    found, seen_dirs = [], set()
    for p in paths:
        d = os.path.dirname(p)
        while d not in seen_dirs:
            seen_dirs.add(d)
            candidate = os.path.join(d, ".clang-tidy")
            if os.path.isfile(candidate):
                if candidate not in found:
                    found.append(candidate)
                try:
                    with open(candidate, encoding="utf-8", errors="replace") as f:
                        inherit = re.search(r"^\s*InheritParentConfig\s*:\s*(true|1|yes)\b",
                                            f.read(), re.M | re.I)
                except OSError:
                    inherit = None
                if not inherit:
                    break
            parent = os.path.dirname(d)
            if parent == d:
                break
            d = parent
    return sorted(found)


def verify_configuration(tidy: Tidy, checks, user_checks, files, jobs=1):
    """Exit 2 before any analysis on a configuration that does not parse or
    names no known check; warn about unknown logstream-* option keys. The
    logstream-tidy runs this takes are independent: they run in parallel,
    and are judged in a fixed order."""
    for f in files:
        if not os.access(f, os.R_OK):
            raise UsageError("cannot read config file %s" % f)
    runs = [(["--list-checks", "--checks=" + checks], None),
            (["--verify-config", "--checks=" + checks], None)]
    runs += [(["--verify-config", "--config-file=" + f], os.path.dirname(f)) for f in files]
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        outputs = [out for _, out in pool.map(lambda r: tidy.run(r[0], cwd=r[1]), runs)]
    if "no checks enabled" in outputs[0] or not re.search(r"^\s+\S", outputs[0], re.M):
        raise UsageError("--checks=%s leaves no check enabled" % user_checks)
    for m in re.finditer(r"^command-line option '-checks': warning: (.*?)(?: \[-verify-config\])?$",
                         outputs[1], re.M):
        raise UsageError("--checks: " + m.group(1))
    for f, out in zip(files, outputs[2:]):
        error = configuration_error(out, f)
        if error or "invalid configuration" in out:
            raise UsageError(error or "invalid configuration in %s" % f)
        for m in re.finditer(r"warning: (unknown check option 'logstream-.*?)(?: \[-verify-config\])?$",
                             out, re.M):
            warn("%s: %s" % (f, m.group(1)))


def write_overlay(content: Dict[str, bytes], scratch) -> Optional[str]:
    """A clang VFS overlay that shows logstream-tidy the index content."""
    if not content:
        return None
    by_dir: Dict[str, list] = {}
    for i, (path, data) in enumerate(sorted(content.items())):
        blob = os.path.join(scratch, "index%d%s" % (i, os.path.splitext(path)[1]))
        with open(blob, "wb") as f:
            f.write(data)
        by_dir.setdefault(os.path.dirname(path), []).append(
            {"type": "file", "name": os.path.basename(path), "external-contents": blob})
    overlay = {"version": 0, "case-sensitive": "true", "use-external-names": "false",
               "roots": [{"type": "directory", "name": d, "contents": files}
                         for d, files in sorted(by_dir.items())]}
    path = os.path.join(scratch, "index-overlay.yaml")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(overlay, f)
    return path


def failure_of(result: UnitResult) -> Tuple[Optional[Failure], list]:
    """Did the translation unit fail? Returns the failure and the diagnostics
    that remain findings."""
    diags, rc, path = result.diagnostics, result.returncode, result.unit.path
    if rc < 0:
        try:
            name = signal.Signals(-rc).name
        except ValueError:
            name = "signal %d" % -rc
        return Failure(path, "crash", "logstream-tidy crashed (%s)" % name), []
    errors = [d for d in diags if d.get("DiagnosticName", "").startswith("clang-diagnostic-error")
              or (d.get("Level") == "Error" and d.get("DiagnosticName", "").startswith("clang-"))]
    if errors or (rc != 0 and not diags):
        why = "translation unit failed to compile"
        if errors:
            why += ": " + (errors[0].get("DiagnosticMessage") or {}).get("Message", "")
        else:
            lines = [l for l in result.output.strip().splitlines() if l.strip()]
            if lines:
                why += ": " + lines[-1]
        return Failure(path, "compile", why), [d for d in diags if d not in errors]
    return None, diags


def with_facts(a, tidy: Tidy, units: List[Unit], pool, build_dir, root, cache, cost):
    """Runs every unit through the project-facts phases (extract while
    checking, merge, re-check the units whose facts changed; see
    logstream_facts.py) and the result cache, as UnitResults in unit order."""
    by_path = {u.path: (i, u) for i, u in enumerate(units)}

    def run_unit(job):
        index, unit = by_path[job[1]]
        # A phase that gives its own export directory re-checks: fresh files.
        phase = "tu" if job[6] == tidy.scratch else "recheck"
        r = tidy.invoke(unit, index, phase=phase, common=job[4])
        return (unit.path, r.returncode, r.output, "", r.diagnostics)

    jobs = [(tidy.binary, u.path, tidy.build_dir, u.fallback, list(tidy.common_args), None,
             tidy.scratch, i) for i, u in enumerate(units)]
    for tu, rc, out, _, diags in logstream_facts.run_units(a, pool, jobs, run_unit,
                                                            build_dir, root, cache, cost):
        yield UnitResult(by_path[tu][1], rc, out, diags)


def analyze(tidy: Tidy, units: List[Unit], jobs, progress, root, a=None, build_dir=None,
            cache=None, cost=None):
    """Runs every unit (the most expensive first); returns (diagnostics,
    failures) in unit order."""
    diags, failures, done = [], [], 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        if a is not None:
            futures = list(with_facts(a, tidy, units, pool, build_dir, root, cache, cost))
        else:
            futures = [pool.submit(tidy.invoke, u, i) for i, u in enumerate(units)]
        for fut in futures:
            result = fut if isinstance(fut, UnitResult) else fut.result()
            done += 1
            if progress:
                sys.stderr.write("\r[%d/%d] %s\x1b[K" % (done, len(units),
                                                         display(result.unit.path, root)))
            error = configuration_error(result.output)
            if error:
                for other in futures:
                    if not isinstance(other, UnitResult):
                        other.cancel()
                raise UsageError(error)
            failure, remaining = failure_of(result)
            if failure:
                failures.append(failure)
            diags += remaining
    if progress:
        sys.stderr.write("\r\x1b[K")
    return diags, failures


def die(message):
    sys.stderr.write("logstream-ci: error: %s\n" % message)
    sys.exit(2)


def rel(path, root):
    return display(path, root)


def run_unit(job):
    """One logstream-tidy run for `logstream-ci facts`: (tu, rc, stdout,
    stderr, diagnostics) of job (tidy, tu, build_dir, fallback, extra,
    header_filter, scratch, index)."""
    binary, tu, build_dir, fallback, extra = job[:5]
    args = [binary, "--quiet"] + list(extra)
    args += [tu, "--"] + fallback if fallback is not None else ["-p", build_dir, tu]
    proc = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return (tu, proc.returncode, proc.stdout.decode("utf-8", "replace"),
            proc.stderr.decode("utf-8", "replace"), [])


# ==========================================================================
# cache: a unit's results reused when nothing that decides them changed
# ==========================================================================

CACHE_VERSION = 2
CACHE_MAX_AGE_DAYS = 30


def canonical(value) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def default_cache_dir() -> str:
    """$XDG_CACHE_HOME/logstream-tidy, else ~/.cache/logstream-tidy."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "logstream-tidy")


def file_digest(path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclasses.dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    corrupt: int = 0
    stored: int = 0


class ResultCache:
    """Per translation unit, its logstream-tidy result (diagnostics, fixes,
    output), its project facts and the content hash of every file it read.
    An entry is found by a key over everything else that decides the result
    (this cache's format, the logstream-tidy build and this driver, the unit,
    its compile command, its effective configuration); it is used when every
    file it read still has the recorded hash. Entries are written to a
    temporary file and renamed: concurrent runs never see half an entry, and
    an entry that does not parse or has the wrong shape is recomputed.
    `directory=None` keeps entries in memory only (--no-cache), for the
    shard hand-off."""

    def __init__(self, directory: Optional[str], identity):
        self.dir = directory
        self.identity = identity
        self.stats = CacheStats()
        self.imported: Dict[str, dict] = {}     # key -> entry from shard reports
        self.used: Dict[str, dict] = {}         # tu -> entry of this run
        self._hashes: Dict[str, str] = {}
        self._configs: Dict[str, list] = {}
        self._warned = False

    def file_hash(self, path) -> str:
        if path not in self._hashes:
            try:
                self._hashes[path] = file_digest(path)
            except OSError:
                self._hashes[path] = ""
        return self._hashes[path]

    def directory_config(self, directory) -> list:
        """Content hashes of the .clang-tidy files in `directory` and above
        (a superset of what clang-tidy reads for a file there)."""
        if directory not in self._configs:
            parent = os.path.dirname(directory)
            above = self.directory_config(parent) if parent != directory else []
            own = os.path.join(directory, ".clang-tidy")
            h = self.file_hash(own) if os.path.isfile(own) else ""
            self._configs[directory] = above + ([[own, h]] if h else [])
        return self._configs[directory]

    def key(self, tu, command) -> str:
        """Also the unit's own content: switching branches back and forth
        finds the entry of each version of the file."""
        return digest(canonical([CACHE_VERSION, self.identity, tu, self.file_hash(tu), command,
                                 self.directory_config(os.path.dirname(tu))]).encode())

    def entry_path(self, key) -> str:
        return os.path.join(self.dir, "units", key[:2], key + ".json")

    def project_dir(self, root, build_dir) -> Optional[str]:
        """Where a project's merged facts live (one project's never
        overwrite another's in a shared cache)."""
        if self.dir is None:
            return None
        name = digest(canonical([root, build_dir]).encode())[:24]
        return os.path.join(self.dir, "projects", name)

    @staticmethod
    def well_formed(entry, key) -> bool:
        if not isinstance(entry, dict) or entry.get("key") != key:
            return False
        deps = entry.get("deps")
        if not isinstance(deps, dict) or not deps or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in deps.items()):
            return False
        result = entry.get("result")
        if result is not None and not (
                isinstance(result, list) and len(result) == 5 and isinstance(result[0], str)
                and isinstance(result[1], int) and isinstance(result[2], str)
                and isinstance(result[4], list)):
            return False
        try:
            logstream_facts.check_unit(entry.get("facts"), "cache entry")
        except logstream_facts.FactsError:
            return False
        return True

    def read(self, key) -> Optional[dict]:
        if self.dir is None:
            return None
        try:
            with open(self.entry_path(key), encoding="utf-8") as f:
                entry = json.load(f)
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            self.stats.corrupt += 1
            return None
        if not self.well_formed(entry, key):
            self.stats.corrupt += 1
            return None
        return entry

    def load(self, tu, command) -> Optional[dict]:
        """The entry of a unit whose inputs are unchanged, else None. Entries
        imported from shard reports were made from the same checkout by
        the shards and are taken as they are."""
        key = self.key(tu, command)
        entry = self.imported.get(key)
        if entry is None:
            entry = self.read(key)
            if entry is None or any(self.file_hash(p) != h for p, h in entry["deps"].items()):
                self.stats.misses += 1
                return None
        self.stats.hits += 1
        self.used[tu] = entry
        if key not in self.imported:
            self.touch(self.entry_path(key))
        return entry

    @staticmethod
    def touch(path):
        try:
            os.utime(path)
        except OSError:
            pass

    def prune(self, max_age_days=CACHE_MAX_AGE_DAYS, now=None):
        """Once a day: removes the entries no run has used for
        `max_age_days` (a hit refreshes an entry's modification time)."""
        if self.dir is None:
            return
        now = now if now is not None else time.time()
        stamp = os.path.join(self.dir, "pruned")
        try:
            if now - os.stat(stamp).st_mtime < 86400:
                return
        except OSError:
            pass
        if not self.write(stamp, "%d\n" % now):
            return
        units = os.path.join(self.dir, "units")
        for sub in sorted(os.listdir(units)) if os.path.isdir(units) else ():
            for name in os.listdir(os.path.join(units, sub)):
                path = os.path.join(units, sub, name)
                try:
                    if now - os.stat(path).st_mtime > max_age_days * 86400:
                        os.unlink(path)
                except OSError:
                    pass

    def store(self, tu, command, facts, result=None, used=""):
        """Records a unit's facts (and result); a crashed run is not kept."""
        if result is not None and result[1] < 0:
            return
        key = self.key(tu, command)
        deps = {p: self.file_hash(p) for p in facts.get("deps") or [tu]}
        entry = {"key": key, "deps": deps, "facts": facts}
        if result is not None:
            entry["result"] = list(result)
            entry["facts_used"] = used
        self.used[tu] = entry
        if self.dir is not None and self.write(self.entry_path(key), canonical(entry)):
            self.stats.stored += 1

    def write(self, path, text) -> bool:
        """Atomically, or not at all (a read-only or full cache is a warning)."""
        try:
            logstream_facts.write_atomically(path, text)
            return True
        except OSError as e:
            if not self._warned:
                warn("cannot write the cache %s: %s" % (self.dir, e.strerror or e))
                self._warned = True
            return False


def build_identity(tidy_binary, cache_dir) -> str:
    """The logstream-tidy build and this driver, by content. The binary's
    hash is remembered per (path, size, mtime, inode) in the cache."""
    parts = [VERSION]
    for path in (tidy_binary, os.path.realpath(__file__), os.path.realpath(logstream_facts.__file__)):
        try:
            st = os.stat(path)
        except OSError:
            parts.append(path)
            continue
        memo = None
        if cache_dir:
            stamp = digest(canonical([real(path), st.st_size, st.st_mtime_ns, st.st_ino]).encode())
            memo = os.path.join(cache_dir, "builds", stamp)
            try:
                with open(memo, encoding="utf-8") as f:
                    known = f.read().strip()
                if re.fullmatch(r"[0-9a-f]{64}", known):
                    parts.append(known)
                    continue
            except OSError:
                pass
        value = file_digest(path)
        parts.append(value)
        if memo:
            try:
                logstream_facts.write_atomically(memo, value + "\n")
            except OSError:
                pass      # the run's cache says so, once
    return digest(canonical(parts).encode())


def make_cache(a, tidy: "Tidy", config_file) -> ResultCache:
    """The run's cache: its directory (none with --no-cache) and the part of
    every key that all units share: build, checks and options, the
    --config-file's content, whether project facts are followed."""
    overlay = any(x.startswith("--vfsoverlay=") for x in tidy.common_args)
    # Under --staged with unstaged edits, what a unit read is not on disk.
    directory = None if a.no_cache or overlay else os.path.abspath(
        a.cache_dir or default_cache_dir())
    config = [config_file, file_digest(config_file)] if config_file else None
    shared = [x for x in tidy.common_args if not x.startswith("--vfsoverlay=")]
    identity = [build_identity(tidy.binary, directory), shared, config,
                "no-facts" if a.no_facts else "facts"]
    return ResultCache(directory, identity)


# ==========================================================================
# findings: positions, de-duplication, changed lines, fingerprints
# ==========================================================================

@dataclasses.dataclass
class Note:
    message: str
    path: str
    offset: int


@dataclasses.dataclass
class Replacement:
    path: str
    offset: int
    length: int
    text: str

    def key(self):
        return (self.path, self.offset, self.length, self.text)


@dataclasses.dataclass
class Finding:
    check: str
    level: str
    message: str
    path: str
    offset: int
    replacements: List[Replacement]
    notes: List[Note]
    line: int = 0
    column: int = 0
    fingerprint: str = ""

    def key(self):
        return (self.path, self.line, self.column, self.check, self.message)


class PathCache:
    """Diagnostic paths as real paths (clang keeps `src/../include/x.h`)."""

    def __init__(self):
        self._cache = {}

    def __call__(self, path):
        if not path:
            return ""
        if path not in self._cache:
            self._cache[path] = real(path)
        return self._cache[path]


def to_finding(d, paths: PathCache) -> Finding:
    msg = d.get("DiagnosticMessage") or {}
    notes = [Note(n.get("Message", ""), paths(n.get("FilePath", "")), n.get("FileOffset", 0))
             for n in d.get("Notes") or []]
    reps = [Replacement(paths(r.get("FilePath", "")), r.get("Offset", 0), r.get("Length", 0),
                        r.get("ReplacementText", ""))
            for r in msg.get("Replacements") or []]
    return Finding(d.get("DiagnosticName", ""), d.get("Level", "Warning"), msg.get("Message", ""),
                   paths(msg.get("FilePath", "")), msg.get("FileOffset", 0), reps, notes)


def touches_changes(f: Finding, changes: Changes, sources: Sources) -> bool:
    """The finding's line, or any of its notes (the path it describes), is a
    changed line."""
    if f.line in changes.lines.get(f.path, ()):
        return True
    return any(n.path and sources.text(n.path).line_of(n.offset) in changes.lines.get(n.path, ())
               for n in f.notes)


def fingerprint(f: Finding, root, sources: Sources, occurrence) -> str:
    text = sources.text(f.path)
    basis = "\0".join([f.check, relpath(f.path, root), " ".join(text.line_text(f.line).split()),
                       text.function_at(f.line), str(occurrence)])
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]


def relpath(path, root):
    return os.path.relpath(path, root) if path else ""


def postprocess(diags, sources: Sources, root, changes: Optional[Changes], all_lines,
                only_for: Set[str]) -> List[Finding]:
    """Positions, de-duplication across translation units, changed-lines
    filter, stable order and fingerprints; linear in the findings and files."""
    paths = PathCache()
    unique: Dict[tuple, Finding] = {}
    for d in diags:
        f = to_finding(d, paths)
        if f.path in only_for:
            continue
        f.line, f.column = sources.text(f.path).line_col(f.offset)
        unique.setdefault(f.key(), f)
    findings = sorted(unique.values(), key=Finding.key)
    if changes is not None:
        findings = [f for f in findings if f.path in changes.lines]
        if not all_lines:
            findings = [f for f in findings if touches_changes(f, changes, sources)]
    counts: Dict[tuple, int] = {}
    for f in findings:
        text = sources.text(f.path)
        k = (f.check, f.path, " ".join(text.line_text(f.line).split()), text.function_at(f.line))
        counts[k] = counts.get(k, 0) + 1
        f.fingerprint = fingerprint(f, root, sources, counts[k])
    return findings


# ==========================================================================
# baseline
# ==========================================================================

def read_baseline(path) -> Set[str]:
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        raise UsageError("cannot read baseline %s: %s" % (path, e))
    if not isinstance(doc, dict) or doc.get("tool") != TOOL:
        raise UsageError("%s is not a logstream-tidy baseline (tool: %r)" % (
            path, doc.get("tool") if isinstance(doc, dict) else None))
    if doc.get("version") != BASELINE_VERSION:
        raise UsageError("baseline %s has version %r; this logstream-ci reads version %d" % (
            path, doc.get("version"), BASELINE_VERSION))
    prints = doc.get("fingerprints")
    if not isinstance(prints, list) or not all(isinstance(p, str) for p in prints):
        raise UsageError("cannot read baseline %s: 'fingerprints' is not a list of strings" % path)
    return set(prints)


def baseline_document(findings, root) -> str:
    return json.dumps({"version": BASELINE_VERSION, "tool": TOOL,
                       "fingerprints": sorted({f.fingerprint for f in findings}),
                       "findings": [{"check": f.check, "file": relpath(f.path, root),
                                     "line": f.line, "fingerprint": f.fingerprint}
                                    for f in findings]}, indent=2) + "\n"


# ==========================================================================
# fixes: de-duplicated, all or nothing
# ==========================================================================

def unique_replacements(findings) -> Dict[str, List[Replacement]]:
    seen, out = set(), {}
    for f in findings:
        for r in f.replacements:
            if r.key() not in seen:
                seen.add(r.key())
                out.setdefault(r.path, []).append(r)
    return out


def writable_file(path) -> bool:
    """Writable, and not read-only by its mode even for root."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    return os.access(path, os.W_OK) and bool(st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def check_fix_targets(findings, sources: Sources):
    """Every file the fix-its edit must be writable (and, under --staged,
    identical to its index content) before any of them is written."""
    for path in sorted(unique_replacements(findings)):
        if path in sources.overlay:
            raise UsageError("cannot apply fix-its to %s: it has unstaged changes "
                             "(stage or stash them first)" % path)
        if not writable_file(path):
            raise UsageError("cannot apply fix-its: %s is not writable; no file was changed" % path)


def fixed_contents(findings, sources: Sources) -> Tuple[Dict[str, bytes], int]:
    out, applied = {}, 0
    for path, reps in sorted(unique_replacements(findings).items()):
        data = bytearray(sources.text(path).data)
        last_start = None
        for r in sorted(reps, key=lambda r: (r.offset, r.length), reverse=True):
            if last_start is not None and r.offset + r.length > last_start:
                warn("conflicting fix-its in %s at offset %d; skipped" % (path, r.offset))
                continue
            data[r.offset:r.offset + r.length] = r.text.encode("utf-8")
            last_start = r.offset
            applied += 1
        out[path] = bytes(data)
    return out, applied


def apply_fixes(contents: Dict[str, bytes], sources: Sources):
    """Opens every file first, then writes: a file that cannot be opened
    stops the run before anything is changed."""
    handles = []
    try:
        for path in sorted(contents):
            try:
                handles.append((path, open(path, "r+b")))
            except OSError as e:
                raise UsageError("cannot apply fix-its: %s: %s; no file was changed"
                                 % (path, e.strerror))
        for path, handle in handles:
            try:
                handle.seek(0)
                handle.write(contents[path])
                handle.truncate()
            except OSError as e:
                raise UsageError("writing fix-its to %s failed: %s" % (path, e.strerror))
            sources.forget(path)
    finally:
        for _, handle in handles:
            handle.close()


def export_fixes_document(findings) -> str:
    emitted, diags = set(), []
    for f in findings:
        mine = []
        for r in f.replacements:
            if r.key() in emitted:
                continue
            emitted.add(r.key())
            mine.append({"FilePath": r.path, "Offset": r.offset, "Length": r.length,
                         "ReplacementText": r.text})
        if mine:
            diags.append({"DiagnosticName": f.check, "Level": f.level,
                          "DiagnosticMessage": {"Message": f.message, "FilePath": f.path,
                                                "FileOffset": f.offset, "Replacements": mine}})
    doc = {"MainSourceFile": "", "Diagnostics": diags}
    return "---\n" + yaml.dump(doc, Dumper=YAML_DUMPER, default_flow_style=False,
                               sort_keys=False, allow_unicode=True) + "...\n"


# ==========================================================================
# reports
# ==========================================================================

def display(path, root):
    """A path relative to the project root (absolute when outside it)."""
    try:
        r = os.path.relpath(path, root)
    except ValueError:
        return path
    return path if r.startswith("..") else r


@dataclasses.dataclass
class Report:
    findings: List[Finding]
    failures: List[Failure]
    root: str
    units: int
    sources: Sources


def report_text(r: Report):
    out = []
    for f in r.findings:
        out.append("%s:%d:%d: %s: %s [%s]" % (display(f.path, r.root), f.line, f.column,
                                              f.level.lower(), f.message, f.check))
        for n in f.notes:
            line, col = r.sources.text(n.path).line_col(n.offset) if n.path else (0, 0)
            out.append("%s:%d:%d: note: %s" % (display(n.path, r.root), line, col, n.message))
    for fail in r.failures:
        out.append("%s: error: %s" % (display(fail.path, r.root), fail.message))
    return "\n".join(out) + ("\n" if out else "")


def report_json(r: Report):
    return json.dumps({
        "tool": TOOL, "version": VERSION,
        "translationUnits": r.units,
        "findings": [{
            "file": display(f.path, r.root), "line": f.line, "column": f.column,
            "check": f.check, "level": f.level.lower(), "message": f.message,
            "fingerprint": f.fingerprint,
            "notes": [{"file": display(n.path, r.root),
                       "line": r.sources.text(n.path).line_of(n.offset) if n.path else 0,
                       "message": n.message} for n in f.notes],
            "fixes": [{"file": display(x.path, r.root), "offset": x.offset,
                       "length": x.length, "text": x.text} for x in f.replacements],
        } for f in r.findings],
        "failures": [{"file": display(x.path, r.root), "kind": x.kind, "error": x.message}
                     for x in r.failures],
    }, indent=2) + "\n"


def rule_descriptions(root_of_tool):
    """Check id -> (short, full) from docs/checks/*.md next to the tool."""
    descs = {}
    for d in [DOCS_DIR, os.path.join(root_of_tool, "..", "..", "docs", "checks"),
              os.path.join(root_of_tool, "..", "share", "logstream-tidy", "docs", "checks")]:
        if not os.path.isdir(d):
            continue
        for name in os.listdir(d):
            if not name.endswith(".md") or name == "README.md":
                continue
            with open(os.path.join(d, name), encoding="utf-8") as f:
                paras = [p.strip() for p in re.split(r"\n\s*\n", f.read()) if p.strip()]
            body = [p for p in paras if not p.startswith("#")]
            full = " ".join(body[0].split()) if body else ""
            short = full.split(" — ")[0].split(". ")[0].rstrip(".")
            descs["logstream-" + name[:-3]] = (short, full)
        break
    return descs


def file_uri(path):
    return "file://" + urllib.parse.quote(path.replace(os.sep, "/"), safe="/")


def artifact(path, root):
    """A percent-encoded URI, relative to SRCROOT inside the project."""
    r = display(path, root)
    if os.path.isabs(r):
        return {"uri": file_uri(r)}
    return {"uri": urllib.parse.quote(r.replace(os.sep, "/"), safe="/"), "uriBaseId": "SRCROOT"}


def sarif_region(text: FileText, offset):
    line, col = text.cp_line_col(offset)
    return {"startLine": line, "startColumn": col}


def sarif_fixes(f: Finding, r: Report):
    changes = {}
    for x in f.replacements:
        text = r.sources.text(x.path)
        start = text.cp_offset(x.offset)
        changes.setdefault(x.path, []).append({
            "deletedRegion": {"charOffset": start,
                              "charLength": text.cp_offset(x.offset + x.length) - start},
            "insertedContent": {"text": x.text}})
    return [{"description": {"text": "apply the logstream-tidy fix-it"},
             "artifactChanges": [{"artifactLocation": artifact(p, r.root), "replacements": reps}
                                 for p, reps in sorted(changes.items())]}]


def sarif_rules(checks):
    descs = rule_descriptions(os.path.dirname(os.path.realpath(__file__)))
    rules = []
    for c in checks:
        short, full = descs.get(c, (c, c))
        rule = {"id": c, "name": c,
                "shortDescription": {"text": short or c},
                "fullDescription": {"text": full or c},
                "defaultConfiguration": {"level": "warning"},
                "properties": {"tags": CWE.get(c, []) + ["logging", "twelve-factor"]}}
        if c.startswith("logstream-"):
            rule["helpUri"] = DOCS_URL % c[len("logstream-"):]
        rules.append(rule)
    return rules


def report_sarif(r: Report):
    """SARIF 2.1.0; columns and character offsets in Unicode code points."""
    checks = sorted({f.check for f in r.findings})
    index = {c: i for i, c in enumerate(checks)}
    results = []
    for f in r.findings:
        res = {"ruleId": f.check, "ruleIndex": index[f.check],
               "level": "error" if f.level.lower() == "error" else "warning",
               "message": {"text": f.message},
               "locations": [{"physicalLocation": {
                   "artifactLocation": artifact(f.path, r.root),
                   "region": sarif_region(r.sources.text(f.path), f.offset)}}],
               "partialFingerprints": {"logstreamFingerprint/v1": f.fingerprint}}
        related = [{"id": i, "message": {"text": n.message},
                    "physicalLocation": {"artifactLocation": artifact(n.path, r.root),
                                         "region": sarif_region(r.sources.text(n.path), n.offset)}}
                   for i, n in enumerate(f.notes) if n.path]
        if related:
            res["relatedLocations"] = related
        if f.replacements:
            res["fixes"] = sarif_fixes(f, r)
        results.append(res)
    run = {"tool": {"driver": {"name": TOOL, "version": VERSION,
                               "informationUri": "https://github.com/logstream-tidy/logstream-tidy",
                               "rules": sarif_rules(checks)}},
           "originalUriBaseIds": {"SRCROOT": {"uri": file_uri(r.root.rstrip("/") + "/")}},
           "columnKind": "unicodeCodePoints",
           "results": results}
    if r.failures:
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": [
            {"level": "error", "message": {"text": x.message},
             "locations": [{"physicalLocation": {"artifactLocation": artifact(x.path, r.root)}}]}
            for x in r.failures]}]
    else:
        run["invocations"] = [{"executionSuccessful": True}]
    return json.dumps({"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
                       "version": "2.1.0", "runs": [run]}, indent=2) + "\n"


def gh_escape(text, prop=False):
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def report_github(r: Report):
    out = []
    for f in r.findings:
        kind = "error" if f.level.lower() == "error" else "warning"
        out.append("::%s file=%s,line=%d,col=%d,title=%s::%s" % (
            kind, gh_escape(display(f.path, r.root), True), f.line, f.column,
            gh_escape(f.check, True), gh_escape(f.message)))
    for x in r.failures:
        out.append("::error file=%s,title=logstream-tidy::%s" % (
            gh_escape(display(x.path, r.root), True), gh_escape(x.message)))
    return "\n".join(out) + ("\n" if out else "")


def report_codeclimate(r: Report):
    issues = [{"type": "issue", "check_name": f.check, "description": f.message,
               "categories": ["Bug Risk"], "fingerprint": f.fingerprint,
               "severity": "major" if f.level.lower() == "error" else "minor",
               "location": {"path": display(f.path, r.root), "lines": {"begin": f.line}}}
              for f in r.findings]
    for x in r.failures:
        issues.append({"type": "issue", "check_name": "logstream-tidy-" + x.kind + "-error",
                       "description": x.message, "categories": ["Bug Risk"],
                       "fingerprint": hashlib.sha256(display(x.path, r.root).encode()).hexdigest()[:32],
                       "severity": "blocker",
                       "location": {"path": display(x.path, r.root), "lines": {"begin": 1}}})
    return json.dumps(issues, indent=2) + "\n"


RENDERERS = {"text": report_text, "json": report_json, "sarif": report_sarif,
             "github": report_github, "codeclimate": report_codeclimate}


# ==========================================================================
# outputs: checked before the analysis, written whole
# ==========================================================================

def check_destination(option, path):
    """Fails before any work if `path` cannot be written."""
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory):
        raise UsageError("cannot write %s %s: directory %s does not exist" % (option, path, directory))
    if os.path.isdir(path):
        raise UsageError("cannot write %s %s: it is a directory" % (option, path))
    if os.path.exists(path):
        if not writable_file(path):
            raise UsageError("cannot write %s %s: the file is not writable" % (option, path))
    elif not (os.access(directory, os.W_OK | os.X_OK) and writable_file(directory)):
        raise UsageError("cannot write %s %s: directory %s is not writable" % (option, path, directory))


def write_whole(option, path, text):
    """Writes a temporary file next to `path` and renames it: a reader never
    sees half a report."""
    directory = os.path.dirname(os.path.abspath(path))
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".logstream-ci-", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(tmp, 0o666 & ~current_umask())
        os.replace(tmp, path)
    except OSError as e:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
        raise UsageError("cannot write %s %s: %s" % (option, path, e.strerror or e))


def current_umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


# ==========================================================================
# shards: a deterministic, cost-balanced 1/N of the units, and their merge
# ==========================================================================

SHARD_FORMAT = "logstream-shard"
SHARD_VERSION = 1
SHARD_FORMATS = ("json", "sarif")
# A system header (<string>, <spdlog/spdlog.h>) costs a parse of this many
# bytes of project code, in the estimate only; the estimate needs no build.
SYSTEM_INCLUDE_COST = 40000


@dataclasses.dataclass
class Shard:
    index: int       # 1-based
    count: int

    @staticmethod
    def parse(text) -> "Shard":
        m = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text or "")
        if not m or not 1 <= int(m.group(1)) <= int(m.group(2)):
            raise UsageError("--shard %s: expected K/N with 1 <= K <= N (e.g. --shard 2/4)" % text)
        return Shard(int(m.group(1)), int(m.group(2)))


def unit_cost(unit: Unit, db: Database, graph: IncludeGraph) -> int:
    """What a unit costs to analyze, estimated the same way on every machine
    from the checkout alone: its bytes, the bytes of the project headers it
    reaches, and a fixed cost per distinct system header it names."""
    def size(path):
        try:
            return os.path.getsize(path)
        except OSError:
            return 0
    entry = db.entries.get(unit.path)
    if entry is None:
        return size(unit.path)
    project, system = graph.closure(entry)
    return sum(size(p) for p in project) + SYSTEM_INCLUDE_COST * len(system)


def unit_costs(units: List[Unit], db: Database) -> Dict[str, int]:
    graph = IncludeGraph(db)
    return {u.path: unit_cost(u, db, graph) for u in units}


def shard_units(units: List[Unit], shard: Shard, cost: Dict[str, int]) -> List[Unit]:
    """Longest first onto the least loaded shard (ties: the lower shard, the
    smaller path): the same split for the same checkout on every machine."""
    costs = sorted(((cost[u.path], u.path) for u in units), key=lambda c: (-c[0], c[1]))
    loads = [0] * shard.count
    mine = set()
    for cost, path in costs:
        target = min(range(shard.count), key=lambda i: (loads[i], i))
        loads[target] += max(cost, 1)
        if target == shard.index - 1:
            mine.add(path)
    if os.environ.get("LOGSTREAM_CI_SHARD_STATS"):
        sys.stderr.write("logstream-ci: shard %d/%d: %d of %d unit(s), estimated cost %d of %d "
                         "(largest shard %d)\n" % (shard.index, shard.count, len(mine), len(units),
                                                   loads[shard.index - 1], sum(loads), max(loads)))
    return [u for u in units if u.path in mine]


# The options that decide what a shard analyzes and how: every shard of a
# run must agree on them, and `merge` runs with them.
SHARD_OPTIONS = ("build_path", "paths", "changed_since", "staged", "all_lines", "fallback_flags",
                 "fallback_c_flags", "checks", "config_file", "header_filter", "no_facts")


def shard_options(a) -> dict:
    opts = {k: getattr(a, k) for k in SHARD_OPTIONS}
    opts["paths"] = [os.path.abspath(p) for p in a.paths]
    for k in ("build_path", "config_file"):
        opts[k] = os.path.abspath(opts[k]) if opts[k] else None
    return opts


def shard_record(a, cache: ResultCache, units: List[Unit]) -> dict:
    """What `merge` needs from a shard: its place, its options and the cache
    entries (results, facts, file hashes) of its units."""
    return {"format": SHARD_FORMAT, "version": SHARD_VERSION,
            "shard": [a.shard.index, a.shard.count], "options": shard_options(a),
            "entries": [cache.used[u.path] for u in units if u.path in cache.used]}


def embed_shard(report: str, fmt, record) -> str:
    """The shard record inside the report: a top-level "shard" member in
    JSON, the run's property bag in SARIF."""
    doc = json.loads(report)
    if fmt == "sarif":
        doc["runs"][0].setdefault("properties", {})[SHARD_FORMAT] = record
    else:
        doc["shard"] = record
    return json.dumps(doc, indent=2) + "\n"


def read_shard(path) -> Tuple[dict, str]:
    """(record, format) of a shard report."""
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        raise UsageError("cannot read shard report %s: %s" % (path, e))
    record, fmt = None, None
    if isinstance(doc, dict) and isinstance(doc.get("runs"), list) and doc["runs"] and \
            isinstance(doc["runs"][0], dict):
        record, fmt = (doc["runs"][0].get("properties") or {}).get(SHARD_FORMAT), "sarif"
    elif isinstance(doc, dict):
        record, fmt = doc.get("shard"), "json"
    if not isinstance(record, dict) or record.get("format") != SHARD_FORMAT:
        raise UsageError("%s is not a logstream-ci shard report (run with --shard K/N and "
                         "--format json or sarif)" % path)
    if record.get("version") != SHARD_VERSION:
        raise UsageError("shard report %s has version %r; this logstream-ci reads version %d"
                         % (path, record.get("version"), SHARD_VERSION))
    where = record.get("shard")
    if not (isinstance(where, list) and len(where) == 2 and all(isinstance(x, int) for x in where)
            and isinstance(record.get("options"), dict) and isinstance(record.get("entries"), list)):
        raise UsageError("shard report %s is malformed" % path)
    return record, fmt


def read_shards(paths) -> Tuple[dict, str, List[dict]]:
    """The shards' common options, their format and all their entries; every
    shard of 1..N exactly once, all run with the same options."""
    records = [read_shard(p) + (p,) for p in paths]
    count = records[0][0]["shard"][1]
    seen: Dict[int, str] = {}
    for record, fmt, path in records:
        k, n = record["shard"]
        if n != count:
            raise UsageError("%s is shard %d/%d, %s is of %d shards" % (path, k, n, records[0][2], count))
        if k in seen:
            raise UsageError("shard %d/%d given twice (%s, %s)" % (k, n, seen[k], path))
        if record["options"] != records[0][0]["options"]:
            raise UsageError("%s was run with other options than %s" % (path, records[0][2]))
        seen[k] = path
    missing = sorted(set(range(1, count + 1)) - set(seen))
    if missing:
        raise UsageError("missing shard(s) %s of %d" % (", ".join("%d/%d" % (k, count) for k in missing),
                                                        count))
    entries = [e for record, _, _ in records for e in record["entries"] if isinstance(e, dict)]
    return records[0][0]["options"], records[0][1], entries


def merge_main(argv) -> int:
    """`logstream-ci merge`: the unsharded run over the shards' results. Every
    unit comes from a shard (none is parsed again, unless project facts from
    another shard change what its calls resolve to), and the report is the
    one an unsharded run writes, byte for byte."""
    p = argparse.ArgumentParser(prog="logstream-ci merge",
                                description="Combine shard reports (logstream-ci --shard K/N) "
                                            "into the report of an unsharded run.")
    p.add_argument("shards", nargs="+", metavar="SHARD", help="the N shard reports (JSON or SARIF)")
    p.add_argument("--format", choices=sorted(RENDERERS),
                   help="report format (default: the shard reports' format)")
    for option in ("--output", "--baseline", "--write-baseline", "--export-fixes", "--tidy",
                   "--cache-dir"):
        p.add_argument(option)
    p.add_argument("-j", dest="jobs")
    p.add_argument("--no-cache", action="store_true")
    p.add_argument("--quiet", action="store_true")
    m = p.parse_args(argv)
    options, fmt, entries = read_shards(m.shards)
    args = ["--format", m.format or fmt]
    for k in ("output", "baseline", "write_baseline", "export_fixes", "tidy", "cache_dir"):
        if getattr(m, k):
            args += ["--" + k.replace("_", "-"), getattr(m, k)]
    args += ["-j", m.jobs] if m.jobs else []
    args += [flag for flag, on in (("--no-cache", m.no_cache), ("--quiet", m.quiet)) if on]
    for k, v in sorted(options.items()):
        if k in ("paths", "build_path") or v in (None, False):
            continue
        args.append("--" + k.replace("_", "-") + ("" if v is True else "=" + v))
    if options.get("build_path"):
        args += ["-p", options["build_path"]]
    a = parse_args(args + ["--"] + list(options.get("paths") or []))
    a.imported = entries
    return run(a)


# ==========================================================================
# cli
# ==========================================================================

def parse_args(argv):
    p = argparse.ArgumentParser(prog="logstream-ci", description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog="\n\n".join(__doc__.split("\n\n")[1:]))
    p.add_argument("paths", nargs="*",
                   help="files, or directories (their database entries); default: the whole database")
    p.add_argument("-p", dest="build_path", help="build directory with compile_commands.json")
    p.add_argument("--changed-since", metavar="REV",
                   help="only what changed since the merge base of REV and HEAD")
    p.add_argument("--staged", action="store_true",
                   help="only what is staged for commit (the index content is analysed)")
    p.add_argument("--all-lines", action="store_true",
                   help="with --changed-since/--staged: report whole files, not only changed lines")
    p.add_argument("--fallback-flags", default="-std=c++17",
                   help="flags for C++ files not in the database (default: -std=c++17)")
    p.add_argument("--fallback-c-flags", default="-std=c17",
                   help="flags for C files not in the database (default: -std=c17)")
    p.add_argument("--checks", help="added after the default -*,logstream-* (e.g. -logstream-buffered-stdout)")
    p.add_argument("--config-file", help="clang-tidy --config-file (instead of .clang-tidy files)")
    p.add_argument("--header-filter", help="clang-tidy --header-filter (default: the project root)")
    p.add_argument("-j", dest="jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--quiet", action="store_true", help="no progress line and no summary")
    p.add_argument("--fix", action="store_true", help="apply fix-its (each edit once, all or nothing)")
    p.add_argument("--export-fixes", metavar="FILE", help="write fix-its for clang-apply-replacements")
    p.add_argument("--format", default="text", choices=sorted(RENDERERS))
    p.add_argument("--output", metavar="FILE", help="write the report here instead of stdout")
    p.add_argument("--baseline", metavar="FILE", help="report only findings not in this baseline")
    p.add_argument("--write-baseline", metavar="FILE", help="record the current findings as the baseline")
    p.add_argument("--tidy", help="the logstream-tidy binary (default: next to this program, then PATH)")
    p.add_argument("--version", action="version", version="logstream-ci " + VERSION)
    p.add_argument("--cache-dir", "--facts-cache", dest="cache_dir", metavar="DIR",
                   help="the result cache (default: $XDG_CACHE_HOME/logstream-tidy)")
    p.add_argument("--no-cache", action="store_true", help="analyze every unit, keep nothing")
    p.add_argument("--shard", metavar="K/N", type=Shard.parse,
                   help="analyze the K-th of N cost-balanced parts (see `logstream-ci merge`)")
    logstream_facts.add_arguments(p)
    a = p.parse_args(argv)
    a.imported = []
    if a.jobs < 1:
        raise UsageError("-j must be at least 1")
    if a.shard and a.format not in SHARD_FORMATS:
        raise UsageError("--shard writes a json or sarif report (for `logstream-ci merge`)")
    if a.shard and (a.baseline or a.write_baseline):
        raise UsageError("--shard: give --baseline/--write-baseline to `logstream-ci merge`")
    if a.changed_since and a.staged:
        raise UsageError("--changed-since and --staged exclude each other")
    for option in ("output", "write_baseline", "export_fixes"):
        if getattr(a, option):
            check_destination("--" + option.replace("_", "-"), getattr(a, option))
    if a.config_file and not os.path.isfile(a.config_file):
        raise UsageError("cannot read config file %s" % a.config_file)
    return a


def main(argv):
    if argv[:1] == ["facts"]:
        return logstream_facts.main(argv[1:], sys.modules[__name__])
    try:
        if argv[:1] == ["merge"]:
            return merge_main(argv[1:])
        return run(parse_args(argv))
    except UsageError as e:
        sys.stderr.write("logstream-ci: error: %s\n" % e)
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("logstream-ci: interrupted\n")
        return 2
    except Exception as e:  # a bug: still one line and exit 2, never "findings"
        sys.stderr.write("logstream-ci: error: internal error: %s: %s\n" % (type(e).__name__, e))
        return 2


def select(a, db: Database, root) -> Tuple[Set[str], Optional[Changes]]:
    """The files to analyse, and the changed lines in changed-lines mode."""
    if a.changed_since or a.staged:
        changes = changed_lines(a.changed_since, a.staged, root)
        candidates = {f for f in changes.lines if f.endswith(SOURCE_EXTENSIONS + HEADER_EXTENSIONS)}
        if a.paths:
            candidates &= expand_inputs(a.paths, db)
        return candidates, changes
    if a.paths:
        return expand_inputs(a.paths, db), None
    if not db.path:
        raise UsageError("no compilation database found (looked in ., build/ and parent "
                         "directories); pass -p <build-dir> or files to analyze")
    if not db.entries:
        raise UsageError("the compilation database %s has no C or C++ translation unit" % db.path)
    return set(db.entries), None


def common_args(a, root, overlay) -> List[str]:
    args = ["--checks=" + checks_of(a)]
    if a.config_file:
        args.append("--config-file=" + os.path.abspath(a.config_file))
    args.append("--header-filter=" + (a.header_filter if a.header_filter is not None
                                      else "^" + re.escape(root + os.sep)))
    if overlay:
        args.append("--vfsoverlay=" + overlay)
    return args


def checks_of(a) -> str:
    return DEFAULT_CHECKS + ("," + a.checks if a.checks else "")


@dataclasses.dataclass
class Outcome:
    findings: List[Finding]
    failures: List[Failure]
    units: int
    suppressed: int          # findings the baseline hid
    shard: Optional[dict] = None   # with --shard: what `merge` needs


def write_outputs(a, o: Outcome, root, sources: Sources, all_findings):
    """Fix-its, exports, baseline and report. Everything that can be checked
    is checked before the first byte is written."""
    fixed, applied = {}, 0
    if a.fix:
        check_fix_targets(o.findings, sources)
        fixed, applied = fixed_contents(o.findings, sources)
    report = RENDERERS[a.format](Report(o.findings, o.failures, root, o.units, sources))
    if o.shard is not None:
        report = embed_shard(report, a.format, o.shard)
    if a.write_baseline:
        write_whole("--write-baseline", a.write_baseline, baseline_document(all_findings, root))
    if a.export_fixes:
        write_whole("--export-fixes", a.export_fixes, export_fixes_document(o.findings))
    if a.fix:
        apply_fixes(fixed, sources)
        if not a.quiet:
            sys.stderr.write("logstream-ci: applied %d fix-it edit(s)\n" % applied)
    if a.output:
        write_whole("--output", a.output, report)
    else:
        sys.stdout.write(report)


def summary(a, o: Outcome) -> str:
    crashed = sum(1 for x in o.failures if x.kind == "crash")
    return "logstream-ci: %d translation unit(s), %d finding(s)%s, %d failed to compile%s\n" % (
        o.units, len(o.findings),
        " (%d suppressed by the baseline)" % o.suppressed if a.baseline else "",
        len(o.failures) - crashed, ", %d crashed logstream-tidy" % crashed if crashed else "")


def exit_code(a, o: Outcome) -> int:
    if o.failures:
        return 2
    if a.write_baseline:
        return 0
    return 1 if o.findings else 0


class Profile:
    """LOGSTREAM_CI_PROFILE=1: where a run's wall time goes, and the CPU
    time of the driver and of the logstream-tidy processes."""

    def __init__(self):
        self.on = bool(os.environ.get("LOGSTREAM_CI_PROFILE"))
        self.start = self.last = time.perf_counter()
        self.laps: List[Tuple[str, float]] = []

    def lap(self, name):
        now = time.perf_counter()
        self.laps.append((name, now - self.last))
        self.last = now

    def report(self, units):
        if not self.on:
            return
        me = resource.getrusage(resource.RUSAGE_SELF)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        sys.stderr.write("logstream-ci: profile: %s; total %.2f s wall; CPU: driver %.2f s, "
                         "logstream-tidy %.2f s (%d unit(s))\n" % (
                             ", ".join("%s %.2f s" % lap for lap in self.laps),
                             time.perf_counter() - self.start, me.ru_utime + me.ru_stime,
                             kids.ru_utime + kids.ru_stime, units))


def run(a) -> int:
    profile = Profile()
    tidy_binary = find_tidy(a.tidy)
    db = load_database(find_database(a.build_path))
    known = read_baseline(a.baseline) if a.baseline else None
    root = project_root(db)
    candidates, changes = select(a, db, root)
    work = plan(candidates, db, a, root)
    cost = unit_costs(work.units, db)
    if a.shard:
        work.units = shard_units(work.units, a.shard, cost)
    sources = Sources(changes.index_content if changes else None)
    profile.lap("setup")
    with tempfile.TemporaryDirectory(prefix="logstream-ci-") as scratch:
        db.write_filtered(scratch)
        overlay = write_overlay(sources.overlay, scratch)
        tidy = Tidy(tidy_binary, common_args(a, root, overlay), scratch, scratch)
        verify_configuration(tidy, checks_of(a), a.checks, config_files([u.path for u in work.units],
                                                              a.config_file), a.jobs)
        profile.lap("configuration")
        cache = make_cache(a, tidy, os.path.abspath(a.config_file) if a.config_file else None)
        cache.imported = {e.get("key"): e for e in a.imported}
        progress = sys.stderr.isatty() and not a.quiet
        # Without the cache and without shards, entries would serve nothing.
        keep = not a.no_cache or a.shard or a.imported
        diags, failures = analyze(tidy, work.units, a.jobs, progress, root, a,
                                  db.directory, cache if keep else None, cost)
        profile.lap("analysis")
    cache.prune()
    if os.environ.get("LOGSTREAM_CI_CACHE_STATS"):
        st = cache.stats
        sys.stderr.write("logstream-ci: cache: %d hit(s), %d miss(es), %d corrupt, %d stored\n"
                         % (st.hits, st.misses, st.corrupt, st.stored))
    findings = postprocess(diags, sources, root, changes, a.all_lines, work.only_for)
    kept = findings if known is None else [f for f in findings if f.fingerprint not in known]
    outcome = Outcome(kept, failures, len(work.units), len(findings) - len(kept),
                      shard_record(a, cache, work.units) if a.shard else None)
    write_outputs(a, outcome, root, sources, findings)
    profile.lap("reports")
    profile.report(len(work.units))
    if not a.quiet:
        sys.stderr.write(summary(a, outcome))
    return exit_code(a, outcome)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
