"""Runs one command as a whole process and prints, as one JSON line, what it cost: wall time from spawn to exit,
user and system CPU, peak resident memory (of the command and what it started), and its exit code. Both sides of
the one-shot benchmark are measured by this same harness.

usage: python3 measure.py COMMAND [ARG...]     (the command's output goes to measure-output.log beside this file)
"""
import json
import os
import resource
import subprocess
import sys
import time

log = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "measure-output.log"), "ab")
started = time.perf_counter()
exit_code = subprocess.run(sys.argv[1:], stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL).returncode
wall = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wallMs": round(wall * 1000, 1), "userMs": round(usage.ru_utime * 1000, 1),
                  "sysMs": round(usage.ru_stime * 1000, 1), "maxRssKb": usage.ru_maxrss, "exit": exit_code}))
