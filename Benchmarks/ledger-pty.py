#!/usr/bin/env python3
"""Measures the team ledger on PostgreSQL (issue 10) in release mode, on a throwaway server
(Tests/EndToEnd/throwaway-postgres.sh) and the simulator as a process of its own:

1. propagation: `ylytic refresh` run by another process, PROPAGATIONS times 200 ms apart; the time from its exit
   (its request committed) to the row on a dashboard's screen, read as a terminal shows it (pyte): p50, p95, worst;
2. API GETs per minute, counted in the simulator's log, while 1 and then 10 `ylytic watch` processes follow the
   same 1,000 pending requests for FOLLOW_SECONDS each;
3. 100,000 requests in the ledger: `ylytic list` (its newest page) and `list --json`, as whole processes, and the
   time from starting a dashboard to its first frame with rows.

Needs pyte (pip install pyte). Builds ylytic in release mode.
Usage: Benchmarks/ledger-pty.py [FOLLOW_SECONDS] [PROPAGATIONS]   (defaults 60 and 100)
"""
import json, os, select, signal, subprocess, sys, tempfile, time, urllib.request

import pyte

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pty_dashboard
from pty_dashboard import quit

FOLLOW = float(sys.argv[1]) if len(sys.argv) > 1 else 60.0
PROPAGATIONS = int(sys.argv[2]) if len(sys.argv) > 2 else 100
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
server_script = os.path.join(root, "Tests/EndToEnd/throwaway-postgres.sh")
subprocess.check_call(["swift", "build", "-c", "release", "--product", "ylytic"], cwd=root, stdout=subprocess.DEVNULL)
binary = subprocess.check_output(["swift", "build", "-c", "release", "--show-bin-path"], cwd=root, text=True).strip() + "/ylytic"
work = tempfile.mkdtemp(prefix="ylytic-ledger-")
os.chmod(work, 0o755)
folder = os.path.join(work, "postgres")
port = subprocess.check_output(["bash", server_script, "start", folder], text=True).strip()
simulator_log = open(os.path.join(work, "simulator.log"), "w")
simulator = subprocess.Popen([binary, "simulate", "--latency", "3600-3600", "--token", "bench"],
                             stdout=subprocess.PIPE, stderr=simulator_log, text=True)
base_url = simulator.stdout.readline().strip()


def database(name):
    subprocess.check_call(["bash", server_script, "createdb", folder, name])
    return f"postgresql://postgres@127.0.0.1:{port}/{name}?sslmode=disable"


def sql(name, statement):
    return subprocess.check_output(["bash", server_script, "psql", folder, name, statement], text=True)


def environment(store):
    return dict(os.environ, YLYTIC_TOKEN="bench", YLYTIC_BASE_URL=base_url, TERM="xterm-256color", LANG="C.UTF-8",
                XDG_STATE_HOME=work, YLYTIC_STORE=store)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def first_frame(env, until):
    """Starts a dashboard; returns its pid, terminal, screen and the seconds until `until` was on its screen."""
    screen = pyte.Screen(120, 40)
    stream = pyte.ByteStream(screen)
    started = time.time()
    pid, fd = pty_dashboard.spawn(binary, ["dash"], env)
    while not until(screen.display):
        ready, _, _ = select.select([fd], [], [], 30)
        if not ready:
            raise SystemExit("the dashboard drew nothing for 30 s")
        stream.feed(os.read(fd, 65536))
    return pid, fd, screen, stream, time.time() - started


# 1. Propagation from another process's refresh to a dashboard's screen.
env = environment(database("propagation"))
pid, fd, screen, stream, _ = first_frame(env, lambda lines: any("live" in line for line in lines[:1]))
latencies = []
for i in range(PROPAGATIONS):
    name = f"prop_{i:04d}"
    subprocess.check_call([binary, "refresh", f"@{name}"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    committed = time.time()
    while not any(name in line for line in screen.display):
        ready, _, _ = select.select([fd], [], [], 5)
        if not ready:
            raise SystemExit(f"{name} did not reach the screen in 5 s")
        stream.feed(os.read(fd, 65536))
    latencies.append((time.time() - committed) * 1000)
    time.sleep(0.2)
quit(pid, fd)
print(f"propagation of {len(latencies)} refreshes from another process to a dashboard's screen: "
      f"p50 {percentile(latencies, 0.5):.0f} ms, p95 {percentile(latencies, 0.95):.0f} ms, worst {max(latencies):.0f} ms")


# 2. GETs per minute with 1 and 10 processes following the same 1,000 pending requests.
def post(handle):
    request = urllib.request.Request(
        base_url + "/data_refresh/requests", data=json.dumps({"request_type": "instagram", "handle": handle}).encode(),
        headers={"Authorization": "Bearer bench", "Content-Type": "application/json"}, method="POST")
    return json.load(urllib.request.urlopen(request))["request_id"]


for followers in [1, 10]:
    name = f"follow{followers}"
    store = database(name)
    subprocess.check_call([binary, "list"], env=environment(store), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ids = [post(f"follow_{followers}_{i}") for i in range(1000)]
    now = time.time()
    values = ",".join(f"('{request_id}', 'instagram', 'follow_{followers}_{i}', 'pending', {now - 60}, 2)"
                      for i, request_id in enumerate(ids))
    sql(name, "INSERT INTO ylytic.request (request_id, request_type, target_value, state, submitted_at, revision) "
              f"VALUES {values}; UPDATE ylytic.store_revision SET value = 2")
    simulator_log.flush()
    before = open(simulator_log.name).read().count("GET ")
    watchers = [subprocess.Popen([binary, "watch"], env=environment(store), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL) for _ in range(followers)]
    time.sleep(FOLLOW)
    simulator_log.flush()
    gets = open(simulator_log.name).read().count("GET ") - before
    for watcher in watchers:
        watcher.send_signal(signal.SIGTERM)
        watcher.wait()
    print(f"{followers:>2} processes following the same 1,000 pending requests for {FOLLOW:.0f} s: "
          f"{gets / (FOLLOW / 60):.0f} API GETs per minute")

# 3. 100,000 requests in the ledger.
store = database("large")
subprocess.check_call([binary, "list"], env=environment(store), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
sql("large", "INSERT INTO ylytic.request (request_id, request_type, target_value, state, submitted_at, finished_at, "
             "followers, creator_name, submitted_by, revision) "
             "SELECT lpad(to_hex(i), 24, '0'), 'instagram', 'creator_' || i, "
             "CASE WHEN i % 50 = 0 THEN 'failed' ELSE 'succeeded' END, 1750000000 + i, 1750000000 + i + 30, "
             "1000 + i, 'Creator ' || i, 'bench@box', 2 FROM generate_series(1, 100000) AS i; "
             "UPDATE ylytic.store_revision SET value = 2; ANALYZE")
for arguments in [["list"], ["list", "--json"]]:
    times = []
    for _ in range(5):
        started = time.time()
        subprocess.check_call([binary] + arguments, env=environment(store), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
        times.append((time.time() - started) * 1000)
    print(f"ylytic {' '.join(arguments)} with 100,000 requests in the ledger, as a whole process: "
          f"median {percentile(times, 0.5):.0f} ms (best {min(times):.0f} ms) of 5")
frames = []
for _ in range(5):
    pid, fd, _, _, seconds = first_frame(environment(store), lambda lines: any("creator_100000" in line for line in lines))
    frames.append(seconds * 1000)
    quit(pid, fd)
print(f"dashboard's first frame with rows, 100,000 requests in the ledger: median {percentile(frames, 0.5):.0f} ms "
      f"(best {min(frames):.0f} ms) of 5")

simulator.terminate()
simulator.wait()
subprocess.call(["bash", server_script, "stop", folder])
