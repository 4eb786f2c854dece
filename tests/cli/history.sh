#!/usr/bin/env bash
# history: the last 30 days by default, --days N, --all; a table for people
# (notes escaped and cropped to the screen), CSV by RFC 4180 and JSON with
# the notes exactly as stored.
. "$(dirname "$0")/../lib.sh"
E="$(dirname "$0")/expected"
DB=$T/log.db

step history
step history --format csv
step history --format json
bp checkin 3 --date 2026-10-01 --note 'long ago' >/dev/null || fail seed
bp checkin 6 --date 2026-10-26 --interference 5 >/dev/null || fail seed
bp checkin 5 --date 2026-10-25 >/dev/null || fail seed
bp checkin 4 --date 2026-11-20 --note 'walked, then "rested"' >/dev/null ||
	fail seed
bp checkin 2 --date 2026-11-22 --note $'first line\nsecond\tline\e[2J' \
	>/dev/null || fail seed
bp checkin 7 --date 2026-11-23 --interference 8 --note \
	"$(printf 'a long note that goes on and on %.0s' 1 2 3) 痛みの記録" \
	>/dev/null || fail seed
bp checkin 1 --note '日本語のメモはひろい文字で書かれています。これで横幅を試します。もう少し長くします。' \
	>/dev/null || fail seed
step history
step history --days 3
step history --all --format csv
step history --days 5 --format json
step history --days 100000000
LC_ALL=C step history --days 3
step history --help
expect_same "$E/history.txt" "$T/transcript"

# CSV and JSON carry the notes exactly: read them back and compare bytes.
bp history --all --format csv >"$T/csv" || fail csv
python3 - "$T/csv" "$DB" <<'PY' || fail "CSV does not round-trip"
import csv, sqlite3, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
assert rows[0] == ['day', 'pain', 'interference', 'note', 'flare'], rows[0]
db = sqlite3.connect(sys.argv[2])
want = [[d, str(p), '' if i is None else str(i), n or '', '0']
        for d, p, i, n in db.execute(
            'select day, pain, interference, note from checkin order by day')]
assert rows[1:] == want, (rows[1:], want)
PY
bp history --all --format json >"$T/json" || fail json
python3 - "$T/json" "$DB" <<'PY' || fail "JSON does not round-trip"
import json, sqlite3, sys
got = json.load(open(sys.argv[1], encoding='utf-8'))
db = sqlite3.connect(sys.argv[2])
want = [n for (n,) in db.execute('select note from checkin order by day')]
assert [o.get('note') for o in got] == want, ([o.get('note') for o in got], want)
PY
