#!/usr/bin/env python3
"""Measures the dashboard's resident memory while it follows 150 refreshes, two of them creators with 20,000
posts (issue 12), in release mode: at its first frame, and once every refresh has finished; then how much of it is
allocated and how much is mapped files, and which mappings hold it.

Usage: Benchmarks/dashboard-memory.py   (builds ylytic in release mode)
"""
import json, os, re, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pty_dashboard
from pty_dashboard import quit, read_for

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
subprocess.check_call(["swift", "build", "-c", "release", "--product", "ylytic"], cwd=root, stdout=subprocess.DEVNULL)
binary = subprocess.check_output(["swift", "build", "-c", "release", "--show-bin-path"], cwd=root, text=True).strip() + "/ylytic"
work = tempfile.mkdtemp(prefix="ylytic-memory-")
store = os.path.join(work, "store.sqlite")

simulator = subprocess.Popen([binary, "simulate", "--latency", "3-8", "--token", "bench"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
base_url = simulator.stdout.readline().strip()
env = dict(os.environ, YLYTIC_TOKEN="bench", YLYTIC_BASE_URL=base_url, YLYTIC_STORE=store, TERM="xterm-256color",
           LANG="C.UTF-8", XDG_STATE_HOME=work)


def resident_kb(pid, field="VmRSS"):
    return next(int(line.split()[1]) for line in open(f"/proc/{pid}/status") if line.startswith(field))


def resident_by_mapping(pid):
    """Resident kilobytes per mapped file (its base name), with `[heap]` and `anonymous` for allocated memory."""
    totals, name = {}, None
    for line in open(f"/proc/{pid}/smaps"):
        fields = line.split()
        if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
            name = os.path.basename(fields[5]) if len(fields) > 5 and fields[5].startswith("/") else \
                (fields[5] if len(fields) > 5 else "anonymous")
        elif fields[0] == "Rss:":
            totals[name] = totals.get(name, 0) + int(fields[1])
    return sorted(totals.items(), key=lambda item: -item[1])


subprocess.check_call([binary, "watch", "--store", store], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
pid, fd = pty_dashboard.spawn(binary, ["dash"], env)
read_for(fd, 5, until=b"127.0.0.1")
read_for(fd, 2)
start, start_anon, start_file = resident_kb(pid), resident_kb(pid, "RssAnon"), resident_kb(pid, "RssFile")
handles = [f"memory_{i}" for i in range(148)] + ["huge_memory_1", "huge_memory_2"]
for handle in handles:
    subprocess.check_call([binary, "refresh", "instagram", handle], env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)
deadline = time.time() + 600
while time.time() < deadline:
    read_for(fd, 2)
    listed = json.loads(subprocess.check_output([binary, "list", "--json", "--limit", "0"], env=env, stderr=subprocess.DEVNULL))
    if len(listed) == 150 and all(request["state"] in ("succeeded", "failed") for request in listed):
        break
read_for(fd, 12)  # the last rows drawn, change marks faded
end, peak = resident_kb(pid), resident_kb(pid, "VmHWM")
end_anon, end_file = resident_kb(pid, "RssAnon"), resident_kb(pid, "RssFile")
mappings = resident_by_mapping(pid)
print(f"dashboard resident memory: {start / 1024:.0f} MB at its first frame, {end / 1024:.0f} MB after following "
      f"150 refreshes (two of 20,000 posts), peak {peak / 1024:.0f} MB")
print(f"  allocated (anonymous): {start_anon / 1024:.1f} MB -> {end_anon / 1024:.1f} MB; "
      f"mapped files (code, ICU data, the store): {start_file / 1024:.1f} MB -> {end_file / 1024:.1f} MB")
print("  where it is at the end, by mapping: " + ", ".join(f"{name} {kb / 1024:.1f} MB" for name, kb in mappings if kb >= 256))
quit(pid, fd)
simulator.terminate()
simulator.wait()
