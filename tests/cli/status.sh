#!/usr/bin/env bash
# status: one screenful with the plan, today, the last 14 days as a
# sparkline (block characters under UTF-8, ASCII otherwise, a gap for a
# missing day) and the one next thing to do, as the walk goes on. The
# ratings of the days before are entered each on its day (bp_on).
. "$(dirname "$0")/../lib.sh"
E="$(dirname "$0")/expected"
DB=$T/log.db

step status                             # fresh: the safety questions first
bp safety --answer numb=no >/dev/null || fail "safety answers"
sqlite3 "$DB" "insert into profile values ('onboarded', '2026-11-01')" ||
	fail "cannot mark onboarding done"
step status                             # check in
bp checkin 4 --interference 3 --note $'sore \e[1mback' >/dev/null ||
	fail seed
step status                             # more days first: 0 of 5
for d in 10 11 12 14; do
	BP=$BACKPAIN bp_on 2026-11-$d checkin $(((d * 7) % 11)) >/dev/null ||
		fail seed
done
step status                             # 4 of 5: still more days first
for d in 15 16 17 18 19 20 21 22 23; do
	BP=$BACKPAIN bp_on 2026-11-$d checkin $(((d * 7) % 11)) >/dev/null ||
		fail seed
done
step status                             # start alpha
step start alpha --date 2026-11-20
step status                             # practise alpha-walk
step practice alpha-walk
step start mat
step status                             # nothing more today
step checkin 4 --answer alpha-feel=worse
step start beta
step status                             # warning, shared attribution
step stop beta
# Two days on, alpha has run its 7 days.
CLI_NOW='2026-11-26 12:00:00'
step status                             # check in (a new day)
step checkin 3
step status                             # review due: day 7 of 7
LC_ALL=C step status                    # the same in ASCII
step stop alpha --outcome helped
step stop mat
step start gamma --date 2026-11-25
step stop gamma --outcome no-change
step status                             # every approach tried
step status --help
expect_same "$E/status.txt" "$T/transcript"
