#!/usr/bin/env bash
# start and stop: one trial of an approach at a time; a second non-wildcard
# approach beside a running one is allowed with a note on attribution; a
# wildcard is not; stop ends it with an outcome (default stopped) and, when
# given, the person's global impression.
. "$(dirname "$0")/../lib.sh"
E="$(dirname "$0")/expected"
DB=$T/log.db

# The safety question answered, as the first run would: no approach
# starts before it is (issue 11).
plain bp safety --answer numb=no >/dev/null || fail "safety answers"
step start alpha --date 2026-11-10
step start alpha
step start mat
step start beta --date yesterday
step stop beta --outcome no-change
step stop beta
step stop alpha --date 2026-11-09
step stop alpha --outcome helped --date 2026-11-17
step stop mat
step start alpha
step start gamma
step stop gamma --outcome worse --impression much-worse
step start --help
step stop --help
expect_same "$E/trial.txt" "$T/transcript"

sqlite3 "$DB" "select approach, started_on, ifnull(ended_on, '-'),
	ifnull(outcome, '-'), ifnull(impression, '-') from trial order by id" >"$T/rows"
printf '%s\n' 'alpha|2026-11-10|2026-11-17|helped|-' \
	'mat|2026-11-24|2026-11-24|stopped|-' \
	'beta|2026-11-23|2026-11-24|no-change|-' \
	'alpha|2026-11-24|-|-|-' \
	'gamma|2026-11-24|2026-11-24|worse|6' >"$T/want"
expect_same "$T/want" "$T/rows"
