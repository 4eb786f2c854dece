#!/usr/bin/env bash
# run.sh [UNIT_TEST_BINARY...]: run the unit tests given and every script
# under tests/cli, tests/tui and tests/robust, JOBS at a time (default: one
# more than the processors, `nproc` + 1, as many tests mostly wait); print one line per test as it ends and a closing
# "N passed, N failed" (", N skipped" when some were). A script exiting 77
# is skipped. Output of each test is kept in $B/test-logs/. ONLY=GLOB runs
# just the tests whose name (unit/test_x, cli/checkin, ...) matches.
#
# Every test has a private HOME, temporary directory and tmux server (see
# lib.sh and tui/lib_tui.bash), so any two can run at the same time. The
# longest start first, so that the last ones to end are short. A script with
# a line "# after: NAME" starts once the test NAME has ended, when NAME runs
# at all: cli/build_120days builds the 120-day log once, checks it and keeps
# it in $B/fixtures/ for the scripts that copy it.
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
export TOP
B=${B:-build}; case $B in /*) ;; *) B="$TOP/$B" ;; esac
export B
export BACKPAIN="$B/backpain"
export BACKPAIN_ASAN="$B/asan/backpain"
export SHARED="${SHARED:-$TOP/../shared}"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:exitcode=99"
# The tests that run make (robust/install, robust/makefile) start it as from
# a shell, not as a sub-make of the one running this (its -j, its jobserver
# descriptors, its variables).
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=99"
# Fixtures built by one test for others, during this run only.
export FIXTURES="$B/fixtures"
logs="$B/test-logs"
rm -rf "$logs" "$FIXTURES" && mkdir -p "$logs" "$FIXTURES"
JOBS=${JOBS:-$(($(nproc 2>/dev/null || echo 1) + 1))}
case $JOBS in '' | *[!0-9]* | 0) JOBS=2 ;; esac
# `wait -n -p` (which job ended) came with bash 5.1; before it, one at a time.
wait_p=1
if [ "${BASH_VERSINFO[0]}" -lt 5 ] ||
	{ [ "${BASH_VERSINFO[0]}" = 5 ] && [ "${BASH_VERSINFO[1]}" -lt 1 ]; }; then
	wait_p= JOBS=1
fi

# A faketime wrapper that was killed leaves its semaphore and shared memory
# in /dev/shm; a later wrapper with the same pid then cannot start. Remove
# the ones whose process is gone.
for f in /dev/shm/faketime_shm_* /dev/shm/sem.faketime_sem_*; do
	[ -e "$f" ] || continue
	kill -0 "${f##*_}" 2>/dev/null || rm -f "$f"
done

# The tests, longest first (as measured on two cores), so that the pool
# ends with short ones; the rest keep their order: unit tests, then cli,
# tui and robust scripts. cli/build_120days comes early for the scripts
# that wait for it.
LONG="robust/valgrind_commands robust/fuzz robust/deb robust/fuzz_json
tui/newday robust/yaml_suite tui/resize tui/idle
cli/build_120days robust/hostile_packs robust/crash robust/valgrind_pack
unit/test_review unit/test_day unit/test_store_file tui/history cli/refusals
tui/review robust/concurrency cli/busy cli/locale cli/status
robust/report_pdf cli/review_120days unit/test_content_limits tui/keys
cli/review_edges tui/timer tui/checkin tui/exit unit/test_store"
declare -A cmd=() after=() state=()
names=()
add() { # name command...
	local name=$1
	shift
	case $name in ${ONLY:-*}) ;; *) return ;; esac
	names+=("$name")
	cmd[$name]=$(printf '%q ' "$@")
	state[$name]=waiting
}
for bin in "$@"; do
	add "unit/$(basename "$bin")" "$bin"
done
for dir in cli tui robust; do
	for script in "$TOP"/tests/$dir/*.sh; do
		[ -e "$script" ] || continue
		name="$dir/$(basename "$script" .sh)"
		add "$name" bash "$script"
		dep=$(sed -n 's/^# after: *\([^ ]*\) *$/\1/p' "$script" | head -n 1)
		[ -n "$dep" ] && after[$name]=$dep
	done
done
order=()
for name in $LONG; do
	[ -n "${state[$name]:-}" ] && order+=("$name")
done
for name in "${names[@]}"; do
	case " $(echo $LONG) " in *" $name "*) ;; *) order+=("$name") ;; esac
done

passed=0 failed=0 skipped=0 failures=
declare -A pid_of=() started=()
running=0

# ready NAME: NAME may start (what it comes after has ended, or is not run).
ready() {
	local dep=${after[$1]:-}
	[ -z "$dep" ] && return 0
	case ${state[$dep]:-none} in
	waiting | running) return 1 ;;
	esac
	return 0
}

start() { # name
	local name=$1 log
	log="$logs/$(echo "$name" | tr '/' '_').log"
	# shellcheck disable=SC2086
	eval "${cmd[$name]}" >"$log" 2>&1 </dev/null &
	pid_of[$!]=$name
	last_pid=$!
	started[$name]=$EPOCHREALTIME
	state[$name]=running
	running=$((running + 1))
}

report() { # name rc
	local name=$1 rc=$2 log secs
	log="$logs/$(echo "$name" | tr '/' '_').log"
	secs=$(awk -v a="${started[$name]}" -v b="$EPOCHREALTIME" \
		'BEGIN { printf "%.0f", b - a }')
	# NAME SECONDS START: START in seconds after the run began.
	awk -v n="$name" -v s="$secs" -v a="${started[$name]}" -v t0="$t0" \
		'BEGIN { printf "%s %s %.0f\n", n, s, a - t0 }' >>"$logs/times"
	state[$name]=done
	case $rc in
	0) passed=$((passed + 1)); printf 'ok    %s (%ss)\n' "$name" "$secs" ;;
	77) skipped=$((skipped + 1)); printf 'skip  %s (%ss): %s\n' "$name" "$secs" "$(tail -n 1 "$log")" ;;
	*) failed=$((failed + 1)); failures="$failures $name"
	   printf 'FAIL  %s (exit %d, %ss), last lines of %s:\n' "$name" "$rc" "$secs" "$log"
	   tail -n 15 "$log" | sed 's/^/      /' ;;
	esac
}

trap 'kill "${!pid_of[@]}" 2>/dev/null; exit 130' INT TERM
t0=$EPOCHREALTIME
left=${#order[@]}
while [ "$left" -gt 0 ]; do
	# Fill the free slots with the first tests that may start.
	for name in "${order[@]}"; do
		[ "$running" -lt "$JOBS" ] || break
		[ "${state[$name]}" = waiting ] && ready "$name" && start "$name"
	done
	[ "$running" -gt 0 ] || { echo "run.sh: nothing can start" >&2; exit 2; }
	if [ -n "$wait_p" ]; then
		wait -n -p done_pid
		rc=$?
	else
		done_pid=$last_pid
		wait "$done_pid"
		rc=$?
	fi
	name=${pid_of[$done_pid]:-}
	[ -n "$name" ] || continue
	unset "pid_of[$done_pid]"
	running=$((running - 1))
	left=$((left - 1))
	report "$name" "$rc"
done
[ -n "$failures" ] && echo "failed:$failures"
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
