#!/usr/bin/env bash
# flare (issue 12): `flare` records that a flare-up began, `flare --over`
# that it was over; it is also over by itself after two calm days (pain
# within a point of the person's level, the median of the 28 days before
# it). history marks its days. Refusals leave the log file byte-identical.
. "$(dirname "$0")/../lib.sh"
E="$(dirname "$0")/expected"
DB=$T/log.db

rows() {
	sqlite3 "$DB" "select began_on, ifnull(ended_on, '-'),
		ifnull(ended_by, '-'), ifnull(pain, '-'), ifnull(note, '-')
		from flare order by id"
}
# refuse_exact CODE ARGS...: refuse, and the file's bytes unchanged too.
refuse_exact() {
	cp "$DB" "$T/before.db"
	refuse "$@"
	cmp -s "$DB" "$T/before.db" || fail "$* changed the log file"
}
# already DAY ARGS...: a flare-up already over on DAY, said so with exit 0,
# and the log file's bytes unchanged.
already() {
	local day=$1
	shift
	cp "$DB" "$T/before.db"
	step "$@"
	[ "$(tail -n 1 "$T/transcript")" = "[exit 0]" ] || fail "$*: not exit 0"
	expect_grep "^The flare-up was already over on $day; nothing changed\.$" "$T/step.out"
	cmp -s "$DB" "$T/before.db" || fail "$* changed the log file"
}

for d in 01 02 03 04 05 06 07 08 09 10 11 12 13 14; do
	plain bp_on 2026-11-$d checkin 3 >/dev/null || fail seed
done
refuse_exact 65 flare --over
refuse_exact 65 flare --pain 11
refuse_exact 65 flare --pain x
refuse_exact 64 flare --over --pain 3
refuse_exact 65 flare --date 2026-11-25
step flare --pain 7 --note 'lifted a box' --date 2026-11-15
[ "$(rows)" = "2026-11-15|-|-|7|lifted a box" ] || fail "begin: $(rows)"
refuse_exact 65 flare --date 2026-11-16
refuse_exact 65 flare --over --date 2026-11-14
plain bp_on 2026-11-15 checkin 7 >/dev/null || fail seed
plain bp_on 2026-11-15 practice mat-lie --before 7 --after 4 >/dev/null ||
	fail seed
plain bp_on 2026-11-16 checkin 6 >/dev/null || fail seed
step flare --over --date 2026-11-17
[ "$(rows)" = "2026-11-15|2026-11-17|person|7|lifted a box" ] ||
	fail "over: $(rows)"
already 2026-11-17 flare --over
refuse_exact 65 flare --date 2026-11-16

# The second ends by itself: 8 and 7, then 3 and 4 (the level is 3).
for d in 17 18 19 20; do
	plain bp_on 2026-11-$d checkin 3 >/dev/null || fail seed
done
step flare --date 2026-11-21
step checkin 8 --date 2026-11-21
step checkin 7 --date 2026-11-22
step checkin 3 --date 2026-11-23
step status
[ "$(rows | tail -n 1)" = "2026-11-21|-|-|-|-" ] || fail "one calm day: $(rows)"
step checkin 4 --interference 2
[ "$(rows | tail -n 1)" = "2026-11-21|2026-11-23|calm|-|-" ] ||
	fail "two calm days: $(rows)"
already 2026-11-23 flare --over
step status
step history --days 12
step history --days 12 --format csv
step flare --help
expect_same "$E/flare.txt" "$T/transcript"

# Over by itself on 11-23, but the person knows it was over on 11-22: their
# day replaces the rule's (it exited 65, "no flare-up is running"); said
# again, it changes nothing. A day between two flare-ups is already over;
# one before any flare-up began is refused.
cp "$DB" "$T/calm.db"
DB=$T/calm.db
refuse_exact 65 flare --over --date 2026-11-10
already 2026-11-17 flare --over --date 2026-11-20
bp flare --over --date 2026-11-22 >"$T/out" 2>&1 || { cat "$T/out" >&2; fail "over before calm"; }
expect_grep '^The flare-up was over on 2026-11-22\.$' "$T/out"
[ "$(rows | tail -n 1)" = "2026-11-21|2026-11-22|person|-|-" ] ||
	fail "the person's day: $(rows)"
already 2026-11-22 flare --over --date 2026-11-22
already 2026-11-22 flare --over
DB=$T/log.db

# A flare-up over on the day it began (f, then F, in the TUI) is one day,
# as program_flares_load() counts it and the TUI's History and the report
# show it: history marks that day too (it showed "-").
DB=$T/sameday.db
for d in 20 21 22 23; do
	plain bp_on 2026-11-$d checkin 3 >/dev/null || fail seed
done
plain bp checkin 6 >/dev/null || fail seed
bp flare --pain 6 >/dev/null || fail "flare today"
bp flare --over >/dev/null || fail "flare over today"
bp history --days 2 >"$T/out" || fail history
expect_grep '^2026-11-24     6             -  flare$' "$T/out"
expect_grep '^2026-11-23     3             -      -$' "$T/out"
bp history --days 2 --format csv >"$T/out" || fail "history csv"
expect_grep '^2026-11-24,6,,,1,0$' "$T/out"
bp report >"$T/out" || fail report
expect_grep '1 day' "$T/out"

# What a flare-up used is what came after it began (issue 18): a flare-up
# recorded at 18:00 did not use the mat lain on at 08:00 that day, only the
# session at 20:00 and the next day's. One recorded a day late (--date)
# gives no hour, so every session of its first day counts.
DB=$T/used.db
for d in 20 21 22 23; do
	plain bp_on 2026-11-$d checkin 3 >/dev/null || fail seed
done
CLI_NOW='2026-11-24 08:00:00' plain bp practice mat-lie --before 5 --after 3 >/dev/null ||
	fail "the morning session"
CLI_NOW='2026-11-24 18:00:00' plain bp flare --pain 8 >/dev/null || fail "flare at 18:00"
CLI_NOW='2026-11-24 20:00:00' plain bp practice mat-lie --before 8 --after 5 >/dev/null ||
	fail "the evening session"
CLI_NOW='2026-11-25 12:00:00' plain bp practice mat-lie --before 7 --after 5 >/dev/null ||
	fail "the next day's session"
CLI_NOW='2026-11-25 12:00:00' bp report >"$T/out" || fail report
tr -s ' \n' '  ' <"$T/out" | grep -qF 'Used: Lie on the mat 2 times, pain 2.5 lower right after (2 rated).' ||
	{ cat "$T/out" >&2; fail "the flare-up's used counts the morning's session"; }
DB=$T/used_late.db
for d in 20 21 22 23; do
	plain bp_on 2026-11-$d checkin 3 >/dev/null || fail seed
done
CLI_NOW='2026-11-24 08:00:00' plain bp practice mat-lie --before 5 --after 3 >/dev/null ||
	fail "the morning session"
CLI_NOW='2026-11-25 12:00:00' plain bp flare --pain 8 --date 2026-11-24 >/dev/null ||
	fail "flare a day late"
CLI_NOW='2026-11-25 12:00:00' bp report >"$T/out" || fail report
tr -s ' \n' '  ' <"$T/out" | grep -qF 'Used: Lie on the mat 1 time, pain 2.0 lower right after (1 rated).' ||
	{ cat "$T/out" >&2; fail "a flare-up recorded a day late does not count its first day's session"; }

# A trial of the mat with 2 rated sessions (4 are needed to judge it): its
# figures before and after are its sessions', so none yet; never the 14
# days before its start (the CSV and the report's table gave their mean
# as the mat's "before").
DB=$T/tool.db
CLI_PACK=$TOP/tests/fixtures/packs/review.yaml # its mat is a flare-up tool
plain bp_on 2026-11-01 safety --answer numbness=no --answer fever=no \
	--answer night-pain=no >/dev/null || fail "safety"
for i in $(seq 1 14); do
	plain bp_on "$(date -d "2026-11-01 $i days" +%F)" checkin 5 >/dev/null ||
		fail "checkin $i"
done
plain bp_on 2026-11-15 start mat >/dev/null 2>&1 || fail "start mat"
for d in 2026-11-15 2026-11-16; do
	plain bp_on "$d" practice mat-lie --before 7 --after 5 >/dev/null ||
		fail "practice $d"
done
bp_on 2026-11-17 review --format csv >"$T/tool.csv" || fail "review csv"
col=$(head -n 1 "$T/tool.csv" | tr ',' '\n' | grep -nx before_mean | cut -d: -f1)
[ -n "$col" ] || fail "no before_mean column"
got=$(grep '^mat,' "$T/tool.csv" | cut -d, -f"$col")
[ -z "$got" ] || { cat "$T/tool.csv" >&2; fail "the mat's before_mean is '$got', the days before it"; }
