#!/usr/bin/env bash
# review_edges: the verdicts that say what is missing (no-baseline, which a
# usual-pain rating answered later does not change; too-early in an ended
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

# reading: one check-in in the 14 days before it, no usual-pain rating.
# The check-ins that only fill the days run on the plain build (rv_on).
plain rv_ok safety --answer numbness=no --answer fever=no \
	--answer night-pain=no
rv_on 2026-11-01 checkin 5
rv_ok start reading --date 2026-11-02
# Starting without a baseline is allowed, with the reason it cannot be judged.
expect_grep "^backpain: start: this trial will have no baseline to compare with: the 14 days before 2026-11-02 have 1 of the 5 ratings needed, so its effect cannot be judged.$" "$T/rv.err"
for d in 02 03 04 05 06 07 08 09 10; do
	rv_on 2026-11-$d checkin 4
done
rv_ok stop reading --outcome stopped --date 2026-11-10
# workout: a baseline (11-01 .. 11-10: 10 check-ins), but 9 days, fewer than
# the 14 (7 to settle in, 7 to judge) it needs.
rv_ok start workout --date 2026-11-12
grep -q "no baseline" "$T/rv.err" && fail "a start with a baseline warned"
for d in 12 15 17 19; do
	rv_on 2026-11-$d checkin 5
done
rv_ok stop workout --outcome stopped --date 2026-11-20

rv_ok review --format csv
expect_same "$E/review_edges_nobaseline.csv" "$T/rv.out"
rv_ok review
cp "$T/rv.out" "$T/table"
says "Verdict: no-baseline. Cannot be judged" "$T/table"
# What it lacked, without inviting ratings of those days from memory.
says "It had only 1 rating in the 14 days before its start (2026-10-19 to 2026-11-01) and 5 are needed for a baseline, so its effect cannot be judged. A trial started after check-ins on at least 5 of the 14 days before it can be." "$T/table"
grep -q "more for those days" "$T/table" && fail "the review invites rating past days"
says "Verdict: too-early. Too early to tell." "$T/table"
says "It ran 9 days, fewer than the 14 needed to judge a trial (7 to settle in, then 7)." "$T/table"

# Answering the first-run questions later (a usual pain of 6) changes no
# verdict: a recalled rating is context, never a baseline.
sqlite3 "$T/log.db" "INSERT INTO profile (key, value) VALUES ('usual_pain', '6')"
# A trial of an approach this pack does not know (a pack changed since).
sqlite3 "$T/log.db" "INSERT INTO trial (approach, started_on) VALUES ('old-way', '2026-11-21')"
rv_ok review --format csv
expect_same "$E/review_edges_usual.csv" "$T/rv.out"
rv_ok review --format json
json_expect "$T/rv.out" <<'EOF'
$[0].baseline null
$[0].before_mean null
$[0].verdict "no-baseline"
$[0].explanation "1 check-in in the 14 days before the start (5 needed)"
$[1].verdict "too-early"
$[1].change null
$[2].approach "old-way"
$[2].title null
$[2].adherence null
$[2].practised_days null
$[2].running true
$[2].days 4
EOF
rv_ok review
expect_grep "^3\. an approach this pack does not have: old-way$" "$T/rv.out"
says "Verdict: no-baseline. Cannot be judged" "$T/rv.out"
grep -q "usual pain at" "$T/rv.out" && fail "the usual pain became a baseline"

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
expect_grep "is damaged (the profile's usual_pain: usual_pain is 'twelve', not a rating from 0 to 10)" "$T/err"
[ -s "$T/out" ] && fail "a refused review printed a result"
[ "$before" = "$(sqlite3 "$T/log.db" .dump)" ] || fail "a refused review changed the log"
exit 0
