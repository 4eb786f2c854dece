#!/usr/bin/env bash
# hostile_packs.sh: the repository's own hostile packs (tests/fixtures/
# hostile, listed with what they must give in expected.txt) and a few too
# large to keep in it, made here, through `pack check` of the sanitized
# build: anchors and aliases, tabs, duplicate keys, deep nesting, huge
# scalars and lists, bad UTF-8, BOMs, UTF-16, several documents, tags, flow
# style, NUL bytes, control characters, truncated files, a missing file, a
# directory. Each ends with its exact exit status and message (every line
# FILE:LINE:COLUMN, but the count of the rest), within 10 s and without a
# sanitizer report. This covers the loader without the YAML test suite.
. "$(dirname "$0")/../lib.sh"
dir="$TOP/tests/fixtures/hostile"
bin=$BACKPAIN_ASAN
[ -x "$bin" ] || fail "no $bin; make check builds it"

# check FILE CODE MESSAGE: `pack check FILE` (run in FILE's directory, so
# messages start with its name) exits CODE and says MESSAGE: for 0 the
# line "FILE: MESSAGE" alone on stdout; otherwise MESSAGE begins stderr
# after "FILE:" (a 66 has no position, so it follows "FILE: " there).
check() {
	local f=$1 want=$2 msg=$3 name rc first
	name=$(basename "$f")
	(cd "$(dirname "$f")" && timeout 10 "$bin" pack check "$name") \
		>"$T/out" 2>"$T/err"
	rc=$?
	if grep -qE 'runtime error|Sanitizer|LeakSanitizer' "$T/err"; then
		cat "$T/err" >&2
		fail "$name: sanitizer report"
	fi
	[ "$rc" != 124 ] || fail "$name: still running after 10 seconds"
	if [ "$rc" != "$want" ]; then
		cat "$T/out" "$T/err" >&2
		fail "$name: exit $rc, expected $want"
	fi
	case $want in
	0)
		[ "$(cat "$T/out")" = "$name: $msg" ] ||
			{ cat "$T/out" >&2; fail "$name: stdout is not '$name: $msg'"; }
		[ ! -s "$T/err" ] || { cat "$T/err" >&2; fail "$name: stderr"; }
		;;
	*)
		first=$(head -n 1 "$T/err")
		[ "$first" = "$name:$msg" ] || [ "$first" = "$name: $msg" ] ||
			{ cat "$T/err" >&2; fail "$name: '$first', expected '$name:$msg'"; }
		[ ! -s "$T/out" ] || { cat "$T/out" >&2; fail "$name: stdout"; }
		if [ "$want" = 65 ] && grep -vqE "^$name:[0-9]+:[0-9]+: |^backpain: \.\.\. and [0-9]+ more errors$" "$T/err"; then
			cat "$T/err" >&2
			fail "$name: a message without FILE:LINE:COLUMN"
		fi
		;;
	esac
}

# The packs kept in the repository, each listed once.
n=0
grep -v '^#' "$dir/expected.txt" >"$T/expected"
for f in "$dir"/*.yaml; do
	grep -q "^$(basename "$f") " "$T/expected" ||
		fail "$(basename "$f") is not in expected.txt"
done
while read -r name code msg; do
	[ -e "$dir/$name" ] || fail "expected.txt lists $name, which is not there"
	check "$dir/$name" "$code" "$msg"
	n=$((n + 1))
done <"$T/expected"
[ "$n" -ge 50 ] || fail "only $n hostile packs"

# Made here: too large to keep, or not files at all.
g=$T/made
mkdir -p "$g"
base=$dir/ok-base.yaml
lines=$(wc -l <"$base")
after=$((lines + 1))
# A scalar of 900 000 bytes fits in the 1 MiB a pack may have.
{ grep -v '^about:' "$base"; printf 'about: '; head -c 900000 /dev/zero |
	tr '\0' a; echo; } >"$g/huge-scalar.yaml"
check "$g/huge-scalar.yaml" 0 "ok, 1 approach, 1 practice"
# One byte over 1 MiB is refused before it is parsed.
{ cat "$base"; printf 'x: '; head -c $((1048577 - $(wc -c <"$base") - 4)) \
	/dev/zero | tr '\0' a; echo; } >"$g/too-big.yaml"
[ "$(wc -c <"$g/too-big.yaml")" = 1048577 ] || fail "too-big.yaml is not 1 MiB + 1"
check "$g/too-big.yaml" 65 "1:1: the file is larger than 1048576 bytes (1 MiB)"
# 10 000 open brackets, never closed.
{ cat "$base"; printf 'x: '; head -c 10000 /dev/zero | tr '\0' '['; echo; } \
	>"$g/deep-10000.yaml"
check "$g/deep-10000.yaml" 65 "$after:35: nested deeper than 32 levels"
# A list of 200 001 items where a list belongs.
awk '/^    suits:/ { printf "    suits: ["; for (i = 0; i < 200000; i++)
	printf "a,"; print "a]"; next } { print }' "$base" >"$g/long-list.yaml"
check "$g/long-list.yaml" 0 "ok, 1 approach, 1 practice"
# 100 000 escapes in one double-quoted scalar.
{ grep -v '^about:' "$base"; printf 'about: "'; awk 'BEGIN {
	for (i = 0; i < 100000; i++) printf "\\u00e9" }'; echo '"'; } \
	>"$g/many-escapes.yaml"
check "$g/many-escapes.yaml" 0 "ok, 1 approach, 1 practice"
# A key of 100 000 characters with no colon after it.
{ cat "$base"; head -c 100000 /dev/zero | tr '\0' k; echo; } >"$g/long-key.yaml"
check "$g/long-key.yaml" 65 "$((after + 1)):1: invalid YAML: could not find expected ':' (while scanning a simple key at line $after, column 1)"
# 100 errors: the first 20, then their count.
{ cat "$base"; awk 'BEGIN { for (i = 0; i < 100; i++) printf "unknown%d: 1\n", i }'; } \
	>"$g/many-errors.yaml"
check "$g/many-errors.yaml" 65 "$after:1: unknown key 'unknown0' in the pack"
[ "$(wc -l <"$T/err")" = 21 ] || { cat "$T/err" >&2; fail "not 20 errors and a count"; }
expect_grep '^backpain: \.\.\. and 80 more errors$' "$T/err"
# Lessons (issue 20): an `after:` of 150 001 moments is refused by its
# count, without comparing the moments in pairs; 15 000 lessons that all
# take the approach's id are reported in one sorted pass.
{ cat "$base"; printf 'lessons:\n  - id: l\n    title: T\n    text: T\n'
	printf '    sources: [S]\n    after: ['; awk 'BEGIN {
	for (i = 0; i < 150000; i++) printf "flare,"; print "flare]" }'; } \
	>"$g/long-after.yaml"
check "$g/long-after.yaml" 65 "$((after + 5)):12: expected 1 to 67 items in 'after', got 150001"
{ cat "$base"; echo 'lessons:'; awk 'BEGIN { for (i = 0; i < 15000; i++)
	print "  - {id: walking, title: T, text: T, sources: [S]}" }'; } \
	>"$g/many-lessons.yaml"
check "$g/many-lessons.yaml" 65 "$((after + 1)):10: lesson id 'walking' is already the id of an approach (line 28, column 9); a lesson's id must differ from every other id"
# Not a pack at all: 66, the path and the reason.
check "$g/missing.yaml" 66 "cannot read: No such file or directory"
mkdir "$g/dir.yaml"
check "$g/dir.yaml" 66 "cannot read: Is a directory"
ln -s nowhere.yaml "$g/dangling.yaml"
check "$g/dangling.yaml" 66 "cannot read: No such file or directory"
echo "checked $n hostile packs of $dir and 12 made here"
