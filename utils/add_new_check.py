#!/usr/bin/env python3
"""Adds a new logstream check, complete from the start.

  utils/add_new_check.py log-file-sink

creates lib/logstream/LogFileSinkCheck.{h,cpp}, registers it (sorted) in
LogstreamTidyModule.cpp, adds it to lib/CMakeLists.txt, and writes a working
test (test/checkers/log-file-sink.cpp) and doc page (docs/checks/
log-file-sink.md) for the starting behaviour: warn on calls to the functions
listed in the check's `Functions` option. Then it regenerates the checks list.
Replace that behaviour with the real one, keeping test and doc in step.
"""

import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


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

#include "clang-tidy/ClangTidyCheck.h"
#include <vector>

namespace clang::tidy::logstream {{

/// Warns on calls to the functions named in the `Functions` option.
///
/// For the user-facing documentation see docs/checks/{name}.md.
class {cls} : public ClangTidyCheck {{
public:
  {cls}(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {{
    return true;
  }}
  std::optional<TraversalKind> getCheckTraversalKind() const override {{
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
#include "utils/CheckOptions.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::logstream {{

{cls}::{cls}(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      Functions(utils::readListOption(Options, "Functions", "")) {{}}

void {cls}::storeOptions(ClangTidyOptions::OptionMap &Opts) {{
  Options.store(Opts, "Functions",
                tidy::utils::options::serializeStringList(Functions));
}}

void {cls}::registerMatchers(MatchFinder *Finder) {{
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


def register(name, cls):
    path = os.path.join(ROOT, "lib", "logstream", "LogstreamTidyModule.cpp")
    text = open(path, encoding="utf-8").read()
    includes = re.findall(r'^#include "(\w+Check)\.h"$', text, re.M)
    includes = sorted(set(includes + [cls]))
    text = re.sub(r'(^#include "\w+Check\.h"\n)+',
                  "".join('#include "%s.h"\n' % i for i in includes), text, count=1, flags=re.M)
    begin = text.index("// BEGIN CHECKS")
    begin = text.index("\n", begin) + 1
    end = text.index("    // END CHECKS")
    entries = re.findall(r'registerCheck<(\w+)>\(\s*"logstream-([a-z0-9-]+)"\);', text[begin:end])
    entries = sorted(set(entries + [(cls, name)]), key=lambda e: e[1])
    body = "".join('    CheckFactories.registerCheck<%s>(\n        "logstream-%s");\n' % e
                   for e in entries)
    text = text[:begin] + body + text[end:]
    open(path, "w", encoding="utf-8").write(text)
    print("registered logstream-%s" % name)

    cml = os.path.join(ROOT, "lib", "CMakeLists.txt")
    text = open(cml, encoding="utf-8").read()
    srcs = re.findall(r"^  (logstream/\w+\.cpp)$", text, re.M)
    srcs = sorted(set(srcs + ["logstream/%s.cpp" % cls]))
    text = re.sub(r"(^  logstream/\w+\.cpp\n)+", "".join("  %s\n" % s for s in srcs),
                  text, count=1, flags=re.M)
    open(cml, "w", encoding="utf-8").write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", help="check name without the logstream- prefix")
    args = parser.parse_args()
    name = args.name
    if name.startswith("logstream-"):
        name = name[len("logstream-"):]
    if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", name):
        sys.exit("add_new_check: error: '%s' is not a lower-case, dash-separated name" % name)
    cls = camel(name)
    guard = cls.upper()
    fields = dict(name=name, cls=cls, guard=guard)
    write_new(os.path.join(ROOT, "lib", "logstream", cls + ".h"), HEADER.format(**fields))
    write_new(os.path.join(ROOT, "lib", "logstream", cls + ".cpp"), SOURCE.format(**fields))
    write_new(os.path.join(ROOT, "test", "checkers", name + ".cpp"), TEST.format(**fields))
    write_new(os.path.join(ROOT, "docs", "checks", name + ".md"), DOC.format(**fields))
    register(name, cls)
    subprocess.run([sys.executable, os.path.join(ROOT, "utils", "gen_checks_list.py")], check=True)
    print("updated docs/checks/README.md")


if __name__ == "__main__":
    main()
