#!/usr/bin/env bash
# Drives the real `ylytic demo` in tmux as a person would, and checks what the screen shows.
# Usage: Tests/EndToEnd/dashboard-tmux.sh PATH_TO_YLYTIC
set -euo pipefail
binary="${1:?usage: $0 PATH_TO_YLYTIC}"
work="$(mktemp -d)"
socket="ylytic-e2e-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
failures=0
passes=0

screen() { tmux -L "$socket" capture-pane -p -t e2e; }
fail() { echo "FAIL: $1"; echo "--- screen ---"; screen || true; failures=$((failures + 1)); }
pass() { echo "ok: $1"; passes=$((passes + 1)); }

# Waits (polling the screen, at most N tenths of a second) until a line of it matches, grep's way with FLAG
# (-F for text as it is, -E for an extended regular expression).
wait_with() { # FLAG TEXT TENTHS: ten seconds at least, so that a loaded machine does not fail a check
    local flag="$1" text="$2" tries="${3:-150}"
    [ "$tries" -lt 100 ] && tries=100
    for _ in $(seq "$tries"); do
        screen | grep -q "$flag" -- "$text" && return 0
        read -r -t 0.1 <> <(:) || true
    done
    return 1
}
wait_for() { wait_with -F "$@"; }         # TEXT TENTHS
wait_for_match() { wait_with -E "$@"; }   # PATTERN TENTHS

start() { # COMMAND…
    tmux -L "$socket" kill-server 2>/dev/null || true
    # The old server may still be on its way out: wait until it is gone, and try again if the new one is refused.
    for _ in $(seq 50); do tmux -L "$socket" has-session 2>/dev/null || break; read -r -t 0.1 <> <(:) || true; done
    rm -f "$work/exit"
    for _ in 1 2 3 4 5; do
        tmux -L "$socket" new-session -d -x 120 -y 40 -s e2e \
            "cd '$work' && XDG_STATE_HOME='$work/state' TERM=xterm-256color LANG=C.UTF-8 $*; status=\$?; tput cnorm 2>/dev/null; printf 'EXITED\n'; echo \$status > '$work/exit'; read -r -t 600" \
            2>/dev/null && return 0
        read -r -t 0.2 <> <(:) || true
    done
    fail "tmux would not start a session for: $*"
}

exit_code() { # the exit status, once the session has printed EXITED (the status is written after it)
    for _ in $(seq 300); do [ -s "$work/exit" ] && { cat "$work/exit"; return; }; read -r -t 0.1 <> <(:) || true; done
    echo "none"
}

restored() { # the program left the alternate screen and showed the cursor again
    [ "$(tmux -L "$socket" display -p -t e2e '#{alternate_on}')" = "0" ] && screen | grep -q EXITED
}

# 1. The demo: results arrive, filter, form, resize, quit.
start "$binary demo --latency 1-4"
wait_for "demo simulator" 100 && pass "the dashboard opens" || fail "the dashboard did not open"
wait_for "succeeded" 150 && pass "results arrive live" || fail "no result arrived"
tmux -L "$socket" send-keys -t e2e "/" "youtube"
wait_for "/youtube▏" 30 && pass "filter as you type" || fail "the filter did not show"
screen | grep -q "instagram_id" && fail "the filter let an instagram row through" || pass "the filter hides other rows"
tmux -L "$socket" send-keys -t e2e Escape
tmux -L "$socket" send-keys -t e2e "n"
wait_for "New request" 30 && pass "the new-request form opens" || fail "no form"
tmux -L "$socket" send-keys -t e2e "@bad name" Enter
wait_for "contains ' '" 30 && pass "validation errors show inline" || fail "no inline error"
for _ in 1 2 3 4 5; do tmux -L "$socket" send-keys -t e2e BSpace; done
tmux -L "$socket" send-keys -t e2e "creator_e2e" Enter
wait_for "creator_e2e" 50 && pass "a submitted request appears" || fail "the submitted request is missing"
tmux -L "$socket" send-keys -t e2e "/" "thetatvaindia" Enter
wait_for "(1 of" 30 || true
for _ in $(seq 150); do screen | grep -q "thetatvaindia .*succeeded" && break; read -r -t 0.1 <> <(:) || true; done
tmux -L "$socket" send-keys -t e2e Enter
wait_for "Top posts by engagement" 50 && pass "Enter opens the creator page" || fail "no creator page"
screen | grep -q "Growth" && pass "the creator page shows growth" || fail "no growth on the creator page"
tmux -L "$socket" send-keys -t e2e "p"
wait_for "CAPTION" 30 && pass "p opens the posts table" || fail "no posts table"
tmux -L "$socket" send-keys -t e2e Tab "o" Enter
wait_for "Engagement  " 30 && pass "a post opens whole" || fail "no post view"
tmux -L "$socket" send-keys -t e2e Escape Escape
wait_for "Top posts by engagement" 30 && pass "Esc returns from the posts to the report" || fail "did not return to the report"
tmux -L "$socket" send-keys -t e2e Escape Escape
wait_for "SUBMITTED" 30 && pass "Esc returns to the list" || fail "Esc did not return"
tmux -L "$socket" send-keys -t e2e Tab
wait_for "REFRESHED" 30 && pass "Tab shows the creators" || fail "no creators screen"
screen | grep -q "@thetatvaindia" && pass "a refreshed creator is listed" || fail "the creator is not listed"
tmux -L "$socket" send-keys -t e2e "s"
wait_for "Sorted by name" 30 && pass "the creators sort" || fail "creators did not sort"
tmux -L "$socket" send-keys -t e2e Tab
wait_for "ROSTER" 30 && pass "Tab goes on to the rosters" || fail "no rosters screen"
tmux -L "$socket" send-keys -t e2e Tab
tmux -L "$socket" resize-window -t e2e -x 60 -y 20
wait_for "STATE" 30 && [ "$(screen | head -1 | wc -L)" -le 60 ] && pass "resized to 60x20" || fail "60x20"
tmux -L "$socket" resize-window -t e2e -x 200 -y 60
wait_for "FOLLOWERS" 30 && pass "resized to 200x60" || fail "200x60"
tmux -L "$socket" resize-window -t e2e -x 20 -y 6
wait_for "too small" 30 && pass "says when the terminal is too small" || fail "20x6"
tmux -L "$socket" resize-window -t e2e -x 120 -y 40
tmux -L "$socket" send-keys -t e2e "q"
[ "$(exit_code)" = "0" ] && pass "q exits 0" || fail "q did not exit 0"
restored && pass "the terminal is restored after q" || fail "the terminal was not restored after q"

# 2. Signals: SIGTERM and SIGHUP restore the terminal too.
for signal in TERM HUP; do
    start "$binary demo --latency 1-4"
    wait_for "demo simulator" 100 || fail "the dashboard did not open for SIG$signal"
    # The pane's own ylytic: a child of the pane's shell, not whatever else runs a demo on this machine.
    pkill -"$signal" -P "$(tmux -L "$socket" display -p -t e2e '#{pane_pid}')" || fail "no process to signal"
    [ "$(exit_code)" != "none" ] && pass "SIG$signal ends the dashboard" || fail "SIG$signal did not end it"
    restored && pass "the terminal is restored after SIG$signal" || fail "not restored after SIG$signal"
done

# 3. `ylytic open` on the spec's GET sample, without network or token.
sample="$(cd "$(dirname "$0")/.." && pwd)/Fixtures/spec-get-response.json"
start "env -u YLYTIC_TOKEN $binary open '$sample'"
wait_for "Anurag Gupta" 100 && pass "open shows the creator's name" || fail "open: no name"
for text in "@anurag.itbhu05" "10.0k (10,001)" "Followers   " "Engagement  " "2023-12-01"; do
    screen | grep -qF -- "$text" && pass "open shows $text" || fail "open: missing $text"
done
tmux -L "$socket" send-keys -t e2e "e"
wait_for "Wrote 2 posts to" 30 && pass "e exports the posts and names the file" || fail "no export"
exported="$(ls "$work"/ylytic-anurag.itbhu05-*-posts.csv 2>/dev/null | head -1)"
[ -n "$exported" ] && head -1 "$exported" | grep -q "^kind,shortcode" && pass "the export is CSV with a header" || fail "export file"
tmux -L "$socket" send-keys -t e2e "e"
wait_for_match "Wrote 2 posts to .*-posts-2\.csv" 30 && pass "a second e writes a new file, never over the first" || fail "the second posts export"

tmux -L "$socket" send-keys -t e2e "q"
[ "$(exit_code)" = "0" ] && pass "open quits with q" || fail "open did not quit"
mkdir -p "$work/tmp"
start "env -u YLYTIC_TOKEN TMPDIR='$work/tmp' $binary open '$sample'"
wait_for "Anurag Gupta" 100 || fail "open did not show the sample again"
[ -z "$(ls -A "$work/tmp")" ] && pass "open leaves nothing in the temporary folder, even while it runs" \
    || fail "open wrote to the temporary folder: $(ls "$work/tmp")"
tmux -L "$socket" send-keys -t e2e C-c
[ "$(exit_code)" = "130" ] && pass "Ctrl-C leaves open with 130, as an interrupted command" || fail "Ctrl-C in open"
start "$binary open /nonexistent/body.json"
[ "$(exit_code)" = "2" ] && pass "open on a missing file exits 2" || fail "open on a missing file"
restored && pass "no screen is left behind" || fail "a screen was left behind"

# A large body (5,000 posts, about 1.7 MB) is drawn from its posts' figures first; its captions follow.
python3 - "$work/large.json" <<'PY'
import json, sys
posts = [{"caption": f"Caption of post {i} with some words", "likes_count": 1000 + i, "comments_count": i % 97,
          "views": 5000 + i, "engagement": 1 + i / 5000, "posted_date": f"2025-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}",
          "hashtags": [f"#tag{i}"], "external_links": [f"https://example.com/{i}"], "shortcode": f"s{i}",
          "raw_image_url": f"https://instagram.com/images/{i}", "sponsored": i % 5 == 0} for i in range(5000)]
body = {"request_id": "large1", "request": {"request_type": "instagram", "handle": "many.posts"},
        "status": {"code": 200, "message": "success"},
        "response": {"profile_overview": {"handle": "many.posts", "followers_count": 54321},
                     "posts": {"video_posts": posts, "non_video_posts": []}}}
json.dump(body, open(sys.argv[1], "w"))
PY
start "env -u YLYTIC_TOKEN $binary open '$work/large.json'"
wait_for "Caption of post 4999 with some words" 100 && pass "a large body's page fills in its top posts' captions" \
    || fail "open: the large body's captions did not come"
tmux -L "$socket" send-keys -t e2e "p" "/" "post 123 " Enter
wait_for_match "Caption of post 123 with some words *$" 30 && pass "its posts table filters by the captions" \
    || fail "open: the large body's posts table"
tmux -L "$socket" send-keys -t e2e "q" "q"
[ "$(exit_code)" = "0" ] && pass "the large body's page quits with q" || fail "open on the large body did not quit"

# 4. Without a token, `ylytic` explains how to set one and mentions the demo.
start "env -u YLYTIC_TOKEN HOME='$work' $binary --store '$work/plain.sqlite'"
wait_for "ylytic demo" 100 && pass "the setup screen mentions ylytic demo" || fail "no setup screen"
tmux -L "$socket" send-keys -t e2e "q"
[ "$(exit_code)" = "0" ] && pass "the setup screen quits with q" || fail "setup screen did not quit"

# 5. Text in every script reaches the screen whole: every caption, name and biography that the
# server sent reads back from the pane character for character (a picture whose width terminals
# disagree on may leave blank columns after it, so runs of spaces count as one).
scripts="$(cd "$(dirname "$0")/.." && pwd)/Fixtures/scripts-get-response.json"
squeezed() { tr -s ' '; }
shows_whole() { # TEXT
    screen | squeezed | grep -qF -- "$(printf '%s' "$1" | squeezed)"
}
start "env -u YLYTIC_TOKEN $binary open '$scripts'"
wait_for "@rahul.sharma" 100 || fail "open: the scripts sample did not open"
for text in "राहुल शर्मा" "नमस्ते दोस्तों 🙏 வணக்கம் নমস্কার నమస్కారం ਸਤਿ ਸ੍ਰੀ ਅਕਾਲ" "ফ্যাশন ও সৌন্দর্য"; do
    shows_whole "$text" && pass "the creator page shows $text whole" || fail "the creator page lost letters of $text"
done
tmux -L "$socket" send-keys -t e2e "p"
wait_for "CAPTION" 30 || fail "no posts table for the scripts sample"
captions=("नमस्ते दोस्तों! आज का वीडियो देखिए" "வணக்கம் நண்பர்களே, புதிய பதிவு" "নমস্কার বন্ধুরা, নতুন ভিডিও"
    "నమస్కారం స్నేహితులారా" "ਸਤਿ ਸ੍ਰੀ ਅਕਾਲ ਦੋਸਤੋ" "สวัสดีครับ เพื่อนๆ" "مرحبا بالعالم" "你好世界 こんにちは 안녕하세요"
    "Mi familia 👨‍👩‍👧 👩‍💻 ❤️ 🇮🇳 👍🏽 ✨")
aligned() { # each caption ends its row: nothing shifted, nothing stale after it
    local caption wanted line
    for caption in "${captions[@]}"; do
        wanted="$(printf '%s' "$caption" | squeezed)"
        line="$(screen | squeezed | sed 's/ *$//' | grep -F -- "$wanted" | head -1)"
        [[ "$line" == *"$wanted" ]] || { echo "not at the end of its row: $caption"; return 1; }
    done
}
lost=0
for caption in "${captions[@]}"; do shows_whole "$caption" || { lost=1; echo "lost: $caption"; }; done
[ "$lost" -eq 0 ] && pass "every caption in nine scripts reads back whole" || fail "a caption lost characters"
aligned && pass "each caption ends its row, nothing stale after it" || fail "a row is shifted or has stale cells"
for _ in 1 2 3 4 5 6 7 8; do tmux -L "$socket" send-keys -t e2e "j"; done
tmux -L "$socket" send-keys -t e2e "O"
wait_for "LIKES↑" 30 || wait_for "DATE↑" 30 || true
lost=0
for caption in "${captions[@]}"; do shows_whole "$caption" || { lost=1; echo "lost: $caption"; }; done
[ "$lost" -eq 0 ] && aligned && pass "moving the selection and re-sorting redraws the rows whole" || fail "rows were garbled by a redraw"
tmux -L "$socket" send-keys -t e2e "/"
tmux -L "$socket" send-keys -t e2e -l "नमस्ते"
tmux -L "$socket" send-keys -t e2e BSpace Left BSpace
wait_for "/▏म  (" 30 && pass "Backspace and Left in the filter work on whole letters typed mark by mark" \
    || fail "editing Devanagari in the filter"
tmux -L "$socket" send-keys -t e2e Escape
tmux -L "$socket" resize-window -t e2e -x 80 -y 24
wait_for "ENG.  CAPTION" 30 && shows_whole "ਸਤਿ ਸ੍ਰੀ ਅਕਾਲ ਦੋਸਤੋ" && shows_whole "Mi familia 👨‍👩‍👧 👩‍💻" \
    && pass "at 80x24 the captions that fit are whole and the rest end in an ellipsis" || fail "80x24 captions"
tmux -L "$socket" send-keys -t e2e "q"

# 6. Keys from the config file: quit and the posts key remapped, honoured and shown in the help; a broken
# config starts the dashboard with the standard keys and says what is wrong on the status bar.
mkdir -p "$work/config/ylytic"
printf 'keys:\n  list:\n    quit: Q\n  creator:\n    showPosts: P\n' > "$work/config/ylytic/config.yml"
start "XDG_CONFIG_HOME='$work/config' $binary demo --latency 1-2"
wait_for "demo simulator" 100 || fail "the dashboard did not open with a config"
wait_for "Q quit" 30 && pass "the status bar shows the remapped quit key" || fail "the status bar does not show Q quit"
tmux -L "$socket" send-keys -t e2e "?"
wait_for_match "│ Q +quit" 30 && pass "? lists the remapped key" || fail "the help does not list Q"
tmux -L "$socket" send-keys -t e2e Escape "q"
read -r -t 0.5 <> <(:) || true
[ "$(exit_code)" = "none" ] && pass "q no longer quits" || fail "q still quit"
tmux -L "$socket" send-keys -t e2e "/" "thetatvaindia" Enter
for _ in $(seq 150); do screen | grep -q "thetatvaindia .*succeeded" && break; read -r -t 0.1 <> <(:) || true; done
tmux -L "$socket" send-keys -t e2e Enter
wait_for "P posts" 50 && pass "the creator page names P for the posts" || fail "the creator page does not show P posts"
tmux -L "$socket" send-keys -t e2e "P"
wait_for "CAPTION" 30 && pass "P opens the posts" || fail "P did not open the posts"
tmux -L "$socket" send-keys -t e2e Escape Escape "Q"
[ "$(exit_code)" = "0" ] && pass "Q quits" || fail "Q did not quit"
printf 'keys: [\n' > "$work/config/ylytic/config.yml"
start "XDG_CONFIG_HOME='$work/config' $binary demo --latency 1-2"
wait_for "line 2: not YAML" 100 && pass "a broken config starts the dashboard and says where it is wrong" || fail "no message for a broken config"
screen | grep -q "standard settings in force" && pass "the message says the standard settings are in force" || fail "no word on the settings in force"
tmux -L "$socket" send-keys -t e2e "?"
wait_for_match "│ q Ctrl-C +quit" 30 && pass "with the standard keys" || fail "the standard keys are not in force"
tmux -L "$socket" send-keys -t e2e Escape
tmux -L "$socket" send-keys -t e2e "q"
[ "$(exit_code)" = "0" ] && pass "and q quits" || fail "q did not quit with a broken config"

# 7. The mouse, as tmux reports it (SGR reports typed into the pane stand for the mouse): the wheel scrolls,
# a click selects a post and a click on the selected one opens it; the mouse modes end with the program, and
# `mouse: false` leaves them off.
mouse_flag() { tmux -L "$socket" display -p -t e2e '#{mouse_sgr_flag}#{mouse_standard_flag}'; }
start "XDG_CONFIG_HOME='$work/none' $binary open '$scripts'"
tmux -L "$socket" resize-window -t e2e -x 80 -y 24
wait_for "lines 1-22 of 39" 100 || fail "open: no scrolled page at 80x24"
[ "$(mouse_flag)" = "11" ] && pass "the dashboard asks for mouse reports" || fail "no mouse mode (flags $(mouse_flag))"
tmux -L "$socket" send-keys -t e2e -l $'\e[<65;10;8M'
wait_for "lines 4-25 of 39" 30 && pass "the wheel scrolls the creator page" || fail "the wheel did not scroll"
tmux -L "$socket" send-keys -t e2e -l $'\e[<64;10;8M'
wait_for "lines 1-22 of 39" 30 && pass "and back up" || fail "the wheel did not scroll back"
tmux -L "$socket" send-keys -t e2e "p"
wait_for "CAPTION" 30 || fail "no posts table for the mouse"
tmux -L "$socket" send-keys -t e2e -l $'\e[<0;20;5M\e[<0;20;5m'
tmux -L "$socket" send-keys -t e2e -l $'\e[<0;20;5M\e[<0;20;5m'
wait_for "Shortcode   scripts_" 30 && pass "a click selects a post and a second click opens it" || fail "clicks did not open the post"
tmux -L "$socket" send-keys -t e2e Escape Escape "q"
[ "$(exit_code)" = "0" ] && pass "q quits after the mouse" || fail "q did not quit after the mouse"
[ "$(mouse_flag)" = "00" ] && pass "the mouse modes end with the program" || fail "mouse modes left on ($(mouse_flag))"
mkdir -p "$work/nomouse/ylytic"
printf 'mouse: false\n' > "$work/nomouse/ylytic/config.yml"
start "XDG_CONFIG_HOME='$work/nomouse' $binary open '$scripts'"
wait_for "@rahul.sharma" 100 || fail "open with mouse: false"
[ "$(mouse_flag)" = "00" ] && pass "mouse: false leaves the terminal's mouse alone" || fail "mouse: false still asked for reports"
tmux -L "$socket" send-keys -t e2e "q"

# 8. Rosters: a refresh that ends while another screen is shown rings the bell (tmux sets the window's bell flag);
# the demo's roster, its stale creators refreshed with R, three creators marked and compared side by side, the
# comparison exported as CSV.
bell_flag() { tmux -L "$socket" display -p -t e2e '#{window_bell_flag}'; }
start "$binary demo --latency 2-4"
wait_for "demo simulator" 100 || fail "the demo did not open for rosters"
wait_for "succeeded" 150 || fail "no refresh ended for rosters"
[ "$(bell_flag)" = "0" ] && pass "no bell while the Requests list is in front" || fail "the bell rang on the Requests list"
tmux -L "$socket" send-keys -t e2e Tab Tab
wait_for "demo-campaign" 30 && pass "the demo's roster is on the Rosters list" || fail "no demo roster"
for _ in $(seq 200); do [ "$(bell_flag)" = "1" ] && break; read -r -t 0.1 <> <(:) || true; done
[ "$(bell_flag)" = "1" ] && pass "a refresh ending behind another screen rings the bell" || fail "no bell flag"
wait_for_match "demo-campaign +7 +2 " 200 && pass "the roster counts its two stale creators" || fail "no stale count"
tmux -L "$socket" send-keys -t e2e Enter
wait_for "never (stale)" 30 && pass "a roster opens as a list of its creators, stale ones said so" || fail "no roster screen"
tmux -L "$socket" send-keys -t e2e "R"
wait_for "Refreshing the stale creators of demo-campaign (2)" 30 && pass "R refreshes the stale creators" || fail "R did nothing"
wait_for "· 0 stale ·" 200 && pass "and they are stale no more once refreshed" || fail "the stale creators stayed stale"
tmux -L "$socket" send-keys -t e2e Space Space Space
wait_for "3 marked" 30 && pass "Space marks creators" || fail "no marks"
tmux -L "$socket" send-keys -t e2e "c"
wait_for "compare 3 creators" 50 && pass "c compares the marked creators" || fail "no comparison"
screen | grep -q "★" && pass "the best of each row is marked" || fail "no best marked"
screen | grep -q "Followers since" && pass "the trends share one time axis" || fail "no common trend"
tmux -L "$socket" send-keys -t e2e "e"
wait_for "Wrote the comparison to" 30 && pass "e exports the comparison" || fail "no export"
csv="$(ls "$work"/ylytic-compare-*.csv 2>/dev/null | head -1)"
[ -n "$csv" ] && grep -q "^Engagement rate (%)," "$csv" && pass "the CSV holds every figure" || fail "no CSV with figures ($csv)"
tmux -L "$socket" send-keys -t e2e Escape Escape
wait_for "ROSTER" 30 && pass "Esc goes back through the roster to the list" || fail "Esc did not go back"
tmux -L "$socket" send-keys -t e2e "q"
[ "$(exit_code)" = "0" ] && pass "q quits from the rosters" || fail "q did not quit from the rosters"

# 9. Creators queried, exported and refreshed in bulk: a query narrows the list and a bad term is pointed at, e
# writes every creator shown, and a batch above confirm_above asks with its price; Esc sends nothing. V opens a
# saved view of the config; a roster's creator is removed, and the roster renamed and deleted, after confirms.
mkdir -p "$work/asking/ylytic"
printf 'confirm_above: 2\nviews:\n  - name: tubers\n    query: platform:yt\n    columns: [handle, platform, followers]\n' \
    > "$work/asking/ylytic/config.yml"
start "XDG_CONFIG_HOME='$work/asking' $binary demo --latency 1-2"
wait_for "demo simulator" 100 || fail "the demo did not open for queries"
tmux -L "$socket" send-keys -t e2e Tab
wait_for_match " ([4-9]|[1-9][0-9]+) creators" 300 && pass "the Creators tab fills as refreshes end" || fail "too few creators"
tmux -L "$socket" send-keys -t e2e "/" "platform:youtube"
wait_for_match "/platform:youtube.*\(([0-9]+) of" 30 && pass "a query narrows the Creators list" || fail "the query did not show"
screen | grep -q "Instagram" && fail "the query let an Instagram creator through" || pass "and only YouTube creators are left"
tmux -L "$socket" send-keys -t e2e " er>>3"
wait_for ">3 ^ expected a number after '>'" 30 && pass "a bad term is pointed at" || fail "the bad term was not pointed at"
tmux -L "$socket" send-keys -t e2e Escape
tmux -L "$socket" send-keys -t e2e "e"
wait_for_match "Wrote [0-9]+ creators to" 30 && pass "e exports the creators shown" || fail "no creators export"
creators_csv="$(ls "$work"/ylytic-creators-*.csv 2>/dev/null | head -1)"
[ -n "$creators_csv" ] && head -1 "$creators_csv" | grep -q "^name,handle,platform,tier,followers," \
    && pass "the CSV holds every field" || fail "no creators CSV ($creators_csv)"
tmux -L "$socket" send-keys -t e2e "e"
wait_for_match "Wrote [0-9]+ creators to .*-2\.csv" 30 && pass "a second export never overwrites the first" || fail "the second export"
tmux -L "$socket" send-keys -t e2e "*" "r"
wait_for "new requests, each costing quota" 50 && pass "a batch above confirm_above asks with its price" || fail "no price asked"
tmux -L "$socket" send-keys -t e2e Escape
wait_for "Sent nothing." 30 && pass "Esc sends nothing" || fail "Esc did not say it sent nothing"
screen | grep -q "Refreshing the marked creators" && fail "the batch was sent" || pass "no refresh was started"
tmux -L "$socket" send-keys -t e2e "V"
wait_for "tubers  platform:yt" 30 && pass "V lists the saved views" || fail "no views box"
tmux -L "$socket" send-keys -t e2e "j" Enter
wait_for_match "tubers: [0-9]+ of [0-9]+ creators" 30 && pass "a view opens with its count" || fail "the view did not open"
screen | grep -q "  HANDLE .*PLATFORM .*FOLLOWERS" && pass "with its columns" || fail "not the view's columns"
screen | grep -q "Instagram" && fail "the view let an Instagram creator through" || pass "and its query"
tmux -L "$socket" send-keys -t e2e Escape
wait_for "Every creator:" 30 && pass "Esc leaves the view" || fail "Esc kept the view"
tmux -L "$socket" send-keys -t e2e Tab
wait_for "demo-campaign" 30 || fail "no roster to manage"
tmux -L "$socket" send-keys -t e2e Enter
wait_for "never (stale)" 30 || fail "the roster did not open"
tmux -L "$socket" send-keys -t e2e "d"
wait_for "from the roster demo-campaign?" 30 && pass "d in a roster asks before removing" || fail "no removal asked"
tmux -L "$socket" send-keys -t e2e "y"
wait_for "from demo-campaign." 30 && pass "y removes the creator" || fail "nothing removed"
tmux -L "$socket" send-keys -t e2e Escape "N"
wait_for "Rename the roster demo-campaign" 30 && pass "N asks for a roster's new name" || fail "no rename box"
tmux -L "$socket" send-keys -t e2e C-u "autumn-26" Enter
wait_for "Renamed the roster demo-campaign to autumn-26." 30 && pass "the roster is renamed" || fail "no rename"
wait_for_match "autumn-26 +6 " 30 && pass "and listed under its new name, one creator fewer" || fail "the new name is not listed"
tmux -L "$socket" send-keys -t e2e "d"
wait_for "Delete the roster autumn-26 (6 creators)" 30 && pass "d asks before deleting, saying how many" || fail "no delete asked"
tmux -L "$socket" send-keys -t e2e "y"
wait_for "No rosters yet" 30 && pass "y deletes the roster" || fail "the roster stayed"
tmux -L "$socket" send-keys -t e2e "q"
[ "$(exit_code)" = "0" ] && pass "q quits after the queries" || fail "q did not quit after the queries"

echo "dashboard: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
