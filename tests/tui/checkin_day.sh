#!/usr/bin/env bash
# tui/checkin_day (issue 18): one day, one list. With a habit kept by
# `stop --keep`, a trial running and a flare-up running, the practices the
# day asks about are the same, in the same order and with the same labels,
# in `status`, the TUI's Today, the line-mode check-in and the TUI's
# check-in: the running approach's, then the habit's (asked once, as the
# habit), then the flare-up tool (the TUI's check-in had no flare-up tools,
# and the line mode asked a kept habit twice). An earlier day, before the
# flare-up, lists no tool in either check-in; a habit dropped today is
# asked by none of them.
. "$(dirname "$0")/lib_tui.bash"

PACK=$CLI_PACK
NOW="@2026-11-24 12:00:00"
at "$NOW"

bp safety --answer numb=no >/dev/null || fail "safety answers"
bp start beta --date 2026-11-01 >/dev/null 2>&1 || fail "start beta"
bp stop beta --keep --date 2026-11-10 >/dev/null || fail "keep beta"
bp start alpha --date 2026-11-20 >/dev/null 2>&1 || fail "start alpha"
bp flare --date 2026-11-23 >/dev/null || fail "flare"

# The pack's titles as ids, so the screens compare with the CLI's words.
ids() {
	sed -e 's/A short walk/alpha-walk/' -e 's/Stretch/beta-stretch/' \
		-e 's/Lie on the mat/mat-lie/'
}

# status_list: the practices of status's Practice line, as
# "ID[(habit|flare)] ..." on one line.
status_list() {
	bp status | sed -n 's/^Practice *//p' |
		sed -e 's/ [0-9]*\/[0-9]*//g' -e 's/ (habit)/(habit)/g' \
			-e 's/ (flare-up)/(flare)/g' -e 's/, / /g'
}

# screen_list FILE: the ticked or unticked rows of a TUI screen in FILE, as
# status_list gives them (counts and "(logged)" left out).
screen_list() {
	grep -o '\[[ x]\] .*' "$1" | sed -e 's/^\[[ x]\] //' -e 's/ *$//' |
		ids | sed -e 's/  [0-9]*\/[0-9]*//' -e 's/  (logged)//' \
		-e 's/  (habit)/(habit)/' -e 's/  (flare-up tool)/(flare)/' |
		paste -sd ' ' -
}

# lines_list [ARG...]: the line-mode check-in in a pane, every practice
# answered no, left with Ctrl-D at the note (nothing saved); sets GOT to
# its practices as status_list gives them, in the words of their prompts,
# and "ID(logged)" for one logged already.
lines_list() {
	local bin=${BACKPAIN_ASAN:-} n=0
	[ -x "$bin" ] || bin=$BACKPAIN
	tui_start env "LD_PRELOAD=$FAKETIME_LIB" "FAKETIME=$NOW" \
		"ASAN_OPTIONS=${ASAN_OPTIONS:-}:verify_asan_link_order=0:log_path=$T/asan" \
		"$bin" --db "$DB" --pack "$PACK" checkin "$@"
	wait_for "Pain, 0 to 10"
	keys 5 Enter
	wait_for "Interference, 0 to 10"
	keys Enter
	while :; do
		n=$((n + 1))
		[ "$n" -lt 200 ] || { screen >&2; fail "the line mode never reached the note"; }
		sleep 0.05
		screen | sed '/^ *$/d' | tail -n 1 >"$T/last"
		case $(cat "$T/last") in
		*"(Enter for no):" | *"(Enter to skip):") keys Enter ;;
		*"(Enter for none):") break ;;
		esac
	done
	keys C-d
	[ "$(wait_exit)" = 66 ] || { screen >&2; fail "Ctrl-D: not 66"; }
	tmux_ capture-pane -p -S -200 -t t >"$T/lines"
	tmux_ kill-server
	no_sanitizer_reports
	GOT=$(sed -n -e 's/^Did you do the \([a-z -]*\) ".*" (\([a-z-]*\))? y or n.*/\2 \1/p' \
		-e 's/^Already logged for the day: ".*" (\([a-z-]*\))\.$/\1 logged/p' \
		"$T/lines" | sed -e 's/ practice$//' -e 's/ habit$/(habit)/' \
		-e 's/ flare-up tool$/(flare)/' -e 's/ logged$/(logged)/' |
		paste -sd ' ' -)
}

expect_list() { # FACE GOT WANT
	[ "$2" = "$3" ] || fail "$1 lists '$2', expected '$3'"
}

WANT="alpha-walk beta-stretch(habit) mat-lie(flare)"
EARLIER="alpha-walk beta-stretch(habit)"

expect_list status "$(status_list)" "$WANT"
lines_list
expect_list "the line-mode check-in" "$GOT" "$WANT"
lines_list --date 2026-11-22
expect_list "the line-mode check-in of 2026-11-22" "$GOT" "$EARLIER"

bp_tui "${AT[@]}"
onboard_all_no 1
wait_for "Flare-up since 2026-11-23"
wait_for "Lie on the mat"
settled "$T/today"
expect_list "Today" "$(screen_list "$T/today")" "$WANT"
keys c
wait_for "Check-in for 2026-11-24 (today)"
wait_for "Practices done that day"
settled "$T/form"
expect_list "the TUI's check-in" "$(screen_list "$T/form")" "$WANT"
[ "$(grep -c "Stretch" "$T/form")" = 1 ] || fail "the habit is not asked once"
# The day the flare-up began has its tool; the day before has none.
keys '['
wait_for "Check-in for 2026-11-23"
wait_for "Practices done that day"
settled "$T/form"
expect_list "the TUI's check-in of 2026-11-23" "$(screen_list "$T/form")" \
	"$WANT"
keys '['
wait_for "Check-in for 2026-11-22"
wait_for "Practices done that day"
settled "$T/form"
expect_list "the TUI's check-in of 2026-11-22" "$(screen_list "$T/form")" \
	"$EARLIER"
keys ']' ']'
wait_for "Check-in for 2026-11-24 (today)"
# The flare-up tool ticked and saved is marked done.
keys 6 Down Down Down Down Space
wait_for "[x] Lie on the mat"
keys Enter
wait_for "Saved the check-in for 2026-11-24"
[ "$(sqlite3 "$DB" "select practice from session where day = '2026-11-24'")" = mat-lie ] ||
	fail "the flare-up tool was not marked: $(sqlite3 "$DB" 'select * from session')"
keys q
[ "$(wait_exit)" = 0 ] || fail "the TUI did not exit 0"
tmux_ kill-server
no_sanitizer_reports

# The habit dropped today: asked by no face.
bp stop beta --drop >/dev/null || fail "drop beta"
WANT="alpha-walk mat-lie(flare)"
expect_list "status after the drop" "$(status_list)" "$WANT"
lines_list
expect_list "the line-mode check-in after the drop" "$GOT" \
	"alpha-walk mat-lie(logged)"
bp_tui "${AT[@]}"
wait_for "Flare-up since 2026-11-23"
keys c
wait_for "Check-in for 2026-11-24 (today)"
wait_for "Practices done that day"
settled "$T/form"
expect_list "the TUI's check-in after the drop" "$(screen_list "$T/form")" \
	"$WANT"
keys Escape q
[ "$(wait_exit)" = 0 ] || fail "the TUI did not exit 0"
exit 0
