#!/usr/bin/env bash
# faces (issue 18): one person's log, entered a day at a time under a fixed
# clock, read back through status, review (table, CSV, JSON) and report
# (text, HTML): each fact is said once by the model and every face says it
# the same way.
#  - "Read about pain and the mind" ran 2026-10-15 .. 11-02 and was kept as
#    a habit (stop --keep): "kept as a habit" in status, the review and the
#    report, never "ended as: helped".
#  - Flare-ups on 10-10 (2 days, in its baseline) and 10-30 (1 day, in its
#    judged days): named in the review's table and JSON and the report.
#  - Its interference: 5 before, 4 then 3 from day 8 on. The report's
#    figures are those of the review's windows (CSV interference_change),
#    not of its last 7 days, and the report names the days.
#  - The mat (a flare-up tool) used in 4 rated sessions, never started as a
#    trial: status says so ("used in 4 sessions"), and the review and the
#    report have its row, judged by those sessions.
#  - "A short daily workout" started 11-02, on day 3 of 7 settling in with
#    3 check-ins: the review says they are not judged, not "no check-in".
#  - The recent-injury question of the first run is counted apart from the
#    safety questions in the report.
#  - On a first day with one check-in, status's baseline count says it is of
#    the days before today.
. "$(dirname "$0")/../lib.sh"
PACK="$(cd "$(dirname "$0")/../fixtures/packs" && pwd)/review.yaml"
DB=$T/log.db
TODAY=2026-11-04

# on DAY ARGS...: backpain ARGS at noon on DAY, as the person would.
on() {
	local day=$1 bin=${BP:-${BACKPAIN_ASAN:-}}
	shift
	[ -n "$bin" ] && [ -x "$bin" ] || bin=$BACKPAIN
	faketime "$day 12:00:00" "$bin" --db "$DB" --pack "$PACK" "$@"
}
ok() { on "$@" >/dev/null || fail "backpain ${*:2} on $1 failed"; }
now() { on "$TODAY" "$@"; }
day() { date -d "2026-10-01 + $1 days" +%F; }

# The first run as the onboarding screen stores it (the log is made by a
# first review).
ok 2026-10-01 review
sqlite3 "$DB" "
	INSERT INTO profile (key, value) VALUES
	    ('usual_pain', '5'), ('onboarded', '2026-10-01');
	INSERT INTO screening (flag_id, answer, asked_at) VALUES
	    ('recent-injury', 0, '2026-10-01T09:00:00+00:00'),
	    ('numbness', 0, '2026-10-01T09:00:10+00:00'),
	    ('fever', 0, '2026-10-01T09:00:20+00:00'),
	    ('night-pain', 0, '2026-10-01T09:00:30+00:00');" ||
	fail "cannot write the first-run answers"

# 10-01 .. 10-14: pain 6 (8 in the flare-up of 10-10 and 10-11),
# interference 5.
for i in $(seq 0 13); do
	p=6
	{ [ "$i" = 9 ] || [ "$i" = 10 ]; } && p=8
	ok "$(day "$i")" checkin "$p" --interference 5
	[ "$i" = 9 ] && ok "$(day "$i")" flare --pain 8
done
ok 2026-10-15 start reading
# 10-15 .. 11-02: 7 days settling in at 5, then pain 4 (7 in the flare-up
# of 10-30), interference 4 then 3 from 10-27.
for i in $(seq 14 32); do
	d=$(day "$i") p=5 f=5
	[ "$i" -ge 21 ] && p=4 f=4
	[ "$i" -ge 26 ] && f=3
	[ "$d" = 2026-10-30 ] && p=7
	ok "$d" checkin "$p" --interference "$f" --did read-chapter
	if [ "$d" = 2026-10-30 ]; then
		ok "$d" flare --pain 7
		ok "$d" practice mat-lie --before 7 --after 4
		ok "$d" practice mat-lie --before 7 --after 4
	fi
	if [ "$d" = 2026-10-31 ]; then
		ok "$d" practice mat-lie --before 7 --after 4
		ok "$d" practice mat-lie --before 7 --after 4
	fi
done
ok 2026-11-02 stop reading --keep
ok 2026-11-02 start workout
ok 2026-11-03 checkin 4 --interference 3
ok 2026-11-04 checkin 4 --interference 3

# status: the habit and the mat's sessions, in the model's words.
now status >"$T/status" || fail "status failed"
expect_grep '^    reading     kept as a habit since 2026-11-02' "$T/status"
expect_grep '^    mat         used in 4 sessions, last on 2026-10-31, any time$' "$T/status"

# review, the table.
now review >"$T/table" || fail "review failed"
expect_grep '^   2026-10-15 to 2026-11-02, 19 days, kept as a habit since 2026-11-02\.$' "$T/table"
grep -q 'ended as: helped' "$T/table" && fail "the kept habit reads 'ended as: helped'"
expect_grep '^   2 flare-up days in the baseline and 1 in the judged days\.$' "$T/table"
expect_grep '^   1 flare-up day in the baseline\.$' "$T/table"
expect_grep '^   3 check-ins during the trial\.' "$T/table"
expect_grep 'Settling in, day 3 of 7: its 3 check-ins$' "$T/table"
expect_grep '^   are not judged; the judged days begin on day 8\.$' "$T/table"
grep -q 'no check-in' "$T/table" && fail "3 check-ins beside 'no check-in'"
expect_grep '^3\. Acupressure mat (wildcard)$' "$T/table"
expect_grep '^   A flare-up tool used in 4 sessions, last on 2026-10-31, outside a trial$' "$T/table"
expect_grep '^   Pain before its sessions: 7\.00, after: 4\.00 (4 sessions)\.$' "$T/table"

# review, JSON: the same facts as fields.
now review --format json >"$T/json" || fail "review --format json failed"
expect_grep '"approach":"reading",.*"trial":true,"habit":true,"flare_days_before":2,"flare_days_during":1' "$T/json"
expect_grep '"approach":"mat",.*"verdict":"meaningful",.*"trial":false,"habit":false,.*"tool_sessions":4' "$T/json"

# The report's interference is the review's: before - after as the CSV's
# interference_change (to the tenth the report shows), over the days it
# names.
now review --format csv >"$T/csv" || fail "review --format csv failed"
change=$(awk -F, '$1 == "reading" { print $16 }' "$T/csv")
[ "$change" = 1.58 ] || fail "interference_change of reading is '$change'"
now report --format html >"$T/html" || fail "report --format html failed"
cell=$(grep -o '<td class="n"[^>]*>[0-9.]* &rarr; [0-9.]*</td></tr>' "$T/html" | head -n 1 |
	sed -E 's/.*>([0-9.]+) &rarr; ([0-9.]+)<.*/\1 \2/')
[ -n "$cell" ] || fail "no interference cell in the report"
awk -v c="$cell" -v x="$change" 'BEGIN { split(c, v, " ");
	d = v[1] - v[2] - x; exit !(d < 0.1 && d > -0.1) }' ||
	fail "the report's interference ($cell) is not the review's change ($change)"
expect_grep '<td class="n" title="before: 2026-10-01 to 2026-10-14; after: 2026-10-22 to 2026-11-02">5\.0 &rarr; 3\.4</td>' "$T/html"
expect_grep 'before &rarr; after, over the same days as Before and After\.' "$T/html"
expect_grep '2 flare-up days in the baseline and 1 in the judged days\.' "$T/html"

# The report as text: the injury question apart, the habit, the mat.
now report >"$T/report" || fail "report failed"
expect_grep '^Safety questions: 3 answered, the latest on 2026-10-01 (recent injury, asked$' "$T/report"
expect_grep '^apart: no); none answered yes\.$' "$T/report"
expect_grep '^   as a habit since 2026-11-02, practised on 1 of 3 days since\.$' "$T/report"
expect_grep '^   Interference before: 5\.0 (14 check-ins, 2026-10-01 to 2026-10-14); from day$' "$T/report"
expect_grep '^   8 on: 3\.4 (12 check-ins, 2026-10-22 to 2026-11-02)\.$' "$T/report"
expect_grep '^3\. Acupressure mat (wildcard)$' "$T/report"
expect_grep '^   Used in 4 sessions, last on 2026-10-31, outside a trial, the first on$' "$T/report"

# A first day: one check-in, and the baseline count says which days it is
# of, so "0 of 5" does not sit beside today's rating as if it were none.
DB=$T/first.db
ok "$TODAY" checkin 4
sqlite3 "$DB" "
	INSERT INTO profile (key, value) VALUES ('onboarded', '$TODAY');
	INSERT INTO screening (flag_id, answer, asked_at) VALUES
	    ('numbness', 0, '${TODAY}T09:00:10+00:00'),
	    ('fever', 0, '${TODAY}T09:00:20+00:00'),
	    ('night-pain', 0, '${TODAY}T09:00:30+00:00');" ||
	fail "cannot write the first-run answers"
now status >"$T/status1" || fail "status failed"
expect_grep '^Today      checked in: pain 4/10$' "$T/status1"
expect_grep "^Next       check in on a few more days before starting reading: 0 of 5 ratings in the 14 days before today (today's counts for a start from tomorrow)" "$T/status1"
