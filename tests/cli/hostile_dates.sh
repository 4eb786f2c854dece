#!/usr/bin/env bash
# Hostile dates (issue 19): a log holds days from 1900-01-01 to 9998-12-31
# (day.h). A --date outside them is refused (65) naming the option and the
# value, and so is such a day in an import; the first and the last day
# work with every command; a day outside them that another tool wrote
# into a log makes it a damaged log (74), never a crash (the sanitized
# binary runs) or a walk over days that does not end (each command has a
# minute).
. "$(dirname "$0")/../lib.sh"
DB=$T/log.db

# within SECONDS ARGS...: bp ARGS (output to $T/out, $T/err); prints its
# exit status; one still running after SECONDS fails the test.
within() {
	local rc secs=$1
	shift
	timeout "$secs" bash -c 'bp "$@"' within "$@" >"$T/out" 2>"$T/err" \
		</dev/null
	rc=$?
	[ "$rc" = 124 ] && fail "$* did not end in $secs seconds"
	echo "$rc"
}
export -f bp faketime
export CLI_NOW CLI_PACK FAKETIME_LIB T DB

# expect CODE ARGS...: bp ARGS exits CODE within a minute.
expect() {
	local want=$1 rc
	shift
	rc=$(within 60 "$@")
	if [ "$rc" != "$want" ]; then
		cat "$T/err" >&2
		fail "$* exited $rc, expected $want"
	fi
}

# Refused as typed, with the log unchanged: before the first day, after
# the last, and every command that takes --date.
bp checkin 3 --date 2026-11-20 >/dev/null || fail seed
bp safety --answer numb=no >/dev/null || fail seed
for d in 1000-01-10 1899-12-31 0999-12-31; do
	refuse 65 flare --date $d
	grep -q "^stderr: backpain: flare: --date: '$d' is before 1900-01-01, the first day a log can hold$" \
		"$T/transcript" || { tail -n 3 "$T/transcript" >&2; fail "flare --date $d: no clear refusal"; }
	refuse 65 checkin 4 --date $d
	refuse 65 practice mat-lie --date $d
	refuse 65 start alpha --date $d
	refuse 65 safety --checked numb --date $d
done
refuse 65 flare --date 9999-12-31
grep -q "^stderr: backpain: flare: --date: '9999-12-31' is after 9998-12-31, the last day a log can hold$" \
	"$T/transcript" || fail "flare --date 9999-12-31: no clear refusal"
bp start alpha --date 2026-11-20 >/dev/null || fail seed
refuse 65 stop alpha --outcome helped --date 1899-12-31
refuse 65 stop alpha --keep --date 1000-01-01

# The first day a log can hold works with every command, and so does a
# flare-up running from it.
DB=$T/first.db
expect 0 checkin 2 --date 1900-01-01
expect 0 flare --date 1900-01-01
for cmd in status history "history --all" review report \
	"report --format html" "report --format markdown" export; do
	# shellcheck disable=SC2086 # the words of cmd are its arguments
	expect 0 $cmd
	grep -q "''" "$T/err" && fail "$cmd: $(cat "$T/err")"
done
expect 0 history --all --format csv
expect_grep "^1900-01-01,2," "$T/out"
expect 0 flare --over --date 1900-01-03
expect 0 report
expect_grep "1900-01-01 to 1900-01-02, 2 days" "$T/out"

# The last day a log can hold, with the clock on it: a trial started then
# can be judged only after it, which the review says in days.
DB=$T/last.db
last() { CLI_NOW='9998-12-31 12:00:00' within 60 "$@"; }
[ "$(last safety --answer numb=no)" = 0 ] || fail "safety on the last day"
for cmd in "checkin 3" "flare" "start alpha" "practice alpha-walk"; do
	# shellcheck disable=SC2086
	rc=$(last $cmd)
	[ "$rc" = 0 ] || { cat "$T/err" >&2; fail "$cmd on the last day: $rc"; }
done
for cmd in status history review report "report --format html" \
	"flare --over" export; do
	# shellcheck disable=SC2086
	rc=$(last $cmd)
	[ "$rc" = 0 ] || { cat "$T/err" >&2; fail "$cmd on the last day: $rc"; }
done

# An import is refused at the first such day, and nothing is written.
DB=$T/source.db
bp checkin 3 --date 2026-11-20 >/dev/null || fail seed
bp flare --date 2026-11-21 >/dev/null || fail seed
bp export >"$T/export.json" || fail export
sed 's/"began_on":"2026-11-21"/"began_on":"1000-01-10"/' "$T/export.json" \
	>"$T/early.json"
sed 's/"day":"2026-11-20"/"day":"1899-12-31"/' "$T/export.json" \
	>"$T/early2.json"
DB=$T/target.db
for f in early early2; do
	expect 65 import "$T/$f.json"
	expect_grep "^$T/$f.json:1:[0-9]*: [a-z_]* 1[08]\(00-01-10\|99-12-31\) is not a day a log can hold (1900-01-01 to 9998-12-31)$" "$T/err"
	[ ! -e "$T/target.db" ] || fail "a refused import of $f made a log"
done

# A day outside them written by another tool: a damaged log, for every
# command that reads it, at once. 9999-12-31 has no day after it (the
# walk of a running flare-up once never ended); 1000-01-10 has none 28
# days before it (the baseline of a flare-up once read a stack buffer).
for began in 9999-12-31 1000-01-10 1899-12-31; do
	DB=$T/damaged-$began.db
	bp checkin 3 --date 2026-11-20 >/dev/null || fail seed
	sqlite3 "$DB" "INSERT INTO flare (began_on, recorded_at)
		VALUES ('$began', '2026-11-20T10:00:00+00:00')" ||
		fail "writing $began"
	for cmd in status history review report "report --format html" \
		"flare --over" "flare" "checkin 4"; do
		# shellcheck disable=SC2086
		expect 74 $cmd
		expect_grep "the log $DB is damaged (flare-up 1: began_on is '$began', not a day" "$T/err"
	done
done
DB=$T/damaged-checkin.db
bp checkin 3 --date 2026-11-20 >/dev/null || fail seed
sqlite3 "$DB" "UPDATE checkin SET day = '1899-06-01'" || fail "writing"
for cmd in "history --all" review report; do
	# shellcheck disable=SC2086
	expect 74 $cmd
	expect_grep "is damaged (the check-in of 1899-06-01: day is '1899-06-01', not a day a log can hold (1900-01-01 to 9998-12-31))" "$T/err"
done
# The same in the other tables with days, for the report, which reads
# them all.
DB=$T/tables.db
bp checkin 3 --date 2026-11-10 >/dev/null || fail seed
bp safety --answer numb=no >/dev/null || fail seed
bp start alpha --date 2026-11-10 >/dev/null 2>&1 || fail seed
bp practice alpha-walk --date 2026-11-11 >/dev/null || fail seed
bp stop alpha --keep --date 2026-11-12 >/dev/null || fail seed
for tc in "trial started_on trials" "session day sessions" \
	"habit kept_on habits"; do
	# shellcheck disable=SC2086 # table, column and name
	set -- $tc
	cp "$T/tables.db" "$T/table.db"
	sqlite3 "$T/table.db" "PRAGMA foreign_keys = OFF;
		UPDATE $1 SET $2 = '1899-12-31'" || fail "writing $1"
	DB=$T/table.db expect 74 report
	expect_grep "is damaged (.*: $2 is '1899-12-31', not a day a log can hold" "$T/err"
done
echo "days outside 1900-01-01 .. 9998-12-31 refused, and none read"
