#!/usr/bin/env bash
# tui/paused_faces (issue 18): a running trial whose days do not count
# says so on every screen that shows it, and why, as `status` does. In its
# pause week (backpain pause) Today, the Plan and the Approach screen say
# "paused by you since D", and History marks the pause's days p under the
# trial's band, not as trial days; under a safety hold they say "paused
# while a safety question holds (since D)" and History marks those days h.
# Before this, the pause week was shown as a plain running trial, and
# History drew the trial's band straight across both. Every command runs
# on its own day under faketime, as a person would. When the pause week
# has had its days, Today's next step is to take it up again, and the
# Approach screen's u does it.
. "$(dirname "$0")/lib_tui.bash"
# The built-in pack, for the screen (PACK unset) and the commands:
# targeted stretching is an approach whose pause week is offered.
CLI_PACK=$TOP/content/guide.yaml
TITLE="Targeted stretching"

# day N: the day N days after the trial's start, 2026-11-10 (day 0).
day() { date -d "2026-11-10 $1 days" +%F; }
on() { # N ARGS...: the plain binary on day N, failing unless it exits 0
	local n=$1
	shift
	CLI_NOW="$(day "$n") 12:00:00" plain bp "$@" >/dev/null 2>"$T/err" ||
		{ cat "$T/err" >&2; fail "backpain $* on day $n failed"; }
}

# Every safety question answered no, the first run done, 14 days at pain
# 5 and 6 before; the stretching from day 0, pain falling to 2 by day 3,
# a rating each day.
answers=()
for f in $(plain bp pack list --flags | awk '{ print $2 }'); do
	answers+=(--answer "$f=no")
done
on -15 safety "${answers[@]}"
sqlite3 "$DB" "insert into profile (key, value) values ('onboarded', '$(day -15)')" ||
	fail "cannot mark onboarding done"
for i in $(seq -14 -1); do on "$i" checkin $((5 + (i + 20) % 2)); done
on 0 start targeted-stretching
for i in $(seq 0 13); do on "$i" checkin $((i < 3 ? 5 - i : 2)); done
# Day 14: paused by the person for its pause week; days 14 .. 16 do not
# count, so day 16 is still its day 14.
on 14 pause targeted-stretching
for i in 14 15 16; do on "$i" checkin 2; done

# screens N: Today, the Plan and the Approach screen on day N; each must
# say WHY (a fixed string) about the trial.
screens() {
	local n=$1 why=$2
	at "@$(day "$n") 12:00:00"
	bp_tui -s 80x24 "${AT[@]}"
	wait_for "Today's check-in"
	wait_words "$TITLE: $why"
	keys p
	wait_for "The approaches, in the order"
	wait_words "$why"
	screen >/dev/null
	grep -q "trying since" "$T/screen" &&
		{ cat "$T/screen" >&2; fail "the Plan shows a paused trial as trying"; }
	# The Plan opens on the current approach, the stretching.
	keys Enter
	wait_words "Running since $(day 0): $why"
	keys q q q
	[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
	tmux_ kill-server
}

# history N: History on day N; prints the band row of trial 1.
history() {
	at "@$(day "$1") 12:00:00"
	bp_tui -s 80x24 "${AT[@]}"
	wait_for "Today's check-in"
	keys v
	wait_for "Daily pain,"
	settled "$T/history"
	keys q q
	[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
	tmux_ kill-server
	grep '^  1 ' "$T/history" | head -n 1
}

# 1. Its pause week, on day 16.
screens 16 "paused by you since $(day 14)"
band=$(history 16)
case $band in
*━p*) ;;
*) cat "$T/history" >&2; fail "History draws no p for the pause week: '$band'" ;;
esac
case $band in
*p━*) cat "$T/history" >&2; fail "a trial day drawn after the pause week that has not ended: '$band'" ;;
esac
expect_grep "p: paused by you, not trial days" "$T/history"
# Starting another approach in the pause week warns first: it would mix
# with the pause, which could then tell nothing.
at "@$(day 16) 12:00:00"
bp_tui -s 80x24 "${AT[@]}"
wait_for "Today's check-in"
keys p
wait_for "The approaches, in the order"
keys g Enter
wait_for "s start this approach"
keys s
wait_words "\"$TITLE\" is in its pause week or the days back after it: a new approach now mixes with it"
keys n
keys q q q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
tmux_ kill-server
[ "$(sqlite3 "$DB" "select count(*) from trial")" = 1 ] || fail "n started it"

cp "$DB" "$T/week.db"

# 2. Back on it on day 17; a yes that holds on day 18: paused again, now on
# hold, on day 19 (day 18 and 19 do not count either).
on 17 resume targeted-stretching
on 17 checkin 2
on 18 safety --answer saddle-numbness=yes
for i in 18 19; do on "$i" checkin 2; done
screens 19 "paused while a safety question holds (since $(day 18))"
band=$(history 19)
case $band in
*━p*━*━h*) ;;
*) cat "$T/history" >&2; fail "History does not mark the pause (p) and then the hold (h): '$band'" ;;
esac
case $band in
*h━*) cat "$T/history" >&2; fail "a trial day drawn after the hold, which still stands: '$band'" ;;
esac
expect_grep "h: on hold for safety, not trial days" "$T/history"

# 3. The pause week left to run its 7 days (14 .. 20): on day 21 Today's
#    next step is to take it up again (it said "nothing more today"), and
#    the Approach screen's u does it.
DB=$T/week.db
for i in 17 18 19 20 21; do on "$i" checkin 2; done
at "@$(day 21) 12:00:00"
bp_tui -s 80x24 "${AT[@]}"
wait_for "Today's check-in"
wait_words "Next: the pause week of \"$TITLE\" is over; take it up again (on the Review, r)" 1 72
keys p
wait_for "The approaches, in the order"
keys Enter
wait_words "Days paused do not count; u takes it up again."
keys u
wait_words "Saved: \"$TITLE\" is taken up again today."
# Back on it, past its 14 days: Today says its review waits for the days
# back (it said "time to review" at once, and the Review "day 15 of 14").
wait_words "Running since $(day 0): day 15, 1 past its 14 days: the review waits for the days back after its pause."
keys q
wait_words "trying since $(day 0), day 15, 1 past its 14 days: the review waits"
keys q
wait_words "$TITLE, day 15, 1 past its 14 days: the review waits for the days back after its pause"
keys r
wait_for "running, day 15, 1 past its 14 days"
wait_words "Running since $(day 0): day 15, 1 past its 14 days: the review waits for the days back after its pause"
keys q q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
tmux_ kill-server
[ "$(sqlite3 "$DB" "select paused_on || ' ' || resumed_on from trial_pause")" = "$(day 14) $(day 21)" ] ||
	fail "u did not take it up again: $(sqlite3 "$DB" 'select * from trial_pause')"
# status says the same (it said "time to review").
CLI_NOW="$(day 21) 12:00:00" bp status >"$T/status" || fail "status"
grep -q "day 15, 1 past its 14 days: the review waits for the days back after its pause" \
	"$T/status" || { cat "$T/status" >&2; fail "status past its length while back"; }
no_sanitizer_reports
exit 0
