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
# Each on its day, as a person checking in daily enters them.
plain bp_on 2026-10-01 checkin 3 --note 'long ago' >/dev/null || fail seed
plain bp_on 2026-10-26 checkin 6 --interference 5 >/dev/null || fail seed
plain bp_on 2026-10-25 checkin 5 >/dev/null || fail seed
plain bp_on 2026-11-20 checkin 4 --note 'walked, then "rested"' >/dev/null ||
	fail seed
bp_on 2026-11-22 checkin 2 --note $'first line\nsecond\tline\e[2J' \
	>/dev/null || fail seed
bp_on 2026-11-23 checkin 7 --interference 8 --note \
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

# CSV and JSON carry the notes exactly: read them back (sqlite3's CSV import
# and JSON functions) and compare them with the log, field by field.
bp history --all --format csv >"$T/csv" || fail csv
# csv_round_trip CSV: the rows of CSV are the log's check-ins, in order.
csv_round_trip() {
	local out
	utf8_ok "$1" || fail "the CSV is not UTF-8"
	out=$(sqlite3 :memory: 2>&1 <<SQL
.bail on
.import --csv '$(sqlq "$1")' got
ATTACH '$(sqlq "$DB")' AS log;
SELECT 'header ' || group_concat(name, ',') FROM pragma_table_info('got')
HAVING group_concat(name, ',') IS NOT 'day,pain,interference,note,flare,recalled';
CREATE TEMP VIEW want AS SELECT row_number() OVER (ORDER BY day) AS n, day,
    CAST(pain AS TEXT) AS pain, ifnull(CAST(interference AS TEXT), '')
    AS interference, ifnull(note, '') AS note, '0' AS flare,
    CAST(julianday(substr(ifnull(pain_set_at, recorded_at), 1, 10))
    - julianday(day) > 3 AS TEXT) AS recalled FROM log.checkin;
CREATE TEMP VIEW have AS SELECT row_number() OVER (ORDER BY rowid) AS n, *
    FROM got;
SELECT 'rows ' || (SELECT count(*) FROM have) || ', expected '
    || (SELECT count(*) FROM want)
WHERE (SELECT count(*) FROM have) != (SELECT count(*) FROM want);
SELECT 'row ' || n || ': ' || quote(h.day) || ',' || quote(h.pain) || ','
    || quote(h.interference) || ',' || quote(h.note) || ', expected '
    || quote(w.day) || ',' || quote(w.pain) || ',' || quote(w.interference)
    || ',' || quote(w.note)
FROM want AS w LEFT JOIN have AS h USING (n)
WHERE (h.day, h.pain, h.interference, h.note, h.flare, h.recalled)
    IS NOT (w.day, w.pain, w.interference, w.note, w.flare, w.recalled);
SQL
	) || fail "sqlite3 cannot read the CSV: $out"
	[ -z "$out" ] || fail "CSV does not round-trip: $out"
}
csv_round_trip "$T/csv"
# The check can fail: one byte of one note changed is caught.
sed 's/then ""rested""/then ""Rested""/' "$T/csv" >"$T/csv.off"
cmp -s "$T/csv" "$T/csv.off" && fail "could not alter the CSV"
(csv_round_trip "$T/csv.off") 2>/dev/null && fail "the CSV check missed a change"

bp history --all --format json >"$T/json" || fail json
# json_round_trip JSON: its objects carry the log's notes, in order.
json_round_trip() {
	local out
	json_ok "$1" || fail "history --format json is not JSON"
	out=$(sqlite3 :memory: 2>&1 <<SQL
.bail on
ATTACH '$(sqlq "$DB")' AS log;
CREATE TEMP VIEW want AS SELECT row_number() OVER (ORDER BY day) - 1 AS k,
    note FROM log.checkin;
CREATE TEMP VIEW have AS SELECT key AS k, type,
    CASE type WHEN 'object' THEN json_extract(value, '$.note') END AS note
    FROM json_each(CAST(readfile('$(sqlq "$1")') AS TEXT));
SELECT 'items ' || (SELECT count(*) FROM have) || ', expected '
    || (SELECT count(*) FROM want)
WHERE (SELECT count(*) FROM have) != (SELECT count(*) FROM want);
SELECT 'item ' || k || ': ' || ifnull(h.type, 'missing') || ' '
    || quote(h.note) || ', expected ' || quote(w.note)
FROM want AS w LEFT JOIN have AS h USING (k)
WHERE h.type IS NOT 'object' OR h.note IS NOT w.note;
SQL
	) || fail "sqlite3 cannot read the JSON: $out"
	[ -z "$out" ] || fail "JSON does not round-trip: $out"
}
json_round_trip "$T/json"
sed 's/second\\tline/second line/' "$T/json" >"$T/json.off"
cmp -s "$T/json" "$T/json.off" && fail "could not alter the JSON"
(json_round_trip "$T/json.off") 2>/dev/null && fail "the JSON check missed a change"
exit 0
