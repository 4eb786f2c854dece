#!/usr/bin/env bash
# run.sh [UNIT_TEST_BINARY...]: run the unit tests given and every script
# under tests/cli, tests/tui and tests/robust; print one line per test and
# a closing "N passed, N failed". A script exiting 77 is skipped. Output of
# each test is kept in $B/test-logs/. ONLY=GLOB runs just the tests whose
# name (unit/test_x, cli/checkin, ...) matches.
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
export TOP
B=${B:-build}; case $B in /*) ;; *) B="$TOP/$B" ;; esac
export B
export BACKPAIN="$B/backpain"
export BACKPAIN_ASAN="$B/asan/backpain"
export SHARED="${SHARED:-$TOP/../shared}"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:exitcode=99"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=99"
logs="$B/test-logs"
rm -rf "$logs" && mkdir -p "$logs"
passed=0 failed=0 skipped=0 failures=

# A faketime wrapper that was killed leaves its semaphore and shared memory
# in /dev/shm; a later wrapper with the same pid then cannot start. Remove
# the ones whose process is gone.
for f in /dev/shm/faketime_shm_* /dev/shm/sem.faketime_sem_*; do
	[ -e "$f" ] || continue
	kill -0 "${f##*_}" 2>/dev/null || rm -f "$f"
done

one() { # name command...
	local name=$1 log rc start
	shift
	case $name in ${ONLY:-*}) ;; *) return ;; esac
	log="$logs/$(echo "$name" | tr '/' '_').log"
	start=$(date +%s)
	"$@" >"$log" 2>&1 </dev/null
	rc=$?
	case $rc in
	0) passed=$((passed + 1)); printf 'ok    %s (%ss)\n' "$name" $(($(date +%s) - start)) ;;
	77) skipped=$((skipped + 1)); printf 'skip  %s: %s\n' "$name" "$(tail -n 1 "$log")" ;;
	*) failed=$((failed + 1)); failures="$failures $name"
	   printf 'FAIL  %s (exit %d), last lines of %s:\n' "$name" "$rc" "$log"
	   tail -n 15 "$log" | sed 's/^/      /' ;;
	esac
}

for bin in "$@"; do
	one "unit/$(basename "$bin")" "$bin"
done
for dir in cli tui robust; do
	for script in "$TOP"/tests/$dir/*.sh; do
		[ -e "$script" ] || continue
		one "$dir/$(basename "$script" .sh)" bash "$script"
	done
done
[ -n "$failures" ] && echo "failed:$failures"
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
