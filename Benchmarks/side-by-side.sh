#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# side-by-side.sh — lede next to its peers, in one run, on generated corpora:
#   loading:      `lede timeline --format csv DIR` (cold index, warm index, --no-index)  vs  `grep -o -F -f names -r DIR`
#   first frame:  `lede DIR` (cold, warm) vs `less all.txt`, both in a detached tmux at 120x40
# and prints one Markdown table (stdout); progress goes to stderr.
#
# Usage: Benchmarks/side-by-side.sh [--sizes 1000,10000,100000] [--lede PATH] [--keep] [--work DIR]
#                                   [--seed S] [--repeats N] [--cold-repeats N] [--timeout SECONDS]
#
# Commands that fail (e.g. `--no-index` before it exists) give `n/a (exit N)` in their cells; the run goes on.
# Corpora are generated once per (size, seed) under --work and reused by later runs; the per-run temporary
# folder (cache dirs, the file concatenated for less, the names file) and the tmux server go at the end
# unless --keep.
set -uo pipefail

COMMAND_LINE="$0"
for argument in "$@"; do
    if [[ "$argument" =~ ^[A-Za-z0-9_./,=:@%+-]+$ ]]; then COMMAND_LINE+=" $argument"; else COMMAND_LINE+=" $(printf '%q' "$argument")"; fi
done

SCRIPT_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
GENERATOR="$SCRIPT_DIR/generate-corpus.py"

SIZES="1000,10000,100000"
LEDE=""
KEEP=0
WORK="${TMPDIR:-/tmp}/lede-side-by-side"
SEED=2025
REPEATS=3
COLD_REPEATS=1
TIMEOUT=3600
POLL=0.005
COLUMNS_X=120
LINES_Y=40

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) SIZES="${2:?--sizes needs a value}"; shift 2 ;;
        --sizes=*) SIZES="${1#*=}"; shift ;;
        --lede) LEDE="${2:?--lede needs a path}"; shift 2 ;;
        --lede=*) LEDE="${1#*=}"; shift ;;
        --keep) KEEP=1; shift ;;
        --work) WORK="${2:?--work needs a folder}"; shift 2 ;;
        --work=*) WORK="${1#*=}"; shift ;;
        --seed) SEED="${2:?--seed needs a value}"; shift 2 ;;
        --repeats) REPEATS="${2:?--repeats needs a value}"; shift 2 ;;
        --cold-repeats) COLD_REPEATS="${2:?--cold-repeats needs a value}"; shift 2 ;;
        --timeout) TIMEOUT="${2:?--timeout needs seconds}"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "side-by-side: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
IFS=',' read -r -a SIZE_LIST <<< "$SIZES"
for size in "${SIZE_LIST[@]}"; do
    [[ "$size" =~ ^[0-9]+$ ]] && [ "$size" -gt 0 ] || { echo "side-by-side: bad size: $size" >&2; exit 2; }
done
for value in "$REPEATS" "$COLD_REPEATS" "$TIMEOUT"; do
    [[ "$value" =~ ^[0-9]+$ ]] && [ "$value" -gt 0 ] || { echo "side-by-side: --repeats, --cold-repeats and --timeout take a positive number" >&2; exit 2; }
done
for tool in python3 tmux less grep /usr/bin/time timeout; do
    command -v "$tool" >/dev/null || { echo "side-by-side: needs $tool" >&2; exit 2; }
done

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

mkdir -p "$WORK" || exit 2
WORK=$(cd "$WORK" && pwd)
RUN=$(mktemp -d "$WORK/run.XXXXXX") || exit 2
SOCKET="bench-sbs-$$"
cleanup() {
    tmux -L "$SOCKET" kill-server >/dev/null 2>&1
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCKET"
    if [ "$KEEP" = 1 ]; then log "kept $RUN and the corpora in $WORK"; else rm -rf "$RUN"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------------- lede binary
if [ -n "$LEDE" ]; then
    LEDE=$(cd "$(dirname "$LEDE")" && pwd)/$(basename "$LEDE")
    [ -x "$LEDE" ] || { echo "side-by-side: not an executable: $LEDE" >&2; exit 2; }
else
    log "swift build -c release (in $ROOT)"
    if ! (cd "$ROOT" && swift build -c release >&2); then
        echo "side-by-side: swift build -c release failed" >&2
        exit 1
    fi
    LEDE="$ROOT/.build/release/lede"
fi

# ---------------------------------------------------------------------------------------------------- helpers
now_us() { local t=$EPOCHREALTIME; echo "${t//[!0-9]/}"; }          # microseconds
secs() { awk -v us="$1" 'BEGIN { printf "%.2f s", us / 1e6 }'; }
millis() { echo "$(thousands "$(awk -v us="$1" 'BEGIN { printf "%.0f", us / 1e3 }')") ms"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else printf "n/a" }'; }
thousands() { printf '%s' "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }
is_number() { [[ "${1:-}" =~ ^[0-9]+$ ]]; }
min_of() { local best=""; for v in "$@"; do is_number "$v" && { [ -z "$best" ] || [ "$v" -lt "$best" ]; } && best=$v; done; echo "$best"; }
max_of() { local best=""; for v in "$@"; do is_number "$v" && { [ -z "$best" ] || [ "$v" -gt "$best" ]; } && best=$v; done; echo "$best"; }

declare -A R   # results: R[key,size]

# Runs `lede ARGS... DIR` under /usr/bin/time with XDG_CACHE_HOME=$1; sets T_US (wall, µs), T_KB (peak RSS), T_RC.
run_lede() {
    local cache="$1"; shift
    local timefile="$RUN/time.txt" errfile="$RUN/stderr.txt"
    rm -f "$timefile"
    XDG_CACHE_HOME="$cache" timeout "$TIMEOUT" /usr/bin/time -f '%e %M' -o "$timefile" "$LEDE" "$@" >/dev/null 2>"$errfile"
    T_RC=$?
    local line
    line=$(tail -n 1 "$timefile" 2>/dev/null)
    T_US=$(awk '{ printf "%.0f", $1 * 1e6 }' <<< "$line")
    T_KB=$(awk '{ print $2 }' <<< "$line")
    if [ "$T_RC" != 0 ]; then
        log "  lede $* → exit $T_RC: $(grep -v '^lede: warning' "$errfile" | tail -n 2 | tr '\n' ' ' | cut -c1-300)"
    fi
}

# Starts the tmux server once, with an idle pane to respawn programs into (server start-up is not timed).
tmux_ready() {
    if ! tmux -L "$SOCKET" has-session -t bench 2>/dev/null; then
        tmux -L "$SOCKET" -f /dev/null new-session -d -s bench -x "$COLUMNS_X" -y "$LINES_Y" "sleep 1000000" || return 1
        tmux -L "$SOCKET" set-option -g remain-on-exit on >/dev/null
        tmux -L "$SOCKET" set-option -g window-size manual >/dev/null 2>&1
    fi
}

# first_frame EXPECTED COMMAND: time from respawning the pane with COMMAND until the top line of the screen
# contains EXPECTED; sets FF_US (µs) or FF_FAIL (why). The program is then quit with q (waiting for it to end,
# so that an index being written is not cut short) or killed.
first_frame() {
    local expected="$1" command="$2"
    FF_US="" FF_FAIL=""
    tmux_ready || { FF_FAIL="n/a (tmux)"; return; }
    tmux -L "$SOCKET" respawn-pane -k -t bench "sleep 1000000"
    local start deadline now top
    start=$(now_us)
    deadline=$((start + TIMEOUT * 1000000))
    tmux -L "$SOCKET" respawn-pane -k -t bench "$command"
    while :; do
        top=$(tmux -L "$SOCKET" capture-pane -p -t bench -S 0 -E 0 2>/dev/null)
        now=$(now_us)
        if [[ "$top" == *"$expected"* ]]; then FF_US=$((now - start)); break; fi
        if [ "$(tmux -L "$SOCKET" display-message -p -t bench '#{pane_dead}')" = 1 ]; then
            FF_FAIL="n/a (exit $(tmux -L "$SOCKET" display-message -p -t bench '#{pane_dead_status}'))"
            log "  first frame: the program ended before showing: $expected"
            tmux -L "$SOCKET" capture-pane -p -t bench -S 0 -E 5 2>/dev/null | sed 's/^/    | /' >&2
            return
        fi
        if [ "$now" -gt "$deadline" ]; then FF_FAIL="n/a (timeout)"; break; fi
        sleep "$POLL"
    done
    tmux -L "$SOCKET" send-keys -t bench q
    local waited=0
    while [ "$(tmux -L "$SOCKET" display-message -p -t bench '#{pane_dead}')" != 1 ] && [ "$waited" -lt 600 ]; do
        sleep 0.05; waited=$((waited + 1))
    done
    [ "$waited" -ge 600 ] && log "  first frame: the program did not quit on q within 30 s; killed"
    tmux -L "$SOCKET" respawn-pane -k -t bench "sleep 1000000"
}

# Best of REPEATS first frames; sets BEST_US or BEST_FAIL.
best_first_frame() {
    local expected="$1" command="$2" times=() i
    BEST_US="" BEST_FAIL=""
    for ((i = 0; i < REPEATS; i++)); do
        first_frame "$expected" "$command"
        if [ -n "$FF_FAIL" ]; then BEST_FAIL=$FF_FAIL; return; fi
        times+=("$FF_US")
    done
    BEST_US=$(min_of "${times[@]}")
}

# What to wait for on the top line: the first 40 characters, stopping before the first non-ASCII one (so that
# neither the locale nor a character cut in half can get in the way).
expected_text() { LC_ALL=C sed 's/[^ -~].*//' | cut -c1-40; }

cell_time() {  # cell_time RC US  → "1.23 s" or "n/a (exit RC)"
    if [ "$1" = 0 ] && is_number "$2"; then secs "$2"; else echo "n/a (exit $1)"; fi
}
cell_rss() {   # cell_rss RC KB BYTES → "74 MB (8.8× corpus)"
    if [ "$1" = 0 ] && is_number "$2"; then
        awk -v kb="$2" -v bytes="$3" 'BEGIN { printf "%.0f MB (%.1f× corpus)", kb * 1024 / 1e6, kb * 1024 / bytes }'
    else echo "n/a (exit $1)"; fi
}

# ---------------------------------------------------------------------------------------------------- per size
NAMES="$RUN/names.txt"
python3 "$GENERATOR" --articles 0 --out "$RUN/no-articles" --seed "$SEED" --names "$NAMES" 2>/dev/null \
    || { echo "side-by-side: the generator failed" >&2; exit 1; }
rmdir "$RUN/no-articles" 2>/dev/null
GENERATOR_VERSION=$(sed -n 's/^GENERATOR_VERSION = \([0-9]*\).*/\1/p' "$GENERATOR")
GREP_LOCALE=C.UTF-8
locale -a 2>/dev/null | grep -qi '^c\.utf-\{0,1\}8$' || GREP_LOCALE=C

for size in "${SIZE_LIST[@]}"; do
    corpus="$WORK/corpus-$size-seed$SEED"
    manifest="$corpus.manifest.json"
    if [ -d "$corpus" ] && python3 - "$manifest" "$size" "$SEED" "$GENERATOR_VERSION" <<'EOF'
import json, sys
try:
    m = json.load(open(sys.argv[1]))
except Exception:
    sys.exit(1)
ok = (m.get("articles") == int(sys.argv[2]) and m.get("seed") == int(sys.argv[3]) and
      m.get("generator_version") == int(sys.argv[4]) and not m.get("same_label_many_ids") and not m.get("large_labels_mb"))
sys.exit(0 if ok else 1)
EOF
    then
        log "corpus $size: reusing $corpus"
    else
        log "corpus $size: generating into $corpus"
        rm -rf "$corpus" "$manifest"
        python3 "$GENERATOR" --articles "$size" --out "$corpus" --seed "$SEED" --manifest "$manifest.tmp" >&2 \
            && mv "$manifest.tmp" "$manifest" || { echo "side-by-side: generating $size articles failed" >&2; exit 1; }
    fi
    files=$(find "$corpus" -type f -name '*.txt' | wc -l)
    bytes=$(find "$corpus" -type f -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f", s }')
    R[files,$size]=$(thousands "$files")
    R[mb,$size]=$(mb "$bytes")

    # The file for less (not timed) and the expected first lines.
    all="$RUN/all-$size.txt"
    first_file=$(find "$corpus" -type f -name '*.txt' | LC_ALL=C sort | head -n 1)
    find "$corpus" -type f -name '*.txt' -print0 | LC_ALL=C sort -z | xargs -0 cat > "$all"
    less_expected=$(head -n 1 "$all" | expected_text)
    lede_expected=$(head -n 1 "$first_file" | sed 's/^# *//' | expected_text)

    # Page cache: read everything once so that the first timed command does not pay for the disk.
    cat "$all" > /dev/null

    # Peer: grep, best of REPEATS.
    log "corpus $size: grep -o -F -f names ($(wc -l < "$NAMES") names), best of $REPEATS"
    grep_times=()
    grep_rc=0
    for ((i = 0; i < REPEATS; i++)); do
        start=$(now_us)
        count=$(LC_ALL=$GREP_LOCALE grep -o -F -f "$NAMES" -r "$corpus" | wc -l)
        rc=${PIPESTATUS[0]}
        end=$(now_us)
        if [ "$rc" != 0 ]; then grep_rc=$rc; break; fi
        grep_times+=($((end - start)))
    done
    grep_us=$(min_of "${grep_times[@]}")
    R[grep,$size]=$(cell_time "$grep_rc" "$grep_us")
    R[grepn,$size]=$( [ "$grep_rc" = 0 ] && thousands "$count" || echo "n/a (exit $grep_rc)")

    # lede timeline, cold: a fresh, empty cache folder each time (best of COLD_REPEATS, default 1).
    log "corpus $size: lede timeline cold, best of $COLD_REPEATS"
    cold_times=() cold_rss=() cold_rc=0
    for ((i = 0; i < COLD_REPEATS; i++)); do
        cache="$RUN/cache-$size-$i"
        mkdir -p "$cache"
        run_lede "$cache" timeline --format csv "$corpus"
        if [ "$T_RC" != 0 ]; then cold_rc=$T_RC; break; fi
        cold_times+=("$T_US"); cold_rss+=("$T_KB")
    done
    cold_us=$(min_of "${cold_times[@]}")
    R[cold,$size]=$(cell_time "$cold_rc" "$cold_us")
    R[coldrss,$size]=$(cell_rss "$cold_rc" "$(max_of "${cold_rss[@]}")" "$bytes")
    R[coldx,$size]=$( [ "$cold_rc" = 0 ] && ratio "$cold_us" "$grep_us" || echo "n/a")
    R[cachemb,$size]=$(du -sk "$cache" | awk '{ printf "%.1f MB", $1 * 1024 / 1e6 }')

    # lede timeline, warm: the same cache folder again, best of REPEATS.
    log "corpus $size: lede timeline warm, best of $REPEATS"
    warm_times=() warm_rss=() warm_rc=0
    for ((i = 0; i < REPEATS; i++)); do
        run_lede "$cache" timeline --format csv "$corpus"
        if [ "$T_RC" != 0 ]; then warm_rc=$T_RC; break; fi
        warm_times+=("$T_US"); warm_rss+=("$T_KB")
    done
    warm_us=$(min_of "${warm_times[@]}")
    R[warm,$size]=$(cell_time "$warm_rc" "$warm_us")
    R[warmrss,$size]=$(cell_rss "$warm_rc" "$(max_of "${warm_rss[@]}")" "$bytes")
    R[warmx,$size]=$( [ "$warm_rc" = 0 ] && ratio "$warm_us" "$grep_us" || echo "n/a")

    # lede --no-index (fully in memory), once; its own empty cache folder, which it should leave empty.
    log "corpus $size: lede --no-index timeline"
    mkdir -p "$RUN/cache-noindex-$size"
    run_lede "$RUN/cache-noindex-$size" timeline --no-index --format csv "$corpus"
    R[mem,$size]=$(cell_time "$T_RC" "$T_US")
    R[memrss,$size]=$(cell_rss "$T_RC" "$T_KB" "$bytes")
    R[memx,$size]=$( [ "$T_RC" = 0 ] && ratio "$T_US" "$grep_us" || echo "n/a")

    # First frame: less, then lede cold (fresh cache) and warm (the cache of the timeline runs).
    log "corpus $size: first frame, less, best of $REPEATS"
    best_first_frame "$less_expected" "env TERM=xterm-256color LESS= LESSOPEN= LESSCLOSE= less $(printf '%q' "$all")"
    less_us=$BEST_US
    R[less,$size]=${BEST_FAIL:-$(millis "$BEST_US")}

    log "corpus $size: first frame, lede cold"
    mkdir -p "$RUN/cache-ff-$size"
    first_frame "$lede_expected" "env TERM=xterm-256color XDG_CACHE_HOME=$(printf '%q' "$RUN/cache-ff-$size") $(printf '%q' "$LEDE") $(printf '%q' "$corpus")"
    R[ffcold,$size]=${FF_FAIL:-$(millis "$FF_US")}
    R[ffcoldx,$size]=$( [ -z "$FF_FAIL" ] && is_number "$less_us" && ratio "$FF_US" "$less_us" || echo "n/a")

    log "corpus $size: first frame, lede warm, best of $REPEATS"
    best_first_frame "$lede_expected" "env TERM=xterm-256color XDG_CACHE_HOME=$(printf '%q' "$cache") $(printf '%q' "$LEDE") $(printf '%q' "$corpus")"
    R[ffwarm,$size]=${BEST_FAIL:-$(millis "$BEST_US")}
    R[ffwarmx,$size]=$( [ -z "$BEST_FAIL" ] && is_number "$less_us" && ratio "$BEST_US" "$less_us" || echo "n/a")

    rm -f "$all"   # up to ~0.8 GB each; the corpus itself is kept for the next run
done

# ---------------------------------------------------------------------------------------------------- report
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
memory=$(awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
revision=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "unknown")
if [ -n "$(git -C "$ROOT" status --porcelain -- Sources Package.swift 2>/dev/null)" ]; then
    revision+=" (with uncommitted changes in Sources/)"
fi
version=$("$LEDE" --version 2>/dev/null | head -n 1)

echo "### lede side by side — $(date -u '+%Y-%m-%d %H:%M UTC')"
echo
echo "- machine: $(nproc) cores, ${cpu:-unknown CPU}, ${memory:-? GB} RAM, $(uname -sr)"
echo "- lede: \`$revision\`${version:+ (\`lede --version\`: $version)}, binary \`$LEDE\`"
echo "- peers: $(grep --version | head -n 1) (LC_ALL=$GREP_LOCALE, $(wc -l < "$NAMES") names), $(less --version | head -n 1 | cut -d' ' -f1-2), tmux $(tmux -V | cut -d' ' -f2) at ${COLUMNS_X}x${LINES_Y}"
echo "- corpus: \`generate-corpus.py --seed $SEED\` (version $GENERATOR_VERSION); best of $REPEATS where marked; times are wall clock"
echo "- command: \`$COMMAND_LINE\`"
echo
header="| measure |"
rule="|---|"
for size in "${SIZE_LIST[@]}"; do header+=" $(thousands "$size") articles |"; rule+="---:|"; done
echo "$header"
echo "$rule"
row() {
    local label="$1" key="$2" line
    line="| $label |"
    for size in "${SIZE_LIST[@]}"; do line+=" ${R[$key,$size]:-} |"; done
    echo "$line"
}
row "corpus: files" files
row "corpus: MB on disk (file bytes)" mb
row "**grep** \`-o -F -f names -r\` \\| wc -l (best of $REPEATS)" grep
row "… matches counted" grepn
row "**lede timeline, cold** (fresh \`XDG_CACHE_HOME\`$( [ "$COLD_REPEATS" -gt 1 ] && echo ", best of $COLD_REPEATS"))" cold
row "… peak RSS (× corpus bytes)" coldrss
row "… ÷ grep" coldx
row "… cache folder after the cold run" cachemb
row "**lede timeline, warm** (same cache, best of $REPEATS)" warm
row "… peak RSS (× corpus bytes)" warmrss
row "… ÷ grep" warmx
row "**lede --no-index timeline** (in memory)" mem
row "… peak RSS (× corpus bytes)" memrss
row "… ÷ grep" memx
row "first frame: **less** (concatenated file, best of $REPEATS)" less
row "first frame: **lede, cold** (fresh cache)" ffcold
row "… ÷ less" ffcoldx
row "first frame: **lede, warm** (best of $REPEATS)" ffwarm
row "… ÷ less" ffwarmx
