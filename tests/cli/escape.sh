#!/usr/bin/env bash
# cli/escape: a note that would drive a terminal (OSC 0 sets the window
# title, OSC 52 writes the clipboard, ESC[2J clears the screen, U+202E
# reverses the text, U+0085 is a C1 control) with a tab and a newline:
#  - to a pipe, history and export in CSV carry it exactly, and in JSON
#    as escapes only (no raw control byte), which sqlite3's json_extract
#    reads back identical to what the log holds;
#  - on a terminal (script(1) gives a real pty), history and export in CSV,
#    and the history table and the report, show it escaped: no ESC byte,
#    no C1 and no bidi control reaches the terminal.
. "$(dirname "$0")/../lib.sh"
DB=$T/log.db
command -v script >/dev/null || { echo "script (util-linux) is missing"; exit 77; }

NOTE=$'title\e]0;owned\aclip\e]52;c;aGVsbG8=\aclear\e[2Jrtl\u202eC1\u0085tab\tnl\nend'
DAY=2026-11-24
bp checkin 4 --note "$NOTE" >/dev/null || fail "the check-in was refused"
[ "$(sqlite3 "$DB" "select hex(note) from checkin")" = \
	"$(printf '%s' "$NOTE" | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" ] ||
	fail "the log does not hold the note as given"

# raw_controls FILE: fail when FILE holds ESC, BEL, C1 U+0085 or U+202E
# as raw bytes.
raw_controls() {
	! LC_ALL=C grep -q -e $'\e' -e $'\a' -e $'\xc2\x85' -e $'\xe2\x80\xae' \
		"$1"
}

# To a pipe: CSV exact.
bp history --format csv | cat >"$T/history.csv" || fail "history csv"
printf 'day,pain,interference,note,flare,recalled\n%s,4,,"%s",0,0\n' \
	"$DAY" "$NOTE" >"$T/want.csv"
cmp "$T/want.csv" "$T/history.csv" ||
	{ od -c "$T/history.csv" >&2; fail "history --format csv is not exact"; }
bp export --format csv | cat >"$T/export.csv" || fail "export csv"
grep -qF "$DAY,4,,\"$NOTE\"," "$T/export.csv" ||
	{ od -c "$T/export.csv" >&2; fail "export --format csv is not exact"; }

# To a pipe: JSON with escapes, read back exactly.
bp history --format json | cat >"$T/history.json" || fail "history json"
bp export --format json | cat >"$T/export.json" || fail "export json"
for f in history export; do
	raw_controls "$T/$f.json" ||
		{ od -c "$T/$f.json" >&2; fail "$f --format json has raw controls"; }
	for esc in '\u001b]0;owned\u0007' '\u001b]52;c;' '\u001b[2J' \
		'rtl\u202eC1\u0085tab\tnl\nend'; do
		grep -qF -- "$esc" "$T/$f.json" ||
			{ cat "$T/$f.json" >&2; fail "$f json lacks $esc"; }
	done
done
want=$(sqlite3 "$DB" "select hex(note) from checkin")
got=$(sqlite3 :memory: "select hex(json_extract(readfile('$T/history.json'),
	'\$[0].note'))")
[ "$got" = "$want" ] || fail "history json reads back as $got, not $want"
got=$(sqlite3 :memory: "select hex(json_extract(readfile('$T/export.json'),
	'\$.checkin[0].note'))")
[ "$got" = "$want" ] || fail "export json reads back as $got, not $want"

# on_terminal NAME ARGS...: backpain ARGS with stdout on a pty; what the
# terminal received goes to $T/NAME.tty.
on_terminal() {
	local name=$1 cmd
	shift
	# libfaketime preloaded as lib.sh does: the faketime wrapper's
	# semaphore (named by its pid) can collide with one a killed run
	# left behind ("sem_open: File exists").
	[ -n "$FAKETIME_LIB" ] || fail "libfaketime not found"
	cmd=$(printf '%q ' env ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" \
		LD_PRELOAD="$FAKETIME_LIB" FAKETIME="@$CLI_NOW" \
		FAKETIME_DONT_FAKE_MONOTONIC=1 NO_FAKE_STAT=1 \
		"${BP:-${BACKPAIN_ASAN:-$BACKPAIN}}" \
		--db "$DB" --pack "$CLI_PACK" "$@")
	SHELL=/bin/sh script -q -e -c "$cmd" /dev/null </dev/null \
		>"$T/$name.tty" 2>&1 || { cat "$T/$name.tty" >&2; fail "backpain $* on a terminal"; }
}
on_terminal history-csv history --format csv
on_terminal export-csv export --format csv
on_terminal history-table history
on_terminal report report
for f in history-csv export-csv history-table report; do
	raw_controls "$T/$f.tty" ||
		{ od -c "$T/$f.tty" >&2; fail "$f: a control reached the terminal"; }
done
# What the terminal shows instead: the escapes, the note on one line.
for f in history-csv export-csv; do
	grep -qF -- 'title\e]0;owned\x07clip\e]52;c;aGVsbG8=\x07clear\e[2Jrtl\u{202E}C1\u{0085}tab\tnl\nend' \
		"$T/$f.tty" || { cat "$T/$f.tty" >&2; fail "$f: the escaped note is not there"; }
done
