#!/usr/bin/env bash
# backpain.1 passes mandoc's lint, style checks included, and documents every
# command and every long option that `backpain --help` names.
. "$(dirname "$0")/../lib.sh"

page=$TOP/backpain.1
command -v mandoc >/dev/null || { echo "mandoc is not installed"; exit 77; }

# Whether the manuals it refers to exist, or mandoc's own database is
# current, depends on the machine, not on the page: those lines are left out.
mandoc -Tlint -Wstyle "$page" >"$T/lint" 2>&1
grep -v -e 'referenced manual not found' -e 'outdated mandoc.db' \
	-e 'run makewhatis' "$T/lint" >"$T/lint.page" || true
[ ! -s "$T/lint.page" ] || { cat "$T/lint.page" >&2; fail "mandoc -Tlint"; }

# It renders, with the sections a reader looks for. Overstrikes removed.
mandoc -Tascii "$page" >"$T/raw" || fail "mandoc cannot render it"
sed 's/.\x08//g' "$T/raw" >"$T/page"
for sec in NAME SYNOPSIS DESCRIPTION COMMANDS ENVIRONMENT FILES \
	'EXIT STATUS' EXAMPLES 'SEE ALSO'; do
	expect_grep "^$sec\$" "$T/page"
done
section() { # NAME: the rendered text of one section
	awk -v s="$1" '/^[A-Z]/ { on = ($0 == s) } on' "$T/page"
}

expect_exit 0 "$BACKPAIN" --help
cp "$T/out" "$T/help"
# Commands: the word after "backpain" on each usage line. Each one heads an
# entry of COMMANDS.
awk '$1 == "backpain" { print $2 }
	$1 == "usage:" && $2 == "backpain" { print $3 }' "$T/help" | grep -E '^[a-z]+$' | sort -u >"$T/commands"
[ "$(wc -l <"$T/commands")" -ge 10 ] ||
	{ cat "$T/help" >&2; fail "found too few commands in --help"; }
section COMMANDS >"$T/commands-section"
while read -r cmd; do
	grep -q -E "^     $cmd( |\$)" "$T/commands-section" ||
		fail "command $cmd from --help is not in COMMANDS of backpain.1"
done <"$T/commands"
# Options: every --long option in the help appears as Fl \-long.
grep -o -E -- '--[a-z][a-z-]*' "$T/help" | sort -u >"$T/options"
while read -r opt; do
	grep -q -F -- "Fl \\${opt#-}" "$page" ||
		fail "option $opt from --help is not in backpain.1"
done <"$T/options"
# Each command's own --help names options the page must also document.
while read -r cmd; do
	"$BACKPAIN" "$cmd" --help >"$T/cmd-help" 2>&1 || true
	grep -o -E -- '--[a-z][a-z-]*' "$T/cmd-help" | sort -u |
		while read -r opt; do
			grep -q -F -- "Fl \\${opt#-}" "$page" ||
				fail "option $opt of $cmd is not in backpain.1"
		done || exit 1
done <"$T/commands"

# Every long option in the option tables of the source, which may be ahead
# of the help text.
cat "$TOP"/src/main.c "$TOP"/src/cli/*.c |
	grep -o -E '\{"[a-z][a-z-]*", *(no|required|optional)_argument' |
	sed -E 's/^\{"([a-z-]*)".*/--\1/' | sort -u >"$T/source-options"
[ "$(wc -l <"$T/source-options")" -ge 15 ] ||
	fail "found too few options in the source"
while read -r opt; do
	grep -q -F -- "Fl \\${opt#-}" "$page" ||
		fail "option $opt of the source is not in backpain.1"
done <"$T/source-options"

# The exit codes of DESIGN.md section 5 are all explained.
for code in 0 1 64 65 66 73 74 75 77; do
	section "EXIT STATUS" | grep -q -E "^ +$code( |\$)" ||
		fail "exit status $code is not in EXIT STATUS"
done
# The environment it reads.
for var in BACKPAIN_DB BACKPAIN_PACK NO_COLOR XDG_DATA_HOME XDG_CONFIG_HOME \
	HOME TZ; do
	grep -q -E "^\.It .*Ev $var( |\$)" "$page" || fail "$var not in ENVIRONMENT"
done
exit 0
