#!/usr/bin/env bash
# Four processes write 100 check-ins each (distinct days) into one log at
# the same time: all 400 are saved and no process reports an error.
. "$(dirname "$0")/../lib.sh"
DB=$T/log.db
WRITERS=4
EACH=100

FT=$FAKETIME_LIB # found by lib.sh
[ -n "$FT" ] || { echo "libfaketime.so.1 not found"; exit 77; }
export FAKETIME="@$CLI_NOW"

writer() { # W
	local k n day
	for k in $(seq 0 $((EACH - 1))); do
		n=$(($1 * EACH + k))
		day=$(date -d "2026-11-24 - $n days" +%F)
		LD_PRELOAD=$FT "$BACKPAIN" --db "$DB" --pack "$CLI_PACK" \
			checkin $((n % 11)) --date "$day" --note "writer $1" \
			>/dev/null || echo "writer $1: check-in $n exited $?"
	done
}

for w in $(seq 0 $((WRITERS - 1))); do
	writer "$w" >"$T/writer.$w" 2>&1 &
done
wait
cat "$T"/writer.* >"$T/errors"
[ -s "$T/errors" ] && { cat "$T/errors" >&2; fail "writers reported errors"; }
n=$(sqlite3 "$DB" 'select count(*) from checkin')
[ "$n" = $((WRITERS * EACH)) ] || fail "$n check-ins, expected $((WRITERS * EACH))"
for w in $(seq 0 $((WRITERS - 1))); do
	n=$(sqlite3 "$DB" "select count(*) from checkin where note = 'writer $w'")
	[ "$n" = "$EACH" ] || fail "writer $w: $n check-ins, expected $EACH"
done
[ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check"
