#!/usr/bin/env bash
# review_120days: 120 days of check-ins, practices and four trials (see
# build_120days.sh) judged by `backpain review`. The CSV is compared with
# expected/review_120days.csv, worked out by hand in
# expected/review_120days.txt; the table and the JSON with their expected
# files, the JSON also parsed and its figures checked one by one. Run with
# the plain and the sanitized binary; review must not change the log.
# The 120-day log comes from cli/build_120days, which run.sh runs first.
# after: cli/build_120days
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

# The same figures as the CSV, as numbers, and what only JSON has, read
# back with sqlite3's JSON functions (json_expect in lib.sh).
json_ok "$T/rv.out" || fail "review --format json does not parse"
[ "$(json_length "$T/rv.out")" = 4 ] || fail "review --format json: not 4 rows"
# Issue 10's figures too: standard error, NAP, reference, more days, and
# the person's own impression; and the chance it helped.
awk 'NR == 1 { n = split($0, key); next }
	NF { for (i = 1; i <= n; i++) printf "$[%d].%s %s\n", NR - 2, key[i], $i }' \
	>"$T/want" <<'EOF'
approach verdict days checkins adherence before_mean during_mean change change_pct immediate_sessions immediate_change overlap_days baseline change_se nap reference more_days impression chance_lower chance_helped chance_worse
"reading" "meaningful" 28 27 0.82 6.14 3.50 2.64 0.43 2 -1.0 0 "checkins" 0.62 0.99 "baseline" null "much-better" 1.0 0.78 0.0
"workout" "unclear" 28 26 0.71 4.17 5.74 -1.57 -0.37 6 -1.5 21 "checkins" 1.20 0.18 "longer-run" null null 0.04 0.0 0.30
"stretching" "low-practice" 21 20 0.28 5.23 4.92 0.30 0.05 0 null 3 "checkins" 0.26 0.64 "baseline" null "no-change" 0.67 0.01 0.0
"mat" "unclear" 5 4 0.80 5.50 4.25 1.25 0.22 4 -1.25 0 "checkins" 0.25 null "sessions" 1 null 0.99 0.08 0.0
EOF
[ "$(wc -l <"$T/want")" = 84 ] || fail "the table of figures is not 4 x 21"
# The mat started in stretching's judged window and not in its baseline,
# so it counts against stretching; nothing counts beside a flare-up tool.
# Reading stopped inside workout's reference window (the longer run
# 08-11..09-04, picked after the flare) and not in its judged window.
cat >>"$T/want" <<'EOF'
$[3].running true
$[3].ended null
$[0].running false
$[0].ended "2026-08-31"
$[0].outcome "helped"
$[3].outcome null
$[2].overlaps ["mat"]
$[3].overlaps []
$[1].overlaps ["reading"]
$[0].overlaps []
$[2].title "Stretch <gently> & hold"
EOF
json_expect "$T/rv.out" <"$T/want"
# The check itself can fail: one figure off by 0.01 is caught.
sed 's/^\$\[1\]\.before_mean 4\.17$/$[1].before_mean 4.18/' "$T/want" >"$T/want.off"
cmp -s "$T/want" "$T/want.off" && fail "could not alter the expected figures"
if (json_expect "$T/rv.out" <"$T/want.off") 2>/dev/null; then
	fail "json_expect missed a wrong figure"
fi

# sqlite3 agrees that it is JSON.
[ "$(sqlite3 :memory: "SELECT json_valid(readfile('$T/rv.out'))")" = 1 ] ||
	fail "sqlite3 json_valid rejects the JSON"

[ "$before" = "$(sqlite3 "$T/log.db" .dump)" ] || fail "review changed the log"
