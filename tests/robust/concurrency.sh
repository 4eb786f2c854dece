#!/usr/bin/env bash
# Four processes write 100 check-ins each (distinct days) into one log at
# the same time, while a fifth imports five exports of 20 days each (days
# of 2019, apart from the writers'), each twice: all 400 check-ins and all
# 100 imported days are saved, the second import of a file adds nothing,
# and no process reports an error.
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

IMPORTS=5
IMPORT_DAYS=20
for f in $(seq 0 $((IMPORTS - 1))); do
	{
		printf '{"format":1,"checkin":['
		for k in $(seq 0 $((IMPORT_DAYS - 1))); do
			n=$((f * IMPORT_DAYS + k))
			day=$(date -d "2019-01-01 + $n days" +%F)
			[ "$k" = 0 ] || printf ','
			printf '{"day":"%s","pain":%d,"interference":null,"note":"import %d","recorded_at":"%sT20:00:00+00:00","updated_at":"%sT20:00:00+00:00"}' \
				"$day" $((n % 11)) "$f" "$day" "$day"
		done
		printf '],"answer":[],"trial":[],"session":[],"screening":[],"profile":[]}\n'
	} >"$T/import.$f.json"
done
importer() {
	local f round
	for f in $(seq 0 $((IMPORTS - 1))); do
		for round in 1 2; do
			LD_PRELOAD=$FT "$BACKPAIN" --db "$DB" --pack "$CLI_PACK" \
				import "$T/import.$f.json" >"$T/import.out" ||
				echo "importer: import $f exited $?"
			[ "$round" = 1 ] || grep -q "0 check-ins ($IMPORT_DAYS already there)" \
				"$T/import.out" || echo "importer: import $f twice: $(cat "$T/import.out")"
		done
	done
}

for w in $(seq 0 $((WRITERS - 1))); do
	writer "$w" >"$T/writer.$w" 2>&1 &
done
importer >"$T/writer.importer" 2>&1 &
wait
cat "$T"/writer.* >"$T/errors"
[ -s "$T/errors" ] && { cat "$T/errors" >&2; fail "writers reported errors"; }
n=$(sqlite3 "$DB" "select count(*) from checkin where day >= '2020'")
[ "$n" = $((WRITERS * EACH)) ] || fail "$n check-ins, expected $((WRITERS * EACH))"
for f in $(seq 0 $((IMPORTS - 1))); do
	n=$(sqlite3 "$DB" "select count(*) from checkin where note = 'import $f'")
	[ "$n" = "$IMPORT_DAYS" ] || fail "import $f: $n days, expected $IMPORT_DAYS"
done
for w in $(seq 0 $((WRITERS - 1))); do
	n=$(sqlite3 "$DB" "select count(*) from checkin where note = 'writer $w'")
	[ "$n" = "$EACH" ] || fail "writer $w: $n check-ins, expected $EACH"
done
[ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check"
