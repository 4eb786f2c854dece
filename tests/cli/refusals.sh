#!/usr/bin/env bash
# Every bad value or bad use of the daily commands is refused with a message
# naming the option and the value, the exit code of DESIGN.md section 5
# (64 usage, 65 bad value), and the log left exactly as it was. bp runs the
# sanitized binary: a crash or a sanitizer report here is a bug too.
. "$(dirname "$0")/../lib.sh"
E="$(dirname "$0")/expected"
DB=$T/log.db

step checkin 4 --date 2026-11-23 --note 'keep me'
# The safety question answered, as the first run would: no approach
# starts before it is (issue 11).
plain bp safety --answer numb=no >/dev/null || fail "safety answers"
step start alpha --date 2026-11-20

# checkin: ratings, values, dates.
refuse 65 checkin 11
refuse 65 checkin -- -1
refuse 65 checkin -1
refuse 65 checkin --note "fine" -12
refuse 65 checkin --pain 4.5
refuse 65 checkin abc
refuse 65 checkin ''
refuse 65 checkin 4 --interference 12
refuse 65 checkin 4 --interference x
refuse 65 checkin 4 --did no-such-practice
refuse 65 checkin 4 --answer alpha-feel=awful
refuse 65 checkin 4 --answer no-such-question=same
refuse 65 checkin 4 --answer alpha-feel
refuse 65 checkin 4 --answer =same
refuse 65 checkin 4 --date 2026-11-25
refuse 65 checkin 4 --date 2026-02-30
refuse 65 checkin 4 --date 24.11.2026
refuse 65 checkin 4 --date tomorrow
refuse 65 checkin 4 --note $'bad \xff byte'
refuse 64 checkin
refuse 64 checkin 4 5
refuse 64 checkin 4 --pain 5
refuse 64 checkin 4 --bogus
refuse 64 checkin 4 --pain
refuse 64 checkin 4 -x
# practice
refuse 65 practice no-such-practice
refuse 65 practice alpha-walk --minutes 0
refuse 65 practice alpha-walk --minutes 1441
refuse 65 practice alpha-walk --minutes ten
refuse 65 practice alpha-walk --before 11
refuse 65 practice alpha-walk --after -1
refuse 65 practice alpha-walk --date 2026-13-01
refuse 64 practice
refuse 64 practice alpha-walk beta-stretch
# start and stop
refuse 65 start nope
refuse 65 start alpha
refuse 65 start beta --date 2026-11-31
refuse 65 stop nope
refuse 65 stop beta
refuse 65 stop alpha --date 2026-11-19
refuse 65 stop alpha --outcome maybe
refuse 65 stop alpha --outcome none
refuse 65 stop alpha --impression 8
refuse 65 stop alpha --impression better
refuse 64 stop
refuse 64 start alpha beta
refuse 64 start alpha --outcome helped
# the views
refuse 65 history --days 0
refuse 65 history --days -3
refuse 65 history --days many
refuse 64 history --format xml
refuse 64 history --days 3 --all
refuse 64 history --all=yes
refuse 64 history extra
refuse 64 export --format xml
refuse 64 status now
refuse 64 due today
expect_same "$E/refusals.txt" "$T/transcript"

# After all that, the log holds what it held.
[ "$(sqlite3 "$DB" 'select count(*) from checkin')" = 1 ] || fail "rows"
[ "$(sqlite3 "$DB" 'select count(*) from session')" = 0 ] || fail "sessions"
[ "$(sqlite3 "$DB" 'select count(*) from trial')" = 1 ] || fail "trials"
