#!/usr/bin/env bash
# tui/checkin: a check-in made in the TUI (pain picked with a digit,
# interference with the arrows, a UTF-8 note edited with the cursor keys
# and Backspace) is saved and shows in `backpain history`; [ moves to
# yesterday, where the questions say "that day", ] never past today. Runs with NO_COLOR=1: no colour at all.
. "$(dirname "$0")/lib_tui.bash"

bp_tui NO_COLOR=1
onboard_all_no
no_colours
keys c
wait_for "Check-in for "
wait_for "(today)"
wait_for "No pain"
keys 7
wait_for "[ 7]"
# Down to interference; Right from nothing gives 0, twice more gives 2.
keys Down Right Right Right
wait_for "[ 2]"
keys Down
wait_for "typing a note"
# "Rücken müde" then an X removed with Backspace, then "sehr " put in
# front of "müde" with the cursor keys: "Rücken sehr müde".
type_text "Rücken müdeX"
keys BSpace
keys Left Left Left Left
type_text "sehr "
wait_for "Rücken sehr müde"
# While typing, ! is text; F2 still opens Safety, and the note is kept.
keys End
type_text "!"
wait_for "Rücken sehr müde!"
keys F2
wait_for "Get urgent care now if"
keys q
wait_for "Rücken sehr müde!"
keys BSpace
wait_gone "müde!"
no_colours
keys Enter
wait_for "Saved the check-in for"
wait_for "Today's check-in: pain 7, interference 2"

"$BACKPAIN" --db "$DB" history >"$T/history" || fail "history failed"
expect_grep "pain\|Pain" "$T/history"
expect_grep " 7 .*Rücken sehr müde" "$T/history"

# Yesterday: [ then pain 3; ] twice stops at today.
keys c
wait_for "(today)"
keys '['
wait_gone "(today)"
# Questions about an earlier day say "that day" with its date (issue 11).
screen >/dev/null
yday=$(sed -n 's/.*Check-in for \([0-9-]*\).*/\1/p' "$T/screen" | head -n 1)
wait_for "how bad was your back pain that day ($yday)?"
wait_for "That day ($yday), how much did pain get in the way"
screen >/dev/null
grep -q "pain today?" "$T/screen" && fail "an earlier day's check-in asks about today"
keys 3 Enter
wait_for "Saved the check-in for"
keys c
wait_for "(today)"
wait_for "[ 7]"
keys ']'
wait_for "That day has not come yet."
keys Escape
wait_for "Next:"
"$BACKPAIN" --db "$DB" history >"$T/history" || fail "history failed"
[ "$(grep -cE '^[0-9]{4}-[0-9]{2}-[0-9]{2} ' "$T/history")" = 2 ] ||
	{ cat "$T/history" >&2; fail "history should have two days"; }
expect_grep " 3 " "$T/history"
keys q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
