#!/usr/bin/env python3
"""logstream-ci: run logstream-tidy over a project, for CI gates and pre-commit.

Runs logstream-tidy (clang-tidy with the logstream checks; every clang-tidy
option, .clang-tidy file and NOLINT comment works as in clang-tidy) once per
translation unit, in parallel, and reports the findings deterministically in
text, JSON, SARIF 2.1.0, GitHub Actions annotations or GitLab Code Quality
format. Supports baselines, changed-lines mode (--changed-since, --staged),
fix application with de-duplication across translation units, and stable exit
codes:

  0  no (new) findings
  1  new findings
  2  usage or configuration error, or a translation unit that failed to
     compile (reported as such, never as clean)
"""

import argparse
import concurrent.futures
import hashlib
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
import logstream_facts  # noqa: E402  project facts: cache, merge, re-check

try:
    import yaml
except ImportError:  # pragma: no cover - reported to the user
    sys.stderr.write("logstream-ci: error: python3-yaml is required (apt-get install python3-yaml)\n")
    sys.exit(2)

VERSION = "0.1.0"
# Where the check documentation lives (set when the build copies this file).
DOCS_DIR = "@LOGSTREAM_DOCS_DIR@"
SOURCE_EXTENSIONS = (".c", ".cc", ".cpp", ".cxx", ".c++", ".C", ".m", ".mm")
HEADER_EXTENSIONS = (".h", ".hh", ".hpp", ".hxx", ".h++", ".inc", ".ipp", ".tpp")
DOCS_URL = "https://github.com/logstream-tidy/logstream-tidy/blob/main/docs/checks/%s.md"
CWE = {
    "logstream-security-event-category": ["CWE-778", "CWE-223"],
    "logstream-log-file-sink": ["CWE-779"],
    "logstream-log-file-management": ["CWE-779"],
    "logstream-buffered-stdout": ["CWE-778"],
}


class UsageError(Exception):
    pass


def die(message, code=2):
    sys.stderr.write("logstream-ci: error: %s\n" % message)
    sys.exit(code)


# --------------------------------------------------------------------------
# Inputs: compile database, files, git changes
# --------------------------------------------------------------------------

def find_database(build_path):
    candidates = []
    if build_path:
        candidates.append(build_path)
    else:
        d = os.getcwd()
        while True:
            candidates += [d, os.path.join(d, "build")]
            parent = os.path.dirname(d)
            if parent == d:
                break
            d = parent
    for c in candidates:
        db = os.path.join(c, "compile_commands.json")
        if os.path.isfile(db):
            return os.path.abspath(c), db
    if build_path:
        raise UsageError("no compile_commands.json in '%s'" % build_path)
    return None, None


def load_database(db_path):
    try:
        with open(db_path, encoding="utf-8") as f:
            entries = json.load(f)
    except (OSError, ValueError) as e:
        raise UsageError("cannot read compilation database %s: %s" % (db_path, e))
    if not isinstance(entries, list):
        raise UsageError("%s is not a JSON array" % db_path)
    files = {}
    for e in entries:
        try:
            path = e["file"]
            if not os.path.isabs(path):
                path = os.path.join(e["directory"], path)
        except (KeyError, TypeError):
            raise UsageError("malformed entry in %s: %r" % (db_path, e))
        files.setdefault(os.path.normpath(path), e)
    return files


def git(args, cwd):
    proc = subprocess.run(["git"] + args, cwd=cwd, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, universal_newlines=True)
    if proc.returncode != 0:
        raise UsageError("git %s failed: %s" % (" ".join(args), proc.stderr.strip()))
    return proc.stdout


def changed_lines(rev, staged, cwd):
    """{absolute path: set of changed line numbers (new side)}"""
    top = git(["rev-parse", "--show-toplevel"], cwd).strip()
    args = ["diff", "-U0", "--no-color", "--no-ext-diff", "--diff-filter=ACMR"]
    args += ["--cached"] if staged else [rev]
    diff = git(args, top)
    result, current = {}, None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            current = None if name == "/dev/null" else os.path.normpath(
                os.path.join(top, name[2:] if name.startswith("b/") else name))
            if current:
                result.setdefault(current, set())
        elif line.startswith("@@") and current:
            m = re.match(r"@@ -\S+ \+(\d+)(?:,(\d+))? @@", line)
            if m:
                start, count = int(m.group(1)), int(m.group(2) or "1")
                result[current].update(range(start, start + count))
    return result


def expand_inputs(paths, db_files):
    """Files and directories given on the command line -> set of files."""
    out = set()
    for p in paths:
        ap = os.path.normpath(os.path.abspath(p))
        if os.path.isdir(ap):
            found = [f for f in db_files if f.startswith(ap + os.sep)]
            for root, _, names in os.walk(ap):
                for n in names:
                    if n.endswith(SOURCE_EXTENSIONS + HEADER_EXTENSIONS):
                        found.append(os.path.join(root, n))
            out.update(os.path.normpath(f) for f in found)
        elif os.path.exists(ap):
            out.add(ap)
        else:
            raise UsageError("no such file or directory: %s" % p)
    return out


def includers(header, db_files):
    """Translation units whose source includes `header` by its file name."""
    base = os.path.basename(header)
    pattern = re.compile(r'^\s*#\s*include\s*[<"]([^>"]*)[>"]', re.M)
    found = []
    for tu in sorted(db_files):
        try:
            with open(tu, encoding="utf-8", errors="replace") as f:
                text = f.read()
        except OSError:
            continue
        if any(os.path.basename(inc) == base for inc in pattern.findall(text)):
            found.append(tu)
    return found


# --------------------------------------------------------------------------
# Running logstream-tidy
# --------------------------------------------------------------------------

def find_tidy(explicit):
    candidates = [explicit, os.environ.get("LOGSTREAM_TIDY"),
                  os.path.join(os.path.dirname(os.path.realpath(__file__)), "logstream-tidy")]
    for c in candidates:
        if c and os.access(c, os.X_OK):
            return c
    for d in os.environ.get("PATH", "").split(os.pathsep):
        c = os.path.join(d, "logstream-tidy")
        if os.access(c, os.X_OK):
            return c
    raise UsageError("logstream-tidy not found (use --tidy or LOGSTREAM_TIDY)")


def run_unit(job):
    tidy, tu, build_dir, fallback, extra, header_filter, tmpdir, index = job
    export = os.path.join(tmpdir, "tu%d.yaml" % index)
    cmd = [tidy, "--quiet", "--export-fixes=" + export] + extra
    if header_filter:
        cmd.append("--header-filter=" + header_filter)
    if fallback is None:
        cmd += ["-p", build_dir, tu]
    else:
        cmd += [tu, "--"] + fallback
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True)
    diags = []
    if os.path.exists(export):
        with open(export, encoding="utf-8") as f:
            data = yaml.safe_load(f) or {}
        diags = data.get("Diagnostics") or []
    return tu, proc.returncode, proc.stdout, proc.stderr, diags


class Finding:
    def __init__(self, check, level, message, path, offset, replacements, notes):
        self.check = check
        self.level = level
        self.message = message
        self.path = path
        self.offset = offset
        self.replacements = replacements
        self.notes = notes
        self.line, self.column = 0, 0
        self.fingerprint = ""

    def key(self):
        return (self.path, self.line, self.column, self.check, self.message)


_line_cache = {}


def file_lines(path):
    if path not in _line_cache:
        try:
            with open(path, "rb") as f:
                _line_cache[path] = f.read()
        except OSError:
            _line_cache[path] = b""
    return _line_cache[path]


def offset_to_line_col(path, offset):
    data = file_lines(path)
    offset = min(offset, len(data))
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, offset - start + 1


def line_text(path, line):
    lines = file_lines(path).split(b"\n")
    if 1 <= line <= len(lines):
        return lines[line - 1].decode("utf-8", "replace")
    return ""


FUNCTION_HEAD = re.compile(r"([A-Za-z_~][A-Za-z_0-9:~]*)\s*\([^;]*$")


def enclosing_function(path, line):
    """The name of the function whose body contains `line` (brace scan)."""
    lines = file_lines(path).decode("utf-8", "replace").split("\n")[:line]
    depth, heads, name = 0, [], ""
    for text in lines:
        code = re.sub(r'//.*|"(\\.|[^"\\])*"|\'(\\.|[^\'\\])*\'', "", text)
        m = FUNCTION_HEAD.search(code)
        if m and depth <= 1:
            name = m.group(1)
        for ch in code:
            if ch == "{":
                heads.append(name if depth == 0 or not heads else heads[-1])
                depth += 1
            elif ch == "}" and depth > 0:
                depth -= 1
                heads.pop()
    return heads[-1] if heads else ""


def to_finding(d):
    msg = d.get("DiagnosticMessage") or {}
    notes = []
    for n in d.get("Notes") or []:
        notes.append({"message": n.get("Message", ""), "path": n.get("FilePath", ""),
                      "offset": n.get("FileOffset", 0)})
    reps = [{"path": r.get("FilePath", ""), "offset": r.get("Offset", 0),
             "length": r.get("Length", 0), "text": r.get("ReplacementText", "")}
            for r in msg.get("Replacements") or []]
    return Finding(d.get("DiagnosticName", ""), d.get("Level", "Warning"),
                   msg.get("Message", ""), os.path.normpath(msg.get("FilePath", "")),
                   msg.get("FileOffset", 0), reps, notes)


def fingerprint(f, root, occurrence):
    rel = os.path.relpath(f.path, root) if f.path else ""
    text = " ".join(line_text(f.path, f.line).split())
    basis = "\0".join([f.check, rel, text, enclosing_function(f.path, f.line), str(occurrence)])
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]


# --------------------------------------------------------------------------
# Reports
# --------------------------------------------------------------------------

def rel(path, root):
    try:
        r = os.path.relpath(path, root)
    except ValueError:
        return path
    return path if r.startswith("..") else r


def report_text(findings, failures, root):
    out = []
    for f in findings:
        out.append("%s:%d:%d: %s: %s [%s]" % (rel(f.path, root), f.line, f.column,
                                              f.level.lower(), f.message, f.check))
        for n in f.notes:
            line, col = offset_to_line_col(n["path"], n["offset"]) if n["path"] else (0, 0)
            out.append("%s:%d:%d: note: %s" % (rel(n["path"], root), line, col, n["message"]))
    for tu, why in failures:
        out.append("%s: error: %s" % (rel(tu, root), why))
    return "\n".join(out) + ("\n" if out else "")


def report_json(findings, failures, root, units):
    return json.dumps({
        "tool": "logstream-tidy", "version": VERSION,
        "translationUnits": units,
        "findings": [{
            "file": rel(f.path, root), "line": f.line, "column": f.column,
            "check": f.check, "level": f.level.lower(), "message": f.message,
            "fingerprint": f.fingerprint,
            "notes": [{"file": rel(n["path"], root),
                       "line": offset_to_line_col(n["path"], n["offset"])[0] if n["path"] else 0,
                       "message": n["message"]} for n in f.notes],
            "fixes": [{"file": rel(r["path"], root), "offset": r["offset"],
                       "length": r["length"], "text": r["text"]} for r in f.replacements],
        } for f in findings],
        "failures": [{"file": rel(tu, root), "error": why} for tu, why in failures],
    }, indent=2, sort_keys=False) + "\n"


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


def sarif_region(path, offset, length=None):
    line, col = offset_to_line_col(path, offset)
    region = {"startLine": line, "startColumn": col}
    if length is not None:
        eline, ecol = offset_to_line_col(path, offset + length)
        region.update({"endLine": eline, "endColumn": ecol})
    return region


def artifact(path, root):
    r = rel(path, root)
    if os.path.isabs(r):
        return {"uri": "file://" + r}
    return {"uri": r.replace(os.sep, "/"), "uriBaseId": "SRCROOT"}


def report_sarif(findings, failures, root):
    descs = rule_descriptions(os.path.dirname(os.path.realpath(__file__)))
    checks = sorted({f.check for f in findings})
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
    index = {c: i for i, c in enumerate(checks)}
    results = []
    for f in findings:
        res = {"ruleId": f.check, "ruleIndex": index[f.check],
               "level": "error" if f.level.lower() == "error" else "warning",
               "message": {"text": f.message},
               "locations": [{"physicalLocation": {
                   "artifactLocation": artifact(f.path, root),
                   "region": {"startLine": f.line, "startColumn": f.column}}}],
               "partialFingerprints": {"logstreamFingerprint/v1": f.fingerprint}}
        related = []
        for i, n in enumerate(f.notes):
            if n["path"]:
                related.append({"id": i, "message": {"text": n["message"]},
                                "physicalLocation": {"artifactLocation": artifact(n["path"], root),
                                                     "region": sarif_region(n["path"], n["offset"])}})
        if related:
            res["relatedLocations"] = related
        if f.replacements:
            changes = {}
            for r in f.replacements:
                changes.setdefault(r["path"], []).append({
                    "deletedRegion": {"charOffset": r["offset"], "charLength": r["length"]},
                    "insertedContent": {"text": r["text"]}})
            res["fixes"] = [{"description": {"text": "apply the logstream-tidy fix-it"},
                             "artifactChanges": [{"artifactLocation": artifact(p, root),
                                                  "replacements": reps}
                                                 for p, reps in sorted(changes.items())]}]
        results.append(res)
    run = {"tool": {"driver": {"name": "logstream-tidy", "version": VERSION,
                               "informationUri": "https://github.com/logstream-tidy/logstream-tidy",
                               "rules": rules}},
           "originalUriBaseIds": {"SRCROOT": {"uri": "file://" + root.rstrip("/") + "/"}},
           "columnKind": "unicodeCodePoints",
           "results": results}
    if failures:
        run["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": [
            {"level": "error", "message": {"text": why},
             "locations": [{"physicalLocation": {"artifactLocation": artifact(tu, root)}}]}
            for tu, why in failures]}]
    else:
        run["invocations"] = [{"executionSuccessful": True}]
    return json.dumps({"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
                       "version": "2.1.0", "runs": [run]}, indent=2) + "\n"


def gh_escape(text, prop=False):
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def report_github(findings, failures, root):
    out = []
    for f in findings:
        kind = "error" if f.level.lower() == "error" else "warning"
        out.append("::%s file=%s,line=%d,col=%d,title=%s::%s" % (
            kind, gh_escape(rel(f.path, root), True), f.line, f.column,
            gh_escape(f.check, True), gh_escape(f.message)))
    for tu, why in failures:
        out.append("::error file=%s,title=logstream-tidy::%s" % (
            gh_escape(rel(tu, root), True), gh_escape(why)))
    return "\n".join(out) + ("\n" if out else "")


def report_codeclimate(findings, failures, root):
    issues = [{"type": "issue", "check_name": f.check, "description": f.message,
               "categories": ["Bug Risk"], "fingerprint": f.fingerprint,
               "severity": "major" if f.level.lower() == "error" else "minor",
               "location": {"path": rel(f.path, root), "lines": {"begin": f.line}}}
              for f in findings]
    for tu, why in failures:
        issues.append({"type": "issue", "check_name": "logstream-tidy-compile-error",
                       "description": why, "categories": ["Bug Risk"],
                       "fingerprint": hashlib.sha256(tu.encode()).hexdigest()[:32],
                       "severity": "blocker",
                       "location": {"path": rel(tu, root), "lines": {"begin": 1}}})
    return json.dumps(issues, indent=2) + "\n"


# --------------------------------------------------------------------------
# Fixes
# --------------------------------------------------------------------------

def unique_replacements(findings):
    seen, out = set(), {}
    for f in findings:
        for r in f.replacements:
            key = (os.path.normpath(r["path"]), r["offset"], r["length"], r["text"])
            if key in seen:
                continue
            seen.add(key)
            out.setdefault(key[0], []).append(key)
    return out


def apply_fixes(findings):
    applied = 0
    for path, reps in sorted(unique_replacements(findings).items()):
        data = bytearray(file_lines(path))
        last_start = None
        for _, offset, length, text in sorted(reps, key=lambda r: (r[1], r[2]), reverse=True):
            if last_start is not None and offset + length > last_start:
                sys.stderr.write("logstream-ci: warning: conflicting fix-its in %s at offset %d; "
                                 "skipped\n" % (path, offset))
                continue
            data[offset:offset + length] = text.encode("utf-8")
            last_start = offset
            applied += 1
        with open(path, "wb") as f:
            f.write(bytes(data))
        _line_cache.pop(path, None)
    return applied


def export_fixes(findings, path):
    reps = unique_replacements(findings)
    emitted, diags = set(), []
    for f in findings:
        mine = []
        for r in f.replacements:
            key = (os.path.normpath(r["path"]), r["offset"], r["length"], r["text"])
            if key in emitted:
                continue
            emitted.add(key)
            mine.append({"FilePath": key[0], "Offset": key[1], "Length": key[2],
                         "ReplacementText": key[3]})
        if not mine:
            continue
        diags.append({"DiagnosticName": f.check, "Level": f.level,
                      "DiagnosticMessage": {"Message": f.message, "FilePath": f.path,
                                            "FileOffset": f.offset, "Replacements": mine}})
    del reps
    doc = {"MainSourceFile": "", "Diagnostics": diags}
    with open(path, "w", encoding="utf-8") as out:
        out.write("---\n")
        yaml.safe_dump(doc, out, default_flow_style=False, sort_keys=False)
        out.write("...\n")


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def parse_args(argv):
    p = argparse.ArgumentParser(prog="logstream-ci", description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog="\n\n".join(__doc__.split("\n\n")[1:]))
    p.add_argument("paths", nargs="*", help="files or directories (default: every file in the database)")
    p.add_argument("-p", dest="build_path", help="build directory with compile_commands.json")
    p.add_argument("--changed-since", metavar="REV", help="only files changed since REV")
    p.add_argument("--staged", action="store_true", help="only files staged for commit")
    p.add_argument("--all-lines", action="store_true",
                   help="with --changed-since/--staged: report whole files, not only changed lines")
    p.add_argument("--fallback-flags", default="-std=c++17",
                   help="compiler flags for files not in the database (default: -std=c++17)")
    p.add_argument("--checks", help="clang-tidy --checks (default: from .clang-tidy, else logstream-*)")
    p.add_argument("--config-file", help="clang-tidy --config-file")
    p.add_argument("--header-filter", help="clang-tidy --header-filter")
    p.add_argument("-j", dest="jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--quiet", action="store_true", help="no progress line")
    p.add_argument("--fix", action="store_true", help="apply fix-its (each edit once)")
    p.add_argument("--export-fixes", metavar="FILE", help="write fix-its for clang-apply-replacements")
    p.add_argument("--format", default="text", choices=["text", "json", "sarif", "github", "codeclimate"])
    p.add_argument("--output", metavar="FILE", help="write the report here instead of stdout")
    p.add_argument("--baseline", metavar="FILE", help="report only findings not in this baseline")
    p.add_argument("--write-baseline", metavar="FILE", help="record the current findings as the baseline")
    p.add_argument("--tidy", help="the logstream-tidy binary (default: next to this program, then PATH)")
    p.add_argument("--version", action="version", version="logstream-ci " + VERSION)
    logstream_facts.add_arguments(p)
    a = p.parse_args(argv)
    if a.jobs < 1:
        raise UsageError("-j must be at least 1")
    if a.changed_since and a.staged:
        raise UsageError("--changed-since and --staged exclude each other")
    return a


def main(argv):
    if argv[:1] == ["facts"]:
        return logstream_facts.main(argv[1:], sys.modules[__name__])
    try:
        return run(parse_args(argv))
    except UsageError as e:
        die(str(e))


def run(a):
    tidy = find_tidy(a.tidy)
    build_dir, db_path = find_database(a.build_path)
    db_files = load_database(db_path) if db_path else {}
    root = os.path.normpath(os.getcwd())
    if a.changed_since or a.staged:
        try:
            root = git(["rev-parse", "--show-toplevel"], os.getcwd()).strip()
        except UsageError:
            raise

    # What to analyze.
    changes = None
    if a.changed_since or a.staged:
        changes = changed_lines(a.changed_since, a.staged, os.getcwd())
        candidates = {f for f in changes if f.endswith(SOURCE_EXTENSIONS + HEADER_EXTENSIONS)}
        if a.paths:
            candidates &= expand_inputs(a.paths, db_files)
    elif a.paths:
        candidates = expand_inputs(a.paths, db_files)
    else:
        if not db_files:
            raise UsageError("no compilation database found (looked in ., build/ and parent "
                             "directories); pass -p <build-dir> or files to analyze")
        candidates = set(db_files)

    units, headers, fallbacks = set(), set(), []
    for f in sorted(candidates):
        if f in db_files:
            units.add(f)
        elif f.endswith(HEADER_EXTENSIONS):
            headers.add(f)
            tus = includers(f, db_files)
            if tus:
                units.add(tus[0])
            else:
                units.add(f)
                fallbacks.append(f)
        else:
            units.add(f)
            fallbacks.append(f)
    for f in fallbacks:
        sys.stderr.write("logstream-ci: warning: %s is not in the compilation database; using %s\n"
                         % (rel(f, root), a.fallback_flags))

    extra = []
    if a.checks:
        extra.append("--checks=" + a.checks)
    elif not a.config_file and not os.path.exists(os.path.join(root, ".clang-tidy")):
        extra.append("--checks=-*,logstream-*")
    if a.config_file:
        if not os.path.isfile(a.config_file):
            raise UsageError("cannot read config file %s" % a.config_file)
        extra.append("--config-file=" + a.config_file)
    header_filter = a.header_filter
    if header_filter is None and headers:
        # Changed headers alone: report in them (and in nothing else).
        header_filter = "|".join(re.escape(h) for h in sorted(headers))
    elif header_filter is None and not a.config_file and \
            not os.path.exists(os.path.join(root, ".clang-tidy")):
        # The project's own headers, not the system's or third parties'.
        header_filter = "^" + re.escape(root + os.sep)

    fallback_flags = shlex.split(a.fallback_flags)
    units = sorted(units)
    findings, failures = [], []
    with tempfile.TemporaryDirectory(prefix="logstream-ci-") as tmp:
        jobs = [(tidy, tu, build_dir, fallback_flags if tu in fallbacks else None, extra,
                 header_filter, tmp, i) for i, tu in enumerate(units)]
        progress = sys.stderr.isatty() and not a.quiet
        done = 0
        with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as pool:
            for tu, rc, out, err, diags in logstream_facts.run_units(a, pool, jobs, run_unit, build_dir, root):
                done += 1
                if progress:
                    sys.stderr.write("\r[%d/%d] %s\x1b[K" % (done, len(units), rel(tu, root)))
                compile_errors = [d for d in diags if d.get("DiagnosticName", "").startswith("clang-diagnostic-error")
                                  or d.get("Level") == "Error" and d.get("DiagnosticName", "").startswith("clang-")]
                config_error = re.search(r"^error: .*\[clang-tidy-config\]$|^Error: |invalid configuration",
                                         out + err, re.M)
                if config_error:
                    raise UsageError("logstream-tidy rejected the configuration:\n" + (out + err).strip())
                if compile_errors or (rc != 0 and not diags):
                    why = "translation unit failed to compile"
                    if compile_errors:
                        why += ": " + compile_errors[0].get("DiagnosticMessage", {}).get("Message", "")
                    elif err.strip():
                        why += ": " + err.strip().splitlines()[-1]
                    failures.append((tu, why))
                    diags = [d for d in diags if d not in compile_errors]
                findings += [to_finding(d) for d in diags]
        if progress:
            sys.stderr.write("\r\x1b[K")

    # Positions, de-duplication across translation units, stable order.
    unique = {}
    for f in findings:
        f.line, f.column = offset_to_line_col(f.path, f.offset)
        unique.setdefault(f.key(), f)
    findings = sorted(unique.values(), key=lambda f: (f.path, f.line, f.column, f.check, f.message))
    if changes is not None and not a.all_lines:
        findings = [f for f in findings if f.line in changes.get(f.path, ())]
    counts = {}
    for f in findings:
        k = (f.check, f.path, " ".join(line_text(f.path, f.line).split()),
             enclosing_function(f.path, f.line))
        counts[k] = counts.get(k, 0) + 1
        f.fingerprint = fingerprint(f, root, counts[k])

    if a.write_baseline:
        with open(a.write_baseline, "w", encoding="utf-8") as out:
            json.dump({"version": 1, "tool": "logstream-tidy",
                       "fingerprints": sorted({f.fingerprint for f in findings}),
                       "findings": [{"check": f.check, "file": rel(f.path, root), "line": f.line,
                                     "fingerprint": f.fingerprint} for f in findings]},
                      out, indent=2)
            out.write("\n")
    if a.baseline:
        try:
            with open(a.baseline, encoding="utf-8") as f:
                known = set(json.load(f)["fingerprints"])
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise UsageError("cannot read baseline %s: %s" % (a.baseline, e))
        findings = [f for f in findings if f.fingerprint not in known]

    if a.export_fixes:
        export_fixes(findings, a.export_fixes)
    if a.fix:
        n = apply_fixes(findings)
        if not a.quiet:
            sys.stderr.write("logstream-ci: applied %d fix-it edit(s)\n" % n)

    renderers = {"text": lambda: report_text(findings, failures, root),
                 "json": lambda: report_json(findings, failures, root, len(units)),
                 "sarif": lambda: report_sarif(findings, failures, root),
                 "github": lambda: report_github(findings, failures, root),
                 "codeclimate": lambda: report_codeclimate(findings, failures, root)}
    report = renderers[a.format]()
    if a.output:
        with open(a.output, "w", encoding="utf-8") as out:
            out.write(report)
    else:
        sys.stdout.write(report)
    if not a.quiet:
        sys.stderr.write("logstream-ci: %d translation unit(s), %d finding(s), %d failed to compile\n"
                         % (len(units), len(findings), len(failures)))
    if failures:
        return 2
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
