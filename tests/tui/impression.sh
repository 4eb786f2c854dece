#!/usr/bin/env bash
# tui/impression: the global impression asked at the end of a trial on the
# review screen (issue 10 item 2), on logs made with the real commands
# under a fixed clock (2026-03-31), each check-in on its own day;
# trial.impression read back with sqlite3.
# "The quick approach" (14 trial days) ran 2026-03-18 .. today, practised
# daily, after 7 days at pain 6.
#  1. s stops it: the question follows the saved outcome; Enter with no
#     answer chosen saves nothing, the arrows move, 3 saves "a little
#     better", which the screen then shows beside the verdict; i offers to
#     change it with the answer under the cursor, Esc keeps it.
#  2. m keeps it as a habit: the question follows; s skips it (NULL stays)
#     and the next approach is offered (y starts it); i on the ended trial
#     asks again and Right Right Enter saves 2.
#  3. A trial stopped from the command line on an earlier day: i asks how
#     the pain was when it ended; q skips it; 7 saves it. i on a running
#     trial only says when it is asked.
# The sanitized binary runs the screens when there is one.
. "$(dirname "$0")/lib_tui.bash"
PACK="$TUI_PACKS/tui.yaml"
NOW='2026-03-31 12:00:00'
at "@$NOW"
if [ -x "${BACKPAIN_ASAN:-}" ]; then
	BP=$BACKPAIN_ASAN
	# libfaketime is preloaded ahead of the sanitizer's runtime.
	export ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0"
fi

bpf() {
	"${AT[@]}" "$BACKPAIN" --db "$DB" --pack "$PACK" "$@" >/dev/null ||
		fail "backpain $* failed"
}

# make_log PAIN [LAST]: the log $DB described above, the trial's last 7
# days at PAIN, check-ins up to 2026-03-LAST (31 unless given).
make_log() {
	local d pain
	# The safety questions answered, as the first run would (issue 11).
	bpf safety --answer test-emergency=no --answer test-soon=no
	for d in $(seq 11 17); do
		bpf_on "2026-03-$d" checkin 6
	done
	bpf start quick --date 2026-03-18
	for d in $(seq 18 "${2:-31}"); do
		pain=5
		[ "$d" -ge 25 ] && pain=$1
		bpf_on "2026-03-$d" checkin "$pain" --did minute
	done
}

# trials: approach, end, outcome and impression of every trial.
trials() {
	sqlite3 "$DB" "select approach, ifnull(ended_on, '-'),
		ifnull(outcome, '-'), ifnull(impression, 'NULL')
		from trial order by id"
}

# expect_trials WHAT WANT: fail unless trials prints WANT.
expect_trials() {
	[ "$(trials)" = "$2" ] || { trials >&2; fail "trials $1"; }
}

QUESTION='Compared with before you started "The quick approach", how is your back pain now?'
LINE1='1 very much better    2 much better    3 a little better    4 no different'
LINE2='5 a little worse    6 much worse    7 very much worse'
KEYS='Left Right choose   Enter or 1-7 save   Esc or s skip (it is optional)'

# 1. Stopped with s, answered with a digit.
DB="$T/stop.db"
make_log 5
bp_tui "${AT[@]}"
onboard_all_no 2
keys r
wait_for "c keep going   m keep it as a habit and move on   s stop it"
keys s
wait_for "[no change]   worse    stopped"
keys Enter
wait_for 'y save   n cancel'
keys y
wait_for 'Saved: "The quick approach" ended today as no change.'
wait_for "$QUESTION"
wait_for "$LINE1"
wait_for "$LINE2"
wait_for "$KEYS"
expect_trials "after s" "quick|2026-03-31|no-change|NULL"
# Nothing is under the cursor yet: Enter saves nothing.
keys Enter
wait_for "Choose an answer first (Left Right, or 1 to 7), or skip it with Esc."
wait_for "$QUESTION"
expect_trials "after a stray Enter" "quick|2026-03-31|no-change|NULL"
keys Right
wait_for "[1 very much better]   2 much better"
keys Right
wait_for "[2 much better]   3 a little better"
keys 3
wait_for 'Saved: your impression, a little better.'
expect_trials "after 3" "quick|2026-03-31|no-change|3"
wait_gone "$QUESTION"
wait_for "Your own impression at its end: a little better (3 of 7)."
wait_for "o change the recorded outcome   i change your impression"
# i offers to change it, with its answer under the cursor; Esc keeps it.
keys i
wait_for "$QUESTION"
wait_for "[3 a little better]   4 no different"
keys Escape
wait_for "Nothing saved."
wait_gone "$QUESTION"
expect_trials "after i Esc" "quick|2026-03-31|no-change|3"
# Esc left the question, not the screen.
wait_for "Your own impression at its end: a little better (3 of 7)."
keys q
wait_for "Next:"
keys q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
no_sanitizer_reports
tmux_ kill-server

# 2. Kept as a habit with m, the question skipped with s, then given with i.
DB="$T/habit.db"
make_log 3
bp_tui "${AT[@]}"
onboard_all_no 2
keys r
wait_for "c keep going   m keep it as a habit and move on   s stop it"
keys m
wait_for 'y save   n cancel'
keys y
wait_for 'Saved: "The quick approach" is kept as a habit: its practices stay on Today.'
wait_for "$QUESTION"
keys s
wait_for "No impression saved; i records it later."
wait_gone "$QUESTION"
# Then the next approach is offered; y starts it.
wait_for 'Start "The steady approach" today, the next approach not yet tried?'
keys y
wait_for 'Started "The steady approach" today, day 1.'
expect_trials "after m y s y" "quick|2026-03-31|helped|NULL
steady|-|-|NULL"
wait_for "o change the recorded outcome   i record your impression"
keys i
wait_for "$QUESTION"
keys Right Right Enter
wait_for 'Saved: your impression, much better.'
expect_trials "after i Right Right Enter" "quick|2026-03-31|helped|2
steady|-|-|NULL"
wait_for "Your own impression at its end: much better (2 of 7)."
# The review on the command line reads the same answer (the impression,
# then the three chances and the pause week's confirmation, none here).
"${AT[@]}" "$BACKPAIN" --db "$DB" --pack "$PACK" review --format csv |
	grep -q '^quick,.*,much-better,[^,]*,[^,]*,[^,]*,$' || fail "review --format csv lacks the impression"
keys q q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
no_sanitizer_reports
tmux_ kill-server

# 3. Stopped from the command line on an earlier day, then i on the
# screen; i on a running trial.
DB="$T/earlier.db"
make_log 5 28
bpf stop quick --outcome no-change --date 2026-03-28
bpf start steady --date 2026-03-29
bp_tui "${AT[@]}"
onboard_all_no 2
keys r
wait_for "> The steady approach"
keys i
wait_for '"The steady approach" is running: your impression is asked when it ends (m or s).'
expect_trials "after i on a running trial" "quick|2026-03-28|no-change|NULL
steady|-|-|NULL"
keys Down
wait_for "> The quick approach"
wait_for "i record your impression"
keys i
wait_for 'Compared with before you started "The quick approach", how was your back pain when it ended'
wait_for "(2026-03-28)?"
keys q
wait_for "No impression saved; i records it later."
expect_trials "after i q" "quick|2026-03-28|no-change|NULL
steady|-|-|NULL"
keys i
wait_for "how was your back pain when it ended"
keys 7
wait_for 'Saved: your impression, very much worse.'
wait_for "Your own impression at its end: very much worse (7 of 7)."
expect_trials "after i 7" "quick|2026-03-28|no-change|7
steady|-|-|NULL"
keys q q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
no_sanitizer_reports
