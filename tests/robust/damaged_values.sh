#!/usr/bin/env bash
# Values in the log are not trusted. A value out of its range (one flipped
# bit made a pain 11, which crashed status) is a damaged log: the check of
# the whole log finds it (SQLite skips CHECK constraints on the read-only
# connection that checks, so the program scans for them itself), and the
# store refuses it where it reads it, when the stamp says the log needs no
# check. Either way: exit 74, the damaged-log message, no sanitizer report,
# and the log byte for byte as it was.
. "$(dirname "$0")/../lib.sh"
DB=$T/log.db

# stamp_match: a stamp saying the log, as it is now, was found sound today
# (what a log damaged after its check looks like on the daily path).
stamp_match() {
	printf '%s %s\n' "$(faketime "$CLI_NOW" date +%F)" \
		"$(stat -c '%d %i %s %.9Y %.9Z' "$DB")" >"$DB.checked"
}

# The sound log, made on the plain build (lib.sh's plain): only what the
# commands make of it once damaged is under test.
plain bp safety --answer numb=no >/dev/null &&
	plain bp_on 2026-11-20 checkin 4 --interference 3 --note fine \
		>/dev/null &&
	plain bp_on 2026-11-21 checkin 5 >/dev/null &&
	plain bp start alpha --date 2026-11-10 >/dev/null &&
	plain bp stop alpha --outcome helped --date 2026-11-17 >/dev/null &&
	plain bp start beta --date 2026-11-18 >/dev/null &&
	plain bp practice alpha-walk --minutes 10 --before 5 --after 3 \
		--date 2026-11-20 >/dev/null ||
	fail "making the log"
sqlite3 "$DB" "INSERT INTO profile (key, value) VALUES ('usual_pain', '5'),
	('onboarded', '2026-11-01'); INSERT INTO screening (flag_id, answer,
	asked_at) VALUES ('numb', 0, '2026-11-01T12:00:00+00:00')" ||
	fail "filling the profile"
cp "$DB" "$T/sound.db"

# damage NAME SQL COMMAND...: the log made sound again, then SQL run with
# the CHECK constraints off; each COMMAND (a word list) must refuse it.
damage() {
	local name=$1 sql=$2 cmd
	shift 2
	cp "$T/sound.db" "$DB"
	rm -f "$DB.checked"
	sqlite3 "$DB" "PRAGMA ignore_check_constraints = ON; $sql" ||
		fail "$name: $sql"
	cp "$DB" "$T/damaged.db"
	# With no stamp, the check at open finds it.
	expect_exit 74 bp status
	expect_grep "is damaged" "$T/err"
	expect_grep "nothing was changed" "$T/err"
	cmp -s "$DB" "$T/damaged.db" || fail "$name: the check changed the log"
	# With a stamp that matches, the reader finds it.
	for cmd in "$@"; do
		stamp_match
		# shellcheck disable=SC2086
		expect_exit 74 bp $cmd
		expect_grep "is damaged" "$T/err"
		grep -q "runtime error\|AddressSanitizer" "$T/err" &&
			fail "$name: $cmd: sanitizer report"
		cmp -s "$DB" "$T/damaged.db" || fail "$name: $cmd changed the log"
	done
	echo "refused: $name"
}

damage "pain 11" "UPDATE checkin SET pain = 11 WHERE day = '2026-11-21'" \
	status history review report "checkin 3 --date 2026-11-21" \
	"history --format json" export "export --format csv"
damage "interference -1" \
	"UPDATE checkin SET interference = -1 WHERE day = '2026-11-20'" \
	status "history --format csv" report
damage "a day that is none" \
	"UPDATE checkin SET day = '2026-11-1x' WHERE day = '2026-11-20'" \
	"history --all" review
damage "the 30th of February" \
	"UPDATE checkin SET day = '2026-02-30' WHERE day = '2026-11-20'" \
	"history --all"
damage "a trial started on the 31st of April" \
	"UPDATE trial SET started_on = '2026-04-31' WHERE approach = 'beta'" \
	status review
damage "session minutes 0" "UPDATE session SET minutes = 0" review report \
	export
damage "session pain 12" "UPDATE session SET pain_after = 12" review
damage "an outcome that is none" \
	"UPDATE trial SET outcome = 'cured' WHERE approach = 'alpha'" \
	status review "stop beta"
damage "a trial ending before it starts" \
	"UPDATE trial SET ended_on = '2026-11-01' WHERE approach = 'alpha'" \
	status review
damage "a screening answer of 2" "UPDATE screening SET answer = 2" report
damage "a usual pain of 12" \
	"UPDATE profile SET value = '12' WHERE key = 'usual_pain'" review report
damage "an answer without its check-in" \
	"INSERT INTO answer (day, question_id, value)
	VALUES ('2026-11-22', 'alpha-feel', 'same')"
# A note holding the byte 0xFF (not UTF-8), written by another tool: every
# reader refuses it alike, the export too (a backup that turned it into
# "\u00ff" would change it without a word), naming the row.
damage "a note holding byte 0xFF" \
	"UPDATE checkin SET note = CAST(X'626164FF' AS TEXT)
	WHERE day = '2026-11-20'" \
	status history report export "history --format json" review
expect_grep "the check-in of 2026-11-20: note is not valid UTF-8 (byte 4)" \
	"$T/err"
echo "values out of range are refused as a damaged log, unchanged"
