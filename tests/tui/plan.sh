#!/usr/bin/env bash
# tui/plan: the Plan screen of the built-in pack lists its six approaches
# in the guide's order (the order `backpain pack list` gives), the current
# one marked; Enter opens the approach, with its sections and actions.
. "$(dirname "$0")/lib_tui.bash"

"$BACKPAIN" pack list >"$T/list" || fail "pack list failed"
# "1  mind-body  Read a book ...  28 days  2 practices": keep the title.
sed -E 's/^ *[0-9]+ +[^ ]+ +//; s/  .*//' "$T/list" >"$T/want"
[ "$(wc -l <"$T/want")" = 6 ] || { cat "$T/list" >&2; fail "the pack should have six approaches"; }

bp_tui
onboard_all_no
keys p
wait_for "The approaches, in the order the guide suggests"
wait_for "6. "
screen >/dev/null
sed -nE 's/^ (>| ) [0-9]+\. (.*[^ ]) *$/\2/p' "$T/screen" |
	sed 's/  (any time)$//' >"$T/got"
expect_same "$T/want" "$T/got"
grep -q '^ > 1\. ' "$T/screen" || fail "the first approach is not marked current"
grep -q 'not started   <- current' "$T/screen" || fail "no current mark"

# Down twice, Enter: the third approach opens with its sections.
keys j j Enter
third=$(sed -n 3p "$T/want")
wait_for "$third"
wait_for "s start this approach   p practise now"
wait_for "How it sees the pain"
wait_for "Who it tends to suit"
keys G
wait_for "Evidence"
keys q
wait_for "The approaches, in the order the guide suggests"
keys q
wait_for "Next: check in for today"
keys q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
