#!/usr/bin/env bash
# stop --drop on a day before the approach was kept as a habit (issue 19):
# refused (65) saying so, with the day it was kept, not "not kept as a
# habit"; the log is unchanged. A habit never kept is still "not kept".
. "$(dirname "$0")/../lib.sh"
DB=$T/log.db

bp safety --answer numb=no >/dev/null || fail seed
refuse 65 stop alpha --drop --date 2026-11-11
grep -q "^stderr: backpain: stop: alpha is not kept as a habit$" \
	"$T/transcript" || fail "never kept: $(tail -n 2 "$T/transcript")"
bp start alpha --date 2026-11-10 >/dev/null 2>&1 || fail seed
bp stop alpha --keep --date 2026-11-12 >/dev/null || fail seed
refuse 65 stop alpha --drop --date 2026-11-11
grep -q "^stderr: backpain: stop: alpha cannot be dropped on 2026-11-11, before it was kept as a habit on 2026-11-12$" \
	"$T/transcript" || fail "before kept_on: $(tail -n 2 "$T/transcript")"
step stop alpha --drop --date 2026-11-12
[ "$(sqlite3 "$DB" "select dropped_on from habit")" = 2026-11-12 ] ||
	fail "dropped on the day it was kept: $(tail -n 3 "$T/transcript")"
refuse 65 stop alpha --drop --date 2026-11-13
grep -q "^stderr: backpain: stop: alpha is not kept as a habit$" \
	"$T/transcript" || fail "dropped: $(tail -n 2 "$T/transcript")"
echo "a drop before the keep says when it was kept"
