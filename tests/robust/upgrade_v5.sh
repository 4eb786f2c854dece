#!/usr/bin/env bash
# A version 5 log (before issue 19) upgrades through step 5 -> 6 and the
# steps after it, to the latest version (screening revisions 1, the lesson
# table and the pause week's table empty): a copy of it is kept first
# (PATH.bak-v5, the version 5 log as it was), every row of every table
# gets a uid of its own (32 lowercase hex digits, unique in its table),
# each check-in revision 1, and nothing else changes: the export
# after the upgrade is the one before, with the uids and revisions added.
# Rows the program writes after the upgrade get uids too, and one made by
# another tool (sqlite3, no uid given) gets one from the schema.
. "$(dirname "$0")/../lib.sh"
DB=$T/log.db

bp safety --answer numb=no >/dev/null &&
	bp checkin 4 --date 2026-11-20 --note 'first' --did alpha-walk \
		--answer alpha-feel=same >/dev/null &&
	bp checkin 5 --date 2026-11-20 --note 'again' >/dev/null &&
	bp start alpha --date 2026-11-10 >/dev/null &&
	bp stop alpha --keep --date 2026-11-21 >/dev/null &&
	bp practice beta-stretch --minutes 5 --date 2026-11-21 >/dev/null &&
	bp flare --date 2026-11-22 >/dev/null &&
	bp flare --over --date 2026-11-22 >/dev/null &&
	bp flare --date 2026-11-22 >/dev/null ||
	fail "making the log"
latest=$(sqlite3 "$DB" 'PRAGMA user_version')
[ "$latest" -ge 9 ] || fail "not a log of the latest version"

# The same log as version 5 had it: step 5 -> 6 undone, and the later
# steps' columns and tables with it.
later="ALTER TABLE checkin DROP COLUMN pain_set_at;
	ALTER TABLE session DROP COLUMN seconds;
	DROP TABLE lesson; ALTER TABLE screening DROP COLUMN revision;
	DROP TABLE trial_pause;"
v5=
for t in checkin answer trial session screening profile habit flare; do
	v5="$v5 DROP TRIGGER ${t}_uid; DROP INDEX ${t}_uid;
	ALTER TABLE $t DROP COLUMN uid;"
done
sqlite3 "$DB" "$later $v5 ALTER TABLE checkin DROP COLUMN revision;
	ALTER TABLE screening DROP COLUMN received_at;
	PRAGMA user_version = 5" || fail "undoing the steps from 5 -> 6 on"
rm -f "$DB.checked"
cp "$DB" "$T/v5.db"
# What it holds, as SQL, without the columns versions 6 and 7 add.
rows() { # db
	sqlite3 "$1" "SELECT * FROM checkin ORDER BY day;
		SELECT * FROM answer ORDER BY day, question_id;
		SELECT * FROM trial ORDER BY id; SELECT * FROM session ORDER BY id;
		SELECT * FROM screening ORDER BY id;
		SELECT * FROM profile ORDER BY key; SELECT * FROM habit ORDER BY id;
		SELECT * FROM flare ORDER BY id"
}
rows "$T/v5.db" >"$T/before"

expect_exit 0 bp status
[ "$(sqlite3 "$DB" 'PRAGMA user_version')" = "$latest" ] || fail "not upgraded"
[ "$(sqlite3 "$DB.bak-v5" 'PRAGMA user_version')" = 5 ] ||
	fail "the backup is not at version 5"
rows "$DB.bak-v5" | cmp - "$T/before" || fail "the backup is not the log"
[ "$(stat -c %a "$DB.bak-v5")" = 600 ] || fail "the backup is not 0600"

# Every row a uid of its own; each check-in revision 1.
for t in checkin answer trial session screening profile habit flare; do
	n=$(sqlite3 "$DB" "SELECT count(*) FROM $t")
	good=$(sqlite3 "$DB" "SELECT count(DISTINCT uid) FROM $t
		WHERE length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*'")
	[ "$n" = "$good" ] || fail "$t: $good of $n rows have a uid of their own"
done
[ "$(sqlite3 "$DB" 'SELECT count(*) FROM flare')" = 2 ] ||
	fail "two flare-ups of one day did not stay two"
[ "$(sqlite3 "$DB" 'SELECT group_concat(revision) FROM checkin')" = 1 ] ||
	fail "the check-in's revision is not 1"
[ "$(sqlite3 "$DB" 'SELECT count(*) FROM screening WHERE revision <> 1;
	SELECT count(*) FROM lesson; SELECT count(*) FROM trial_pause')" = "0
0
0" ] || fail "a screening revision is not 1, or a lesson or pause came"
# Nothing else changed: the rows without the new columns are the same.
sqlite3 "$DB" ".backup $T/v6.db"
sqlite3 "$T/v6.db" "$later $v5 ALTER TABLE checkin DROP COLUMN revision;
	ALTER TABLE screening DROP COLUMN received_at" || fail "stripping"
rows "$T/v6.db" >"$T/after"
expect_same "$T/before" "$T/after"

# Opened again: no second upgrade, the same uids.
sqlite3 "$DB" "SELECT uid FROM trial" >"$T/uids"
expect_exit 0 bp status
sqlite3 "$DB" "SELECT uid FROM trial" | cmp - "$T/uids" ||
	fail "the uids changed at the next open"
# A row written now gets a uid; so does one another tool adds.
bp start beta --date 2026-11-23 >/dev/null || fail "start after the upgrade"
sqlite3 "$DB" "INSERT INTO session (practice, approach, day, recorded_at)
	VALUES ('beta-stretch', 'beta', '2026-11-23', '2026-11-23T10:00:00+00:00')" ||
	fail "a row from another tool"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM trial WHERE uid IS NULL;
	SELECT count(*) FROM session WHERE uid IS NULL")" = "0
0" ] || fail "a new row has no uid"
expect_exit 0 bp export
echo "a version 5 log upgraded: a backup, a uid per row, nothing else changed"
