#!/usr/bin/env bash
# safety (issue 11): `backpain safety` lists the questions, the latest
# answers and what they mean; `start` is refused (77, EX_NOPERM) while a
# question is unanswered and while a yes that holds stands, with the reason
# and what to do, and the log byte for byte as it was; a check-in works
# meanwhile; `--checked` records a doctor's check and the start goes on. A
# yes to a flag that does not hold is advice, not a stop. Bad values are
# refused (64, 65) with nothing written. Six weeks on, the emergency
# questions are offered again (stderr of start), not forced. `practice`
# is refused meanwhile (77, nothing written: every practice waits) unless
# --anyway says it was done all the same; then it logs, with a note on
# stderr that the approaches are on hold (issue 18).
. "$(dirname "$0")/../lib.sh"
E="$(dirname "$0")/expected"
DB=$T/log.db

# The command-line pack with a soon flag that holds and one that does not.
sed '/^approaches:/e cat /dev/stdin' "$CLI_PACK" >"$T/pack.yaml" <<'YAML'
  - id: cancer
    question: Have you ever had cancer?
    urgency: soon
    advice: See a doctor before you try the approaches here.
  - id: no-better
    question: No better at all after a month?
    urgency: soon
    holds: false
    advice: Mention it to a doctor; the approaches may go on.
YAML
CLI_PACK=$T/pack.yaml

step safety
step checkin 4 --date 2026-11-23
refuse 77 start alpha
refuse 77 start mat
refuse 65 safety --answer numb=maybe
refuse 65 safety --answer fever=no
refuse 65 safety --answer numb
refuse 64 safety --date 2026-11-20
refuse 64 safety extra
step safety --answer numb=yes --answer cancer=no --answer no-better=no
refuse 77 start alpha
step status
# A session waits while the yes holds; done all the same, it is logged,
# with a note on stderr.
refuse 77 practice mat-lie
step practice mat-lie --anyway
refuse 65 safety --checked cancer
refuse 65 safety --checked numb --date 2026-11-25
refuse 65 safety --checked numb --date 2026-11-23
step safety --checked numb --date 2026-11-24
step start alpha
step safety --answer cancer=yes --answer no-better=yes
refuse 77 start beta
step safety --checked cancer
step start beta
step status
step safety --help
# Six weeks after the last answers the emergency questions are due again:
# start offers them on stderr and goes on; answering them ends it; the next
# new approach offers them again, as they were not answered that day.
CLI_NOW='2027-01-04 12:00:00'
step start gamma
CLI_NOW='2027-01-05 12:00:00'
step stop gamma
step start gamma
step safety
step safety --answer numb=no
CLI_NOW='2027-01-06 12:00:00'
step start mat
expect_same "$E/safety.txt" "$T/transcript"

# Every answer stays, with its date; the checks with the yes they checked.
sqlite3 "$DB" "select flag_id, answer, substr(asked_at, 1, 10),
	ifnull(checked_on, '-') from screening order by id" >"$T/rows"
printf '%s\n' 'numb|1|2026-11-24|2026-11-24' 'cancer|0|2026-11-24|-' \
	'no-better|0|2026-11-24|-' 'cancer|1|2026-11-24|2026-11-24' \
	'no-better|1|2026-11-24|-' 'numb|0|2027-01-05|-' >"$T/want"
expect_same "$T/want" "$T/rows"

# The report lists the yes answers and their checks.
bp report >"$T/report" || fail report
expect_grep 'Have you ever had cancer? (answered 2026-11-24); checked by a' "$T/report"
expect_grep 'No better at all after a month? (answered 2026-11-24)$' "$T/report"
