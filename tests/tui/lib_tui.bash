# lib_tui.bash: helpers for the TUI tests; a test sources it instead of
# tests/lib.sh (it sources that itself). The real binary runs in a detached
# tmux session on a private socket, so a test never touches the user's tmux;
# keys go in with send-keys, the screen comes back with capture-pane, and
# the helpers poll for text rather than sleep.
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
command -v tmux >/dev/null || { echo "tmux is not installed"; exit 77; }
# The servers' sockets live in this test's own directory (when its path
# leaves room under the 107 bytes a socket's name may have), whatever tmux
# the suite itself runs in.
[ "${#T}" -le 60 ] && export TMUX_TMPDIR="$T"
unset TMUX

# Each session gets a server of its own (a new socket name), so a test
# that starts the program again never races the shutdown of the last one.
TUI_SOCK=
TUI_SOCKS=()
TUI_N=0
TUI_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TUI_PACKS="$TUI_DIR/../fixtures/packs"
DB="$T/log.db"
tui_cleanup() {
	local sock
	for sock in "${TUI_SOCKS[@]}"; do
		tmux -L "$sock" kill-server 2>/dev/null
	done
	rm -rf "$T"
}
trap tui_cleanup EXIT

# at SPEC: sets AT to the words that run a command under libfaketime with
# FAKETIME=SPEC ("@2026-03-31 12:00:00" starts the clock there, "+0 x60"
# runs it 60 times too fast), to put before a command or give to bp_tui.
# Not for the sanitized binary, which must load its runtime first.
at() {
	if [ -n "$FAKETIME_LIB" ]; then # found by lib.sh
		AT=(env "LD_PRELOAD=$FAKETIME_LIB" "FAKETIME=$1")
	else
		command -v faketime >/dev/null || { echo "no faketime"; exit 77; }
		AT=(faketime -f "$1")
	fi
}

# bpf_on DAY ARGS...: the plain binary on the log $DB (with the pack $PACK
# when set) with the clock at noon of DAY, output discarded, failing the
# test unless it exits 0. A fixture that stands for a person checking in
# daily enters each rating on its own day (tests/lib.sh bp_on).
bpf_on() {
	local d=$1 pack=()
	shift
	[ -n "${PACK:-}" ] && pack=(--pack "$PACK")
	faketime "$d 12:00:00" "$BACKPAIN" --db "$DB" "${pack[@]}" "$@" \
		>/dev/null || fail "backpain $* on $d failed"
}

# tmux_ ARGS...: tmux on this test's own server, with no user config.
tmux_() {
	tmux -L "$TUI_SOCK" -f /dev/null "$@"
}

# tui_start [-s COLSxROWS] COMMAND...: run COMMAND in a detached session
# (100x30 unless -s), with TERM=xterm-256color and LC_ALL=C.UTF-8; its pid
# goes to $T/pid. When it ends, its exit status is written to $T/exit and
# the pane shows "[exited N]" followed by `stty -a` of the pane, so a test
# can check that the terminal was given back in a sane state. Sanitizer
# reports go to $T/asan.* (see no_sanitizer_reports).
tui_start() {
	local cols=100 rows=30 cmd
	if [ "$1" = -s ]; then
		cols=${2%x*} rows=${2#*x}
		shift 2
	fi
	cmd=$(printf '%q ' env TERM=xterm-256color LC_ALL=C.UTF-8 \
		"ASAN_OPTIONS=${ASAN_OPTIONS:-}:log_path=$T/asan" \
		"UBSAN_OPTIONS=${UBSAN_OPTIONS:-}:log_path=$T/asan" "$@")
	rm -f "$T/exit" "$T/pid"
	TUI_N=$((TUI_N + 1))
	TUI_SOCK="backpain-tui-$$-$RANDOM-$TUI_N"
	TUI_SOCKS+=("$TUI_SOCK")
	tmux_ new-session -d -s t -x "$cols" -y "$rows" \
		"sh -c 'echo \$\$ >$T/pid; exec \"\$@\"' sh $cmd; rc=\$?;
		 echo \$rc > $T/exit.tmp; mv $T/exit.tmp $T/exit;
		 echo \"[exited \$rc]\"; stty -a; sleep 600" ||
		fail "tmux could not start a session"
}

# no_sanitizer_reports: fail when a sanitized binary reported anything.
no_sanitizer_reports() {
	local f
	for f in "$T"/asan.*; do
		[ -e "$f" ] || continue
		cat "$f" >&2
		fail "sanitizer report in $f"
	done
}

# tui_pid: the pid of the program in the pane.
tui_pid() {
	local tries=100
	while [ ! -s "$T/pid" ] && [ "$tries" -gt 0 ]; do
		sleep 0.05
		tries=$((tries - 1))
	done
	cat "$T/pid"
}

# bp_tui [-s COLSxROWS] [WORD...]: tui_start of the binary on the log $DB
# (with the pack $PACK when set); the WORDs go before it, for variables
# (NO_COLOR=1) or a wrapper (faketime TIME).
bp_tui() {
	local size=()
	if [ "${1:-}" = -s ]; then
		size=(-s "$2")
		shift 2
	fi
	if [ -n "${PACK:-}" ]; then
		tui_start "${size[@]}" "$@" "${BP:-$BACKPAIN}" --db "$DB" \
			--pack "$PACK"
	else
		tui_start "${size[@]}" "$@" "${BP:-$BACKPAIN}" --db "$DB"
	fi
}

# screen: the visible pane as text, also kept in $T/screen.
screen() {
	tmux_ capture-pane -p -t t >"$T/screen" 2>/dev/null
	cat "$T/screen"
}

# settled FILE: the screen into FILE once two captures 0.2 s apart agree,
# so that a screen still being drawn is not compared.
settled() {
	local tries=50
	screen >"$1.prev"
	while [ "$tries" -gt 0 ]; do
		sleep 0.2
		screen >"$1"
		cmp -s "$1" "$1.prev" && return 0
		cp "$1" "$1.prev"
		tries=$((tries - 1))
	done
	fail "the screen did not settle"
}

# wait_for TEXT [TIMEOUT]: poll the screen until it shows TEXT (a fixed
# string); fail with the screen after TIMEOUT seconds (default 10).
wait_for() {
	local text=$1 limit=${2:-10} tries
	tries=$((limit * 20))
	while [ "$tries" -gt 0 ]; do
		if screen | grep -qF -- "$text"; then
			return 0
		fi
		sleep 0.05
		tries=$((tries - 1))
	done
	echo "--- screen:" >&2
	cat "$T/screen" >&2
	fail "'$text' did not appear within ${limit}s"
}

# fold_words TEXT: TEXT with every run of blanks and line breaks folded to
# one space, as screen_words gives the screen.
fold_words() {
	printf '%s' "$1" | tr '\n\t' '  ' | tr -s ' '
}

# screen_words [FIRST [LAST]]: the screen as one line of words, so that a
# text wrapped over several rows is found whole: columns FIRST .. LAST of
# each row (counted in characters from 1; all by default, as a menu's key
# column or a view's scroll marks are left out), the rows joined, blanks
# folded. Also kept in $T/words.
screen_words() {
	local first=${1:-1} last=${2:-}
	screen >/dev/null
	if [ -n "$last" ]; then
		sed -E "s/^(.{0,$last}).*/\1/" "$T/screen"
	else
		cat "$T/screen"
	fi | sed -E "s/^.{0,$((first - 1))}//" | tr '\n' ' ' | tr -s ' ' \
		>"$T/words"
	cat "$T/words"
}

# wait_words TEXT [FIRST [LAST]]: poll until the screen holds TEXT whole,
# however it is wrapped (screen_words, blanks folded); fail with the
# screen after 10 seconds.
wait_words() {
	local want tries=200
	want=$(fold_words "$1")
	while [ "$tries" -gt 0 ]; do
		case "$(screen_words "${@:2}")" in
		*"$want"*) return 0 ;;
		esac
		sleep 0.05
		tries=$((tries - 1))
	done
	echo "--- screen:" >&2
	cat "$T/screen" >&2
	fail "'$want' is not on the screen whole"
}

# wait_gone TEXT [TIMEOUT]: poll until the screen no longer shows TEXT.
wait_gone() {
	local text=$1 limit=${2:-10} tries
	tries=$((limit * 20))
	while [ "$tries" -gt 0 ]; do
		if ! screen | grep -qF -- "$text"; then
			return 0
		fi
		sleep 0.05
		tries=$((tries - 1))
	done
	cat "$T/screen" >&2
	fail "'$text' was still there after ${limit}s"
}

# keys KEY...: send tmux key names (Enter, Escape, Up, C-c, j, ...).
keys() {
	tmux_ send-keys -t t "$@"
}

# type_text STRING: send STRING literally, character by character.
type_text() {
	tmux_ send-keys -t t -l -- "$1"
}

# For the line modes (the line-mode check-in, backpain setup) in a pane:
# prompt TEXT waits until the pane's text ends with TEXT (a prompt waiting
# for its answer), however the line mode folded it between words over its
# last rows; say TEXT types a line.
prompt() {
	local tries=200 want
	want=$(fold_words "$1")
	want=${want% }
	while [ "$tries" -gt 0 ]; do
		screen | sed '/^ *$/d' | tail -n 4 | tr '\n' ' ' | tr -s ' ' |
			sed 's/ $//' >"$T/last"
		case $(cat "$T/last") in *"$want") return 0 ;; esac
		sleep 0.05
		tries=$((tries - 1))
	done
	cat "$T/screen" >&2
	fail "the prompt '$1' did not come"
}
say() {
	[ -n "$1" ] && type_text "$1"
	keys Enter
}

# wait_exit [TIMEOUT]: wait until the program ended; prints its status.
wait_exit() {
	local limit=${1:-10} tries
	tries=$((limit * 20))
	while [ ! -e "$T/exit" ] && [ "$tries" -gt 0 ]; do
		sleep 0.05
		tries=$((tries - 1))
	done
	[ -e "$T/exit" ] || { screen >&2; fail "the program did not exit"; }
	cat "$T/exit"
}

# alternate_on: 1 while the pane shows the alternate screen (a full-screen
# program holds it), else 0.
alternate_on() {
	tmux_ display-message -p -t t '#{alternate_on}'
}

# onboard_all_no: from the first screen of a first run, answer no to the
# injury question and every red flag (16, the built-in pack's count,
# unless given), give usual pain 6, and reach Today.
# read_on: on a page of the first run, Enter while it says "Enter: read
# on" (text below the rows shown), until its own prompt shows.
read_on() {
	local tries=40
	wait_for "Enter: "
	while [ "$tries" -gt 0 ]; do
		screen >/dev/null
		grep -q "Enter: read on" "$T/screen" || return 0
		keys Enter
		sleep 0.2
		tries=$((tries - 1))
	done
	cat "$T/screen" >&2
	fail "the page kept saying 'Enter: read on'"
}

onboard_all_no() {
	local i nflags=${1:-16}
	read_on
	keys Enter
	wait_for "First, a question"
	keys n
	for i in $(seq 1 "$nflags"); do
		wait_for "Safety question $i of $nflags"
		keys n
	done
	wait_for "Your usual pain"
	keys 6 Enter
	wait_for "The plan: one approach at a time"
	read_on
	keys Enter
	wait_for "Today's check-in:"
}

# no_colours: fail when the screen carries any colour (SGR 30-37, 40-47,
# 90-97, 100-107, 38;..., 48;...); resets to the default colour are fine.
no_colours() {
	tmux_ capture-pane -p -e -t t >"$T/screen.sgr"
	if grep -qE $'\e\\[([0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9;]*)?m' \
		"$T/screen.sgr"; then
		cat -v "$T/screen.sgr" >&2
		fail "colours on the screen"
	fi
}
