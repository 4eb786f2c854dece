#!/usr/bin/env bash
# habits (issue 12): stop --keep ends a trial and keeps its approach as a
# habit, whose practices stay on today's list (status) and whose --did marks
# count for it; stop --drop ends the habit. Refusals write nothing.
. "$(dirname "$0")/../lib.sh"
E="$(dirname "$0")/expected"
DB=$T/log.db

rows() {
	sqlite3 "$DB" "select h.approach, h.kept_on, ifnull(h.dropped_on, '-'),
		t.started_on, t.ended_on, t.outcome from habit h
		join trial t on t.id = h.trial_id order by h.id"
}

for d in 10 11 12 13 14 15 16 17 18 19 20 21 22; do
	plain bp_on 2026-11-$d checkin 4 >/dev/null || fail seed
done
plain bp safety --answer numb=no >/dev/null || fail seed
plain bp start alpha --date 2026-11-10 >/dev/null || fail seed
refuse 65 stop beta --keep
refuse 64 stop alpha --keep --drop
refuse 64 stop alpha --drop --outcome helped
refuse 65 stop alpha --drop
refuse 65 stop alpha --keep --date 2026-11-09
step stop alpha --keep --date 2026-11-23
[ "$(rows)" = "alpha|2026-11-23|-|2026-11-10|2026-11-23|helped" ] ||
	fail "keep: $(rows)"
step status
refuse 65 stop alpha --keep
step checkin 3 --did alpha-walk
step status
step start beta
step stop beta --keep --outcome no-change
step status
step stop alpha --drop
[ "$(rows | head -n 1)" = "alpha|2026-11-23|2026-11-24|2026-11-10|2026-11-23|helped" ] ||
	fail "drop: $(rows)"
refuse 65 stop alpha --drop
step status
step stop --help
expect_same "$E/habits.txt" "$T/transcript"

# The --did mark counts for the habit's approach.
[ "$(sqlite3 "$DB" "select approach, day, ifnull(minutes, '-') from session")" = \
	"alpha|2026-11-24|-" ] || fail "the mark"
