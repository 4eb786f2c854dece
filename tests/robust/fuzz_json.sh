#!/usr/bin/env bash
# fuzz_json.sh: runs the JSON reader's libFuzzer target ($B/fuzz/fuzz_json,
# built by `make check`; this script builds nothing) for FUZZ_TIME seconds
# (20 by default) on a corpus kept in $B/fuzz/corpus-json, seeded with
# exports of the test logs, a few broken ones, and the large shapes json.h
# promises to read in linear time and memory: an object of 80,000 keys
# (1.5 MB; once more with its first key again at the end) and arrays nested
# JSON_DEPTH_MAX deep, alone and 8,000 times over (1 MB). Those run whole
# first (fuzzing truncates its inputs to 64 KiB). Fails on any crash, leak,
# timeout or sanitizer report; what broke is kept in
# $B/fuzz/artifacts-json/.
. "$(dirname "$0")/../lib.sh"
fuzzer="$B/fuzz/fuzz_json"
corpus="$B/fuzz/corpus-json"
artifacts="$B/fuzz/artifacts-json"
time=${FUZZ_TIME:-20}

if [ ! -x "$fuzzer" ]; then
	echo "no $fuzzer: build it with make check (needs clang's libFuzzer)"
	exit 77
fi
mkdir -p "$corpus" "$artifacts"
DB=$T/log.db
bp checkin 4 --date yesterday --note "$(printf 'a\nb\t\033[2J \xe2\x80\xae \xf0\x9f\x98\x80')" \
	>/dev/null || fail seed
plain bp safety --answer numb=no >/dev/null || fail seed
plain bp start alpha --date 2026-11-20 >/dev/null || fail seed
plain bp checkin 3 --interference 2 --did alpha-walk --answer alpha-feel=same \
	>/dev/null || fail seed
plain bp practice beta-stretch --before 5 --after 4 >/dev/null || fail seed
bp export >"$corpus/seed-export.json" || fail "export failed"
printf '[1,-2.5e-3,true,false,null,"\\ud83d\\ude00",{"a":{}}]' >"$corpus/seed-values.json"
printf '{"a":"unterminated' >"$corpus/seed-broken.json"
awk 'BEGIN {
	printf "{"
	for (i = 0; i < 80000; i++)
		printf "%s\"k%07d\": %d\n", i ? "," : "", i, i
}' >"$corpus/seed-keys.json"
cp "$corpus/seed-keys.json" "$corpus/seed-keys-twice.json"
echo '}' >>"$corpus/seed-keys.json"
echo ',"k0000000": 1}' >>"$corpus/seed-keys-twice.json"
depth=$(sed -n 's/^#define JSON_DEPTH_MAX \([0-9][0-9]*\).*/\1/p' \
	"$(dirname "$0")/../../include/json.h")
[ -n "$depth" ] || fail "no JSON_DEPTH_MAX in include/json.h"
open=$(printf "%${depth}s" '' | tr ' ' '[')
close=$(printf "%${depth}s" '' | tr ' ' ']')
printf '%s1,"a",{},[],null%s' "$open" "$close" >"$corpus/seed-deep.json"
nest=${open:1}${close:1}
{
	printf '['
	yes "$nest," | head -n 7999 | tr -d '\n'
	printf '%s]' "$nest"
} >"$corpus/seed-deep-nests.json"
"$fuzzer" -timeout=10 -rss_limit_mb=2048 "$corpus/seed-keys.json" \
	"$corpus/seed-keys-twice.json" "$corpus/seed-deep.json" \
	"$corpus/seed-deep-nests.json" >"$T/log" 2>&1
rc=$?
if [ "$rc" -ne 0 ]; then
	tail -n 40 "$T/log" >&2
	fail "the large seeds, run whole, failed (exit $rc)"
fi

"$fuzzer" -max_len=65536 -timeout=10 -max_total_time="$time" \
	-rss_limit_mb=2048 -print_final_stats=1 \
	-artifact_prefix="$artifacts/" "$corpus" >"$T/log" 2>&1
rc=$?
grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb)' \
	"$T/log"
if [ "$rc" -ne 0 ] ||
	grep -qE 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|runtime error|ALARM|Timeout' \
		"$T/log"; then
	tail -n 40 "$T/log" >&2
	fail "the fuzzer found a problem (exit $rc); inputs in $artifacts"
fi
echo "fuzzed for ${time}s, corpus of $(ls "$corpus" | wc -l) inputs"
