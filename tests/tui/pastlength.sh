#!/usr/bin/env bash
# tui/pastlength: Today names a trial still running past its length as
# "day 15, 8 past its 7 days: time to review", not "day 15 of 7".
. "$(dirname "$0")/lib_tui.bash"
DB=$T/log.db
PACK=$CLI_PACK

bp safety --answer numb=no >/dev/null || fail "safety answers"
sqlite3 "$DB" "insert into profile (key, value) values ('onboarded', '2026-11-01')" ||
	fail "cannot mark onboarding done"
bp start alpha --date 2026-11-10 >/dev/null || fail "start alpha"
at '@2026-11-24 12:00:00'
bp_tui "${AT[@]}"
wait_for "day 15, 8 past its 7 days: time to review"
screen | grep -q 'of 7' && fail "a count past its end on Today"
keys q
[ "$(wait_exit)" = 0 ] || fail "q did not exit 0"
exit 0
