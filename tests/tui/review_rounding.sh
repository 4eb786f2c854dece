#!/usr/bin/env bash
# tui/review_rounding: the review's change is cut to a tenth (it never reads
# as reaching a threshold it missed) while the means beside it are rounded;
# where the two rounded means differ by another tenth than the change
# shows, the change says its exact value. Ratings entered each on its day.
. "$(dirname "$0")/lib_tui.bash"
PACK=$CLI_PACK

day() { date -d "2026-11-10 $1 days" +%F; }
on() { # N ARGS...: bp on day N, failing unless it exits 0
	local n=$1
	shift
	plain bp_on "$(day "$n")" "$@" >/dev/null ||
		fail "backpain $* on day $n failed"
}

# 14 days before: 8 at 6 and 6 at 5, a mean of 78/14 = 5.571 (5.6). Beta
# from day 0; its judged days 7 .. 13 at 4 4 4 4 4 3 3, 26/7 = 3.714 (3.7).
# The change is 1.857, cut to 1.8; the rounded means differ by 1.9.
on -15 safety --answer numb=no
sqlite3 "$DB" "insert into profile (key, value) values ('onboarded', '$(day -15)')" ||
	fail "cannot write the first run"
i=-14
for p in 6 6 6 6 6 6 6 6 5 5 5 5 5 5; do on "$i" checkin "$p"; i=$((i + 1)); done
on 0 start beta
for p in 5 5 5 5 5 5 5 4 4 4 4 4 3 3; do on "$i" checkin "$p"; i=$((i + 1)); done
at "@$(day 13) 12:00:00"
bp_tui "${AT[@]}"
wait_for "Today's check-in"
keys r
wait_words "Pain before: 5.6"
# 5.6 and 3.7 beside it: the change names its exact value (it read 1.8
# alone, and 5.6 - 3.7 is 1.9).
wait_words "Change: 1.8 points lower (exactly 1.85, cut to a tenth, not rounded up)"
keys q q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
no_sanitizer_reports
exit 0
