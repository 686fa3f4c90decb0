#!/usr/bin/env python3
"""Bulk refresh against the simulator: `ylytic refresh --from FILE` of N targets with the simulator's latency fixed
at L seconds, run RUNS times on fresh stores. Prints each run's wall time against the bound 1.1 x (L + N / 5), and the
most POSTs the simulator logged in any second (each run must POST every target once, at most five a second).

Usage: Benchmarks/bulk-refresh.py [YLYTIC] [N] [L] [RUNS]   (defaults: .build/release/ylytic 200 5 3)
"""
import collections
import os
import subprocess
import sys
import tempfile
import threading
import time

binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/release/ylytic")
count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
latency = float(sys.argv[3]) if len(sys.argv) > 3 else 5
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
bound = 1.1 * (latency + count / 5)

simulator = subprocess.Popen(
    [binary, "simulate", "--latency", f"{latency}-{latency}", "--token", "bench-token"],
    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
base_url = simulator.stdout.readline().strip()
created = []  # (monotonic time, target) of every refresh the simulator created


def read_log():
    for line in simulator.stderr:
        if line.startswith("created "):
            created.append((time.monotonic(), line.strip().split(" for ", 1)[1]))


threading.Thread(target=read_log, daemon=True).start()
print(f"ylytic refresh --from FILE: {count} targets, simulator latency {latency:g} s; bound 1.1 x (L + N/5) = {bound:.1f} s")
try:
    for run in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            listing = os.path.join(folder, "targets.txt")
            with open(listing, "w") as file:
                file.write("\n".join(f"@bench_{run}_{index}" for index in range(count)) + "\n")
            environment = dict(
                os.environ, YLYTIC_TOKEN="bench-token", YLYTIC_BASE_URL=base_url,
                YLYTIC_STORE=os.path.join(folder, "store.sqlite"), HOME=folder)
            before = len(created)
            started = time.monotonic()
            result = subprocess.run(
                [binary, "refresh", "--from", listing, "--json"], env=environment, capture_output=True, text=True)
            elapsed = time.monotonic() - started
            posts = created[before:]
            targets = [target for _, target in posts]
            per_second = collections.Counter(int(at - posts[0][0]) for at, _ in posts) if posts else {}
            tightest = min((posts[i + 5][0] - posts[i][0] for i in range(len(posts) - 5)), default=0)
            summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
            print(
                f"run {run + 1}: {elapsed:.1f} s ({'within' if elapsed <= bound else 'OVER'} {bound:.1f}), exit {result.returncode}, "
                f"{len(targets)} POSTs for {len(set(targets))} targets, at most {max(per_second.values(), default=0)} in a second "
                f"(six in a row took {tightest:.3f} s at least); {summary}")
finally:
    simulator.terminate()
    simulator.wait()
