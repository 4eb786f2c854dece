#!/usr/bin/env bash
# The day of a check-in is the local calendar day (TZ), not UTC, and it
# begins at the configured hour: 04:00 by default, day_starts_at in the
# config file otherwise.
. "$(dirname "$0")/../lib.sh"
DB=$T/log.db

at() { # TZ TIME ARGS...
	local tz=$1 now=$2
	shift 2
	TZ=$tz faketime "$now" "$BACKPAIN" --db "$DB" --pack "$CLI_PACK" "$@"
}
day_of_pain() { sqlite3 "$DB" "select day from checkin where pain = $1"; }

# 23:30 in New York is 04:30 UTC the next day: the local day counts.
at America/New_York '2026-11-24 23:30:00' checkin 1 >/dev/null || fail 1
[ "$(day_of_pain 1)" = 2026-11-24 ] || fail "New York: $(day_of_pain 1)"
# 08:00 in Tokyo is 23:00 UTC the day before.
at Asia/Tokyo '2026-11-20 08:00:00' checkin 2 >/dev/null || fail 2
[ "$(day_of_pain 2)" = 2026-11-20 ] || fail "Tokyo: $(day_of_pain 2)"
# 01:30 belongs to the evening before; 04:00 starts the new day.
at UTC '2026-11-18 01:30:00' checkin 3 >/dev/null || fail 3
[ "$(day_of_pain 3)" = 2026-11-17 ] || fail "01:30: $(day_of_pain 3)"
at UTC '2026-11-15 04:00:00' checkin 4 >/dev/null || fail 4
[ "$(day_of_pain 4)" = 2026-11-15 ] || fail "04:00: $(day_of_pain 4)"
# "yesterday" at 01:30 on the 12th is the 10th: today is still the 11th.
at UTC '2026-11-12 01:30:00' checkin 5 --date yesterday >/dev/null || fail 5
[ "$(day_of_pain 5)" = 2026-11-10 ] || fail "yesterday: $(day_of_pain 5)"

# With the day starting at midnight, 01:30 is the new day.
mkdir -p "$HOME/.config/backpain"
printf 'day_starts_at: "00:00"\n' >"$HOME/.config/backpain/config.yaml"
at UTC '2026-11-08 01:30:00' checkin 6 >/dev/null || fail 6
[ "$(day_of_pain 6)" = 2026-11-08 ] || fail "00:00 start: $(day_of_pain 6)"
# A bad config file is refused, and nothing is written.
printf 'day_starts_at: "25:00"\n' >"$HOME/.config/backpain/config.yaml"
before=$(log_dump)
expect_exit 65 at UTC '2026-11-08 12:00:00' checkin 7
expect_grep 'config.yaml:1:' "$T/err"
[ "$(log_dump)" = "$before" ] || fail "a bad config changed the log"
