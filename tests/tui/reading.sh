#!/usr/bin/env bash
# tui/reading (issue 11): the pack's further reading has a screen, reached
# with r from the Plan and from the expert-help approach, listing every
# item with its author and note.
. "$(dirname "$0")/lib_tui.bash"
[ -x "${BACKPAIN_ASAN:-}" ] && BP=$BACKPAIN_ASAN

bp_tui
onboard_all_no
keys p
wait_for "r: further reading"
keys r
wait_for "Further reading"
wait_for "Exploring and Dissolving Chronic Pain, by Max Langenkamp"
wait_for "He had chronic wrist pain for years"
wait_for "Explain Pain, by David Butler and Lorimer Moseley (2003)"
keys G
wait_for "The Divided Mind"
keys q
wait_for "The approaches, in the order"
# The last approach, expert help: r opens the same screen.
keys G Enter
wait_for "Get expert help"
wait_for "r further reading"
keys r
wait_for "Exploring and Dissolving Chronic Pain"
keys '?'
wait_for "Keys on the Further reading screen"
keys q q q q q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
no_sanitizer_reports
