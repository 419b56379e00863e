#!/usr/bin/env python3
"""Generates docs/checks/README.md, the list of logstream checks.

The list comes from the check registry, lib/logstream/checks.json (name,
summary, CWE ids, library families, fix-its). With --check, compares instead
of writing and exits 1 when the file is stale, a check has no page
docs/checks/<name>.md (or a page has no check), the registry is malformed,
or (with --tidy) the binary registers a different set of checks.
"""

import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools", "logstream-ci"))
from logstream_ci import registry  # noqa: E402

REGISTRY = os.path.join(ROOT, "lib", "logstream", "checks.json")
DOCS = os.path.join(ROOT, "docs", "checks")
OUTPUT = os.path.join(DOCS, "README.md")

HEADER = """# logstream-tidy checks

<!-- Generated from lib/logstream/checks.json by utils/gen_checks_list.py; do not edit by hand. -->

| check | what it finds | CWE | library families | fix-its |
|---|---|---|---|---|
"""


def render(reg: registry.Registry) -> str:
    out = HEADER
    for c in reg.checks:
        out += "| [%s](%s.md) | %s | %s | %s | %s |\n" % (
            c.name, c.short_name, c.summary, ", ".join(c.cwe) or "—",
            ", ".join(c.families) or "—", "yes" if c.fixits else "no")
    out += "\nLibrary families:\n\n"
    for fam, what in reg.families.items():
        out += "- `%s`: %s\n" % (fam, what)
    return out


def problems_of(reg: registry.Registry, tidy=None):
    problems = []
    names = {c.short_name for c in reg.checks}
    pages = {f[:-3] for f in os.listdir(DOCS) if f.endswith(".md") and f != "README.md"}
    problems += ["no page docs/checks/%s.md" % n for n in sorted(names - pages)]
    problems += ["docs/checks/%s.md documents no registered check" % n
                 for n in sorted(pages - names)]
    for c in reg.checks:
        page = os.path.join(DOCS, c.short_name + ".md")
        if os.path.exists(page):
            with open(page, encoding="utf-8") as f:
                has_section = re.search(r"^## Fix-its", f.read(), re.M) is not None
            if has_section != c.fixits:
                problems.append("%s: the registry says fixits=%s, its page %s a '## Fix-its' section"
                                % (c.name, str(c.fixits).lower(), "has" if has_section else "has no"))
    if tidy:
        out = subprocess.run([tidy, "--checks=-*,logstream-*", "--list-checks"],
                             stdout=subprocess.PIPE, universal_newlines=True, check=True).stdout
        listed = re.findall(r"^\s+(logstream-[a-z0-9-]+)\s*$", out, re.M)
        registered = [c.name for c in reg.checks]
        if sorted(listed) != registered:
            problems.append("the binary lists %s, the registry has %s" % (listed, registered))
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if stale")
    parser.add_argument("--tidy", help="logstream-tidy binary to cross-check against")
    parser.add_argument("--registry", default=REGISTRY, help=argparse.SUPPRESS)
    args = parser.parse_args()
    try:
        reg = registry.load(args.registry)
    except registry.RegistryError as e:
        sys.stderr.write("gen_checks_list: error: %s\n" % e)
        return 1
    problems = problems_of(reg, args.tidy)
    text = render(reg)
    if args.check:
        current = open(OUTPUT, encoding="utf-8").read() if os.path.exists(OUTPUT) else ""
        if current != text:
            problems.append("docs/checks/README.md is stale: run utils/gen_checks_list.py")
    else:
        with open(OUTPUT, "w", encoding="utf-8") as f:
            f.write(text)
    for p in problems:
        sys.stderr.write("gen_checks_list: error: %s\n" % p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
