#!/usr/bin/env bash
# marks: status's sparkline and the text report's pain curve draw a day
# with the same mark (util_pain_mark(): ▁ 0, ▂ 1-2, ▃ 3, ▄ 4, ▅ 5, ▆ 6,
# ▇ 7-8, █ 9-10, the report's legend), for every rating 0..10.
. "$(dirname "$0")/../lib.sh"
DB=$T/log.db

# Ratings 0..10 on 11-11 .. 11-21, each on its day; 11-22 .. 11-24
# without a check-in.
for p in 0 1 2 3 4 5 6 7 8 9 10; do
	plain bp_on "2026-11-$((11 + p))" checkin $p >/dev/null || fail seed
done
bp status >"$T/status" || fail status
bp report >"$T/report" || fail report
spark=$(sed -n 's/^Pain       |\(.*\)| 14 days to 2026-11-24.*/\1/p' "$T/status")
month=$(sed -n "s/^2026-11  \(.*\)/\1/p" "$T/report")
[ "${#spark}" = 14 ] || { cat "$T/status" >&2; fail "no 14-day sparkline"; }
[ -n "$month" ] || { cat "$T/report" >&2; fail "no 2026-11 curve line"; }
expect_grep '▁ 0, ▂ 1-2, ▃ 3, ▄ 4, ▅ 5, ▆ 6, ▇ 7-8,' "$T/report"
# The legend's own words, rating by rating.
want=(▁ ▂ ▂ ▃ ▄ ▅ ▆ ▇ ▇ █ █)
for p in 0 1 2 3 4 5 6 7 8 9 10; do
	s=${spark:p:1} r=${month:p+10:1}
	[ "$s" = "${want[p]}" ] || fail "status shows pain $p as '$s', not '${want[p]}'"
	[ "$r" = "$s" ] || fail "pain $p: status '$s', report '$r'"
done
for i in 11 12 13; do
	[ "${spark:i:1}" = ' ' ] || fail "a day without a check-in is not blank"
done
# Without UTF-8, one ASCII mark per level: 1 and 2 share one, 2 and 3 not.
LC_ALL=C bp status >"$T/ascii" || fail status ascii
a=$(sed -n 's/^Pain       |\(.*\)| 14 days.*/\1/p' "$T/ascii")
[ "${a:1:1}" = "${a:2:1}" ] && [ "${a:2:1}" != "${a:3:1}" ] &&
	[ "${a:7:1}" = "${a:8:1}" ] && [ "${a:9:1}" = "${a:10:1}" ] &&
	[ "${a:5:1}" != "${a:6:1}" ] || fail "ASCII sparkline levels: '$a'"
exit 0
