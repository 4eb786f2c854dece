#!/usr/bin/env bash
# tui/timer: start an approach in the TUI, then time its one-minute
# practice with the pain rated before and after; Space pauses the
# countdown. The clock runs 60 times too fast (faketime), so the minute
# passes in about a second; it runs out and is logged as a whole minute
# (60 seconds). A session stopped early asks whether it counts (under a
# minute, only a yes logs it, with the seconds it ran), the ratings
# skipped with one key each. tui/timer_early stops it at the real speed.
. "$(dirname "$0")/lib_tui.bash"
PACK="$TUI_PACKS/tui.yaml"

at "+0 x60"
bp_tui "${AT[@]}"
onboard_all_no 2
keys p
wait_for "1. The quick approach"
keys Enter
wait_for "s start this approach"
keys s
wait_for 'Start "The quick approach" today? y yes, n no'
keys y
wait_for 'Started "The quick approach" today, day 1.'
wait_for "Running since"
[ "$(sqlite3 "$DB" "select approach || ' ' || (ended_on is null) from trial")" = "quick 1" ] ||
	fail "the trial is not in the log"

# p: the approach has one practice, so the timer opens on it.
keys p
wait_for "The minute routine"
wait_for "before you start"
keys 5
wait_for "[ 5]"
keys Enter
wait_for "left of 1 min"
wait_for "Breathe out slowly."
keys Space
wait_for "PAUSED"
left=$(screen | grep -o '[0-9][0-9]:[0-9][0-9] left')
sleep 0.5 # 30 seconds at 60 times the speed
[ "$(screen | grep -o '[0-9][0-9]:[0-9][0-9] left')" = "$left" ] ||
	fail "the countdown ran while paused"
keys Space
wait_gone "PAUSED"
wait_for "after the practice" 20
wait_for "Enter: log 1 min"
keys 2 Enter
wait_for 'Logged 1 min of "The minute routine", pain before 5, after 2.'
[ "$(sqlite3 "$DB" "select practice, approach, minutes, seconds, pain_before, pain_after from session")" = "minute|quick|1|60|5|2" ] ||
	fail "session not logged: $(sqlite3 "$DB" 'select * from session')"

# Back to Today: the practice counts 1 of 2 for today.
keys Enter
wait_for "x stop this approach"
keys q q
wait_for "The minute routine  1/2"

# t: practise now; stop at once and count it; skip both ratings with s.
keys t
wait_for "Which practice?"
keys Enter
wait_for "before you start"
# Paused at once (one send), so the fast clock cannot run it out.
keys s Space
wait_for "PAUSED"
keys q
wait_for "Count it as done?"
keys y
wait_for "after the practice"
keys s
wait_for 'pain before not rated, after not rated.'
[ "$(sqlite3 "$DB" "select minutes, seconds < 60, coalesce(pain_before, '-'), coalesce(pain_after, '-') from session where id = 2")" = "1|1|-|-" ] ||
	fail "early stop not logged: $(sqlite3 "$DB" 'select * from session')"
keys Enter
wait_for "The minute routine  2/2"
keys q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
