#!/usr/bin/env bash
# tui/learn (issue 20): the Learn screen at 80x24 and 60x18. After a
# flare-up is recorded, Today offers the flare-up plan ("A short read",
# l reads it, x puts it off); l opens it at once, reading marks it read,
# q goes back to Today and the offer is gone. l with none offered lists
# the lessons, read ones marked [x], long titles wrapped whole; Enter opens
# one, which scrolls; t times a lesson's practice; the help lists the keys.
# A lesson's practice is then on the check-in, from a lesson.
. "$(dirname "$0")/lib_tui.bash"

bpc() { # bpc ARGS...: the CLI at CLI_NOW, built-in pack
	faketime "$CLI_NOW" "$BACKPAIN" --db "$DB" "$@"
}
# A log past its first run: every safety question answered no.
first_run() {
	local args=() id
	for id in $(bpc pack list --flags | awk '{ print $2 }'); do
		args+=(--answer "$id=no")
	done
	bpc safety "${args[@]}" >/dev/null || fail "safety answers"
	sqlite3 "$DB" "insert into profile (key, value) values ('onboarded', '2026-11-01')" ||
		fail "onboarded"
}

# scroll_to TEXT: j, a row at a time, until TEXT is on the screen whole.
scroll_to() {
	local want tries=120
	want=$(fold_words "$1")
	while [ "$tries" -gt 0 ]; do
		sleep 0.05
		case "$(screen_words)" in *"$want"*) return 0 ;; esac
		keys j
		tries=$((tries - 1))
	done
	cat "$T/screen" >&2
	fail "'$1' never came into view"
}

at "@$CLI_NOW"
for size in 80x24 60x18; do
	DB=$T/$size.db
	first_run
	bpc flare --pain 7 >/dev/null || fail "flare"
	bp_tui -s "$size" "${AT[@]}"
	# At 60x18 what is above the menu scrolls: the line's end is below.
	[ "$size" = 60x18 ] && keys NPage
	wait_words "A short read: A plan for a flare-up (l: read it, x: not now)"
	keys l
	wait_for "A flare-up is a spell"
	head -n 1 "$T/screen" | grep -q "Learn" ||
		{ head -n 1 "$T/screen" >&2; fail "the title bar does not say Learn"; }
	# It scrolls, to its sources at the end.
	keys G
	wait_for "Sources"
	[ "$(sqlite3 "$DB" "select lesson_id || ' ' || moment from lesson")" = \
		"flare-up-plan flare" ] || fail "$size: reading did not mark it read"
	keys q
	wait_for "Today's check-in:"
	wait_gone "A short read"
	# The list: read ones marked, long titles whole.
	keys l
	wait_words "[x] A plan for a flare-up"
	wait_words "[ ] Hurt and harm, and what scans show"
	wait_words "[ ] What NICE advises: scans, medicines and other treatments"
	settled "$T/list.$size"
	# The sleep lesson, fourth: its practice on a timer.
	keys j j j Enter
	wait_for "Sleep, stress and mood"
	scroll_to "Relaxed breathing (5 min): t does it now, with a timer"
	keys t
	wait_for "How bad is your pain now, before you start?"
	keys Escape
	wait_for "t does it now, with a timer"
	keys '?'
	wait_for "Keys on the Learn screen"
	keys q q
	wait_words "[x] Sleep, stress and mood"
	keys q
	wait_for "Today's check-in:"
	keys '?'
	wait_for "Keys on the Today screen"
	scroll_to "learn: the lessons; with a short read offered, read it"
	keys q
	# The lesson's practice, once read, on the check-in.
	keys c
	wait_words "Relaxed breathing"
	wait_words "(from a lesson)"
	keys Escape
	wait_for "Today's check-in:"
	keys q
	[ "$(wait_exit)" = 0 ] || fail "$size: did not exit 0"
	tmux_ kill-server
done

# x puts the offer off: it goes, and the log says so.
DB=$T/x.db
first_run
bpc flare --pain 6 >/dev/null || fail "flare"
bp_tui -s 60x18 "${AT[@]}"
wait_words "A short read: A plan for a flare-up"
keys x
wait_words "Not now. It comes back at a later moment"
wait_gone "A short read"
keys q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
[ "$(sqlite3 "$DB" "select lesson_id || ' ' || moment || ' ' || dismissed_on
	from lesson")" = "flare-up-plan flare 2026-11-24" ] ||
	fail "x did not put the offer off"
no_sanitizer_reports
