#!/usr/bin/env bash
# tui/newday (issue 12): Today left open across the day's start (04:00)
# shows the new day's state, not only the new date in the title: at 03:59
# the evening's check-in (pain 4) is today's; at 04:00 with no key pressed
# Today says the new day has no check-in yet.
. "$(dirname "$0")/lib_tui.bash"
PACK="$TUI_PACKS/tui.yaml"
at "@2026-03-31 03:59:00"

"${AT[@]}" "$BACKPAIN" --db "$DB" --pack "$PACK" checkin 4 >/dev/null ||
	fail "checkin"
[ "$(sqlite3 "$DB" 'select day from checkin')" = 2026-03-30 ] ||
	fail "the check-in before 04:00 is not the evening's"
# The first run's questions in a session of their own, so that the one
# left open across 04:00 starts a few seconds before it, not a minute.
bp_tui "${AT[@]}"
onboard_all_no 2
keys q
[ "$(wait_exit)" = 0 ] || fail "the first session did not exit 0"
tmux_ kill-server
at "@2026-03-31 03:59:54"
bp_tui "${AT[@]}"
wait_for "Today's check-in: pain 4"
screen | head -n 1 | grep -qF 2026-03-30 || fail "title: $(head -n 1 "$T/screen")"
wait_for "Today's check-in: not yet (press c)" 30
screen | head -n 1 | grep -qF 2026-03-31 || fail "title: $(head -n 1 "$T/screen")"
keys q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
