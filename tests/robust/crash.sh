#!/usr/bin/env bash
# Check-ins killed with SIGKILL at random moments, until 150 of them have
# been killed: every check-in the command reported as saved is in the log
# afterwards, the log passes PRAGMA integrity_check, and it takes the next
# check-in as usual. Then imports killed likewise: all of the file or none.
. "$(dirname "$0")/../lib.sh"
DB=$T/log.db
KILLS=150
MAX_ROUNDS=1000

# libfaketime preloaded directly: the faketime wrapper forks, and the kill
# must reach the program itself.
FT=$FAKETIME_LIB # found by lib.sh
[ -n "$FT" ] || { echo "libfaketime.so.1 not found"; exit 77; }
export FAKETIME="@$CLI_NOW"

run() { LD_PRELOAD=$FT "$BACKPAIN" --db "$DB" --pack "$CLI_PACK" "$@"; }

# How long one check-in takes here, to kill within that time.
run checkin 5 --date 2020-01-01 >/dev/null || fail "first check-in"
t0=$(date +%s%N)
for i in 1 2 3 4 5; do
	run checkin 5 --date 2020-01-0$((i + 1)) >/dev/null || fail "timing"
done
us=$((($(date +%s%N) - t0) / 5000))
[ "$us" -gt 0 ] || us=1000
echo "one check-in takes about ${us} us"

: >"$T/saved"
killed=0 finished=0
i=0
while [ "$killed" -lt $KILLS ] && [ "$i" -lt $MAX_ROUNDS ]; do
	i=$((i + 1))
	day=$(date -d "2026-11-24 - $i days" +%F)
	pain=$((i % 11))
	# Not through run(): $! must be the program itself, not a subshell.
	LD_PRELOAD=$FT "$BACKPAIN" --db "$DB" --pack "$CLI_PACK" \
		checkin "$pain" --date "$day" --note "round $i" \
		>"$T/out.$i" 2>"$T/err.$i" &
	pid=$!
	# Anywhere from at once to the end of a whole check-in.
	delay=$((RANDOM * us / 32768))
	sleep "$(printf '%d.%06d' $((delay / 1000000)) $((delay % 1000000)))"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid"
	rc=$?
	case $rc in
	0) finished=$((finished + 1)) ;;
	137) killed=$((killed + 1)) ;;
	*) cat "$T/err.$i" >&2; fail "round $i exited $rc" ;;
	esac
	if grep -q "^Checked in $day: pain $pain/10\.$" "$T/out.$i"; then
		echo "$day|$pain|round $i" >>"$T/saved"
	elif [ "$rc" = 0 ]; then
		fail "round $i exited 0 without saying it saved"
	fi
done
echo "$killed killed, $finished finished, $(wc -l <"$T/saved") reported saved"
[ "$killed" -ge $KILLS ] ||
	fail "only $killed of $i rounds were killed: the test is too slow"

[ "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok ] ||
	fail "integrity_check: $(sqlite3 "$DB" 'PRAGMA integrity_check')"
while IFS='|' read -r day pain note; do
	got=$(sqlite3 "$DB" "select pain || '|' || note from checkin
		where day = '$day'")
	[ "$got" = "$pain|$note" ] || fail "$day was reported saved, log has '$got'"
done <"$T/saved"
run checkin 2 >/dev/null || fail "the log takes no check-in after the crashes"
[ "$(sqlite3 "$DB" "select pain from checkin where day = '2026-11-24'")" = 2 ] ||
	fail "today's check-in after the crashes is missing"

# Imports killed at random moments: an import is one transaction, so a
# copy of the log holds afterwards either every day of the file or none,
# passes integrity_check, and an import reported done is whole. The file
# has 200 days of 2019, before any day of the rounds above, and a flare-up
# of 2019 (all of them or none).
IMPORT_KILLS=40
{
	printf '{"format":1,"checkin":['
	for n in $(seq 0 199); do
		day=$(date -d "2019-01-01 + $n days" +%F)
		[ "$n" = 0 ] || printf ','
		printf '{"day":"%s","pain":%d,"interference":null,"note":"imported %d","recorded_at":"%sT20:00:00+00:00","updated_at":"%sT20:00:00+00:00"}' \
			"$day" $((n % 11)) "$n" "$day" "$day"
	done
	printf '],"answer":[],"trial":[],"session":[],"screening":[],"profile":[],'
	printf '"habit":[],"flare":[{"id":1,"began_on":"2019-03-01","ended_on":"2019-03-04","ended_by":"person","pain":8,"note":"imported","recorded_at":"2019-03-01T20:00:00+00:00"}]}\n'
} >"$T/import.json"
cp "$DB" "$T/base.db"
t0=$(date +%s%N)
run import "$T/import.json" >/dev/null || fail "a first import failed"
us=$((($(date +%s%N) - t0) / 1000))
echo "one import takes about ${us} us"
[ "$(sqlite3 "$DB" "select count(*) from checkin where day < '2020';
	select count(*) from flare where began_on < '2020'")" = "200
1" ] ||
	fail "the first import is not whole"
killed=0 finished=0 i=0
while [ "$killed" -lt $IMPORT_KILLS ] && [ "$i" -lt $MAX_ROUNDS ]; do
	i=$((i + 1))
	cp "$T/base.db" "$T/round.db"
	# A kill can come before the child has opened its output: the last
	# round's "Imported" must not be read as this one's.
	: >"$T/out.import"
	LD_PRELOAD=$FT "$BACKPAIN" --db "$T/round.db" --pack "$CLI_PACK" \
		import "$T/import.json" >"$T/out.import" 2>"$T/err.import" &
	pid=$!
	delay=$((RANDOM * us / 32768))
	sleep "$(printf '%d.%06d' $((delay / 1000000)) $((delay % 1000000)))"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid"
	rc=$?
	case $rc in
	0) finished=$((finished + 1)) ;;
	137) killed=$((killed + 1)) ;;
	*) cat "$T/err.import" >&2; fail "import round $i exited $rc" ;;
	esac
	[ "$(sqlite3 "$T/round.db" 'PRAGMA integrity_check')" = ok ] ||
		fail "import round $i: integrity_check failed"
	n=$(sqlite3 "$T/round.db" "select count(*) from checkin where day < '2020'")
	[ "$(sqlite3 "$T/round.db" "select count(*) from flare where began_on < '2020'")" = $((n / 200)) ] ||
		fail "import round $i left $n of the 200 days and not as many flare-ups: not one transaction"
	case $n in
	0) grep -q '^Imported' "$T/out.import" &&
		fail "import round $i said it imported, the log has none" ;;
	200) ;;
	*) fail "import round $i left $n of the 200 days: not one transaction" ;;
	esac
	rm -f "$T/round.db" "$T/round.db-wal" "$T/round.db-shm"
done
echo "imports: $killed killed, $finished finished"
[ "$killed" -ge $IMPORT_KILLS ] ||
	fail "only $killed of $i import rounds were killed: the test is too slow"
