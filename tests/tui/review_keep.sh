#!/usr/bin/env bash
# tui/review_keep (issue 18): the review screen's m follows the verdict and
# the screens say what the model says, on logs entered a day at a time
# under a fixed clock (today 2026-03-31; the safety questions last answered
# on 2026-03-10). "The quick approach" (14 trial days) ran from 2026-03-18
# after 7 days at pain 6.
#  1. Its judged days alternate 3 and 7: "unclear", and more days would not
#     settle it, so the verdict says "Not clear", never "Not clear yet"
#     beside "unlikely to settle it". m asks which outcome to record (the
#     verdict's, stopped, first), saves the one chosen (no change) with the
#     habit; the impression comes next; then the next approach is only
#     offered, with the safety re-check first ("r first: anything new since
#     2026-03-10?") as on the approach screen; after it, n leaves the next
#     approach unstarted. "kept as a habit" on the Review list, the Plan,
#     History and status.
#  2. Pain rose from 4 to 5: the Change line gives the share of the level
#     during the trial, as the Why line does. A second trial on day 3 of 7
#     settling in: its 3 check-ins are said not judged, not "no check-in".
#  3. The safety screen: beside "You answered no", a flag's advice is what
#     to do if it is ever true, never an order.
#  4. A flare-up tool (the review tests' pack's mat) used in 4 rated
#     sessions and never started: the Plan says so, and the Review has its
#     row, judged by those sessions, with nothing to decide.
#  5. A trial started beside it: the Review opens on the trial, the mat's
#     row after it.
# The sanitized binary runs the screens when there is one.
. "$(dirname "$0")/lib_tui.bash"
PACK="$TUI_PACKS/tui.yaml"
NOW='2026-03-31 12:00:00'
if [ -x "${BACKPAIN_ASAN:-}" ]; then
	BP=$BACKPAIN_ASAN
	# libfaketime is preloaded ahead of the sanitizer's runtime.
	export ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0"
fi

# on DAY ARGS...: backpain ARGS at noon on DAY, as the person would.
on() {
	local day=$1
	shift
	at "@$day 12:00:00"
	"${AT[@]}" "$BACKPAIN" --db "$DB" --pack "$PACK" "$@" >/dev/null ||
		fail "backpain $* on $day failed"
}

# make_log BEFORE SETTLING JUDGED...: the safety questions answered on
# 03-10 and the first run done; 03-11 .. 03-17 at BEFORE; quick started on
# 03-18; 03-18 .. 03-24 at SETTLING; 03-25 .. 03-31 at the JUDGED ratings
# in turn; the minute routine marked every day.
make_log() {
	local before=$1 settling=$2 d pain i=0
	shift 2
	on 2026-03-10 safety --answer test-emergency=no --answer test-soon=no
	sqlite3 "$DB" "INSERT INTO profile (key, value) VALUES ('onboarded', '2026-03-10')" ||
		fail "cannot write the first run"
	for d in $(seq 11 17); do
		on "2026-03-$d" checkin "$before"
	done
	on 2026-03-18 start quick
	for d in $(seq 18 31); do
		pain=$settling
		if [ "$d" -ge 25 ]; then
			set -- "$@" "$1"
			pain=$1
			shift
		fi
		on "2026-03-$d" checkin "$pain" --did minute
	done
	at "@$NOW"
}

trials() {
	sqlite3 "$DB" "select approach, started_on, ifnull(ended_on, '-'),
		ifnull(outcome, '-') from trial order by id"
}

# 1. Unclear: m asks, keeps it as the outcome chosen, offers the next.
DB="$T/unclear.db"
make_log 6 5 3 7 3 7 3 7 4
bp_tui "${AT[@]}"
wait_for "Today's check-in:"
keys r
wait_words "Verdict: Not clear: pain fell by more than its day-to-day ups and downs, but whether the fall reaches the change most people count as worthwhile cannot be told, and more rated days alone are unlikely to settle it."
wait_words "More rated days alone are unlikely to settle it: decide by how you have been"
screen_words >/dev/null
grep -q "Not clear yet" "$T/words" && fail "'Not clear yet' beside 'unlikely to settle it'"
keys m
wait_words "The verdict is unclear, not helped. Keep \"The quick approach\" as a habit all the same, its trial ended today recorded as:"
wait_for "[stopped]"
keys Left Left
wait_for "[no change]"
keys Enter
wait_for 'Keep "The quick approach" as a habit, its trial ended today (2026-03-31) as no change?'
keys y
wait_words 'Saved: "The quick approach" is kept as a habit, its trial recorded as no change: its practices stay on Today.'
wait_for 'how is your back pain now?'
[ "$(trials)" = "quick|2026-03-18|2026-03-31|no-change" ] ||
	{ trials >&2; fail "trials after m"; }
[ "$(sqlite3 "$DB" "select approach, kept_on from habit")" = "quick|2026-03-31" ] ||
	fail "no habit after m"
keys Escape
wait_for 'Start "The steady approach" today, the next approach not yet tried?'
wait_for "y yes   n not now   r first: anything new since 2026-03-10?"
keys r
wait_for "Anything new since 2026-03-10?"
keys n
wait_for "Saved: nothing new."
wait_for 'Start "The steady approach" today, the next approach not yet tried?'
wait_for "y yes   n not now"
grep -q "r first" "$T/screen" && fail "the re-check offered again after it was answered"
keys n
wait_words 'Not started: "The steady approach" waits in the plan (p on Today) until you start it.'
[ "$(trials)" = "quick|2026-03-18|2026-03-31|no-change" ] ||
	{ trials >&2; fail "n started the next approach"; }
wait_for "> The quick approach  kept as a habit since 2026-03-31"
wait_for "Recorded outcome: no change."
keys q
wait_for "Today's check-in:"
keys p
wait_for "kept as a habit since 2026-03-31, practised on 1 of 1 day"
keys q
keys v
wait_for "1. The quick approach: 2026-03-18 to 2026-03-31 (kept as a habit)"
keys q
wait_for "Today's check-in:"
keys q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
no_sanitizer_reports
tmux_ kill-server
"${AT[@]}" "$BACKPAIN" --db "$DB" --pack "$PACK" status | grep -q "^    quick   kept as a habit since 2026-03-31" ||
	fail "status does not say kept as a habit"

# 2. A rise, and a second trial settling in.
DB="$T/rise.db"
make_log 4 4 5
on 2026-03-29 start steady
at "@$NOW"
bp_tui "${AT[@]}"
wait_for "Today's check-in:"
keys r
wait_for "> The quick approach"
keys j
wait_for "> The quick approach"
wait_words "Change: 1.0 points higher, a rise of 20% of the level during the trial."
wait_words "Why: pain rose by 1.0 points, 20% of the level during the trial"
keys k
wait_for "> The steady approach"
wait_for "Running since 2026-03-29: day 3 (open-ended), 3 check-ins."
wait_words "Pain during: settling in, day 3 of 7: its 3 check-ins are not judged; the judged days begin on day 8."
grep -q "no check-in" "$T/screen" && fail "3 check-ins beside 'no check-in'"
keys q q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
no_sanitizer_reports
tmux_ kill-server

# 3. The safety screen: no order beside a no.
bp_tui "${AT[@]}"
wait_for "Today's check-in:"
keys '!'
wait_for "You answered no on 2026-03-10."
wait_for "If this is ever true: Test advice, go at once."
grep -v "If this is ever true" "$T/screen" | grep -q "Test advice, go at once" &&
	fail "an emergency's advice as an order beside a no"
keys q q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
no_sanitizer_reports
tmux_ kill-server

# 4. The mat used, never started.
DB="$T/mat.db"
PACK="$TUI_PACKS/review.yaml"
on 2026-03-10 safety --answer numbness=no --answer fever=no --answer night-pain=no
sqlite3 "$DB" "INSERT INTO profile (key, value) VALUES ('onboarded', '2026-03-10')" ||
	fail "cannot write the first run"
for d in 2026-03-29 2026-03-29 2026-03-30 2026-03-30; do
	on "$d" practice mat-lie --before 7 --after 4
done
at "@$NOW"
bp_tui "${AT[@]}"
wait_for "Today's check-in:"
keys p
wait_for "used in 4 sessions, last on 2026-03-30"
keys q
keys r
wait_for "> Acupressure mat (wildcard)  used in 4 sessions, last on 2026-03-30"
wait_words "A flare-up tool used in 4 sessions, last on 2026-03-30, outside a trial: its sessions since 2026-03-29 are judged here, as a trial of it would be."
wait_words "Sessions: pain 7.0 before and 4.0 after, on average over 4 sessions."
wait_for "nothing to decide here"
keys m
wait_words '"Acupressure mat (wildcard)" was used outside a trial, so there is nothing to decide here'
[ -z "$(sqlite3 "$DB" "select * from trial")" ] || fail "m on the mat's row wrote a trial"
keys q q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
no_sanitizer_reports
tmux_ kill-server

# 5. With a trial running beside the mat's sessions, the Review opens on
#    the trial (the mat's row, with nothing to decide, comes after the
#    trials; it once came first and took the cursor).
on 2026-03-31 start reading
bp_tui "${AT[@]}"
wait_for "Today's check-in:"
keys r
wait_for "> Read about pain and the mind"
wait_for "used in 4 sessions, last on 2026-03-30"
keys q q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
no_sanitizer_reports
