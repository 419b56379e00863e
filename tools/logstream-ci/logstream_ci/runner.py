"""Running logstream-tidy: what to analyse (units, fallback flags, headers
through an including unit), the configuration check, one run per unit in
parallel, and failures."""

import concurrent.futures
import dataclasses
import json
import os
import re
import shlex
import signal
import subprocess
import sys
import threading
import time
from typing import Dict, List, Optional, Set, Tuple

from .common import (CXX_HEADERS, CXX_SOURCES, C_SOURCES, HEADER_EXTENSIONS, UsageError,
                     YAML_LOADER, display, real, warn, yaml)
from .facts import Job, TidyRun, run_units
from .inputs import Database, IncludeGraph



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


def find_tidy(explicit, tool_dir) -> str:
    for how, c in (("--tidy", explicit), ("LOGSTREAM_TIDY", os.environ.get("LOGSTREAM_TIDY"))):
        if c:
            if os.path.isfile(c) and os.access(c, os.X_OK):
                return c
            raise UsageError("%s %s is not an executable file" % (how, c))
    here = os.path.join(tool_dir, "logstream-tidy")
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


class Occupancy:
    """How many logstream-tidy processes run at each moment: the time with k
    of them running, k = 0..jobs (LOGSTREAM_CI_PROFILE). The time with fewer
    than `jobs` running while there is work left is what the driver leaves
    idle (start-up, phase barriers, the last units, its own work), whatever
    the load of the machine."""

    def __init__(self):
        self.lock = threading.Lock()
        self.running = 0
        self.since = None
        self.spans: Dict[int, float] = {}

    def _account(self):
        now = time.perf_counter()
        if self.since is not None:
            self.spans[self.running] = self.spans.get(self.running, 0.0) + now - self.since
        self.since = now

    def enter(self):
        with self.lock:
            self._account()
            self.running += 1

    def leave(self):
        with self.lock:
            self._account()
            self.running -= 1

    def summary(self, jobs) -> str:
        with self.lock:
            self._account()
            total = sum(self.spans.values()) or 1.0
            full = sum(t for k, t in self.spans.items() if k >= jobs)
            return "logstream-tidy processes: %s; %d running %.0f%% of the time" % (
                ", ".join("%d for %.2f s" % (k, t) for k, t in sorted(self.spans.items())),
                jobs, 100.0 * full / total)


class Tidy:
    """How logstream-tidy is run: the binary, the arguments every invocation
    shares, and a scratch directory (the filtered compilation database and
    the export files)."""

    def __init__(self, binary, common_args, scratch):
        self.binary = binary
        self.common_args = common_args
        self.scratch = scratch
        self.cwd = os.getcwd()     # relative paths in --fallback-flags
        self.occupancy = Occupancy()

    def run(self, args, cwd=None) -> Tuple[int, str]:
        self.occupancy.enter()
        try:
            proc = subprocess.run([self.binary] + args, cwd=cwd or self.scratch,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        finally:
            self.occupancy.leave()
        return proc.returncode, proc.stdout.decode("utf-8", "replace")

    def invoke(self, unit: Unit, index: int, job: Job) -> TidyRun:
        """One unit's run with the job's arguments; its exported
        diagnostics with absolute paths."""
        export = os.path.join(self.scratch, "%s%d.yaml" % ("recheck" if job.recheck else "tu", index))
        args = ["--quiet", "--export-fixes=" + export] + list(job.args)
        if unit.fallback is None:
            args += ["-p", self.scratch, unit.path]
        else:
            args += [unit.path, "--"] + unit.fallback
        rc, out = self.run(args, cwd=self.cwd)
        diags = []
        if os.path.exists(export):
            with open(export, encoding="utf-8") as f:
                diags = (yaml.load(f, Loader=YAML_LOADER) or {}).get("Diagnostics") or []
        absolutize(diags, unit.directory)
        return TidyRun(unit.path, rc, out, diags)


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


def failure_of(result: TidyRun) -> Tuple[Optional[Failure], list]:
    """Did the translation unit fail? Returns the failure and the diagnostics
    that remain findings."""
    diags, rc, path = result.diagnostics, result.returncode, result.tu
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
            lines = [line for line in result.output.strip().splitlines() if line.strip()]
            if lines:
                why += ": " + lines[-1]
        return Failure(path, "compile", why), [d for d in diags if d not in errors]
    return None, diags


def analyze(tidy: Tidy, units: List[Unit], jobs, root, build_dir=None, cache=None, cost=None,
            facts=True, progress=False, notes=True) -> Tuple[list, List[Failure]]:
    """Runs every unit (the most expensive first) through the project-facts
    phases (extract while checking, merge, re-check the units whose facts
    changed; see facts.py) and the result cache; returns (diagnostics,
    failures) in unit order. A configuration error in any unit's output
    stops the run (exit 2). `progress`: a line on stderr per finished run;
    `notes`: the facts phases' notes on stderr."""
    index = {u.path: (i, u) for i, u in enumerate(units)}
    lock, done = threading.Lock(), [0]

    def run_job(job: Job) -> TidyRun:
        i, unit = index[job.tu]
        result = tidy.invoke(unit, i, job)
        if progress:
            with lock:
                done[0] += 1
                sys.stderr.write("\r[%d] %s\x1b[K" % (done[0], display(unit.path, root)))
        return result

    work = [Job(u.path, tuple(u.fallback) if u.fallback is not None else None,
                tuple(tidy.common_args)) for u in units]
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        results = run_units(pool, work, run_job, build_dir, root, cache, cost, facts, notes)
    if progress:
        sys.stderr.write("\r\x1b[K")
    diags, failures = [], []
    for result in results:
        error = configuration_error(result.output)
        if error:
            raise UsageError(error)
        failure, remaining = failure_of(result)
        if failure:
            failures.append(failure)
        diags += remaining
    return diags, failures
