#!/usr/bin/env bash
# clock_ahead: safety answers given while the clock was a year ahead read
# "on <today>" for ever and outranked every answer given since, once the
# clock was right (the latest answer is the latest in time). An answer
# this log wrote counts from no later than any answer it wrote after it,
# and one stamped after tomorrow makes the re-check due, so it is asked
# again.
. "$(dirname "$0")/../lib.sh"
DB=$T/log.db
ahead() { faketime -f '@2027-11-24 12:00:00' "$BACKPAIN" --db "$DB" --pack "$CLI_PACK" "$@"; }
right() { faketime -f '@2026-11-24 12:00:00' "$BACKPAIN" --db "$DB" --pack "$CLI_PACK" "$@"; }

# A no given a year ahead: it reads as today, and the re-check is due
# (before, the re-check waited a year and six weeks).
ahead safety --answer numb=no >/dev/null || fail "the no, a year ahead"
right checkin 3 >/dev/null || fail checkin
sqlite3 "$DB" "insert into profile (key, value) values ('onboarded', '2026-11-01')" ||
	fail "cannot mark the first run done"
right status >"$T/out" || fail status
expect_grep '^Next       anything new since 2026-11-24? backpain safety$' "$T/out"
# A yes a year ahead, then, the clock right again, a no: the no is the
# latest answer (before, the yes outranked it for a year), and a start
# may go on.
ahead safety --answer numb=yes >/dev/null || fail "the yes, a year ahead"
right safety >"$T/out" || fail safety
expect_grep 'YES, on 2026-11-24' "$T/out"
right safety --answer numb=no >/dev/null || fail "the no"
right safety >"$T/out" || fail safety
expect_grep 'Answer: no, on 2026-11-24' "$T/out"
right start alpha >"$T/out" 2>&1 || { cat "$T/out" >&2; fail "start after the no"; }
echo "an answer from a clock that was ahead no longer outranks the answers since"
