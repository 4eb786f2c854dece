#!/usr/bin/env bash
# robust/tools: no test calls python. `make test` installs every tool the
# tests use (the Makefile's TEST_DEBS), and python is deliberately not one
# of them: a fresh Debian 12 (minbase) has no python3, so a test that runs
# it fails there. Flags, in any text file under tests/ but this one, a line
# that runs python, python3 or pythonX.Y (a `#!` line included; other
# comment lines are skipped), and any *.py file.
. "$(dirname "$0")/../lib.sh"
self=$(basename "$0")

grep -rnIE --exclude="$self" \
	'(^|[^A-Za-z0-9_.-])python[0-9.]*([[:space:];&|)`"'"'"']|$)' "$TOP/tests" |
	grep -vE '^[^:]*:[0-9]+:[[:space:]]*#([^!]|$)' >"$T/calls"
find "$TOP/tests" -name '*.py' >>"$T/calls"
[ ! -s "$T/calls" ] || {
	sed "s|^$TOP/||" "$T/calls" >&2
	fail "tests call python (above), which make test does not install" \
		"(not in TEST_DEBS; a fresh Debian 12 has no python3):" \
		"write them in sh or POSIX awk"
}
echo "no test calls python"
