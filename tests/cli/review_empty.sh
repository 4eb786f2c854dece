#!/usr/bin/env bash
# review_empty: with no trial yet, review says so in words and exits 0; CSV
# is the header alone and JSON an empty array, so scripts need no special
# case.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/build_120days.sh"

expect_exit 0 rv review
expect_grep "^No trial yet, so there is nothing to review" "$T/out"
expect_grep "backpain start APPROACH" "$T/out"
[ -s "$T/err" ] && fail "review wrote to stderr"

# Check-ins alone make no trial either.
rv_on 2026-11-20 checkin 4
expect_exit 0 rv review
expect_grep "^No trial yet" "$T/out"

expect_exit 0 rv review --format csv
printf '%s\n' "approach,started,ended,days,checkins,adherence,before_mean,during_mean,change,change_pct,verdict,change_se,nap,more_days,reference,interference_change,interference_verdict,impression,chance_lower,chance_helped,chance_worse,confirmation" >"$T/want"
expect_same "$T/want" "$T/out"

expect_exit 0 rv review --format json
[ "$(cat "$T/out")" = "[]" ] || fail "JSON of no trial is not []"
