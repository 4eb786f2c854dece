#!/usr/bin/env bash
# yaml_suite.sh: every input of the YAML test suite ($SHARED/yaml-test-suite,
# 402 files, valid YAML and not) through the sanitized `pack check`. Each
# must end valid (its "FILE: ok" line) or refused with its reasons on
# stderr, one FILE:LINE:COLUMN line each; never a crash, a hang (10 s) or a
# sanitizer report (run.sh makes those exit 99). The files go to one
# `pack check FILE...`, which checks each in turn and exits with the worst
# status (0, or 65 when one was refused); its output is read back file by
# file. When that run goes wrong in any way, each file is checked alone
# (exit 0 or 65, in 10 s, as above), which names the culprit. The suite is
# not part of this repository: without it the test is skipped (exit 77),
# and the loader is still covered by robust/hostile_packs and robust/fuzz.
. "$(dirname "$0")/../lib.sh"
suite="$SHARED/yaml-test-suite"
want=402

if [ ! -d "$suite" ]; then
	echo "skipped: no YAML test suite at $suite (set SHARED to the directory that holds yaml-test-suite/)"
	exit 77
fi

[ -x "$BACKPAIN_ASAN" ] || fail "no $BACKPAIN_ASAN; make check builds it"
files=()
for f in "$suite"/*.yaml; do
	[ -e "$f" ] && files+=("$f")
done
n=${#files[@]}
[ "$n" -ge "$want" ] || fail "found $n files in $suite, expected $want"

# check_alone FILE: FILE checked in a process of its own, counted in valid
# or refused; fails the test unless it ends as the top of this file says.
check_alone() {
	local f=$1 rc
	timeout 10 "$BACKPAIN_ASAN" pack check "$f" >"$T/out1" 2>"$T/err1"
	rc=$?
	case $rc in
	0) valid=$((valid + 1)) ;;
	65) refused=$((refused + 1))
	    [ -s "$T/err1" ] || fail "$f: exit 65 with nothing on stderr" ;;
	124) fail "$f: still running after 10 seconds" ;;
	*) cat "$T/err1" >&2
	   fail "$f: exit $rc" ;;
	esac
	if grep -qE 'runtime error|Sanitizer' "$T/err1"; then
		cat "$T/err1" >&2
		fail "$f: sanitizer report"
	fi
	# Every line names the file and a position, but the count of the rest.
	if grep -vqE "^$f:[0-9]+:[0-9]+: |^backpain: \.\.\. and [0-9]+ more" \
		"$T/err1"; then
		cat "$T/err1" >&2
		fail "$f: a message without FILE:LINE:COLUMN"
	fi
}

# All at once, within the 10 s one file had (they take a fraction of a
# second together).
printf '%s\n' "${files[@]}" >"$T/files"
timeout 10 "$BACKPAIN_ASAN" pack check "${files[@]}" >"$T/out" 2>"$T/err"
rc=$?
# Read back: each file has its ok line on stdout or its reasons on stderr,
# never both nor neither; its reasons come together, in the order of the
# files, each naming the file and a position, but the count of the rest
# (after a reason of its file). Prints the counts of valid and refused
# files, or why the output is wrong.
counts=$(awk -v files="$T/files" -v out="$T/out" '
	function bad(why) { print why; failed = 1; exit 1 }
	FILENAME == files { idx[$0] = FNR; name[FNR] = $0; n = FNR; next }
	FILENAME == out {
		p = index($0, ": ok, ")
		f = substr($0, 1, p - 1)
		if (p == 0 || !(f in idx) || (f in ok))
			bad("a line out of place on stdout: " $0)
		ok[f] = 1
		next
	}
	/^backpain: \.\.\. and [0-9]+ more/ {
		if (last == "")
			bad("a count of more errors before any error")
		next
	}
	{
		if (!match($0, /:[0-9]+:[0-9]+: /))
			bad("a message without FILE:LINE:COLUMN: " $0)
		f = substr($0, 1, RSTART - 1)
		if (!(f in idx))
			bad("a message of no file checked: " $0)
		if (f != last && (f in refused))
			bad(f ": its messages are not together")
		if (last != "" && idx[f] < idx[last])
			bad(f ": its messages come after those of " last)
		refused[f] = 1
		last = f
	}
	END {
		if (failed)
			exit 1
		for (i = 1; i <= n; i++) {
			f = name[i]
			if ((f in ok) && (f in refused))
				bad(f ": both valid and refused")
			if (!(f in ok) && !(f in refused))
				bad(f ": neither valid nor refused")
			if (f in ok)
				valid++
		}
		print valid + 0, n - valid
	}' "$T/files" "$T/out" "$T/err")
read_ok=$?
read -r valid refused <<<"$counts"
why=
if grep -qE 'runtime error|Sanitizer' "$T/err"; then
	why="a sanitizer report"
elif [ "$rc" = 124 ]; then
	why="still running after 10 seconds"
elif [ "$rc" != 0 ] && [ "$rc" != 65 ]; then
	why="exit $rc"
elif [ "$read_ok" != 0 ]; then
	why=$counts
elif [ "$rc" != "$([ "$refused" -gt 0 ] && echo 65 || echo 0)" ]; then
	why="exit $rc with $refused files refused"
fi
if [ -n "$why" ]; then
	tail -n 20 "$T/err" >&2
	echo "pack check of all the files: $why; checking each alone" >&2
	valid=0 refused=0
	for f in "${files[@]}"; do
		check_alone "$f"
	done
	# Each passes alone. Ten seconds are each file's, not all of them
	# together's (a loaded machine); anything else is a fault of checking
	# many files in one process.
	[ "$rc" = 124 ] && [ "$why" = "still running after 10 seconds" ] ||
		fail "pack check of all the files: $why, though each file alone passes"
fi
echo "checked $n files of $suite: $valid valid packs, $refused refused"
