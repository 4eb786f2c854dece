#!/usr/bin/env bash
# tui/hold (issue 18): an emergency yes on day 6 of a running trial pauses
# it. Today says the trial is paused by the hold and since when, its count
# stays at day 5, and no practice is on the list; the Plan and the Approach
# screen say the same. The timer under the hold says what holds it, in the
# flag's words and advice, and does not start without asking: n goes back
# with nothing logged, y goes on to the pain before. With the built-in
# pack and a "see a doctor soon" yes, a flare-up is still recorded, but the
# mat waits too: the pack's advice is to hold off on its approaches. Each
# command of the log runs on its own day under faketime, as a person would.
. "$(dirname "$0")/lib_tui.bash"
PACK="$TUI_PACKS/tui.yaml"
CLI_PACK=$PACK

# day N: the day N days after the trial's start, 2026-11-15 (day 0).
day() { date -d "2026-11-15 $1 days" +%F; }
on() { CLI_NOW="$(day "$1") 12:00:00"; }

on -14
bp safety --answer test-emergency=no --answer test-soon=no >/dev/null ||
	fail "safety answers"
sqlite3 "$DB" "insert into profile (key, value) values ('onboarded', '$(day -14)')" ||
	fail "cannot mark onboarding done"
for i in $(seq -14 -1); do
	on "$i"
	bp checkin 5 >/dev/null || fail "seed $i"
done
on 0
bp start quick >/dev/null 2>&1 || fail "start"
for i in 0 1 2 3 4; do
	on "$i"
	bp checkin 4 --did minute >/dev/null || fail "checkin $i"
done
on 5
bp safety --answer test-emergency=yes >/dev/null || fail "the yes"
sessions=$(sqlite3 "$DB" "select count(*) from session")

# Two days into the hold.
at "@$(day 7) 12:00:00"
bp_tui "${AT[@]}"
wait_for "On hold: you answered yes on $(day 5)"
wait_words "The quick approach: paused while a safety question holds (since $(day 5)), day 5 of 14"
wait_for "Practices wait while a safety question holds."
screen >/dev/null
grep -q "The minute routine  0/2" "$T/screen" &&
	fail "Today lists a practice to do while on hold"
grep -q "Next: practise" "$T/screen" && fail "Today offers a practice on hold"

# The Plan and the Approach screen: the same count, paused.
keys p
wait_words "paused while a safety question holds (since $(day 5)), day 5 of 14"
keys Enter
wait_words "Running since $(day 0): paused while a safety question holds (since $(day 5)), day 5 of 14."
keys q q
wait_for "Today's check-in:"

# t: the timer says what holds it and asks; n goes back, nothing logged.
keys t
wait_for "Which practice?"
keys Enter
wait_for "This practice waits: a safety question holds."
wait_words "You answered yes on $(day 5) to: Is the test alarm ringing? Test advice, go at once. Practices wait, and the trials are paused, until a doctor has checked it."
wait_for "Start it all the same? y yes, n no"
screen >/dev/null
grep -q "before you start\|left of" "$T/screen" &&
	fail "the timer went on without asking"
sleep 0.3
screen >/dev/null
grep -q "left of" "$T/screen" && fail "the timer started by itself"
keys n
wait_for "Not started: the practices wait while the safety question holds."
wait_for "Today's check-in:"
[ "$(sqlite3 "$DB" "select count(*) from session")" = "$sessions" ] ||
	fail "a session was logged though the timer did not start"

# y: the person's choice; the timer goes on to the pain before it.
keys t
wait_for "Which practice?"
keys Enter
wait_for "Start it all the same? y yes, n no"
keys y
wait_for "before you start"
keys Escape
keys q q q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
no_sanitizer_reports
tmux_ kill-server

# The built-in pack: a yes to fever holds every approach back, the mat
# (a flare-up tool) too. f records the flare-up and the timer asks first.
DB=$T/guide.db
PACK=$TOP/content/guide.yaml
CLI_PACK=$PACK
on -1
flags=$(bp pack list --flags | awk '{ printf " --answer %s=no", $2 }')
# shellcheck disable=SC2086
bp safety $flags >/dev/null || fail "safety answers"
sqlite3 "$DB" "insert into profile (key, value) values ('onboarded', '$(day -1)')" ||
	fail "cannot mark onboarding done"
on 0
bp safety --answer fever=yes >/dev/null || fail "the yes"
at "@$(day 0) 12:00:00"
bp_tui "${AT[@]}"
wait_for "On hold: you answered yes on $(day 0)"
keys f
wait_for "Record a flare-up starting today?"
keys 7 Enter
wait_for "This practice waits: a safety question holds."
wait_words "Hold off on the approaches here until you have been checked."
wait_words "A safety question holds: the flare-up tool waits too."
keys n
wait_for "Flare-up since $(day 0)"
[ "$(sqlite3 "$DB" "select count(*) from flare")" = 1 ] ||
	fail "the flare-up was not recorded"
[ "$(sqlite3 "$DB" "select count(*) from session")" = 0 ] ||
	fail "a session was logged though the timer did not start"
keys q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
no_sanitizer_reports
