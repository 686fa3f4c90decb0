#!/usr/bin/env python3
"""Measures the real dashboard in a pseudo-terminal (issue 5), in release mode:

1. start to first frame with a store of 10,000 requests, and its peak memory;
2. following 50 pending requests with live updates on for 60 s: CPU (% of one core) and bytes written to the terminal;
3. with nothing pending: wake-ups per second (voluntary context switches of all threads);
4. `ylytic open` on a 20,000-post response: time to the first frame (15 runs: this machine's timings vary by a
   fifth from minute to minute, and a median of five moved with them), and until its top posts' captions, read
   after the first frame, are drawn;
5. Enter on that creator in the dashboard: time until its page is drawn, and its captions (15 runs).

Usage: Benchmarks/dashboard-pty.py [SECONDS] [WARM_UP_SECONDS]   (builds ylytic in release mode)
"""
import json, os, sqlite3, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pty_dashboard
from pty_dashboard import cpu_seconds, quit, read_for, wakeups
from simulated_body import finished_body

SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 60.0
WARM_UP = float(sys.argv[2]) if len(sys.argv) > 2 else 5.0
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = subprocess.check_output(["swift", "build", "-c", "release", "--show-bin-path"], cwd=root, text=True).strip() + "/ylytic"
subprocess.check_call(["swift", "build", "-c", "release", "--product", "ylytic"], cwd=root, stdout=subprocess.DEVNULL)
work = tempfile.mkdtemp(prefix="ylytic-pty-")

simulator = subprocess.Popen([binary, "simulate", "--latency", "3600-3600", "--token", "bench"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
base_url = simulator.stdout.readline().strip()
env = dict(os.environ, YLYTIC_TOKEN="bench", YLYTIC_BASE_URL=base_url, TERM="xterm-256color", LANG="C.UTF-8",
           XDG_STATE_HOME=work)


def spawn(store):
    return pty_dashboard.spawn(binary, ["dash", "--store", store], dict(env, YLYTIC_STORE=store))


def peak_kb(pid):
    return next(int(line.split()[1]) for line in open(f"/proc/{pid}/status") if line.startswith("VmHWM"))


# 1. Start to first frame with 10,000 finished requests.
big = os.path.join(work, "big.sqlite")
subprocess.check_call([binary, "watch", "--store", big], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # creates the store
db = sqlite3.connect(big)
now = time.time()
db.executemany(
    "INSERT INTO request (request_id, request_type, target_value, state, submitted_at, finished_at, error_count, "
    "followers, creator_name) VALUES (?, 'instagram', ?, ?, ?, ?, 0, ?, ?)",
    [(f"{i:024x}", f"creator_{i}", "succeeded" if i % 5 else "failed", now - i * 60, now - i * 60 + 9, 1000 + i,
      "Creator %d" % i) for i in range(10_000)])
db.commit()
db.close()
starts = []
for _ in range(5):
    started = time.time()
    pid, fd = spawn(big)
    first = read_for(fd, 10, until=b"creator_0")
    starts.append((time.time() - started) * 1000)
    memory = peak_kb(pid)
    quit(pid, fd)
starts.sort()
print(f"start to first frame, 10,000 requests: median {starts[2]:.0f} ms (of {', '.join('%.0f' % s for s in starts)}); "
      f"peak memory {memory / 1024:.0f} MB")

# 2. Following 50 pending requests.
live = os.path.join(work, "live.sqlite")
for i in range(50):
    subprocess.check_call([binary, "refresh", "instagram", f"pending_{i}", "--store", live], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
pid, fd = spawn(live)
read_for(fd, WARM_UP)  # first frame and the first, fastest polls
cpu_before, wake_before = cpu_seconds(pid), wakeups(pid)
written = read_for(fd, SECONDS)
cpu = cpu_seconds(pid) - cpu_before
print(f"following 50 pending for {SECONDS:.0f} s after {WARM_UP:.0f} s: {cpu / SECONDS * 100:.2f}% of one core, "
      f"{len(written) / SECONDS:.0f} bytes/s to the terminal, {(wakeups(pid) - wake_before) / SECONDS:.1f} wake-ups/s")
quit(pid, fd)

# 3. Nothing pending.
pid, fd = spawn(big)
read_for(fd, 3)
cpu_before, wake_before = cpu_seconds(pid), wakeups(pid)
written = read_for(fd, min(SECONDS, 20))
span = min(SECONDS, 20)
print(f"nothing pending for {span:.0f} s: {(cpu_seconds(pid) - cpu_before) / span * 100:.2f}% of one core, "
      f"{len(written) / span:.0f} bytes/s, {(wakeups(pid) - wake_before) / span:.1f} wake-ups/s")
quit(pid, fd)
# 4. `ylytic open` on a 20,000-post response: time to the first frame.
fast = subprocess.Popen([binary, "simulate", "--latency", "0-0", "--token", "bench"], stdout=subprocess.PIPE,
                        stderr=subprocess.DEVNULL, text=True)
fast_url = fast.stdout.readline().strip()
body = finished_body(fast_url, "huge_benchmark")
saved = os.path.join(work, "huge.json")
open(saved, "wb").write(body)
def summary(times):
    times = sorted(times)
    return (f"median {times[len(times) // 2]:.0f} ms (quartiles {times[len(times) // 4]:.0f} and "
            f"{times[3 * len(times) // 4]:.0f}, fastest {times[0]:.0f}, of {len(times)})")


def top_caption(body):
    """The start of a caption in the page's top-posts table (plain ASCII, so that it reaches the terminal as it
    is): a large page is drawn from its posts' figures first, and this shows when their text has followed."""
    posts = json.loads(body)["response"]["posts"]
    every = posts.get("video_posts", []) + posts.get("non_video_posts", [])
    def engagement(post):
        try:
            return float(post.get("engagement"))
        except (TypeError, ValueError):
            return -1.0
    for post in sorted(every, key=lambda post: -engagement(post))[:10]:
        words = str(post.get("caption") or "")[:12]
        if len(words) >= 8 and words.isascii() and words.isprintable() and "  " not in words:
            return words.encode()
    raise SystemExit("no plain caption among the top posts to wait for")


def time_until_whole(fd, first, started, marker):
    """Milliseconds from `started` until `marker` was drawn, reading on from `first` (what was already read)."""
    if marker not in first:
        read_for(fd, 10, until=marker)
    return (time.time() - started) * 1000


marker = top_caption(body)
opens, opens_whole = [], []
for _ in range(15):
    started = time.time()
    pid, fd = pty_dashboard.spawn(binary, ["open", saved], env)
    first = read_for(fd, 10, until=b"Growth")
    opens.append((time.time() - started) * 1000)
    opens_whole.append(time_until_whole(fd, first, started, marker))
    quit(pid, fd)
print(f"ylytic open on a 20,000-post response ({len(body) / 1_048_576:.1f} MB): first frame {summary(opens)}")
print(f"  and its top posts' captions drawn after {summary(opens_whole)}")

# 5. Enter on that creator in the dashboard: its page read from the store's raw body, to the first frame of it.
huge_store = os.path.join(work, "huge.sqlite")
subprocess.check_call([binary, "refresh", "instagram", "huge_benchmark", "--wait", "--store", huge_store],
                      env=dict(env, YLYTIC_BASE_URL=fast_url), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
fast.terminate()
enters, enters_whole = [], []
for _ in range(15):
    pid, fd = spawn(huge_store)
    read_for(fd, 10, until=b"huge_benchmark")
    read_for(fd, 0.5)
    started = time.time()
    os.write(fd, b"\r")
    first = read_for(fd, 10, until=b"p posts")  # the creator page's key hints
    enters.append((time.time() - started) * 1000)
    enters_whole.append(time_until_whole(fd, first, started, marker))
    os.write(fd, b"q")  # back to the list, where q quits
    read_for(fd, 10, until=b"q quit")
    quit(pid, fd)
print(f"Enter on that creator in the dashboard: its page drawn after {summary(enters)}")
print(f"  and its top posts' captions drawn after {summary(enters_whole)}")
simulator.terminate()
simulator.wait()
