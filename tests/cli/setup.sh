#!/usr/bin/env bash
# setup: `backpain setup`, the first run line by line, answered by lines
# typed into a tmux pane (a terminal, as a person has). What backpain is,
# the injury question, the safety questions one at a time (an emergency
# yes shows its advice at once, before the next question; the "soon" yeses
# are shown together at the end, one that holds pointing at safety
# --checked, one that does not saying the approaches go on), the usual
# pain, the plan and the next step. Every answer is in the log with its
# date, and the first run is recorded as done, so status stops asking for
# it. Ctrl-D half way keeps what was answered and says so (exit 66); run
# again, it asks again and the new answers count. Without a terminal it is
# a usage error (64) pointing at safety --answer, and writes nothing.
. "$(dirname "$0")/../tui/lib_tui.bash"

# The command-line pack with two "see a doctor soon" questions, one that
# holds the approaches back and one that does not.
sed '/^    advice: Get help now\.$/r /dev/stdin' "$CLI_PACK" >"$T/pack.yaml" <<'YAML'
  - id: fever
    question: Any fever with it?
    urgency: soon
    advice: See a doctor this week.
  - id: late-start
    question: Did it start after fifty?
    urgency: soon
    advice: Mention it to a doctor.
    holds: false
YAML
CLI_PACK=$T/pack.yaml
PACK=$CLI_PACK
BIN=${BACKPAIN_ASAN:-}
[ -x "$BIN" ] || BIN=$BACKPAIN
NOW="@2026-11-24 12:00:00"
q() { sqlite3 "$DB" "$1"; }

# setup_pane: `backpain setup` in a pane at NOW, on the log $DB; wide
# enough that no line of it wraps, and tall enough for the plan and the end.
setup_pane() {
	tui_start -s 200x50 env "LD_PRELOAD=$FAKETIME_LIB" "FAKETIME=$NOW" \
		"ASAN_OPTIONS=${ASAN_OPTIONS:-}:verify_asan_link_order=0:log_path=$T/asan" \
		"$BIN" --db "$DB" --pack "$PACK" setup
}

# Without a terminal: the usage code, the way to answer without one, and
# no log created. --help needs no terminal.
expect_exit 64 bp setup </dev/null
expect_grep "standard input is not a terminal" "$T/err"
expect_grep "backpain safety --answer FLAG=yes|no" "$T/err"
expect_grep "^usage: backpain setup" "$T/err"
[ ! -e "$DB" ] || fail "setup without a terminal created the log"
expect_exit 0 bp setup --help </dev/null
expect_grep "^usage: backpain setup .*the first run, one question a line" "$T/out"
expect_exit 64 bp setup now </dev/null
expect_grep "unexpected argument 'now'" "$T/err"
[ ! -e "$DB" ] || fail "a refused setup created the log"

# A fresh log: status points at setup, which a dumb terminal can run.
expect_exit 0 bp status
expect_grep "^Next       safety questions first: backpain setup, or backpain for the screens$" "$T/out"

# The whole first run.
setup_pane
prompt "Press Enter to continue:"
screen >/dev/null
# (The first line folded between words at 80 columns.)
for want in "Getting started, one question a line. Each answer is saved as you give it;" \
	"Test pack for the command line" "A pack made for the tests of the daily commands." \
	"Disclaimer" "Test text, not advice."; do
	grep -qF -- "$want" "$T/screen" || { cat "$T/screen" >&2; fail "no '$want' at the start"; }
done
say ""
prompt "Answer y or n:"
expect_grep "^First, a question$" "$T/screen"
expect_grep "^Was there a recent injury?$" "$T/screen"
say maybe
wait_for "Not taken: 'maybe' is not an answer: type y or n."
say n
prompt "Answer y or n:"
expect_grep "^Safety question 1 of 3$" "$T/screen"
expect_grep "^Any numbness?$" "$T/screen"
say y
# The urgent advice at once, before the next question.
prompt "Press Enter once you have read this, to go on with the questions:"
for want in "Please get urgent medical care now." "Get help now."; do
	grep -qxF -- "$want" "$T/screen" || { cat "$T/screen" >&2; fail "no '$want' after an emergency yes"; }
done
# (Folded between words at 80 columns.)
wait_words "The approaches here wait until a doctor has checked this; then record the check with: backpain safety --checked numb"
grep -q "Safety question 2" "$T/screen" && fail "the next question came before the urgent advice"
# Saved at once, with its date.
[ "$(q "SELECT flag_id, answer, substr(asked_at, 1, 10) FROM screening ORDER BY id")" = "recent-injury|0|2026-11-24
numb|1|2026-11-24" ] || fail "the answers were not saved as they were given: $(q 'SELECT * FROM screening')"
say ""
prompt "Answer y or n:"
expect_grep "^Safety question 2 of 3$" "$T/screen"
say yes
prompt "Answer y or n:"
expect_grep "^Safety question 3 of 3$" "$T/screen"
grep -q "See a doctor soon" "$T/screen" && fail "a soon answer was shown before the last question"
say Y
# The "soon" yeses together, after the last question.
prompt "Press Enter to continue:"
wait_words "See a doctor this week. The approaches here wait until a doctor has checked this; then record the check with: backpain safety --checked fever"
for want in "See a doctor soon." "- Any fever with it?" "  See a doctor this week." \
	"- Did it start after fifty?" "  Mention it to a doctor." \
	"  The approaches here may go on meanwhile."; do
	grep -qxF -- "$want" "$T/screen" || { cat "$T/screen" >&2; fail "no '$want' among the soon answers"; }
done
say ""
prompt "Usual pain, 0 to 10:"
for want in "Your usual pain" "How bad is it usually?" "   0  None" "  10  Worst"; do
	grep -qxF -- "$want" "$T/screen" || { cat "$T/screen" >&2; fail "no '$want' at the usual pain"; }
done
say 11
wait_for "Not taken: '11' is not a rating"
say 6
[ "$(wait_exit)" = 0 ] || { screen >&2; fail "setup did not exit 0"; }
screen >/dev/null
for want in "The plan: one approach at a time, in this order" "1. Alpha" \
	"   The first approach." "4. Gamma" \
	"The first run is done, on 2026-11-24; your answers are saved." \
	"Next: get checked by a doctor, then: backpain safety --checked numb"; do
	grep -qxF -- "$want" "$T/screen" || { cat "$T/screen" >&2; fail "no '$want' at the end"; }
done
tmux_ kill-server
no_sanitizer_reports
got=$(q "SELECT flag_id, answer, substr(asked_at, 1, 10), checked_on IS NULL FROM screening ORDER BY id;
	SELECT key, value FROM profile ORDER BY key")
want="recent-injury|0|2026-11-24|1
numb|1|2026-11-24|1
fever|1|2026-11-24|1
late-start|1|2026-11-24|1
onboarded|2026-11-24
recent_injury|no
usual_pain|6"
[ "$got" = "$want" ] || fail "the log holds:
$got
expected:
$want"
# status no longer asks for the first run; the emergency yes comes first.
expect_exit 0 bp status
grep -q "first run\|safety questions first" "$T/out" && { cat "$T/out" >&2; fail "status still asks for the first run"; }
expect_grep "^Next       get checked by a doctor, then: backpain safety --checked numb$" "$T/out"

# Ctrl-D half way, on a new log: the answers given stay, and it says so.
DB=$T/half.db
setup_pane
prompt "Press Enter to continue:"
say ""
prompt "Answer y or n:"
say y
# A yes to the injury question: its advice, then the questions go on.
prompt "Press Enter once you have read this:"
expect_grep "^Wait for it to heal\.$" "$T/screen"
say ""
prompt "Answer y or n:"
expect_grep "^Safety question 1 of 3$" "$T/screen"
say n
prompt "Answer y or n:"
expect_grep "^Safety question 2 of 3$" "$T/screen"
keys C-d
[ "$(wait_exit)" = 66 ] || { screen >&2; fail "Ctrl-D half way: not 66"; }
wait_for "the answers to the injury question and to 1 of the 3 safety questions are saved"
wait_for "Run backpain setup again to finish the first run."
tmux_ kill-server
[ "$(q "SELECT flag_id, answer FROM screening ORDER BY id;
	SELECT key, value FROM profile ORDER BY key")" = "recent-injury|1
numb|0
recent_injury|yes" ] || fail "Ctrl-D half way: the log holds $(q 'SELECT * FROM screening; SELECT * FROM profile')"
expect_exit 0 bp status
expect_grep "^Next       safety questions first: backpain setup, or backpain for the screens$" "$T/out"
# Ctrl-D at the start saves nothing.
setup_pane
prompt "Press Enter to continue:"
keys C-d
[ "$(wait_exit)" = 66 ] || { screen >&2; fail "Ctrl-D at the start: not 66"; }
wait_for "the input ended before the first answer; nothing saved."
tmux_ kill-server
[ "$(q "SELECT count(*) FROM screening")" = 2 ] || fail "Ctrl-D at the start wrote an answer"

# Run again, it asks every question again; the new answers count.
setup_pane
prompt "Press Enter to continue:"
say ""
for answer in n n n n; do
	prompt "Answer y or n:"
	say "$answer"
done
prompt "Usual pain, 0 to 10:"
say 3
[ "$(wait_exit)" = 0 ] || { screen >&2; fail "setup again did not exit 0"; }
wait_for "Next: check in: backpain checkin N (pain 0-10)"
tmux_ kill-server
[ "$(q "SELECT flag_id, answer FROM screening ORDER BY id")" = "recent-injury|1
numb|0
recent-injury|0
numb|0
fever|0
late-start|0" ] || fail "setup again: screening holds $(q 'SELECT * FROM screening')"
[ "$(q "SELECT key, value FROM profile ORDER BY key")" = "onboarded|2026-11-24
recent_injury|no
usual_pain|3" ] || fail "setup again: profile holds $(q 'SELECT * FROM profile')"
expect_exit 0 bp status
expect_grep "^Next       check in: backpain checkin N (pain 0-10)$" "$T/out"
bp safety | grep -q "nothing holds the approaches back" || fail "the latest answers do not count"
no_sanitizer_reports
exit 0
