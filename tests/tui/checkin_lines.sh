#!/usr/bin/env bash
# tui/checkin_lines: `backpain checkin` with no rating on a terminal asks
# the day's questions one line at a time, answered here by lines typed into
# a tmux pane: pain, interference, the practices of the running approaches
# and of an approach kept as a habit (stop --keep), each asked once, the
# habit's as "the habit", the running approach's question, a note; bad
# answers are asked again with a message; the summary is shown; y saves it
# (read back with sqlite3). The same under TERM=dumb, whose output has no
# escape sequence at all. Ctrl-D at any question, or within a line, saves
# nothing (exit 66, the log byte for byte as it was); n at "Save it?" saves
# nothing either (exit 0). For an earlier day the pack's "today" reads
# "that day (D)". The TUI itself under TERM=dumb, or on a window too small
# to start, points at the line mode. A habit dropped is asked on the days
# it was kept, not from the day it was dropped.
. "$(dirname "$0")/lib_tui.bash"

PACK=$CLI_PACK
BIN=${BACKPAIN_ASAN:-}
[ -x "$BIN" ] || BIN=$BACKPAIN
NOW="@2026-11-24 12:00:00"

# The safety question answered no, as the first run would: no approach
# starts before it is (issue 11). Beta was kept as a habit; alpha and the
# wildcard mat run. Made on the plain build (lib.sh's plain): the line
# mode is what runs sanitized here.
plain bp safety --answer numb=no >/dev/null || fail "safety answers"
plain bp start beta --date 2026-11-01 >/dev/null || fail "start beta"
plain bp stop beta --keep --date 2026-11-10 >/dev/null || fail "keep beta"
plain bp start alpha --date 2026-11-20 >/dev/null || fail "start alpha"
plain bp start mat --date 2026-11-20 >/dev/null || fail "start mat"

# lines [TERM] [ARG...]: the line-mode check-in in a pane, at NOW, its raw
# output kept in $T/raw.
lines() {
	local term=xterm-256color
	if [ $# -gt 0 ] && [ "${1#TERM=}" != "$1" ]; then
		term=${1#TERM=}
		shift
	fi
	rm -f "$T/raw"
	tui_start env TERM="$term" "LD_PRELOAD=$FAKETIME_LIB" "FAKETIME=$NOW" \
		"ASAN_OPTIONS=${ASAN_OPTIONS:-}:verify_asan_link_order=0:log_path=$T/asan" \
		"$BIN" --db "$DB" --pack "$PACK" checkin "$@"
	tmux_ pipe-pane -o -t t "cat >>$T/raw"
}

# The prompts, in the order they come for this log, and good answers.
PROMPTS=("Pain, 0 to 10:" "(Enter to skip):" "(Enter for no):"
	"(Enter for no):" "(Enter for no):" "(Enter to skip):"
	"(Enter for none):" "Save it? y or n:")
GOOD=(4 3 y n y 2 "walked to the shop" y)

lines
prompt "Pain, 0 to 10:"
say ""
wait_for "A rating is needed"
say abc
wait_for "Not taken: 'abc' is not a rating"
say 11
wait_for "Not taken: '11' is not a rating"
say 4
prompt "Interference, 0 to 10 (Enter to skip):"
say 3
prompt 'Did you do the practice "A short walk" (alpha-walk)? y or n (Enter for no):'
say y
prompt '(mat-lie)? y or n (Enter for no):'
say maybe
wait_for "Not taken: 'maybe' is not an answer: type y or n."
say n
prompt 'Did you do the habit "Stretch" (beta-stretch)? y or n (Enter for no):'
say y
wait_for "How does it feel?"
# Each practice asked once (mat-lie twice only for the bad answer); the
# habit's as the habit (it was asked as a practice and then again as a
# habit, and a y then n saved it done).
screen >/dev/null
[ "$(grep -c "(mat-lie)? y or n" "$T/screen")" = 2 ] ||
	{ cat "$T/screen" >&2; fail "mat-lie is not asked once, then again"; }
for id in alpha-walk beta-stretch; do
	[ "$(grep -c "($id)? y or n" "$T/screen")" = 1 ] ||
		{ cat "$T/screen" >&2; fail "$id is not asked once"; }
done
grep -q 'the practice "Stretch"' "$T/screen" &&
	fail "the habit is asked as a practice"
prompt "Answer, 1 to 3 or its words (Enter to skip):"
say 7
wait_for "Not taken: '7' is not one of the answers"
say same
prompt "Note, one line (Enter for none):"
say "walked to the shop"
prompt "Save it? y or n:"
screen >/dev/null
for want in "To be saved for 2026-11-24:" "  pain 4/10" "  interference 3/10" \
	"  done: alpha-walk" "  done: beta-stretch" "  alpha-feel: same" \
	"  note: walked to the shop"; do
	grep -qxF -- "$want" "$T/screen" || { cat "$T/screen" >&2; fail "no '$want' in the summary"; }
done
grep -q "done: mat-lie" "$T/screen" && fail "mat-lie in the summary"
say y
[ "$(wait_exit)" = 0 ] || { screen >&2; fail "the check-in did not exit 0"; }
wait_for "Checked in 2026-11-24: pain 4/10, interference 3/10."
no_sanitizer_reports
got=$(sqlite3 "$DB" "SELECT day, pain, interference, note FROM checkin;
	SELECT day, question_id, value FROM answer;
	SELECT practice, day FROM session WHERE day = '2026-11-24' ORDER BY practice;")
want="2026-11-24|4|3|walked to the shop
2026-11-24|alpha-feel|same
alpha-walk|2026-11-24
beta-stretch|2026-11-24"
[ "$got" = "$want" ] || fail "the log holds:
$got
expected:
$want"
tmux_ kill-server

# Again for the same day: Enter keeps what was saved, a practice logged
# (the habit's too) is not asked again, and the summary says what it
# replaces.
lines
prompt "Pain, 0 to 10 (Enter keeps 4):"
say ""
prompt "Interference, 0 to 10 (Enter keeps 3):"
say ""
prompt '(mat-lie)? y or n (Enter for no):'
expect_grep 'Already logged for the day: "A short walk" (alpha-walk).' "$T/screen"
say ""
prompt "Answer, 1 to 3 or its words (Enter to skip):"
# The habit done is logged too: not asked again (it was, as a habit).
expect_grep 'Already logged for the day: "Stretch" (beta-stretch).' "$T/screen"
grep -q "(beta-stretch)? y or n" "$T/screen" && fail "a logged habit asked again"
say ""
prompt "Note, one line (Enter keeps the note above, - removes it):"
say ""
prompt "Save it? y or n:"
expect_grep "^  note: walked to the shop$" "$T/screen"
expect_grep "^This replaces the check-in saved for 2026-11-24 (pain 4/10).$" "$T/screen"
say yes
[ "$(wait_exit)" = 0 ] || { screen >&2; fail "the second check-in did not exit 0"; }
[ "$(sqlite3 "$DB" "SELECT pain, interference, note FROM checkin WHERE day = '2026-11-24';
	SELECT value FROM answer WHERE day = '2026-11-24'")" = "4|3|walked to the shop
same" ] || fail "Enter did not keep the day's check-in"
tmux_ kill-server

# TERM=dumb, for yesterday: nothing but plain lines on the terminal.
lines TERM=dumb --date yesterday
prompt "Pain, 0 to 10:"
# The pack's "today" speaks of the day asked about, as in the TUI.
screen >/dev/null
grep -qxF "How bad was it that day (2026-11-23)?" "$T/screen" ||
	{ cat "$T/screen" >&2; fail "an earlier day is asked about as today"; }
for answer in 6 "" n n n "" ""; do
	say "$answer"
done
prompt "Save it? y or n:"
say y
[ "$(wait_exit)" = 0 ] || { screen >&2; fail "TERM=dumb: not 0"; }
wait_for "Checked in 2026-11-23: pain 6/10."
tmux_ kill-server
[ -s "$T/raw" ] || fail "nothing captured from the pane"
if LC_ALL=C grep -q $'\e' "$T/raw"; then
	cat -v "$T/raw" >&2
	fail "TERM=dumb: an escape sequence in the output"
fi
[ "$(sqlite3 "$DB" "SELECT pain, interference IS NULL, note IS NULL FROM checkin
	WHERE day = '2026-11-23'")" = "6|1|1" ] || fail "TERM=dumb: row not saved"

# Ctrl-D at each question in turn: exit 66, a message, the log unchanged.
cp "$DB" "$T/before.db"
log_dump >"$T/before.sql"
for k in "${!PROMPTS[@]}"; do
	lines --date 2026-11-22
	for ((i = 0; i < k; i++)); do
		prompt "${PROMPTS[i]}"
		say "${GOOD[i]}"
	done
	prompt "${PROMPTS[k]}"
	keys C-d
	[ "$(wait_exit)" = 66 ] || { screen >&2; fail "Ctrl-D at question $((k + 1)): not 66"; }
	wait_for "nothing saved"
	tmux_ kill-server
	cmp -s "$T/before.db" "$DB" || fail "Ctrl-D at question $((k + 1)) changed the log file"
	log_dump | cmp -s "$T/before.sql" - || fail "Ctrl-D at question $((k + 1)) changed the log"
done
# Within a line: "4" then Ctrl-D twice (the first hands "4" over unended).
lines --date 2026-11-22
prompt "Pain, 0 to 10:"
type_text 4
keys C-d C-d
[ "$(wait_exit)" = 66 ] || { screen >&2; fail "Ctrl-D within a line: not 66"; }
tmux_ kill-server
cmp -s "$T/before.db" "$DB" || fail "Ctrl-D within a line changed the log"
# n at "Save it?": nothing saved, exit 0.
lines --date 2026-11-22
for ((i = 0; i < ${#GOOD[@]} - 1; i++)); do
	prompt "${PROMPTS[i]}"
	say "${GOOD[i]}"
done
prompt "Save it? y or n:"
say n
[ "$(wait_exit)" = 0 ] || { screen >&2; fail "n at Save it?: not 0"; }
wait_for "Nothing saved."
tmux_ kill-server
cmp -s "$T/before.db" "$DB" || fail "n at Save it? changed the log"
no_sanitizer_reports

# A diary is always allowed (issue 11): in a log whose safety question is
# not answered yet, and then in one where a yes holds every approach back,
# the line-mode check-in asks and saves as before.
for answer in "" yes; do
	DB=$T/safety-$answer.db
	if [ -n "$answer" ]; then
		bp safety --answer "numb=$answer" >/dev/null || fail "safety numb=$answer"
		bp safety | grep -q "Answer: YES" || fail "numb=yes does not hold"
	fi
	lines
	prompt "Pain, 0 to 10:"
	say 5
	prompt "Interference, 0 to 10 (Enter to skip):"
	say ""
	prompt "Note, one line (Enter for none):"
	say ""
	prompt "Save it? y or n:"
	say y
	[ "$(wait_exit)" = 0 ] || { screen >&2; fail "safety '$answer': the check-in did not exit 0"; }
	wait_for "Checked in 2026-11-24: pain 5/10."
	tmux_ kill-server
	[ "$(sqlite3 "$DB" "SELECT day, pain FROM checkin")" = "2026-11-24|5" ] ||
		fail "safety '$answer': the check-in was not saved"
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM screening")" = "$([ -n "$answer" ] && echo 1 || echo 0)" ] ||
		fail "safety '$answer': the check-in touched the safety answers"
done
DB=$T/log.db
no_sanitizer_reports

# Without a terminal: the usage error of today, nothing written.
expect_exit 64 bp checkin
expect_grep "pain rating, 0 to 10, is missing" "$T/err"
cmp -s "$T/before.db" "$DB" || fail "checkin without a terminal changed the log"

# The TUI where it cannot draw says so and points at the line mode.
tui_start env TERM=dumb sh -c 'exec "$0" --db "$1" --pack "$2" 2>"$3"' \
	"$BACKPAIN" "$DB" "$PACK" "$T/tui.err"
[ "$(wait_exit)" = 64 ] || fail "TUI under TERM=dumb: not 64"
expect_grep "terminal type 'dumb' cannot move the cursor" "$T/tui.err"
expect_grep "check in line by line with 'backpain checkin'" "$T/tui.err"
tmux_ kill-server
tui_start -s 100x10 sh -c 'exec "$0" --db "$1" --pack "$2" 2>"$3"' \
	"$BACKPAIN" "$DB" "$PACK" "$T/tui.err"
[ "$(wait_exit)" = 64 ] || fail "TUI on 100x10: not 64"
expect_grep "the terminal is 100x10 and the guided program needs 60x18" "$T/tui.err"
expect_grep "check in line by line with 'backpain checkin'" "$T/tui.err"
tmux_ kill-server
cmp -s "$T/before.db" "$DB" || fail "the TUI that cannot draw changed the log"

# Beta dropped on the 22nd: asked as the habit on the 21st, when it was
# kept, and not at all on the 22nd (every habit that helped was asked).
bp stop beta --drop --date 2026-11-22 >/dev/null || fail "drop beta"
for d in 2026-11-21 2026-11-22; do
	lines --date "$d"
	prompt "Pain, 0 to 10:"
	say 5
	prompt "(Enter to skip):"
	say ""
	prompt '(alpha-walk)? y or n (Enter for no):'
	say ""
	prompt '(mat-lie)? y or n (Enter for no):'
	say ""
	if [ "$d" = 2026-11-21 ]; then
		prompt 'Did you do the habit "Stretch" (beta-stretch)? y or n (Enter for no):'
		say ""
	fi
	prompt "Answer, 1 to 3 or its words (Enter to skip):"
	say ""
	prompt "Note, one line (Enter for none):"
	screen >/dev/null
	[ "$(grep -c "(beta-stretch)?" "$T/screen")" = "$([ "$d" = 2026-11-21 ] && echo 1 || echo 0)" ] ||
		{ cat "$T/screen" >&2; fail "$d: the habit dropped on the 22nd asked wrongly"; }
	keys C-d
	[ "$(wait_exit)" = 66 ] || { screen >&2; fail "$d: Ctrl-D not 66"; }
	tmux_ kill-server
done

# A lesson read (issue 20): its practice is asked too, as the lesson's,
# and a y marks it under its lesson. The guide's questions are long: folded
# between words.
DB=$T/lesson.db
PACK=$TOP/content/guide.yaml
CLI_PACK=$PACK bp learn sleep-stress-mood >/dev/null || fail "learn"
lines
prompt "Pain, 0 to 10:"
say 4
prompt "(Enter to skip):"
# At 80 columns the guide's long question is folded between words by the
# line mode (the terminal alone broke "how" in two: "and of ho" / "w much").
screen | grep -qx "Today, how much did pain get in the way of your life: of what you did, and of" &&
	screen | grep -qx "how much you could enjoy it?" ||
	{ screen >&2; fail "the question is not folded between words"; }
say ""
prompt "Did you do the lesson's practice \"Relaxed breathing\" (relaxed-breathing)? y or n (Enter for no):"
say y
prompt "Note, one line (Enter for none):"
say ""
prompt "Save it? y or n:"
say y
[ "$(wait_exit)" = 0 ] || { screen >&2; fail "lesson: not exit 0"; }
[ "$(sqlite3 "$DB" "SELECT practice || ' ' || approach FROM session")" = \
	"relaxed-breathing sleep-stress-mood" ] ||
	fail "the lesson's practice was not marked under its lesson"
tmux_ kill-server
no_sanitizer_reports
exit 0
