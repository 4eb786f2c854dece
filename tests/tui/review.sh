#!/usr/bin/env bash
# tui/review: the trial review screen on logs made with the real commands
# under a fixed clock (2026-03-31), each check-in and session on its own
# day. "The quick approach" (14 trial days) ran
# 2026-03-18 .. today, practised daily, after 7 days at pain 6.
#  1. Its last 7 days at pain 3: Today offers the review; the screen opens
#     on it from r and from Today's next action, shows the means, the
#     change and the verdict (compared with an expected screen); c saves
#     nothing, m asks and n cancels, then m y ends it as helped and keeps
#     it as a habit; the impression asked then is skipped (tui/impression
#     answers it), and only then is the next approach offered, which y
#     starts, as sqlite3 reads back; the list says "kept as a habit".
#  2. Its last 7 days at pain 5, less than the thresholds: s with "no change" preselected, Esc
#     cancels, then Enter y ends it as no-change and starts nothing (Esc
#     skips the impression); o then changes the ended trial's outcome to
#     worse.
#  3. The same log at the smallest screen, 60x18: the details scroll.
#  4. Two trials running: it opens on the due one; m starts nothing more.
#  5. No trial at all.
# The sanitized binary runs the screens when there is one.
. "$(dirname "$0")/lib_tui.bash"
PACK="$TUI_PACKS/tui.yaml"
NOW='2026-03-31 12:00:00'
EXPECTED="$TUI_DIR/expected"
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

# make_log PAIN: the log $DB described above, the trial's last 7 days at
# PAIN; a practice session rated 5 before and 4 after every third day.
make_log() {
	local d day pain
	# The safety questions answered, as the first run would (issue 11).
	bpf safety --answer test-emergency=no --answer test-soon=no
	for d in $(seq 11 17); do
		bpf_on "2026-03-$d" checkin 6
	done
	bpf start quick --date 2026-03-18
	for d in $(seq 18 31); do
		day="2026-03-$d" pain=5
		[ "$d" -ge 25 ] && pain=$1
		bpf_on "$day" checkin "$pain" --did minute
		[ $((d % 3)) = 2 ] &&
			bpf_on "$day" practice minute --minutes 1 --before 5 --after 4
	done
}

trials() {
	sqlite3 "$DB" "select approach, started_on, ifnull(ended_on, '-'),
		ifnull(outcome, '-') from trial order by id"
}

# unchanged WHAT: fail unless the log is as $T/before.sql holds it.
unchanged() {
	log_dump >"$T/after.sql"
	cmp -s "$T/before.sql" "$T/after.sql" ||
		{ diff "$T/before.sql" "$T/after.sql" >&2; fail "$1 changed the log"; }
}

# 1. Helped: keep it as a habit and move on.
DB="$T/helped.db"
make_log 3
bp_tui "${AT[@]}"
onboard_all_no 2
wait_for 'Next: review "The quick approach", its trial days are up'
log_dump >"$T/before.sql"

keys r
wait_for "Verdict: Pain was much lower during this trial: it fell by half or more."
wait_for "c keep going   m keep it as a habit and move on   s stop it"
settled "$T/due"
for text in "> The quick approach  running, day 14 of 14, review due" \
	"Running since 2026-03-18: day 14 of 14, its trial days are up, 14 check-ins." \
	"Practised on 14 of its 14 days (100%)." \
	"Pain before:  6.0, the mean of 7 check-ins before it started." \
	"Pain during:  3.0, the mean of 7 check-ins from day 8 on." \
	"Change:       3.0 points lower, 50% less than before." \
	"Why: pain fell by 50% (threshold 50%), from 6.0 to 3.0; allowing for the day-to-day noise, a fall" \
	"pain was on average 1.0 lower than before, over 4 sessions."; do
	grep -qF -- "$text" "$T/due" || { cat "$T/due" >&2; fail "no '$text'"; }
done
if [ -n "${UPDATE_EXPECTED:-}" ]; then
	cp "$T/due" "$EXPECTED/review_due.txt"
fi
expect_same "$EXPECTED/review_due.txt" "$T/due"

# c: keep going, nothing saved, back on Today.
keys c
wait_for 'Nothing saved: "The quick approach" keeps running, day 14.'
wait_for 'Next: review "The quick approach"'
unchanged "c"

# Through Today's next action; m asks which approach starts; n cancels.
keys Enter
wait_for "running, day 14 of 14, review due"
keys m
wait_for 'Keep "The quick approach" as a habit: end its trial today as helped.'
wait_for 'Then you are asked whether to start "The steady approach", the next approach not yet tried.'
wait_for 'y save   n cancel'
keys n
wait_for "Nothing saved."
unchanged "m then n"
keys m
wait_for 'y save   n cancel'
keys y
wait_for 'Saved: "The quick approach" is kept as a habit: its practices stay on Today.'
wait_for 'how is your back pain now?'
# Kept, and nothing started yet: the next approach waits for a yes.
[ "$(trials)" = "quick|2026-03-18|2026-03-31|helped" ] ||
	{ trials >&2; fail "m y started the next approach unasked"; }
keys Escape
wait_for "No impression saved; i records it later."
# The safety questions were answered today: no re-check is offered.
wait_for 'Start "The steady approach" today, the next approach not yet tried?'
wait_for 'y yes   n not now'
grep -q "r first" "$T/screen" && fail "a re-check offered on the day of the answers"
keys y
wait_for 'Started "The steady approach" today, day 1.'
[ "$(trials)" = "quick|2026-03-18|2026-03-31|helped
steady|2026-03-31|-|-" ] || { trials >&2; fail "trials after m y"; }
[ "$(sqlite3 "$DB" "select approach, kept_on, ifnull(dropped_on, '-') from habit")" = \
	"quick|2026-03-31|-" ] || fail "no habit after m y"
# Running first: the new trial above the one that ended.
screen >/dev/null
[ "$(grep -nE '^ [> ] The (steady|quick) approach ' "$T/screen" |
	sed -E 's/^([0-9]+):.*The (steady|quick).*/\2/' | tr '\n' ' ')" = "steady quick " ] ||
	{ cat "$T/screen" >&2; fail "the list is not running first"; }
wait_for "> The quick approach   kept as a habit since 2026-03-31"
wait_for "The steady approach  running, day 1"
wait_for "Recorded outcome: helped."
wait_for "Kept as a habit since 2026-03-31."
keys q
wait_for "Approach: The steady approach, day 1"
wait_for "Habits: The quick approach (since 2026-03-31"
keys p
wait_for "kept as a habit since 2026-03-31, practised on 1 of 1 day"
keys q
wait_for "Habits: The quick approach (since 2026-03-31"
keys q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
no_sanitizer_reports
tmux_ kill-server

# The next day the habit's practice is still on Today and in the timer's
# choice.
at "@2026-04-01 12:00:00"
bp_tui "${AT[@]}"
wait_for "Habits: The quick approach (since 2026-03-31, practised on 1 of 2 days)"
wait_for "The minute routine  0/2  (habit)"
keys t
wait_for "Which practice?"
wait_for "The minute routine"
keys Escape
wait_for "Today's check-in:"
keys c
wait_for "Practices done"
wait_for "The minute routine"
keys Escape
wait_for "Today's check-in:"
keys q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
tmux_ kill-server
at "@$NOW"

# 2. No change: stop it, then change the recorded outcome.
DB="$T/nochange.db"
make_log 5
bp_tui "${AT[@]}"
onboard_all_no 2
wait_for "Next: review"
log_dump >"$T/before.sql"
keys r
wait_for "Verdict: Pain did not change enough to count."
wait_for "Change:       1.0 points lower, 16% less than before."
wait_for "Why: pain fell by 1.0 points, 16% (thresholds 2 points or 30%), from 6.0 to 5.0; allowing for the"
wait_for "It has not shown a change so far: s stops it, or c gives it more time."
keys s
wait_for "[no change]   worse    stopped"
keys Escape
wait_for "Nothing saved."
wait_for "s stop it"
unchanged "s then Esc"
keys s
wait_for "[no change]"
keys Enter
wait_for 'Stop "The quick approach" today (2026-03-31), recorded as no change?'
wait_for 'y save   n cancel'
keys y
wait_for 'Saved: "The quick approach" ended today as no change.'
wait_for 'how is your back pain now?'
keys Escape
wait_for "No impression saved; i records it later."
[ "$(trials)" = "quick|2026-03-18|2026-03-31|no-change" ] ||
	{ trials >&2; fail "trials after s"; }
wait_for "> The quick approach  ended 2026-03-31, no change"
wait_for "o change the recorded outcome"
# c on an ended trial saves nothing and stays.
keys c
wait_for "has ended; o changes its outcome."
keys o
wait_for "helped   [no change]   worse    stopped"
keys Right
wait_for "helped    no change   [worse]   stopped"
keys Enter
wait_for 'Change the recorded outcome of "The quick approach" from no change to worse?'
keys y
wait_for 'Saved: "The quick approach" is now recorded as worse (it was no change).'
[ "$(trials)" = "quick|2026-03-18|2026-03-31|worse" ] ||
	{ trials >&2; fail "trials after o"; }
keys q
wait_for "Next:"
keys q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
no_sanitizer_reports
tmux_ kill-server

# 3. The smallest screen: the list, the keys, and the verdict below a
# page; ? lists the screen's keys.
bp_tui -s 60x18 "${AT[@]}"
wait_for "Next:"
keys r
wait_for "> The quick approach"
wait_for "o change the recorded outcome"
keys NPage
# The verdict's words, below a page (the means now take one line each at 60
# columns, so the page starts on the verdict's second line).
wait_for "smaller than the one most people count as worthwhile."
wait_for "Why: pain fell by 1.0 points"
keys '?'
wait_for "keep going (continue): save nothing"
keys q
wait_for "o change the recorded outcome"
keys q q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
no_sanitizer_reports
tmux_ kill-server

# 4. Two approaches running: the list shows the newer one first, but the
# screen opens on the one whose review is due; the shared days are named,
# and m starts nothing while the other one runs.
DB="$T/shared.db"
make_log 3
bpf start steady --date 2026-03-25
bp_tui "${AT[@]}"
onboard_all_no 2
keys r
wait_for "> The quick approach   running, day 14 of 14, review due"
wait_for "The steady approach  running, day 7"
screen >/dev/null
[ "$(grep -nE '^ [> ] The (steady|quick) approach ' "$T/screen" |
	sed -E 's/^([0-9]+):.*The (steady|quick).*/\2/' | tr '\n' ' ')" = "steady quick " ] ||
	{ cat "$T/screen" >&2; fail "the newer running trial is not first"; }
wait_for 'It shared 7 days with "The steady approach" (2026-03-25, running), so a'
# Vi keys move between trials here as on every screen: k up, j down.
keys k
wait_for "> The steady approach  running, day 7"
keys j
wait_for "> The quick approach   running, day 14 of 14, review due"
keys m
wait_for "No other approach is offered: another one is running."
keys y
wait_for 'Saved: "The quick approach" is kept as a habit: its practices stay on Today.'
wait_for 'how is your back pain now?'
keys Escape
wait_for "No impression saved; i records it later."
grep -q "Start \"" "$T/screen" && fail "a start offered while another approach runs"
[ "$(trials)" = "quick|2026-03-18|2026-03-31|helped
steady|2026-03-25|-|-" ] || { trials >&2; fail "trials after m y with two running"; }
keys q q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
no_sanitizer_reports
tmux_ kill-server

# 5. No trial yet: the screen says so, and c m s o change nothing.
DB="$T/empty.db"
bpf checkin 4
bp_tui "${AT[@]}"
onboard_all_no 2
log_dump >"$T/before.sql"
keys r
wait_for "No trial yet, so there is nothing to review."
keys c m s o Enter
sleep 0.2
wait_for "No trial yet, so there is nothing to review."
unchanged "keys on an empty review"
keys q
wait_for "Next:"
keys q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
no_sanitizer_reports
