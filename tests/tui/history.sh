#!/usr/bin/env bash
# tui/history: a log of 120 days (made with the real commands under
# faketime, each check-in on its own day: check-ins with gaps, notes, one
# trial that ended and one running)
# drawn as the History screen at 30, 90 and 365 days, each compared with an
# expected screen (each trial's explanation whole, however long). A note with an escape sequence shows escaped. A flare-up
# recorded on day 100 (over by itself after two calm days) shows as a mark
# over its day, and interference (every other day) as a second line of x
# marks that i hides and shows again (issue 12).
. "$(dirname "$0")/lib_tui.bash"
PACK="$TUI_PACKS/tui.yaml"
NOW='2026-03-31 12:00:00'
EXPECTED="$TUI_DIR/expected"

at "@$NOW"
bpf() {
	"${AT[@]}" "$BACKPAIN" --db "$DB" --pack "$PACK" "$@" >/dev/null ||
		fail "backpain $* failed"
}
day() { # day N of the 120, 0 the oldest
	date -u -d "${NOW% *} - $((119 - $1)) days" +%F
}

# The safety questions answered, as the first run would (issue 11).
bpf safety --answer test-emergency=no --answer test-soon=no
for i in $(seq 0 119); do
	[ $((i % 11)) = 5 ] && continue # a few days without a check-in
	if [ "$i" -lt 40 ]; then
		pain=$((6 + (i % 3 == 0)))
	elif [ "$i" -lt 70 ]; then
		pain=$((5 - (i - 40) / 10 + i % 2))
	else
		pain=$((4 + (i % 4 == 0)))
	fi
	args=(checkin "$pain")
	[ $((i % 2)) = 0 ] && args+=(--interference $((pain - 1)))
	[ "$i" = 100 ] && args+=(--note "walked to the shop and back")
	[ "$i" = 110 ] && args+=(--note $'red \e[31mALERT\e[0m bell \a')
	bpf_on "$(day "$i")" "${args[@]}"
	case $i in
	100) bpf flare --pain 8 --date "$(day 100)" ;;
	40) bpf start quick --date "$(day 40)" ;;
	69) bpf stop quick --outcome helped --date "$(day 69)" ;;
	75) bpf start steady --date "$(day 75)" ;;
	esac
done
[ "$(sqlite3 "$DB" "select count(*) from checkin")" = 109 ] ||
	fail "the fixture log should have 109 check-ins"

bp_tui "${AT[@]}"
onboard_all_no 2
keys v
wait_for "Daily pain, 2026-03-02 to 2026-03-31 (30 days)"
wait_for "Approaches tried"
settled "$T/h30"
grep -qF "▲" "$T/h30" || fail "no flare-up mark on the chart"
grep -qF "×" "$T/h30" || fail "no interference line on the chart"
# The flare-up is listed below the trials' whole explanations.
keys NPage
wait_for "2026-03-12, 1 day, pain up to 8"
keys g
wait_for "Approaches tried"
keys i
wait_for "i: show interference"
screen | grep -qF "×" && fail "i did not hide the interference line"
keys i
wait_for "×: interference"
[ "$(sqlite3 "$DB" "select began_on, ended_on, ended_by from flare")" = \
	"$(day 100)|$(day 101)|calm" ] || fail "the flare did not end by itself"
keys 2
wait_for "(90 days)"
settled "$T/h90"
keys 3
wait_for "(365 days)"
settled "$T/h365"
# Further down the 30 days, the note with an escape sequence shows it as
# text, not as colour.
keys 1
wait_for "(30 days)"
keys PPage NPage NPage
wait_for 'red \e[31mALERT\e[0m bell \x07'
keys 3
wait_for "(365 days)"
# The oldest day is at the end of the list.
keys G
wait_for "2025-12-02  pain  7"
keys q
wait_for "Next:"
keys q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"

if [ -n "${UPDATE_EXPECTED:-}" ]; then
	cp "$T/h30" "$EXPECTED/history_30.txt"
	cp "$T/h90" "$EXPECTED/history_90.txt"
	cp "$T/h365" "$EXPECTED/history_365.txt"
fi
expect_same "$EXPECTED/history_30.txt" "$T/h30"
expect_same "$EXPECTED/history_90.txt" "$T/h90"
expect_same "$EXPECTED/history_365.txt" "$T/h365"
