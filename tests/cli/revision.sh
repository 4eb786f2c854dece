#!/usr/bin/env bash
# A red flag's revision (issue 20): when a question's meaning changes, the
# pack raises its revision, and an answer given to the older wording is
# shown as such by `safety`, `status` and the report, and asked again at
# the next re-check. Until it is answered anew it keeps its effect: a yes
# still holds (start refused, 77), a no still counts as answered (start
# goes on, saying so on stderr, and the re-check is due).
. "$(dirname "$0")/../lib.sh"
DB=$T/log.db

OLD=$CLI_PACK
# The same pack with the emergency question at revision 2.
sed 's/^    urgency: emergency$/&\n    revision: 2/' "$CLI_PACK" >"$T/new.yaml"
grep -q 'revision: 2' "$T/new.yaml" || fail "no revision in new.yaml"
NEW=$T/new.yaml

# A yes given to the first wording.
CLI_PACK=$OLD bp safety --answer numb=yes >/dev/null || fail "old answer"
CLI_PACK=$NEW
[ "$(sqlite3 "$DB" 'SELECT revision FROM screening')" = 1 ] ||
	fail "the answer was not stored at revision 1"
expect_exit 0 bp safety
expect_grep 'Answer: YES, on 2026-11-24' "$T/out"
expect_grep 'answered to an earlier wording of this question, on 2026-11-24' "$T/out"
expect_grep 'backpain safety --answer numb=yes|no' "$T/out"
expect_grep 'Asked again: 1 question was answered to an earlier wording' "$T/out"
# It still holds: no start.
expect_exit 77 bp start alpha
expect_grep 'on hold for safety' "$T/err"
expect_exit 0 bp status
expect_grep '^ON HOLD' "$T/out"
expect_grep 'answered to an earlier wording' "$T/out"
expect_grep '^SAFETY     1 safety question changed since you answered' "$T/out"
expect_exit 0 bp report --format text
expect_grep 'to an earlier wording of this question' "$T/out"
# Answered anew, to the question as it is now: a no lets the start go on.
expect_exit 0 bp safety --answer numb=no
grep -q 'earlier wording' "$T/out" && fail "still shown as an earlier wording"
[ "$(sqlite3 "$DB" 'SELECT group_concat(revision) FROM screening')" = 1,2 ] ||
	fail "the new answer was not stored at revision 2"
expect_exit 0 bp start alpha
grep -q 'changed since you answered' "$T/err" && fail "a current no warned"

# A no given to the first wording counts as answered: the start goes on,
# said on stderr, and the re-check is due after the check-in.
DB=$T/no.db
CLI_PACK=$OLD bp safety --answer numb=no >/dev/null || fail "old no"
CLI_PACK=$NEW
expect_exit 0 bp start alpha
expect_grep 'Started alpha' "$T/out"
expect_grep '1 safety question changed since you answered' "$T/err"
expect_exit 0 bp checkin 4
# The first run over, as setup would leave it.
sqlite3 "$DB" "insert into profile (key, value) values ('onboarded', '2026-11-01')" ||
	fail "onboarded"
expect_exit 0 bp status
expect_grep '^Next       1 safety question changed since you answered: backpain safety' "$T/out"
expect_exit 0 bp safety --answer numb=no
expect_exit 0 bp status
grep -q 'changed since' "$T/out" && fail "the re-check is still due"
true
