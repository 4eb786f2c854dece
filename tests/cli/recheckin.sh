#!/usr/bin/env bash
# recheckin: what a second check-in of a day keeps. Its ratings and note
# replace the first one's; answers given replace all of the day's answers
# (so a wrong warning can be taken back), a check-in with none keeps them;
# practices marked done are added, never taken away; sessions timed with
# `practice` are never deleted by a check-in. A refused check-in does not
# even create the log.
. "$(dirname "$0")/../lib.sh"
E="$(dirname "$0")/expected"
DB=$T/log.db

# The command-line pack with a second question, on beta, that warns.
sed '/steps: \[Stretch.\]/r /dev/stdin' "$CLI_PACK" >"$T/pack.yaml" <<'YAML'
    questions:
      - id: beta-where
        text: Where is the pain?
        choices: [centralising, same, spreading]
        warn_if: spreading
        warning: Spreading pain needs a doctor's look.
YAML
CLI_PACK=$T/pack.yaml

answers() {
	sqlite3 "$DB" 'select day, question_id, value from answer
		order by day, question_id'
}
sessions() {
	sqlite3 "$DB" "select practice, day, ifnull(minutes, '-')
		from session order by id"
}

# The safety question answered, as the first run would: no approach
# starts before it is (issue 11).
plain bp safety --answer numb=no >/dev/null || fail "safety answers"
step start beta --date 2026-11-20
step checkin 4 --did alpha-walk --answer alpha-feel=worse \
	--answer beta-where=spreading
step practice beta-stretch --minutes 12
# A rating alone: the answers and both the mark and the session stay.
step checkin 5
[ "$(answers)" = "2026-11-24|alpha-feel|worse
2026-11-24|beta-where|spreading" ] || fail "a rating alone lost the answers: $(answers)"
[ "$(sessions)" = "alpha-walk|2026-11-24|-
beta-stretch|2026-11-24|12" ] || fail "a rating alone lost practices: $(sessions)"
# Answers given replace the day's answers, the warning ones included.
step checkin 5 --answer beta-where=same
[ "$(answers)" = "2026-11-24|beta-where|same" ] ||
	fail "the day's earlier answers were kept: $(answers)"
[ "$(sessions)" = "alpha-walk|2026-11-24|-
beta-stretch|2026-11-24|12" ] || fail "an answer changed the practices: $(sessions)"
# Marks add to the day's; a timed practice is not marked again.
step checkin 3 --did mat-lie --did beta-stretch
[ "$(sessions)" = "alpha-walk|2026-11-24|-
beta-stretch|2026-11-24|12
mat-lie|2026-11-24|-" ] || fail "marks were not added once: $(sessions)"
[ "$(answers)" = "2026-11-24|beta-where|same" ] ||
	fail "a check-in without answers changed them: $(answers)"
# The status of the day shows no warning any more.
step status
expect_same "$E/recheckin.txt" "$T/transcript"

# A refused check-in leaves no log behind, not even an empty one.
for args in "4 --did no-such-practice" "4 --answer beta-where=nowhere" \
	"4 --answer nope=same" "4 --date 2026-11-25" "11"; do
	# shellcheck disable=SC2086
	DB=$T/fresh.db expect_exit 65 bp checkin $args
	[ ! -e "$T/fresh.db" ] || fail "checkin $args created the log"
done
expect_exit 0 bp pack list
[ ! -e "$HOME/.local/share/backpain" ] || fail "pack list made a log"
