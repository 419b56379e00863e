#!/usr/bin/env python3
"""Adds a new logstream check, complete from the start.

  utils/add_new_check.py log-file-sink [--summary TEXT] [--cwe CWE-117]
                                       [--family spdlog ...]

writes the check into the registry, lib/logstream/checks.json (name, class,
header, its source file, CWE ids, library families, fix-its: no, summary),
from which the build generates the module registration and the source list;
creates lib/logstream/LogFileSinkCheck.{h,cpp}, a working test
(test/checkers/log-file-sink.cpp) and a doc page (docs/checks/
log-file-sink.md) for the starting behaviour: warn on calls to the functions
listed in the check's `Functions` option. Then it regenerates the checks
list (docs/checks/README.md). Replace that behaviour with the real one,
keeping test, doc and registry entry in step (set "fixits" to true when the
check gets fix-its and its page a "## Fix-its" section).
"""

import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(HERE, "tools", "logstream-ci"))
from logstream_ci import registry  # noqa: E402

ROOT = HERE


def camel(name):
    return "".join(part.capitalize() for part in name.split("-")) + "Check"


def write_new(path, text):
    if os.path.exists(path):
        sys.exit("add_new_check: error: %s exists" % os.path.relpath(path, ROOT))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print("created", os.path.relpath(path, ROOT))


HEADER = """//===--- {cls}.h - logstream-{name} ---===//

#ifndef LOGSTREAM_LOGSTREAM_{guard}_H
#define LOGSTREAM_LOGSTREAM_{guard}_H

#include "utils/Compat.h"
#include "LogstreamCheck.h"
#include <vector>

namespace clang::tidy::logstream {{

/// Warns on calls to the functions named in the `Functions` option.
///
/// For the user-facing documentation see docs/checks/{name}.md.
class {cls} : public LogstreamCheck {{
public:
  {cls}(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerUserCodeMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  compat::OptionalTraversalKind getCheckTraversalKind() const override {{
    return TK_IgnoreUnlessSpelledInSource;
  }}

private:
  const std::vector<StringRef> Functions;
}};

}} // namespace clang::tidy::logstream

#endif // LOGSTREAM_LOGSTREAM_{guard}_H
"""

SOURCE = """//===--- {cls}.cpp - logstream-{name} ---===//

#include "{cls}.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream {{

{cls}::{cls}(StringRef Name, ClangTidyContext *Context)
    : LogstreamCheck(Name, Context), Functions(readList("Functions", "")) {{}}

void {cls}::storeOptions(ClangTidyOptions::OptionMap &Opts) {{
  LogstreamCheck::storeOptions(Opts);
  Options.store(Opts, "Functions",
                tidy::utils::options::serializeStringList(Functions));
}}

void {cls}::registerUserCodeMatchers(MatchFinder *Finder) {{
  if (Functions.empty())
    return;
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasAnyName(Functions)).bind("fn")))
          .bind("call"),
      this);
}}

void {cls}::check(const MatchFinder::MatchResult &Result) {{
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const auto *Fn = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  diag(Call->getBeginLoc(), "call to '%0'") << Fn;
}}

}} // namespace clang::tidy::logstream
"""

TEST = """// RUN: %check_logstream_tidy %s logstream-{name} %t \\
// RUN:   -config="{{CheckOptions: {{logstream-{name}.Functions: '::flagged'}}}}"

void flagged();
void other();

void f() {{
  flagged();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: call to 'flagged' [logstream-{name}]
  other();
}}
"""

DOC = """# logstream-{name}

Warns on calls to the functions named in the `Functions` option.

## Why

Say which part of factor XI (or the SECURITY category) this check enforces.

## Options

| option | default | meaning |
|---|---|---|
| `Functions` | (empty) | `;`-separated qualified names of functions to report. |

## Limits

None known yet.
"""


def registry_with(entry: registry.CheckEntry) -> registry.Registry:
    """The registry with the new entry (sorted by name), checked whole before
    anything is written."""
    path = os.path.join(ROOT, "lib", "logstream", "checks.json")
    try:
        reg = registry.load(path)
        if entry.name in reg.by_name():
            raise registry.RegistryError("%s: %s is already registered" % (path, entry.name))
        reg.checks = sorted(reg.checks + [entry], key=lambda c: c.name)
        return registry.parse(json.loads(reg.to_json()), path)
    except registry.RegistryError as e:
        sys.exit("add_new_check: error: %s" % e)


def main():
    global ROOT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("name", help="check name without the logstream- prefix")
    parser.add_argument("--summary", help="one line for the checks list (default: the "
                        "starting behaviour's)")
    parser.add_argument("--cwe", action="append", default=[], metavar="CWE-N",
                        help="a CWE id the check enforces (repeatable)")
    parser.add_argument("--family", action="append", default=[], metavar="FAMILY",
                        help="a library family of the registry it covers (repeatable)")
    parser.add_argument("--root", default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args()
    ROOT = os.path.abspath(args.root)
    name = args.name
    if name.startswith("logstream-"):
        name = name[len("logstream-"):]
    if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", name):
        sys.exit("add_new_check: error: '%s' is not a lower-case, dash-separated name" % name)
    for cwe in args.cwe:
        if not registry.CWE_ID.fullmatch(cwe):
            sys.exit("add_new_check: error: '%s' is not a CWE id like CWE-117" % cwe)
    cls = camel(name)
    guard = cls.upper()
    fields = dict(name=name, cls=cls, guard=guard)
    entry = registry.CheckEntry(
        "logstream-" + name, cls, cls + ".h", [cls + ".cpp"], args.cwe, args.family, False,
        args.summary or "Calls to the functions named in the Functions option.")
    reg = registry_with(entry)
    write_new(os.path.join(ROOT, "lib", "logstream", cls + ".h"), HEADER.format(**fields))
    write_new(os.path.join(ROOT, "lib", "logstream", cls + ".cpp"), SOURCE.format(**fields))
    write_new(os.path.join(ROOT, "test", "checkers", name + ".cpp"), TEST.format(**fields))
    write_new(os.path.join(ROOT, "docs", "checks", name + ".md"), DOC.format(**fields))
    with open(os.path.join(ROOT, "lib", "logstream", "checks.json"), "w", encoding="utf-8") as f:
        f.write(reg.to_json())
    print("registered %s in lib/logstream/checks.json" % entry.name)
    subprocess.run([sys.executable, os.path.join(ROOT, "utils", "gen_checks_list.py")], check=True)
    print("updated docs/checks/README.md")


if __name__ == "__main__":
    main()
