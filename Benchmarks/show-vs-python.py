#!/usr/bin/env python3
"""`ylytic show --file` on a 9 MB body of 26,000 posts (the size of the 20,000-post body measured in issue 12) against Python doing `json.load` and walking the same posts
(issue 12), as whole processes, run alternately: median wall time and peak resident memory of each.

Usage: Benchmarks/show-vs-python.py [RUNS]   (builds ylytic in release mode; default 9 runs each)
"""
import os, statistics, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from simulated_body import finished_body

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 9
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
subprocess.check_call(["swift", "build", "-c", "release", "--product", "ylytic"], cwd=root, stdout=subprocess.DEVNULL)
binary = subprocess.check_output(["swift", "build", "-c", "release", "--show-bin-path"], cwd=root, text=True).strip() + "/ylytic"
work = tempfile.mkdtemp(prefix="ylytic-show-")

simulator = subprocess.Popen([binary, "simulate", "--latency", "0-0", "--posts", "26000", "--token", "bench"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
body = finished_body(simulator.stdout.readline().strip(), "benchmark_creator")
simulator.terminate()
path = os.path.join(work, "body.json")
open(path, "wb").write(body)

walk = ("import json,sys\n"
        "record = json.load(open(sys.argv[1]))\n"
        "posts = record['response']['posts']['video_posts'] + record['response']['posts']['non_video_posts']\n"
        "top = sorted(posts, key=lambda post: post.get('engagement') or 0, reverse=True)[:10]\n"
        "print(len(posts), sum(post.get('likes_count') or 0 for post in posts), [post.get('shortcode') for post in top])\n")
commands = {
    "ylytic show --file": [binary, "show", "--file", path],
    "python3 json.load + walk": [sys.executable, "-c", walk, path],
}


def run(command):
    # Peak memory through GNU time: a child forked from this script would inherit its peak (it holds the body).
    report = os.path.join(work, "time")
    started = time.perf_counter()
    subprocess.check_call(["/usr/bin/time", "-f", "%M", "-o", report] + command, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, env=dict(os.environ, LANG="C.UTF-8"))
    elapsed = (time.perf_counter() - started) * 1000
    return elapsed, int(open(report).read().split()[-1]) / 1024


results = {name: [] for name in commands}
for _ in range(RUNS):
    for name, command in commands.items():
        results[name].append(run(command))
print(f"body: {len(body) / 1_000_000:.1f} MB, {body.count(b'shortcode')} posts")
for name, samples in results.items():
    print(f"{name}: median {statistics.median(s[0] for s in samples):.0f} ms, "
          f"peak memory {statistics.median(s[1] for s in samples):.0f} MB ({RUNS} runs)")
