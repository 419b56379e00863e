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

With --sharded, checks the sharded jobs of docs/ci.md (the YAML blocks that
use --shard) instead: GitHub's strategy.matrix and GitLab's parallel: run
shards 1..N of N, each shard's report is an artifact the merge job needs and
reads, and every `logstream-ci` / `logstream-ci merge` option exists.

Prints one line per job; exit 0 when both pass, 1 otherwise."""

import re
import subprocess
import sys

import yaml

# Released tags of the actions the example uses.
KNOWN_ACTIONS = {"actions/checkout@v4", "github/codeql-action/upload-sarif@v3"}
SHARD_ACTIONS = KNOWN_ACTIONS | {"actions/upload-artifact@v4", "actions/download-artifact@v4"}


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def yaml_blocks(doc):
    return [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", doc, re.S)]


def commands(text):
    """Shell words per logical command, continuation lines joined."""
    return [line.split() for line in text.replace("\\\n", " ").split("\n") if line.strip()]


def check_commands(script, ci_options, cmake_options, packages, where, merge_options=None):
    ci_runs = 0
    for words in commands(script):
        if "logstream-ci" in words:
            ci_runs += 1
            rest = words[words.index("logstream-ci") + 1:]
            known, tool = ci_options, "logstream-ci"
            if rest[:1] == ["merge"] and merge_options is not None:
                known, tool, rest = merge_options, "logstream-ci merge", rest[1:]
            for w in rest:
                if w in ("||", "&&", "|", ";"):
                    break
                if w.startswith("-") and w.split("=")[0] not in known:
                    fail("%s: %s has no option %s" % (where, tool, w))
        for w in words:
            if w.startswith("-DLOGSTREAM_") and w[2:].split("=")[0] not in cmake_options:
                fail("%s: CMakeLists.txt has no option %s" % (where, w))
        if words[:2] == ["apt-get", "install"]:
            for p in words[2:]:
                if not p.startswith("-") and p not in packages:
                    fail("%s: build.sh does not install %s" % (where, p))
    return ci_runs


def options_of(command):
    help_text = subprocess.run(command + ["--help"], stdout=subprocess.PIPE,
                               universal_newlines=True, check=True).stdout
    return set(re.findall(r"(--?[a-z][a-z-]*)", help_text))


def shard_glob_matches(pattern, name_template):
    """Does a shell glob (shard-*.sarif) match what the shards write
    (shard-${{ matrix.shard }}.sarif, "shard-$CI_NODE_INDEX.json")?"""
    name = re.sub(r"\$\{\{[^}]*\}\}|\$[A-Z_]+", "7", name_template.strip('"'))
    return re.fullmatch(re.escape(pattern.strip('"')).replace(r"\*", ".*"), name) is not None


def option_value(words, option):
    return words[words.index(option) + 1] if option in words else None


def ci_words(script):
    """The logstream-ci commands of a script, a GitHub ${{ expression }} one word."""
    script = re.sub(r"\$\{\{\s*(.*?)\s*\}\}", r"${{\1}}", script)
    return [w for w in commands(script) if "logstream-ci" in w]


def check_github_sharded(doc, tools):
    jobs = doc["jobs"]
    if doc.get("permissions", {}).get("security-events") != "write":
        fail("GitHub sharded: no permissions: security-events: write")
    shard_name, shard_job = next((n, j) for n, j in jobs.items() if "strategy" in j)
    shards = shard_job["strategy"]["matrix"]["shard"]
    n = len(shards)
    if shards != list(range(1, n + 1)):
        fail("GitHub sharded: matrix.shard is %r, not 1..N" % shards)
    merge_name, merge_job = next((n, j) for n, j in jobs.items() if j.get("needs"))
    needs = merge_job["needs"] if isinstance(merge_job["needs"], list) else [merge_job["needs"]]
    if shard_name not in needs:
        fail("GitHub sharded: the merge job does not need %s" % shard_name)
    output = None
    for job in (shard_job, merge_job):
        steps = job["steps"]
        uses = {s["uses"] for s in steps if "uses" in s}
        if not uses <= SHARD_ACTIONS:
            fail("GitHub sharded: unknown action tags %r" % (uses - SHARD_ACTIONS))
        runs = [s.get("run", "") for s in steps]
        install = next(i for i, r in enumerate(runs) if "cmake --install" in r)
        if install > next(i for i, r in enumerate(runs) if "logstream-ci" in r):
            fail("GitHub sharded: logstream-ci runs before logstream-tidy is installed")
        for r in runs:
            check_commands(r, *tools[:3], "GitHub sharded", tools[3])
    for words in (w for r in shard_job["steps"] for w in ci_words(r.get("run", ""))):
        if option_value(words, "--shard") != "${{matrix.shard}}/%d" % n:
            fail("GitHub sharded: --shard is not ${{ matrix.shard }}/%d" % n)
        output = option_value(words, "--output")
    upload = next(s for s in shard_job["steps"] if s.get("uses", "").startswith("actions/upload"))
    if re.sub(r"\s", "", upload["with"]["path"]) != output:
        fail("GitHub sharded: the artifact is %s, the shard writes %s" % (upload["with"]["path"], output))
    download = next(s for s in merge_job["steps"] if s.get("uses", "").startswith("actions/download"))
    if not shard_glob_matches(download["with"]["pattern"], upload["with"]["name"]):
        fail("GitHub sharded: the merge job downloads %s" % download["with"]["pattern"])
    merge = next(w for s in merge_job["steps"] for w in ci_words(s.get("run", "")))
    if not shard_glob_matches(merge[merge.index("merge") + 1], output):
        fail("GitHub sharded: the merge reads %s, the shards write %s" % (merge[2], output))
    print("ok: GitHub Actions sharded: %d shards (%s), merged by %s" % (n, shard_name, merge_name))


def check_gitlab_sharded(doc, tools):
    jobs = {k: v for k, v in doc.items() if isinstance(v, dict) and not k.startswith(".")}

    def resolved(job):
        base = doc.get(job.get("extends"), {}) if job.get("extends") else {}
        return dict(base, **job)
    shard_name, shard_job = next((k, resolved(j)) for k, j in jobs.items() if "parallel" in j)
    merge_name, merge_job = next((k, resolved(j)) for k, j in jobs.items() if j.get("needs"))
    n = shard_job["parallel"]
    if shard_name not in merge_job["needs"]:
        fail("GitLab sharded: the merge job does not need %s" % shard_name)
    for job in (shard_job, merge_job):
        if not any("cmake --install" in c for c in job["before_script"]):
            fail("GitLab sharded: logstream-tidy is not installed before the script")
        for c in job["before_script"] + job["script"]:
            check_commands(c, *tools[:3], "GitLab sharded", tools[3])
    words = next(w for c in shard_job["script"] for w in ci_words(c))
    if option_value(words, "--shard") != '"$CI_NODE_INDEX/$CI_NODE_TOTAL"':
        fail("GitLab sharded: --shard is not $CI_NODE_INDEX/$CI_NODE_TOTAL")
    output = option_value(words, "--output")
    if not any(shard_glob_matches(p, output) for p in shard_job["artifacts"]["paths"]):
        fail("GitLab sharded: %s is not an artifact of %s" % (output, shard_name))
    merge = next(w for c in merge_job["script"] for w in ci_words(c))
    if not shard_glob_matches(merge[merge.index("merge") + 1], output):
        fail("GitLab sharded: the merge reads %s, the shards write %s" % (merge[2], output))
    if merge_job["artifacts"]["reports"].get("codequality") != option_value(merge, "--output"):
        fail("GitLab sharded: the merged report is not the codequality report")
    print("ok: GitLab CI sharded: parallel %d (%s), merged by %s" % (n, shard_name, merge_name))


def main():
    sharded = "--sharded" in sys.argv
    doc_path, logstream_ci, source = [a for a in sys.argv[1:] if a != "--sharded"][:3]
    doc = open(doc_path).read()
    ci_options = options_of([logstream_ci])
    cmake_lists = open(source + "/CMakeLists.txt").read()
    cmake_options = set(re.findall(r"option\((LOGSTREAM_[A-Z_]+)", cmake_lists))
    build_sh = open(source + "/build.sh").read().replace('"$LLVM"', "19").replace("$LLVM", "19")
    packages = set(re.findall(r"[a-z0-9][a-z0-9.+-]+", build_sh))
    if sharded:
        tools = (ci_options, cmake_options, packages)
        merge_options = options_of([logstream_ci, "merge"])
        blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", doc, re.S)
                  if "--shard" in b]
        if len(blocks) != 2:
            fail("%s: expected a GitHub and a GitLab sharded job, found %d" % (doc_path, len(blocks)))
        check_github_sharded(blocks[0], tools + (merge_options,))
        check_gitlab_sharded(blocks[1], tools + (merge_options,))
        return

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
