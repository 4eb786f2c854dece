#!/usr/bin/env bash
# tui/resize: 50 resizes in a row between 200x60 and 20x6 on the sanitized
# binary: no crash and no sanitizer report; below 60x18 a notice asks for a
# larger terminal and says the size it has; large again, the screen is the
# same as before.
. "$(dirname "$0")/lib_tui.bash"
[ -x "${BACKPAIN_ASAN:-}" ] && BP=$BACKPAIN_ASAN

bp_tui -s 200x60
onboard_all_no
keys c
wait_for "Check-in for"
keys 4 Enter
wait_for "Today's check-in: pain 4"
settled "$T/before"

for i in $(seq 1 50); do
	if [ $((i % 2)) = 1 ]; then
		tmux_ resize-window -t t -x 20 -y 6
		wait_for "have 20x6)"
		wait_for "please enlarge the"
	else
		tmux_ resize-window -t t -x 200 -y 60
		wait_for "Today's check-in: pain 4"
		wait_gone "enlarge"
	fi
done
settled "$T/after"
expect_same "$T/before" "$T/after"

# Just below the minimum in either direction, then exactly at it.
tmux_ resize-window -t t -x 59 -y 18
wait_for "(needs 60x18, have 59x18)"
tmux_ resize-window -t t -x 60 -y 17
wait_for "have 60x17)"
tmux_ resize-window -t t -x 60 -y 18
wait_for "Today's check-in: pain 4"
wait_gone "enlarge"
# q still quits while too small.
tmux_ resize-window -t t -x 20 -y 6
wait_for "have 20x6)"
keys q
[ "$(wait_exit)" = 0 ] || fail "q while small did not exit 0"
no_sanitizer_reports
