#!/usr/bin/env bash
# Load benchmark of `ylytic simulate` (issue: at least 2,000 GET requests per second on loopback on a
# 2-core machine, memory flat within 20 MB over 100,000 requests). Needs wrk (apt-get install wrk).
# Usage: Benchmarks/simulator-load.sh [SECONDS_PER_RUN]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }
swift build -c release --product ylytic >/dev/null
binary="$(swift build -c release --show-bin-path)/ylytic"

run_simulator() { # LATENCY -> sets pid and url
    local out
    out="$(mktemp)"
    "$binary" simulate --port 0 --latency "$1" --token bench >"$out" 2>/dev/null &
    pid=$!
    until [ -s "$out" ]; do
        kill -0 "$pid" 2>/dev/null || { echo "simulator exited" >&2; exit 1; }
        read -r -t 0.05 <> <(:) || true
    done
    url="$(head -n 1 "$out")"
    rm -f "$out"
}

rss_kb() { awk '/VmRSS/ { print $2 }' "/proc/$1/status"; }

submit() { # URL VALUE -> request id
    curl -s -H "Authorization: Bearer bench" -H "Content-Type: application/json" \
        -d "{\"request_type\":\"instagram\",\"handle\":\"$2\"}" "$1/data_refresh/requests" |
        sed -E 's/.*"request_id":"([0-9a-f]+)".*/\1/'
}

load() { # NAME URL
    local result
    result="$(wrk -t 2 -c 32 -d "${seconds}s" -H "Authorization: Bearer bench" "$2")"
    printf '%s: %s requests/s, %s requests, latency %s\n' "$1" \
        "$(awk '/Requests\/sec/ { print $2 }' <<<"$result")" \
        "$(awk '/requests in/ { print $1 }' <<<"$result")" \
        "$(awk '/Latency/ { print $2 " avg, " $4 " max" }' <<<"$result")"
}

for scenario in "pending:3600-3600" "finished:0-0"; do
    name="${scenario%%:*}"
    run_simulator "${scenario#*:}"
    id="$(submit "$url" thetatvaindia)"
    target="$url/data_refresh/requests/$id"
    size="$(curl -s -H "Authorization: Bearer bench" "$target" | wc -c)"
    wrk -t 2 -c 32 -d 2s -H "Authorization: Bearer bench" "$target" >/dev/null  # warm up
    before="$(rss_kb "$pid")"
    load "GET of a $name request ($size bytes)" "$target"
    load "GET of a $name request, again" "$target"
    after="$(rss_kb "$pid")"
    echo "  resident memory: ${before} kB after warm-up, ${after} kB after both runs ($(( (after - before) / 1024 )) MB more)"
    kill -TERM "$pid"
    wait "$pid" || true
done
