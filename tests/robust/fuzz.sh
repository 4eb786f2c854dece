#!/usr/bin/env bash
# fuzz.sh: runs the pack loader's libFuzzer target ($B/fuzz/fuzz_pack, built
# by `make check`; this script builds nothing) for FUZZ_TIME seconds (30 by
# default) on a corpus kept in $B/fuzz/corpus, seeded from content/*.yaml,
# tests/fixtures/packs/*.yaml, the hostile packs of tests/fixtures/hostile
# and, when $SHARED has it, a few yaml-test-suite files. Fails on any
# crash, leak, timeout or sanitizer report; what broke is kept in
# $B/fuzz/artifacts/ for the next run to reproduce.
. "$(dirname "$0")/../lib.sh"
fuzzer="$B/fuzz/fuzz_pack"
corpus="$B/fuzz/corpus"
artifacts="$B/fuzz/artifacts"
time=${FUZZ_TIME:-30}
# A handful of shapes the packs themselves do not have: flow style, tags,
# anchors, block scalars, several documents, an error case.
suite_seeds="229Q 26DV 2AUY 6JQW 7BUB 9U5K J7PZ RZT7 M5DY 236B.error"

if [ ! -x "$fuzzer" ]; then
	echo "no $fuzzer: build it with make check (needs clang's libFuzzer)"
	exit 77
fi
mkdir -p "$corpus" "$artifacts"
for seed in "$TOP"/content/*.yaml "$TOP"/tests/fixtures/packs/*.yaml; do
	cp "$seed" "$corpus/seed-$(basename "$seed")"
done
for seed in "$TOP"/tests/fixtures/hostile/*.yaml; do
	cp "$seed" "$corpus/seed-hostile-$(basename "$seed")"
done
for id in $suite_seeds; do
	f="$SHARED/yaml-test-suite/$id.yaml"
	[ -e "$f" ] && cp "$f" "$corpus/seed-suite-$id.yaml"
done

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
