#!/usr/bin/env bash
# Remakes the README's screenshots from the real program: `ylytic demo` in tmux at 120x40, captured with its
# colours and rendered to PNG by render.py. Needs tmux, Python with Pillow (pip install pillow), and the fonts
# fonts-dejavu-core, fonts-wqy-microhei and fonts-noto-color-emoji.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."
swift build --product ylytic >/dev/null
binary="$(swift build --show-bin-path)/ylytic"
work="$(mktemp -d)"
socket="ylytic-shots-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

pane() { tmux -L "$socket" capture-pane -e -p -t shots; }
wait_for() { for _ in $(seq 300); do pane | grep -qF -- "$1" && return 0; read -r -t 0.1 <> <(:) || true; done; return 1; }
shot() { pane > "$work/$1.txt"; python3 "$here/render.py" 120 40 "$work/$1.txt" "$here/$1.png"; echo "wrote screenshots/$1.png"; }

tmux -L "$socket" new-session -d -x 120 -y 40 -s shots \
    "cd '$work' && XDG_STATE_HOME='$work/state' TERM=xterm-256color LANG=C.UTF-8 '$binary' demo --latency 3-25"
wait_for "demo simulator"
# Mixed states: wait until several have finished while others are still pending.
for _ in $(seq 300); do
    done_count="$(pane | grep -c "succeeded" || true)"
    [ "$done_count" -ge 6 ] && break
    read -r -t 0.1 <> <(:) || true
done
shot requests
tmux -L "$socket" send-keys -t shots "/" "thetatvaindia" Enter Enter
wait_for "Top posts by engagement"
shot creator
tmux -L "$socket" send-keys -t shots "p"
wait_for "CAPTION"
shot posts
tmux -L "$socket" send-keys -t shots Escape Escape Escape Escape Tab
wait_for "REFRESHED"
shot creators
tmux -L "$socket" send-keys -t shots "q"
