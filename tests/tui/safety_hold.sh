#!/usr/bin/env bash
# tui/safety_hold (issue 11): an emergency yes at the first run stays. Today
# says so first, in the flag's own words and the warning colour, and offers
# the doctor, not a start; s on an Approach is refused with the log left as
# it was; the doctor's check recorded on the Safety screen clears it, and
# the report keeps both the answer and the check. A soon yes to a flag that
# holds stops a start; one to a flag that does not (no improvement) only
# advises.
. "$(dirname "$0")/lib_tui.bash"
[ -x "${BACKPAIN_ASAN:-}" ] && BP=$BACKPAIN_ASAN

# The screen-test pack with a soon flag that does not hold.
sed '/^approaches:/e cat /dev/stdin' "$TUI_PACKS/tui.yaml" >"$T/pack.yaml" <<'YAML'
  - id: test-month
    question: Is the test month over with no change?
    urgency: soon
    holds: false
    advice: Test advice, mention it at the next visit.
YAML
PACK=$T/pack.yaml

# onboard E S M: a first run answering the three red flags (y or n).
onboard() {
	bp_tui
	wait_for "Enter: continue"
	keys Enter
	wait_for "First, a question"
	keys n
	wait_for "Safety question 1 of 3"
	keys "$1"
	if [ "$1" = y ]; then
		wait_for "Please get urgent medical care now."
		wait_for "wait until a doctor has checked this"
		keys Enter
	fi
	wait_for "Safety question 2 of 3"
	keys "$2"
	wait_for "Safety question 3 of 3"
	keys "$3"
	if [ "$2$3" != nn ]; then
		wait_for "See a doctor soon."
		keys Enter
	fi
	wait_for "Your usual pain"
	keys 6 Enter
	wait_for "The plan: one approach at a time"
	keys Enter
	wait_for "Today's check-in:"
}

# open_quick: from Today, the plan's first approach.
open_quick() {
	keys p
	wait_for "The approaches, in the order"
	keys Enter
	wait_for "s start this approach"
}

# 1. An emergency yes.
onboard y n n
wait_for "On hold: you answered yes on"
wait_for "Is the test alarm ringing?"
wait_for "Test advice, go at once."
wait_for "Next: get checked by a doctor"
screen >/dev/null
grep -q "Next: start\|before starting" "$T/screen" && fail "Today offers a start while on hold"
# First on the screen: above the check-in and the approach.
[ "$(grep -n "On hold:" "$T/screen" | cut -d: -f1)" -lt \
	"$(grep -n "Today's check-in:" "$T/screen" | cut -d: -f1)" ] ||
	{ cat "$T/screen" >&2; fail "the hold is not the first thing on Today"; }
tmux_ capture-pane -p -e -t t | grep "On hold:" | grep -q $'\e\\[[0-9;]*33m' ||
	{ tmux_ capture-pane -p -e -t t | cat -v >&2; fail "the hold is not in the warning colour"; }

open_quick
before=$(sqlite3 "$DB" .dump)
keys s
wait_for "On hold: a yes to a safety question waits for a doctor's check."
screen >/dev/null
grep -q "today? y yes" "$T/screen" && fail "s asked to start while on hold"
keys y
sleep 0.3
[ "$(sqlite3 "$DB" .dump)" = "$before" ] || fail "the refused start changed the log"

# The doctor's check, on the Safety screen.
keys '!'
wait_for "You answered yes on"
wait_for "The approaches wait until a doctor has checked it"
keys c
wait_words "A doctor has checked this: \"Is the test alarm ringing?\" y yes, today; o on another day; n no"
keys y
wait_for "Recorded: a doctor checked it today."
wait_for "a doctor checked it on"
keys q q q
wait_for "Today's check-in:"
wait_gone "On hold:"
wait_for "Next: check in for today"
open_quick
keys s
wait_for "today? y yes, n no"
keys y
wait_for "day 1."
keys q q q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
no_sanitizer_reports
tmux_ kill-server
[ "$(sqlite3 "$DB" "select count(*) from trial where approach = 'quick'")" = 1 ] ||
	fail "the start after the check is not in the log"
"$BACKPAIN" --db "$DB" --pack "$PACK" report >"$T/report" || fail "report"
tr -s ' \n' '  ' <"$T/report" >"$T/report.flat"
grep -qE 'Is the test alarm ringing\? \(answered [0-9-]{10}\); checked by a doctor on [0-9-]{10}' \
	"$T/report.flat" || { cat "$T/report" >&2; fail "the report lacks the answer and its check"; }

# 2. A soon yes to a flag that does not hold: advice, and a start is fine.
DB=$T/month.db
onboard n n y
wait_for "Next: check in for today"
screen >/dev/null
grep -q "On hold:" "$T/screen" && fail "a flag that does not hold put Today on hold"
open_quick
keys s
wait_for "today? y yes, n no"
keys y
wait_for "day 1."
keys q q q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
tmux_ kill-server

# 3. A soon yes to a flag that holds: on hold, and s is refused.
DB=$T/soon.db
onboard n y n
wait_for "On hold: you answered yes on"
wait_for "Is the test lamp blinking?"
open_quick
keys s
wait_for "On hold: a yes to a safety question"
keys q q q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
[ "$(sqlite3 "$DB" "select count(*) from trial")" = 0 ] ||
	fail "a flag that holds let a trial start"
no_sanitizer_reports
