#!/usr/bin/env bash
# makefile.sh: the Makefile honours CPPFLAGS on every compile line and
# LDFLAGS on every link line (plain, sanitized, unit tests, fuzzer, pack
# generator, bench tools), read from `make -n` into an empty build
# directory; `make clean` removes $(B) wherever it is, and nothing else;
# in a git checkout, .gitignore covers what the build writes and no file
# of the repository.
. "$(dirname "$0")/../lib.sh"
command -v make >/dev/null || { echo "make is not installed"; exit 77; }

b=$T/b
make --no-print-directory -n -C "$TOP" B="$b" CC=cc FUZZCC=clang \
	CPPFLAGS=-DBP_CPPFLAGS_MARK LDFLAGS=-Lbp-ldflags-mark \
	check "$b/bench/genlog" "$b/bench/run" >"$T/dry" 2>"$T/dry.err" ||
	{ cat "$T/dry.err" >&2; fail "make -n failed"; }
# One command a line: continuation lines joined.
sed -e ':a' -e '/\\$/{N; s/\\\n//; ba' -e '}' "$T/dry" |
	grep -E '^(cc|clang) ' >"$T/commands"
compiles=$(grep -c -- ' -c ' "$T/commands")
links=$(grep -vc -- ' -c ' "$T/commands")
[ "$compiles" -ge 40 ] || { cat "$T/dry" >&2; fail "only $compiles compile lines"; }
[ "$links" -ge 5 ] || { cat "$T/dry" >&2; fail "only $links link lines"; }
grep -- ' -c ' "$T/commands" | grep -v -- '-DBP_CPPFLAGS_MARK' >"$T/bad"
[ ! -s "$T/bad" ] ||
	{ head -n 3 "$T/bad" >&2; fail "$(wc -l <"$T/bad") compile lines without CPPFLAGS"; }
grep -v -- ' -c ' "$T/commands" | grep -v -- '-Lbp-ldflags-mark' >"$T/bad"
[ ! -s "$T/bad" ] ||
	{ head -n 3 "$T/bad" >&2; fail "$(wc -l <"$T/bad") link lines without LDFLAGS"; }
# The fuzzer compiles and links in one line: it takes both.
grep -- '-fsanitize=fuzzer' "$T/commands" | grep -- '-DBP_CPPFLAGS_MARK' |
	grep -q -- '-Lbp-ldflags-mark' || fail "the fuzzer line lacks CPPFLAGS or LDFLAGS"
echo "$compiles compile and $links link lines take CPPFLAGS and LDFLAGS"

# make clean removes $(B), wherever it is, and leaves the build in use.
mkdir -p "$b/obj/src" "$T/keep"
: >"$b/obj/src/x.o"
: >"$T/keep/x.o"
make --no-print-directory -C "$TOP" B="$b" clean >"$T/clean" 2>&1 ||
	{ cat "$T/clean" >&2; fail "make clean B=$b failed"; }
[ ! -e "$b" ] || fail "make clean B=$b left $b"
[ -e "$T/keep/x.o" ] || fail "make clean removed more than \$(B)"
[ -x "$BACKPAIN" ] || fail "make clean B=$b removed the build in use"

# .gitignore, in a git checkout with git installed.
if command -v git >/dev/null &&
	git -C "$TOP" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	g() { git --no-optional-locks -C "$TOP" "$@"; }
	for f in build/backpain build/asan/src/store.o build/obj/src/ui/ui.d \
		build/test-logs/cli_checkin.log build/fuzz/corpus/x src/x.o \
		src/x.d build/libbackpain.a; do
		g check-ignore -q "$f" || fail ".gitignore does not cover $f"
	done
	g ls-files -c -i --exclude-standard >"$T/tracked-ignored"
	[ ! -s "$T/tracked-ignored" ] ||
		{ cat "$T/tracked-ignored" >&2; fail ".gitignore covers tracked files"; }
	# Nothing the build in use wrote shows as untracked.
	case $B in
	"$TOP"/*)
		g status --porcelain --untracked-files=all -- "${B#"$TOP"/}" >"$T/untracked"
		[ ! -s "$T/untracked" ] ||
			{ head "$T/untracked" >&2; fail "build outputs not ignored"; }
		;;
	esac
else
	echo "not a git checkout: .gitignore not checked"
fi
exit 0
