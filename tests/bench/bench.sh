#!/usr/bin/env bash
# bench.sh: what `make bench` runs once the binaries are built. Makes the
# 1-, 10- and 100-year logs afresh under $B/bench/logs (tests/bench/genlog.c
# says what they hold), then times every command on each against the
# sqlite3 shell (tests/bench/run.c) and prints the table. BENCH_RUNS sets
# the runs per figure (default 21). Then the JSON reader of import on
# inputs doubling in size up to BENCH_JSON_MIB (default 32), with the
# ratio of each figure to the one before (tests/bench/json.c). Exits 0
# with misses; non-zero only when the benchmark itself cannot run.
set -eu
TOP=$(cd "$(dirname "$0")/../.." && pwd)
B=${B:-build}
case $B in /*) ;; *) B="$TOP/$B" ;; esac
BACKPAIN="$B/backpain"
GENLOG="$B/bench/genlog"
RUN="$B/bench/run"
JSON="$B/bench/json"
for f in "$BACKPAIN" "$GENLOG" "$RUN" "$JSON"; do
	[ -x "$f" ] || { echo "bench: $f is missing; run make bench" >&2; exit 1; }
done
command -v sqlite3 >/dev/null || { echo "bench: no sqlite3 shell" >&2; exit 1; }

# A private, empty HOME: no config file, no ~/.sqliterc, the default day
# start; nothing from the caller's environment picks another log or pack.
WORK="$B/bench"
rm -rf "${WORK:?}/logs" "${WORK:?}/home"
mkdir -p "$WORK"
mkdir -m 0700 "$WORK/logs" "$WORK/home"
unset XDG_DATA_HOME XDG_CONFIG_HOME BACKPAIN_DB BACKPAIN_PACK NO_COLOR
export HOME="$WORK/home" LC_ALL=C.UTF-8

# Today as the program counts it (its day may start after midnight): the
# day an empty log says is due.
"$BACKPAIN" --db "$WORK/logs/today.db" due >"$WORK/due.out"
today=$(grep -o '[0-9]\{4\}-[0-9]\{2\}-[0-9]\{2\}' "$WORK/due.out" | head -n 1)
[ -n "$today" ] || { echo "bench: cannot tell today from: $(cat "$WORK/due.out")" >&2; exit 1; }

logs=()
for years in 1 10 100; do
	db="$WORK/logs/${years}y.db"
	"$BACKPAIN" --db "$db" status >/dev/null
	"$GENLOG" "$db" "$today" "$years"
	cp "$db" "$db.floor" # the sqlite3 shell's copy (tests/bench/run.c)
	logs+=("${years}y=$db")
	printf 'log %-4s %6d days, %6d check-ins, %6d sessions, %4d trials, %5d KiB\n' \
		"${years}y" \
		"$(sqlite3 "$db" "SELECT CAST(julianday('$today') - julianday(value) + 1 AS INTEGER) FROM profile WHERE key = 'onboarded'")" \
		"$(sqlite3 "$db" 'SELECT count(*) FROM checkin')" \
		"$(sqlite3 "$db" 'SELECT count(*) FROM session')" \
		"$(sqlite3 "$db" 'SELECT count(*) FROM trial')" \
		"$(($(stat -c %s "$db") / 1024))"
done
echo "today $today; $(uname -srm); $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg); sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
echo
"$RUN" -n "${BENCH_RUNS:-21}" "$BACKPAIN" "$today" "${logs[@]}"
echo
"$JSON" -m "${BENCH_JSON_MIB:-32}"
