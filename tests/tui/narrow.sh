#!/usr/bin/env bash
# tui/narrow: at the smallest size, 60x18, no line is cut in the middle of
# a word: Today's Next entry and a practice's line give way at a word with
# "…" (the key column and the "0/1" count stay whole), the timer's rating
# hint moves below its question; on the Safety screen the `c` prompt
# shows its choices first.
. "$(dirname "$0")/lib_tui.bash"
DB=$T/log.db
BI=(faketime '2026-11-24 12:00:00' "$BACKPAIN" --db "$DB")

bp_tui -s 60x18 faketime '2026-11-24 12:00:00'
onboard_all_no
keys q
[ "$(wait_exit)" = 0 ] || fail "q did not exit 0"
"${BI[@]}" start movement-rewiring >/dev/null || fail "start"
"${BI[@]}" checkin 4 >/dev/null || fail "checkin"

bp_tui -s 60x18 faketime '2026-11-24 12:00:00'
wait_for 'Next: practise "An Awareness'
settled "$T/today"
grep -q 'Next: practise "An Awareness Through Movement…  *Enter' "$T/today" ||
	{ cat "$T/today" >&2; fail "the Next entry is not cut at a word"; }
grep -q '\[ \] An Alexander Technique lesson or course…  0/1' "$T/today" ||
	{ cat "$T/today" >&2; fail "the practice line is not cut at a word"; }
grep -q 'lessEnter\|[a-z]Enter' "$T/today" && fail "a label runs into its key"

keys t
wait_for "Which practice?"
keys Enter
wait_for "before you start"
settled "$T/timer"
grep -q '^ *(optional: s skips) *$' "$T/timer" ||
	{ cat "$T/timer" >&2; fail "the timer's hint is cut"; }
keys Escape
wait_for 'Next: practise'
# A message too long for the line gives way at a word.
keys f
wait_for "Record a flare-up starting today?"
keys Enter
wait_for "Flare-up recorded from today."
settled "$T/flare"
grep -q 'Rate your pain, then the…' "$T/flare" ||
	{ cat "$T/flare" >&2; fail "the message is not cut at a word"; }
keys Escape
wait_for 'Flare-up since'

# The Safety screen's `c` prompt, at 100 columns, with a yes to check.
keys q
[ "$(wait_exit)" = 0 ] || fail "q did not exit 0"
"${BI[@]}" safety --answer night-pain=yes >/dev/null || fail "answer yes"
bp_tui -s 100x30 faketime '2026-11-24 12:00:00'
wait_for "Today"
keys '!'
wait_for "You answered no on"
keys c
wait_for ' y yes, today; o on another day; n no: a doctor has checked "'
keys n
keys q q q
no_sanitizer_reports
exit 0
