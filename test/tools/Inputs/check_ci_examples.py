#!/usr/bin/env python3
"""Checks the CI jobs of docs/ci-examples.md against the real tools:

- both YAML blocks parse (python3-yaml);
- GitHub: `permissions: security-events: write`, checkout with
  `fetch-depth: 0`, actions pinned to released major tags, the build steps
  come before the first logstream-ci;
- GitLab: `GIT_DEPTH: "0"`, a codequality report;
- every `logstream-ci` option used is in `logstream-ci --help`, every
  `-DLOGSTREAM_*` option is a cache option of CMakeLists.txt, every apt
  package named is one build.sh installs.

  check_ci_examples.py DOC LOGSTREAM_CI SOURCE_DIR

Prints one line per job; exit 0 when both pass, 1 otherwise."""

import re
import subprocess
import sys

import yaml

# Released tags of the actions the example uses.
KNOWN_ACTIONS = {"actions/checkout@v4", "github/codeql-action/upload-sarif@v3"}


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def yaml_blocks(doc):
    return [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", doc, re.S)]


def commands(text):
    """Shell words per logical command, continuation lines joined."""
    return [line.split() for line in text.replace("\\\n", " ").split("\n") if line.strip()]


def check_commands(script, ci_options, cmake_options, packages, where):
    ci_runs = 0
    for words in commands(script):
        if "logstream-ci" in words:
            ci_runs += 1
            for w in words[words.index("logstream-ci") + 1:]:
                if w in ("||", "&&", "|", ";"):
                    break
                if w.startswith("-") and w.split("=")[0] not in ci_options:
                    fail("%s: logstream-ci has no option %s" % (where, w))
        for w in words:
            if w.startswith("-DLOGSTREAM_") and w[2:].split("=")[0] not in cmake_options:
                fail("%s: CMakeLists.txt has no option %s" % (where, w))
        if words[:2] == ["apt-get", "install"]:
            for p in words[2:]:
                if not p.startswith("-") and p not in packages:
                    fail("%s: build.sh does not install %s" % (where, p))
    return ci_runs


def main():
    doc_path, logstream_ci, source = sys.argv[1:4]
    doc = open(doc_path).read()
    help_text = subprocess.run([logstream_ci, "--help"], stdout=subprocess.PIPE,
                               universal_newlines=True, check=True).stdout
    ci_options = set(re.findall(r"(--?[a-z][a-z-]*)", help_text))
    cmake_lists = open(source + "/CMakeLists.txt").read()
    cmake_options = set(re.findall(r"option\((LOGSTREAM_[A-Z_]+)", cmake_lists))
    build_sh = open(source + "/build.sh").read().replace('"$LLVM"', "19").replace("$LLVM", "19")
    packages = set(re.findall(r"[a-z0-9][a-z0-9.+-]+", build_sh))

    github, gitlab = yaml_blocks(doc)
    if github.get("permissions", {}).get("security-events") != "write":
        fail("GitHub: no permissions: security-events: write")
    steps = github["jobs"]["logstream"]["steps"]
    uses = [s["uses"] for s in steps if "uses" in s]
    if not set(uses) <= KNOWN_ACTIONS:
        fail("GitHub: unknown action tags %r" % (set(uses) - KNOWN_ACTIONS))
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    if checkout.get("with", {}).get("fetch-depth") != 0:
        fail("GitHub: checkout without fetch-depth: 0")
    runs = [s.get("run", "") for s in steps]
    install = next(i for i, r in enumerate(runs) if "cmake --install" in r)
    first_ci = next(i for i, r in enumerate(runs) if "logstream-ci" in r)
    if install > first_ci:
        fail("GitHub: logstream-ci runs before logstream-tidy is installed")
    n = sum(check_commands(r, ci_options, cmake_options, packages, "GitHub") for r in runs)
    print("ok: GitHub Actions job: %d logstream-ci runs, %d steps" % (n, len(steps)))

    job = gitlab["logstream-tidy"]
    if job["variables"].get("GIT_DEPTH") != "0":
        fail("GitLab: GIT_DEPTH is not \"0\"")
    if job["artifacts"]["reports"].get("codequality") != "gl-code-quality-report.json":
        fail("GitLab: no codequality report")
    if not any("cmake --install" in c for c in job["before_script"]):
        fail("GitLab: logstream-tidy is not installed before the script")
    n = sum(check_commands(c, ci_options, cmake_options, packages, "GitLab")
            for c in job["before_script"] + job["script"])
    print("ok: GitLab CI job: %d logstream-ci runs" % n)


if __name__ == "__main__":
    main()
