#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer and AddressSanitizer and runs each for SECONDS (default 60) from its
# seed corpus (Corpus/NAME, copied so that what the fuzzer finds stays out of the repository). Prints each
# target's executions, coverage and crashes; exits non-zero if any target crashed, keeping the input that
# crashed it in .build-fuzz/crashes/ (replay it with: .build-fuzz/debug/TARGET FILE).
# Usage: Tests/Fuzz/run.sh [SECONDS] [TARGET...]     (targets: FuzzReader FuzzPastedURL FuzzSanitizer FuzzCreatorQuery)
set -euo pipefail
export SWIFT_BACKTRACE=enable=no  # libFuzzer reports crashes and keeps their inputs itself
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(FuzzReader FuzzPastedURL FuzzSanitizer FuzzCreatorQuery)
for target in "${targets[@]}"; do
    swift build -c debug --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address --product "$target" 2>&1 |
        grep -E "error|Build" | tail -3
done
bin="$(swift build -c debug --scratch-path .build-fuzz --show-bin-path)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
crashes="$PWD/.build-fuzz/crashes"
mkdir -p "$crashes"
status=0
for target in "${targets[@]}"; do
    corpus="$work/$target"
    mkdir -p "$corpus"
    cp Corpus/"$target"/* "$corpus"/ 2>/dev/null || true
    log="$work/$target.log"
    started=$SECONDS
    if "$bin/$target" "$corpus" -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$crashes/$target-" >"$log" 2>&1; then
        outcome="no crash"
    else
        outcome="CRASHED"
        status=1
        tail -40 "$log"
        ls "$crashes/$target-"* 2>/dev/null | head -3 | while read -r artifact; do
            echo "crashing input kept in $artifact:"
            od -c "$artifact" | head -8
        done
    fi
    runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')"
    coverage="$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo '?')"
    features="$(grep -o 'ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo '?')"
    echo "$target: $((SECONDS - started)) s, $runs executions, coverage $coverage edges ($features features), corpus $(ls "$corpus" | wc -l) inputs: $outcome"
done
exit "$status"
