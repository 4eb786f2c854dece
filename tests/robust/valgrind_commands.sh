#!/usr/bin/env bash
# valgrind_commands.sh: every command of the unsanitized binary under
# valgrind's memcheck on the benchmarks' 1-year log (tests/bench/genlog.c),
# the guided program's first screen too: no invalid read or write, no use
# of uninitialised memory, no definite leak. Each command also exits as it
# should, refusals included. The clock is fixed at CLI_NOW, the log's last
# day.
. "$(dirname "$0")/../tui/lib_tui.bash"
command -v valgrind >/dev/null || { echo "valgrind is not installed"; exit 77; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed"; exit 77; }
[ -n "$FAKETIME_LIB" ] || { echo "libfaketime not found"; exit 77; }
TODAY=${CLI_NOW%% *}

# The generator make check and make bench build, else built here.
GENLOG="$B/bench/genlog"
if [ ! -x "$GENLOG" ]; then
	GENLOG="$T/genlog"
	# shellcheck disable=SC2046
	${CC:-cc} -std=c11 -O1 "$TOP/tests/bench/genlog.c" -o "$GENLOG" \
		$(pkg-config --cflags --libs sqlite3) || fail "cannot build genlog"
fi
faketime "$CLI_NOW" "$BACKPAIN" --db "$DB" status >/dev/null ||
	fail "cannot create the log"
"$GENLOG" "$DB" "$TODAY" 1 || fail "cannot fill the log"

# vg CODE ARGS...: backpain ARGS on the log under memcheck (a definite leak
# counts as an error, and any error exits 99); fail unless it exits CODE.
vg() {
	local want=$1
	shift
	expect_exit "$want" faketime "$CLI_NOW" valgrind -q --leak-check=full \
		--errors-for-leak-kinds=definite --error-exitcode=99 \
		"$BACKPAIN" --db "$DB" "$@"
}

vg 0 status
vg 1 due # the log's last day is checked in
vg 0 checkin 4 --date "$TODAY" --note "replaced under valgrind"
vg 0 checkin 5 --date yesterday --interference 3
vg 0 practice mat-session --minutes 15 --before 6 --after 4
running=$(sqlite3 "$DB" "SELECT approach FROM trial WHERE ended_on IS NULL
	ORDER BY id LIMIT 1")
if [ -n "$running" ]; then
	vg 0 stop "$running" --outcome helped
	vg 0 start "$running"
else
	vg 0 start mind-body
	vg 0 stop mind-body --outcome no-change
fi
vg 0 history
vg 0 history --days 30
vg 0 history --all --format csv
vg 0 history --format json
vg 0 review
vg 0 review --format csv
vg 0 review --format json
vg 0 report
vg 0 report --format markdown
vg 0 report --format html
vg 0 report -o "$T/report.html"
[ -s "$T/report.html" ] || fail "report -o wrote nothing"
vg 0 export
vg 0 export --format csv
vg 0 pack list
vg 0 learn
vg 0 learn --dismiss nice-guideline
vg 0 learn 4
vg 0 practice relaxed-breathing --before 5 --after 4
# The year exported, imported into a new log, and imported again.
faketime "$CLI_NOW" "$BACKPAIN" --db "$DB" export >"$T/year.json" ||
	fail "export failed"
DB=$T/copy.db vg 0 import "$T/year.json"
DB=$T/copy.db vg 0 import "$T/year.json"

# Refusals free what they allocated too, and change nothing.
before=$(log_dump)
vg 65 checkin 11
vg 65 history --days x
vg 65 start no-such-approach
vg 65 learn no-such-lesson
vg 64 review --no-such-option
sed 's/"pain":[0-9]*/"pain":11/' "$T/year.json" >"$T/bad.json"
vg 65 import "$T/bad.json"
# json_edit OUT SQL: the export edited by SQL, an expression over d (the
# export's text) in sqlite3's JSON functions, written to $T/OUT.
json_edit() {
	sqlite3 :memory: "SELECT $2 FROM (SELECT CAST(readfile('$T/year.json')
		AS TEXT) AS d)" >"$T/$1" && [ -s "$T/$1" ] || fail "cannot write $1"
}
json_edit other.json "json_set(d, '\$.checkin[0].pain',
	(json_extract(d, '\$.checkin[0].pain') + 1) % 11)"
vg 65 import "$T/other.json" # a day the log holds otherwise
head -c 5000 "$T/year.json" >"$T/cut.json"
vg 65 import "$T/cut.json"
# An impression out of range; another impression than the log's (a
# conflict); a flare-up ended by nobody; an export from before the
# impression and the doctor's check, and one with a habit and flare-ups
# (both into a new log).
# t: the path of the first trial that has ended.
t=$(sqlite3 :memory: "SELECT '\$.trial[' || key || ']' FROM json_each(
	CAST(readfile('$T/year.json') AS TEXT), '\$.trial')
	WHERE json_extract(value, '\$.ended_on') IS NOT NULL ORDER BY key LIMIT 1")
[ -n "$t" ] || fail "the year has no ended trial"
json_edit imp9.json "json_set(d, '$t.impression', 9)"
json_edit imp.json "json_set(d, '$t.impression',
	ifnull(json_extract(d, '$t.impression'), 0) % 7 + 1)"
# A habit kept from that trial, a flare-up the person ended and one open;
# then the ended one with nobody ending it.
issue12() { # ENDED_BY: the export with that habit and those flare-ups
	echo "json_set(d, '\$.habit', json_array(json_object('id', 1,
		'approach', json_extract(d, '$t.approach'),
		'trial_id', json_extract(d, '$t.id'),
		'kept_on', json_extract(d, '$t.ended_on'), 'dropped_on', NULL)),
	'\$.flare', json_array(json_object('id', 1,
		'began_on', json_extract(d, '$t.ended_on'),
		'ended_on', json_extract(d, '$t.ended_on'), 'ended_by', $1,
		'pain', 7, 'note', 'a note',
		'recorded_at', '2026-01-01T10:00:00+00:00'),
		json_object('id', 2, 'began_on', json_extract(d, '$t.ended_on'),
		'ended_on', NULL, 'ended_by', NULL, 'pain', NULL, 'note', NULL,
		'recorded_at', '2026-01-02T10:00:00+00:00')))"
}
json_edit issue12.json "$(issue12 "'person'")"
json_edit flare_bad.json "$(issue12 NULL)"
# An export from before the impression, the doctor's check, habits and
# flare-ups.
json_edit old.json "json_remove(json_set(d,
	'\$.trial', json((SELECT json_group_array(json_remove(value,
		'\$.impression')) FROM json_each(d, '\$.trial'))),
	'\$.screening', json((SELECT json_group_array(json_remove(value,
		'\$.checked_on')) FROM json_each(d, '\$.screening')))),
	'\$.habit', '\$.flare')"
for f in issue12 flare_bad old; do
	[ "$(sqlite3 :memory: "SELECT json_valid(readfile('$T/$f.json'))")" = 1 ] ||
		fail "$f.json is not JSON"
done
grep -q '"impression"\|"checked_on"\|"habit"\|"flare"' "$T/old.json" &&
	fail "old.json still has a newer key"
vg 65 import "$T/imp9.json"
grep -q "impression" "$T/err" || fail "imp9.json: not refused for its impression: $(cat "$T/err")"
vg 65 import "$T/imp.json"
grep -q "impression" "$T/err" || fail "imp.json: not refused for its impression: $(cat "$T/err")"
vg 65 import "$T/flare_bad.json"
grep -q "ended_by\|ended" "$T/err" || fail "flare_bad.json: not refused for its end: $(cat "$T/err")"
DB=$T/old.db vg 0 import "$T/old.json"
DB=$T/issue12.db vg 0 import "$T/issue12.json"
[ "$(sqlite3 "$T/issue12.db" "SELECT count(*) FROM habit;
	SELECT count(*) FROM flare WHERE ended_on IS NULL")" = "1
1" ] || fail "the habit and flare-ups were not imported"
[ "$before" = "$(log_dump)" ] || fail "a refusal changed the log"

# The guided program: its first screen, then q.
at "@$CLI_NOW"
bp_tui "${AT[@]}" valgrind -q --leak-check=full \
	--errors-for-leak-kinds=definite --error-exitcode=99 \
	--log-file="$T/valgrind.tui"
wait_for "Today's check-in:" 30
keys q
rc=$(wait_exit 30)
cat "$T/valgrind.tui" >&2
[ "$rc" = 0 ] || fail "the guided program under valgrind exited $rc"
[ -s "$T/valgrind.tui" ] && fail "valgrind reported on the guided program"
exit 0
