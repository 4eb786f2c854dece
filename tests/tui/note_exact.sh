#!/usr/bin/env bash
# tui/note_exact: changing only the pain of a day in the TUI leaves its note
# byte for byte as it was, under UTF-8 and under LC_ALL=C, for a note with
# a newline, a tab, 3000 characters and non-ASCII letters (issue 13 item 1:
# the form used to cut it to 2000 characters, turn newlines and tabs into
# spaces, and under LC_ALL=C every non-ASCII byte into '?'). The note shows
# its newline as a mark; a note edited in the TUI is saved as edited.
. "$(dirname "$0")/lib_tui.bash"

long=$(head -c 3000 /dev/zero | tr '\0' 'x')
note=$(printf 'Rücken\nmüde\tsehr, 痛み 😀 %s end' "$long")
"$BACKPAIN" --db "$DB" checkin --pain 4 --note "$note" >/dev/null ||
	fail "checkin failed"
sqlite3 "$DB" "INSERT INTO profile (key, value) VALUES ('onboarded', date('now'))"
note_hex() {
	sqlite3 "$DB" "SELECT hex(note) FROM checkin"
}
want=$(printf '%s' "$note" | od -An -tx1 -v | tr -d ' \n' | tr a-f A-F)
[ "$(note_hex)" = "$want" ] || fail "the CLI did not store the note exactly"

# pain_only LOCALE PAIN: open today's check-in, pick PAIN, save.
pain_only() {
	bp_tui "LC_ALL=$1"
	wait_for "Today's check-in:"
	keys c
	wait_for "Check-in for"
	keys "$2"
	wait_for "[ $2]"
	keys Enter
	wait_for "the check-in for"
	wait_for "Today's check-in: pain $2"
	keys q
	[ "$(wait_exit)" = 0 ] || fail "$1: did not exit 0"
	tmux_ kill-server
	[ "$(sqlite3 "$DB" "SELECT pain FROM checkin")" = "$2" ] ||
		fail "$1: the pain was not saved"
	[ "$(note_hex)" = "$want" ] ||
		fail "$1: saving only the pain changed the note"
}
pain_only C.UTF-8 5
pain_only C 6

# The newline shows as a mark in the note's field.
bp_tui
wait_for "Today's check-in:"
keys c
wait_for "Check-in for"
keys Down Down
wait_for "typing a note"
wait_for "Rücken↵müde"
# An edit is saved as edited, the rest kept: a letter at the front.
keys Home
type_text "A"
wait_for "ARücken↵müde"
keys Enter
wait_for "the check-in for"
keys q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
want=$(printf 'A%s' "$note" | od -An -tx1 -v | tr -d ' \n' | tr a-f A-F)
[ "$(note_hex)" = "$want" ] || fail "the edited note was not kept exactly"
