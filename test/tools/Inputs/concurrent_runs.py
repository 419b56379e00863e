#!/usr/bin/env python3
"""concurrent_runs.py N COMMAND [ARGS...]: starts COMMAND N times at once
(same arguments, same working directory) and prints "same report" when every
run exited 0 or 1 with the same standard output; otherwise says which run
differed and exits 1."""
import subprocess
import sys

n = int(sys.argv[1])
procs = [subprocess.Popen(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
         for _ in range(n)]
outs = [(p.communicate(), p.returncode) for p in procs]
for i, ((out, err), rc) in enumerate(outs):
    if rc not in (0, 1):
        sys.stderr.write("run %d exited %d: %s\n" % (i + 1, rc, err.decode(errors="replace")))
        sys.exit(1)
    if out != outs[0][0][0]:
        sys.stderr.write("run %d printed another report than run 1\n" % (i + 1))
        sys.exit(1)
print("%d concurrent runs: same report" % n)
