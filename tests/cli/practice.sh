#!/usr/bin/env bash
# practice: a session is logged with the pack's minutes unless --minutes
# says otherwise, with the pain before and after when given.
. "$(dirname "$0")/../lib.sh"
E="$(dirname "$0")/expected"
DB=$T/log.db

step practice alpha-walk
step practice beta-stretch --minutes 12 --before 6 --after 4
step practice mat-lie --before 7 --date yesterday
step practice alpha-walk --after 2 --date 2026-11-20
step practice --help
expect_same "$E/practice.txt" "$T/transcript"

sqlite3 "$DB" "select practice, approach, day, minutes,
	ifnull(pain_before, '-'), ifnull(pain_after, '-')
	from session order by id" >"$T/rows"
printf '%s\n' 'alpha-walk|alpha|2026-11-24|10|-|-' \
	'beta-stretch|beta|2026-11-24|12|6|4' \
	'mat-lie|mat|2026-11-23|20|7|-' \
	'alpha-walk|alpha|2026-11-20|10|-|2' >"$T/want"
expect_same "$T/want" "$T/rows"
