#!/usr/bin/env bash
# A damaged log is refused before anything is written to it. The whole file
# is read through (PRAGMA quick_check) at the first open of each day, so
# damage in a page no command happens to read is found too: exit 74, a
# message naming the log, and the file byte for byte as it was. Within a
# day the check is not repeated while the log stays as the program left it
# (the stamp beside the log says so), which keeps daily commands from
# reading a long log whole; a log changed or copied over by anything else
# is read through at its next open, the same day.
. "$(dirname "$0")/../lib.sh"
BIN=$BACKPAIN
DB=$T/log.db
day1='2026-11-24 12:00:00'
day2='2026-11-25 12:00:00'
run() { # when args...
	local when=$1
	shift
	faketime "$when" "$BIN" --db "$DB" "$@"
}

# A log with an index deep enough to have leaf pages of its own.
run "$day1" checkin 4 >/dev/null || fail "first checkin"
sqlite3 "$DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
	WHERE i < 3000) INSERT INTO session (practice, approach, day, minutes,
	recorded_at) SELECT 'p' || i, 'a', date('2010-01-01', '+' || (i % 3000)
	|| ' days'), 10, '2026-11-24T12:00:00+00:00' FROM n" ||
	fail "filling the log"
run "$day1" status >/dev/null || fail "status on a sound log"
[ -f "$DB.checked" ] || fail "no stamp after a sound check"
[ "$(stat -c %a "$DB.checked")" = 600 ] || fail "stamp is not 0600"

# Overwrite one leaf page of the session_day index, which due, status and
# checkin never read.
psize=$(sqlite3 "$DB" 'PRAGMA page_size')
leaf=$(sqlite3 "$DB" "SELECT max(pageno) FROM dbstat WHERE name = 'session_day'
	AND pagetype = 'leaf'" 2>/dev/null)
if [ -z "$leaf" ]; then
	echo "sqlite3 has no dbstat table to find an index page"
	exit 77
fi
head -c "$psize" /dev/urandom >"$T/junk"
dd if="$T/junk" of="$DB" bs="$psize" seek=$((leaf - 1)) count=1 \
	conv=notrunc status=none
cp "$DB" "$T/damaged.copy"

# A stamp that matches the file is trusted: forged here to the damaged
# file's times, due reads only check-ins, and succeeds.
stamp_of() { # path
	printf '%s %s\n' "$(faketime "$day1" date +%F)" \
		"$(stat -c '%d %i %s %.9Y %.9Z' "$1")"
}
good_stamp=$(cat "$DB.checked")
stamp_of "$DB" >"$DB.checked"
run "$day1" due >/dev/null
[ $? -le 1 ] || fail "due with a matching stamp should not read the whole log"
# A command that reads the damaged page meets SQLITE_CORRUPT there: 74
# with the damaged-log message, and nothing changed.
for cmd in review status; do
	stamp_of "$DB" >"$DB.checked"
	# shellcheck disable=SC2086
	expect_exit 74 run "$day1" $cmd
	expect_grep "is damaged" "$T/err"
	expect_grep "nothing was changed" "$T/err"
	cmp -s "$DB" "$T/damaged.copy" || fail "'$cmd' changed the damaged log"
done
cp "$T/damaged.copy" "$DB"

# The same day, damaged in place after the day's check: the file is not as
# the program left it, so the next open reads it through and refuses it.
printf '%s\n' "$good_stamp" >"$DB.checked"
expect_exit 74 run "$day1" due
expect_grep "nothing was changed" "$T/err"
cmp -s "$DB" "$T/damaged.copy" || fail "due changed the damaged log"

# The same day, a damaged copy put over a sound log, even one that keeps
# the times of the log it replaces (cp -p): refused at the next open.
rm -f "$DB" "$DB.checked"
run "$day1" checkin 4 >/dev/null || fail "a fresh log"
run "$day1" due >/dev/null
[ -f "$DB.checked" ] || fail "no stamp after closing a sound log"
touch -r "$DB" "$T/damaged.copy"
cp -p "$T/damaged.copy" "$DB"
expect_exit 74 run "$day1" status
expect_grep "is damaged" "$T/err"
cmp -s "$DB" "$T/damaged.copy" || fail "status changed the copied log"

# The next day: the first open reads it through and refuses it, for a
# read and for a write alike, without changing a byte.
for cmd in "due" "status" "checkin 3"; do
	# shellcheck disable=SC2086
	expect_exit 74 run "$day2" $cmd
	expect_grep "$DB" "$T/err"
	expect_grep "nothing was changed" "$T/err"
	cmp -s "$DB" "$T/damaged.copy" || fail "'$cmd' changed the damaged log"
	[ ! -e "$DB-wal" ] || fail "'$cmd' left a -wal file beside the log"
done
echo "a damaged log is refused at the first open of the day, unchanged"
