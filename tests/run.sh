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
# longest start first, so that the last ones to end are short: as long as
# the last run without ONLY took (kept in $B/test-times), else as the LONG
# list below guesses. A script with a line "# after: NAME" starts once the
# test NAME has ended, when NAME runs at all: cli/build_120days builds the
# 120-day logs once, checks them and keeps them in $B/fixtures/ for the
# scripts that copy them.
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

# The tests that start first while they have no time yet (on a clean
# copy): cli/build_120days, which others wait for, then the longest first
# as measured on two cores (those of 5 s and more). The tests not listed
# follow in their order (unit tests, then cli, tui and robust scripts).
LONG="cli/build_120days robust/valgrind_commands robust/deb robust/fuzz
robust/crash robust/fuzz_json tui/resize tui/idle tui/review
unit/test_review robust/report_pdf robust/valgrind_pack robust/day_faketime
tui/history robust/concurrency tui/checkin_lines cli/refusals
unit/test_store_file cli/busy cli/flare cli/locale cli/sim_cli
robust/hostile_packs tui/keys tui/newday cli/import cli/review_120days
cli/status robust/completion_zsh tui/impression robust/damaged_values"
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
# The seconds each test took in the last whole run (see the end), NAME
# SECONDS START a line as in $logs/times.
times_file="$B/test-times"
declare -A secs=() span=()
if [ -r "$times_file" ]; then
	while read -r name s _; do
		case $s in '' | *[!0-9]*) ;; *) secs[$name]=$s ;; esac
	done <"$times_file"
fi
# span_of NAME: sets span[NAME] to the seconds from NAME's start until it
# and the tests that wait for it have ended, when all those have a time;
# to nothing otherwise, or when they wait for each other in a loop.
span_of() {
	local name=$1 d best=0
	[ -n "${span[$name]+set}" ] && return
	span[$name]=
	[ -n "${secs[$name]:-}" ] || return
	for d in "${names[@]}"; do
		[ "${after[$d]:-}" = "$name" ] || continue
		span_of "$d"
		[ -n "${span[$d]}" ] || return
		[ "${span[$d]}" -gt "$best" ] && best=${span[$d]}
	done
	span[$name]=$((secs[$name] + best))
}
for name in "${names[@]}"; do
	span_of "$name"
done
# First the tests with no time: those of LONG in its order, then the rest
# in the suite's; then the others: those that others wait for (short ones
# that hold long ones back), then the rest, each the longest span first
# (equal ones in the suite's order).
order=()
for name in $LONG; do
	[ -n "${state[$name]:-}" ] && [ -z "${span[$name]}" ] && order+=("$name")
done
for name in "${names[@]}"; do
	[ -z "${span[$name]}" ] || continue
	case " $(echo $LONG) " in *" $name "*) ;; *) order+=("$name") ;; esac
done
while read -r _ _ _ name; do
	order+=("$name")
done < <(for i in "${!names[@]}"; do
	name=${names[$i]}
	[ -n "${span[$name]}" ] || continue
	case " ${after[*]} " in
	*" $name "*) echo "0 ${span[$name]} $i $name" ;;
	*) echo "1 ${span[$name]} $i $name" ;;
	esac
done | sort -k1,1n -k2,2nr -k3,3n)

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
	# A skip says nothing of how long the test takes when it runs.
	[ "$rc" = 77 ] || tail -n 1 "$logs/times" >>"$logs/timed"
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
# A run of the whole suite (no ONLY) keeps its times for the next one,
# outside $logs (which each run empties): those of the tests it timed
# replace the last ones, the others (of tests this run skipped or was not
# given) stay.
if [ -z "${ONLY:-}" ] && [ -s "$logs/timed" ]; then
	{
		[ -r "$times_file" ] && awk 'NR == FNR { seen[$1] = 1; next }
			!($1 in seen)' "$logs/timed" "$times_file"
		cat "$logs/timed"
	} >"$times_file.tmp" && mv "$times_file.tmp" "$times_file"
fi
[ -n "$failures" ] && echo "failed:$failures"
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
