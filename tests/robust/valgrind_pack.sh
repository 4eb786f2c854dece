#!/usr/bin/env bash
# valgrind_pack.sh: the unsanitized binary under valgrind's memcheck on the
# loader's paths: the real guide, the built-in pack, a pack with several
# errors, a syntax error, a missing file. No invalid read or write, no use
# of uninitialised memory, no definite leak.
. "$(dirname "$0")/../lib.sh"
command -v valgrind >/dev/null || { echo "valgrind is not installed"; exit 77; }
FIX="$TOP/tests/fixtures/packs"

# A definite leak counts as an error, so any of them exits 99.
vg() {
	valgrind -q --leak-check=full --errors-for-leak-kinds=definite \
		--error-exitcode=99 "$BACKPAIN" "$@"
}
expect_exit 0 vg pack check "$TOP/content/guide.yaml"
expect_exit 0 vg pack list
expect_exit 65 vg pack check "$FIX/bad.yaml"
expect_grep "^$FIX/bad.yaml:56:5: duplicate key 'effort'" "$T/err"
printf 'format: 1\nid: [x\n' >"$T/syntax.yaml"
expect_exit 65 vg pack check "$T/syntax.yaml"
expect_exit 66 vg pack check "$T/nowhere.yaml"
exit 0
