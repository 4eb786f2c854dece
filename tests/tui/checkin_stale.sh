#!/usr/bin/env bash
# tui/checkin_stale: the check-in form opened before a newer save of the
# same day (`backpain checkin 8 --note "NEWER note"` from the shell, at the
# same second) never saves over it silently (issue 19 item 7). Enter shows
# the newer values (pain, interference, the practice done, the answer, the
# note) and asks "Save yours over it? y / n"; n keeps the newer check-in
# in the log, loads it into the form and says what of the form was not
# saved; Esc goes back to the form as typed; y saves the form's over it.
# The same when the day had no check-in when the form opened.
. "$(dirname "$0")/lib_tui.bash"

PACK=$CLI_PACK
NOW="@2026-11-24 12:00:00"
at "$NOW"

plain bp safety --answer numb=no >/dev/null || fail "safety answers"
plain bp start alpha --date 2026-11-20 >/dev/null || fail "start alpha"
sqlite3 "$DB" "INSERT INTO profile (key, value) VALUES ('onboarded', '2026-11-20')" ||
	fail "onboarded"

# newer NOTE: the one-shot check-in from the shell, at the same second.
newer() {
	plain bp checkin 8 --interference 3 --did alpha-walk \
		--answer alpha-feel=worse --note "$1" >"$T/newer" ||
		fail "the one-shot check-in failed"
}

checkin_row() {
	sqlite3 "$DB" "SELECT pain, ifnull(interference, '-'), note, revision
		FROM checkin WHERE day = '2026-11-24'"
}

# The form opens on a day with no check-in: pain 6 and a note typed.
bp_tui "${AT[@]}"
wait_for "Today's check-in:"
keys c
wait_for "Check-in for 2026-11-24"
keys 6
wait_for "[ 6]"
keys Down Down Down Down
wait_for "typing a note"
type_text "my older note"
wait_for "my older note"
newer "NEWER note"
grep -q "^Checked in 2026-11-24: pain 8/10" "$T/newer" || fail "the one-shot did not check in"
keys Enter
wait_for "Save yours over it? y / n"
screen >/dev/null
for want in "was saved again since the form opened" "  pain 8" \
	"  interference 3" "  done: A short walk" "  How does it feel? worse" \
	"  note: NEWER note"; do
	grep -qF -- "$want" "$T/screen" ||
		{ cat "$T/screen" >&2; fail "no '$want' among the newer values"; }
done
[ "$(checkin_row)" = "8|3|NEWER note|1" ] || fail "asking: the log holds $(checkin_row)"
# n: the newer one stays and fills the form; what was typed is named.
keys n
wait_words 'Kept the newer check-in. Not saved from the form: pain 6, interference not rated, the note "my older note".'
wait_for "[ 8]"
wait_for "NEWER note"
wait_gone "Save yours over it?"
[ "$(checkin_row)" = "8|3|NEWER note|1" ] || fail "n: the log holds $(checkin_row)"

# The form now holds revision 1; another save comes; Esc at the question
# goes back to the form as typed, Enter asks again, y saves the form's.
keys g 5
wait_for "[ 5]"
keys Down Down Down Down End
wait_for "typing a note"
type_text " and mine"
wait_for "NEWER note and mine"
newer "NEWEST note"
keys Enter
wait_for "Save yours over it? y / n"
wait_for "  note: NEWEST note"
keys Escape
wait_gone "Save yours over it?"
wait_for "NEWER note and mine"
wait_for "[ 5]"
[ "$(checkin_row)" = "8|3|NEWEST note|2" ] || fail "Esc: the log holds $(checkin_row)"
keys Enter
wait_for "Save yours over it? y / n"
keys y
wait_for "Updated the check-in for 2026-11-24: pain 5."
[ "$(checkin_row)" = "5|3|NEWER note and mine|3" ] || fail "y: the log holds $(checkin_row)"
# The newer answer and practice stay (the form only adds).
[ "$(sqlite3 "$DB" "SELECT value FROM answer WHERE day = '2026-11-24'")" = worse ] ||
	fail "y: the newer answer is gone"

# Nothing saved in between: saved at once, as before.
keys c
wait_for "[ 5]"
keys 4 Enter
wait_for "Updated the check-in for 2026-11-24: pain 4."
[ "$(checkin_row)" = "4|3|NEWER note and mine|4" ] || fail "plain save: the log holds $(checkin_row)"
keys q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
no_sanitizer_reports
exit 0
