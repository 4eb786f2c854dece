#!/usr/bin/env bash
# import_large: `backpain import` reads large files in memory and time
# linear in their size (json.h), judged by limits the kernel keeps, never
# by a clock: each import runs under `ulimit -v` (address space) and
# `ulimit -t` (CPU seconds), on the plain build (AddressSanitizer reserves
# terabytes of address space).
# - An object of 400,000 keys with the first given again at its end is
#   refused at the duplicate's FILE:LINE:COLUMN. The reader that compared
#   each key with all before it took 11 CPU seconds for 80,000 keys, so
#   some 280 for these; linear, it takes a fraction of one. CPU_LIMIT is
#   far above that fraction: only a reader that hangs (or is quadratic
#   again) reaches it.
# - 31 MB of empty arrays, "[[],[],...]", and 8 MB of arrays nested as
#   deep as allowed are read whole (refused only afterwards, as no export)
#   within the address space json.h promises: JSON_BYTES_PER_BYTE bytes
#   per byte of the file for the tree, twice the file for import's copy of
#   the text, and 64 MB for the program itself (it needs 6). The reader
#   with a node of 56 bytes per value, arrays grown by doubling and a
#   malloc per string needed 30 times the file for the empty arrays.
. "$(dirname "$0")/../lib.sh"
CPU_LIMIT=30
per_byte=$(sed -n 's/^#define JSON_BYTES_PER_BYTE \([0-9][0-9]*\).*/\1/p' \
	"$TOP/include/json.h")
[ -n "$per_byte" ] || fail "no JSON_BYTES_PER_BYTE in include/json.h"

# import_within FILE: import FILE under the limits (output to $T/out,
# $T/err); prints its exit status.
import_within() {
	local size kb
	size=$(stat -c %s "$1")
	kb=$((64 * 1024 + size / 1024 * (per_byte + 2)))
	(
		ulimit -v "$kb" -t "$CPU_LIMIT" || exit 90
		exec "$BACKPAIN" --db "$T/log.db" import "$1"
	) >"$T/out" 2>"$T/err"
	echo "$?"
}

# expect_refused FILE MESSAGE: the import of FILE exits 65 with MESSAGE
# (a fixed string) and writes no log.
expect_refused() {
	local rc
	rc=$(import_within "$1")
	if [ "$rc" != 65 ] || ! grep -qxF -e "$2" "$T/err"; then
		cat "$T/err" >&2
		case $rc in
		137 | 152) fail "$1: killed (exit $rc) at $CPU_LIMIT CPU seconds: not linear" ;;
		71) fail "$1: out of memory (exit 71) within the bound of json.h" ;;
		*) fail "$1: exit $rc, expected 65 and: $2" ;;
		esac
	fi
	[ ! -e "$T/log.db" ] || fail "$1: a refused import wrote a log"
}

keys=400000
awk -v n="$keys" 'BEGIN {
	print "{"
	for (i = 0; i < n; i++)
		printf "\"k%07d\": %d,\n", i, i
	print "\"k0000000\": 1"
	print "}"
}' >"$T/keys.json"
expect_refused "$T/keys.json" \
	"$T/keys.json:$((keys + 2)):1: the key is given twice in one object (first at line 2)"

# 2^23 + 2^21 empty arrays: the doubling reader's last array was 2^24
# nodes long.
{
	printf '['
	yes '[],' | head -n $(((1 << 23) + (1 << 21) - 1)) | tr -d '\n'
	printf '[]]'
} >"$T/arrays.json"
no_export=': the file holds an array, not an export of backpain (an object with "format" and a table each)'
expect_refused "$T/arrays.json" "$T/arrays.json:1:1$no_export"
rm -f "$T/arrays.json"

# Nests of 63 arrays in one: 64 deep, as JSON_DEPTH_MAX allows.
nest=$(printf '%63s' '' | tr ' ' '[')$(printf '%63s' '' | tr ' ' ']')
{
	printf '['
	yes "$nest," | head -n 65000 | tr -d '\n'
	printf '%s]' "$nest"
} >"$T/deep.json"
expect_refused "$T/deep.json" "$T/deep.json:1:1$no_export"
echo "ok: $keys keys, $(((1 << 23) + (1 << 21))) empty arrays and 65001 nests 64 deep read within the bounds"
