"""Project facts: per-translation-unit extraction, merge, re-check.

The phases (docs/project-facts.md):

1. Extraction. The logstream-project-facts check writes, for each
   translation unit, a summary of the project's own functions (which
   parameter they open for writing or rename, whether they log and where,
   whether they write SECURITY records or return a security operation's
   result) and the calls through which they pass their parameters on. It runs
   in the same parse as the other checks.
2. Merge. merge() combines every unit's summaries and closes them over the
   calls (wrappers of wrappers, with the caller's arguments mapped onto the
   callee's parameters), deterministically, into one facts file.
3. Check. The checks read the merged file (logstream.FactsFile, or
   LOGSTREAM_FACTS_FILE for the runs logstream-ci drives). A unit is checked
   again only when the facts its calls resolve to differ from the facts it was
   checked with.

Per unit, the cache keeps the facts and the findings, keyed on the tool, the
compile command, the check configuration and the content of every file the
unit read; an unchanged unit is neither parsed nor re-extracted.
"""

import dataclasses
import hashlib
import json
import os
import shutil
import sys
import tempfile
from typing import List, Optional, Tuple

FORMAT = "logstream-facts"
UNIT_FORMAT = "logstream-unit-facts"
VERSION = 1
CACHE_VERSION = 1
EXTRACTION_CHECK = "logstream-project-facts"
# A template longer than this, or more effects per function than this, is not
# followed further (recursive helpers that keep appending suffixes).
MAX_TEMPLATE_PARTS = 12
MAX_EFFECTS = 8
MAX_CHAIN = 8
AUTH_FACILITIES = (4 << 3, 10 << 3)  # LOG_AUTH, LOG_AUTHPRIV


class FactsError(Exception):
    pass


def canonical(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def dumps(doc):
    return json.dumps(doc, sort_keys=True, indent=1) + "\n"


def write_atomically(path, text):
    """A temporary file renamed into place: concurrent runs never see (or
    leave) half a file."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=os.path.dirname(path))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except OSError:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


# --------------------------------------------------------------------------
# Merge
# --------------------------------------------------------------------------

ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth"]


def ordinal(i):
    return ORDINALS[i] if i < len(ORDINALS) else "%dth" % (i + 1)


def display(path, root):
    if root and path.startswith(root.rstrip(os.sep) + os.sep):
        return os.path.relpath(path, root)
    return path


def render(template, params):
    out = []
    for part in template:
        if isinstance(part, str):
            out.append(part)
        elif isinstance(part, int):
            name = params[part] if part < len(params) and params[part] else "arg%d" % (part + 1)
            out.append("<%s>" % name)
        else:
            out.append("*")
    return "".join(out)


def describe(template, params):
    """'its first argument' or "a path built from its first argument ('<dir>/app.log')"."""
    indices = sorted({p for p in template if isinstance(p, int) and not isinstance(p, bool)})
    which = " and ".join("its %s argument" % ordinal(i) for i in indices)
    if len(template) == 1 and indices:
        return which
    return "a path built from %s ('%s')" % (which, render(template, params))


def substitute(template, args):
    """A callee's path template with the caller's argument templates spliced in."""
    out = []
    for part in template:
        if isinstance(part, int) and not isinstance(part, bool):
            arg = args[part] if part < len(args) else None
            pieces = arg if isinstance(arg, list) else [None]
        else:
            pieces = [part]
        for p in pieces:
            if out and isinstance(p, str) and isinstance(out[-1], str):
                out[-1] += p
            elif out and p is None and out[-1] is None:
                continue
            else:
                out.append(p)
    return out


def has_param(template):
    return any(isinstance(p, int) and not isinstance(p, bool) for p in template)


def apply_transform(transform, true_is_success):
    kind = transform.get("kind", "direct")
    if kind == "not":
        return not true_is_success
    if kind in ("eq", "ne"):
        value = transform.get("value", 0)
        matches = value != 0 if true_is_success else value == 0
        return matches if kind == "eq" else not matches
    return true_is_success


def pick_summaries(units):
    """key -> (summary, tu): one summary per function; a function seen by
    several units (defined in a header) keeps the smallest in canonical form."""
    chosen = {}
    for unit in sorted(units, key=lambda u: u.get("tu", "")):
        for key, summary in sorted((unit.get("functions") or {}).items()):
            text = canonical(summary)
            if key not in chosen or text < chosen[key][1]:
                chosen[key] = (summary, text)
    return {k: v[0] for k, v in chosen.items()}


class Merger:
    def __init__(self, summaries, root):
        self.s = summaries
        self.root = root
        self.facts = {k: {} for k in summaries}

    def at(self, key, line):
        return "%s:%d" % (display(self.s[key].get("file", ""), self.root), line)

    def name(self, key):
        return self.s[key].get("name", key)

    def params(self, key):
        return self.s[key].get("params") or []

    def seed(self):
        for key in sorted(self.s):
            f, facts, n = self.s[key], self.facts[key], self.name(key)
            for kind, verb in (("opens", None), ("manages", None)):
                for e in f.get(kind) or []:
                    if kind == "opens":
                        text = "'%s' opens %s for writing with '%s'" % (
                            n, describe(e["path"], self.params(key)), e["api"])
                    else:
                        text = "'%s' %s %s with '%s'" % (
                            n, {"rotate": "renames", "delete": "deletes",
                                "truncate": "truncates"}.get(e.get("op"), "manages"),
                            describe(e["path"], self.params(key)), e["api"])
                    effect = {k: v for k, v in e.items() if k != "line"}
                    effect["chain"] = [{"text": text, "at": self.at(key, e["line"])}]
                    self.add_effect(facts, kind, effect)
            log = f.get("logging")
            if log:
                where = {"syslog": "syslog", "stdout": "stdout", "stderr": "stderr"}.get(
                    log["dest"], "'%s'" % log.get("handle", "").split("!")[-1])
                entry = {k: v for k, v in log.items() if k in ("dest", "handle", "facility",
                                                            "facility_param", "message_param")}
                entry["chain"] = [{"text": "'%s' writes log records to %s with '%s'" % (
                    n, where, log.get("api", "")), "at": self.at(key, log["line"])}]
                facts["logging"] = entry
            if f.get("compares"):
                facts["compares"] = f["compares"]
                if f.get("compares_equal"):
                    facts["compares_equal"] = True
            rec = f.get("security_record")
            if rec:
                facts["security_record"] = {"chain": [{
                    "text": "'%s' writes a SECURITY record on every path (%s)" % (n, rec["what"]),
                    "at": self.at(key, rec["line"])}]}
            op = f.get("security_op")
            if op and not rec:
                facts["security_op"] = {
                    "event": op["event"], "true_is_success": op["true_is_success"],
                    "chain": [{"text": "'%s' returns the result of %s" % (n, op["what"]),
                               "at": self.at(key, op["line"])}]}

    @staticmethod
    def add_effect(facts, kind, effect):
        effects = facts.setdefault(kind, [])
        ident = canonical({k: v for k, v in effect.items() if k != "chain"})
        if len(effects) >= MAX_EFFECTS or len(effect["path"]) > MAX_TEMPLATE_PARTS:
            return False
        if any(canonical({k: v for k, v in e.items() if k != "chain"}) == ident for e in effects):
            return False
        effects.append(effect)
        return True

    def step(self, key, callee, edge, what):
        return {"text": "'%s' %s '%s'" % (self.name(key), what, self.name(callee)),
                "at": self.at(key, edge["line"])}

    def close_edge(self, key, edge):
        callee = edge.get("callee")
        if callee not in self.facts:
            return False  # a function without a definition in the project
        g, f = self.facts[callee], self.facts[key]
        args = edge.get("args") or []
        changed = False
        for kind in ("opens", "manages"):
            for e in list(g.get(kind) or []):
                path = substitute(e["path"], args)
                if not has_param(path):
                    continue  # a concrete path: judged at this call by the checks
                derived = {k: v for k, v in e.items() if k in ("api", "op")}
                derived["path"] = path
                m = e.get("mode_param")
                if m is not None:
                    arg = args[m] if m < len(args) else None
                    if isinstance(arg, list) and len(arg) == 1 and isinstance(arg[0], str):
                        if not any(c in arg[0] for c in "wa+"):
                            continue  # the caller reads
                    elif isinstance(arg, list) and len(arg) == 1 and isinstance(arg[0], int):
                        derived["mode_param"] = arg[0]
                f_param = e.get("flags_param")
                if f_param is not None:
                    flags = (edge.get("ints") or {}).get(str(f_param))
                    arg = args[f_param] if f_param < len(args) else None
                    if isinstance(flags, int) and not isinstance(flags, bool):
                        if not flags & 3 and not flags & 0o100:
                            continue  # O_RDONLY without O_CREAT: the caller reads
                    elif isinstance(arg, list) and len(arg) == 1 and isinstance(arg[0], int) \
                            and not isinstance(arg[0], bool):
                        derived["flags_param"] = arg[0]
                u_param = e.get("unless_param")
                if u_param is not None:
                    value = (edge.get("ints") or {}).get(str(u_param))
                    arg = args[u_param] if u_param < len(args) else None
                    if isinstance(value, int) and value:
                        continue  # the caller takes the branch that returns first
                    if isinstance(arg, list) and len(arg) == 1 and isinstance(arg[0], int) \
                            and not isinstance(arg[0], bool):
                        derived["unless_param"] = arg[0]
                if e.get("returns") and (edge.get("returned") or {}).get("kind") == "direct":
                    derived["returns"] = True
                text = "passes %s to" % describe(path, self.params(key))
                derived["chain"] = ([self.step(key, callee, edge, text)] + e["chain"])[:MAX_CHAIN]
                changed |= self.add_effect(f, kind, derived)
        log = g.get("logging")
        # A wrapper passes its own message parameter as the callee's message.
        message = log.get("message_param") if log else None
        arg = args[message] if message is not None and message < len(args) else None
        forwards = isinstance(arg, list) and len(arg) == 1 and isinstance(arg[0], int) \
            and not isinstance(arg[0], bool)
        if log and forwards and "logging" not in f:
            entry = {k: v for k, v in log.items() if k in ("dest", "handle", "facility")}
            entry["message_param"] = arg[0]
            p = log.get("facility_param")
            if p is not None:
                ints = edge.get("ints") or {}
                arg = args[p] if p < len(args) else None
                if str(p) in ints:
                    entry["facility"] = ints[str(p)] & 0x03f8
                elif isinstance(arg, list) and len(arg) == 1 and isinstance(arg[0], int) \
                        and not isinstance(arg[0], bool):
                    entry["facility_param"] = arg[0]
            entry["chain"] = ([self.step(key, callee, edge, "forwards its message to")]
                              + log["chain"])[:MAX_CHAIN]
            f["logging"] = entry
            changed = True
        if g.get("security_record") and edge.get("uncond") and "security_record" not in f:
            f["security_record"] = {"chain": ([self.step(key, callee, edge, "calls, on every path,")]
                                              + g["security_record"]["chain"])[:MAX_CHAIN]}
            f.pop("security_op", None)
            changed = True
        op = g.get("security_op")
        if op and edge.get("returned") and "security_op" not in f and "security_record" not in f:
            f["security_op"] = {
                "event": op["event"],
                "true_is_success": apply_transform(edge["returned"], op["true_is_success"]),
                "chain": ([self.step(key, callee, edge, "returns the result of")]
                          + op["chain"])[:MAX_CHAIN]}
            changed = True
        return changed

    def close(self):
        # Facts only grow and are bounded: the fixpoint terminates, also on
        # recursion and cycles.
        for _ in range(64):
            changed = False
            for key in sorted(self.s):
                for edge in self.s[key].get("calls") or []:
                    changed |= self.close_edge(key, edge)
            if not changed:
                return


def merge(units, root):
    """The merged, closed facts of a list of per-unit facts documents."""
    summaries = pick_summaries(units)
    m = Merger(summaries, root)
    m.seed()
    m.close()
    functions = {}
    for key in sorted(summaries):
        facts = {k: v for k, v in m.facts[key].items() if v}
        if not facts:
            continue
        s = summaries[key]
        facts.update({"name": s.get("name", key), "file": s.get("file", ""),
                      "line": s.get("line", 0), "digest": s.get("digest", "")})
        functions[key] = facts
    handles = {}
    for key in sorted(functions):
        log = functions[key].get("logging")
        if log and log.get("dest") == "handle" and log.get("handle") and \
                log["handle"] not in handles:
            handles[log["handle"]] = {"chain": log["chain"]}
    facilities, unknown = set(), False
    for unit in units:
        facilities.update(unit.get("openlog") or [])
        unknown |= bool(unit.get("openlog_unknown"))
    doc = {"format": FORMAT, "version": VERSION, "root": root,
           "functions": functions, "log_handles": handles}
    if len(facilities) == 1 and not unknown:
        doc["openlog_facility"] = facilities.pop()
    return doc


def check_unit(doc, origin):
    if not isinstance(doc, dict) or doc.get("format") != UNIT_FORMAT:
        raise FactsError("%s is not a logstream per-unit facts file" % origin)
    if doc.get("version") != VERSION:
        raise FactsError("%s has facts version %r, expected %d" % (origin, doc.get("version"), VERSION))
    return doc


def load_unit(path):
    try:
        with open(path, encoding="utf-8") as f:
            return check_unit(json.load(f), path)
    except (OSError, ValueError) as e:
        raise FactsError("cannot read %s: %s" % (path, e))


# --------------------------------------------------------------------------
# Which units a change of facts affects
# --------------------------------------------------------------------------

def relevant_digest(unit, merged):
    """A digest of the merged facts that can change this unit's findings."""
    if not merged or not unit:
        return ""
    functions = merged.get("functions") or {}
    called = [k for k in unit.get("called") or [] if k in functions]
    security = bool(unit.get("security_sites")) or any(
        "security_op" in functions[k] for k in called)
    parts = []
    for k in sorted(called):
        f = functions[k]
        keep = {kind: f[kind] for kind in ("opens", "manages", "security_op", "security_record",
                                           "compares", "compares_equal") if kind in f}
        if security and "logging" in f:
            keep["logging"] = f["logging"]
        if keep:
            parts.append([k, keep])
    handles = merged.get("log_handles") or {}
    for h in sorted({h.get("handle") for h in unit.get("handles") or []}):
        if h in handles:
            parts.append(["handle", h])
    if security and "openlog_facility" in merged:
        parts.append(["openlog", merged["openlog_facility"]])
    if not parts:
        return ""
    return hashlib.sha256(canonical(parts).encode()).hexdigest()[:32]


# --------------------------------------------------------------------------
# Cache: logstream-ci's ResultCache keeps each unit's facts with its result
# --------------------------------------------------------------------------

def compile_commands(build_dir):
    db = {}
    if not build_dir:
        return db
    try:
        with open(os.path.join(build_dir, "compile_commands.json"), encoding="utf-8") as f:
            for e in json.load(f):
                path = e["file"] if os.path.isabs(e["file"]) else os.path.join(e["directory"], e["file"])
                db.setdefault(os.path.normpath(path), [e.get("directory"), e.get("arguments") or e.get("command")])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return db


def with_extraction(extra):
    """clang-tidy arguments that also enable the extraction check (--checks on
    the command line is appended to the configuration's Checks)."""
    out, done = [], False
    for arg in extra:
        if arg.startswith("--checks="):
            arg += "," + EXTRACTION_CHECK
            done = True
        out.append(arg)
    if not done:
        out.append("--checks=" + EXTRACTION_CHECK)
    return tuple(out)


def read_outputs(directory):
    """tu -> per-unit facts written by the extraction check."""
    found = {}
    if not os.path.isdir(directory):
        return found
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".json"):
            continue
        try:
            unit = load_unit(os.path.join(directory, name))
        except FactsError as e:
            sys.stderr.write("logstream-ci: warning: %s\n" % e)
            continue
        found[unit.get("tu", "")] = unit
    return found


# --------------------------------------------------------------------------
# logstream-ci integration
# --------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Job:
    """One logstream-tidy run of a phase."""
    tu: str
    fallback: Optional[Tuple[str, ...]]    # compiler flags when not in the database
    args: Tuple[str, ...]                  # checks, configuration, header filter
    recheck: bool = False                  # phase 3 (fresh export files)


@dataclasses.dataclass
class TidyRun:
    """What one run gave; the cache keeps it as JSON."""
    tu: str
    returncode: int
    output: str                 # stdout and stderr
    diagnostics: list           # clang-tidy's exported Diagnostics

    # In cache entries and shard reports (which other runs, and `merge`,
    # read): [tu, returncode, output, "", diagnostics]; the fourth member
    # once held stderr, which is part of `output` now.
    def to_json(self) -> list:
        return [self.tu, self.returncode, self.output, "", self.diagnostics]

    @staticmethod
    def from_json(doc) -> "TidyRun":
        return TidyRun(doc[0], doc[1], doc[2], doc[4])

    @staticmethod
    def well_formed(doc) -> bool:
        return (isinstance(doc, list) and len(doc) == 5 and isinstance(doc[0], str)
                and isinstance(doc[1], int) and isinstance(doc[2], str)
                and isinstance(doc[4], list))


class Environment:
    """Sets LOGSTREAM_FACTS_DIR / LOGSTREAM_FACTS_FILE for one phase."""

    def __init__(self, **values):
        self.values = values

    def __enter__(self):
        self.saved = {k: os.environ.get(k) for k in self.values}
        for k, v in self.values.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v

    def __exit__(self, *exc):
        for k, v in self.saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def in_cost_order(pool, run_unit, jobs, cost):
    """pool.map, but started most expensive first (the last unit to finish
    is then a cheap one: less idle time at the end of a phase); results in
    job order."""
    order = sorted(range(len(jobs)), key=lambda i: (-cost.get(jobs[i].tu, 0), i))
    futures = {i: pool.submit(run_unit, jobs[i]) for i in order}
    return [futures[i].result() for i in range(len(jobs))]


def run_units(pool, jobs: List[Job], run_job, build_dir, root, cache=None, cost=None,
              facts=True, notes=True) -> List[TidyRun]:
    """Runs logstream-tidy (`run_job`: Job -> TidyRun) over the jobs with
    project facts (and with the result cache); returns a TidyRun per Job, in
    job order. Without facts and without a cache: one plain run per job.
    `cost` (tu -> estimate) decides which units start first. `notes`: say on
    stderr when units of the database outside this run contribute no facts."""
    cost = cost or {}
    if not jobs or (not facts and cache is None):
        return in_cost_order(pool, run_job, jobs, cost)
    return FactsRun(pool, jobs, run_job, build_dir, root, cache, facts, cost, notes).run()


class FactsRun:
    """The phases over one run's jobs. Without facts (--no-facts, with a
    cache) only phase 1 runs: the extraction then only records which files
    each unit read, for the cache."""

    def __init__(self, pool, jobs, run_unit, build_dir, root, cache, facts=True, cost=None,
                 notes=True):
        self.pool, self.jobs, self.run_unit = pool, jobs, run_unit
        self.notes = notes
        self.cost = cost or {}
        self.root = root
        self.facts = facts
        self.db = compile_commands(build_dir)
        self.cache = cache
        self.tmp = tempfile.mkdtemp(prefix="logstream-facts-")
        self.project = cache.project_dir(root, build_dir) if cache else None
        self.project = self.project or self.tmp
        self.stats = {"extracted": 0, "cached": 0, "rechecked": 0}

    def command(self, job: Job):
        if job.fallback is None:
            return self.db.get(job.tu)
        return ["fallback", list(job.fallback), os.getcwd()]

    def load(self, tu, command):
        return self.cache.load(tu, command) if self.cache else None

    def store(self, job: Job, facts, result: Optional[TidyRun], used):
        if self.cache:
            self.cache.store(job.tu, self.command(job), facts, result, used)

    def note_unknown(self, unknown):
        """A helper defined in a unit nobody analyzed is invisible to the
        checks: say so (once per run) rather than miss its callers silently."""
        how = ("run logstream-ci once over the whole database (it fills the cache)"
               if self.cache else "run without --no-cache over the whole database once, "
               "or point logstream.FactsFile at a `logstream-ci facts` file")
        sys.stderr.write("logstream-ci: note: %d of the %d translation unit(s) in the compilation "
                         "database are outside this run and have no cached project facts: "
                         "helpers defined only there are unknown to the checks; %s\n"
                         % (unknown, len(self.db), how))

    def run(self):
        try:
            return self.phases()
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def phases(self):
        results, units, used = {}, {}, {}
        previous = os.path.join(self.project, "merged.json")
        previous_doc = None
        if os.path.exists(previous):
            try:
                with open(previous, encoding="utf-8") as f:
                    previous_doc = json.load(f)
            except (OSError, ValueError):
                previous_doc = None
        misses = []
        for job in self.jobs:
            entry = self.load(job.tu, self.command(job))
            if entry and "result" in entry:
                results[job.tu] = TidyRun.from_json(entry["result"])
                units[job.tu] = entry["facts"]
                used[job.tu] = entry.get("facts_used", "")
                self.stats["cached"] += 1
            else:
                misses.append(job)
        # Facts of the units this run does not analyze (paths, changed lines).
        analyzed = {j.tu for j in self.jobs}
        unknown = 0
        for tu, command in sorted(self.db.items()) if self.facts else ():
            if tu not in analyzed:
                entry = self.load(tu, command)
                if entry:
                    units[tu] = entry["facts"]
                else:
                    unknown += 1
        if unknown and self.notes:
            self.note_unknown(unknown)

        # Phase 1: check and extract in one parse, with the previous facts.
        out_dir = os.path.join(self.tmp, "units")
        prev_file = previous if self.facts and previous_doc and \
            previous_doc.get("format") == FORMAT else None
        previous_doc = previous_doc if prev_file else None
        fresh = {}
        if misses:
            extract_jobs = [dataclasses.replace(j, args=with_extraction(j.args)) for j in misses]
            with Environment(LOGSTREAM_FACTS_DIR=out_dir, LOGSTREAM_FACTS_FILE=prev_file):
                for r in in_cost_order(self.pool, self.run_unit, extract_jobs, self.cost):
                    results[r.tu] = r
            fresh = read_outputs(out_dir)
            self.stats["extracted"] = len(fresh)
            for job in misses:
                if job.tu in fresh:
                    units[job.tu] = fresh[job.tu]
                    used[job.tu] = relevant_digest(fresh[job.tu], previous_doc)

        if not self.facts:
            for job in misses:
                if job.tu in fresh:
                    self.store(job, fresh[job.tu], results[job.tu], "")
            return [results[j.tu] for j in self.jobs]

        # Phase 2: merge.
        merged = merge([units[k] for k in sorted(units)], self.root)
        merged_path = os.path.join(self.project, "merged.json")
        try:
            write_atomically(merged_path, dumps(merged))
        except OSError:     # an unwritable cache: this run's facts still apply
            merged_path = os.path.join(self.tmp, "merged.json")
            write_atomically(merged_path, dumps(merged))

        # Phase 3: check again where the facts a unit's calls resolve to changed.
        again = []
        for job in self.jobs:
            unit = units.get(job.tu)
            if unit is not None and relevant_digest(unit, merged) != used.get(job.tu, ""):
                again.append(job)
        if again:
            self.stats["rechecked"] = len(again)
            # Fresh export files: clang-tidy writes none when it finds nothing.
            again = [dataclasses.replace(j, recheck=True) for j in again]
            with Environment(LOGSTREAM_FACTS_DIR=None, LOGSTREAM_FACTS_FILE=merged_path):
                for r in in_cost_order(self.pool, self.run_unit, again, self.cost):
                    results[r.tu] = r
                    used[r.tu] = relevant_digest(units.get(r.tu), merged)
        rechecked = {j.tu for j in again}
        for job in self.jobs:
            tu = job.tu
            if tu in units and (tu in fresh or tu in rechecked):
                self.store(job, units[tu], results[tu], used[tu])
        if os.environ.get("LOGSTREAM_CI_FACTS_STATS"):
            sys.stderr.write("logstream-ci: facts: %d extracted, %d from cache, %d re-checked\n"
                             % (self.stats["extracted"], self.stats["cached"], self.stats["rechecked"]))
        return [results[j.tu] for j in self.jobs]
