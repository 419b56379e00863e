"""Baselines: the fingerprints of accepted findings."""

import json
from typing import Set

from .common import TOOL, UsageError
from .findings import relpath

BASELINE_VERSION = 1



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
