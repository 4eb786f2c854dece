#!/usr/bin/env bash
# tui/exit: every way out gives the terminal back: q from Today (exit 0),
# SIGTERM (143), SIGINT from Ctrl-C (130), also while a note is being
# typed. Afterwards the pane has left the alternate screen and `stty -a`
# shows the line discipline back to normal (icanon, echo).
. "$(dirname "$0")/lib_tui.bash"

restored() { # WHAT
	wait_for "[exited"
	screen >/dev/null
	grep -qE '(^| )icanon( |$)' "$T/screen" ||
		{ cat "$T/screen" >&2; fail "$1: icanon is off after exit"; }
	grep -qE '(^| )echo( |$)' "$T/screen" ||
		{ cat "$T/screen" >&2; fail "$1: echo is off after exit"; }
	[ "$(alternate_on)" = 0 ] || fail "$1: still on the alternate screen"
	tmux_ kill-server
}

bp_tui
onboard_all_no
[ "$(alternate_on)" = 1 ] || fail "the program does not use the alternate screen"
# Esc goes back from a screen, but on Today it does not quit.
keys p
wait_for "The approaches, in the order"
keys Escape
wait_for "Today's check-in:"
keys Escape
sleep 0.3
[ -e "$T/exit" ] && fail "Esc on Today quit the program"
keys q
[ "$(wait_exit)" = 0 ] || fail "q did not exit 0"
restored "q"

bp_tui
wait_for "Today's check-in:"
kill -TERM "$(tui_pid)"
[ "$(wait_exit)" = 143 ] || fail "SIGTERM did not exit 143"
restored "SIGTERM"

bp_tui
wait_for "Today's check-in:"
keys C-c
[ "$(wait_exit)" = 130 ] || fail "SIGINT did not exit 130"
restored "SIGINT"

# SIGTERM in the middle of typing a note, the cursor showing.
bp_tui
wait_for "Today's check-in:"
keys c
wait_for "Check-in for"
keys Down Down
wait_for "typing a note"
type_text "half a no"
kill -TERM "$(tui_pid)"
[ "$(wait_exit)" = 143 ] || fail "SIGTERM while typing did not exit 143"
restored "SIGTERM while typing"
[ "$(sqlite3 "$DB" "select count(*) from checkin")" = 0 ] ||
	fail "an unsaved check-in was written"
