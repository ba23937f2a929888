#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Real screenshots of lede for the README: lede runs in xterm (a real
# terminal emulator) on a virtual X display, driven through tmux, and each
# picture is the xterm window as X drew it (xwd), converted to PNG.
#
# Needs, and installs none of: Xvfb (xvfb), xterm, xwd (x11-apps),
# convert (imagemagick), tmux, and the fonts DejaVu Sans Mono (fonts-dejavu)
# and Noto Sans CJK (fonts-noto-cjk) for Chinese and Japanese. On Debian:
#
#   apt-get install -y xvfb xterm x11-apps imagemagick tmux fonts-dejavu fonts-noto-cjk
#
# Usage: scripts/screenshots.sh [OUTPUT_FOLDER]     (default: docs/screenshots)
# LEDE=path/to/lede picks the binary (default: .build/release/lede, else
# .build/debug/lede; build one first). Made by hand, not in CI.
set -euo pipefail
cd "$(dirname "$0")/.."

output=${1:-docs/screenshots}
lede=${LEDE:-}
if [ -z "$lede" ]; then
    for candidate in .build/release/lede .build/debug/lede; do
        if [ -x "$candidate" ]; then lede=$candidate; break; fi
    done
fi
[ -n "$lede" ] && [ -x "$lede" ] || { echo "screenshots: no lede binary; run swift build (or set LEDE)" >&2; exit 2; }
lede=$(realpath "$lede")
for program in Xvfb xterm xwd convert tmux fc-list; do
    command -v "$program" >/dev/null || { echo "screenshots: $program is missing (see the top of $0)" >&2; exit 2; }
done
fonts=$(fc-list : family)
grep -q "DejaVu Sans Mono" <<<"$fonts" || { echo "screenshots: font DejaVu Sans Mono is missing (fonts-dejavu)" >&2; exit 2; }
grep -q "Noto Sans CJK" <<<"$fonts" || { echo "screenshots: font Noto Sans CJK is missing (fonts-noto-cjk)" >&2; exit 2; }
mkdir -p "$output"

# Everything lede reads or writes lives in a scratch folder: no user config,
# no user themes, a fresh index.
scratch=$(mktemp -d)
display=":$((90 + RANDOM % 100))"
socket="lede-shots-$$"
tmux_() { tmux -L "$socket" "$@"; }
cleanup() {
    tmux_ kill-server 2>/dev/null || true
    [ -n "${xterm_pid:-}" ] && kill "$xterm_pid" 2>/dev/null || true
    [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
    # The shell in tmux may still be going away (and lede closing its index): try again once.
    rm -rf "$scratch" 2>/dev/null || { sleep 1; rm -rf "$scratch"; }
}
trap cleanup EXIT

Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >"$scratch/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=$display
for _ in $(seq 50); do xwd -root -silent >/dev/null 2>&1 && break; sleep 0.1; done

# A 100x30 tmux session (no status line) that xterm shows whole. lede sees
# TERM=tmux-256color; xterm itself is xterm-256color.
tmux_ -f /dev/null new-session -d -s shots -x 100 -y 30 \
    "env -i PATH=/usr/bin:/bin HOME=$scratch XDG_CONFIG_HOME=$scratch/config XDG_CACHE_HOME=$scratch/cache LANG=C.UTF-8 TERM=tmux-256color PS1='$ ' bash --norc --noprofile"
tmux_ set-option -g status off
tmux_ set-option -g default-terminal tmux-256color
# DejaVu Sans Mono for text, Noto Sans CJK for double-width characters
# (xterm's -fd), so CJK articles show glyphs, not boxes. Dark themes are shown
# on a dark terminal, the light theme (which keeps the terminal's background)
# on a light one: xterm is opened again with other colours.
open_xterm() {
    xterm -T lede-shots -geometry 100x30 -fa "DejaVu Sans Mono" -fd "Noto Sans CJK SC" -fs 10.5 \
        -bg "$1" -fg "$2" -bw 0 -b 6 +sb -xrm "XTerm*termName: xterm-256color" \
        -e tmux -L "$socket" attach -t shots &
    xterm_pid=$!
    # Attached once tmux reports a client; then tmux redraws the whole screen for it.
    for _ in $(seq 50); do [ -n "$(tmux_ list-clients)" ] && break; sleep 0.1; done
    sleep 0.5
}
close_xterm() {
    kill "$xterm_pid"
    wait "$xterm_pid" 2>/dev/null || true
    xterm_pid=
    for _ in $(seq 50); do [ -z "$(tmux_ list-clients)" ] && break; sleep 0.1; done
}
dark_background="#1c1c1c" dark_text="#d0d0d0"
light_background="#ffffff" light_text="#1c1c1c"
open_xterm "$dark_background" "$dark_text"

screen_text() { tmux_ capture-pane -p -t shots; }
# Waits until the screen shows $1 (an extended regular expression), 10 s at most.
wait_for() {
    for _ in $(seq 100); do
        if grep -Eq -- "$1" <<<"$(screen_text)"; then sleep 0.4; return 0; fi
        sleep 0.1
    done
    echo "screenshots: timed out waiting for '$1'; the screen was:" >&2
    screen_text >&2
    exit 1
}
keys() { tmux_ send-keys -t shots "$@"; }
# The xterm window as X drew it, as a PNG.
shoot() {
    sleep 0.3
    # A terminal has few colours: a 256-colour palette keeps every one and makes the file a third the size.
    xwd -name lede-shots -silent | convert xwd:- -strip +dither -define png:compression-level=9 PNG8:"$output/$1.png"
    echo "$output/$1.png"
}
# Starts lede with the given arguments in the session and waits for its first frame.
start_lede() {
    keys -l "clear; $lede $*; echo EXIT"
    keys Enter
    wait_for "READ"
}
# Esc leaves a prompt, q closes an overlay first: both until the shell is back.
quit_lede() {
    for _ in 1 2 3; do
        keys Escape
        sleep 0.3
        keys q
        sleep 0.3
        grep -q "EXIT" <<<"$(screen_text)" && break
    done
    wait_for "EXIT"
    keys -l clear
    keys Enter
}

wait_for '^\$'

samples=Sources/lede/Samples

# The three panes on the bundled samples, a few mentions in.
start_lede
keys Tab Tab Tab Tab
wait_for "[0-9]+/[0-9]+ mentions|Tab next mention"
shoot three-panes
# The dossier of the focused mention.
keys Enter
wait_for "DOSSIER"
shoot dossier
quit_lede

# The entity filter at work: e, then / and the letters of a name.
start_lede
keys e /
keys -l ali
wait_for "/ali"
shoot filter
quit_lede

# The timeline as a list: t, then v.
start_lede
keys t v
wait_for "TIMELINE"
shoot timeline-list
quit_lede

# The monochrome theme, and the light theme on a light terminal.
start_lede --theme monochrome
keys Tab Tab
wait_for "READ +▸"
shoot theme-monochrome
quit_lede

close_xterm
open_xterm "$light_background" "$light_text"
start_lede --theme light
keys Tab Tab
wait_for "READ +▸"
shoot theme-light
quit_lede
close_xterm
open_xterm "$dark_background" "$dark_text"

# A Chinese article (the test fixture; the samples are in English).
start_lede --no-index Tests/LedeModelTests/Fixtures/cjk.txt
keys Tab
wait_for "READ +▸"
shoot cjk
quit_lede
