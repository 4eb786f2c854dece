#!/usr/bin/env bash
# tui/wrap: nothing is cut off, at 80x24 and at 60x18. Each text is found
# whole on the screen however it wraps (wait_words), in the words the
# program gives for the same fact through its commands where it has them:
# - a message takes the rows it needs: the baseline message after a first
#   check-in, a flare-up's, a refusal while a safety answer holds;
# - the start question keeps every choice, "r first: anything new since
#   ...?" too, and its no-baseline warning whole;
# - Today's Next entry wraps beside its key; with a safety hold, a running
#   trial and a flare-up, the menu scrolls with the selection under
#   "▲ more" / "▼ more" marks, and PgUp PgDn scroll what is above it;
# - the timer's list of practices wraps a long title, and so does its top;
# - History shows each trial's explanation whole, as `backpain review
#   --format json` gives it, and its legend whole.
# No screen shows an ellipsis.
. "$(dirname "$0")/lib_tui.bash"

no_ellipsis() {
	screen >/dev/null
	if grep -qF '…' "$T/screen"; then
		cat "$T/screen" >&2
		fail "something is cut with an ellipsis"
	fi
}

# quit: q until the program has ended, exit 0.
quit() {
	keys q
	[ "$(wait_exit)" = 0 ] || fail "q did not exit 0"
}

# status_counts: "N NEED DAYS" from the Next line of `backpain status`
# ("... N of NEED ratings in the DAYS days before today ...").
status_counts() {
	"${AT[@]}" "$BACKPAIN" --db "$DB" status |
		sed -nE 's/^Next .*: ([0-9]+) of ([0-9]+) ratings in the ([0-9]+) days before today.*/\1 \2 \3/p'
}

title=$("$BACKPAIN" pack list |
	sed -nE '1s/^ *[0-9]+ +[^ ]+ +(.*[^ ])  +[0-9]+ days.*/\1/p')
question=$("$BACKPAIN" pack list --flags |
	sed -nE 's/^ *[0-9]+ +night-pain +[a-z]+ +//p')
practice=$("$BACKPAIN" pack list --practices |
	sed -nE 's/^ *[0-9]+ +mckenzie-flexion .* a day  //p')
practice_n=$("$BACKPAIN" pack list --practices |
	sed -nE 's/^ *([0-9]+) +mckenzie-flexion .*/\1/p')
[ -n "$title" ] && [ -n "$question" ] && [ -n "$practice" ] ||
	fail "the pack lists lack what this test reads"

for size in 80x24 60x18; do
	cols=${size%x*}
	keycol=$((cols - 8)) # a menu entry's words end left of its key
	DB=$T/log-$size.db

	# Day 1: a new user checks in for the first time; Enter on Next
	# says why the approaches wait.
	at "@2026-11-19 12:00:00"
	bp_tui -s "$size" "${AT[@]}"
	onboard_all_no
	keys c
	wait_for "No pain"
	keys 4 Enter
	wait_for "Saved the check-in"
	read -r n need days < <(status_counts)
	[ -n "$days" ] || fail "status has no baseline count"
	wait_words "Next: check in on a few more days before starting: $n of $need ratings in the $days days before today (today's counts for a start from tomorrow)" 1 "$keycol"
	keys Enter
	wait_words "So a change can be measured, a trial needs $need ratings in the $days days before it. See you tomorrow."
	no_ellipsis
	quit

	# Day 6: the timer's list and a long practice title; the start
	# question, with the safety questions last answered on day 1; a
	# flare-up's question and message.
	at "@2026-11-24 12:00:00"
	bp_tui -s "$size" "${AT[@]}"
	wait_for "Today's check-in"
	keys t
	wait_for "Which practice?"
	for _ in $(seq 2 "$practice_n"); do keys j; done
	wait_words "$practice (5 min)"
	no_ellipsis
	keys Enter
	wait_words "$practice How bad is your pain now, before you start?"
	keys Escape
	wait_for "Today's check-in"
	keys p
	wait_for "The approaches, in the order the guide suggests"
	keys Enter
	wait_for "s start this approach"
	keys s
	wait_words "Start \"$title\" today? y yes, n no, r first: anything new since 2026-11-19?"
	# Day 1's check-in is the one rating before today.
	wait_words "No baseline: 1 of $need ratings in the $days days before today, so its effect cannot be judged."
	no_ellipsis
	keys y
	wait_words "Started \"$title\" today, day 1."
	keys q q
	wait_for "Today's check-in"
	keys f
	wait_words "Record a flare-up starting today? Pain now: - pain now 0-10, Enter to skip the rating, Esc to cancel"
	keys 7
	wait_words "Record a flare-up starting today? Pain now: 7 Enter records it with this pain, Backspace clears, Esc to cancel"
	keys Enter
	wait_words "Flare-up recorded from today. Rate your pain, then the timer runs; F on Today when it is over."
	no_ellipsis
	keys Escape
	wait_for "Flare-up since 2026-11-24"
	quit

	# A yes that holds, with the trial and the flare-up running: Today's
	# menu scrolls under its marks, and what is above it with PgUp PgDn.
	"${AT[@]}" "$BACKPAIN" --db "$DB" safety --answer night-pain=yes \
		>/dev/null || fail "answer yes"
	# The short reads offered put off (tui/learn shows them), so that
	# what is above the menu is the length this part was written for.
	for id in $("${AT[@]}" "$BACKPAIN" --db "$DB" learn |
		awk '/ offered now / { print $2 }'); do
		"${AT[@]}" "$BACKPAIN" --db "$DB" learn --dismiss "$id" \
			>/dev/null || fail "learn --dismiss $id"
	done
	bp_tui -s "$size" "${AT[@]}"
	wait_words "On hold: you answered yes on 2026-11-24 to: $question"
	wait_words "Next: get checked by a doctor, then record it (Safety)" 1 "$keycol"
	screen >/dev/null
	grep -qE '^  ▼ more *$' "$T/screen" ||
		{ cat "$T/screen" >&2; fail "no mark that more entries are below"; }
	grep -qE '^  ▲ more *$' "$T/screen" &&
		fail "a mark of entries above at the top of the menu"
	keys G
	wait_words "Answer the first-run questions again" 1 "$keycol"
	screen >/dev/null
	grep -qE '^  ▲ more *$' "$T/screen" ||
		{ cat "$T/screen" >&2; fail "no mark that more entries are above"; }
	grep -q 'Next: get checked' "$T/screen" &&
		fail "the menu did not scroll"
	keys g
	wait_for "Next: get checked"
	wait_for "▼ more (PgDn)"
	keys NPage NPage NPage
	wait_words "Read a book on the mind-body link: paused while a safety question holds (since 2026-11-24), no day counted yet"
	wait_for "Last 14 days:"
	wait_for "▲ more (PgUp)"
	keys PPage PPage PPage
	wait_words "On hold: you answered yes on 2026-11-24 to: $question"
	no_ellipsis
	# Starting another approach is refused, and the message says why.
	keys p
	wait_for "The approaches, in the order the guide suggests"
	keys j Enter
	wait_for "s start this approach"
	keys s
	wait_words "On hold: a yes to a safety question waits for a doctor's check. Get checked, then record it (! then c)."
	keys q q
	wait_for "Next: get checked"
	quit
	no_sanitizer_reports
done

# History: a log of 120 days with a trial that ended and one running,
# whose explanations are longer than a line.
PACK="$TUI_PACKS/tui.yaml"
DB=$T/history.db
at "@2026-03-31 12:00:00"
bpf() {
	"${AT[@]}" "$BACKPAIN" --db "$DB" --pack "$PACK" "$@" >/dev/null ||
		fail "backpain $* failed"
}
day() { # day N of the 120, 0 the oldest
	date -u -d "2026-03-31 - $((119 - $1)) days" +%F
}
bpf safety --answer test-emergency=no --answer test-soon=no
sqlite3 "$DB" "insert into profile (key, value) values ('onboarded', '2026-03-31')" ||
	fail "cannot mark onboarding done"
for i in $(seq 0 119); do
	if [ "$i" -lt 40 ]; then
		pain=$((6 + (i % 3 == 0)))
	else
		pain=$((4 + (i % 4 == 0)))
	fi
	bpf_on "$(day "$i")" checkin "$pain" --interference $((pain - 1))
	case $i in
	40) bpf start quick --date "$(day 40)" ;;
	69) bpf stop quick --outcome helped --date "$(day 69)" ;;
	75) bpf start steady --date "$(day 75)" ;;
	esac
done
"${AT[@]}" "$BACKPAIN" --db "$DB" --pack "$PACK" review --format json \
	>"$T/review.json" || fail "review failed"
sed -nE 's/.*"verdict":"([^"]*)".*"explanation":"([^"]*)".*/\1: \2/p' \
	"$T/review.json" >"$T/explained"
[ "$(wc -l <"$T/explained")" = 2 ] || fail "two trials should be explained"
awk 'length($0) > 200 { n++ } END { exit n != 2 }' "$T/explained" ||
	fail "the explanations should be long"

# history_words: History's list scrolled from its top to its end a row at
# a time, each row once, as one line of words (blanks folded), the scroll
# marks left out.
history_words() {
	local top rows last i=0
	keys g
	wait_for "Approaches tried"
	sleep 0.2
	screen >/dev/null
	top=$(grep -n '^ Approaches tried' "$T/screen" | cut -d: -f1)
	rows=$(wc -l <"$T/screen")
	last=$((rows - 2)) # the message and key lines below
	: >"$T/doc"
	while [ "$i" -lt 100 ]; do
		sed -n "${top}p" "$T/screen" >>"$T/doc"
		if ! sed -n "${last}p" "$T/screen" | grep -qF '▼'; then
			sed -n "$((top + 1)),${last}p" "$T/screen" >>"$T/doc"
			break
		fi
		cp "$T/screen" "$T/screen.before"
		keys j
		while screen >/dev/null && cmp -s "$T/screen" "$T/screen.before"; do
			sleep 0.05
		done
		i=$((i + 1))
	done
	sed -E 's/ *[▲▼]? *$//' "$T/doc" | tr '\n' ' ' | tr -s ' '
}

for size in 80x24 60x18; do
	bp_tui -s "$size" "${AT[@]}"
	wait_for "Today's check-in"
	keys v
	wait_for "(30 days)"
	wait_words "bars: pain dots: 7-day mean ×: interference ▲: flare-up i: hide × 1 2 3: days"
	words=$(history_words)
	while IFS= read -r want; do
		case "$words" in
		*"$(fold_words "$want")"*) ;;
		*)
			echo "--- History's list: $words" >&2
			fail "History does not show whole: $want"
			;;
		esac
	done <"$T/explained"
	case "$words" in
	*…*) fail "History's list cuts with an ellipsis" ;;
	esac
	keys q
	wait_for "Today's check-in"
	quit
done
no_sanitizer_reports
exit 0
