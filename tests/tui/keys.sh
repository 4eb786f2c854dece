#!/usr/bin/env bash
# tui/keys: on every screen, ! opens Safety, d the disclaimer and ? the keys
# of that screen, and q comes back to where it was; vi keys move like the
# arrows. Safety shows the user's yes answers and can ask the questions
# again.
. "$(dirname "$0")/lib_tui.bash"
PACK="$TUI_PACKS/tui.yaml"

# round_trip MARK TITLE: from a screen showing MARK, whose help is titled
# TITLE, visit safety, disclaimer and help and come back each time.
round_trip() {
	local mark=$1 title=$2
	wait_for "$mark"
	keys '!'
	wait_for "Get urgent care now if any of these is true:"
	wait_for "See a doctor soon if any of these is true:"
	wait_for "Test text only"
	keys q
	wait_for "$mark"
	keys d
	wait_for "A short pack that the screen tests drive."
	keys q
	wait_for "$mark"
	keys '?'
	wait_for "Keys on the $title screen"
	wait_for "Keys on every screen"
	keys q
	wait_for "$mark"
}

bp_tui
round_trip "Enter: " "Getting started"
read_on
keys Enter
round_trip "First, a question" "Getting started"
keys n
wait_for "Safety question 1 of 2"
keys n
wait_for "Safety question 2 of 2"
# Left then Enter picks "Yes" (shown on the left; Right picks "No"): a
# soon flag, shown at the end.
keys Left Enter
wait_for "See a doctor soon."
wait_for "Test advice, see someone this week."
keys Enter
wait_for "Your usual pain"
round_trip "Your usual pain" "Getting started"
keys 3 Enter
wait_for "The plan: one approach"
read_on
keys Enter

round_trip "Today's check-in:" "Today"
# The menu moves with j and k; Enter opens the chosen entry (the plan).
keys j j
keys Enter
round_trip "The approaches, in the order" "Plan"
keys j k Enter
round_trip "The quick approach" "Approach"
keys q q
keys c
round_trip "Check-in for" "Check-in"
keys Escape
keys t
round_trip "Which practice?" "Practice"
keys q
keys v
round_trip "Daily pain," "History"
keys q
keys '!'
wait_for "You answered yes on"
# On Safety itself, ! keeps it; d and ? come back to it.
keys '!' d
wait_for "A short pack that the screen tests drive."
keys q
wait_for "Get urgent care now if"
keys '?'
wait_for "Keys on the Safety screen"
keys q
wait_for "Get urgent care now if"

# a: the red flags again, from Safety; no to both clears the yes.
keys a
wait_for "Safety question 1 of 2"
keys n n
wait_for "Get urgent care now if"
wait_gone "You answered yes to this."
[ "$(sqlite3 "$DB" "select count(*) from screening")" = 5 ] ||
	fail "expected 5 screening answers"
keys q
wait_for "Today's check-in:"
keys q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
