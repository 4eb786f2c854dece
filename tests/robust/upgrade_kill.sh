#!/usr/bin/env bash
# An upgrade killed (SIGKILL) while it copies the log to PATH.bak-vN leaves
# its temporary copy, PATH.bak-vN.tmpPID. The next open, which upgrades
# again, removes the copies whose process is gone and keeps the one of a
# process still running. After every kill and the next open: no temporary
# copy left, the log upgraded and whole.
. "$(dirname "$0")/../lib.sh"
DB=$T/log.db
BIN=$BACKPAIN
run() { faketime "$CLI_NOW" "$BIN" --db "$DB" "$@"; }

# A version 1 log (version 2 added an index, version 3 the trial's
# impression, version 4 the doctor's check of a screening answer, version 5 the
# habit and flare tables, version 6 the rows' uids, the check-ins' revision
# and the screening answers' received_at, version 7 the time a check-in's
# pain was set and a session's seconds, version 8 the screening answer's
# revision and the lesson table, version 9 the pause week's table) with
# enough rows that copying it takes a moment.
run checkin 4 >/dev/null || fail "first check-in"
latest=$(sqlite3 "$DB" 'PRAGMA user_version')
no_uids=
for t in checkin answer trial session screening profile; do
	no_uids="$no_uids DROP TRIGGER ${t}_uid; DROP INDEX ${t}_uid;
	ALTER TABLE $t DROP COLUMN uid;"
done
sqlite3 "$DB" "$no_uids ALTER TABLE checkin DROP COLUMN revision;
	ALTER TABLE screening DROP COLUMN received_at" || fail "a v5 log"
sqlite3 "$DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
	WHERE i < 40000) INSERT INTO session (practice, approach, day, minutes,
	recorded_at) SELECT 'p' || (i % 50), 'a', date('2010-01-01', '+' ||
	(i % 5000) || ' days'), 10, '2026-11-24T12:00:00+00:00' FROM n;
	DROP INDEX screening_flag; ALTER TABLE trial DROP COLUMN impression;
	ALTER TABLE screening DROP COLUMN checked_on; DROP TABLE habit;
	DROP TABLE flare; ALTER TABLE checkin DROP COLUMN pain_set_at;
	ALTER TABLE session DROP COLUMN seconds;
	ALTER TABLE screening DROP COLUMN revision; DROP TABLE lesson;
	DROP TABLE trial_pause;
	PRAGMA user_version = 1" || fail "a v1 log"
cp "$DB" "$T/v1.db"
temps() { ls "$DB".bak-v1.tmp* 2>/dev/null; }

# A copy left by a process that is gone, and one of a process running.
sh -c 'exit 0' &
gone=$!
wait "$gone"
sleep 600 &
alive=$!
trap 'kill "$alive" 2>/dev/null; rm -rf "$T"' EXIT
: >"$DB.bak-v1.tmp$gone"
: >"$DB.bak-v1.tmp$alive"
run status >/dev/null || fail "status upgrading the log"
[ ! -e "$DB.bak-v1.tmp$gone" ] || fail "the copy of a gone process stayed"
[ -e "$DB.bak-v1.tmp$alive" ] || fail "the copy of a running process went"
kill "$alive"
rm -f "$DB.bak-v1.tmp$alive"
[ "$(sqlite3 "$DB" 'PRAGMA user_version')" = "$latest" ] || fail "not upgraded"

# Kill upgrades at moments spread over the copy; the next open cleans up.
killed_in_copy=0
for round in $(seq 1 25); do
	cp "$T/v1.db" "$DB"
	rm -f "$DB.bak-v1" "$DB.checked" "$DB-wal" "$DB-shm"
	# env execs the program, so $! is its pid (a function would run in a
	# subshell, and the kill would miss the program).
	env LD_PRELOAD="$FAKETIME_LIB" FAKETIME="@$CLI_NOW" NO_FAKE_STAT=1 \
		"$BIN" --db "$DB" status >/dev/null 2>&1 &
	pid=$!
	sleep "0.0$((round * 4 % 100))"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	[ -n "$(temps)" ] && killed_in_copy=$((killed_in_copy + 1))
	run status >/dev/null || fail "round $round: status after the kill"
	[ -z "$(temps)" ] || fail "round $round: left $(temps)"
	[ "$(sqlite3 "$DB" 'PRAGMA user_version')" = "$latest" ] ||
		fail "round $round: not upgraded"
	[ "$(sqlite3 "$DB" 'select count(*) from session')" = 40000 ] ||
		fail "round $round: sessions lost"
done
echo "no temporary copy left after 25 killed upgrades ($killed_in_copy killed while copying)"
