#!/usr/bin/env bash
# hold (issue 18): a safety hold pauses the running trials. A yes to a flag
# that holds, after five days of a 7-day trial, stops its count: status says
# it is paused and since when, and "day 5 of 7" stays while the hold
# stands; the doctor's check (`safety --checked`) four days later lifts it
# and the count goes on, so the review is due four days later than it would
# have been. The review's and the report's days and check-ins leave out the
# days on hold. While the hold stands no practice is on the to-do list and
# `practice` is refused (77, nothing written) unless --anyway says it was
# done all the same. Every command runs on its own day under faketime, as a
# person would.
. "$(dirname "$0")/../lib.sh"
E="$(dirname "$0")/expected"
DB=$T/log.db

at() { CLI_NOW="$1 12:00:00"; }
# day N: the day N days after the trial's start, 2026-11-10 (day 0).
day() { date -d "2026-11-10 $1 days" +%F; }

# Two weeks of daily check-ins before the start, the safety question
# answered no and the first run done, as onboarding would leave it.
at 2026-10-27
bp safety --answer numb=no >/dev/null || fail "safety answers"
sqlite3 "$DB" "insert into profile (key, value) values ('onboarded', '2026-10-27')" ||
	fail "cannot mark onboarding done"
for i in $(seq -14 -1); do
	at "$(day "$i")"
	bp checkin $((4 + (i % 3 + 3) % 3)) >/dev/null || fail "seed $i"
done

at "$(day 0)"
step start alpha
for i in 0 1 2 3 4; do
	at "$(day "$i")"
	bp checkin 4 --did alpha-walk >/dev/null || fail "checkin $i"
done
step status # day 5 of 7

# Day 5: a yes to the question that holds. The trial is paused from today.
at "$(day 5)"
step safety --answer numb=yes
bp checkin 5 >/dev/null || fail "checkin on hold"
step status
refuse 77 practice alpha-walk
# A session of a day before the hold is a diary entry: logged.
step practice alpha-walk --date "$(day 4)" --minutes 5
step practice alpha-walk --anyway
grep -q '^stderr: backpain: practice: on hold for safety: you answered yes on 2026-11-15 to "Any numbness?" Get help now\. ' \
	"$T/transcript" || fail "practice did not say what holds"

for i in 6 7 8; do
	at "$(day "$i")"
	bp checkin 5 >/dev/null || fail "checkin $i"
done
step status # still day 5 of 7, paused since day 5
step review --format csv
bp report >"$T/report.paused" || fail "report on hold"
bp review >"$T/review.paused" || fail "review on hold"

# Day 9: a doctor has checked it. The trial resumes: day 6 of 7.
at "$(day 9)"
step safety --checked numb
bp checkin 4 --did alpha-walk >/dev/null || fail "checkin 9"
step status
at "$(day 10)"
bp checkin 4 --did alpha-walk >/dev/null || fail "checkin 10"
step status # day 7 of 7: its review is due, four days later
step review --format csv
expect_same "$E/hold.txt" "$T/transcript"

# The facts, one by one, so that a change of wording elsewhere does not
# hide them: the count stays at 5 while on hold and goes on after it.
grep -c '^  > alpha  day 5 of 7, since 2026-11-10$' "$T/transcript" >"$T/n"
[ "$(cat "$T/n")" = 3 ] || fail "day 5 of 7 not shown three times"
expect_grep '^           paused while a safety question holds (since 2026-11-15)$' "$T/transcript"
expect_grep '^  > alpha  day 6 of 7, since 2026-11-10, 4 days on hold not counted$' "$T/transcript"
expect_grep '^  > alpha  day 7 of 7, since 2026-11-10, review due, 4 days on hold not counted$' "$T/transcript"
expect_grep '^Practice   none today: they wait while a safety question holds$' "$T/transcript"
# The review: 7 trial days with 7 check-ins, not 11 and 11.
expect_grep '^alpha,2026-11-10,,7,7,' "$T/transcript"
# Nothing was logged by the refused practice: the session of day 4 and the
# one done all the same.
sqlite3 "$DB" "select day, minutes from session where minutes is not null
	order by id" >"$T/rows"
printf '%s\n' '2026-11-14|5' '2026-11-15|10' >"$T/want"
expect_same "$T/want" "$T/rows"

# The report counts the same days and says which were left out.
tr -s ' \n' '  ' <"$T/report.paused" >"$T/flat"
expect_grep '2026-11-10 to today (2026-11-18), 5 days so far (not counting 4 days on hold for safety), running, paused since 2026-11-15' "$T/flat"
bp report >"$T/report" || fail report
tr -s ' \n' '  ' <"$T/report" >"$T/flat"
expect_grep '2026-11-10 to today (2026-11-20), 7 days so far (not counting 4 days on hold for safety), running' "$T/flat"
bp report --format html -o "$T/report.html" >/dev/null || fail "html report"
expect_grep '4 days on hold for safety not counted' "$T/report.html"
# So does the review's table.
tr -s ' \n' '  ' <"$T/review.paused" >"$T/flat"
expect_grep '2026-11-10 to today (2026-11-18), 5 days so far (not counting 4 days on hold for safety), running. Paused while a safety question holds (since 2026-11-15).' "$T/flat"
