#!/usr/bin/env bash
# tui/report: the one-page summary for a therapist is one key away. `w` on
# Today (and on the approach that says so in the pack) writes the same HTML
# as `backpain report --format html` to ~/backpain-report-DAY.html, 0600,
# and says where it went.
. "$(dirname "$0")/lib_tui.bash"

bp_tui
onboard_all_no
wait_for "Write a one-page summary for a therapist"
keys w
wait_for "Wrote $HOME/backpain-report-"
day=$(date +%F)
out="$HOME/backpain-report-$day.html"
[ -f "$out" ] || fail "no $out"
[ "$(stat -c %a "$out")" = 600 ] || fail "$out is not 0600"
keys q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
no_sanitizer_reports

# The same page as the command writes for the same log and day.
"$BACKPAIN" --db "$DB" report --format html >"$T/cli.html" ||
	fail "backpain report failed"
expect_same "$T/cli.html" "$out"
grep -q '</html>' "$out" || fail "the page is not whole"
