#!/usr/bin/env bash
# tui/pause (issue 21): the review screen offers a pause week for a trial
# that seems to help of an approach whose effect should fade when stopped
# (targeted stretching in the built-in pack), and not for the mind-body
# reading, whose effect is learning. Offered, never forced: p asks first,
# n saves nothing; y pauses it from today, and r then offers to take it up
# again. Each command of the log runs on its own day under faketime.
. "$(dirname "$0")/lib_tui.bash"
# The built-in pack, for the screen (PACK unset) and the commands.
CLI_PACK=$TOP/content/guide.yaml

# day N: the day N days after the trial's start, 2026-11-10 (day 0).
day() { date -d "2026-11-10 $1 days" +%F; }
on() { CLI_NOW="$(day "$1") 12:00:00"; }

# make_log DB APPROACH: every safety question answered no, onboarding
# done, 14 days at pain 6 and 5 before; APPROACH started on day 0 and pain
# falling to 2 by day 3, rated each day to day 14 (today).
make_log() {
	local i answers=()
	DB=$1
	on -15
	for f in $(plain bp pack list --flags | awk '{ print $2 }'); do
		answers+=(--answer "$f=no")
	done
	plain bp safety "${answers[@]}" >/dev/null || fail "safety answers"
	sqlite3 "$DB" "insert into profile (key, value) values ('onboarded', '$(day -15)')" ||
		fail "cannot mark onboarding done"
	for i in $(seq -14 -1); do
		on "$i"
		plain bp checkin $((5 + (i + 20) % 2)) >/dev/null || fail "seed $i"
	done
	on 0
	plain bp start "$2" >/dev/null 2>&1 || fail "start $2"
	for i in $(seq 0 14); do
		on "$i"
		plain bp checkin $((i < 3 ? 5 - i : 2)) >/dev/null ||
			fail "checkin $i"
	done
	at "@$(day 14) 12:00:00"
}

# 1. Targeted stretching helped: the review offers the pause.
make_log "$T/stretch.db" targeted-stretching
bp_tui "${AT[@]}"
wait_for "Today's check-in"
keys r
wait_for "Verdict:"
wait_for "p pause it for a week"
wait_words "Want to be sure? Stop it for a week and see whether the pain comes back"
sqlite3 "$DB" "select count(*) from trial_pause" | grep -qx 0 ||
	fail "a pause before any was asked for"
keys p
wait_for 'Pause "Targeted stretching" from today for 7 days'
keys n
wait_for "Nothing saved."
[ "$(sqlite3 "$DB" "select count(*) from trial_pause")" = 0 ] ||
	fail "n paused it"
keys p
wait_for "y pause it   n cancel"
keys y
wait_for 'Saved: "Targeted stretching" is paused from today'
[ "$(sqlite3 "$DB" "select paused_on, ifnull(resumed_on, '-') from trial_pause")" = \
	"$(day 14)|-" ] || fail "y did not pause it today"
wait_for "r take it up again"
wait_gone "p pause it for a week"
keys q

# 2. The mind-body reading with the same ratings: no offer, and p says why.
make_log "$T/reading.db" mind-body
bp_tui "${AT[@]}"
wait_for "Today's check-in"
keys r
wait_for "Verdict:"
wait_for "c keep going   m keep it as a habit and move on   s stop it"
screen >/dev/null
grep -q "p pause it for a week\|Want to be sure" "$T/screen" &&
	{ cat "$T/screen" >&2; fail "the pause was offered for mind-body"; }
keys p
wait_words "A pause week is offered for a running trial of an approach whose effect should fade when stopped"
[ "$(sqlite3 "$DB" "select count(*) from trial_pause")" = 0 ] ||
	fail "p paused the reading"
exit 0
