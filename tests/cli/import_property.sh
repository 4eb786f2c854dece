#!/usr/bin/env bash
# import_property: random logs made by the program's own commands survive
# export -> import (issue 19). Each of SEQUENCES sequences (a fixed seed)
# runs check-ins (twice a day too, with notes, marks and answers), timed
# practices, trials started, stopped (kept, dropped, with impressions) and
# started again, flare-ups begun and ended, safety answers and doctor's
# checks, each command on its day (faketime), on four days only so that
# keys collide. Then, for each log A and its export:
# - into an empty log: the export again, byte for byte, the counts printed
#   those of the file;
# - into a log with other data (B: days of its own, nothing running):
#   every row of both kept, each count printed that of the file;
# - again into that log, as it is and as an export from before uids
#   (format 1): all of it "already there";
# - with --replace into a log of another random sequence on the same days
#   (keys and days clash): every row of the file there (a mark the log had
#   that day stays the log's), every row of the log not named as replaced
#   or removed still there, the counts printed true (rows after = rows
#   before + added - removed) and every row replaced or removed named.
. "$(dirname "$0")/../lib.sh"
SEQUENCES=${SEQUENCES:-6}
SEED=${SEED:-19}
BIN=$BACKPAIN
TABLES="checkin answer trial session screening profile habit flare"

at() { # DAY ARGS: the plain program on 2026-11-DAY, the log $DB
	local day=$1
	shift
	faketime "2026-11-$day 12:00:00" "$BIN" --db "$DB" --pack "$CLI_PACK" \
		"$@" >/dev/null 2>&1
	return 0
}
rows() { sqlite3 "$1" "SELECT count(*) FROM $2"; }
# The plain program where the sanitized one has run the same path already.
plain() { BP=$BACKPAIN bp "$@"; }

# sequence SEED DAY...: a random log at $DB, made on those days. (No $RANDOM
# in a subshell: bash seeds a subshell's afresh, and the log would not be
# the same at each run.)
sequence() {
	local seed=$1 day k n a o f
	shift
	RANDOM=$seed
	at "$1" safety --answer numb=no
	for day in "$@"; do
		n=$((3 + RANDOM % 6))
		for ((k = 0; k < n; k++)); do
			a=${approaches[RANDOM % 3]}
			o=${outcomes[RANDOM % 4]}
			f=${feels[RANDOM % 2]}
			case $((RANDOM % 17)) in
			0 | 1) at "$day" checkin $((RANDOM % 11)) ;;
			2) at "$day" checkin $((RANDOM % 11)) --note "n$RANDOM" \
				--did alpha-walk ;;
			3) at "$day" checkin $((RANDOM % 11)) \
				--answer alpha-feel="$f" ;;
			4) at "$day" practice beta-stretch --minutes $((1 + RANDOM % 30)) \
				--before $((RANDOM % 11)) --after $((RANDOM % 11)) ;;
			5) at "$day" practice alpha-walk ;;
			6 | 7) at "$day" start "$a" ;;
			8) at "$day" stop "$a" --outcome "$o" \
				--impression $((1 + RANDOM % 7)) ;;
			9) at "$day" stop "$a" --keep ;;
			10) at "$day" stop "$a" --drop ;;
			11 | 12) at "$day" flare --pain $((RANDOM % 11)) ;;
			13) at "$day" flare --over ;;
			14) at "$day" safety --answer "numb=${answers[RANDOM % 4]}" ;;
			15) at "$day" safety --checked numb ;;
			16) at "$day" stop "$a" --outcome stopped ;;
			esac
		done
	done
}
approaches=(alpha beta gamma)
outcomes=(helped no-change worse stopped)
feels=(better worse)
answers=(no no no yes)

# counts FILE: the summary line of an import as "TABLE SHOWN NEWER REPLACED
# SAME OLDER REMOVED", one line per table in the order of $TABLES.
counts() {
	sed -n 's/^Imported [^:]*: //p' "$1" | sed 's/, \([0-9]\)/\n\1/g' |
		awk -v tables="$TABLES" '
		function num(s, word,    i) {
			i = index(s, word)
			if (i == 0)
				return 0
			s = substr(s, 1, i - 1)
			sub(/.*\(/, "", s)
			return s + 0
		}
		BEGIN { split(tables, name, " ") }
		{
			printf "%s %d %d %d %d %d %d\n", name[NR], $1,
			    num($0, " newer"), num($0, " replaced)"),
			    num($0, " already there"), num($0, " older"),
			    num($0, " of the log")
		}'
}
# shown T FILE: the rows of table T an import printed (the first figure).
shown() { counts "$2" | awk -v t="$1" '$1 == t { print $2 }'; }

# B: a log with data of its own, on other days, nothing left running.
DB=$T/other.db
at 10 safety --answer numb=no
at 10 checkin 6 --note other --did beta-stretch
at 10 start gamma
at 11 practice beta-stretch --minutes 5
at 11 checkin 5 --answer alpha-feel=better
at 12 flare --pain 7
at 12 stop gamma --outcome worse --impression 6
at 13 flare --over
at 13 checkin 4
[ "$(rows "$DB" trial)" = 1 ] && [ "$(rows "$DB" flare)" = 1 ] ||
	fail "the other log is not what this test needs"
cp "$DB" "$T/other.base"

for ((s = 0; s < SEQUENCES; s++)); do
	seed=$((SEED * 1000 + s))
	DB=$T/a$s.db
	sequence "$seed" 20 21 22 23
	plain export >"$T/a$s.json" || fail "seq $s: export"
	[ "$(rows "$DB" checkin)" -gt 0 ] || fail "seq $s: no check-in"

	# Into an empty log: the same export, every count that of the file.
	DB=$T/e$s.db
	expect_exit 0 bp import "$T/a$s.json"
	cp "$T/out" "$T/e$s.out"
	plain export | cmp - "$T/a$s.json" ||
		fail "seq $s: export -> import -> export differs"
	for t in $TABLES; do
		[ "$(shown "$t" "$T/e$s.out")" = "$(rows "$T/a$s.db" "$t")" ] ||
			fail "seq $s: $t: printed $(shown "$t" "$T/e$s.out"), the file has $(rows "$T/a$s.db" "$t")"
	done
	grep -q "(" "$T/e$s.out" && fail "seq $s: an empty log had something"

	# Into the log with other data: both whole.
	DB=$T/b$s.db
	cp "$T/other.base" "$DB"
	expect_exit 0 bp import "$T/a$s.json"
	cp "$T/out" "$T/b$s.out"
	for t in $TABLES; do
		[ "$(shown "$t" "$T/b$s.out")" = "$(rows "$T/a$s.db" "$t")" ] ||
			fail "seq $s: $t: printed $(shown "$t" "$T/b$s.out") into the other log"
		[ "$(rows "$DB" "$t")" = $(($(rows "$T/a$s.db" "$t") + $(rows "$T/other.base" "$t"))) ] ||
			fail "seq $s: $t: $(rows "$DB" "$t") rows, not those of both"
		missing=$( (sqlite3 "$T/a$s.db" "SELECT uid FROM $t"
			sqlite3 "$T/other.base" "SELECT uid FROM $t") | sort |
			comm -23 - <(sqlite3 "$DB" "SELECT uid FROM $t" | sort))
		[ -z "$missing" ] || fail "seq $s: $t: rows lost: $missing"
	done
	# Again, as it is and from before uids: all of it already there.
	sed -E 's/,"uid":"[0-9a-f]{32}"//g; s/,"revision":[0-9]+//g; s/"format":3/"format":1/' \
		"$T/a$s.json" >"$T/a$s.v1.json"
	for f in "$T/a$s.json" "$T/a$s.v1.json"; do
		cp "$DB" "$T/before.db"
		expect_exit 0 plain import "$f"
		counts "$T/out" | awk '$2 != 0 || $4 != 0 || $7 != 0 { bad = 1 }
			END { exit bad }' ||
			{ cat "$T/out" >&2; fail "seq $s: $f again changed the log"; }
		for t in $TABLES; do
			[ "$(counts "$T/out" | awk -v t="$t" '$1 == t { print $5 }')" = "$(rows "$T/a$s.db" "$t")" ] ||
				{ cat "$T/out" >&2; fail "seq $s: $f again: $t not all already there"; }
		done
		[ "$(sqlite3 "$DB" .dump)" = "$(sqlite3 "$T/before.db" .dump)" ] ||
			fail "seq $s: $f again changed the log"
	done

	# --replace into a log of another sequence on the same days.
	DB=$T/c$s.db
	sequence $((seed + 500)) 20 21 22 23
	cp "$DB" "$T/c$s.before"
	expect_exit 0 bp import --replace "$T/a$s.json"
	cp "$T/out" "$T/c$s.out"
	named=$(sed -n '/^The log.s rows this import replaced or removed:$/,$p' \
		"$T/out" | grep -c '^  ')
	counts "$T/c$s.out" >"$T/c$s.counts"
	[ "$named" = "$(awk '{ n += $3 + $4 + $7 } END { print n + 0 }' "$T/c$s.counts")" ] ||
		{ cat "$T/out" >&2; fail "seq $s: $named rows named, not the number replaced and removed"; }
	while read -r t n newer replaced same older removed; do
		added=$((n - newer - replaced))
		[ "$(rows "$DB" "$t")" = $(($(rows "$T/c$s.before" "$t") + added - removed)) ] ||
			{ cat "$T/out" >&2; fail "seq $s: --replace: $t: $(rows "$DB" "$t") rows after, not $(rows "$T/c$s.before" "$t") + $added - $removed"; }
		[ $((n + same + older)) = "$(rows "$T/a$s.db" "$t")" ] ||
			{ cat "$T/out" >&2; fail "seq $s: --replace: $t: the counts do not add up to the file's rows"; }
	done <"$T/c$s.counts"
	for t in $TABLES; do
		missing=$(sqlite3 "$T/a$s.db" "SELECT uid FROM $t" | sort |
			comm -23 - <(sqlite3 "$DB" "SELECT uid FROM $t" | sort))
		for u in $missing; do
			# A mark the log had that day stays the log's.
			[ "$t" = session ] &&
				[ "$(sqlite3 "$T/a$s.db" "SELECT count(*) FROM session AS a
				WHERE uid = '$u' AND minutes IS NULL")" = 1 ] &&
				[ "$(sqlite3 "$DB" "ATTACH '$T/a$s.db' AS a;
				SELECT count(*) FROM session AS l JOIN a.session AS f
				ON f.uid = '$u' AND l.practice = f.practice
				AND l.day = f.day")" -gt 0 ] && continue
			fail "seq $s: --replace lost the file's $t $u"
		done
	done
	# What --replace made exports and imports as it is.
	plain export >"$T/c$s.json" || fail "seq $s: export after --replace"
	DB=$T/ce$s.db
	expect_exit 0 plain import "$T/c$s.json"
	plain export | cmp - "$T/c$s.json" ||
		fail "seq $s: the log after --replace does not round-trip"
	echo "sequence $s: $(sqlite3 "$T/a$s.db" "SELECT (SELECT count(*) FROM checkin)
		|| ' check-ins, ' || (SELECT count(*) FROM trial) || ' trials, '
		|| (SELECT count(*) FROM flare) || ' flare-ups, '
		|| (SELECT count(*) FROM habit) || ' habits'"); --replace:" \
		"$(awk '{ r += $4; m += $7 } END { print r + 0 " replaced, " m + 0 " removed" }' "$T/c$s.counts")"
done
echo "$SEQUENCES random logs: every row kept, exports identical, counts true"
