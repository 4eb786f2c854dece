#!/usr/bin/env bash
# status: one screenful with the plan, today, the last 14 days as a
# sparkline (block characters under UTF-8, ASCII otherwise, a gap for a
# missing day) and the one next thing to do, as the walk goes on. Every
# status runs on the sanitized build; the commands that move the walk on
# (each under the sanitizer in a test of its own) on the plain one. The
# ratings of the days before are entered each on its day (bp_on).
. "$(dirname "$0")/../lib.sh"
E="$(dirname "$0")/expected"
DB=$T/log.db

step status                             # fresh: the safety questions first
plain bp safety --answer numb=no >/dev/null || fail "safety answers"
sqlite3 "$DB" "insert into profile (key, value) values ('onboarded', '2026-11-01')" ||
	fail "cannot mark onboarding done"
step status                             # check in
plain bp checkin 4 --interference 3 --note $'sore \e[1mback' >/dev/null ||
	fail seed
step status                             # more days first: 0 of 5
for d in 10 11 12 14; do
	plain bp_on 2026-11-$d checkin $(((d * 7) % 11)) >/dev/null ||
		fail seed
done
step status                             # 4 of 5: still more days first
for d in 15 16 17 18 19 20 21 22 23; do
	plain bp_on 2026-11-$d checkin $(((d * 7) % 11)) >/dev/null ||
		fail seed
done
step status                             # start alpha
plain step start alpha --date 2026-11-20
step status                             # practise alpha-walk
plain step practice alpha-walk
plain step start mat
step status                             # nothing more today
plain step checkin 4 --answer alpha-feel=worse
plain step start beta
step status                             # warning, shared attribution
plain step stop beta
# Two days on, alpha has run its 7 days.
CLI_NOW='2026-11-26 12:00:00'
step status                             # check in (a new day)
plain step checkin 3
step status                             # review due: day 7 of 7
LC_ALL=C step status                    # the same in ASCII
plain step stop alpha --outcome helped
plain step stop mat
plain step start gamma --date 2026-11-25
plain step stop gamma --outcome no-change
step status                             # every approach tried
step status --help
expect_same "$E/status.txt" "$T/transcript"
