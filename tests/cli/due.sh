#!/usr/bin/env bash
# due: exit 0 with a one-line reminder while today has no check-in, exit 1
# and silence once it has; today begins at the configured hour (04:00).
. "$(dirname "$0")/../lib.sh"
E="$(dirname "$0")/expected"
DB=$T/log.db

step due
step checkin 4 --date yesterday
step due
step checkin 3
step due
step due --help
expect_same "$E/due.txt" "$T/transcript"

# At 02:00 on the 25th it is still the evening of the 24th: not due.
expect_exit 1 faketime '2026-11-25 02:00:00' "$BACKPAIN" --db "$DB" due
[ -s "$T/out" ] && fail "due printed something when today is checked in"
# At 04:00 the 25th has begun.
expect_exit 0 faketime '2026-11-25 04:00:00' "$BACKPAIN" --db "$DB" due
expect_grep '2026-11-25' "$T/out"
