#!/usr/bin/env bash
# report_months: the report's curve gives each month the mean interference
# of that month's own ratings. A month shorter than 31 days (February, or
# November) once reached back into the month before it, so a month with no
# interference rated showed the last days' figure of the one before. A
# single flare-up is summed up by its own figures.
. "$(dirname "$0")/../lib.sh"
DB=$T/log.db

on() { # DAY ARGS...: bp_on, failing unless it exits 0
	bp_on "$@" >"$T/out" 2>"$T/err" ||
		{ cat "$T/out" "$T/err" >&2; fail "backpain ${*:2} on $1 failed"; }
}

# January: pain 5, interference 2 on its last three days; February: pain 4
# with no interference; March: pain 3, interference 6 on the 1st only.
for d in 29 30 31; do on 2027-01-$d checkin 5 --interference 2; done
for d in 01 02 27 28; do on 2027-02-$d checkin 4; done
on 2027-03-01 checkin 3 --interference 6
on 2027-03-02 checkin 3
# One flare-up from 2027-02-27, over on 2027-03-01 (so its days are the
# 27th and 28th), at pain 8: its own figures, not
# an "average" of one.
on 2027-02-27 flare --pain 8
on 2027-03-01 flare --over
on 2027-03-03 report
r=$T/out
tr -s ' \n' '  ' <"$r" | grep -qF "it lasted 2 days, with pain up to 8 at its worst" ||
	{ cat "$r" >&2; fail "one flare-up's figures"; }
tr -s ' \n' '  ' <"$r" | grep -q "on average" && { cat "$r" >&2; fail "an average of one flare-up"; }
expect_grep '^2027-01  .*mean 5\.0, 3 check-ins; interf\. 2\.0$' "$r"
expect_grep '^2027-02  .*mean 4\.0, 4 check-ins$' "$r"
expect_grep '^2027-03  .*mean 3\.0, 2 check-ins; interf\. 6\.0$' "$r"
exit 0
