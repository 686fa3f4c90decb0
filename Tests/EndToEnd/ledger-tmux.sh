#!/usr/bin/env bash
# A team on one PostgreSQL ledger: a dashboard in tmux and the command line beside it, against a throwaway
# PostgreSQL server and the simulator as a process of its own. Checks that the dashboard shows what the command
# line submits, that a second refresh of a target is joined (and --force is not), and that the
# dashboard rides out the server being stopped for ten seconds: it says so, recovers, and every request still
# ends in its right state, with nothing recorded before the outage missing; and that it quits promptly while the
# server is down.
# Usage: Tests/EndToEnd/ledger-tmux.sh PATH_TO_YLYTIC
set -euo pipefail
binary="${1:?usage: $0 PATH_TO_YLYTIC}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
chmod 755 "$work" # the server runs as the postgres user, which must reach its folder inside
database="$work/postgres"
socket="ylytic-ledger-$$"
simulator=""
cleanup() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    [ -n "$simulator" ] && kill "$simulator" 2>/dev/null || true
    bash "$here/throwaway-postgres.sh" stop "$database" || true
    rm -rf "$work"
}
trap cleanup EXIT
source "$(dirname "$0")/tmux-session.sh"

port="$(bash "$here/throwaway-postgres.sh" start "$database")"
bash "$here/throwaway-postgres.sh" createdb "$database" team
"$binary" simulate --latency 3-5 >"$work/simulator.url" 2>"$work/simulator.log" &
simulator=$!
for _ in $(seq 100); do [ -s "$work/simulator.url" ] && break; pause 0.1; done
base_url="$(head -n 1 "$work/simulator.url")"
[ -n "$base_url" ] || { echo "FAIL: the simulator did not start"; exit 1; }
export YLYTIC_TOKEN=demo-token YLYTIC_BASE_URL="$base_url" LANG=C.UTF-8
export YLYTIC_STORE="postgresql://postgres@127.0.0.1:$port/team?sslmode=disable"
ylytic() { "$binary" "$@"; }
states() { # the state of every request, sorted: "id state" a line
    ylytic list --json | python3 -c 'import json,sys
for r in sorted(json.load(sys.stdin), key=lambda r: r.get("request_id") or ""): print(r.get("request_id"), r["state"])'
}

tmux -L "$socket" new-session -d -x 120 -y 30 -s dash \
    "XDG_STATE_HOME='$work/state' TERM=xterm-256color $binary dash; echo EXITED; read -r -t 600"
wait_for dash "ledger team@127.0.0.1" 100 && pass "the dashboard opens on the ledger and says so" \
    || fail dash "the dashboard did not open on the ledger"

# 1. The command line's refresh is on the dashboard (within milliseconds; the limit is for a loaded machine).
first="$(ylytic refresh @team_first 2>/dev/null)"
wait_for dash "team_first" 100 && pass "the dashboard shows the command line's refresh" \
    || fail dash "no team_first on the dashboard"

# 2. The same target again is joined: same id, exit 0, and who submitted it; --force makes a new one. (At 120
# columns the header says "succ", leaving room for the ledger's name.)
again="$(ylytic refresh @Team_First 2>"$work/joined.log")" && status=0 || status=$?
[ "$status" = 0 ] && [ "$again" = "$first" ] && grep -q "submitted by $(id -un)@" "$work/joined.log" \
    && pass "a second refresh of the same target is joined and says who submitted it" \
    || fail dash "not joined (exit $status, id '$again' for '$first'): $(cat "$work/joined.log")"
forced="$(ylytic refresh @team_first --force 2>/dev/null)"
[ -n "$forced" ] && [ "$forced" != "$first" ] && pass "--force submits a new request" \
    || fail dash "--force gave '$forced'"
wait_for dash "succ 2" 150 && pass "both finish on the dashboard" || fail dash "they did not finish"

# 3. The server stops for ten seconds while three refreshes are pending, and a bulk run follows two more.
for name in outage_a outage_b outage_c; do ylytic refresh "@$name" >/dev/null 2>&1; done
printf '@outage_bulk_a\n@outage_bulk_b\n' >"$work/bulk.txt"
ylytic refresh --from "$work/bulk.txt" >/dev/null 2>"$work/bulk.log" &
bulk=$!
# Both POSTs answered before the pause: the run follows them through it.
for _ in $(seq 200); do [ "$(grep -c ' submitted ' "$work/bulk.log" 2>/dev/null)" = "2" ] && break; pause 0.1; done
[ "$(grep -c ' submitted ' "$work/bulk.log")" = "2" ] || fail dash "the bulk run did not submit both: $(cat "$work/bulk.log")"
wait_for dash "outage_bulk_b" 100 || fail dash "the bulk run's refreshes are not shown"
wait_for dash "outage_c" 100 || fail dash "the outage refreshes are not shown"
before="$(states | wc -l)"
bash "$here/throwaway-postgres.sh" pause "$database"
wait_for dash "offline" 30 && pass "the dashboard says the store is offline" || fail dash "no offline mark"
# A refresh asked for meanwhile is shown at once, waiting for the store, and sent once it is back.
tmux -L "$socket" send-keys -t dash n
wait_for dash "New request" 30 || fail dash "no form while offline"
tmux -L "$socket" send-keys -t dash "@offline_sub" Enter
wait_for dash "waits for the store, which is out of reach" 30 && screen dash | grep -q "offline_sub  *submitting" \
    && pass "a refresh asked for while the store is down is shown at once, waiting for it" \
    || fail dash "no row for the refresh asked for while the store is down"
pause 8
bash "$here/throwaway-postgres.sh" resume "$database"
wait_for dash "live" 300 && pass "the dashboard is live again after the server is back" \
    || fail dash "not live again after the outage"
wait_for dash "succ 8" 300 && pass "every request still ends, the six of the outage too" \
    || fail dash "the requests of the outage did not all end"
wait "$bulk" && pass "the bulk run ends well after the outage" || fail dash "the bulk run failed: $(cat "$work/bulk.log")"
grep -q "lost the connection to the store" "$work/bulk.log" && grep -q "the store is back; carrying on" "$work/bulk.log" \
    && pass "the bulk run says it lost the store, and that it is back" || fail dash "bulk log: $(cat "$work/bulk.log")"
after="$(states)"
[ "$(echo "$after" | wc -l)" = "$((before + 1))" ] && ! echo "$after" | grep -qv " succeeded$" \
    && pass "nothing recorded before the outage is missing, and all $((before + 1)) succeeded" \
    || fail dash "after the outage: $after"

# 4. Quitting while the server is down takes seconds, not the minute a connection attempt may wait.
bash "$here/throwaway-postgres.sh" pause "$database"
wait_for dash "offline" 30 || fail dash "no offline mark before quitting"
tmux -L "$socket" send-keys -t dash q
wait_for dash "EXITED" 100 && pass "the dashboard quits within 10 s while the server is down" || fail dash "did not quit"

echo "ledger: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
