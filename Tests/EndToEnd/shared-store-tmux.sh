#!/usr/bin/env bash
# Several ylytic processes on one store, as a person (or a team of scripts) would run them: two dashboards in
# tmux, the command line beside them, and the simulator as a process of its own whose request log shows who
# polled what. Checks that each sees the others' changes, that each request is polled by one of them, and that
# a dashboard killed with SIGKILL leaves its requests to the other.
# Usage: Tests/EndToEnd/shared-store-tmux.sh PATH_TO_YLYTIC
set -euo pipefail
binary="${1:?usage: $0 PATH_TO_YLYTIC}"
work="$(mktemp -d)"
socket="ylytic-shared-$$"
simulator=""
cleanup() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    [ -n "$simulator" ] && kill "$simulator" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
source "$(dirname "$0")/tmux-session.sh"

"$binary" simulate --latency 3-5 >"$work/simulator.url" 2>"$work/simulator.log" &
simulator=$!
for _ in $(seq 100); do [ -s "$work/simulator.url" ] && break; pause 0.1; done
base_url="$(head -n 1 "$work/simulator.url")"
[ -n "$base_url" ] || { echo "FAIL: the simulator did not start"; exit 1; }
export YLYTIC_TOKEN=demo-token YLYTIC_BASE_URL="$base_url" YLYTIC_STORE="$work/store.sqlite" LANG=C.UTF-8
ylytic() { "$binary" "$@"; }

dashboard() { # NAME
    tmux -L "$socket" new-session -d -x 120 -y 30 -s "$1" \
        "XDG_STATE_HOME='$work/state-$1' TERM=xterm-256color $binary dash; echo EXITED; read -r -t 600"
}
tmux -L "$socket" new-session -d -x 80 -y 10 -s idle "read -r -t 600"
dashboard dash1
dashboard dash2
wait_for dash1 "127.0.0.1" 100 && wait_for dash2 "127.0.0.1" 100 && pass "two dashboards open on one store" \
    || fail dash1 "the dashboards did not open"

# 1. A refresh from the command line appears on both screens, without a key press. (It takes milliseconds; the
# limits here are generous so that a loaded machine does not fail the check: speed is for benchmarks.)
first="$(ylytic refresh @shared_first 2>/dev/null)"
wait_for dash1 "shared_first" 100 && pass "the first dashboard shows a refresh submitted elsewhere" \
    || fail dash1 "no shared_first on the first"
wait_for dash2 "shared_first" 100 && pass "the second dashboard shows it too" || fail dash2 "no shared_first on the second"
wait_for dash1 "succeeded 1" 150 && wait_for dash2 "succeeded 1" 30 \
    && pass "it finishes on both screens" || fail dash1 "shared_first did not finish on both"
gets="$(grep -c "GET /ylytic/api/v1/data_refresh/requests/$first " "$work/simulator.log" || true)"
[ "$gets" -ge 1 ] && [ "$gets" -le 3 ] && pass "it was polled on one schedule ($gets GETs for 3-5 s)" \
    || fail dash1 "it was polled $gets times: more than one process polls it"

# 2. A dashboard killed with SIGKILL: the other takes its requests over once the lease runs out.
long="$(ylytic refresh @long_takeover 2>/dev/null)"
wait_for dash1 "long_takeover" 100 && wait_for dash2 "long_takeover" 100 || fail dash1 "long_takeover not shown"
holder=""
for _ in $(seq 50); do
    holder="$(ylytic list --json | python3 -c 'import json,sys
for r in json.load(sys.stdin):
    if r["request_id"] == sys.argv[1] and r.get("followed_by"): print(r["followed_by"])' "$long")"
    [ -n "$holder" ] && break
    pause 0.1
done
holder_pid="$(echo "$holder" | awk '{print $2}')"
[ -n "$holder_pid" ] && pass "list --json names the process that polls it ($holder)" || fail dash1 "nobody follows long_takeover"
# The holder's own environment says which dashboard it is.
killed="$(tr '\0' '\n' <"/proc/$holder_pid/environ" | sed -n 's|^XDG_STATE_HOME=.*/state-||p')"
[ "$killed" = "dash1" ] && survivor=dash2 || survivor=dash1
kill -KILL "$holder_pid"
wait_for "$survivor" "succeeded 2" 700 && pass "the $survivor dashboard finished it after the holder was killed" \
    || fail "$survivor" "long_takeover did not finish after SIGKILL of its follower"
taken="$(ylytic list --json | python3 -c 'import json,sys
print(sum(1 for r in json.load(sys.stdin) if r["state"] == "succeeded"))')"
[ "$taken" = "2" ] && pass "the store has both finished" || fail "$survivor" "the store has $taken finished"

# 3. forget in another process removes the row from the screen.
ylytic forget "$first" 2>/dev/null
wait_gone "$survivor" "shared_first" 100 && pass "forget elsewhere removes the row" \
    || fail "$survivor" "the forgotten row stays"

# 4. The survivor quits: its leases go at once, and a refresh --wait follows on its own.
tmux -L "$socket" send-keys -t "$survivor" q
wait_for "$survivor" "EXITED" 50 && pass "the survivor quits" || fail "$survivor" "did not quit"
ylytic refresh @after_everyone --wait --timeout 60 >/dev/null 2>"$work/wait.log" \
    && pass "refresh --wait alone still follows to the end" || fail idle "refresh --wait: $(cat "$work/wait.log")"

echo "shared store: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
