#!/usr/bin/env bash
# import: `backpain import FILE [--replace]` restores an export. export ->
# import into a fresh log -> export is byte-identical, for the 120-day
# scenario and for a small log with answers, marks, a timed session and
# notes holding a newline, a tab, ESC, U+202E, U+0085 and an emoji, an
# ended trial's impression and a doctor's check of a yes (both kept, read
# back with sqlite3), a habit (stop --keep) and two flare-ups, one ended
# (flare --over) and one open (read back too; a merge gives the habit its
# trial's new id). An export from before those columns (no "impression",
# no "checked_on") still imports, as null; one from before the habit and
# flare tables imports without them. Every
# refusal names FILE:LINE:COLUMN, exits as DESIGN.md section 5 says and
# leaves the log byte-identical (or creates none): bad JSON, a value out
# of range, an empty id or one with a control character, a day more than
# two after today (import_pack.sh: an id the pack lacks is kept), a
# conflicting day
# without --replace, a missing file, a FIFO; an impression out of range or
# on a running trial, a check of a no, of no day, of a day after today or
# before the answer, another impression or check in the log without
# --replace; a habit dropped before it was kept or of a trial not in the
# file, a flare-up ended but by nobody, two open, overlapping, a pain of
# 11, another habit or flare-up in the log without --replace, a second
# open flare-up or kept habit with the log's. --replace takes the file's
# day, impression, check, habit and flare-up; a doctor's check the log
# lacks is the file's newer copy, taken without it; a second
# import of the same file adds nothing. (tests/cli/import_merge.sh has the
# rows of one key, the older and newer copies, the trials sharing days.)
# The 120-day logs come from cli/build_120days, which run.sh runs first.
# after: cli/build_120days
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
# The issue 12 variant of the 120 days keeps the workout as a habit (stop
# --keep) and has two flare-ups, one the person ended and one over by
# itself (two calm days): they round-trip too, read back with sqlite3.
DB=$T/days12.db REVIEW_ISSUE12=1 build_120days
DB=$T/days12.db rv export >"$T/days12.json" || fail "export failed"
DB=$T/days12b.db rv import "$T/days12.json" >"$T/out" 2>&1 ||
	{ cat "$T/out" >&2; fail "import of the issue 12 days failed"; }
expect_grep "^Imported .*, 1 habit, 2 flare-ups\.$" "$T/out"
DB=$T/days12b.db rv export >"$T/days12b.json" || fail "export failed"
cmp "$T/days12.json" "$T/days12b.json" ||
	fail "export -> import -> export of the issue 12 days is not identical"
q_habit="SELECT h.approach || ' ' || h.kept_on || ' ' || ifnull(h.dropped_on, '-')
	|| ' from ' || t.approach || ' ' || t.started_on || '..' || t.ended_on
	FROM habit h JOIN trial t ON t.id = h.trial_id ORDER BY h.id"
q_flare="SELECT began_on || ' ' || ifnull(ended_on, '-') || ' '
	|| ifnull(ended_by, '-') || ' ' || ifnull(pain, '-') || ' '
	|| ifnull(note, '-') FROM flare ORDER BY id"
[ "$(sqlite3 "$T/days12b.db" "$q_habit")" = "workout 2026-10-05 - from workout 2026-09-08..2026-10-05" ] ||
	fail "the habit of the 120 days did not survive the import: $(sqlite3 "$T/days12b.db" "$q_habit")"
[ "$(sqlite3 "$T/days12b.db" "$q_flare")" = "2026-09-01 2026-09-08 person 8 moving house
2026-11-20 2026-11-21 calm 7 -" ] ||
	fail "the flare-ups of the 120 days did not survive the import: $(sqlite3 "$T/days12b.db" "$q_flare")"

# A small log with everything the 120 days lack.
DB=$T/log.db
plain bp safety --answer numb=no >/dev/null || fail seed
plain bp safety --answer numb=yes >/dev/null || fail seed
plain bp safety --checked numb --date 2026-11-24 >/dev/null || fail seed
plain bp start beta --date 2026-11-20 >/dev/null || fail seed
plain bp stop beta --outcome no-change --impression a-little-better \
	--date 2026-11-21 >/dev/null || fail seed
bp checkin 4 --date 2026-11-22 --note "$(printf 'line one\nline\ttwo \033[2J \xe2\x80\xae \xc2\x85 \xf0\x9f\x98\x80')" \
	>/dev/null || fail seed
plain bp start alpha --date 2026-11-20 >/dev/null || fail seed
plain bp checkin 3 --interference 2 --date 2026-11-23 --did alpha-walk \
	--answer alpha-feel=worse >/dev/null || fail seed
plain bp practice beta-stretch --minutes 7 --before 5 --after 4 >/dev/null ||
	fail seed
plain bp checkin 5 --answer alpha-feel=same --note 'plain' >/dev/null ||
	fail seed
plain bp stop alpha --keep --date 2026-11-24 >/dev/null || fail seed
bp flare --pain 6 --note "$(printf 'lifting\tthe \033[1mbox')" \
	--date 2026-11-21 >/dev/null || fail seed
plain bp flare --over --date 2026-11-22 >/dev/null || fail seed
plain bp flare --pain 7 --date 2026-11-24 >/dev/null || fail seed
bp export >"$T/small.json" || fail "export failed"
grep -q '"habit":\[{' "$T/small.json" && grep -q '"flare":\[{' "$T/small.json" ||
	fail "the small log has no habit or no flare-up"
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
[ "$(sqlite3 "$T/small2.db" "$q_habit")" = "alpha 2026-11-24 - from alpha 2026-11-20..2026-11-24" ] ||
	fail "the habit did not survive the import"
[ "$(sqlite3 "$T/small2.db" "$q_flare")" = "$(printf '2026-11-21 2026-11-22 person 6 lifting\tthe \033[1mbox\n2026-11-24 - - 7 -')" ] ||
	fail "the flare-ups did not survive the import"

# An export from before habits, flare-ups, lessons and pause weeks (no such
# tables) imports.
sed -E 's/,"habit":.*$/}/' "$T/small.json" >"$T/older.json"
grep -q '"habit"\|"flare"\|"lesson"\|"trial_pause"' "$T/older.json" &&
	fail "older.json still has them"
DB=$T/older.db expect_exit 0 bp import "$T/older.json"
DB=$T/older.db bp export >"$T/older2.json" || fail "export failed"
sed -E 's/,"habit":.*$/,"habit":[],"flare":[],"lesson":[],"trial_pause":[]}/' \
	"$T/small.json" |
	cmp - "$T/older2.json" ||
	fail "an export without habits and flare-ups did not import as it is"
# An export from before revisions: its answers were given to the first.
sed -E 's/,"revision":[0-9]+//g' "$T/small.json" >"$T/norev.json"
grep -q '"revision"' "$T/norev.json" && fail "norev.json still has them"
DB=$T/norev.db expect_exit 0 bp import "$T/norev.json"
[ "$(sqlite3 "$T/norev.db" "SELECT group_concat(revision) FROM screening")" = 1,1 ] ||
	fail "an answer without a revision did not import as revision 1"

# Into a log that has a trial of its own the file's trials take new ids:
# the habit follows its trial to its new id.
DB=$T/merged.db
plain bp safety --answer numb=no >/dev/null || fail seed
plain bp start beta --date 2026-11-01 >/dev/null || fail seed
plain bp stop beta --outcome worse --date 2026-11-05 >/dev/null || fail seed
expect_exit 0 bp import "$T/small.json"
expect_grep "1 habit, 2 flare-ups" "$T/out"
[ "$(sqlite3 "$DB" "$q_habit")" = "alpha 2026-11-24 - from alpha 2026-11-20..2026-11-24" ] ||
	fail "the habit lost its trial in a merge: $(sqlite3 "$DB" "SELECT * FROM habit")"

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
expect_grep "0 habits (1 already there), 0 flare-ups (2 already there)" "$T/out"
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
plain bp checkin 2 --date 2026-11-23 --note 'my own day' >/dev/null || fail seed

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
edit 's/"practice":"beta-stretch"/"practice":""/'
refused 65 "^$T/bad.json:1:[0-9]+: practice is empty" "$T/bad.json"
edit 's/"day":"2026-11-22"/"day":"2026-11-27"/'
refused 65 "day 2026-11-27 is in the future \(today is 2026-11-24; an import takes days up to 2026-11-26" "$T/bad.json"
edit 's/"format":3/"format":4/'
refused 65 "^$T/bad.json:1:11: format 4 is not one this backpain reads" "$T/bad.json"
edit 's/"note":"plain"/"note":"pl\\u0000ain"/'
refused 65 "note holds a NUL character" "$T/bad.json"
edit 's/"approach":"alpha"/"approach":"ze\\u001bta"/'
refused 65 "^$T/bad.json:1:[0-9]+: approach holds a control character" "$T/bad.json"
edit 's/"impression":3/"impression":8/'
refused 65 "^$T/bad.json:1:[0-9]+: impression is 8; it must be a whole number from 1 to 7" "$T/bad.json"
edit 's/"ended_on":"2026-11-24","outcome":"helped","impression":null/"ended_on":null,"outcome":null,"impression":2/'
refused 65 "^$T/bad.json:1:[0-9]+: a running trial \(ended_on null\) has no impression" "$T/bad.json"
edit 's/("answer":0,"asked_at":"[^"]*"),"checked_on":null/\1,"checked_on":"2026-11-24"/'
refused 65 "^$T/bad.json:1:[0-9]+: checked_on: this answer is no" "$T/bad.json"
edit 's/"checked_on":"2026-11-24"/"checked_on":"yesterday"/'
refused 65 "^$T/bad.json:1:[0-9]+: checked_on is not a day" "$T/bad.json"
edit 's/"checked_on":"2026-11-24"/"checked_on":"2026-11-27"/'
refused 65 "^$T/bad.json:1:[0-9]+: checked_on 2026-11-27 is in the future" "$T/bad.json"
edit 's/"checked_on":"2026-11-24"/"checked_on":"2026-11-23"/'
refused 65 "^$T/bad.json:1:[0-9]+: checked_on: a check on 2026-11-23 would come before the yes" "$T/bad.json"
edit 's/"kept_on":"2026-11-24","dropped_on":null/"kept_on":"2026-11-24","dropped_on":"2026-11-23"/'
refused 65 "^$T/bad.json:1:[0-9]+: alpha cannot be dropped on 2026-11-23: it was kept as a habit on 2026-11-24" "$T/bad.json"
edit 's/"trial_id":[0-9]+/"trial_id":99/'
refused 65 "^$T/bad.json:1:[0-9]+: trial_id 99: the file has no trial with this id" "$T/bad.json"
edit 's/"trial_id":[0-9]+/"trial_id":1/'
refused 65 "^$T/bad.json:1:[0-9]+: trial_id 1 is a trial of beta, not of alpha" "$T/bad.json"
edit 's/"ended_on":"2026-11-24","outcome":"helped"/"ended_on":null,"outcome":null/'
refused 65 "^$T/bad.json:1:[0-9]+: trial_id [0-9]+ is still running \(ended_on null\): a habit is kept at the end of its trial" "$T/bad.json"
edit 's/"approach":"alpha","trial_id"/"approach":"zeta","trial_id"/'
refused 65 "^$T/bad.json:1:[0-9]+: .*zeta" "$T/bad.json"
edit 's/"ended_by":"person"/"ended_by":null/'
refused 65 "^$T/bad.json:1:[0-9]+: a flare-up that ended needs ended_by" "$T/bad.json"
edit 's/"ended_by":"person"/"ended_by":"doctor"/'
refused 65 "^$T/bad.json:1:[0-9]+: ended_by is person .*, calm .* or null" "$T/bad.json"
edit 's/"ended_on":"2026-11-22","ended_by":"person"/"ended_on":"2026-11-20","ended_by":"person"/'
refused 65 "^$T/bad.json:1:[0-9]+: the flare-up cannot end on 2026-11-20: it began on 2026-11-21" "$T/bad.json"
edit 's/"ended_on":"2026-11-22","ended_by":"person"/"ended_on":null,"ended_by":null/'
refused 65 "^$T/bad.json:1:[0-9]+: a second open flare-up \(ended_on null\): one is open at most" "$T/bad.json"
edit 's/"began_on":"2026-11-24"/"began_on":"2026-11-21"/'
refused 65 "^$T/bad.json:1:[0-9]+: the flare-up before this one, from 2026-11-21, was not over until 2026-11-22" "$T/bad.json"
edit 's/"pain":6,/"pain":11,/'
refused 65 "^$T/bad.json:1:[0-9]+: pain is 11; it must be a whole number from 0 to 10, or null" "$T/bad.json"
edit 's/"began_on":"2026-11-24"/"began_on":"2026-11-27"/'
refused 65 "^$T/bad.json:1:[0-9]+: began_on 2026-11-27 is in the future" "$T/bad.json"
edit 's/"note":"lifting/"note":"lif\\u0000ting/'
refused 65 "^$T/bad.json:1:[0-9]+: note holds a NUL character" "$T/bad.json"
# The small log's own copy, with another impression, then another check.
DB=$T/small2.db
sqlite3 "$DB" "UPDATE trial SET impression = 6 WHERE approach = 'beta'" ||
	fail "cannot change the impression"
refused 65 "^$T/small.json:1:[0-9]+: the log already has this trial of beta .* another impression \(--replace" "$T/small.json"
# A yes the log has unchecked that the file has checked: the file's copy
# is the newer one, taken without --replace, the log's named.
sqlite3 "$DB" "UPDATE trial SET impression = 3 WHERE approach = 'beta';
	UPDATE screening SET checked_on = NULL WHERE answer = 1" ||
	fail "cannot change the check"
expect_exit 0 bp import "$T/small.json"
expect_grep "1 screening answer (1 newer than the log's) (1 already there)" "$T/out"
expect_grep "the answer to numb of .* (yes): replaced by the file's newer copy" "$T/out"
bp export | cmp - "$T/small.json" || fail "the file's check was not taken"
sqlite3 "$DB" "UPDATE screening SET checked_on = '2026-11-23' WHERE answer = 1" ||
	fail "cannot change the check"
refused 65 "^$T/small.json:1:[0-9]+: the log already has this answer to numb .* another doctor's check \(--replace" "$T/small.json"
sqlite3 "$DB" "UPDATE trial SET impression = 6 WHERE approach = 'beta'" ||
	fail "cannot change the impression"
expect_exit 0 bp import --replace "$T/small.json"
expect_grep "1 trial (1 replaced) (1 already there), 0 sessions (2 already there), 1 screening answer (1 replaced) (1 already there)" "$T/out"
bp export | cmp - "$T/small.json" ||
	fail "--replace did not take the file's impression and check"
# Another end of the first flare-up, then another trial of the habit:
# refused, then taken with --replace.
sqlite3 "$DB" "UPDATE flare SET ended_on = '2026-11-23' WHERE began_on = '2026-11-21'" ||
	fail "cannot change the flare-up"
refused 65 "^$T/small.json:1:[0-9]+: the log already has this flare-up that began on 2026-11-21 with another end \(--replace" "$T/small.json"
sqlite3 "$DB" "UPDATE habit SET trial_id = NULL" ||
	fail "cannot change the habit"
refused 65 "^$T/small.json:1:[0-9]+: the log already has this habit of alpha kept on 2026-11-24 with another trial \(--replace" "$T/small.json"
expect_exit 0 bp import --replace "$T/small.json"
expect_grep "1 habit (1 replaced), 1 flare-up (1 replaced) (1 already there)" "$T/out"
bp export | cmp - "$T/small.json" ||
	fail "--replace did not take the file's habit and flare-up"
# A log with its own open flare-up, or alpha kept since another day:
# the file's would make a second.
DB=$T/open.db
plain bp flare --date 2026-11-23 >/dev/null || fail seed
refused 65 "^$T/small.json:1:[0-9]+: the log already has an open flare-up, since 2026-11-23" "$T/small.json"
DB=$T/kept.db
plain bp safety --answer numb=no >/dev/null || fail seed
plain bp start alpha --date 2026-11-10 >/dev/null || fail seed
plain bp stop alpha --keep --date 2026-11-12 >/dev/null || fail seed
refused 65 "^$T/small.json:1:[0-9]+: alpha is already kept as a habit in the log, since 2026-11-12" "$T/small.json"
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
