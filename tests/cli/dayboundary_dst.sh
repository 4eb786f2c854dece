#!/usr/bin/env bash
# A day that starts inside the hour the clock repeats (issue 19): with
# day_starts_at "01:30" in New York, 2026-11-01 begins at 01:30 EDT (05:30
# UTC); at 02:00 EDT the clock goes back to 01:00 EST, and 01:00..01:29
# EST (06:00..06:29 UTC) still belong to 2026-11-01, not to the day
# before. A day that starts inside the hour the clock skips begins when
# the gap ends.
. "$(dirname "$0")/../lib.sh"
DB=$T/log.db

# at TZ UTC-TIME ARGS...: the clock set to an instant (libfaketime reads
# an absolute time in the zone, where these hours are ambiguous; an offset
# from now is not), none of them within a minute of a change.
at() {
	local tz=$1 by
	by=$(($(date -u -d "$2 UTC" +%s) - $(date +%s))) || return 2
	shift 2
	case $by in -*) ;; *) by=+$by ;; esac
	TZ=$tz faketime -f "$by" "$BACKPAIN" --db "$DB" --pack "$CLI_PACK" "$@"
}
day_of_pain() { sqlite3 "$DB" "select day from checkin where pain = $1"; }

mkdir -p "$HOME/.config/backpain"
printf 'day_starts_at: "01:30"\n' >"$HOME/.config/backpain/config.yaml"
# 01:20 EDT: the day before still.
at America/New_York '2026-11-01 05:20:00' checkin 1 >/dev/null || fail 1
[ "$(day_of_pain 1)" = 2026-10-31 ] || fail "01:20 EDT: $(day_of_pain 1)"
# 01:10 EST, after the clock went back: the day has begun.
at America/New_York '2026-11-01 06:10:00' checkin 2 >/dev/null || fail 2
[ "$(day_of_pain 2)" = 2026-11-01 ] || fail "01:10 EST: $(day_of_pain 2)"
at America/New_York '2026-11-01 06:10:00' checkin 3 --date today \
	>/dev/null || fail 3
[ "$(day_of_pain 3)" = 2026-11-01 ] || fail "today at 01:10 EST: $(day_of_pain 3)"
[ -z "$(day_of_pain 2)" ] || fail "today was not the day of the check-in before"
# The next day starts at 01:30 EST (06:30 UTC).
at America/New_York '2026-11-02 06:20:00' checkin 4 >/dev/null || fail 4
[ "$(day_of_pain 4)" = 2026-11-01 ] || fail "01:20 EST: $(day_of_pain 4)"
at America/New_York '2026-11-02 06:35:00' checkin 5 >/dev/null || fail 5
[ "$(day_of_pain 5)" = 2026-11-02 ] || fail "01:35 EST: $(day_of_pain 5)"

# Spring: 02:30 never comes on 2026-03-08 (02:00 EST is 03:00 EDT, 07:00
# UTC); a day starting at 02:30 starts at 03:00 EDT.
printf 'day_starts_at: "02:30"\n' >"$HOME/.config/backpain/config.yaml"
at America/New_York '2026-03-08 06:50:00' checkin 6 >/dev/null || fail 6
[ "$(day_of_pain 6)" = 2026-03-07 ] || fail "01:50 EST: $(day_of_pain 6)"
at America/New_York '2026-03-08 07:05:00' checkin 7 >/dev/null || fail 7
[ "$(day_of_pain 7)" = 2026-03-08 ] || fail "03:05 EDT: $(day_of_pain 7)"
echo "a day begun stays begun when the clock goes back"
