#!/usr/bin/env bash
# sim_cli: a handful of synthetic people (tests/sim/sim.h; half with no
# effect started at a flare, half with a true 2-point drop) logged through
# the real binary, one log each, each day under faketime on that day (as
# a person checking in daily): their check-ins with --did, practice
# sessions on practised days without a rating, start and stop of a 28-day
# trial of mind-body. `review --format csv` must give the verdict, the
# standard error and chance_helped the library gave the same person (`sim
# people N`), so the command line judges as the simulation study does.
. "$(dirname "$0")/../lib.sh"
SIM="$B/sim/sim"
[ -x "$SIM" ] || fail "$SIM is missing; run make check"
PEOPLE=${SIM_PEOPLE:-6}
export SIM_SEED=10

"$SIM" people "$PEOPLE" >"$T/people" || fail "sim people failed"
[ "$(grep -c '^person ' "$T/people")" = "$PEOPLE" ] || fail "not $PEOPLE people"

bp() { "$BACKPAIN" --db "$T/p$k.db" "$@" >>"$T/log" 2>&1 || fail "backpain $* failed"; }
# on DAY ARGS...: bp with the clock at noon of DAY: each rating and session
# is entered on its own day, as the simulated person checks in daily (one
# entered days later would be recalled, and left out of the verdict).
on() {
	local day=$1
	shift
	faketime "$day 12:00:00" "$BACKPAIN" --db "$T/p$k.db" "$@" \
		>>"$T/log" 2>&1 || fail "backpain $* on $day failed"
}
# Every safety question answered no, as a first run would: no approach
# starts before they are answered (issue 11).
answers=$("$BACKPAIN" --db "$T/ids.db" safety |
	sed -n 's/^  \([a-z0-9-]*\) (.*/--answer \1=no/p')
[ -n "$answers" ] || fail "no safety questions listed"

k=0 seen=
while read -r what a b c d; do
	case $what in
	person)
		k=$a want="$b,$c,$d"
		# shellcheck disable=SC2086
		bp safety $answers
		seen="$seen $b"
		;;
	checkin)
		if [ "$c" = did ]; then
			on "$a" checkin "$b" --did sarno-reading
		else
			on "$a" checkin "$b"
		fi
		;;
	session) on "$a" practice sarno-reading --minutes 30 ;;
	trial)
		# Started on its first day and stopped on its last, as the
		# study has it; the check-ins were logged first, so the dates
		# are all in the past.
		bp start mind-body --date "$a"
		bp stop mind-body --outcome stopped --date "$b"
		"$BACKPAIN" --db "$T/p$k.db" review --format csv >"$T/csv" ||
			fail "review of person $k failed"
		got=$(awk -F, 'NR == 2 { print $11 "," ($12 == "" ? "-1.00" : $12) "," ($20 == "" ? "-0.01" : $20) }' "$T/csv")
		[ "$got" = "$want" ] ||
			{ cat "$T/csv" >&2; fail "person $k: the CLI says $got, the library $want"; }
		echo "person $k: $got"
		;;
	*) fail "unexpected line from sim: $what" ;;
	esac
done <"$T/people"
[ "$k" = "$PEOPLE" ] || fail "only $k people judged"
# The handful covers more than one verdict.
[ "$(echo "$seen" | tr ' ' '\n' | sort -u | grep -c .)" -ge 2 ] ||
	fail "all people got the same verdict:$seen"
