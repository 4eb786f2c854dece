#!/usr/bin/env bash
# export: everything in the log, as JSON (default) or CSV, through the store.
. "$(dirname "$0")/../lib.sh"
E="$(dirname "$0")/expected"
DB=$T/log.db

plain bp checkin 4 --date yesterday --note 'a, "quoted" note' >/dev/null ||
	fail seed
plain bp checkin 3 --interference 2 --did alpha-walk --answer alpha-feel=same \
	>/dev/null || fail seed
# The safety question answered, as the first run would: no approach
# starts before it is (issue 11).
plain bp safety --answer numb=no >/dev/null || fail "safety answers"
plain bp start alpha --date 2026-11-20 >/dev/null || fail seed
plain bp practice beta-stretch --before 5 --after 4 >/dev/null || fail seed
# Timestamps follow the running clock; show them as T. Each row's uid is
# random; show it as U.
stamp() {
	sed -E 's/2026-11-24T12:[0-9]{2}:[0-9]{2}\+00:00/T/g; s/[0-9a-f]{32}/U/g'
}
step export
step export --format csv
step export --format json
step export --help
stamp <"$T/transcript" >"$T/got"
expect_same "$E/export.txt" "$T/got"
bp export >"$T/export.json" || fail "export failed"
json_ok "$T/export.json" || fail "export is not JSON"
