#!/usr/bin/env bash
# day.c under a fixed clock: the unit tests of day.c run under faketime at
# times around the start of the day, a new year and the DST changes, each
# told (DAY_EXPECT_TODAY, DAY_EXPECT_CALENDAR) what today must be.
. "$(dirname "$0")/../lib.sh"
bin="$B/tests/test_day"
[ -x "$bin" ] || { echo "$bin is not built"; exit 77; }
# libfaketime preloaded directly: the faketime wrapper's named semaphores
# can collide when many tests run at once. It comes ahead of the sanitizer
# runtime, which is told not to mind.
FT=$(find /usr/lib /usr/local/lib -name libfaketime.so.1 2>/dev/null | head -n 1)
[ -n "$FT" ] || { echo "libfaketime.so.1 not found"; exit 77; }
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0"

# at ZONE 'LOCAL TIME' TODAY CALENDAR: today (day starting 04:00) and the
# calendar date at that local time.
at() {
	TZ=$1 DAY_EXPECT_TODAY=$3 DAY_EXPECT_CALENDAR=$4 FAKETIME="@$2" \
		LD_PRELOAD=$FT "$bin" >"$T/log" 2>&1 ||
		{ cat "$T/log" >&2; fail "at $2 in $1: expected today $3, calendar $4"; }
}

at UTC '2026-11-24 01:30:00' 2026-11-23 2026-11-24
at UTC '2026-11-24 03:59:00' 2026-11-23 2026-11-24
at UTC '2026-11-24 04:00:00' 2026-11-24 2026-11-24
at UTC '2026-11-24 23:59:00' 2026-11-24 2026-11-24
at UTC '2027-01-01 02:00:00' 2026-12-31 2027-01-01
at UTC '2024-03-01 00:10:00' 2024-02-29 2024-03-01
at Europe/Berlin '2026-03-29 01:30:00' 2026-03-28 2026-03-29
at Europe/Berlin '2026-03-29 03:30:00' 2026-03-28 2026-03-29
at Europe/Berlin '2026-03-29 04:30:00' 2026-03-29 2026-03-29
at Europe/Berlin '2026-10-25 02:30:00' 2026-10-24 2026-10-25
at Europe/Berlin '2026-10-25 04:00:00' 2026-10-25 2026-10-25
at America/New_York '2026-03-08 03:30:00' 2026-03-07 2026-03-08
at America/New_York '2026-11-01 01:30:00' 2026-10-31 2026-11-01
at America/New_York '2026-11-01 05:00:00' 2026-11-01 2026-11-01

# The expectations are checked, not ignored: a wrong one fails.
if TZ=UTC DAY_EXPECT_TODAY=2026-11-24 FAKETIME='@2026-11-24 01:30:00' \
	LD_PRELOAD=$FT "$bin" >"$T/log" 2>&1; then
	fail "a wrong expectation of today passed"
fi
exit 0
