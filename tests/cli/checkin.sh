#!/usr/bin/env bash
# checkin: a day's rating is saved, a second one for the day replaces it and
# says what it replaced, --did and --answer are kept, a warning answer shows
# the pack's warning, and the log is a plain SQLite file with the rows in it.
. "$(dirname "$0")/../lib.sh"
E="$(dirname "$0")/expected"
DB=$T/log.db

step checkin 5 --interference 4 --note 'stiff morning'
step checkin --pain 3 --date yesterday
step checkin 4 --date 2026-11-20 --pain 4
step checkin 2 --did alpha-walk --did mat-lie --did alpha-walk \
	--answer alpha-feel=better --answer alpha-feel=same
step checkin 6 --date 2026-11-22 --interference 7 --answer alpha-feel=worse
step checkin 6 --date 2026-11-22 --interference 7 --note 'after the warning'
step checkin 1 --date 2026-11-21 --note $'two\nlines \e[31mred\e[0m \xc3\xa9'
step checkin --help
expect_same "$E/checkin.txt" "$T/transcript"

# The options of the command may come before or after it, --db included.
expect_exit 0 faketime "$CLI_NOW" "$BACKPAIN" checkin --db "$T/other.db" \
	--pack "$CLI_PACK" 7
expect_grep '^Checked in 2026-11-24: pain 7/10\.$' "$T/out"
[ "$(sqlite3 "$T/other.db" 'select day, pain from checkin')" = \
	"2026-11-24|7" ] || fail "--db after the command was not used"

# An ordinary SQLite file: the rows as given, the note byte for byte.
sqlite3 "$DB" 'select * from checkin' >"$T/rows"
expect_grep '^2026-11-24|2|||2026-11-24T12:00:[0-5][0-9]+00:00|' "$T/rows"
expect_grep '^2026-11-20|4|||2026-11-24T12:00:[0-5][0-9]+00:00|' "$T/rows"
sqlite3 "$DB" "select day, pain, ifnull(interference, '-'), hex(note)
	from checkin order by day" >"$T/rows"
expect_same "$E/checkin-rows.txt" "$T/rows"
sqlite3 "$DB" 'select day, question_id, value from answer order by day' \
	>"$T/answers"
printf '%s\n' '2026-11-22|alpha-feel|worse' '2026-11-24|alpha-feel|same' \
	>"$T/want"
expect_same "$T/want" "$T/answers"
sqlite3 "$DB" "select practice, approach, day, ifnull(minutes, '-')
	from session order by practice" >"$T/sessions"
printf '%s\n' 'alpha-walk|alpha|2026-11-24|-' 'mat-lie|mat|2026-11-24|-' \
	>"$T/want"
expect_same "$T/want" "$T/sessions"
# A mark already there is not marked twice.
expect_exit 0 bp checkin 2 --did alpha-walk
[ "$(sqlite3 "$DB" 'select count(*) from session')" = 2 ] ||
	fail "a practice was marked twice on one day"
