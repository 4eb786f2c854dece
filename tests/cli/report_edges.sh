#!/usr/bin/env bash
# report_edges: what keeps the report on one page (notes cut to 200
# characters, the curves to the last 12 months), a usual pain unrated at
# the first run (the mean of the log's first 7 days instead), and a note
# that tries to drive the terminal.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/build_120days.sh"
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0"
[ -x "${BACKPAIN_ASAN:-}" ] && BP=$BACKPAIN_ASAN

long=$(printf 'é%.0s' $(seq 1 150))$(printf 'x%.0s' $(seq 1 150))
rv_on 2025-01-15 checkin 7 --note "a year and more ago"
rv_on 2026-11-18 checkin 5
rv_on 2026-11-20 checkin 3 --note "$long"
rv_on 2026-11-21 checkin 4 --note "$(printf 'bell\a and \033]0;title\007 osc')"

rv_ok report
r=$T/rv.out
# 150 two-byte and 50 one-byte characters, then the ellipsis.
want="2026-11-20, pain 3: $(printf 'é%.0s' $(seq 1 150))$(printf 'x%.0s' $(seq 1 50))…"
# (A word longer than a line goes on a line of its own.)
tr '\n' ' ' <"$r" | grep -qF -e "$want 2026-11-21" ||
	{ cat "$r" >&2; fail "a long note is not cut to 200 characters"; }
expect_grep '^2026-11-21, pain 4: bell\\x07 and \\e\]0;title\\x07 osc$' "$r"
LC_ALL=C grep -q "$(printf '[\007\033]')" "$r" && fail "a control character reached the report"
expect_grep "^The last 12 months\. One mark a day" "$r"
[ "$(grep -c '^20[0-9][0-9]-[0-9][0-9]  ' "$r")" = 12 ] || { cat "$r" >&2; fail "not 12 month lines"; }
expect_grep "^2025-12  " "$r"
expect_grep "^2026-11  " "$r"
expect_grep "^Log: 2025-01-15 to 2026-11-21, 4 check-ins on 676 days\.$" "$r"
expect_grep "^Usual pain at the start: not rated at the first run; the log's first 7 days" "$r"
expect_grep "average 7.00 (1 check-in)\.$" "$r"

rv_ok report --format html
expect_grep 'The last 12 months\. Dots:' "$T/rv.out"
expect_grep '<title>Daily pain from 2025-12-01 to 2026-11-24</title>' "$T/rv.out"
rv_ok report --format markdown
expect_grep '^- 2026-11-21, pain 4: bell\\x07 and \\e\\\]0;title\\x07 osc$' "$T/rv.out"
