#!/usr/bin/env bash
# A log held busy by another writer past the timeout: exit 75 (EX_TEMPFAIL)
# with a message, and nothing written once it is free again.
. "$(dirname "$0")/../lib.sh"
DB=$T/log.db

plain bp_on 2026-11-23 checkin 3 >/dev/null || fail seed
before=$(log_dump)
# Hold the write lock for longer than the store's timeout (5 s).
mkfifo "$T/hold"
(sqlite3 "$DB" <"$T/hold" >/dev/null 2>&1) &
exec 3>"$T/hold"
echo 'BEGIN IMMEDIATE;' >&3
echo "select 'locked';" >&3
sleep 0.5
start=$(date +%s)
expect_exit 75 bp checkin 4
[ $(($(date +%s) - start)) -ge 4 ] || fail "gave up before the timeout"
expect_grep 'busy' "$T/err"
echo 'COMMIT;' >&3
exec 3>&-
wait
[ "$(log_dump)" = "$before" ] || fail "the busy check-in wrote something"
expect_exit 0 bp checkin 4
