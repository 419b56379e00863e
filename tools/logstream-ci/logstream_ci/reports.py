"""Reports: text, JSON, SARIF 2.1.0, GitHub Actions annotations, GitLab Code
Quality."""

import dataclasses
import hashlib
import json
import os
import re
import urllib.parse
from typing import Dict, List

from . import registry
from .common import TOOL, UsageError, VERSION, display
from .findings import Finding
from .inputs import FileText, Sources
from .runner import Failure

DOCS_URL = "https://github.com/logstream-tidy/logstream-tidy/blob/main/docs/checks/%s.md"

@dataclasses.dataclass
class Report:
    findings: List[Finding]
    failures: List[Failure]
    root: str
    units: int
    sources: Sources
    tool_dir: str = ""       # where logstream-ci runs from (finds the check registry)


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


@dataclasses.dataclass
class Rule:
    """A SARIF rule's metadata: from the check registry (CWE tags, the
    one-line summary) and the check's page (its first paragraph)."""
    short: str
    full: str
    cwe: List[str]


def page_paragraph(path) -> str:
    """The first paragraph of a check's page, on one line ("" without one)."""
    try:
        with open(path, encoding="utf-8") as f:
            paras = [p.strip() for p in re.split(r"\n\s*\n", f.read()) if p.strip()]
    except OSError:
        return ""
    body = [p for p in paras if not p.startswith("#")]
    return " ".join(body[0].split()) if body else ""


def rule_metadata(tool_dir) -> Dict[str, Rule]:
    """Check name -> Rule, from the registry installed next to the tool
    (share/logstream-tidy/checks.json, the pages in share/logstream-tidy/
    docs/checks/), or a checkout's (lib/logstream/checks.json, docs/checks/)."""
    path = registry.find_installed(tool_dir)
    if not path:
        raise UsageError("no check registry (share/logstream-tidy/checks.json) next to %s: "
                         "reinstall logstream-tidy" % tool_dir)
    try:
        reg = registry.load(path)
    except registry.RegistryError as e:
        raise UsageError(str(e))
    here = os.path.dirname(path)
    docs = next((d for d in (os.path.join(here, "docs", "checks"),
                             os.path.join(here, "..", "..", "docs", "checks"))
                 if os.path.isdir(d)), "")
    rules = {}
    for c in reg.checks:
        full = page_paragraph(os.path.join(docs, c.short_name + ".md")) if docs else ""
        rules[c.name] = Rule(c.summary, full or c.summary, c.cwe)
    return rules


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


def sarif_rules(checks, tool_dir):
    """The rules of the checks that have results; a check the registry does
    not know (another clang-tidy check enabled with --checks) by its name."""
    known = rule_metadata(tool_dir)
    rules = []
    for c in checks:
        meta = known.get(c, Rule(c, c, []))
        rule = {"id": c, "name": c,
                "shortDescription": {"text": meta.short},
                "fullDescription": {"text": meta.full},
                "defaultConfiguration": {"level": "warning"},
                "properties": {"tags": meta.cwe + ["logging", "twelve-factor"]}}
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
                               "rules": sarif_rules(checks, r.tool_dir)}},
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
