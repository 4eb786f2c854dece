#!/usr/bin/env bash
# yaml_suite.sh: every input of the YAML test suite ($SHARED/yaml-test-suite,
# 402 files, valid YAML and not) through the sanitized `pack check`. Each
# must end in 0 (a valid pack) or 65 with its reasons on stderr, one
# FILE:LINE:COLUMN line each; never a crash, a hang (10 s) or a sanitizer
# report (run.sh makes those exit 99). The suite is not part of this
# repository: without it the test is skipped (exit 77), and the loader is
# still covered by robust/hostile_packs and robust/fuzz.
. "$(dirname "$0")/../lib.sh"
suite="$SHARED/yaml-test-suite"
want=402

if [ ! -d "$suite" ]; then
	echo "skipped: no YAML test suite at $suite (set SHARED to the directory that holds yaml-test-suite/)"
	exit 77
fi

[ -x "$BACKPAIN_ASAN" ] || fail "no $BACKPAIN_ASAN; make check builds it"
n=0 valid=0 refused=0
for f in "$suite"/*.yaml; do
	[ -e "$f" ] || continue
	n=$((n + 1))
	timeout 10 "$BACKPAIN_ASAN" pack check "$f" >"$T/out" 2>"$T/err"
	rc=$?
	case $rc in
	0) valid=$((valid + 1)) ;;
	65) refused=$((refused + 1))
	    [ -s "$T/err" ] || fail "$f: exit 65 with nothing on stderr" ;;
	124) fail "$f: still running after 10 seconds" ;;
	*) cat "$T/err" >&2
	   fail "$f: exit $rc" ;;
	esac
	if grep -qE 'runtime error|Sanitizer' "$T/err"; then
		cat "$T/err" >&2
		fail "$f: sanitizer report"
	fi
	# Every line names the file and a position, but the count of the rest.
	if grep -vqE "^$f:[0-9]+:[0-9]+: |^backpain: \.\.\. and [0-9]+ more" \
		"$T/err"; then
		cat "$T/err" >&2
		fail "$f: a message without FILE:LINE:COLUMN"
	fi
done
echo "checked $n files of $suite: $valid valid packs, $refused refused"
[ "$n" -ge "$want" ] || fail "found $n files in $suite, expected $want"
