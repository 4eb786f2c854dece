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
vg 64 review --no-such-option
sed 's/"pain":[0-9]*/"pain":11/' "$T/year.json" >"$T/bad.json"
vg 65 import "$T/bad.json"
python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
d["checkin"][0]["pain"] = (d["checkin"][0]["pain"] + 1) % 11
print(json.dumps(d, separators=(",", ":")))' "$T/year.json" >"$T/other.json" ||
	fail "cannot write other.json"
vg 65 import "$T/other.json" # a day the log holds otherwise
head -c 5000 "$T/year.json" >"$T/cut.json"
vg 65 import "$T/cut.json"
# An impression out of range; another impression than the log's (a
# conflict); a flare-up ended by nobody; an export from before the
# impression and the doctor's check, and one with a habit and flare-ups
# (both into a new log).
python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
t = [t for t in d["trial"] if t["ended_on"] is not None][0]
def write(name):
	open(sys.argv[2] + "/" + name, "w").write(
		json.dumps(d, separators=(",", ":")))
was = t["impression"]
t["impression"] = 9
write("imp9.json")
t["impression"] = (was or 0) % 7 + 1
write("imp.json")
t["impression"] = was
# A habit kept from that trial, a flare-up the person ended and one open
# (into a new log); then the ended one with nobody ending it.
d["habit"] = [{"id": 1, "approach": t["approach"], "trial_id": t["id"],
	"kept_on": t["ended_on"], "dropped_on": None}]
d["flare"] = [{"id": 1, "began_on": t["ended_on"], "ended_on": t["ended_on"],
	"ended_by": "person", "pain": 7, "note": "a note",
	"recorded_at": "2026-01-01T10:00:00+00:00"},
	{"id": 2, "began_on": t["ended_on"], "ended_on": None,
	"ended_by": None, "pain": None, "note": None,
	"recorded_at": "2026-01-02T10:00:00+00:00"}]
write("issue12.json")
d["flare"][0]["ended_by"] = None
write("flare_bad.json")
del d["habit"]
del d["flare"]
for r in d["trial"]:
	del r["impression"]
for r in d["screening"]:
	del r["checked_on"]
write("old.json")' "$T/year.json" "$T" || fail "cannot write the impression files"
vg 65 import "$T/imp9.json"
vg 65 import "$T/imp.json"
vg 65 import "$T/flare_bad.json"
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
