#!/usr/bin/env bash
# tui/startup: the guided program needs a terminal on both stdin and
# stdout; without one it says to use the subcommands and exits 64 before
# touching the log. A bad pack is reported as plain text with its
# FILE:LINE:COLUMN (exit 65) before the screen is taken.
. "$(dirname "$0")/lib_tui.bash"

expect_exit 64 "$BACKPAIN" --db "$DB"
expect_grep "needs a terminal" "$T/err"
expect_grep "backpain --help" "$T/err"
[ -s "$T/out" ] && fail "something on stdout"
[ -e "$DB" ] && fail "the log was created without a terminal"

# stdin a terminal, stdout a file.
tui_start sh -c "exec \"\$0\" --db \"\$1\" >\"\$2\" 2>\"\$3\"" \
	"$BACKPAIN" "$DB" "$T/o2" "$T/e2"
[ "$(wait_exit)" = 64 ] || fail "stdout not a tty: not 64"
expect_grep "needs a terminal" "$T/e2"
[ -e "$DB" ] && fail "the log was created with stdout not a terminal"
tmux_ kill-server

# A pack with a bad urgency: the error names the place, exit 65.
sed 's/urgency: soon/urgency: later/' "$TUI_PACKS/tui.yaml" >"$T/bad.yaml"
PACK="$T/bad.yaml"
bp_tui
[ "$(wait_exit)" = 65 ] || fail "bad pack: not 65"
wait_for "bad.yaml:"
screen | grep -qE 'bad\.yaml:[0-9]+:[0-9]+: .*urgency' ||
	fail "no FILE:LINE:COLUMN for the bad urgency"
[ -e "$DB" ] && fail "the log was created although the pack is bad"
tmux_ kill-server

# A terminal type curses does not know: a plain message, exit 64.
unset PACK
tui_start env TERM=no-such-terminal "$BACKPAIN" --db "$DB"
[ "$(wait_exit)" = 64 ] || fail "unknown TERM: not 64"
wait_for "cannot use the terminal type 'no-such-terminal'"
exit 0
