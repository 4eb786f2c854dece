#!/usr/bin/env bash
# tui/safety_recheck (issue 11): six weeks after the safety questions were
# last answered, the emergency ones come back, offered and not forced: the
# CLI's start says so on stderr and starts; Today's next step asks
# "anything new since D?" in one short screen, whose "nothing new" keeps a
# dated no to each emergency question; its title bar says "Safety check".
# A day earlier, nothing is due.
# Starting a new approach on a later day offers the same screen (r) beside
# the start, and asks the start again after it.
. "$(dirname "$0")/lib_tui.bash"
PACK="$TUI_PACKS/tui.yaml"

bpf() { # bpf TIME ARGS...: the CLI at TIME
	local when=$1
	shift
	faketime "$when" "$BACKPAIN" --db "$DB" --pack "$PACK" "$@"
}

at "@2026-03-01 12:00:00"
bp_tui "${AT[@]}"
onboard_all_no 2
keys q
[ "$(wait_exit)" = 0 ] || fail "first run did not exit 0"
tmux_ kill-server

# 41 days on: not due yet.
bpf '2026-04-11 12:00:00' checkin 4 >/dev/null || fail "checkin"
at "@2026-04-11 12:00:00"
bp_tui "${AT[@]}"
# One check-in so far: no start offered before a baseline can exist.
wait_words "Next: check in on a few more days before starting: 0 of 5 ratings in the 14 days before today (today's counts for a start from tomorrow)" 1 92
screen >/dev/null
grep -q "Next: start" "$T/screen" && fail "a start offered with no baseline possible"
keys Enter
wait_for "So a change can be measured, a trial needs 5 ratings in the 14 days before it."
screen >/dev/null
grep -q "Anything new\|anything new" "$T/screen" && fail "re-check offered after 41 days"
keys q
wait_exit >/dev/null
tmux_ kill-server

# 42 days on: the CLI's start offers it on stderr and goes on.
bpf '2026-04-12 12:00:00' checkin 4 >/dev/null || fail "checkin"
bpf '2026-04-12 12:00:00' start quick >"$T/out" 2>"$T/err" ||
	fail "start refused for a re-check that is only due"
expect_grep "due again: the emergency safety questions were last answered on 2026-03-01" "$T/err"
expect_grep "Started quick on 2026-04-12" "$T/out"

at "@2026-04-12 12:00:00"
bp_tui "${AT[@]}"
wait_for "Next: anything new since 2026-03-01?"
keys Enter
wait_for "Anything new since 2026-03-01?"
wait_for "Is the test alarm ringing?"
screen >/dev/null
# The title says what the screen is, not the first run's "Getting started".
head -n 1 "$T/screen" | grep -q "backpain: Safety check" ||
	{ head -n 1 "$T/screen" >&2; fail "the re-check is not titled Safety check"; }
grep -q "test lamp" "$T/screen" && fail "the re-check asked a soon question"
keys n
wait_for "Saved: nothing new."
wait_gone "Next: anything new"
keys q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
[ "$(sqlite3 "$DB" "select answer || ' ' || substr(asked_at, 1, 10) from screening
	where flag_id = 'test-emergency' order by id")" = "0 2026-03-01
0 2026-04-12" ] || fail "the re-check's answer is not kept with its date"

# A week on, a new approach: s offers the questions again beside the start.
at "@2026-04-19 12:00:00"
bp_tui "${AT[@]}"
wait_for "Today's check-in:"
keys p
wait_for "The approaches, in the order"
keys j Enter
wait_for "s start this approach"
keys s
wait_for "y yes, n no, r first: anything new since 2026-04-12?"
keys r
wait_for "Anything new since 2026-04-12?"
keys n
wait_for "Saved: nothing new."
# Back from the re-check, the start is asked again without another s (it
# once left "Not started yet." and the person had to begin over).
wait_for "today? y yes, n no"
# Starting anyway is allowed; the question says it cannot be judged.
wait_for "No baseline: 2 of 5 ratings in the 14 days before today, so its effect cannot be judged."
screen >/dev/null
grep -q "anything new since" "$T/screen" && fail "offered again after nothing new"
keys y
wait_for "day 1."
keys q q q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
[ "$(sqlite3 "$DB" "select count(*) from screening where flag_id = 'test-emergency'
	and asked_at like '2026-04-19%'")" = 1 ] || fail "the offer's answer was not kept"
