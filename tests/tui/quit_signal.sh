#!/usr/bin/env bash
# tui/quit_signal: Ctrl-\ (SIGQUIT) gives the terminal back like Ctrl-C:
# exit 131 (128 + SIGQUIT), the alternate screen left, the cursor shown,
# the line discipline sane, no core dump. And a terminal that cannot place
# text (TERM=dumb) is refused with a message (64), never shown a blank
# screen that takes keys.
. "$(dirname "$0")/lib_tui.bash"

bp_tui
onboard_all_no
wait_for "Today's check-in:"
keys 'C-\'
[ "$(wait_exit)" = 131 ] || fail "SIGQUIT did not exit 131"
wait_for "[exited"
screen >/dev/null
grep -qE '(^| )icanon( |$)' "$T/screen" || fail "icanon is off after Ctrl-\\"
grep -qE '(^| )echo( |$)' "$T/screen" || fail "echo is off after Ctrl-\\"
[ "$(alternate_on)" = 0 ] || fail "still on the alternate screen after Ctrl-\\"
[ "$(tmux_ display-message -p -t t '#{cursor_flag}')" = 1 ] ||
	fail "the cursor stays hidden after Ctrl-\\"
[ "$(sqlite3 "$DB" 'select count(*) from profile')" -gt 0 ] ||
	fail "onboarding was lost"
tmux_ kill-server

# TERM=dumb: the words before the binary override the session's TERM.
bp_tui env TERM=dumb
[ "$(wait_exit)" = 64 ] || fail "TERM=dumb did not exit 64"
wait_for "cannot move the cursor"
[ "$(alternate_on)" = 0 ] || fail "TERM=dumb: the alternate screen"
tmux_ kill-server
no_sanitizer_reports
echo "Ctrl-\\ restores the terminal; TERM=dumb is refused"
