#!/usr/bin/env bash
# learn (issue 20): the pack's lessons. `learn` lists them (number, id,
# read or not, title); `learn ID` or `learn N` prints one, folded to 80
# columns when stdout is no terminal and escaped like all output, its
# sources at the end, and marks it read; an unknown lesson is refused
# (65). A lesson is offered at its moments: the flare-up plan after `flare`
# and in status until it is read or put off (`learn --dismiss`). Which were
# read survives export and import.
. "$(dirname "$0")/../lib.sh"
DB=$T/log.db
CLI_PACK=$TOP/content/guide.yaml
# The built-in pack's lessons, in order.
lessons=$(sed -n '/^lessons:/,/^[a-z_]*:$/s/^  - id: //p' "$CLI_PACK")
[ "$(echo "$lessons" | wc -l)" = 6 ] || fail "expected six lessons: $lessons"

expect_exit 0 bp learn
[ "$(grep -c '^ *[0-9]' "$T/out")" = 6 ] || fail "not one line per lesson"
[ "$(awk '/^ *[0-9]/ { print $2 }' "$T/out")" = "$lessons" ] ||
	fail "learn does not list the lessons in order"
expect_grep '^ 2  flare-up-plan  *not read  *A plan for a flare-up$' "$T/out"
expect_grep 'backpain learn --dismiss ID' "$T/out"

# One lesson, by number: its title, its text, its sources last, no line
# longer than 80 columns; then it is read.
expect_exit 0 bp learn 2
head -n 1 "$T/out" | grep -qx 'A plan for a flare-up' || fail "no title first"
expect_grep '^A flare-up is a spell' "$T/out"
expect_grep '^Sources:$' "$T/out"
sed -n '/^Sources:$/,$p' "$T/out" | grep -q '^- NICE NG59' ||
	fail "the sources are not at the end"
[ "$(awk '{ if (length($0) > n) n = length($0) } END { print n }' "$T/out")" -le 80 ] ||
	fail "a line is longer than 80 columns"
[ "$(sqlite3 "$DB" "select lesson_id || ' ' || ifnull(moment, '-') || ' '
	|| read_on from lesson")" = "flare-up-plan - 2026-11-24" ] ||
	fail "the reading was not recorded"
expect_exit 0 bp learn
expect_grep '^ 2  flare-up-plan  *read 2026-11-24  A plan for a flare-up$' "$T/out"
# By id the same; read again the same day, one row.
expect_exit 0 bp learn flare-up-plan
[ "$(sqlite3 "$DB" "select count(*) from lesson")" = 1 ] ||
	fail "a second reading the same day was recorded again"
# A lesson's practice with its steps, and how to time it.
expect_exit 0 bp learn sleep-stress-mood
expect_grep '^Practice: Relaxed breathing, 5 min, 2 a day; time it with' "$T/out"
expect_grep '^1\. Sit or lie' "$T/out"

# Refusals: an unknown lesson (65, nothing written), usage (64).
for bad in nope 0 7 ''; do
	expect_exit 65 bp learn "$bad"
	expect_grep "^backpain: learn: lesson '$bad': no such lesson; the pack has 1 to 6: hurt-and-harm, " "$T/err"
done
expect_exit 65 bp learn "$(printf 'x\033[2Jy')"
grep -qF "lesson 'x\e[2Jy'" "$T/err" || { cat "$T/err" >&2; fail "not escaped"; }
expect_exit 64 bp learn 1 2
expect_exit 64 bp learn 1 --dismiss 2
expect_exit 65 bp learn --dismiss nope
expect_exit 0 bp learn --help
expect_grep '^usage: backpain learn \[LESSON\] | learn --dismiss LESSON$' "$T/out"
[ "$(sqlite3 "$DB" "select count(*) from lesson")" = 2 ] ||
	fail "a refusal wrote to the log"

# The flare-up plan is offered after flare, in status until read.
DB=$T/offer.db
expect_exit 0 bp flare --pain 7
expect_grep '^A short read: A plan for a flare-up (backpain learn flare-up-plan)$' "$T/out"
expect_exit 0 bp status
expect_grep '^Lesson     A short read: A plan for a flare-up (backpain learn flare-up-plan)$' "$T/out"
expect_exit 0 bp learn
expect_grep '^ 2  flare-up-plan  *offered now  *A plan for a flare-up$' "$T/out"
expect_exit 0 bp learn flare-up-plan
[ "$(sqlite3 "$DB" "select moment from lesson")" = flare ] ||
	fail "the reading does not keep the moment it was offered at"
expect_exit 0 bp status
grep -q 'A short read' "$T/out" && fail "still offered after reading"
# Put off instead: gone from status, refused when not offered.
DB=$T/dismiss.db
expect_exit 0 bp flare --pain 6
expect_exit 0 bp learn --dismiss flare-up-plan
expect_grep '^Not now: flare-up-plan is offered again only at a later moment' "$T/out"
expect_exit 0 bp status
grep -q 'A short read' "$T/out" && fail "still offered after --dismiss"
expect_exit 65 bp learn --dismiss flare-up-plan
expect_grep 'not offered now' "$T/err"
expect_exit 65 bp learn --dismiss 1
[ "$(sqlite3 "$DB" "select lesson_id || ' ' || moment || ' ' || dismissed_on
	from lesson")" = "flare-up-plan flare 2026-11-24" ] ||
	fail "the offer put off was not recorded"

# The first check-in brings NICE's advice.
DB=$T/first.db
expect_exit 0 bp checkin 4
expect_grep '^A short read: What NICE advises: scans, medicines and other treatments (backpain learn nice-guideline)$' "$T/out"

# Read and put off survive export and import, as they are.
DB=$T/log.db
expect_exit 0 bp learn 1
DB=$T/dismiss.db bp export >"$T/a.json" || fail "export"
DB=$T/log.db bp export >"$T/b.json" || fail "export"
grep -q '"lesson":\[{' "$T/a.json" || fail "no lessons in the export"
DB=$T/a2.db expect_exit 0 bp import "$T/a.json"
DB=$T/a2.db bp export >"$T/a2.json" || fail "export"
cmp "$T/a.json" "$T/a2.json" || fail "export -> import -> export differs"
# Into a log that has some of them: those are the same, the others added.
DB=$T/a2.db expect_exit 0 bp import "$T/b.json"
[ "$(sqlite3 "$T/a2.db" "select lesson_id || ' ' || ifnull(read_on, '-')
	|| ' ' || ifnull(dismissed_on, '-') from lesson order by id")" = "flare-up-plan - 2026-11-24
flare-up-plan 2026-11-24 -
sleep-stress-mood 2026-11-24 -
hurt-and-harm 2026-11-24 -" ] || fail "the lessons did not merge"
DB=$T/a2.db expect_exit 0 bp import "$T/b.json"
[ "$(sqlite3 "$T/a2.db" "select count(*) from lesson")" = 4 ] ||
	fail "importing again added rows"
DB=$T/a2.db expect_exit 0 bp learn
expect_grep '^ 1  hurt-and-harm  *read 2026-11-24' "$T/out"

# A lesson's text is escaped like all output: a tab in a pack's lesson.
cat "$TOP/tests/fixtures/packs/cli.yaml" - >"$T/pack.yaml" <<'YAML'
lessons:
  - id: tabbed
    title: "A\ttitle"
    text: "One\tline."
    sources: [Somewhere]
YAML
CLI_PACK=$T/pack.yaml DB=$T/tab.db expect_exit 0 bp learn tabbed
expect_grep '^A\\ttitle$' "$T/out"
expect_grep '^One\\tline\.$' "$T/out"
CLI_PACK=$T/pack.yaml DB=$T/tab.db expect_exit 0 bp learn
expect_grep '^ 1  tabbed  read 2026-11-24  A\\ttitle$' "$T/out"
true
