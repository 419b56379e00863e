"""Fix-its: de-duplicated across translation units, applied all or nothing,
or exported for clang-apply-replacements."""

import os
import stat
from typing import Dict, List, Tuple

from .common import UsageError, YAML_DUMPER, warn, yaml
from .inputs import Sources
from .findings import Replacement



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
