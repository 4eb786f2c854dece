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
# The program's day, not the calendar's: before 04:00 it is still
# yesterday (day_starts_at), so take it from what status says.
day=$("$BACKPAIN" --db "$DB" status | sed -n 's/^Plan on \([0-9-]*\).*/\1/p')
[ -n "$day" ] || fail "status names no day"
out="$HOME/backpain-report-$day.html"
[ -f "$out" ] || fail "no $out"
[ "$(stat -c %a "$out")" = 600 ] || fail "$out is not 0600"
rm -f "$out"

# The expert-help step (report: true in the pack) offers it too; the first
# approach, which the pack does not mark, does not.
keys p
wait_for "The approaches, in the order the guide suggests"
keys Enter
wait_for "s start this approach   p practise now"
screen >/dev/null
grep -q "w write the summary" "$T/screen" && fail "mind-body offers the summary"
keys q
wait_for "The approaches, in the order the guide suggests"
keys G Enter
wait_for "Get expert help"
wait_for "w write the summary for your therapist"
keys w
wait_for "Wrote $HOME/backpain-report-"
[ -f "$out" ] || fail "no $out from the expert-help step"
keys q q q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
no_sanitizer_reports

# The same page as the command writes for the same log and day.
"$BACKPAIN" --db "$DB" report --format html >"$T/cli.html" ||
	fail "backpain report failed"
expect_same "$T/cli.html" "$out"
grep -q '</html>' "$out" || fail "the page is not whole"
