# What the tmux tests of several processes share; sourced, with $socket set to the test's own tmux server.
# passes and failures count the checks.
failures=0
passes=0

screen() { tmux -L "$socket" capture-pane -p -t "$1"; }
fail() { echo "FAIL: $2"; echo "--- screen $1 ---"; screen "$1" || true; failures=$((failures + 1)); }
pass() { echo "ok: $1"; passes=$((passes + 1)); }
pause() { read -r -t "$1" <> <(:) || true; }

# At least ten seconds for anything to show: a loaded machine must not fail a check (speed is for benchmarks).
least_tries=100

# Waits (polling the screen of SESSION, at most TENTHS tenths of a second, ten seconds at least) until it shows TEXT.
wait_for() { # SESSION TEXT TENTHS
    local session="$1" text="$2" tries="${3:-150}"
    [ "$tries" -lt "$least_tries" ] && tries=$least_tries
    for _ in $(seq "$tries"); do
        screen "$session" | grep -qF -- "$text" && return 0
        pause 0.1
    done
    return 1
}

# Waits until SESSION no longer shows TEXT.
wait_gone() { # SESSION TEXT TENTHS
    local session="$1" text="$2" tries="${3:-150}"
    [ "$tries" -lt "$least_tries" ] && tries=$least_tries
    for _ in $(seq "$tries"); do
        screen "$session" | grep -qF -- "$text" || return 0
        pause 0.1
    done
    return 1
}
