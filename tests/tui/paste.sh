#!/usr/bin/env bash
# tui/paste: bracketed paste (issue 13 item 2). Pasting "slept badly",
# "rest", "y" on three lines into the note puts all of it into the note,
# line breaks included, and runs no key: the form is not saved by the
# first line break and the running trial is not stopped. A paste outside
# the note is dropped (a pasted "q" does not quit). The terminal's paste
# mode is switched on while the program runs and off again when it ends,
# by q and by SIGQUIT (Ctrl-\), which also restores the screen (exit 131).
. "$(dirname "$0")/lib_tui.bash"
PACK="$TUI_PACKS/tui.yaml"

"$BACKPAIN" --db "$DB" --pack "$PACK" safety --answer test-emergency=no \
	--answer test-soon=no >/dev/null || fail "safety answers failed"
"$BACKPAIN" --db "$DB" --pack "$PACK" start quick >/dev/null ||
	fail "start failed"
sqlite3 "$DB" "INSERT INTO profile (key, value) VALUES ('onboarded', date('now'))"

# The program waits for $T/go, so that the pane's output is recorded from
# its first byte.
start_recorded() {
	rm -f "$T/go" "$T/raw"
	bp_tui sh -c 'while [ ! -e "$0" ]; do sleep 0.05; done; exec "$@"' \
		"$T/go"
	tmux_ pipe-pane -t t -o "cat >>'$T/raw'"
	touch "$T/go"
}
# paste_off WHAT: the last paste mode the program set is off.
paste_off() {
	grep -q $'\e\\[?2004h' "$T/raw" || fail "$1: paste mode never on"
	[ "$(grep -ao $'\e\\[?2004[hl]' "$T/raw" | tail -n 1)" = $'\e[?2004l' ] ||
		fail "$1: paste mode left on"
}
paste_text() {
	tmux_ set-buffer -- "$1"
	tmux_ paste-buffer -p -t t
}

start_recorded
wait_for "Approach: The quick approach"
# Outside a text field a paste runs nothing.
paste_text "q"
wait_for "A paste goes only into a note being typed"
[ -e "$T/exit" ] && fail "a pasted q quit the program"
keys c
wait_for "Check-in for"
keys 3
wait_for "[ 3]"
keys Down Down Down Down
wait_for "typing a note"
paste_text $'slept badly\nrest\ny'
wait_for "slept badly↵rest↵y"
wait_gone "Saved the check-in"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM checkin")" = 0 ] ||
	fail "the paste saved the form"
type_text " ok"
keys Enter
wait_for "Saved the check-in for"
[ "$(sqlite3 "$DB" "SELECT note FROM checkin")" = $'slept badly\nrest\ny ok' ] ||
	fail "the note is not the pasted text"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM trial WHERE ended_on IS NULL")" = 1 ] ||
	fail "the paste stopped the trial"
keys q
[ "$(wait_exit)" = 0 ] || fail "q did not exit 0"
paste_off "q"
tmux_ kill-server

# Under LC_ALL=C the paste comes a byte at a time; the note still gets
# the UTF-8 the terminal sent, shown with '?' and '|' on such a terminal.
bp_tui LC_ALL=C
wait_for "Approach: The quick approach"
keys c
wait_for "Check-in for"
keys Down Down Down Down
wait_for "typing a note"
keys C-u
paste_text $'Rücken\nmüde'
wait_for "R?cken|m?de"
keys Enter
wait_for "Updated the check-in for"
[ "$(sqlite3 "$DB" "SELECT hex(note) FROM checkin")" = \
  "$(printf 'Rücken\nmüde' | od -An -tx1 -v | tr -d ' \n' | tr a-f A-F)" ] ||
	fail "LC_ALL=C: the pasted note is not the UTF-8 pasted"
keys q
[ "$(wait_exit)" = 0 ] || fail "q did not exit 0"
tmux_ kill-server

# Ctrl-\ (SIGQUIT) gives the terminal back like SIGINT does.
start_recorded
wait_for "Approach: The quick approach"
keys 'C-\'
[ "$(wait_exit)" = 131 ] || fail "SIGQUIT did not exit 131"
wait_for "[exited"
screen >/dev/null
grep -qE '(^| )icanon( |$)' "$T/screen" || fail "SIGQUIT: icanon is off"
[ "$(alternate_on)" = 0 ] || fail "SIGQUIT: still on the alternate screen"
paste_off "SIGQUIT"
