"""Findings: positions, de-duplication across translation units, changed
lines, stable order and fingerprints."""

import dataclasses
import hashlib
import os
from typing import Dict, List, Optional, Set

from .common import real
from .inputs import Changes, Sources



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
