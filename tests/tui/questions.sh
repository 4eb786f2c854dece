#!/usr/bin/env bash
# tui/questions: while an approach runs, the check-in lists its practices
# (Space ticks one) and its questions; the answer named by warn_if shows
# the pack's warning at once, and Today shows it after saving. The answer
# and the practice mark are in the log; a tick saved can be taken back, a
# session logged with its time cannot. The approach is started with the
# command line, as a user may mix both.
. "$(dirname "$0")/lib_tui.bash"
PACK="$TUI_PACKS/tui.yaml"

# The safety questions answered, as the first run would (issue 11).
"$BACKPAIN" --db "$DB" --pack "$PACK" safety --answer test-emergency=no \
	--answer test-soon=no >/dev/null || fail "safety failed"
"$BACKPAIN" --db "$DB" --pack "$PACK" start quick >/dev/null ||
	fail "start failed"
bp_tui
onboard_all_no 2
wait_for "Approach: The quick approach, day 1 of 14"
wait_for "[ ] The minute routine  0/2"
keys c
wait_for "Check-in for"
keys 3
wait_for "[ 3]"
# pain, interference, the practice, the question.
keys Down Down
wait_for "Practices done that day"
keys Space
wait_for "[x] The minute routine"
keys Down
wait_for "Did the test feeling spread?"
keys Right
wait_for "[no]"
keys Right Right
wait_for "[a lot]"
wait_for "Test warning, stop the routine."
keys Left
wait_gone "Test warning, stop the routine."
keys l
wait_for "Test warning, stop the routine."
keys Enter
wait_for "Saved the check-in for"
wait_for "Test warning, stop the routine."
wait_for "[ ] The minute routine  1/2"

[ "$(sqlite3 "$DB" "select question_id || '=' || value from answer")" = "spread=a lot" ] ||
	fail "answer not saved: $(sqlite3 "$DB" 'select * from answer')"
[ "$(sqlite3 "$DB" "select practice || ' ' || coalesce(minutes, '-') from session")" = "minute -" ] ||
	fail "practice mark not saved: $(sqlite3 "$DB" 'select * from session')"

# Open again: the earlier answers are there, and the tick can be taken
# back (a mistaken tick once stayed for ever, counted in the adherence).
keys c
wait_for "[a lot]"
wait_for "[x] The minute routine  (logged)"
keys Down Down
keys Space
wait_for "[ ] The minute routine  (logged; saving takes it back)"
keys Enter
wait_for "Today's check-in: pain 3"
[ -z "$(sqlite3 "$DB" "select * from session")" ] ||
	fail "the tick taken back is still logged: $(sqlite3 "$DB" 'select * from session')"
# A session the timer or `practice` logged, with its time, stays: Space
# says why.
"$BACKPAIN" --db "$DB" --pack "$PACK" practice minute --minutes 1 >/dev/null ||
	fail "practice failed"
keys c
wait_for "[x] The minute routine  (logged)"
keys Down Down
keys Space
wait_for "Logged with its time or pain"
wait_for "[x] The minute routine  (logged)"
keys Escape
wait_for "Today's check-in: pain 3"
keys q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
[ "$(sqlite3 "$DB" "select practice || ' ' || minutes from session")" = "minute 1" ] ||
	fail "the timed session did not stay: $(sqlite3 "$DB" 'select * from session')"
