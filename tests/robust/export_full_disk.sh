#!/usr/bin/env bash
# export on a full disk (issue 19): a backup can be taken when nothing can
# be written. The log is read into memory without a byte written beside
# it (no -wal or -shm made or grown), also after a write that failed on
# the full disk left an empty -wal and a stub -shm behind; the export is
# the one taken before the disk filled. Needs a small file system of its
# own: a tmpfs of 512 KB, which only root may mount; skipped (77) without.
. "$(dirname "$0")/../lib.sh"
if [ "$(id -u)" != 0 ]; then
	echo "skipped: mounting a small tmpfs to fill needs root"
	exit 77
fi
mkdir -m 700 "$T/full"
if ! mount -t tmpfs -o size=512k,mode=0700 tmpfs "$T/full" 2>"$T/mount.err"; then
	echo "skipped: cannot mount a tmpfs here: $(cat "$T/mount.err")"
	exit 77
fi
trap 'umount "$T/full" 2>/dev/null; rm -rf "$T"' EXIT
DB=$T/full/log.db

for d in 10 11 12 13 14 15 16 17 18 19 20; do
	bp_on 2026-11-$d checkin 3 --interference 2 --note "day $d" \
		>/dev/null || fail "seed $d"
done
bp safety --answer numb=no >/dev/null || fail seed
bp start alpha --date 2026-11-12 >/dev/null 2>&1 || fail seed
bp flare --pain 7 --date 2026-11-21 >/dev/null || fail seed
bp export >"$T/before.json" || fail "export before the disk filled"
bp export --format csv >"$T/before.csv" || fail "csv before the disk filled"

# Fill it: big blocks, then the last bytes one by one.
dd if=/dev/zero of="$T/full/fill" bs=4096 2>/dev/null
dd if=/dev/zero of="$T/full/fill2" bs=1 2>/dev/null
[ "$(df -k --output=avail "$T/full" | tail -n 1 | tr -d ' ')" = 0 ] ||
	fail "the file system did not fill: $(df -k "$T/full")"
# A write fails, as it would for the person (and may leave a -wal and a
# -shm it could not grow).
expect_exit 74 bp checkin 5 --date 2026-11-22
listing() { (cd "$T/full" && stat -c '%n %s' log.db log.db-wal log.db-shm 2>/dev/null); }
listing >"$T/files.before"

expect_exit 0 bp export
cmp -s "$T/out" "$T/before.json" ||
	fail "the export on a full disk differs: $(diff "$T/before.json" "$T/out" | head -n 5)"
expect_exit 0 bp export --format csv
cmp -s "$T/out" "$T/before.csv" || fail "the CSV export on a full disk differs"
listing >"$T/files.after"
expect_same "$T/files.before" "$T/files.after"

# With the leftovers gone, the same.
rm -f "$T/full/log.db-wal" "$T/full/log.db-shm"
expect_exit 0 bp export
cmp -s "$T/out" "$T/before.json" || fail "the export without a -wal differs"
if [ -e "$T/full/log.db-wal" ] || [ -e "$T/full/log.db-shm" ]; then
	fail "export made $(ls "$T/full")"
fi

# Room again: the log is as it was and takes the check-in.
rm -f "$T/full/fill" "$T/full/fill2"
expect_exit 0 bp checkin 5 --date 2026-11-22
expect_exit 0 bp export
grep -q '"day":"2026-11-22","pain":5' "$T/out" || fail "the check-in after"
echo "export works on a full disk"
