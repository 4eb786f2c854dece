#!/usr/bin/env bash
# report_safety (new user's finding 2): the therapist report lists every yes
# ever given to a safety question, with the day it was answered and the
# doctor's check, also when a later answer to the same question was no
# ("later answered no on D"); the count line says how many questions were
# answered and when last, not "1 of the 17 answered". Text, Markdown and
# HTML.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/build_120days.sh"
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0"
[ -x "${BACKPAIN_ASAN:-}" ] && BP=$BACKPAIN_ASAN

REVIEW_NOW='2026-11-18 12:00:00'
rv_ok safety --answer night-pain=yes --answer fever=no
REVIEW_NOW='2026-11-23 12:00:00'
rv_ok safety --checked night-pain
REVIEW_NOW='2026-11-30 12:00:00'
rv_ok safety --answer night-pain=no --answer fever=yes
[ "$(sqlite3 "$T/log.db" 'SELECT count(*) FROM screening')" = 4 ] ||
	fail "not four stored answers"

q_night='Pain that wakes you at night, whatever your position?'
rv_ok report
tr '\n' ' ' <"$T/rv.out" | tr -s ' ' >"$T/flat"
expect_grep "Safety questions: 2 answered, the latest on 2026-11-30; 2 answered yes at some time:" "$T/flat"
expect_grep "$q_night (answered 2026-11-18); checked by a doctor on 2026-11-23; later answered no on 2026-11-30 " "$T/flat"
expect_grep "(answered 2026-11-30) APPROACHES TRIED" "$T/flat"
grep -q "of the .* answered" "$T/rv.out" && fail "the old count line is back"

rv_ok report --format markdown
expect_grep "^- \*\*Safety questions:\*\* 2 answered, the latest on 2026-11-30; 2 answered yes at some time:$" "$T/rv.out"
expect_grep "^  - $q_night (answered 2026-11-18); checked by a doctor on 2026-11-23; later answered no on 2026-11-30$" "$T/rv.out"
[ "$(grep -c '^  - ' "$T/rv.out")" = 2 ] || { cat "$T/rv.out" >&2; fail "not two yeses in Markdown"; }

rv_ok report --format html
expect_grep "<dt>Safety questions</dt><dd>2 answered, the latest on 2026-11-30; 2 answered yes at some time:<ul><li>$q_night (answered 2026-11-18); checked by a doctor on 2026-11-23; later answered no on 2026-11-30</li><li>" "$T/rv.out"

# A yes answered again as yes is listed twice; a no alone is not listed.
REVIEW_NOW='2026-12-02 12:00:00'
rv_ok safety --answer fever=yes
rv_ok report --format markdown
[ "$(grep -c '^  - ' "$T/rv.out")" = 3 ] || { cat "$T/rv.out" >&2; fail "not three yeses"; }
expect_grep "3 answered yes at some time:$" "$T/rv.out"
