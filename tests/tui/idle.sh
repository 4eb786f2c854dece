#!/usr/bin/env bash
# tui/idle: a screen the person only looks at costs no CPU. On a 10-year
# log (tests/bench/genlog.c, the built-in pack, a fixed clock at noon, far
# from the day's change), one program is opened on each main screen: Today,
# Plan, an approach, Check-in, Practice (choosing, no timer running),
# History, Review, Keys, Safety and Disclaimer. Once each screen has
# settled, every program together is left alone for 5 s; each must use
# under 0.05 s of CPU in that time (utime + stime of /proc/PID/stat, in
# clock ticks). The loop may wake for a running timer, the day's change
# and a resize; it must not redraw or recompute for nothing. Last, a
# program started seconds before the day's change shows the new day in
# its title with no key pressed.
. "$(dirname "$0")/lib_tui.bash"
NOW='2026-03-31 12:00:00'
IDLE_S=5
MAX_CENTISECONDS=5 # 0.05 s

TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
GENLOG="${B:-$TOP/build}/bench/genlog"
if [ ! -x "$GENLOG" ]; then
	GENLOG="$T/genlog"
	cc -std=c11 -O2 $(pkg-config --cflags sqlite3) \
		"$TOP/tests/bench/genlog.c" -o "$GENLOG" \
		$(pkg-config --libs sqlite3) || fail "cannot build genlog"
fi
at "@$NOW"
"${AT[@]}" "$BACKPAIN" --db "$DB" status >/dev/null ||
	fail "backpain status could not create the log"
"$GENLOG" "$DB" "${NOW% *}" 10 >/dev/null || fail "genlog failed"
[ "$(sqlite3 "$DB" 'select count(*) > 3000 from checkin')" = 1 ] ||
	fail "the 10-year log is too short"

# cpu PID: utime + stime of PID in clock ticks.
cpu() {
	local stat
	stat=$(cat "/proc/$1/stat") || fail "process $1 is gone"
	# Fields after the command name, which sits in parentheses: state is
	# the 1st of them, utime the 12th and stime the 13th.
	stat=${stat##*) }
	set -- $stat
	echo $((${12} + ${13}))
}

# program PID: the backpain process itself, when PID is a wrapper (the
# faketime program): its child of that name, found in /proc.
program() {
	local pid=$1 stat f
	if [ "$(cat "/proc/$pid/comm")" = backpain ]; then
		echo "$pid"
		return
	fi
	for f in /proc/[0-9]*/stat; do
		stat=$(cat "$f" 2>/dev/null) || continue
		case $stat in
		*"(backpain) "?" $pid "*)
			echo "${stat%% *}"
			return
			;;
		esac
	done
	fail "no backpain process under $pid"
}

NAMES=()
PIDS=()
# open NAME KEY...: a program on its own tmux server, the KEYs sent one at
# a time from Today, each waiting for the next screen's title, and the
# screen settled.
open() {
	local name=$1 key title
	shift
	bp_tui "${AT[@]}"
	wait_for "backpain: Today" 20
	wait_for "Next:" 20
	for key in "$@"; do
		title=${key#*=}
		keys "${key%%=*}"
		wait_for "backpain: $title" 20
	done
	settled "$T/settled"
	NAMES+=("$name")
	PIDS+=("$(program "$(tui_pid)")")
}

open Today
open Plan p=Plan
open Approach p=Plan Enter=Approach
open Check-in c=Check-in
open Practice t=Practice
open History v=History
open Review r=Review
open Keys ?=Keys
open Safety !=Safety
open Disclaimer d=Disclaimer

hz=$(getconf CLK_TCK)
before=()
for i in "${!PIDS[@]}"; do
	before[i]=$(cpu "${PIDS[i]}")
done
sleep "$IDLE_S"
bad=
for i in "${!PIDS[@]}"; do
	used=$(($(cpu "${PIDS[i]}") - before[i]))
	echo "${NAMES[i]}: $used ticks of 1/$hz s in ${IDLE_S} s idle"
	# used / hz < MAX_CENTISECONDS / 100, in integers
	[ $((used * 100)) -lt $((MAX_CENTISECONDS * hz)) ] ||
		bad="$bad ${NAMES[i]}"
done
[ -z "$bad" ] || fail "CPU used while idle on:$bad"

# The loop still wakes for the day's change: a few seconds before 04:00
# (the day's default start), the title shows the day before, and then
# the new day with no key pressed.
at "@${NOW% *} 03:59:57"
bp_tui "${AT[@]}"
wait_for "backpain: Today" 20
title() { screen | head -n 1; }
case $(title) in
*2026-03-30*) ;;
*) fail "before 04:00 the title should show 2026-03-30: $(title)" ;;
esac
tries=300 # 15 s
while ! title | grep -qF 2026-03-31 && [ "$tries" -gt 0 ]; do
	sleep 0.05
	tries=$((tries - 1))
done
title | grep -qF 2026-03-31 ||
	fail "at 04:00 the title did not turn to 2026-03-31: $(title)"
