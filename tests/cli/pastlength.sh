#!/usr/bin/env bash
# pastlength: a trial still running past its length says how far past and
# that it is time to review, not "day 15 of 7"; on its last day it is
# still "day 7 of 7".
. "$(dirname "$0")/../lib.sh"
DB=$T/log.db

plain bp safety --answer numb=no >/dev/null || fail "safety answers"
sqlite3 "$DB" "insert into profile (key, value) values ('onboarded', '2026-11-01')" ||
	fail "cannot mark onboarding done"
plain bp start alpha --date 2026-11-10 >/dev/null || fail "start alpha"
bp status >"$T/out" || fail status
expect_grep '^  > alpha  day 15, 8 past its 7 days: time to review, since 2026-11-10$' "$T/out"
grep -q 'of 7' "$T/out" && fail "a count past its end: $(grep 'of 7' "$T/out")"
CLI_NOW='2026-11-16 12:00:00' bp status >"$T/out" || fail status
expect_grep '^  > alpha  day 7 of 7, since 2026-11-10, review due$' "$T/out"
exit 0
