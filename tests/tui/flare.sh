#!/usr/bin/env bash
# tui/flare (issue 12): f on Today asks (pain now 0-10, Enter without one,
# Esc records nothing), then records that a flare-up began today and
# goes straight to the pack's flare-up tool (the built-in pack's mat) in the
# timer, with the pain rated before and after; Today then shows the
# flare-up and lists the tool; F ends it. sqlite3 reads the rows back.
# Today names the running mat trial, a wildcard.
. "$(dirname "$0")/lib_tui.bash"
NOW='2026-03-31 12:00:00'
at "@$NOW"

# The mat runs as a trial (a wildcard): Today names it (issue 12: it said
# "none running").
# No approach starts before the safety questions are answered (issue 11).
answers=$("${AT[@]}" "$BACKPAIN" --db "$DB" safety |
	sed -n 's/^  \([a-z0-9-]*\) (.*/--answer \1=no/p')
[ -n "$answers" ] || fail "no safety questions listed"
# shellcheck disable=SC2086
"${AT[@]}" "$BACKPAIN" --db "$DB" safety $answers >/dev/null ||
	fail "safety answers"
"${AT[@]}" "$BACKPAIN" --db "$DB" start acupressure-mat >/dev/null ||
	fail "start the mat"
bp_tui "${AT[@]}"
onboard_all_no
wait_for "Approach: An acupressure mat for flare-ups (any time), day 1 of 2"
# f asks first; Esc records nothing.
keys f
wait_for "Record a flare-up starting today? Pain now: -"
wait_for "pain now 0-10, Enter to skip the rating, Esc to cancel"
[ "$(sqlite3 "$DB" "select count(*) from flare")" = 0 ] ||
	fail "f recorded a flare-up before the answer"
keys Escape
wait_for "No flare-up recorded."
wait_gone "Record a flare-up starting today?"
[ "$(sqlite3 "$DB" "select count(*) from flare")" = 0 ] ||
	fail "Esc recorded a flare-up"
# f, a pain of 7 and Enter: the flare-up with that pain.
keys f
wait_for "Record a flare-up starting today?"
keys 7
wait_for "Pain now: 7"
keys Enter
wait_for "Lie on the mat"
wait_for "before you start"
wait_for "Flare-up recorded from today."
[ "$(sqlite3 "$DB" "select began_on, ifnull(ended_on, '-'), ifnull(pain, '-') from flare")" = \
	"2026-03-31|-|7" ] || fail "no flare in the log: $(sqlite3 "$DB" 'select * from flare')"
# The flare-up's pain is the pain before, offered: Enter takes it (it
# was asked a second time with nothing filled in).
keys Enter
wait_for "left of 15 min"
keys q
# Stopped under a minute, it counts only when said so (the timer asks).
wait_for "Count it as done?"
keys y
wait_for "after the practice"
keys 5 Enter
wait_for 'pain before 7, after 5.'
[ "$(sqlite3 "$DB" "select practice, approach, pain_before, pain_after from session")" = \
	"mat-session|acupressure-mat|7|5" ] ||
	fail "session not logged: $(sqlite3 "$DB" 'select * from session')"
keys Enter
wait_for "Flare-up since 2026-03-31 (f: a flare-up tool, F: it is over)"
wait_for "Lie on the mat  1/2  (flare-up tool)"
# f again: no second flare, the tool again.
keys f
wait_for "before you start"
wait_for "The flare-up runs since 2026-03-31"
keys Escape
wait_for "Today's check-in:"
[ "$(sqlite3 "$DB" "select count(*) from flare")" = 1 ] || fail "a second flare"
keys F
wait_for "The flare-up was over today."
wait_gone "Flare-up since"
[ "$(sqlite3 "$DB" "select began_on, ended_on, ended_by from flare")" = \
	"2026-03-31|2026-03-31|person" ] || fail "not over: $(sqlite3 "$DB" 'select * from flare')"
keys q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
