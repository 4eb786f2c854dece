#!/usr/bin/env bash
# import_merge: a restore never loses a row the program wrote, never brings
# back what the log has moved past, and merges by the rules `start` keeps
# (issue 19; each case failed before it).
# - Rows with one key: two flare-ups begun on one day (flare, flare --over,
#   flare), two habits of one approach kept on one day (stop --keep,
#   --drop, start, stop --keep), two trials started and stopped on one day
#   with two impressions. Their export imports whole into an empty log
#   (the same export again), into a log with other data, with --replace,
#   and as an export from before uids (format 1): every row kept.
# - A stopped trial does not come back: an export made while it ran,
#   imported after it stopped, leaves it stopped (the file's copy is
#   older), --replace too; a habit dropped since, a flare-up over since,
#   likewise; and the file's newer copy of a trial (stopped in the file,
#   running in the log) is taken, named.
# - A file with three nested trials of one approach is refused at the
#   second (FILE:LINE:COLUMN). A trial sharing days with one of the log is
#   refused; --replace takes the file's and names the log's it removed. A
#   trial may start on the day the one before it ended.
# - --replace counts and names the answers of the days it replaces.
. "$(dirname "$0")/../lib.sh"
DB=$T/log.db
count() { sqlite3 "$DB" "SELECT count(*) FROM $1"; }

bp safety --answer numb=no >/dev/null || fail seed
bp flare --date 2026-11-20 >/dev/null &&
	bp flare --over --date 2026-11-20 >/dev/null &&
	bp flare --date 2026-11-20 >/dev/null || fail "flare-ups of one day"
bp start alpha --date 2026-11-20 >/dev/null 2>&1 &&
	bp stop alpha --keep --date 2026-11-21 >/dev/null &&
	bp stop alpha --drop --date 2026-11-21 >/dev/null &&
	bp start alpha --date 2026-11-21 >/dev/null 2>&1 &&
	bp stop alpha --keep --date 2026-11-21 >/dev/null ||
	fail "habits of one day"
bp start beta --date 2026-11-22 >/dev/null 2>&1 &&
	bp stop beta --outcome stopped --impression 3 --date 2026-11-22 >/dev/null &&
	bp start beta --date 2026-11-22 >/dev/null 2>&1 &&
	bp stop beta --outcome stopped --impression 5 --date 2026-11-22 >/dev/null ||
	fail "trials of one day"
[ "$(count flare) $(count habit) $(count trial)" = "2 2 4" ] ||
	fail "the program did not make the rows this test is about"
bp export >"$T/keys.json" || fail export
q_rows="SELECT began_on || ' ' || ifnull(ended_on, '-') FROM flare ORDER BY 1;
	SELECT approach || ' ' || kept_on || ' ' || ifnull(dropped_on, '-')
	FROM habit ORDER BY 1;
	SELECT approach || ' ' || started_on || ' ' || ended_on || ' '
	|| ifnull(impression, '-') FROM trial ORDER BY 1"
sqlite3 "$DB" "$q_rows" >"$T/rows"

# other DB: a log with other data of its own (a check-in), made at $DB.
other() {
	rm -f "$1"
	DB=$1 bp checkin 3 --date 2026-11-10 >/dev/null || fail "other data"
}
# into NAME ARGS: import ARGS into a new log with other data, NAME; every
# row of the file is there.
into() {
	local name=$1
	shift
	other "$T/$name.db"
	DB=$T/$name.db expect_exit 0 bp import "$@"
	expect_grep "2 habits, .*2 flare-ups\." "$T/out"
	expect_grep ": 0 check-ins, 0 answers, 4 trials, " "$T/out"
	sqlite3 "$T/$name.db" "$q_rows" | cmp - "$T/rows" ||
		fail "$name: rows lost: $(sqlite3 "$T/$name.db" "$q_rows")"
	[ "$(sqlite3 "$T/$name.db" 'SELECT count(*) FROM checkin')" = 1 ] ||
		fail "$name: the log's own check-in went"
}
into plain "$T/keys.json"
into replace --replace "$T/keys.json"
# The same file again adds nothing.
DB=$T/plain.db expect_exit 0 bp import "$T/keys.json"
expect_grep "0 trials (4 already there), .*0 habits (2 already there), 0 flare-ups (2 already there)" "$T/out"
# An export from before uids (format 1): matched by its values, each
# equal row once.
sed -E 's/,"uid":"[0-9a-f]{32}"//g; s/,"revision":[0-9]+//g; s/"format":3/"format":1/' \
	"$T/keys.json" >"$T/keys1.json"
grep -q '"uid"' "$T/keys1.json" && fail "keys1.json still has uids"
into old "$T/keys1.json"
DB=$T/old.db expect_exit 0 bp import "$T/keys1.json"
expect_grep "0 trials (4 already there), .*0 habits (2 already there), 0 flare-ups (2 already there)" "$T/out"
DB=$T/log.db expect_exit 0 bp import "$T/keys1.json"
expect_grep "0 trials (4 already there), .*0 habits (2 already there), 0 flare-ups (2 already there)" "$T/out"
# Into an empty log: the export again, byte for byte.
DB=$T/empty.db expect_exit 0 bp import "$T/keys.json"
DB=$T/empty.db bp export | cmp - "$T/keys.json" ||
	fail "export -> import -> export of rows with one key is not identical"

# A stopped trial does not come back; a dropped habit, a flare-up over,
# neither.
DB=$T/back.db
bp safety --answer numb=no >/dev/null || fail seed
bp start gamma --date 2026-11-10 >/dev/null 2>&1 || fail seed
bp start alpha --date 2026-11-10 >/dev/null 2>&1 &&
	bp stop alpha --keep --date 2026-11-12 >/dev/null || fail seed
bp flare --date 2026-11-15 >/dev/null || fail seed
bp export >"$T/running.json" || fail export
bp stop gamma --outcome stopped --date 2026-11-20 >/dev/null || fail seed
bp stop alpha --drop --date 2026-11-21 >/dev/null || fail seed
bp flare --over --date 2026-11-22 >/dev/null || fail seed
bp export >"$T/stopped.json" || fail export
for how in "" --replace; do
	expect_exit 0 bp import $how "$T/running.json"
	expect_grep "0 trials (1 already there) (1 older than the log's, left out)" "$T/out"
	expect_grep "0 habits (1 older than the log's, left out)" "$T/out"
	expect_grep "0 flare-ups (1 older than the log's, left out)" "$T/out"
	bp export | cmp - "$T/stopped.json" ||
		fail "import $how of an older export brought back what ended"
done
bp status >"$T/status" || fail status
grep -q "gamma.*running\|> gamma" "$T/status" && fail "gamma runs again"
# The other way round: the file's copy is the newer one, and is taken.
DB=$T/forward.db
DB=$T/forward.db expect_exit 0 bp import "$T/running.json"
expect_exit 0 bp import "$T/stopped.json"
expect_grep "1 trial (1 newer than the log's) (1 already there)" "$T/out"
expect_grep "1 habit (1 newer than the log's)" "$T/out"
expect_grep "1 flare-up (1 newer than the log's)" "$T/out"
expect_grep "the trial of gamma from 2026-11-10, running: replaced by the file's newer copy" "$T/out"
bp export | cmp - "$T/stopped.json" || fail "the newer copies were not taken"

# Three nested trials of one approach in a file: refused at the second.
sed -E 's/"trial":\[\{[^]]*\]/"trial":[{"id":1,"approach":"beta","started_on":"2026-11-01","ended_on":"2026-11-20","outcome":"stopped","impression":null},{"id":2,"approach":"beta","started_on":"2026-11-05","ended_on":"2026-11-10","outcome":"stopped","impression":null},{"id":3,"approach":"beta","started_on":"2026-11-06","ended_on":"2026-11-08","outcome":"stopped","impression":null}]/; s/"habit":\[\{[^]]*\]/"habit":[]/' \
	"$T/keys.json" >"$T/nested.json"
DB=$T/nested.db expect_exit 65 bp import "$T/nested.json"
expect_grep "^$T/nested.json:1:[0-9]*: this trial of beta from 2026-11-05 starts inside the one from 2026-11-01 to 2026-11-20" "$T/err"
[ ! -e "$T/nested.db" ] || [ "$(DB=$T/nested.db count trial)" = 0 ] ||
	fail "nested trials were imported"

# A trial of the file sharing days with one of the log: refused; with
# --replace the file's, the log's named as removed. Starting on the day
# the log's ended is fine.
DB=$T/share.db
bp safety --answer numb=no >/dev/null || fail seed
bp start beta --date 2026-11-15 >/dev/null 2>&1 &&
	bp stop beta --outcome worse --date 2026-11-23 >/dev/null || fail seed
cp "$DB" "$T/share.before"
expect_exit 65 bp import "$T/keys.json"
expect_grep ":1:[0-9]*: this trial of beta from 2026-11-22 to 2026-11-22 shares days with the log's from 2026-11-15 to 2026-11-23" "$T/err"
cmp "$DB" "$T/share.before" || fail "a refused import changed the log"
expect_exit 0 bp import --replace "$T/keys.json"
expect_grep "4 trials (1 of the log's removed)" "$T/out"
expect_grep "the trial of beta from 2026-11-15 to 2026-11-23: removed, sharing days with the file's" "$T/out"
DB=$T/edge.db
bp safety --answer numb=no >/dev/null || fail seed
bp start beta --date 2026-11-15 >/dev/null 2>&1 &&
	bp stop beta --outcome worse --date 2026-11-22 >/dev/null || fail seed
expect_exit 0 bp import "$T/keys.json"
expect_grep "4 trials, " "$T/out"

# --replace of a day with answers counts and names the log's answers.
DB=$T/answers.db
bp checkin 2 --date 2026-11-23 --answer alpha-feel=better >/dev/null ||
	fail seed
DB=$T/answers2.db
bp checkin 5 --date 2026-11-23 --note 'the file' >/dev/null || fail seed
bp export >"$T/day.json" || fail export
DB=$T/answers.db expect_exit 0 bp import --replace "$T/day.json"
expect_grep "1 check-in (1 replaced), 0 answers (1 of the log's removed)" "$T/out"
expect_grep "the check-in of 2026-11-23 (pain 2): replaced by the file's" "$T/out"
expect_grep "the answer of 2026-11-23 to alpha-feel (better): removed with its check-in" "$T/out"
[ "$(sqlite3 "$T/answers.db" 'SELECT count(*) FROM answer')" = 0 ] ||
	fail "the replaced day kept the log's answer"
echo "restores keep every row and never bring back what ended"
