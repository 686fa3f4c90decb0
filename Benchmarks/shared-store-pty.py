#!/usr/bin/env python3
"""Measures the change feed between processes on one store (issue 9), in release mode:

1. propagation: another process (StoreProbe) commits 200 changes, 100 ms apart; the time from each commit to the
   row on the dashboard's screen, read as a terminal would show it (pyte): p50, p95 and the worst;
2. an idle dashboard (1,000 finished requests, nothing pending) for IDLE_SECONDS: CPU (% of one core) and
   wake-ups per second (voluntary context switches of all its threads);
3. API GETs per pending request per minute with 1, 3 and 10 `ylytic watch` processes following the same
   20 pending requests for FOLLOW_SECONDS, counted in the simulator's request log.

Needs pyte (pip install pyte). Builds ylytic and StoreProbe in release mode.
Usage: Benchmarks/shared-store-pty.py [IDLE_SECONDS] [FOLLOW_SECONDS]   (defaults 300 and 60)
"""
import os, select, signal, sqlite3, subprocess, sys, tempfile, time

import pyte

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pty_dashboard
from pty_dashboard import cpu_seconds, quit, read_for, wakeups

IDLE = float(sys.argv[1]) if len(sys.argv) > 1 else 300.0
FOLLOW = float(sys.argv[2]) if len(sys.argv) > 2 else 60.0
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
for product in ["ylytic", "StoreProbe"]:
    subprocess.check_call(["swift", "build", "-c", "release", "--product", product], cwd=root, stdout=subprocess.DEVNULL)
bin_path = subprocess.check_output(["swift", "build", "-c", "release", "--show-bin-path"], cwd=root, text=True).strip()
binary, probe = bin_path + "/ylytic", bin_path + "/StoreProbe"
work = tempfile.mkdtemp(prefix="ylytic-shared-")

simulator_log = open(os.path.join(work, "simulator.log"), "w")
simulator = subprocess.Popen([binary, "simulate", "--latency", "3600-3600", "--token", "bench"],
                             stdout=subprocess.PIPE, stderr=simulator_log, text=True)
base_url = simulator.stdout.readline().strip()
env = dict(os.environ, YLYTIC_TOKEN="bench", YLYTIC_BASE_URL=base_url, TERM="xterm-256color", LANG="C.UTF-8",
           XDG_STATE_HOME=work)


def spawn(store):
    return pty_dashboard.spawn(binary, ["dash", "--store", store], env)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


# 1. Propagation from another process's commit to this dashboard's screen.
store = os.path.join(work, "propagation.sqlite")
screen = pyte.Screen(120, 40)
stream = pyte.ByteStream(screen)
pid, fd = spawn(store)
while not any("127.0.0.1" in line for line in screen.display):
    ready, _, _ = select.select([fd], [], [], 10)
    stream.feed(os.read(fd, 65536))
writer = subprocess.Popen([probe, store, "intents", "prop", "200", "100"], stdout=subprocess.PIPE)
committed, latencies, done = {}, [], False
while len(latencies) < 200:
    ready, _, _ = select.select([fd, writer.stdout.fileno()], [], [], 10)
    if not ready:
        break
    now = time.time()
    if writer.stdout.fileno() in ready:
        line = writer.stdout.readline()
        if line:
            committed[line.decode().strip()] = now
    if fd in ready:
        stream.feed(os.read(fd, 65536))
        shown = "\n".join(screen.display)
        for name in [name for name in committed if name in shown]:
            latencies.append((now - committed.pop(name)) * 1000)
writer.wait()
quit(pid, fd)
print(f"propagation of {len(latencies)} changes from another process to the screen: "
      f"p50 {percentile(latencies, 0.5):.1f} ms, p95 {percentile(latencies, 0.95):.1f} ms, "
      f"worst {max(latencies):.1f} ms")

# 2. An idle dashboard: 1,000 finished requests, nothing pending, nothing written.
idle = os.path.join(work, "idle.sqlite")
subprocess.check_call([binary, "watch", "--store", idle], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # creates the store
db = sqlite3.connect(idle)
now = time.time()
db.executemany(
    "INSERT INTO request (request_id, request_type, target_value, state, submitted_at, finished_at, error_count) "
    "VALUES (?, 'instagram', ?, 'succeeded', ?, ?, 0)",
    [(f"{i:024x}", f"creator_{i}", now - i * 60, now - i * 60 + 9) for i in range(1000)])
db.commit()
db.close()
pid, fd = spawn(idle)
read_for(fd, 15)  # the first frame, and change marks fading
cpu_before, wake_before = cpu_seconds(pid), wakeups(pid)
read_for(fd, IDLE)
print(f"idle dashboard for {IDLE:.0f} s: {(cpu_seconds(pid) - cpu_before) / IDLE * 100:.3f}% of one core, "
      f"{(wakeups(pid) - wake_before) / IDLE:.2f} wake-ups/s")
quit(pid, fd)

# 3. GETs per pending request per minute with 1, 3 and 10 processes following the same store.
for followers in [1, 3, 10]:
    shared = os.path.join(work, f"follow-{followers}.sqlite")
    ids = []
    for i in range(20):
        ids.append(subprocess.check_output(
            [binary, "refresh", "instagram", f"follow_{followers}_{i}", "--store", shared], env=env,
            stderr=subprocess.DEVNULL, text=True).strip())
    simulator_log.flush()
    before = open(simulator_log.name).read().count("GET ")
    watchers = [subprocess.Popen([binary, "watch", "--store", shared], env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL) for _ in range(followers)]
    time.sleep(FOLLOW)
    log = open(simulator_log.name).read()
    gets = sum(log.count(f"/requests/{request_id} ") for request_id in ids)
    for watcher in watchers:
        watcher.send_signal(signal.SIGTERM)
        watcher.wait()
    print(f"{followers:>2} processes following 20 fresh pending requests for {FOLLOW:.0f} s: "
          f"{gets / 20 / (FOLLOW / 60):.2f} GETs per request per minute")
simulator.terminate()
simulator.wait()
