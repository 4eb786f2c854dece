#!/usr/bin/env bash
# build_120days.sh: a log of 120 days (2026-07-28 .. 2026-11-24, "today")
# with four trials that land on four verdicts, built with the real commands
# under faketime, each check-in and session on its own day (rv_on).
# Sourced (after lib.sh) by review_120days.sh, report_120days.sh, import.sh
# and tests/robust/report_pdf.sh, which call
# build_120days; run on its own (the test cli/build_120days), it builds the
# log command by command and reads it back with sqlite3 to check that it
# holds what the hand arithmetic in tests/cli/expected/review_120days.txt
# assumes, then keeps it as $FIXTURES/120days.db (run.sh sets FIXTURES), so
# that the scripts that need it copy it rather than build it again; the
# same for the issue 12 variant below, kept as 120days-issue12.db. They
# run after this test (their "# after:" line); without the copy (ONLY=
# leaves this test out, or it failed) they build the log themselves.
#
#   reading     2026-08-04 .. 2026-08-31  substantial
#   workout     2026-09-08 .. 2026-10-05  meaningful, by points
#   stretching  2026-11-02 .. 2026-11-22  low-practice
#   mat         2026-11-20 .. running     too-early (a wildcard)
#
# With REVIEW_ISSUE12=1 (tests/robust/report_pdf.sh) the same days also
# rate interference (pain less one, every day but Sundays), the workout is
# kept as a habit (stop --keep) and done on four days after, and two
# flare-ups are recorded: from
# 2026-09-01 (moving house) until the person says it is over on
# 2026-09-08, and from 2026-11-20, over by itself after two calm days.

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	. "$(dirname "$0")/../lib.sh"
fi

REVIEW_PACK="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/fixtures/packs/review.yaml"
REVIEW_NOW='2026-11-24 12:00:00'

# rv ARGS...: the binary ($BP, default $BACKPAIN) at REVIEW_NOW on the log
# $DB (default $T/log.db) with the review test pack.
rv() {
	faketime "$REVIEW_NOW" "${BP:-$BACKPAIN}" --db "${DB:-$T/log.db}" \
		--pack "$REVIEW_PACK" "$@"
}

# rv_ok ARGS...: rv, failing the test unless it exits 0.
rv_ok() {
	rv "$@" >"$T/rv.out" 2>"$T/rv.err" ||
		{ cat "$T/rv.out" "$T/rv.err" >&2; fail "backpain $* failed"; }
}

# rv_on DAY ARGS...: rv_ok with the clock at noon of DAY and the plain
# build, for the fixtures: a person checking in daily enters each rating on
# its own day (one entered more than 3 days after its day is recalled, and
# no verdict reads it; tests/lib.sh bp_on).
rv_on() {
	local day=$1
	shift
	REVIEW_NOW="$day 12:00:00" BP=$BACKPAIN rv_ok "$@"
}

# One line a day: DAY PAIN DID NOTE, "-" for none. Days left out have no
# check-in: 08-27, 09-15, 09-22, 10-09, 10-17, 10-28, 11-10 and 11-24.
REVIEW_DAYS='
2026-07-28 6 - -
2026-07-29 7 - -
2026-07-30 6 - -
2026-07-31 6 - -
2026-08-01 7 - -
2026-08-02 6 - -
2026-08-03 5 - -
2026-08-04 6 read-chapter started the book
2026-08-05 6 read-chapter -
2026-08-06 5 read-chapter -
2026-08-07 6 read-chapter -
2026-08-08 5 read-chapter -
2026-08-09 5 - -
2026-08-10 5 - -
2026-08-11 5 read-chapter -
2026-08-12 4 read-chapter a calmer week at work
2026-08-13 5 read-chapter -
2026-08-14 4 read-chapter -
2026-08-15 4 read-chapter -
2026-08-16 4 - -
2026-08-17 4 read-chapter -
2026-08-18 4 read-chapter -
2026-08-19 3 read-chapter -
2026-08-20 4 read-chapter walked to the shops without stopping
2026-08-21 3 read-chapter -
2026-08-22 3 read-chapter -
2026-08-23 3 - -
2026-08-24 3 read-chapter -
2026-08-25 3 read-chapter -
2026-08-26 3 read-chapter -
2026-08-28 3 read-chapter -
2026-08-29 2 read-chapter -
2026-08-30 3 - -
2026-08-31 3 read-chapter finished the book
2026-09-01 7 - flare after moving house
2026-09-02 8 - -
2026-09-03 8 - -
2026-09-04 7 - -
2026-09-05 8 - -
2026-09-06 8 - -
2026-09-07 7 - -
2026-09-08 7 - first workout, hard going
2026-09-09 7 workout-12 -
2026-09-10 6 - -
2026-09-11 7 workout-12 -
2026-09-12 7 workout-12 -
2026-09-13 6 workout-12 -
2026-09-14 6 - -
2026-09-16 6 workout-12 -
2026-09-17 6 workout-12 -
2026-09-18 7 workout-12 -
2026-09-19 6 - -
2026-09-20 6 workout-12 sore legs
2026-09-21 6 - -
2026-09-23 6 workout-12 -
2026-09-24 6 workout-12 -
2026-09-25 5 workout-12 -
2026-09-26 6 - -
2026-09-27 6 - -
2026-09-28 5 - -
2026-09-29 5 - -
2026-09-30 6 workout-12 -
2026-10-01 5 workout-12 -
2026-10-02 6 workout-12 -
2026-10-03 5 - -
2026-10-04 6 workout-12 -
2026-10-05 5 - keeping the workout as a habit
2026-10-06 6 - -
2026-10-07 5 - -
2026-10-08 6 - -
2026-10-10 5 - -
2026-10-11 6 - -
2026-10-12 5 - -
2026-10-13 5 - -
2026-10-14 6 - long drive, stiff afterwards
2026-10-15 5 - -
2026-10-16 5 - -
2026-10-18 6 - -
2026-10-19 5 - -
2026-10-20 5 - -
2026-10-21 5 - -
2026-10-22 6 - -
2026-10-23 5 - -
2026-10-24 5 - -
2026-10-25 6 - -
2026-10-26 5 - -
2026-10-27 5 - -
2026-10-29 5 - -
2026-10-30 6 - -
2026-10-31 5 - -
2026-11-01 5 - -
2026-11-02 5 - starting the stretches
2026-11-03 5 stretch-hold -
2026-11-04 6 - -
2026-11-05 5 stretch-hold -
2026-11-06 5 - -
2026-11-07 5 - -
2026-11-08 6 stretch-hold -
2026-11-09 5 - -
2026-11-11 5 - -
2026-11-12 5 stretch-hold -
2026-11-13 5 - -
2026-11-14 6 - <b>sore</b> & *stiff* | after [the] drive
2026-11-15 5 - -
2026-11-16 5 - -
2026-11-17 5 stretch-hold -
2026-11-18 4 - -
2026-11-19 5 - -
2026-11-20 5 - ESC
2026-11-21 5 stretch-hold -
2026-11-22 4 - -
2026-11-23 4 - -
'

# Timed sessions with pain before and after: PRACTICE DAY MINUTES BEFORE AFTER.
REVIEW_SESSIONS='
read-chapter 2026-08-05 30 6 5
read-chapter 2026-08-27 30 5 4
workout-12 2026-09-08 12 7 6
workout-12 2026-09-10 12 6 4
workout-12 2026-09-15 12 6 5
workout-12 2026-09-20 12 6 5
workout-12 2026-09-29 12 6 4
workout-12 2026-10-03 12 6 4
mat-lie 2026-11-20 20 6 4
mat-lie 2026-11-21 20 5 4
mat-lie 2026-11-22 20 6 5
mat-lie 2026-11-23 20 5 4
'

# build_120days: puts the log at ${DB:-$T/log.db} (its issue 12 variant
# with REVIEW_ISSUE12): a copy of the one this run has built and checked
# already, else built here.
build_120days() {
	local db=${DB:-$T/log.db}
	local fx=${FIXTURES:-}/120days${REVIEW_ISSUE12:+-issue12}.db
	if [ -n "${FIXTURES:-}" ] && [ -f "$fx" ]; then
		rm -f "$db" "$db-wal" "$db-shm" "$db.checked"
		cp --preserve=mode "$fx" "$db" || fail "cannot copy $fx"
		if [ -f "$fx-wal" ]; then
			cp --preserve=mode "$fx-wal" "$db-wal" || fail "cannot copy $fx-wal"
		fi
		return 0
	fi
	build_120days_by_commands
}

# build_120days_by_commands: builds the log at ${DB:-$T/log.db} with the
# program's commands.
build_120days_by_commands() {
	local day pain did note p m b a args

	# The first-run answers, dated that day, go in as the onboarding
	# screen stores them (backpain safety --answer would date them with
	# the clock), into the log that a first review (of no trial yet)
	# creates. The yes to night pain holds every approach back until a
	# doctor has seen it (issue 11): the person was seen on 08-01, before
	# the first trial, and records it with the command.
	rv_ok review
	sqlite3 "${DB:-$T/log.db}" "
		INSERT INTO profile (key, value) VALUES
		    ('usual_pain', '6'), ('onboarded', '2026-07-28');
		INSERT INTO screening (flag_id, answer, asked_at) VALUES
		    ('recent-injury', 0, '2026-07-28T09:00:00+00:00'),
		    ('numbness', 0, '2026-07-28T09:00:10+00:00'),
		    ('fever', 0, '2026-07-28T09:00:20+00:00'),
		    ('night-pain', 1, '2026-07-28T09:00:30+00:00');" ||
		fail "cannot write the first-run answers"
	rv_ok safety --checked night-pain --date 2026-08-01

	rv_ok start reading --date 2026-08-04
	rv_ok stop reading --outcome helped --impression much-better \
		--date 2026-08-31
	rv_ok start workout --date 2026-09-08
	if [ -n "${REVIEW_ISSUE12:-}" ]; then
		rv_ok stop workout --keep --date 2026-10-05
		rv_ok flare --pain 8 --note "moving house" --date 2026-09-01
		rv_ok flare --over --date 2026-09-08
		rv_ok flare --pain 7 --date 2026-11-20
	else
		rv_ok stop workout --outcome helped --date 2026-10-05
	fi
	rv_ok start stretching --date 2026-11-02
	rv_ok stop stretching --outcome no-change --impression 4 \
		--date 2026-11-22
	rv_ok start mat --date 2026-11-20

	while read -r day pain did note; do
		[ -n "$day" ] || continue
		args=("$pain")
		[ "$did" = - ] || args+=(--did "$did")
		[ -n "${REVIEW_ISSUE12:-}" ] &&
			[ "$(date -u -d "$day" +%u)" != 7 ] &&
			args+=(--interference $((pain - 1)))
		case $note in
		-) ;;
		ESC) args+=(--note "$(printf 'mat at night \033[31mred\033[0m\tthen slept')") ;;
		*) args+=(--note "$note") ;;
		esac
		rv_on "$day" checkin "${args[@]}"
	done <<<"$REVIEW_DAYS"

	while read -r p day m b a; do
		[ -n "$p" ] || continue
		rv_on "$day" practice "$p" --minutes "$m" --before "$b" \
			--after "$a"
	done <<<"$REVIEW_SESSIONS"
	if [ -n "${REVIEW_ISSUE12:-}" ]; then
		for day in 2026-10-12 2026-10-19 2026-10-26 2026-11-09; do
			rv_on "$day" practice workout-12
		done
	fi
}

# keep_120days DB NAME: DB (and its WAL) kept as $FIXTURES/NAME.db for the
# scripts that copy it; each file written whole, then renamed.
keep_120days() {
	local f
	[ -n "${FIXTURES:-}" ] || return 0
	mkdir -p "$FIXTURES" || fail "cannot make $FIXTURES"
	for f in "$1" "$1-wal"; do
		[ -f "$f" ] || continue
		cp --preserve=mode "$f" "$FIXTURES/$2.tmp" &&
			mv "$FIXTURES/$2.tmp" "$FIXTURES/$2.db${f#"$1"}" ||
			fail "cannot keep $f in $FIXTURES"
	done
	echo "kept as $FIXTURES/$2.db"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	build_120days_by_commands
	q() { sqlite3 "$T/log.db" "$1"; }
	[ "$(q 'SELECT count(*) FROM checkin')" = 112 ] ||
		fail "expected 112 check-ins"
	[ "$(q "SELECT min(day) || ' ' || max(day) FROM checkin")" = \
		"2026-07-28 2026-11-23" ] || fail "wrong first or last day"
	[ "$(q "SELECT group_concat(approach || ' ' || started_on || ' ' ||
		ifnull(ended_on, '-'), ', ') FROM trial ORDER BY id")" = \
		"reading 2026-08-04 2026-08-31, workout 2026-09-08 2026-10-05, stretching 2026-11-02 2026-11-22, mat 2026-11-20 -" ] ||
		fail "wrong trials"
	# The sums the hand arithmetic uses.
	w() { q "SELECT count(*) || ' ' || sum(pain) FROM checkin
		WHERE day BETWEEN '$1' AND '$2'"; }
	[ "$(w 2026-07-28 2026-08-03)" = "7 43" ] || fail "reading before"
	[ "$(w 2026-08-25 2026-08-31)" = "6 17" ] || fail "reading during"
	[ "$(w 2026-09-01 2026-09-07)" = "7 53" ] || fail "workout before"
	[ "$(w 2026-09-29 2026-10-05)" = "7 38" ] || fail "workout during"
	[ "$(w 2026-10-26 2026-11-01)" = "6 31" ] || fail "stretching before"
	[ "$(w 2026-11-16 2026-11-22)" = "7 33" ] || fail "stretching during"
	[ "$(w 2026-11-13 2026-11-19)" = "7 35" ] || fail "mat before"
	[ "$(w 2026-11-20 2026-11-24)" = "4 18" ] || fail "mat during"
	# Practised days: distinct days with a session of the approach.
	pd() { q "SELECT count(DISTINCT day) FROM session
		WHERE approach = '$1'"; }
	[ "$(pd reading) $(pd workout) $(pd stretching) $(pd mat)" = \
		"23 20 6 4" ] || fail "practised days"
	[ "$(stat -c %a "$T/log.db")" = 600 ] || fail "the log is not 0600"
	echo "ok: the 120-day log holds what the arithmetic assumes"
	keep_120days "$T/log.db" 120days

	# The issue 12 variant: the same days, with what its users read back
	# (the habit, the flare-ups, the interference ratings).
	DB=$T/issue12.db REVIEW_ISSUE12=1 build_120days_by_commands
	q() { sqlite3 "$T/issue12.db" "$1"; }
	[ "$(q 'SELECT count(*) FROM checkin')" = 112 ] ||
		fail "issue 12: expected 112 check-ins"
	[ "$(q "SELECT count(*) FROM checkin WHERE interference IS NOT NULL")" = \
		"$(q "SELECT count(*) FROM checkin WHERE strftime('%w', day) <> '0'")" ] ||
		fail "issue 12: interference not rated on every day but Sundays"
	[ "$(q "SELECT approach || ' ' || kept_on || ' ' || ifnull(dropped_on, '-')
		FROM habit")" = "workout 2026-10-05 -" ] ||
		fail "issue 12: wrong habit"
	[ "$(q "SELECT group_concat(began_on || ' ' || ifnull(ended_on, '-') ||
		' ' || ifnull(ended_by, '-'), ', ') FROM flare ORDER BY id")" = \
		"2026-09-01 2026-09-08 person, 2026-11-20 2026-11-21 calm" ] ||
		fail "issue 12: wrong flare-ups"
	[ "$(stat -c %a "$T/issue12.db")" = 600 ] ||
		fail "issue 12: the log is not 0600"
	echo "ok: the issue 12 variant has its habit and flare-ups"
	keep_120days "$T/issue12.db" 120days-issue12
fi
