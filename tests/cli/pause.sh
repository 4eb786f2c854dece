#!/usr/bin/env bash
# pause (issue 21): the pause week. People run through start, pause, resume
# and stop, each command on its own day under faketime, as a person would;
# `review` then gives the library's verdict (frozen at the pause), chance
# and confirmation. A person whose pain rose in the pause and fell again
# is confirmed; one whose pain stayed down is not. Refusals, with the log
# untouched: a non-reversible approach (65, with the reason), a safety
# hold (77), too few judged days (65), a second pause (65), resume without
# a pause (65). The pause survives an export and an import (by its uid:
# the same again, an older copy left out, a file without the table, and
# with --replace a clashing trial's pause removed and named).
. "$(dirname "$0")/../lib.sh"

# The fixture pack with beta marked reversible and given 28 days.
PACK=$T/pause.yaml
sed -e 's/^    trial_days: 14$/    trial_days: 28\n    reversible: true/' \
	"$CLI_PACK" >"$PACK" || fail "cannot write the pack"
grep -q 'reversible: true' "$PACK" || fail "the pack has no reversible"
CLI_PACK=$PACK

at() { CLI_NOW="$1 12:00:00"; }
# day N: N days after the trial's start, 2026-11-10 (day 0).
day() { date -d "2026-11-10 $1 days" +%F; }

# person DB PAIN...: a log of 14 days rated before the start (pain 6 and
# 5 in turn), the safety question answered no; then beta started on day 0
# and PAIN the ratings of days 0, 1, ... (one a day, each on its day).
seed() {
	DB=$1
	at "$(day -15)"
	plain bp safety --answer numb=no >/dev/null || fail "safety"
	for i in $(seq -14 -1); do
		at "$(day "$i")"
		plain bp checkin $((5 + (i + 20) % 2)) >/dev/null ||
			fail "seed $i"
	done
}
rate() { # rate FIRST PAIN...: ratings from day FIRST on
	local d=$1 p
	shift
	for p in "$@"; do
		at "$(day "$d")"
		plain bp checkin "$p" --did beta-stretch >/dev/null ||
			fail "checkin day $d"
		d=$((d + 1))
	done
}

# A person whose pain fell with beta, rose in the pause, and fell again.
seed "$T/a.db"
at "$(day 0)"
step start beta
rate 0 5 4 3 2 2 2 2 2 2 2 2 2 2 2
# Day 7: the judged window has no days yet: too early to pause.
at "$(day 7)"
refuse 65 pause beta
grep -q "has 7 of the 14 days a pause needs" "$T/transcript" ||
	fail "too-early pause did not say why"
refuse 65 pause alpha
grep -q "alpha is not paused: its effect is something learnt" \
	"$T/transcript" || fail "non-reversible pause did not say why"
refuse 65 resume beta
# Day 13: its verdict has 7 judged days with today's, but a pause from
# today would leave 6 before it, which `pause` refuses: no offer yet (it
# offered one that the pause then refused).
at "$(day 13)"
bp review >"$T/review.early" || fail "review day 13"
grep -q "Want to be sure" "$T/review.early" &&
	{ cat "$T/review.early" >&2; fail "a pause offered that pause refuses"; }
refuse 65 pause beta
# Day 14: the judged window is 7 days; the review offers a pause.
at "$(day 14)"
bp review >"$T/review.offer" || fail "review"
grep -q "Want to be sure? Stop it for a week" "$T/review.offer" ||
	fail "the review did not offer a pause"
grep -q "backpain pause beta" "$T/review.offer" ||
	fail "the offer did not name the command"
step pause beta
grep -q "^Paused beta from 2026-11-24" "$T/transcript" || fail "pause said"
refuse 65 pause beta
rate 14 6 6 6 6 6 6 6
at "$(day 17)"
bp status >"$T/a.status" || fail "status in the pause"
grep -q "paused by you since 2026-11-24, to see whether the pain comes back: backpain resume beta" \
	"$T/a.status" || { cat "$T/a.status" >&2; fail "status does not say it is paused"; }
# Pause days are not trial days: day 14 of 28 still.
grep -q "day 14 of 28" "$T/a.status" || fail "the pause's days counted"
bp review --format csv >"$T/a.pending.csv" || fail "review pending"
tail -n 1 "$T/a.pending.csv" | grep -q ',pending$' ||
	fail "a pause under way is not pending"
at "$(day 21)"
# The week is over: status's next step is to take it up again (it said
# "nothing more today" while the trial waited paused).
plain bp checkin 6 >/dev/null || fail "checkin day 21"
sqlite3 "$DB" "insert into profile (key, value) values ('onboarded', '$(day -15)')" ||
	fail "cannot write the first run"
bp status >"$T/a.over" || fail "status after the week"
grep -q "^Next  *the pause week of beta is over; take it up again: backpain resume beta$" \
	"$T/a.over" || { cat "$T/a.over" >&2; fail "status does not say to resume"; }
step resume beta
refuse 65 resume beta
rate 21 2 2 2 2 2 2 2
at "$(day 27)"
bp review --format csv >"$T/a.csv" || fail "review csv"
bp review --format json >"$T/a.json" || fail "review json"
bp review >"$T/a.txt" || fail "review table"
# The report's chart draws the trial on to today, its 7 paused days paled
# (its band stopped at the pause, where its verdict's days stop).
bp report --format html >"$T/a.html" || fail "report html"
[ "$(grep -c 'class="off"' "$T/a.html")" = 7 ] ||
	fail "the chart pales $(grep -c 'class="off"' "$T/a.html") days, not the pause's 7"
step stop beta --outcome helped
at "$(day 28)"
bp review --format csv >"$T/a.after.csv" || fail "review after stop"

# The library's verdict, chance and confirmation, from the same ratings.
head -n 1 "$T/a.csv" | grep -q ',chance_worse,confirmation$' ||
	fail "no confirmation column"
row=$(grep '^beta,' "$T/a.csv")
case $row in
*",substantial,"*",confirmed") ;;
*) fail "person a: $row" ;;
esac
# The verdict is frozen at the pause: 14 trial days and their check-ins.
echo "$row" | grep -q '^beta,2026-11-10,,14,14,' ||
	fail "the verdict is not as of the pause: $row"
grep '^beta,' "$T/a.after.csv" | grep -q ',confirmed$' ||
	fail "stopping changed the confirmation"
json_ok "$T/a.json" || fail "bad json"
[ "$(json_at "$T/a.json" '$[0].confirmation')" = confirmed ] ||
	fail "json confirmation"
[ "$(json_at "$T/a.json" '$[0].chance_lower')" = 1 ] ||
	[ "$(json_at "$T/a.json" '$[0].chance_lower')" = 1.0 ] ||
	fail "json chance_lower: $(json_at "$T/a.json" '$[0].chance_lower')"
# Each mean says which days it is of: days 16 .. 20 of the pause (its
# first 2 left out), the judged days 7 .. 13 before it and days 23 .. 27
# back on it (their first 2 left out).
tr -s ' \n' '  ' <"$T/a.txt" |
	grep -qF "The pause confirmed it: pain rose while you stopped (a mean of 6.0 over 5 rated days in the pause, against 2.0 over 12 on it, before the pause and after it; the first 2 days of the pause and of the days back are left out, while an effect fades or returns)" ||
	{ cat "$T/a.txt" >&2; fail "the table does not say it was confirmed"; }
# Frozen on the last day before the pause, and that day named (it once
# named the pause's first day as the day before it).
tr -s ' \n' '  ' <"$T/a.txt" |
	grep -qF "As of 2026-11-23, the day before the pause began on 2026-11-24." ||
	fail "the table does not say the verdict is as of the pause"
# Its days so far are the days that count, after the pause too: 11-10 to
# 12-07 is 28 days, 7 of them paused (the verdict's own 14 stop at the
# pause), as status counts them ("day 14 of 28" in the pause above).
tr -s ' \n' '  ' <"$T/a.txt" |
	grep -qF "2026-11-10 to today (2026-12-07), 21 days so far (not counting 7 days paused by you), running." ||
	{ cat "$T/a.txt" >&2; fail "the table does not count the days after the pause"; }

# The pause goes out with the export and comes back with an import.
bp export --format json >"$T/a.export.json" || fail "export"
grep -q '"trial_pause"' "$T/a.export.json" || fail "export has no pauses"
DB=$T/a2.db
step import "$T/a.export.json"
bp review --format csv >"$T/a2.csv" || fail "review after import"
cmp -s "$T/a.after.csv" "$T/a2.csv" ||
	fail "import changed the review: $(diff "$T/a.after.csv" "$T/a2.csv")"
# Restored whole: its export is the file again, uids and all; the file
# imported once more is already there, its pause week too (by its uid).
bp export --format json >"$T/a2.export.json" || fail "export after import"
cmp -s "$T/a.export.json" "$T/a2.export.json" ||
	fail "the restored log exports otherwise"
bp import "$T/a.export.json" >"$T/again.out" || fail "import again"
grep -q "0 pause weeks (1 already there)" "$T/again.out" ||
	fail "the pause week again: $(cat "$T/again.out")"
# A copy from before the resume is older than the log's, which stays.
sed -e 's/"resumed_on":"[0-9-]*"/"resumed_on":null/' \
	"$T/a.export.json" >"$T/a.older.json"
bp import "$T/a.older.json" >"$T/older.out" || fail "import an older copy"
grep -q "0 pause weeks (1 older than the log's, left out)" "$T/older.out" ||
	fail "the older pause week: $(cat "$T/older.out")"
# An export from before the pause week's table imports as before.
sed -e 's/,"trial_pause":\[[^]]*\]//' "$T/a.export.json" >"$T/a.nopause.json"
! grep -q trial_pause "$T/a.nopause.json" || fail "no pause table removed"
DB=$T/a3.db
bp import "$T/a.nopause.json" >"$T/nopause.out" ||
	fail "import without pauses: $(cat "$T/nopause.out")"
grep -q "pause weeks" "$T/nopause.out" &&
	fail "pause weeks named without any: $(cat "$T/nopause.out")"
# Another log's trial of the same days (other uids) clashes with the log's;
# --replace removes the log's trial and names its pause week going with it.
DB=$T/a2.db
sed -e 's/"uid":"\([0-9a-f]\)\([0-9a-f]\{31\}\)"/"uid":"\2\1"/g' \
	"$T/a.export.json" >"$T/a.other.json"
refuse 65 import "$T/a.other.json"
bp import --replace "$T/a.other.json" >"$T/other.out" ||
	fail "import --replace: $(cat "$T/other.out")"
grep -q "the pause week of beta from 2026-11-24, resumed on .*: removed with its trial" \
	"$T/other.out" || fail "the removed pause week: $(cat "$T/other.out")"
[ "$(sqlite3 "$DB" 'SELECT count(*) FROM trial_pause')" = 1 ] ||
	fail "not one pause week after --replace"

# A person whose pain fell on its own and stayed down through the pause.
seed "$T/b.db"
at "$(day 0)"
step start beta
rate 0 5 4 3 3 3 3 3 3 3 3 3 3 3 3
at "$(day 14)"
step pause beta
rate 14 3 3 3 3 3 3 3
at "$(day 21)"
step resume beta
rate 21 3 3 3 3 3 3 3
at "$(day 27)"
bp review --format csv >"$T/b.csv" || fail "review b"
grep '^beta,' "$T/b.csv" | grep -q ',not-confirmed$' ||
	fail "person b: $(grep '^beta,' "$T/b.csv")"
bp review >"$T/b.txt" || fail "review b table"
grep -q "The pause did not confirm it" "$T/b.txt" ||
	fail "the table does not say it was not confirmed"

# Person a's ratings, but another approach (alpha) started in the pause:
# the pause cannot tell the two apart, so it is unclear, and says why (it
# was "confirmed", as if alpha had not been there).
seed "$T/d.db"
at "$(day 0)"
step start beta
rate 0 5 4 3 2 2 2 2 2 2 2 2 2 2 2
at "$(day 14)"
step pause beta
rate 14 6 6
at "$(day 16)"
step start alpha
# The start says so before the review does.
grep -q "beta is in its pause week or the days back after it: alpha now mixes with it" \
	"$T/transcript" || fail "start did not warn of the pause week"
rate 16 6 6 6 6 6
at "$(day 21)"
step resume beta
rate 21 2 2 2 2 2 2 2
at "$(day 27)"
bp review --format csv >"$T/d.csv" || fail "review d"
grep '^beta,' "$T/d.csv" | grep -q ',unclear$' ||
	fail "person d: $(grep '^beta,' "$T/d.csv")"
bp review >"$T/d.txt" || fail "review d table"
tr -s ' \n' '  ' <"$T/d.txt" |
	grep -q "began during the pause or the days back after it, so the pause cannot tell a change then from its doing" ||
	{ cat "$T/d.txt" >&2; fail "the table does not say alpha began in the pause"; }

# A safety hold: its own pause stands and a pause week is refused (77).
seed "$T/c.db"
at "$(day 0)"
step start beta
rate 0 5 4 3 2 2 2 2 2 2 2 2 2 2 2
at "$(day 14)"
step safety --answer numb=yes
refuse 77 pause beta
grep -q "a safety question holds on 2026-11-24" "$T/transcript" ||
	fail "the hold's refusal did not say why"
# No pause taken: the confirmation is empty.
bp review --format csv >"$T/c.csv" || fail "review c"
grep '^beta,' "$T/c.csv" | grep -q ',$' || fail "person c: not empty"
exit 0
