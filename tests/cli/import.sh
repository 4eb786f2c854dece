#!/usr/bin/env bash
# import: `backpain import FILE [--replace]` restores an export. export ->
# import into a fresh log -> export is byte-identical, for the 120-day
# scenario and for a small log with answers, marks, a timed session and
# notes holding a newline, a tab, ESC, U+202E, U+0085 and an emoji, an
# ended trial's impression and a doctor's check of a yes (both kept, read
# back with sqlite3). An export from before those columns (no "impression",
# no "checked_on") still imports, as null. Every
# refusal names FILE:LINE:COLUMN, exits as DESIGN.md section 5 says and
# leaves the log byte-identical (or creates none): bad JSON, a value out
# of range, an id the pack lacks, a day after today, a conflicting day
# without --replace, a missing file, a FIFO; an impression out of range or
# on a running trial, a check of a no, of no day, of a day after today or
# before the answer, another impression or check in the log without
# --replace. --replace takes the file's day, impression and check; a second
# import of the same file adds nothing.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/build_120days.sh"

# The 120 days: export, import into a new log, export again.
DB=$T/days.db
build_120days
rv export >"$T/days.json" || fail "export failed"
DB=$T/days2.db rv import "$T/days.json" >"$T/out" 2>&1 ||
	{ cat "$T/out" >&2; fail "import of the 120 days failed"; }
expect_grep "^Imported .*: 112 check-ins, 0 answers, 4 trials, 55 sessions" "$T/out"
DB=$T/days2.db rv export >"$T/days2.json" || fail "export failed"
cmp "$T/days.json" "$T/days2.json" ||
	fail "export -> import -> export of the 120 days is not identical"
[ "$(stat -c %a "$T/days2.db")" = 600 ] || fail "the new log is not 0600"
# Its impressions (reading, much-better; stretching, no-change) and its
# doctor's check (night pain).
q_imp="SELECT approach || ' ' || impression FROM trial
	WHERE impression IS NOT NULL ORDER BY id"
q_chk="SELECT flag_id || ' ' || checked_on FROM screening WHERE checked_on IS NOT NULL"
[ "$(sqlite3 "$T/days2.db" "$q_imp")" = "reading 2
stretching 4" ] ||
	fail "the impression of the 120 days did not survive the import"
[ "$(sqlite3 "$T/days2.db" "$q_chk")" = "night-pain 2026-08-01" ] ||
	fail "the doctor's check of the 120 days did not survive the import"

# A small log with everything the 120 days lack.
DB=$T/log.db
bp safety --answer numb=no >/dev/null || fail seed
bp safety --answer numb=yes >/dev/null || fail seed
bp safety --checked numb --date 2026-11-24 >/dev/null || fail seed
bp start beta --date 2026-11-20 >/dev/null || fail seed
bp stop beta --outcome no-change --impression a-little-better \
	--date 2026-11-21 >/dev/null || fail seed
bp checkin 4 --date 2026-11-22 --note "$(printf 'line one\nline\ttwo \033[2J \xe2\x80\xae \xc2\x85 \xf0\x9f\x98\x80')" \
	>/dev/null || fail seed
bp start alpha --date 2026-11-20 >/dev/null || fail seed
bp checkin 3 --interference 2 --date 2026-11-23 --did alpha-walk \
	--answer alpha-feel=worse >/dev/null || fail seed
bp practice beta-stretch --minutes 7 --before 5 --after 4 >/dev/null || fail seed
bp checkin 5 --answer alpha-feel=same --note 'plain' >/dev/null || fail seed
bp export >"$T/small.json" || fail "export failed"
DB=$T/small2.db bp import "$T/small.json" >/dev/null || fail "import failed"
DB=$T/small2.db bp export >"$T/small2.json" || fail "export failed"
cmp "$T/small.json" "$T/small2.json" ||
	fail "export -> import -> export of the small log is not identical"
[ "$(sqlite3 "$T/small2.db" "SELECT hex(note) FROM checkin WHERE day = '2026-11-22'")" = \
  "$(sqlite3 "$T/log.db" "SELECT hex(note) FROM checkin WHERE day = '2026-11-22'")" ] ||
	fail "a note was not restored byte for byte"
[ "$(sqlite3 "$T/small2.db" "$q_imp")" = "beta 3" ] ||
	fail "the impression did not survive the import"
[ "$(sqlite3 "$T/small2.db" "$q_chk")" = "numb 2026-11-24" ] ||
	fail "the doctor's check did not survive the import"

# An export of an older backpain, without the impression and the check,
# imports with both null.
sed -E 's/,"(impression|checked_on)":[^,}]*//g' "$T/small.json" >"$T/old.json"
grep -q 'impression\|checked_on' "$T/old.json" && fail "old.json still has them"
DB=$T/old.db expect_exit 0 bp import "$T/old.json"
[ "$(sqlite3 "$T/old.db" "SELECT count(*) FROM trial WHERE impression IS NULL;
	SELECT count(*) FROM screening WHERE checked_on IS NULL")" = "2
2" ] || fail "an older export did not import with null impression and check"

# Importing the same file again adds nothing.
DB=$T/small2.db expect_exit 0 bp import "$T/small.json"
expect_grep "0 check-ins (3 already there)" "$T/out"
DB=$T/small2.db bp export | cmp - "$T/small.json" ||
	fail "a second import changed the log"

# refused CODE PATTERN ARGS...: bp import ARGS exits CODE with a message
# matching PATTERN, and the log $DB is byte-identical.
refused() {
	local code=$1 pattern=$2
	shift 2
	cp "$DB" "$T/before.db"
	expect_exit "$code" bp import "$@"
	grep -qE -- "$pattern" "$T/err" || { cat "$T/err" >&2; fail "no '$pattern'"; }
	grep -q "nothing was imported\|cannot read\|not a regular file" "$T/err" ||
		{ cat "$T/err" >&2; fail "the refusal does not say nothing changed"; }
	cmp "$DB" "$T/before.db" || fail "import $* changed the log"
}
# edit SED: the small export changed by SED, into $T/bad.json.
edit() {
	sed -E "$1" "$T/small.json" >"$T/bad.json"
	cmp -s "$T/bad.json" "$T/small.json" && fail "edit $1 changed nothing"
	return 0
}
DB=$T/target.db
bp checkin 2 --date 2026-11-23 --note 'my own day' >/dev/null || fail seed

printf '{"format":1,\n "checkin":[{"day":"2026-11-01",]}\n' >"$T/bad.json"
refused 65 "^$T/bad.json:2:33: expected a key" "$T/bad.json"
printf '{"format":1,"checkin":[{"day":"2026-11-01","note":"a\n' >"$T/bad.json"
refused 65 "^$T/bad.json:1:53: a line break inside a string" "$T/bad.json"
head -c 100 "$T/small.json" >"$T/bad.json"
refused 65 "^$T/bad.json:1:101: the string is not closed|^$T/bad.json:1:[0-9]+: expected" "$T/bad.json"
printf '{"format":1}\0' >"$T/bad.json"
refused 65 "^$T/bad.json:1:13: a NUL byte" "$T/bad.json"
edit 's/"pain":3/"pain":11/'
refused 65 "^$T/bad.json:1:[0-9]+: pain is 11; it must be a whole number from 0 to 10" "$T/bad.json"
edit 's/"pain":3/"pain":3.0/'
refused 65 "pain is 3.0; it must be a whole number" "$T/bad.json"
edit 's/"question_id":"alpha-feel","value":"worse"/"question_id":"alpha-feel","value":"awful"/'
refused 65 "^$T/bad.json:1:[0-9]+: alpha-feel is one of: better, same, worse" "$T/bad.json"
edit 's/"practice":"beta-stretch"/"practice":"no-such"/'
refused 65 "no such practice; the pack has" "$T/bad.json"
edit 's/"day":"2026-11-22"/"day":"2026-11-25"/'
refused 65 "day 2026-11-25 is in the future \(today is 2026-11-24\)" "$T/bad.json"
edit 's/"format":1/"format":2/'
refused 65 "^$T/bad.json:1:11: format 2 is not one this backpain reads" "$T/bad.json"
edit 's/"note":"plain"/"note":"pl\\u0000ain"/'
refused 65 "note holds a NUL character" "$T/bad.json"
edit 's/"approach":"alpha"/"approach":"zeta"/'
refused 65 "no such approach|zeta" "$T/bad.json"
edit 's/"impression":3/"impression":8/'
refused 65 "^$T/bad.json:1:[0-9]+: impression is 8; it must be a whole number from 1 to 7" "$T/bad.json"
edit 's/"outcome":null,"impression":null/"outcome":null,"impression":2/'
refused 65 "^$T/bad.json:1:[0-9]+: a running trial \(ended_on null\) has no impression" "$T/bad.json"
edit 's/("answer":0,"asked_at":"[^"]*"),"checked_on":null/\1,"checked_on":"2026-11-24"/'
refused 65 "^$T/bad.json:1:[0-9]+: checked_on: this answer is no" "$T/bad.json"
edit 's/"checked_on":"2026-11-24"/"checked_on":"yesterday"/'
refused 65 "^$T/bad.json:1:[0-9]+: checked_on is not a day" "$T/bad.json"
edit 's/"checked_on":"2026-11-24"/"checked_on":"2026-11-25"/'
refused 65 "^$T/bad.json:1:[0-9]+: checked_on 2026-11-25 is in the future" "$T/bad.json"
edit 's/"checked_on":"2026-11-24"/"checked_on":"2026-11-23"/'
refused 65 "^$T/bad.json:1:[0-9]+: checked_on: a check on 2026-11-23 would come before the yes" "$T/bad.json"
# The small log's own copy, with another impression, then another check.
DB=$T/small2.db
sqlite3 "$DB" "UPDATE trial SET impression = 6 WHERE approach = 'beta'" ||
	fail "cannot change the impression"
refused 65 "^$T/small.json:1:[0-9]+: the log already has this trial of beta .* another impression \(--replace" "$T/small.json"
sqlite3 "$DB" "UPDATE trial SET impression = 3 WHERE approach = 'beta';
	UPDATE screening SET checked_on = NULL WHERE answer = 1" ||
	fail "cannot change the check"
refused 65 "^$T/small.json:1:[0-9]+: the log already has this answer to numb .* another doctor's check \(--replace" "$T/small.json"
sqlite3 "$DB" "UPDATE trial SET impression = 6 WHERE approach = 'beta'" ||
	fail "cannot change the impression"
expect_exit 0 bp import --replace "$T/small.json"
expect_grep "1 trials (1 replaced) (1 already there), 0 sessions (2 already there), 1 screening answers (1 replaced) (1 already there)" "$T/out"
bp export | cmp - "$T/small.json" ||
	fail "--replace did not take the file's impression and check"
DB=$T/target.db
# 2026-11-23 is in the target with another check-in.
refused 65 "^$T/small.json:1:[0-9]+: the log already has another check-in for 2026-11-23 \(--replace" "$T/small.json"
refused 66 "cannot read $T/missing.json: No such file" "$T/missing.json"
mkfifo "$T/fifo"
cp "$DB" "$T/before.db"
# No writer ever opens the FIFO: the import must not wait for one.
bin=${BACKPAIN_ASAN:-}
[ -n "$bin" ] && [ -x "$bin" ] || bin=$BACKPAIN
expect_exit 66 timeout 10 "$bin" --db "$DB" --pack "$CLI_PACK" import "$T/fifo"
expect_grep "not a regular file" "$T/err"
cmp "$DB" "$T/before.db" || fail "import of a FIFO changed the log"
expect_exit 64 bp import
expect_exit 64 bp import a b

# A bad file creates no log.
DB=$T/none.db
edit 's/"pain":3/"pain":-1/'
expect_exit 65 bp import "$T/bad.json"
[ ! -e "$T/none.db" ] || fail "a refused import created a log"

# --replace takes the file's day in place of the log's.
DB=$T/target.db
expect_exit 0 bp import --replace "$T/small.json"
expect_grep "3 check-ins (1 replaced)" "$T/out"
[ "$(sqlite3 "$DB" "SELECT pain || ' ' || ifnull(note, '-') FROM checkin WHERE day = '2026-11-23'")" = "3 -" ] ||
	fail "--replace did not take the file's day"
[ "$(sqlite3 "$DB" "SELECT value FROM answer WHERE day = '2026-11-23'")" = worse ] ||
	fail "--replace did not take the file's answers"
