#!/usr/bin/env bash
# recall (issue 18): a pain rating set more than 3 days after its day is
# recalled. Six ratings typed in on one day (11-24) for the days 5 to 10
# before it are kept and marked in history (table, CSV, JSON), but `start`
# counts only the two entered on their days, says how many it left out,
# and the review leaves them out of the verdict and says so; so does the
# report. A rating changed 5 days after its day becomes recalled; a note
# added 5 days later does not. An import keeps the times, so the restored
# ratings keep their status; an export from before the column takes each
# rating's recorded_at.
. "$(dirname "$0")/../lib.sh"
DB=$T/log.db

# says PHRASE FILE: FILE holds PHRASE, however its lines were folded.
says() {
	tr -s ' \n' '  ' <"$2" | grep -qF -e "$1" ||
		{ cat "$2" >&2; fail "no '$1' in $2"; }
}
on() { # DAY ARGS...: bp_on, failing unless it exits 0; output in $T/out, $T/err
	bp_on "$@" >"$T/out" 2>"$T/err" ||
		{ cat "$T/out" "$T/err" >&2; fail "backpain ${*:2} on $1 failed"; }
}

on 2026-11-20 safety --answer numb=no
sqlite3 "$DB" "insert into profile (key, value) values ('onboarded', '2026-11-20')" ||
	fail "cannot mark onboarding done"
on 2026-11-22 checkin 5
on 2026-11-23 checkin 5
for d in 14 15 16 17 18 19; do
	on 2026-11-24 checkin 7 --date 2026-11-$d
done
on 2026-11-24 checkin 4

# status counts the ratings of the baseline that are not recalled.
on 2026-11-24 status
expect_grep ": 2 of 5 ratings in the 14 days before today" "$T/out"

# history marks the six, in each format.
on 2026-11-24 history
for d in 14 15 16 17 18 19; do
	expect_grep "^2026-11-$d     7\* " "$T/out"
done
expect_grep "^2026-11-22     5  " "$T/out"
expect_grep "^\* entered more than 3 days after its day: a recalled rating, which the review leaves out (6 here)$" "$T/out"
on 2026-11-24 history --format csv
expect_grep "^day,pain,interference,note,flare,recalled$" "$T/out"
expect_grep "^2026-11-14,7,,,0,1$" "$T/out"
expect_grep "^2026-11-23,5,,,0,0$" "$T/out"
[ "$(grep -c ',1$' "$T/out")" = 6 ] || fail "not 6 recalled in the CSV"
on 2026-11-24 history --format json
cp "$T/out" "$T/history.json"
json_expect "$T/history.json" <<'EOF'
$[0].day "2026-11-14"
$[0].recalled true
$[5].day "2026-11-19"
$[5].recalled true
$[6].day "2026-11-22"
$[6].recalled false
EOF

# start is told: the baseline has 2 of the 5 ratings, the 6 are left out.
on 2026-11-24 start alpha
expect_grep "^backpain: start: this trial will have no baseline to compare with: the 14 days before 2026-11-24 have 2 of the 5 ratings needed, so its effect cannot be judged\.$" "$T/err"
expect_grep "^backpain: start: in the 14 days before 2026-11-24, 6 ratings entered more than 3 days after their day were left out: a recalled rating is less reliable\.$" "$T/err"

# A note added 5 days later keeps the rating's time; a rating changed 5
# days later is recalled.
on 2026-11-28 checkin 5 --date 2026-11-23 --note 'written down later'
on 2026-11-27 checkin 6 --date 2026-11-22
on 2026-11-28 history --format csv
expect_grep '^2026-11-22,6,,,0,1$' "$T/out"
expect_grep '^2026-11-23,5,,written down later,0,0$' "$T/out"

# The review leaves all seven out of the verdict and says so; the report
# marks them.
for d in 25 26 27 28 29 30; do
	BP=$BACKPAIN on 2026-11-$d checkin 4
done
on 2026-11-30 review
says "Verdict: no-baseline." "$T/out"
says "It had only 1 rating in the 14 days before its start" "$T/out"
says "7 ratings entered more than 3 days after their day were left out: a recalled rating is less reliable." "$T/out"
on 2026-11-30 review --format json
cp "$T/out" "$T/review.json"
json_expect "$T/review.json" <<'EOF'
$[0].verdict "no-baseline"
$[0].before_checkins 1
EOF
on 2026-11-30 report
says "Log: 2026-11-14 to 2026-11-30, 15 check-ins on 17 days, 7 of them recalled (entered more than 3 days after their day) and left out of every verdict." "$T/out"
says "2026-11 ▇▇▇▇▇▇··▆▅▄▄▄▄▄▄▄ mean 5.4, 15 check-ins (7 recalled)" "$T/out"
on 2026-11-30 report --format html
expect_grep 'fill="none" stroke="#333"' "$T/out"
says "Open dots: ratings entered more than 3 days after their day (recalled), left out of every verdict." "$T/out"

# An import keeps the times: the restored ratings keep their status.
on 2026-11-30 export
cp "$T/out" "$T/export.json"
on 2026-11-30 history --all --format csv
cp "$T/out" "$T/history.csv"
DB=$T/restored.db on 2026-12-01 import "$T/export.json"
DB=$T/restored.db on 2026-12-01 history --all --format csv
cmp -s "$T/history.csv" "$T/out" ||
	{ diff "$T/history.csv" "$T/out" >&2; fail "the import changed what is recalled"; }
DB=$T/restored.db on 2026-12-01 export
cmp -s "$T/export.json" "$T/out" || fail "export -> import -> export differs"
# An export from before pain_set_at: each rating's recorded_at stands in,
# the time its day was first checked in (11-22's change is not known).
sed 's/,"pain_set_at":"[^"]*"//g' "$T/export.json" >"$T/old.json"
grep -q pain_set_at "$T/old.json" && fail "the old export still has pain_set_at"
DB=$T/old.db on 2026-12-01 import "$T/old.json"
DB=$T/old.db on 2026-12-01 history --all --format csv
[ "$(grep -c ',1$' "$T/out")" = 6 ] || { cat "$T/out" >&2; fail "not 6 recalled after an old import"; }
expect_grep '^2026-11-22,6,,,0,0$' "$T/out"
exit 0
