#!/usr/bin/env bash
# report_120days: the therapist report of the 120-day log (build_120days.sh)
# as text and Markdown against expected files, the HTML checked for what it
# must and must not hold, -o FILE written whole and 0600, and a FILE that
# cannot be written refused with 73 and nothing left behind.
# The 120-day log comes from cli/build_120days, which run.sh runs first.
# after: cli/build_120days
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/build_120days.sh"
E="$(dirname "$0")/expected"
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0"

# A fresh log: the report says what is not there yet.
expect_exit 0 rv report
expect_grep "^None yet\.$" "$T/out"
expect_grep "^No check-in yet\.$" "$T/out"
expect_grep "Safety questions: not answered yet\." "$T/out"
expect_exit 0 rv report --format html
expect_grep "<p>None yet.</p>" "$T/out"

build_120days
before=$(sqlite3 "$T/log.db" .dump)

bins=("$BACKPAIN")
[ -x "${BACKPAIN_ASAN:-}" ] && bins+=("$BACKPAIN_ASAN")
for bin in "${bins[@]}"; do
	BP=$bin rv_ok report
	expect_same "$E/review_120days.report.txt" "$T/rv.out"
	BP=$bin rv_ok report --format text
	expect_same "$E/review_120days.report.txt" "$T/rv.out"
	BP=$bin rv_ok report --format markdown
	expect_same "$E/review_120days.report.md" "$T/rv.out"
	BP=$bin rv_ok report --format html
	cp "$T/rv.out" "$T/report.html"
done

# Nothing from the log or the pack reaches the terminal raw.
for f in "$E/review_120days.report.txt" "$E/review_120days.report.md" \
	"$T/report.html"; do
	if LC_ALL=C grep -q "$(printf '\033')" "$f"; then
		fail "$f holds a raw escape character"
	fi
done

# HTML: one self-contained page, escaped, with the chart and the words.
h=$T/report.html
expect_grep '^<!DOCTYPE html>$' "$h"
expect_grep '<meta charset="utf-8">' "$h"
expect_grep '@page' "$h"
expect_grep '<svg viewBox=' "$h"
expect_grep '<polyline' "$h"
expect_grep 'Stretch &lt;gently&gt; &amp; hold' "$h"
expect_grep '&lt;b&gt;sore&lt;/b&gt; &amp; \*stiff\*' "$h"
expect_grep 'mat at night \\e\[31mred' "$h"
expect_grep 'not a clinical measurement' "$h"
expect_grep 'Pain that wakes you at night, whatever your position?' "$h"
expect_grep '<b>meaningful</b>' "$h"
expect_grep '<b>unclear</b>' "$h"
# The chance it helped in tenths under each verdict, explained once.
expect_grep '<b>meaningful</b><div class="sub">&gt;9 &middot; 8 &middot; &lt;1</div>' "$h"
expect_grep 'Chance in 10: fell &middot; by 2 points or 30% &middot; rose as much' "$h"
if grep -Eiq '<script|<link|<img|<iframe|src=|href=|url\(|https?:' "$h"; then
	fail "the HTML refers to something outside itself"
fi
if grep -q 'Stretch <gently>' "$h"; then
	fail "the pack's title reached the HTML unescaped"
fi
html_balanced "$h" || fail "the HTML's tags do not balance"
# The check can fail: the report without its first </p> is caught.
sed '0,/<\/p>/s///' "$h" >"$T/unbalanced.html"
cmp -s "$h" "$T/unbalanced.html" && fail "no </p> in the HTML"
html_balanced "$T/unbalanced.html" 2>/dev/null &&
	fail "html_balanced missed a missing </p>"

# -o FILE: the same report, whole, 0600, nothing on stdout.
mkdir "$T/out.d"
echo "an older report" >"$T/out.d/r.html"
expect_exit 0 rv report --format html -o "$T/out.d/r.html"
[ -s "$T/out" ] && fail "report -o printed to stdout"
expect_same "$h" "$T/out.d/r.html"
[ "$(stat -c %a "$T/out.d/r.html")" = 600 ] || fail "the report file is not 0600"
expect_exit 0 rv report -o "$T/out.d/r.md"
expect_same "$E/review_120days.report.md" "$T/out.d/r.md"
expect_exit 0 rv report --output "$T/out.d/r.txt"
expect_same "$E/review_120days.report.txt" "$T/out.d/r.txt"
[ "$(ls "$T/out.d" | sort | tr '\n' ' ')" = "r.html r.md r.txt " ] ||
	{ ls -la "$T/out.d" >&2; fail "report -o left other files behind"; }

# A FILE that cannot be written: 73, the path and the reason, nothing made.
expect_exit 73 rv report -o "$T/no-such-dir/r.html"
expect_grep "cannot write the report to '$T/no-such-dir/r.html': No such file or directory" "$T/err"
[ -e "$T/no-such-dir" ] && fail "report -o made a directory"
mkdir "$T/adir"
expect_exit 73 rv report -o "$T/adir"
expect_grep "cannot write the report to '$T/adir': Is a directory" "$T/err"
[ -z "$(ls -A "$T/adir")" ] || fail "report -o left a file in the directory"
[ "$(ls "$T" | grep -c '^adir\.')" = 0 ] || fail "report -o left a temporary file"
expect_exit 64 rv report --format pdf
expect_grep "report: --format 'pdf': use text, markdown or html" "$T/err"
expect_exit 64 rv report -o
expect_grep "needs a value" "$T/err"
expect_exit 0 rv report --help
expect_grep "0600" "$T/out"

[ "$before" = "$(sqlite3 "$T/log.db" .dump)" ] || fail "report changed the log"
