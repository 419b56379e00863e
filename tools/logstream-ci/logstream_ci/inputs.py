"""Inputs: the compilation database, the project root, git changes, and file
contents as logstream-tidy saw them (with line and function indexes)."""

import bisect
import dataclasses
import json
import os
import re
import shlex
import subprocess
from typing import Dict, List, Optional, Set, Tuple

from .common import ASSEMBLER_EXTENSIONS, C_SOURCES, HEADER_EXTENSIONS, SOURCE_EXTENSIONS, UsageError, real



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
