"""The check registry, lib/logstream/checks.json: one entry per check with
its name, class, header, own sources, CWE ids, library families, whether it
has fix-its, and a one-line summary.

The build generates the module registration and the checks' source list
from it (cmake/LogstreamChecks.cmake), utils/gen_checks_list.py generates
docs/checks/README.md, utils/add_new_check.py adds entries, and logstream-ci
reads the SARIF rule metadata (CWE tags, short descriptions) from the copy
installed next to it (share/logstream-tidy/checks.json)."""

import dataclasses
import json
import os
import re
from typing import Dict, List

REGISTRY_VERSION = 1
NAME = re.compile(r"logstream-[a-z][a-z0-9]*(-[a-z0-9]+)*")
CLASS = re.compile(r"[A-Z][A-Za-z0-9]*Check")
CWE_ID = re.compile(r"CWE-[1-9][0-9]*")


class RegistryError(Exception):
    """A registry that is not well formed: the file and the entry at fault."""


@dataclasses.dataclass
class CheckEntry:
    name: str                # logstream-<dashed>
    cls: str                 # the C++ class
    header: str              # relative to lib/logstream/
    sources: List[str]       # the check's own .cpp files, relative to lib/logstream/
    cwe: List[str]
    families: List[str]
    fixits: bool
    summary: str

    @property
    def short_name(self) -> str:
        return self.name[len("logstream-"):]

    def to_json(self) -> dict:
        return {"name": self.name, "class": self.cls, "header": self.header,
                "sources": self.sources, "cwe": self.cwe, "families": self.families,
                "fixits": self.fixits, "summary": self.summary}


@dataclasses.dataclass
class Registry:
    families: Dict[str, str]           # family id -> what it covers
    checks: List[CheckEntry]           # sorted by name

    def by_name(self) -> Dict[str, CheckEntry]:
        return {c.name: c for c in self.checks}

    def to_json(self) -> str:
        """The registry as checks.json holds it (checks sorted by name)."""
        lines = ['{', '  "version": %d,' % REGISTRY_VERSION, '  "families": {']
        fams = ['    %s: %s' % (json.dumps(k), json.dumps(v)) for k, v in self.families.items()]
        lines.append(",\n".join(fams))
        lines += ['  },', '  "checks": [']
        entries = []
        for c in sorted(self.checks, key=lambda c: c.name):
            d = c.to_json()
            members = ['      %s: %s' % (json.dumps(k), json.dumps(v)) for k, v in d.items()]
            entries.append("    {\n" + ",\n".join(members) + "\n    }")
        lines.append(",\n".join(entries))
        lines += ['  ]', '}']
        return "\n".join(lines) + "\n"


def _expect(cond, path, message):
    if not cond:
        raise RegistryError("%s: %s" % (path, message))


def parse(doc, path="checks.json") -> Registry:
    """A registry from its JSON document; RegistryError on any malformed part."""
    _expect(isinstance(doc, dict), path, "not a JSON object")
    _expect(doc.get("version") == REGISTRY_VERSION, path,
            "version %r; this reader reads version %d" % (doc.get("version"), REGISTRY_VERSION))
    families = doc.get("families")
    _expect(isinstance(families, dict) and all(isinstance(v, str) for v in families.values()),
            path, "'families' is not an object of strings")
    checks = doc.get("checks")
    _expect(isinstance(checks, list) and checks, path, "'checks' is not a non-empty array")
    out = []
    kinds = {"name": str, "class": str, "header": str, "sources": list, "cwe": list,
             "families": list, "fixits": bool, "summary": str}
    for i, c in enumerate(checks):
        where = "checks[%d]" % i
        _expect(isinstance(c, dict), path, where + " is not an object")
        for member, kind in kinds.items():
            _expect(isinstance(c.get(member), kind), path,
                    "%s: '%s' is missing or not a %s" % (where, member, kind.__name__))
        name = c["name"]
        where = name
        _expect(NAME.fullmatch(name), path, "%s: not logstream-<lower-case-dashed>" % where)
        _expect(CLASS.fullmatch(c["class"]), path,
                "%s: class '%s' is not a <Name>Check identifier" % (where, c["class"]))
        _expect(c["sources"] and all(isinstance(s, str) and s.endswith(".cpp")
                                     for s in c["sources"]),
                path, "%s: 'sources' must list the check's .cpp files" % where)
        _expect(all(isinstance(x, str) and CWE_ID.fullmatch(x) for x in c["cwe"]), path,
                "%s: 'cwe' must hold ids like CWE-117" % where)
        for fam in c["families"]:
            _expect(fam in families, path, "%s: unknown family %r" % (where, fam))
        _expect(c["summary"].strip() and "\n" not in c["summary"] and "|" not in c["summary"],
                path, "%s: 'summary' must be one line (no '|')" % where)
        extra = sorted(set(c) - set(kinds))
        _expect(not extra, path, "%s: unknown member(s) %s" % (where, ", ".join(extra)))
        out.append(CheckEntry(name, c["class"], c["header"], list(c["sources"]), list(c["cwe"]),
                              list(c["families"]), c["fixits"], c["summary"]))
    names = [c.name for c in out]
    _expect(names == sorted(names), path, "checks are not sorted by name")
    _expect(len(set(names)) == len(names), path, "a check is listed twice")
    return Registry(dict(families), out)


def load(path) -> Registry:
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        raise RegistryError("cannot read the check registry %s: %s" % (path, e))
    return parse(doc, path)


def find_installed(tool_dir) -> str:
    """The registry next to logstream-ci: share/logstream-tidy/checks.json of
    the build tree or the installation (bin/ and share/ are siblings), else
    the source tree's (running tools/logstream-ci/ from a checkout)."""
    for candidate in (os.path.join(tool_dir, "..", "share", "logstream-tidy", "checks.json"),
                      os.path.join(tool_dir, "..", "..", "lib", "logstream", "checks.json")):
        if os.path.isfile(candidate):
            return os.path.normpath(candidate)
    return ""
