#!/usr/bin/env bash
# import_safety: which safety answer is the latest is decided by when each
# was given (asked_at as an instant, offsets applied), never by row ids, so
# that no import can lift a hold (issue 19; the first cases failed before).
# - A month-old export, all "no", imported into a log whose latest answer is
#   today's yes: the yes still holds, `start` is refused (77); the same for
#   a month-old export of another log (its rows new to this one).
# - A crafted file whose "no" has the row id 9223372036854775807: the yes
#   given after it is the latest.
# - A "no" from a clock that was ahead (stamped next year) counts from its
#   import: a yes given after the import holds.
# - Answers of two time zones compare as instants: a yes at 10:00+00:00
#   is later than a no at 11:00+02:00 (09:00 UTC).
. "$(dirname "$0")/../lib.sh"
at() { # WHEN ARGS: bp at another time
	local when=$1
	shift
	CLI_NOW=$when bp "$@"
}
holds() { # what: safety shows the yes and start is refused
	bp safety >"$T/safety" 2>&1 || fail "$1: safety failed"
	grep -q "Answer: YES" "$T/safety" ||
		{ cat "$T/safety" >&2; fail "$1: the yes does not show"; }
	expect_exit 77 bp start alpha
	expect_grep "on hold for safety" "$T/err"
}

# The log's own export of a month ago.
DB=$T/log.db
at '2026-10-24 12:00:00' safety --answer numb=no >/dev/null || fail seed
at '2026-10-24 12:00:00' export >"$T/month.json" || fail export
at '2026-11-24 09:00:00' safety --answer numb=yes >/dev/null || fail seed
expect_exit 0 bp import "$T/month.json"
holds "the log's own month-old export"
expect_exit 0 bp import --replace "$T/month.json"
holds "the log's own month-old export, --replace"

# Another log's export of a month ago: its answers are new to this log.
DB=$T/other.db
at '2026-10-20 12:00:00' safety --answer numb=no >/dev/null || fail seed
at '2026-10-20 12:00:00' export >"$T/other.json" || fail export
DB=$T/log.db
expect_exit 0 bp import "$T/other.json"
expect_grep "1 screening answer" "$T/out"
holds "another log's month-old export"

# A crafted id: the highest row id SQLite has.
DB=$T/crafted.db
sed -E 's/"id":1,"flag_id"/"id":9223372036854775807,"flag_id"/' \
	"$T/other.json" >"$T/crafted.json"
grep -q 9223372036854775807 "$T/crafted.json" || fail "no crafted id"
expect_exit 0 bp import "$T/crafted.json"
at '2026-11-24 09:00:00' safety --answer numb=yes >/dev/null || fail "yes"
holds "a crafted id"

# A no stamped next year, imported, then a yes.
DB=$T/ahead.db
sed -E 's/"asked_at":"2026-10-20T12:00:00\+00:00"/"asked_at":"2027-10-20T12:00:00+00:00"/' \
	"$T/other.json" >"$T/ahead.json"
grep -q 2027-10-20 "$T/ahead.json" || fail "no stamp ahead"
at '2026-11-24 08:00:00' import "$T/ahead.json" >/dev/null || fail import
at '2026-11-24 09:00:00' safety --answer numb=yes >/dev/null || fail "yes"
holds "a stamp from a clock that was ahead"

# Two time zones: the yes at 10:00 UTC is after the no at 11:00+02:00.
DB=$T/zones.db
sed -E 's/"asked_at":"2026-10-20T12:00:00\+00:00"/"asked_at":"2026-11-24T11:00:00+02:00"/' \
	"$T/other.json" >"$T/zone.json"
TZ=UTC at '2026-11-24 10:00:00' safety --answer numb=yes >/dev/null ||
	fail "yes"
expect_exit 0 bp import "$T/zone.json"
holds "answers of two time zones"
echo "no import lifts a hold: the latest answer is the latest given"
