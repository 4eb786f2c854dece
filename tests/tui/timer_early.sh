#!/usr/bin/env bash
# tui/timer_early (issue 18): a practice timer stopped after a few seconds
# (the clock at its real speed) asks whether the session counts as done.
# Under a minute it counts only when the person says yes: "n" logs
# nothing, so nothing is ticked done and no "pain right after" comes of
# it; "y" logs the seconds it ran (its minutes the whole ones, at least 1)
# with the ratings given.
. "$(dirname "$0")/lib_tui.bash"
PACK="$TUI_PACKS/tui.yaml"

sessions() {
	sqlite3 "$DB" "select practice, minutes, seconds, pain_before,
		pain_after from session"
}

bp_tui
onboard_all_no 2
keys p
wait_for "1. The quick approach"
keys Enter
wait_for "s start this approach"
keys s
wait_for 'Start "The quick approach" today? y yes, n no'
keys y
wait_for "Running since"

# Stopped after about 3 seconds, and not counted: nothing is logged.
keys p
wait_for "before you start"
keys 5 Enter
wait_for "left of 1 min"
sleep 3
keys q
wait_for "Count it as done?"
wait_for "Under a minute, it is logged only if you say so"
# Enter is no answer under a minute.
keys Enter
sleep 0.3
wait_for "Count it as done?"
keys n
wait_for "Not counted as done: the session was not logged."
[ -z "$(sessions)" ] || fail "a session not counted was logged: $(sessions)"

# Stopped after about 2 seconds and counted: its seconds are logged.
keys p
wait_for "before you start"
keys 6 Enter
wait_for "left of 1 min"
sleep 2
keys q
wait_for "Count it as done?"
keys y
wait_for "after the practice"
wait_for "Enter: log "
screen | grep -q "Enter: log [0-9]\{1,2\} s " ||
	fail "the time to log is not in seconds: $(grep 'Enter: log' "$T/screen")"
keys 4 Enter
wait_for 'of "The minute routine", pain before 6, after 4.'
grep -q 'Logged [0-9]\{1,2\} s of "The minute routine"' "$T/screen" ||
	fail "not logged in seconds: $(grep Logged "$T/screen")"
row=$(sessions)
case $row in
minute\|1\|[1-9]\|6\|4 | minute\|1\|[1-5][0-9]\|6\|4) ;;
*) fail "the session is not its seconds: $row" ;;
esac
keys Enter
wait_for "x stop this approach"
keys q q
wait_for "The minute routine  1/2"
keys q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
