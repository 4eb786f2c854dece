#!/usr/bin/env bash
# Figures are written with a '.' in every locale: a German locale (decimal
# comma) must not turn "4.3" into "4,3", which would also break the CSV and
# JSON that carry the same figures.
. "$(dirname "$0")/../lib.sh"

mkdir -p "$T/locale"
localedef -i de_DE -f UTF-8 "$T/locale/de_DE.UTF-8" 2>"$T/localedef.err" ||
	{ echo "cannot build de_DE.UTF-8: $(cat "$T/localedef.err")"; exit 77; }
export LOCPATH="$T/locale"
[ "$(LC_ALL=de_DE.UTF-8 locale decimal_point)" = , ] ||
	{ echo "the test locale does not use a decimal comma"; exit 77; }

for d in 2026-11-17 2026-11-18 2026-11-19 2026-11-20 2026-11-21 2026-11-22 \
	2026-11-23; do
	plain bp_on "$d" checkin 4 >/dev/null || fail "checkin $d"
done
plain bp checkin 5 >/dev/null || fail "checkin today"
# The safety question answered, as the first run would: no approach
# starts before it is (issue 11).
plain bp safety --answer numb=no >/dev/null || fail "safety answers"
plain bp start alpha --date 2026-11-10 >/dev/null || fail "start"

LC_ALL=de_DE.UTF-8 bp status >"$T/status" || fail "status"
expect_grep '7-day mean 4\.1' "$T/status"
LC_ALL=de_DE.UTF-8 bp checkin 5 >"$T/checkin" || fail "checkin"
expect_grep '4\.1' "$T/checkin"
LC_ALL=de_DE.UTF-8 bp review >"$T/review" || fail "review"
if grep -q '[0-9],[0-9]' "$T/review"; then
	cat "$T/review" >&2
	fail "review printed a decimal comma"
fi
echo "figures keep their '.' under de_DE.UTF-8"
