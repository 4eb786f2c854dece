#!/usr/bin/env bash
# Exit codes that say what happened (backpain.1, EXIT STATUS): a check-in
# saved whose confirmation cannot be printed is not reported as failed (3,
# not 74); output that cannot be written is never success; an empty --db
# or --pack is a usage error, not the default; a trial of an approach the
# pack lacks can still be stopped; a trial started while the clock was
# ahead says it starts later, never "day -181".
. "$(dirname "$0")/../lib.sh"
DB=$T/log.db
[ -w /dev/full ] || { echo "no /dev/full"; exit 77; }

# Saved, but standard output is full: 3, a message that says it was saved.
bp checkin 4 --note "kept" >/dev/full 2>"$T/err"
rc=$?
[ "$rc" = 3 ] || fail "checkin >/dev/full exited $rc, not 3"
expect_grep "saved in the log, but its confirmation could not be written" "$T/err"
[ "$(sqlite3 "$DB" "select pain, note from checkin")" = "4|kept" ] ||
	fail "the check-in was not saved"
plain bp safety --answer numb=no >/dev/null || fail "safety answers"
bp start alpha >/dev/full 2>/dev/null
[ $? = 3 ] || fail "start >/dev/full: not 3"
# Nothing saved, output lost: 74. Refused, output lost: the refusal's code.
for args in status "history" "export" "--help" "-V" "checkin --help" \
	"report"; do
	# shellcheck disable=SC2086
	bp $args >/dev/full 2>"$T/err"
	rc=$?
	[ "$rc" = 74 ] || fail "$args >/dev/full exited $rc, not 74"
	expect_grep "standard output: No space left on device" "$T/err"
done
before=$(log_dump)
bp checkin 11 >/dev/full 2>/dev/null
[ $? = 65 ] || fail "a refused check-in >/dev/full: not 65"
[ "$before" = "$(log_dump)" ] || fail "a refused check-in changed the log"

# An empty --db or --pack, before or after the command: 64, and no log at
# the default place.
for args in "--db '' due" "due --db ''" "--pack '' status" "status --pack ''"; do
	eval "set -- $args"
	expect_exit 64 faketime "$CLI_NOW" "$BACKPAIN" "$@"
	expect_grep "needs a file name" "$T/err"
done
[ ! -e "$HOME/.local/share/backpain/log.db" ] ||
	fail "an empty --db used the default log"

# A trial of an approach the pack in use lacks (started under another
# pack): stop ends it; an approach neither running nor in the pack is
# still unknown.
plain bp start beta --date 2026-11-20 >/dev/null || fail "start beta"
expect_exit 0 faketime "$CLI_NOW" "$BACKPAIN" --db "$DB" stop beta \
	--outcome no-change
expect_grep "Stopped beta on 2026-11-24: no-change." "$T/out"
[ "$(sqlite3 "$DB" "select ended_on, outcome from trial where approach = 'beta'")" = \
	"2026-11-24|no-change" ] || fail "beta was not stopped"
before=$(log_dump)
expect_exit 65 faketime "$CLI_NOW" "$BACKPAIN" --db "$DB" stop beta
expect_grep "unknown approach 'beta'" "$T/err"
[ "$before" = "$(log_dump)" ] || fail "a refused stop changed the log"

# A trial started while the clock was half a year ahead.
CLI_NOW='2027-05-24 12:00:00' bp start gamma >/dev/null || fail "start ahead"
bp status >"$T/out" || fail "status"
expect_grep "gamma  *starts 2027-05-24, a day still to come" "$T/out"
grep -q "day -" "$T/out" && fail "status shows a negative day"
echo "exit codes and trial days as documented"
