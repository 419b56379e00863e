#!/usr/bin/env python3
"""precommit_setup.py SRCROOT DIR: a hook repository holding logstream-tidy's
.pre-commit-hooks.yaml (committed, as pre-commit clones it) and a project
repository (make_project.py) whose .pre-commit-config.yaml uses it, with the
hook installed."""
import os
import shutil
import subprocess
import sys

src, d = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
hooks, proj = os.path.join(d, "hooks"), os.path.join(d, "project")
os.makedirs(hooks)


def git(cwd, *args):
    subprocess.run(["git", "-c", "init.defaultBranch=main"] + list(args), cwd=cwd, check=True,
                   stdout=subprocess.DEVNULL)


for repo in (hooks,):
    git(repo, "init", "-q")
shutil.copy(os.path.join(src, ".pre-commit-hooks.yaml"), hooks)
git(hooks, "add", "-A")
git(hooks, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "hooks")
rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hooks, check=True,
                     stdout=subprocess.PIPE, universal_newlines=True).stdout.strip()

subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "make_project.py"), proj],
               check=True)
git(proj, "init", "-q")
git(proj, "config", "user.email", "t@example.com")
git(proj, "config", "user.name", "t")
with open(os.path.join(proj, ".pre-commit-config.yaml"), "w") as f:
    f.write("repos:\n- repo: %s\n  rev: %s\n  hooks:\n  - id: logstream-tidy\n" % (hooks, rev))
git(proj, "add", "-A")
git(proj, "commit", "-qm", "base", "--no-verify")
subprocess.run(["pre-commit", "install"], cwd=proj, check=True, stdout=subprocess.DEVNULL)
