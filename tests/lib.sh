# lib.sh: shared helpers for the shell tests; source it first.
# Gives each test a private temporary HOME and removes it afterwards.
set -u
T=$(mktemp -d "${TMPDIR:-/tmp}/backpain-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home"
mkdir -p "$HOME"
unset XDG_DATA_HOME XDG_CONFIG_HOME BACKPAIN_DB BACKPAIN_PACK NO_COLOR
export LC_ALL=C.UTF-8 TZ=UTC
: "${BACKPAIN:?run through tests/run.sh or set BACKPAIN}"

# fail MESSAGE: end the test as failed.
fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# expect_exit CODE COMMAND...: run COMMAND (output to $T/out, $T/err) and
# fail unless it exits with CODE.
expect_exit() {
	local want=$1 rc
	shift
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
	if [ "$rc" != "$want" ]; then
		echo "--- stdout:" >&2; cat "$T/out" >&2
		echo "--- stderr:" >&2; cat "$T/err" >&2
		fail "$* exited $rc, expected $want"
	fi
}

# expect_same EXPECTED_FILE ACTUAL_FILE: fail with a diff unless equal.
expect_same() {
	diff -u "$1" "$2" >&2 || fail "$2 differs from $1"
}

# expect_grep PATTERN FILE: fail unless FILE has a line matching PATTERN.
expect_grep() {
	grep -q -e "$1" "$2" || { cat "$2" >&2; fail "no '$1' in $2"; }
}
