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

# A lesson's practice (issue 20), of the built-in pack's sleep lesson: timed
# and marked like any other, logged under its lesson, where an approach's
# id would stand (a lesson's id is no approach's, so no trial counts it).
DB=$T/lesson.db
CLI_PACK=$TOP/content/guide.yaml
expect_exit 0 bp practice relaxed-breathing --before 6 --after 4
expect_grep 'relaxed-breathing' "$T/out"
expect_exit 0 bp checkin 5 --did relaxed-breathing --date yesterday
sqlite3 "$DB" "select practice, approach, day, ifnull(minutes, '-'),
	ifnull(pain_before, '-'), ifnull(pain_after, '-')
	from session order by id" >"$T/rows"
printf '%s\n' 'relaxed-breathing|sleep-stress-mood|2026-11-24|5|6|4' \
	'relaxed-breathing|sleep-stress-mood|2026-11-23|-|-|-' >"$T/want"
expect_same "$T/want" "$T/rows"
# Done today: on today's list, as a lesson's.
expect_exit 0 bp status
expect_grep '^Practice   relaxed-breathing 1/2 (lesson)$' "$T/out"
# Still refused: an id that is no practice, with the lessons' listed too.
expect_exit 65 bp practice breathing
expect_grep 'relaxed-breathing' "$T/err"
# Exported and imported back as they are.
bp export >"$T/lesson.json" || fail "export"
DB=$T/lesson2.db expect_exit 0 bp import "$T/lesson.json"
DB=$T/lesson2.db bp export | cmp - "$T/lesson.json" ||
	fail "a lesson's practice did not survive export and import"
# An export that puts it under an approach is refused, at that value.
sed 's/"approach":"sleep-stress-mood"/"approach":"mind-body"/' \
	"$T/lesson.json" >"$T/wrong.json"
DB=$T/lesson3.db expect_exit 65 bp import "$T/wrong.json"
expect_grep 'relaxed-breathing is a practice of sleep-stress-mood, not of this approach' "$T/err"
