#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the libFuzzer harnesses (release, -sanitize=fuzzer,address on every
# Swift target and on the C/C++ of TOMLKit) and runs each for N seconds on a
# copy of its seed corpus; prints executions, executions per second and any
# finding (crash, timeout, leak, out-of-memory) with its artifact.
#
#   Fuzz/run.sh [--seconds N] [--work DIR] [--no-build] [harness ...]
#
# Harnesses: importer linker formats html json dates search config feed warc (default: all). Exit status 1
# when any harness found something (its work folder is then kept), 2 on usage
# or build errors. The repository is never written to: corpora are copied to
# the work folder (a temporary one unless --work is given; kept then).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
all=(importer linker formats html json dates search config feed warc)
seconds=60
work=""
build=1
harnesses=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="${2:?--seconds needs a number}"; shift 2 ;;
        --seconds=*) seconds="${1#--seconds=}"; shift ;;
        --work) work="${2:?--work needs a folder}"; shift 2 ;;
        --no-build) build=0; shift ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        importer|linker|formats|html|json|dates|search|config|feed|warc) harnesses+=("$1"); shift ;;
        *) echo "run.sh: unknown argument '$1' (harnesses: ${all[*]})" >&2; exit 2 ;;
    esac
done
[[ "$seconds" =~ ^[0-9]+$ ]] && [ "$seconds" -gt 0 ] || { echo "run.sh: --seconds wants a positive whole number" >&2; exit 2; }
[ ${#harnesses[@]} -gt 0 ] || harnesses=("${all[@]}")

# The linker harness starts from the importer's seeds and dictionary (both take article files).
seeds() { case "$1" in linker) echo importer ;; *) echo "$1" ;; esac; }
max_len() { case "$1" in importer|linker|formats|html|feed|warc) echo 65536 ;; *) echo 4096 ;; esac; }
# TOMLKit leaks every parsed table (lsan.supp): with leak detection on, libFuzzer
# would run a full leak check after every config input (27 instead of ~800 exec/s).
extra_flags() { case "$1" in config) echo -detect_leaks=0 ;; esac; }

build_flags=(
    -c release --product lede-fuzz --scratch-path "$here/.build-fuzz"
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing
    -Xcc -fsanitize=fuzzer-no-link,address -Xcxx -fsanitize=fuzzer-no-link,address
    # gold crashes on the sanitizer objects (internal error in format_file_lineno); lld links them.
    -Xswiftc -use-ld=lld
)
if [ "$build" = 1 ]; then
    echo "== building the harnesses (release, -sanitize=fuzzer,address)"
    build_start=$(date +%s)
    # SwiftPM does not notice source files added to the parent package (a path
    # dependency) while this manifest is cached; planning again takes seconds.
    rm -f "$here/.build-fuzz/release.yaml"
    (cd "$here" && swift build "${build_flags[@]}") || { echo "run.sh: build failed" >&2; exit 2; }
    echo "== built in $(( $(date +%s) - build_start )) s"
fi
binary="$(cd "$here" && swift build "${build_flags[@]}" --show-bin-path)/lede-fuzz"
[ -x "$binary" ] || { echo "run.sh: no $binary (build first)" >&2; exit 2; }

keep=0
if [ -n "$work" ]; then
    keep=1
    mkdir -p "$work"
    work="$(cd "$work" && pwd)"
else
    work="$(mktemp -d "${TMPDIR:-/tmp}/lede-fuzz.XXXXXX")"
fi

# A crash must end the process, not wait in Swift's backtracer.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$here/lsan.supp:print_suppressions=0}"

found=0
summary=()
for harness in "${harnesses[@]}"; do
    dir="$work/$harness"
    rm -rf "$dir/artifacts"
    mkdir -p "$dir/corpus" "$dir/artifacts"
    cp -n "$here/corpus/$(seeds "$harness")/"* "$dir/corpus/" 2>/dev/null || true
    # The HTML importer's test pages seed its harness too (kept once, beside the tests).
    if [ "$harness" = html ]; then cp -n "$here/../Tests/LedeModelTests/Fixtures/html/"*.html "$dir/corpus/" 2>/dev/null || true; fi
    flags=(
        -max_total_time="$seconds" -max_len="$(max_len "$harness")" -timeout=5 -rss_limit_mb=2048
        -print_final_stats=1 -artifact_prefix="$dir/artifacts/"
    )
    dict="$here/dict/$(seeds "$harness").dict"
    [ -f "$dict" ] && flags+=(-dict="$dict")
    flags+=($(extra_flags "$harness"))
    echo "== $harness: ${seconds} s, max_len $(max_len "$harness"), corpus $dir/corpus"
    status=0
    (cd "$dir" && "$binary" "$harness" "${flags[@]}" "$dir/corpus") >"$dir/log" 2>&1 || status=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$dir/log" | tail -1 | grep -o '[0-9]*$' || true)
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$dir/log" | tail -1 | grep -o '[0-9]*$' || true)
    units=$(find "$dir/corpus" -type f | wc -l)
    artifacts=$(find "$dir/artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'leak-*' -o -name 'oom-*' \) | sort)
    if [ -n "$artifacts" ] || [ "$status" -ne 0 ]; then
        found=1
        result="FOUND (exit $status)"
        for artifact in $artifacts; do result+=" $(basename "$artifact" | cut -d- -f1): $artifact"; done
        [ -n "$artifacts" ] || result+=" no artifact; see $dir/log"
        echo "-- $harness log (last lines):"
        grep -v '^#[0-9]' "$dir/log" | tail -25 | sed 's/^/   /'
    else
        result="nothing found"
    fi
    line="$(printf '%-9s %10s executions %8s exec/s %6s corpus units  %s' "$harness" "${runs:-?}" "${rate:-?}" "$units" "$result")"
    echo "$line"
    summary+=("$line")
done

echo "== summary ($seconds s per harness; logs and corpora in $work)"
printf '%s\n' "${summary[@]}"
if [ "$found" = 1 ]; then
    echo "== findings kept in $work (reproduce: $binary <harness> <artifact>)"
    exit 1
fi
[ "$keep" = 1 ] || rm -rf "$work"
exit 0
