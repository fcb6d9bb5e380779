#!/usr/bin/env python3
"""Runs a command and prints its wall time and its peak memory, split the way Linux counts it:
resident in all (VmHWM), anonymous (RssAnon: the heap and stacks, what the process itself
allocated) and file-backed (RssFile: pages of files mapped read-only — SQLite's memory-mapped
database and the fonts — which the kernel shares with its page cache and may drop at any time).
Usage: bench/peak-memory.py COMMAND [ARGS...]   (the environment is passed on)"""
import subprocess, sys, time

def status(pid):
    values = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                key, _, rest = line.partition(":")
                if key in ("VmHWM", "RssAnon", "RssFile"):
                    values[key] = int(rest.split()[0])
    except OSError:
        pass
    return values

start = time.monotonic()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
peak = {"VmHWM": 0, "RssAnon": 0, "RssFile": 0}
while child.poll() is None:
    for key, value in status(child.pid).items():
        peak[key] = max(peak[key], value)
    time.sleep(0.002)
elapsed = time.monotonic() - start
if child.returncode != 0:
    sys.exit(f"failed with {child.returncode}")
print(f"{elapsed:.2f} s, peak resident {peak['VmHWM'] / 1024:.0f} MB "
      f"(anonymous {peak['RssAnon'] / 1024:.0f} MB, mapped files {peak['RssFile'] / 1024:.0f} MB)")
