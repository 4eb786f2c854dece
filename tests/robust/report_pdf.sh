#!/usr/bin/env bash
# report_pdf: the HTML report of the 120-day log (tests/cli/build_120days.sh)
# opens in headless Chromium and prints to PDF without errors, on Letter
# (Chromium's default paper) and on A4, in one or two pages. The same log
# with a habit, two flare-ups and interference ratings (REVIEW_ISSUE12,
# issue 12) prints on one page, with the flare-up summary and interference.
# The 120-day logs come from cli/build_120days, which run.sh runs first.
# after: cli/build_120days
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../cli/build_120days.sh"

CHROMIUM=$(command -v chromium || command -v chromium-browser) || {
	echo "skip: chromium is not installed ('make test' installs it)"
	exit 77
}

# print_pdf HTML PDF: Chromium prints the page, offline and in a throw-away
# profile; fails unless it exits 0 and writes a PDF.
print_pdf() {
	rm -f "$2"
	timeout 180 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
		--disable-background-networking --disable-component-update \
		--disable-sync --no-first-run --user-data-dir="$T/chrome" \
		--print-to-pdf="$2" "file://$1" >"$T/chrome.log" 2>&1 ||
		{ cat "$T/chrome.log" >&2; fail "chromium failed on $1"; }
	head -c 5 "$2" 2>/dev/null | grep -q '^%PDF-' ||
		{ cat "$T/chrome.log" >&2; fail "chromium wrote no PDF for $1"; }
}

# pages PDF: its number of pages (page objects, not the /Pages tree).
pages() {
	if command -v pdfinfo >/dev/null; then
		pdfinfo "$1" | sed -n 's/^Pages: *//p'
	else
		LC_ALL=C grep -a -E -o '/Type */Page([^s]|$)' "$1" | wc -l
	fi
}

# one_or_two PDF PAPER: fail unless PDF has 1 or 2 pages (and, with
# pdfinfo, is on PAPER).
one_or_two() {
	local n
	n=$(pages "$1")
	[ "$n" = 1 ] || [ "$n" = 2 ] || fail "$1 has $n pages, not one or two"
	if command -v pdfinfo >/dev/null; then
		pdfinfo "$1" | grep -qi "^Page size:.*($2)" ||
			{ pdfinfo "$1" >&2; fail "$1 is not on $2 paper"; }
	fi
	if command -v pdftotext >/dev/null; then
		pdftotext "$1" "$T/pdf.txt"
		expect_grep "Pain log summary" "$T/pdf.txt"
		expect_grep "Approaches tried" "$T/pdf.txt"
		expect_grep "not a clinical measurement" "$T/pdf.txt"
	fi
	echo "$1: $n page(s) on $2"
}

build_120days
rv_ok report --format html -o "$T/report.html"

print_pdf "$T/report.html" "$T/r.pdf"
one_or_two "$T/r.pdf" letter

# The same page on A4: only the paper size is set.
sed 's/@page{/@page{size:A4;/' "$T/report.html" >"$T/a4.html"
grep -q '@page{size:A4;' "$T/a4.html" || fail "no @page rule to set A4 in"
print_pdf "$T/a4.html" "$T/a4.pdf"
one_or_two "$T/a4.pdf" A4

# Issue 12: one page, with the flare-ups, interference and the habit.
DB="$T/issue12.db" REVIEW_ISSUE12=1 build_120days
DB="$T/issue12.db" rv_ok report --format html -o "$T/issue12.html"
for paper in letter A4; do
	html="$T/issue12.html"
	if [ "$paper" = A4 ]; then
		sed 's/@page{/@page{size:A4;/' "$T/issue12.html" >"$T/issue12-a4.html"
		html="$T/issue12-a4.html"
	fi
	print_pdf "$html" "$T/issue12.pdf"
	n=$(pages "$T/issue12.pdf")
	[ "$n" = 1 ] || fail "the issue 12 report has $n pages on $paper, not one"
	if command -v pdftotext >/dev/null; then
		# One line, so that a phrase broken across lines still reads.
		pdftotext "$T/issue12.pdf" - | tr -s '\n ' '  ' >"$T/issue12.txt"
		expect_grep "Flare-ups" "$T/issue12.txt"
		expect_grep "2 flare-ups (2026-09: 1, 2026-11: 1)" "$T/issue12.txt"
		expect_grep "Used: Lie on the mat 1 time, pain 2.0 lower" "$T/issue12.txt"
		expect_grep "Interference" "$T/issue12.txt"
		# The review's windows (issue 18): from settling in on, not
		# the last 7 days.
		expect_grep "5.2 → 2.5" "$T/issue12.txt"
		expect_grep "Blue dashes: the same mean of interference" "$T/issue12.txt"
		expect_grep "kept as a habit since 2026-10-05, practised on 4 of 51 days" "$T/issue12.txt"
	fi
	echo "issue 12 report: 1 page on $paper"
done
