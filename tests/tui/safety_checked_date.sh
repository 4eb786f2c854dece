#!/usr/bin/env bash
# tui/safety_checked_date (new user's finding 10a): the Safety screen's c
# records a doctor's check today (y) or on another day (o): the day is typed
# as YYYY-MM-DD over today's; a day before the yes or in the future is
# refused with the reason and nothing written, and the field stays open;
# Esc cancels; Enter on a good day records it (read back with sqlite3).
. "$(dirname "$0")/lib_tui.bash"
[ -x "${BACKPAIN_ASAN:-}" ] && BP=$BACKPAIN_ASAN
PACK="$TUI_PACKS/tui.yaml"

# at TIME, with the sanitizer told that libfaketime comes first.
at_asan() {
	at "$1"
	AT+=("ASAN_OPTIONS=${ASAN_OPTIONS:-}:verify_asan_link_order=0:log_path=$T/asan")
}

at_asan "@2026-11-20 12:00:00"
bp_tui "${AT[@]}"
onboard_all_no 2
keys q
[ "$(wait_exit)" = 0 ] || fail "first run did not exit 0"
tmux_ kill-server
faketime '2026-11-20 12:30:00' "$BACKPAIN" --db "$DB" --pack "$PACK" \
	safety --answer test-emergency=yes >/dev/null || fail "safety --answer"

at_asan "@2026-11-24 12:00:00"
bp_tui "${AT[@]}"
wait_for "On hold:"
keys '!'
wait_for "The approaches wait until a doctor has checked it"
# The screen's keys are on it, not only under ?.
wait_for "a answers the questions again; c records that a doctor has checked a yes."
before=$(sqlite3 "$DB" .dump)

# Esc leaves the day unrecorded.
keys c
wait_for "y yes, today; o on another day; n no"
keys o
wait_for "Day of the check, YYYY-MM-DD (typing replaces today's): 2026-11-24_"
keys Escape
wait_for "Nothing recorded."
[ "$(sqlite3 "$DB" .dump)" = "$before" ] || fail "Esc changed the log"

# Typing over the day offered replaces it (it once took no digit until
# the offered day was backspaced away).
keys c
wait_for "o on another day"
keys o
wait_for "today's): 2026-11-24_"
type_text 2026-11-19
wait_for "YYYY-MM-DD: 2026-11-19_"
keys Enter
wait_for "would come before the yes it checks (answered 2026-11-20)"
[ "$(sqlite3 "$DB" .dump)" = "$before" ] || fail "a check before the yes changed the log"
keys BSpace BSpace
type_text 25
keys Enter
wait_for "2026-11-25 is in the future"
[ "$(sqlite3 "$DB" .dump)" = "$before" ] || fail "a check in the future changed the log"
keys BSpace BSpace
type_text 22
wait_for "YYYY-MM-DD: 2026-11-22_"
keys Enter
wait_for "Recorded: a doctor checked it on 2026-11-22."
wait_for "a doctor checked it on 2026-11-22"
keys q q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
no_sanitizer_reports
[ "$(sqlite3 "$DB" "SELECT answer, checked_on FROM screening
	WHERE flag_id = 'test-emergency' ORDER BY id DESC LIMIT 1")" = "1|2026-11-22" ] ||
	fail "the check is not recorded on 2026-11-22"
