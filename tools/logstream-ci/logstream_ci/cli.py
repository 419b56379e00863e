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
import concurrent.futures
import dataclasses
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from typing import List, Optional, Set, Tuple

from .common import display, DEFAULT_CHECKS, HEADER_EXTENSIONS, SOURCE_EXTENSIONS, UsageError, VERSION
from .options import drop_rejected
from .inputs import Changes, Database, Sources, changed_lines, find_database, load_database, project_root
from .findings import Finding, postprocess
from .baseline import baseline_document, read_baseline
from .outputs import check_destination, write_whole
from .fixes import apply_fixes, check_fix_targets, export_fixes_document, fixed_contents
from .runner import Failure, Tidy, analyze, config_files, expand_inputs, find_tidy, plan, verify_configuration, write_overlay
from . import facts
from .cache import ResultCache, build_identity, default_cache_dir, make_cache
from .reports import RENDERERS, Report
from .shard import SHARD_FORMATS, Shard, embed_shard, read_shards, shard_record, shard_units, unit_costs



def merge_main(argv, tool_dir) -> int:
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
    a = parse_args(args + ["--"] + list(options.get("paths") or []), tool_dir)
    a.imported = entries
    return run(a)


def parse_args(argv, tool_dir):
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
    p.add_argument("-o", "--output", metavar="FILE", help="write the report here instead of stdout")
    p.add_argument("--baseline", metavar="FILE", help="report only findings not in this baseline")
    p.add_argument("--write-baseline", metavar="FILE", help="record the current findings as the baseline")
    p.add_argument("--tidy", help="the logstream-tidy binary (default: next to this program, then PATH)")
    p.add_argument("--version", action="version", version="logstream-ci " + VERSION)
    p.add_argument("--cache-dir", "--facts-cache", dest="cache_dir", metavar="DIR",
                   help="the result cache (default: $XDG_CACHE_HOME/logstream-tidy)")
    p.add_argument("--no-cache", action="store_true", help="analyze every unit, keep nothing")
    p.add_argument("--shard", metavar="K/N", type=Shard.parse,
                   help="analyze the K-th of N cost-balanced parts (see `logstream-ci merge`)")
    p.add_argument("--no-facts", action="store_true",
                   help="do not follow the project's own wrappers across translation units")
    p.add_argument("--keep-rejected-options", action="store_true",
                   help="do not drop the compile commands' options that clang rejects "
                        "(GCC-only options such as -mindirect-branch=thunk)")
    a = p.parse_args(argv)
    a.tool_dir = tool_dir
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


def main(argv, tool_dir) -> int:
    """The exit status of `logstream-ci ARGV`; `tool_dir` is the directory
    logstream-ci runs from (logstream-tidy and the check registry are found
    from there)."""
    try:
        if argv[:1] == ["facts"]:
            return facts_main(argv[1:], tool_dir)
        if argv[:1] == ["merge"]:
            return merge_main(argv[1:], tool_dir)
        return run(parse_args(argv, tool_dir))
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
    report = RENDERERS[a.format](Report(o.findings, o.failures, root, o.units, sources, a.tool_dir))
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

    def report(self, units, occupancy=None):
        if not self.on:
            return
        me = resource.getrusage(resource.RUSAGE_SELF)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        sys.stderr.write("logstream-ci: profile: %s; total %.2f s wall; CPU: driver %.2f s, "
                         "logstream-tidy %.2f s (%d unit(s))\n" % (
                             ", ".join("%s %.2f s" % lap for lap in self.laps),
                             time.perf_counter() - self.start, me.ru_utime + me.ru_stime,
                             kids.ru_utime + kids.ru_stime, units))
        if occupancy:
            sys.stderr.write("logstream-ci: profile: %s\n" % occupancy)


def run(a) -> int:
    profile = Profile()
    tidy_binary = find_tidy(a.tidy, a.tool_dir)
    db = load_database(find_database(a.build_path))
    known = read_baseline(a.baseline) if a.baseline else None
    root = project_root(db)
    candidates, changes = select(a, db, root)
    work = plan(candidates, db, a, root)
    cost = unit_costs(work.units, db)
    if a.shard:
        work.units = shard_units(work.units, a.shard, cost)
    sources = Sources(changes.index_content if changes else None)
    if not a.keep_rejected_options:
        dropped = drop_rejected(tidy_binary, db.entries.values(), None if a.no_cache else
                                os.path.abspath(a.cache_dir or default_cache_dir()))
        if dropped and not a.quiet:
            sys.stderr.write("logstream-ci: note: dropped compiler option(s) that clang rejects: %s "
                             "(--keep-rejected-options keeps them)\n" % ", ".join(
                                 "%s (%d unit%s)" % (o, n, "" if n == 1 else "s")
                                 for o, n in sorted(dropped.items())))
    profile.lap("setup")
    with tempfile.TemporaryDirectory(prefix="logstream-ci-") as scratch:
        db.write_filtered(scratch)
        overlay = write_overlay(sources.overlay, scratch)
        tidy = Tidy(tidy_binary, common_args(a, root, overlay), scratch)
        verify_configuration(tidy, checks_of(a), a.checks, config_files([u.path for u in work.units],
                                                              a.config_file), a.jobs)
        profile.lap("configuration")
        cache = make_cache(a, tidy, os.path.abspath(a.config_file) if a.config_file else None)
        cache.imported = {e.get("key"): e for e in a.imported}
        progress = sys.stderr.isatty() and not a.quiet
        # Without the cache and without shards, entries would serve nothing.
        keep = not a.no_cache or a.shard or a.imported
        diags, failures = analyze(tidy, work.units, a.jobs, root, db.directory,
                                  cache if keep else None, cost, not a.no_facts, progress,
                                  # A shard is partial by design: `merge`
                                  # re-checks with the other shards' facts.
                                  notes=not a.shard)
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
    profile.report(len(work.units), tidy.occupancy.summary(a.jobs))
    if not a.quiet:
        sys.stderr.write(summary(a, outcome))
    return exit_code(a, outcome)


# ==========================================================================
# logstream-ci facts
# ==========================================================================

def extract(tidy, build_dir, tu) -> Tuple[int, str]:
    """One run of the extraction check alone: exit status and the last line
    of its error output."""
    proc = subprocess.run([tidy, "--quiet", "--checks=-*," + facts.EXTRACTION_CHECK,
                           "-p", build_dir, tu], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    return proc.returncode, (err or ["failed"])[-1]


def facts_main(argv, tool_dir) -> int:
    """`logstream-ci facts`: writes the merged facts file for stock clang-tidy."""
    p = argparse.ArgumentParser(prog="logstream-ci facts",
                                description="Write the project facts file that the logstream "
                                            "checks read through the logstream.FactsFile option.")
    p.add_argument("paths", nargs="*", help="files or directories (default: every file in the database)")
    p.add_argument("-p", dest="build_path", help="build directory with compile_commands.json")
    p.add_argument("-o", dest="output", default=".logstream-facts.json",
                   help="the facts file to write (default: .logstream-facts.json)")
    p.add_argument("-j", dest="jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--cache-dir", "--facts-cache", dest="cache_dir", metavar="DIR",
                   help="the result cache (default: $XDG_CACHE_HOME/logstream-tidy)")
    p.add_argument("--no-cache", action="store_true", help="extract every unit again")
    p.add_argument("--tidy", help="the logstream-tidy binary")
    p.add_argument("--quiet", action="store_true")
    a = p.parse_args(argv)
    if a.jobs < 1:
        raise UsageError("-j must be at least 1")
    tidy = find_tidy(a.tidy, tool_dir)
    db_path = find_database(a.build_path)
    if not db_path:
        raise UsageError("no compilation database found (looked in ., build/ and parent "
                         "directories); pass -p <build-dir>")
    build_dir = os.path.dirname(db_path)
    database = load_database(db_path)
    db_files = set(database.entries)
    tus = sorted(expand_inputs(a.paths, database) & db_files) if a.paths else sorted(db_files)
    root = os.path.normpath(os.getcwd())
    commands = facts.compile_commands(build_dir)
    directory = None if a.no_cache else os.path.abspath(a.cache_dir or default_cache_dir())
    cache = ResultCache(directory, [build_identity(tidy, directory), ["facts-only"]])
    units, misses = {}, []
    for tu in tus:
        entry = cache.load(tu, commands.get(tu))
        if entry:
            units[tu] = entry["facts"]
        else:
            misses.append(tu)
    failed = []
    with tempfile.TemporaryDirectory(prefix="logstream-facts-") as tmp:
        # The commands as the analysis runs them (the options clang rejects
        # dropped: see logstream_ci/options.py).
        drop_rejected(tidy, database.entries.values(), directory)
        database.write_filtered(tmp)
        build_dir = tmp
        out_dir = os.path.join(tmp, "units")
        with facts.Environment(LOGSTREAM_FACTS_DIR=out_dir, LOGSTREAM_FACTS_FILE=None):
            with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
                for tu, (rc, why) in zip(misses, pool.map(lambda tu: extract(tidy, build_dir, tu),
                                                          misses)):
                    if rc != 0:
                        failed.append((tu, why))
        fresh = facts.read_outputs(out_dir)
        for tu in misses:
            if tu in fresh:
                units[tu] = fresh[tu]
                cache.store(tu, commands.get(tu), fresh[tu])
    merged = facts.merge([units[k] for k in sorted(units)], root)
    tmp_out = a.output + ".tmp"
    with open(tmp_out, "w", encoding="utf-8") as f:
        f.write(facts.dumps(merged))
    os.replace(tmp_out, a.output)
    for tu, why in failed:
        sys.stderr.write("logstream-ci: error: %s: extraction failed: %s\n" % (display(tu, root), why))
    if not a.quiet:
        sys.stderr.write("logstream-ci: facts of %d translation unit(s) (%d extracted, %d from cache): "
                         "%d function(s) summarized -> %s\n"
                         % (len(units), len(fresh), len(units) - len(fresh),
                            len(merged["functions"]), a.output))
    return 2 if failed else 0
