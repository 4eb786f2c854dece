#!/usr/bin/env bash
# tui/setup_dumb: where the screens refuse to draw (TERM=dumb: a screen
# reader, a slow ssh), `backpain setup` takes a person through the whole
# first run of the built-in pack in plain lines: what backpain is, the
# injury question, every safety question (a yes to one that does not hold
# the approaches back, shown at the end with its advice), the usual pain,
# the plan. Nothing but plain lines reaches the terminal, not one escape
# sequence; every answer is in the log, the first run is recorded as done,
# and status then points at the check-in instead of the first run.
. "$(dirname "$0")/lib_tui.bash"

BIN=${BACKPAIN_ASAN:-}
[ -x "$BIN" ] || BIN=$BACKPAIN
NOW="@2026-11-24 12:00:00"
q() { sqlite3 "$DB" "$1"; }

# The built-in pack's safety questions, in its order.
"$BACKPAIN" pack list --flags | awk '{ print $2 }' >"$T/flags" ||
	fail "pack list --flags"
nflags=$(wc -l <"$T/flags")
[ "$nflags" -ge 10 ] || fail "expected the pack's safety questions, got $nflags"
grep -qx onset-age "$T/flags" || fail "no onset-age question in the pack"

tui_start env TERM=dumb "LD_PRELOAD=$FAKETIME_LIB" "FAKETIME=$NOW" \
	"ASAN_OPTIONS=${ASAN_OPTIONS:-}:verify_asan_link_order=0:log_path=$T/asan" \
	"$BIN" --db "$DB" setup
tmux_ pipe-pane -o -t t "cat >>$T/raw"
prompt "Press Enter to continue:"
wait_for "Disclaimer"
wait_for "This is not medical advice."
say ""
prompt "Answer y or n:"
wait_for "First, a question"
say n
i=0
while read -r flag; do
	i=$((i + 1))
	prompt "Answer y or n:"
	wait_for "Safety question $i of $nflags"
	if [ "$flag" = onset-age ]; then
		say y
	else
		say n
	fi
done <"$T/flags"
prompt "Press Enter to continue:"
wait_for "See a doctor soon."
wait_for "Did your back pain first start before you were 20"
wait_for "The approaches here may go on meanwhile."
say ""
prompt "Usual pain, 0 to 10:"
wait_for "Your usual pain"
say 5
[ "$(wait_exit)" = 0 ] || { screen >&2; fail "setup under TERM=dumb did not exit 0"; }
tmux_ kill-server
no_sanitizer_reports

[ -s "$T/raw" ] || fail "nothing captured from the pane"
for want in "The plan: one approach at a time, in this order" \
	"The first run is done, on 2026-11-24; your answers are saved." \
	"Next: check in: backpain checkin N (pain 0-10)"; do
	grep -qF -- "$want" "$T/raw" || { cat "$T/raw" >&2; fail "no '$want' at the end"; }
done
# Folded between words, at most 80 columns (a longer line is hard to
# read, and a terminal breaks it inside a word): every paragraph, prompt
# and closing line (the pane's own report after the exit left out).
tr -d '\r' <"$T/raw" | sed '/\[exited /,$d' >"$T/said"
widest=$(wc -L <"$T/said")
[ "$widest" -le 80 ] || { awk 'length > 80' "$T/said" >&2; fail "lines of $widest columns"; }
if LC_ALL=C grep -q $'\e' "$T/raw"; then
	cat -v "$T/raw" >&2
	fail "TERM=dumb: an escape sequence in the output"
fi

# Every answer, dated; the first run done.
[ "$(q "SELECT count(*) FROM screening WHERE asked_at LIKE '2026-11-24%'")" = $((nflags + 1)) ] ||
	fail "expected $((nflags + 1)) answers of 2026-11-24: $(q 'SELECT * FROM screening')"
[ "$(q "SELECT flag_id FROM screening WHERE answer = 1")" = onset-age ] ||
	fail "only onset-age should be yes: $(q 'SELECT * FROM screening')"
got=$(q "SELECT flag_id FROM screening ORDER BY id" | paste -s -d ' ' -)
[ "$got" = "recent-injury $(paste -s -d ' ' "$T/flags")" ] ||
	fail "the questions were not asked in the pack's order: $got"
[ "$(q "SELECT key, value FROM profile ORDER BY key")" = "onboarded|2026-11-24
recent_injury|no
usual_pain|5" ] || fail "the profile holds $(q 'SELECT * FROM profile')"

# status no longer asks for the first run.
faketime "2026-11-24 12:00:00" "$BACKPAIN" --db "$DB" status >"$T/status" ||
	fail "status"
grep -q "first run" "$T/status" && { cat "$T/status" >&2; fail "status still asks for the first run"; }
expect_grep "^Next       check in: backpain checkin N (pain 0-10)$" "$T/status"
exit 0
