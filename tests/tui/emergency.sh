#!/usr/bin/env bash
# tui/emergency: a yes to the injury question shows the pack's advice and
# lets the user go on; a yes to an emergency red flag shows, at once and
# before any other question, a screen that says to get urgent care, in the
# urgent colour, with the flag's advice; the answer is already in the log.
. "$(dirname "$0")/lib_tui.bash"

bp_tui
read_on
keys Enter
wait_for "First, a question"
keys y
wait_for "A fresh injury needs time to heal"
wait_for "I understand, continue"
keys Enter
wait_for "Safety question 1 of 16"
wait_for "numbness around your genitals"
keys y
wait_for "Please get urgent medical care now."
wait_for "Go to an emergency department now"
screen >/dev/null
grep -q "Safety question" "$T/screen" && fail "another question shown with the urgent screen"

# The urgent line is drawn white on red (SGR 41 somewhere on it).
tmux_ capture-pane -p -e -t t | grep "urgent medical care" | grep -qF $'\e[41m' ||
	{ tmux_ capture-pane -p -e -t t | cat -v >&2; fail "urgent line not in the urgent colour"; }

[ "$(sqlite3 "$DB" "select answer from screening where flag_id = 'saddle-numbness'")" = 1 ] ||
	fail "the emergency answer is not in the log"
[ "$(sqlite3 "$DB" "select value from profile where key = 'recent_injury'")" = yes ] ||
	fail "recent_injury not yes"

# The user may go on afterwards.
keys Enter
wait_for "Safety question 2 of 16"
keys q
[ "$(wait_exit)" = 0 ] || fail "q did not exit 0"
# Onboarding was not finished: the next start begins it again.
[ -z "$(sqlite3 "$DB" "select value from profile where key = 'onboarded'")" ] ||
	fail "onboarded set although onboarding was left"
