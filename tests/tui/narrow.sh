#!/usr/bin/env bash
# tui/narrow: at the smallest size, 60x18, nothing is cut: Today's Next
# entry and a practice's line wrap at a word (the key column and the "0/1"
# count stay whole), the timer's rating hint moves below its question, a
# long message takes two rows; on the Safety screen the `c` prompt shows
# its choices first. tui/wrap checks the rest of the screens.
. "$(dirname "$0")/lib_tui.bash"
DB=$T/log.db
BI=(faketime '2026-11-24 12:00:00' "$BACKPAIN" --db "$DB")

at '@2026-11-24 12:00:00'
bp_tui -s 60x18 "${AT[@]}"
onboard_all_no
keys q
[ "$(wait_exit)" = 0 ] || fail "q did not exit 0"
"${BI[@]}" start movement-rewiring >/dev/null || fail "start"
"${BI[@]}" checkin 4 >/dev/null || fail "checkin"
# The short reads these bring put off (tui/learn shows them), so that
# Today's practices are where this test looks.
"${BI[@]}" learn --dismiss hurt-and-harm >/dev/null || fail "dismiss"
"${BI[@]}" learn --dismiss nice-guideline >/dev/null || fail "dismiss"

at '@2026-11-24 12:00:00'
bp_tui -s 60x18 "${AT[@]}"
wait_for 'Next: practise "An Awareness'
settled "$T/today"
grep -q 'Next: practise "An Awareness Through Movement  *Enter' "$T/today" ||
	{ cat "$T/today" >&2; fail "the Next entry does not wrap at a word"; }
wait_words 'Next: practise "An Awareness Through Movement lesson" (30 min)' 1 52
wait_words '[ ] An Alexander Technique lesson or course session, or home practice 0/1'
grep -q 'lessEnter\|[a-z]Enter' "$T/today" && fail "a label runs into its key"
grep -qF '…' "$T/today" && fail "a line is cut"

keys t
wait_for "Which practice?"
keys Enter
wait_for "before you start"
settled "$T/timer"
grep -q '^ *(optional: s skips) *$' "$T/timer" ||
	{ cat "$T/timer" >&2; fail "the timer's hint is cut"; }
keys Escape
wait_for 'Next: practise'
# A message too long for the line wraps to a second.
keys f
wait_for "Record a flare-up starting today?"
keys Enter
wait_for "Flare-up recorded from today."
wait_words "Flare-up recorded from today. Rate your pain, then the timer runs; F on Today when it is over."
keys Escape
wait_for 'Flare-up since'

# The Safety screen's `c` prompt, at 100 columns, with a yes to check.
keys q
[ "$(wait_exit)" = 0 ] || fail "q did not exit 0"
# An hour after the first run's answers (whose clock ran on from 12:00):
# the latest answer is the one given last in time.
faketime '2026-11-24 13:00:00' "$BACKPAIN" --db "$DB" \
	safety --answer night-pain=yes >/dev/null || fail "answer yes"
at '@2026-11-24 12:00:00'
bp_tui -s 100x30 "${AT[@]}"
wait_for "Today"
keys '!'
wait_for "You answered no on"
keys c
wait_for 'A doctor has checked this: "'
keys n
keys q q q
no_sanitizer_reports
exit 0
