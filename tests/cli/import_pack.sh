#!/usr/bin/env bash
# import_pack: a backup restores under any pack and any time zone (issue
# 19; the import under the changed pack and the Kiritimati check-in failed
# before).
# - A pack that renamed an approach, its practice and its question
#   (renamed_from:) and dropped another approach: an export of the log kept
#   with the old pack imports whole. The renamed rows take the new ids, so
#   they are the renamed approach's history; the dropped approach's trial,
#   session and check-in answers are kept as they were, and review and
#   report show it as "an approach this pack does not have: beta".
# - renamed_from: is checked with the pack: an old id that is not an id,
#   or that is the id of another approach, is refused at FILE:LINE:COLUMN.
# - A check-in made in Pacific/Kiritimati (UTC+14) imports under
#   Etc/GMT+12, where its day is still tomorrow: an import takes days up to
#   two after today; three after are refused, and a command still refuses
#   tomorrow.
. "$(dirname "$0")/../lib.sh"
DB=$T/log.db

bp safety --answer numb=no >/dev/null || fail seed
bp start alpha --date 2026-11-10 >/dev/null 2>&1 || fail seed
bp checkin 5 --date 2026-11-11 --did alpha-walk --answer alpha-feel=better \
	>/dev/null || fail seed
bp stop alpha --keep --date 2026-11-17 >/dev/null || fail seed
bp start beta --date 2026-11-18 >/dev/null 2>&1 || fail seed
bp practice beta-stretch --minutes 10 --date 2026-11-19 >/dev/null ||
	fail seed
bp stop beta --outcome worse --date 2026-11-20 >/dev/null || fail seed
for d in 21 22 23; do
	bp checkin 4 --date 2026-11-$d >/dev/null || fail seed
done
bp export >"$T/old.json" || fail export

# The new pack: alpha is alpha2 now, its walk walk2, its question feel2;
# beta and its stretch are gone.
awk '
	/^  - id: beta$/ { skip = 1; next }
	/^  - id: / { skip = 0 }
	skip { next }
	/^  - id: alpha$/ { print "  - id: alpha2"; print "    renamed_from: [alpha]"; next }
	/^      - id: alpha-walk$/ { print "      - id: walk2"; print "        renamed_from: [alpha-walk]"; next }
	/^      - id: alpha-feel$/ { print "      - id: feel2"; print "        renamed_from: [alpha-feel]"; next }
	{ print }
' "$CLI_PACK" >"$T/new.yaml"
grep -q beta "$T/new.yaml" && fail "the new pack still has beta"
"$BACKPAIN" pack check "$T/new.yaml" >/dev/null || fail "the new pack"
new() { faketime "$CLI_NOW" "$BACKPAIN" --db "$DB" --pack "$T/new.yaml" "$@"; }

DB=$T/restored.db
expect_exit 0 new import "$T/old.json"
expect_grep ": 4 check-ins, 1 answer, 2 trials, 2 sessions, 1 screening answer, 0 profile entries, 1 habit, 0 flare-ups\.$" "$T/out"
[ "$(sqlite3 "$DB" "SELECT group_concat(approach, ' ') FROM trial ORDER BY id;
	SELECT group_concat(practice || '/' || approach, ' ') FROM session;
	SELECT question_id FROM answer; SELECT approach FROM habit")" = \
	"alpha2 beta
walk2/alpha2 beta-stretch/beta
feel2
alpha2" ] || fail "renamed or unknown rows: $(sqlite3 "$DB" "SELECT * FROM trial; SELECT * FROM session")"
new review >"$T/review" 2>&1 || { cat "$T/review" >&2; fail review; }
expect_grep "^[0-9]\. an approach this pack does not have: beta$" "$T/review"
expect_grep "^[0-9]\. Alpha$" "$T/review"
new report >"$T/report" 2>&1 || { cat "$T/report" >&2; fail report; }
expect_grep "an approach this pack does not have: beta" "$T/report"
# The same file again adds nothing.
expect_exit 0 new import "$T/old.json"
expect_grep "0 trials (2 already there), 0 sessions (2 already there)" "$T/out"

# renamed_from is checked with the pack.
sed 's/renamed_from: \[alpha\]/renamed_from: [gamma]/' "$T/new.yaml" >"$T/clash.yaml"
expect_exit 65 "$BACKPAIN" pack check "$T/clash.yaml"
expect_grep "^$T/clash.yaml:[0-9]*:[0-9]*: approach id 'gamma' is also an old id" "$T/err"
sed 's/renamed_from: \[alpha\]/renamed_from: [Alpha One]/' "$T/new.yaml" >"$T/bad.yaml"
expect_exit 65 "$BACKPAIN" pack check "$T/bad.yaml"
expect_grep "^$T/bad.yaml:[0-9]*:[0-9]*: renamed_from: 'Alpha One' is not an id" "$T/err"

# Kiritimati (UTC+14) at 20:00 UTC: its day is 2026-11-25 already.
now=$(date -u -d '2026-11-24 20:00:00' +%s)
DB=$T/kiritimati.db
TZ=Pacific/Kiritimati CLI_NOW="@$now" bp checkin 3 >/dev/null || fail seed
[ "$(sqlite3 "$DB" 'SELECT day FROM checkin')" = 2026-11-25 ] ||
	fail "not a day ahead: $(sqlite3 "$DB" 'SELECT day FROM checkin')"
TZ=Pacific/Kiritimati CLI_NOW="@$now" bp export >"$T/kiritimati.json" ||
	fail export
# Etc/GMT+12 at the same moment: 2026-11-24, 08:00.
DB=$T/baker.db
TZ=Etc/GMT+12 CLI_NOW="@$now" expect_exit 0 bp import "$T/kiritimati.json"
[ "$(sqlite3 "$DB" 'SELECT day FROM checkin')" = 2026-11-25 ] ||
	fail "the check-in of tomorrow was not restored"
TZ=Etc/GMT+12 CLI_NOW="@$now" expect_exit 65 bp checkin 2 --date 2026-11-25
DB=$T/far.db
sed 's/"day":"2026-11-25"/"day":"2026-11-27"/' "$T/kiritimati.json" >"$T/far.json"
TZ=Etc/GMT+12 CLI_NOW="@$now" expect_exit 65 bp import "$T/far.json"
expect_grep "day 2026-11-27 is in the future (today is 2026-11-24; an import takes days up to 2026-11-26" "$T/err"
echo "a backup restores under a changed pack and in any time zone"
