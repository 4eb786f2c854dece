#!/usr/bin/env bash
# review_120days: 120 days of check-ins, practices and four trials (see
# build_120days.sh) judged by `backpain review`. The CSV is compared with
# expected/review_120days.csv, worked out by hand in
# expected/review_120days.txt; the table and the JSON with their expected
# files, the JSON also parsed and its figures checked one by one. Run with
# the plain and the sanitized binary; review must not change the log.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/build_120days.sh"
E="$(dirname "$0")/expected"
# faketime preloads a library, which ASan's link-order check refuses.
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0"

build_120days
before=$(sqlite3 "$T/log.db" .dump)

bins=("$BACKPAIN")
[ -x "${BACKPAIN_ASAN:-}" ] && bins+=("$BACKPAIN_ASAN")
for bin in "${bins[@]}"; do
	BP=$bin rv_ok review --format csv
	expect_same "$E/review_120days.csv" "$T/rv.out"
	BP=$bin rv_ok review
	expect_same "$E/review_120days.table" "$T/rv.out"
	BP=$bin rv_ok review --format table
	expect_same "$E/review_120days.table" "$T/rv.out"
	BP=$bin rv_ok review --format json
	expect_same "$E/review_120days.json" "$T/rv.out"
	[ -s "$T/rv.err" ] && { cat "$T/rv.err" >&2; fail "review wrote to stderr"; }
done

python3 -m json.tool "$T/rv.out" >/dev/null || fail "review --format json does not parse"
# The same figures as the CSV, as numbers, and what only JSON has.
python3 - "$T/rv.out" <<'EOF' || fail "JSON figures differ"
import json, sys
rows = json.load(open(sys.argv[1]))
want = [
    ("reading", "meaningful", 28, 27, 0.82, 6.14, 3.50, 2.64, 0.43, 2, -1.0, 0),
    ("workout", "unclear", 28, 26, 0.71, 4.17, 5.74, -1.57, -0.37, 6, -1.5, 21),
    ("stretching", "low-practice", 21, 20, 0.28, 5.23, 4.92, 0.30, 0.05, 0, None, 3),
    ("mat", "unclear", 5, 4, 0.80, 5.50, 4.25, 1.25, 0.22, 4, -1.25, 0),
]
assert len(rows) == len(want), rows
for r, w in zip(rows, want):
    got = (r["approach"], r["verdict"], r["days"], r["checkins"],
           r["adherence"], r["before_mean"], r["during_mean"], r["change"],
           r["change_pct"], r["immediate_sessions"], r["immediate_change"],
           r["overlap_days"])
    assert got == w, (got, w)
    assert r["baseline"] == "checkins", r
# Issue 10's figures: standard error, NAP, reference, more days.
assert [(r["change_se"], r["nap"], r["reference"], r["more_days"])
        for r in rows] == [(0.62, 0.99, "baseline", None),
                           (1.20, 0.18, "longer-run", None),
                           (0.26, 0.64, "baseline", None),
                           (0.25, None, "sessions", 1)], rows
assert rows[3]["running"] is True and rows[3]["ended"] is None
assert rows[0]["running"] is False and rows[0]["ended"] == "2026-08-31"
assert rows[0]["outcome"] == "helped" and rows[3]["outcome"] is None
# The mat started in stretching's judged window and not in its baseline,
# so it counts against stretching; nothing counts beside a flare-up tool.
assert [r["impression"] for r in rows] == ["much-better", None, "no-change", None]
assert rows[2]["overlaps"] == ["mat"] and rows[3]["overlaps"] == []
# Reading stopped inside workout's reference window (the longer run
# 08-11..09-04, picked after the flare) and not in its judged window.
assert rows[1]["overlaps"] == ["reading"] and rows[0]["overlaps"] == []
assert rows[2]["title"] == "Stretch <gently> & hold"
EOF

# sqlite3 agrees that it is JSON.
[ "$(sqlite3 :memory: "SELECT json_valid(readfile('$T/rv.out'))")" = 1 ] ||
	fail "sqlite3 json_valid rejects the JSON"

[ "$before" = "$(sqlite3 "$T/log.db" .dump)" ] || fail "review changed the log"
