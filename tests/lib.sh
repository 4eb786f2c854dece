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

# Helpers for the tests of the daily commands (tests/cli, tests/robust).
# CLI_PACK is the small fixture pack, CLI_NOW the fixed "now" of the
# scenarios; bp runs the sanitized binary (the plain one when there is no
# sanitized build; BP=PATH to choose) at CLI_NOW on the log $DB (default
# $T/log.db) with that pack. libfaketime is preloaded ahead of the
# sanitizer's runtime, which ASan must be told is fine.
CLI_PACK="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/fixtures/packs/cli.yaml"
CLI_NOW='2026-11-24 12:00:00'
bp() {
	local bin=${BP:-${BACKPAIN_ASAN:-}}
	[ -n "$bin" ] && [ -x "$bin" ] || bin=$BACKPAIN
	ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" \
		faketime "$CLI_NOW" "$bin" --db "${DB:-$T/log.db}" \
		--pack "$CLI_PACK" "$@"
}

# log_dump: the whole log at $DB as SQL text, for before/after comparisons.
log_dump() {
	sqlite3 "${DB:-$T/log.db}" .dump
}

# step ARGS...: run bp ARGS and append to $T/transcript the command, its
# stdout, its stderr (lines marked "stderr: ") and its exit status.
step() {
	local rc
	bp "$@" >"$T/step.out" 2>"$T/step.err"
	rc=$?
	{
		printf '$ backpain'
		printf ' %q' "$@"
		printf '\n'
		cat "$T/step.out"
		sed 's/^/stderr: /' "$T/step.err"
		printf '[exit %d]\n' "$rc"
	} >>"$T/transcript"
	return 0
}

# refuse CODE ARGS...: like step, and fail unless bp ARGS exits CODE and
# leaves the log exactly as it was.
refuse() {
	local want=$1 before after rc
	shift
	before=$(log_dump)
	step "$@"
	rc=$(tail -n 1 "$T/transcript")
	after=$(log_dump)
	[ "$rc" = "[exit $want]" ] || { tail -n 5 "$T/transcript" >&2; fail "$* gave $rc, expected $want"; }
	[ "$before" = "$after" ] || fail "$* changed the log"
}

# faketime [-f] SPEC COMMAND...: run COMMAND with the clock set by SPEC
# ("2026-11-24 12:00:00" starts the clock there; -f passes a libfaketime
# spec such as "@2026-11-24 12:00:00 x60" as it is). This shadows the
# faketime wrapper on purpose: the wrapper keeps a semaphore in /dev/shm per
# process and leaves it behind when killed, and a later wrapper whose pid
# matches then fails with "sem_open: File exists". Preloading the library
# directly needs no shared state. NO_FAKE_STAT: files keep their real times,
# the same in every process (the log's stamp compares them).
FAKETIME_LIB=
for _f in /usr/lib/*/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1 \
	/usr/local/lib/faketime/libfaketime.so.1; do
	[ -e "$_f" ] && { FAKETIME_LIB=$_f; break; }
done
faketime() {
	local spec
	[ -n "$FAKETIME_LIB" ] || { echo "libfaketime not found" >&2; return 127; }
	if [ "$1" = -f ]; then
		spec=$2
		shift 2
	else
		spec="@$(date -d "$1" '+%Y-%m-%d %H:%M:%S')" || return 2
		shift
	fi
	LD_PRELOAD="$FAKETIME_LIB${LD_PRELOAD:+:$LD_PRELOAD}" FAKETIME="$spec" \
		FAKETIME_DONT_FAKE_MONOTONIC=1 NO_FAKE_STAT=1 \
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
		"$@"
}
