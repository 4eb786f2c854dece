#!/usr/bin/env bash
# tui/checkin_lines_stale: a line-mode check-in begun before a newer save
# of the same day (`backpain checkin 8 --note "NEWER note"` from another
# shell, at the same second) never saves over it silently (issue 19 item
# 7): at the save it shows the newer values (pain, interference, the
# practices done, the answers, the note) and asks "Save yours over it?";
# n keeps the newer check-in (exit 0), y saves the person's (and says what
# it replaced), Ctrl-D saves nothing (exit 66). The same when the day had
# no check-in when the questions began. The one-shot command itself still
# replaces whatever is there and says so.
. "$(dirname "$0")/lib_tui.bash"

PACK=$CLI_PACK
BIN=${BACKPAIN_ASAN:-}
[ -x "$BIN" ] || BIN=$BACKPAIN
NOW="@2026-11-24 12:00:00"

plain bp safety --answer numb=no >/dev/null || fail "safety answers"
plain bp start alpha --date 2026-11-20 >/dev/null || fail "start alpha"

# lines DAY: the line-mode check-in of DAY in a pane, at NOW.
lines() {
	tui_start env "LD_PRELOAD=$FAKETIME_LIB" "FAKETIME=$NOW" \
		"ASAN_OPTIONS=${ASAN_OPTIONS:-}:verify_asan_link_order=0:log_path=$T/asan" \
		"$BIN" --db "$DB" --pack "$PACK" checkin --date "$1"
}

# answer_all: pain 6, no interference, alpha-walk not done, no answer, a
# note; stops at "Save it?". The day has no check-in or, given KEEPS, one
# of pain KEEPS alone.
answer_all() {
	if [ $# -gt 0 ]; then
		prompt "Pain, 0 to 10 (Enter keeps $1):"
	else
		prompt "Pain, 0 to 10:"
	fi
	say 6
	prompt "Interference, 0 to 10 (Enter to skip):"
	say ""
	prompt '(alpha-walk)? y or n (Enter for no):'
	say n
	prompt "Answer, 1 to 3 or its words (Enter to skip):"
	say ""
	prompt "Note, one line (Enter for none):"
	say "my older note"
	prompt "Save it? y or n:"
}

# newer DAY: the one-shot check-in from the shell, at the same second.
newer() {
	plain bp checkin 8 --date "$1" --interference 3 --did alpha-walk \
		--answer alpha-feel=worse --note "NEWER note" >"$T/newer" ||
		fail "the one-shot check-in failed"
}

# shows_newer DAY: the newer values and the question are on the screen.
shows_newer() {
	prompt "Save yours over it? y or n:"
	screen >/dev/null
	for want in "  pain 8/10" "  interference 3/10" "  done: alpha-walk" \
		"  alpha-feel: worse" "  note: NEWER note"; do
		grep -qxF -- "$want" "$T/screen" ||
			{ cat "$T/screen" >&2; fail "no '$want' among the newer values"; }
	done
	expect_grep "The check-in of $1 was saved again since these questions began" "$T/screen"
}

# checkin_row DAY: the day's check-in in the log.
checkin_row() {
	sqlite3 "$DB" "SELECT pain, ifnull(interference, '-'), note, revision
		FROM checkin WHERE day = '$1'"
}

# No check-in when the questions began; the newer one comes; n keeps it.
D=2026-11-24
lines $D
answer_all
newer $D
grep -q "^Checked in $D: pain 8/10" "$T/newer" || fail "the one-shot did not check in"
say y
shows_newer $D
say n
[ "$(wait_exit)" = 0 ] || { screen >&2; fail "n: not 0"; }
wait_for "Nothing saved: the newer check-in stays."
tmux_ kill-server
[ "$(checkin_row $D)" = "8|3|NEWER note|1" ] || fail "n: the log holds $(checkin_row $D)"

# Begun on the day's check-in, which is saved again meanwhile (the
# one-shot says what it replaced, as always): y saves the person's over
# it and says what it replaced.
D=2026-11-23
plain bp checkin 4 --date $D >/dev/null || fail "check-in of $D"
lines $D
answer_all 4
newer $D
grep -q "^Replaced $D: pain 4 -> 8" "$T/newer" ||
	{ cat "$T/newer" >&2; fail "the one-shot did not say what it replaced"; }
say y
shows_newer $D
say y
[ "$(wait_exit)" = 0 ] || { screen >&2; fail "y: not 0"; }
wait_for "Replaced $D: pain 8 -> 6, interference 3 -> none, note replaced."
tmux_ kill-server
[ "$(checkin_row $D)" = "6|-|my older note|3" ] || fail "y: the log holds $(checkin_row $D)"
# What the person left unanswered stays as the newer save left it.
[ "$(sqlite3 "$DB" "SELECT value FROM answer WHERE day = '$D'")" = worse ] ||
	fail "y: the newer answer is gone"

# Ctrl-D at the question: nothing saved, 66.
D=2026-11-22
lines $D
answer_all
newer $D
say y
shows_newer $D
log_dump >"$T/before.sql"
keys C-d
[ "$(wait_exit)" = 66 ] || { screen >&2; fail "Ctrl-D: not 66"; }
wait_for "nothing saved"
tmux_ kill-server
log_dump | cmp -s "$T/before.sql" - || fail "Ctrl-D at the question changed the log"

# Nothing saved in between: saved at once, as before.
D=2026-11-21
plain bp checkin 4 --date $D >/dev/null || fail "check-in of $D"
lines $D
answer_all 4
say y
[ "$(wait_exit)" = 0 ] || { screen >&2; fail "no newer save: not 0"; }
wait_for "Replaced $D: pain 4 -> 6, note added."
tmux_ kill-server
[ "$(checkin_row $D)" = "6|-|my older note|2" ] || fail "plain save: the log holds $(checkin_row $D)"
no_sanitizer_reports
exit 0
