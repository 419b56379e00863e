#!/usr/bin/env python3
"""kill_proof.py PROGRAM: runs PROGRAM with stdout on a pipe, waits until it
says "ready" on stderr (after it has written its events), kills it with
SIGKILL and prints what reached the pipe: the signal, the number of JSON
events and each event. Exits 1 if the program never gets ready (30 s)."""
import json
import select
import signal
import subprocess
import sys

proc = subprocess.Popen([sys.argv[1]], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
ready, _, _ = select.select([proc.stderr], [], [], 30)
line = proc.stderr.readline() if ready else b""
if line != b"ready\n":
    proc.kill()
    proc.wait()
    sys.stderr.write("kill_proof: %s did not get ready (%r)\n" % (sys.argv[1], line))
    sys.exit(1)
proc.send_signal(signal.SIGKILL)
proc.wait()
out = proc.stdout.read().decode("utf-8")
events = [json.loads(l) for l in out.splitlines() if l.strip()]
print("killed by signal %d" % -proc.returncode)
print("events: %d" % len(events))
for e in events:
    print("%s %d" % (e["event"], e["n"]))
