#!/usr/bin/env bash
# review_edges: the verdicts that say what is missing (no-baseline, then a
# baseline from the usual-pain rating; too-early on check-ins in an ended
# trial), a trial of an approach the pack does not know, and the refusals:
# bad options (64) and a damaged usual-pain rating (74), with nothing
# written.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/build_120days.sh"
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0"
[ -x "${BACKPAIN_ASAN:-}" ] && BP=$BACKPAIN_ASAN
E="$(dirname "$0")/expected"

# says PHRASE FILE: FILE holds PHRASE, however its lines were folded.
says() {
	tr -s ' \n' '  ' <"$2" | grep -qF -e "$1" ||
		{ cat "$2" >&2; fail "no '$1' in $2"; }
}

# reading: one check-in in the 7 days before it, no usual-pain rating.
rv_ok safety --answer numbness=no --answer fever=no --answer night-pain=no
rv_ok checkin 5 --date 2026-11-01
rv_ok start reading --date 2026-11-02
for d in 02 03 04 05 06 07 08 09 10; do
	rv_ok checkin 4 --date 2026-11-$d
done
rv_ok stop reading --outcome stopped --date 2026-11-10
# workout: a full baseline, but 3 check-ins in its last 7 days.
rv_ok start workout --date 2026-11-12
for d in 12 15 17 19; do
	rv_ok checkin 5 --date 2026-11-$d
done
rv_ok stop workout --outcome stopped --date 2026-11-20

rv_ok review --format csv
expect_same "$E/review_edges_nobaseline.csv" "$T/rv.out"
rv_ok review
cp "$T/rv.out" "$T/table"
says "Verdict: no-baseline. Cannot be judged" "$T/table"
says "(2026-10-26 to 2026-11-01) have 1 check-in and 3 are needed: 2 more for those days, or a usual-pain rating" "$T/table"
says "Verdict: too-early. Too early to tell." "$T/table"
says "Its last 7 days (2026-11-14 to 2026-11-20) had 3 check-ins and 4 are needed: 1 more for those days would let it be judged." "$T/table"

# The usual-pain rating from the first run becomes reading's baseline:
# 6 against the mean 4 of 11-04..11-10 is 2 points and 33%.
sqlite3 "$T/log.db" "INSERT INTO profile (key, value) VALUES ('usual_pain', '6')"
# A trial of an approach this pack does not know (a pack changed since).
sqlite3 "$T/log.db" "INSERT INTO trial (approach, started_on) VALUES ('old-way', '2026-11-21')"
rv_ok review --format csv
expect_same "$E/review_edges_usual.csv" "$T/rv.out"
rv_ok review --format json
python3 - "$T/rv.out" <<'PY' || fail "JSON of the edge cases"
import json, sys
rows = json.load(open(sys.argv[1]))
assert rows[0]["baseline"] == "usual-pain" and rows[0]["before_mean"] == 6.0
assert rows[0]["before_checkins"] == 1
assert "usual pain at onboarding" in rows[0]["explanation"]
assert rows[1]["verdict"] == "too-early" and rows[1]["change"] is None
assert rows[2]["approach"] == "old-way" and rows[2]["title"] is None
assert rows[2]["adherence"] is None and rows[2]["practised_days"] is None
assert rows[2]["running"] is True and rows[2]["days"] == 4
PY
rv_ok review
expect_grep "^3\. old-way$" "$T/rv.out"
says "Pain before: 6.00 (your usual pain at the first run)." "$T/rv.out"
says "Why: pain fell by 33% (threshold 30%), from 6.0 (usual pain at onboarding) to 4.0." "$T/rv.out"

# Refusals: a message naming what is wrong, the right code, nothing written.
before=$(sqlite3 "$T/log.db" .dump)
expect_exit 64 rv review --format xml
expect_grep "review: --format 'xml': use table, csv or json" "$T/err"
expect_exit 64 rv review --format
expect_grep "needs a value" "$T/err"
expect_exit 64 rv review extra
expect_grep "review: unexpected 'extra'" "$T/err"
expect_exit 64 rv review --bogus
expect_grep "unknown option '--bogus'" "$T/err"
expect_exit 0 rv review --help
expect_grep "approach,started,ended,days,checkins,adherence,before_mean," "$T/out"
sqlite3 "$T/log.db" "UPDATE profile SET value = 'twelve' WHERE key = 'usual_pain'"
before=$(sqlite3 "$T/log.db" .dump)
expect_exit 74 rv review
expect_grep "usual-pain rating is 'twelve', not a whole number from 0 to 10" "$T/err"
[ -s "$T/out" ] && fail "a refused review printed a result"
[ "$before" = "$(sqlite3 "$T/log.db" .dump)" ] || fail "a refused review changed the log"
exit 0
