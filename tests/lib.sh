# lib.sh: shared helpers for the shell tests; source it first.
# Gives each test a private temporary HOME and removes it afterwards.
set -u
T=$(mktemp -d "${TMPDIR:-/tmp}/backpain-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home"
mkdir -p "$HOME"
unset XDG_DATA_HOME XDG_CONFIG_HOME BACKPAIN_DB BACKPAIN_PACK NO_COLOR
export LC_ALL=C.UTF-8 TZ=UTC
: "${BACKPAIN:?run through tests/run.sh or set BACKPAIN}"

# fail MESSAGE: end the test as failed.
fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# expect_exit CODE COMMAND...: run COMMAND (output to $T/out, $T/err) and
# fail unless it exits with CODE.
expect_exit() {
	local want=$1 rc
	shift
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
	if [ "$rc" != "$want" ]; then
		echo "--- stdout:" >&2; cat "$T/out" >&2
		echo "--- stderr:" >&2; cat "$T/err" >&2
		fail "$* exited $rc, expected $want"
	fi
}

# expect_same EXPECTED_FILE ACTUAL_FILE: fail with a diff unless equal.
expect_same() {
	diff -u "$1" "$2" >&2 || fail "$2 differs from $1"
}

# expect_grep PATTERN FILE: fail unless FILE has a line matching PATTERN.
expect_grep() {
	grep -q -e "$1" "$2" || { cat "$2" >&2; fail "no '$1' in $2"; }
}

# Helpers for the tests of the daily commands (tests/cli, tests/robust).
# CLI_PACK is the small fixture pack, CLI_NOW the fixed "now" of the
# scenarios; bp runs the sanitized binary (the plain one when there is no
# sanitized build; BP=PATH to choose) at CLI_NOW on the log $DB (default
# $T/log.db) with that pack. libfaketime is preloaded ahead of the
# sanitizer's runtime, which ASan must be told is fine.
CLI_PACK="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/fixtures/packs/cli.yaml"
CLI_NOW='2026-11-24 12:00:00'
bp() {
	local bin=${BP:-${BACKPAIN_ASAN:-}}
	[ -n "$bin" ] && [ -x "$bin" ] || bin=$BACKPAIN
	ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" \
		faketime "$CLI_NOW" "$bin" --db "${DB:-$T/log.db}" \
		--pack "$CLI_PACK" "$@"
}

# plain COMMAND...: COMMAND (bp, step, refuse, ...) on the plain build, for
# the commands that only set the scene of a test: their paths run under
# the sanitizer in the tests of their own, and the sanitized build costs
# a process several times as much.
plain() {
	BP=$BACKPAIN "$@"
}

# bp_on DAY ARGS...: bp with the clock at noon of DAY (YYYY-MM-DD), the
# way a person checking in that day runs it. A fixture that stands for a
# person checking in daily enters each rating on its own day: a rating
# entered more than 3 days after its day (PROGRAM_RECALL_DAYS) is recalled,
# and no verdict reads it. For setting a scene, `plain bp_on DAY ...`.
bp_on() {
	local day=$1
	shift
	CLI_NOW="$day 12:00:00" bp "$@"
}

# log_dump: the whole log at $DB as SQL text, for before/after comparisons.
log_dump() {
	sqlite3 "${DB:-$T/log.db}" .dump
}

# step ARGS...: run bp ARGS and append to $T/transcript the command, its
# stdout, its stderr (lines marked "stderr: ") and its exit status.
step() {
	local rc
	bp "$@" >"$T/step.out" 2>"$T/step.err"
	rc=$?
	{
		printf '$ backpain'
		printf ' %q' "$@"
		printf '\n'
		cat "$T/step.out"
		sed 's/^/stderr: /' "$T/step.err"
		printf '[exit %d]\n' "$rc"
	} >>"$T/transcript"
	return 0
}

# refuse CODE ARGS...: like step, and fail unless bp ARGS exits CODE and
# leaves the log exactly as it was.
refuse() {
	local want=$1 before after rc
	shift
	before=$(log_dump)
	step "$@"
	rc=$(tail -n 1 "$T/transcript")
	after=$(log_dump)
	[ "$rc" = "[exit $want]" ] || { tail -n 5 "$T/transcript" >&2; fail "$* gave $rc, expected $want"; }
	[ "$before" = "$after" ] || fail "$* changed the log"
}

# faketime [-f] SPEC COMMAND...: run COMMAND with the clock set by SPEC
# ("2026-11-24 12:00:00" starts the clock there; -f passes a libfaketime
# spec such as "@2026-11-24 12:00:00 x60" as it is). This shadows the
# faketime wrapper on purpose: the wrapper keeps a semaphore in /dev/shm per
# process and leaves it behind when killed, and a later wrapper whose pid
# matches then fails with "sem_open: File exists". Preloading the library
# directly needs no shared state. NO_FAKE_STAT: files keep their real times,
# the same in every process (the log's stamp compares them).
FAKETIME_LIB=
for _f in /usr/lib/*/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1 \
	/usr/local/lib/faketime/libfaketime.so.1; do
	[ -e "$_f" ] && { FAKETIME_LIB=$_f; break; }
done
faketime() {
	local spec
	[ -n "$FAKETIME_LIB" ] || { echo "libfaketime not found" >&2; return 127; }
	if [ "$1" = -f ]; then
		spec=$2
		shift 2
	else
		spec="@$(date -d "$1" '+%Y-%m-%d %H:%M:%S')" || return 2
		shift
	fi
	LD_PRELOAD="$FAKETIME_LIB${LD_PRELOAD:+:$LD_PRELOAD}" FAKETIME="$spec" \
		FAKETIME_DONT_FAKE_MONOTONIC=1 NO_FAKE_STAT=1 \
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
		"$@"
}

# Reading the program's CSV, JSON and HTML back without anything but the
# sqlite3 shell (its readfile(), CSV import and JSON functions) and awk.

# sqlq STRING: STRING with its single quotes doubled, for an SQL literal.
sqlq() {
	printf '%s' "$1" | sed "s/'/''/g"
}

# utf8_ok FILE: FILE is valid UTF-8.
utf8_ok() {
	iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1 ||
		{ echo "$1 is not valid UTF-8" >&2; return 1; }
}

# json_ok FILE: FILE is one JSON text (RFC 8259: sqlite3's json_valid,
# strict before 3.42 and with flag 1 since 3.45) in valid UTF-8.
json_ok() {
	local v strict=
	utf8_ok "$1" || return 1
	v=$(sqlite3 :memory: "SELECT sqlite_version()") || return 1
	case $v in
	3.[0-9].* | 3.[1-3][0-9].* | 3.4[0-4].*) ;;
	*) strict=", 1" ;;
	esac
	v=$(sqlite3 :memory: "SELECT json_valid(CAST(readfile('$(sqlq "$1")')
		AS TEXT)$strict)") || return 1
	[ "$v" = 1 ] || { echo "$1 is not JSON" >&2; return 1; }
}

# json_at FILE PATH: the value at PATH ("$[0].note") of the JSON in FILE,
# as sqlite3 prints it (a string bare, null as nothing).
json_at() {
	sqlite3 :memory: "SELECT CAST(readfile('$(sqlq "$1")') AS TEXT)
		->> '$(sqlq "$2")'"
}

# json_expect FILE: each line of stdin is "PATH JSON" (say `$[0].days 28`
# or `$[1].title "A <b>"`); fail unless the JSON in FILE holds, at every
# PATH, a value of the same type and value as JSON (numbers compared as
# numbers, so 3.30 is 3.3; null only for null, not for a missing key;
# arrays and objects compared whole).
json_expect() {
	local f=$1 path val rows= bad
	json_ok "$f" || fail "$f is not JSON"
	while read -r path val; do
		[ -n "$path" ] || continue
		rows="$rows${rows:+,}('$(sqlq "$path")', '$(sqlq "$val")')"
	done
	[ -n "$rows" ] || fail "json_expect: no expectations"
	bad=$(sqlite3 :memory: "
		WITH d(doc) AS (SELECT CAST(readfile('$(sqlq "$f")') AS TEXT)),
		w(path, want) AS (VALUES $rows),
		t(path, want, gt, wt, gv, wv) AS (
			SELECT path, want,
			    replace(replace(ifnull(json_type(doc, path), 'missing'),
			        'integer', 'number'), 'real', 'number'),
			    replace(replace(json_type(want), 'integer', 'number'),
			        'real', 'number'),
			    doc ->> path, want ->> '\$'
			FROM d, w)
		SELECT path || ': got ' || ifnull((SELECT doc -> t.path FROM d),
		    '(missing)') || ', expected ' || want
		FROM t WHERE gt IS NOT wt OR gv IS NOT wv") ||
		fail "sqlite3 could not read $f"
	[ -z "$bad" ] || fail "JSON of $f: $bad"
}

# json_length FILE [PATH]: the length of the array at PATH (default the
# whole text) of the JSON in FILE; nothing when it is not an array.
json_length() {
	sqlite3 :memory: "SELECT json_array_length(CAST(readfile('$(sqlq "$1")')
		AS TEXT), '$(sqlq "${2:-\$}")')"
}

# html_balanced FILE: every element FILE opens it closes, innermost first,
# as an HTML parser pairs them: tag names in any case, void elements (meta,
# br, circle, line, rect, polyline, link) and <x/> left open, comments,
# <!DOCTYPE> and the text of <style> and <script> skipped, a ">" inside a
# quoted attribute not ending the tag. Says where it first went wrong.
html_balanced() {
	awk '
	function line(to, t) { t = substr(s, 1, to); return gsub(/\n/, "", t) + 1 }
	function bad(msg, at) {
		printf "%s:%d: %s\n", FILENAME, line(at), msg > "/dev/stderr"
		failed = 1
		exit 1
	}
	{ s = s $0 "\n" }
	END {
		if (failed) exit 1
		split("meta br circle line rect polyline link", v, " ")
		for (k in v) void[v[k]] = 1
		n = length(s); i = 1; depth = 0
		while ((j = index(substr(s, i), "<")) > 0) {
			i += j - 1
			if (substr(s, i + 1, 3) == "!--") {
				k = index(substr(s, i + 4), "-->")
				if (!k) bad("a comment that does not end", i)
				i += 3 + k + 2
				continue
			}
			c = substr(s, i + 1, 1)
			if (c == "!" || c == "?") {
				k = index(substr(s, i), ">")
				if (!k) bad("a declaration that does not end", i)
				i += k
				continue
			}
			if (c == "/" && match(substr(s, i + 2), /^[A-Za-z][A-Za-z0-9-]*/)) {
				name = tolower(substr(s, i + 2, RLENGTH))
				k = index(substr(s, i), ">")
				if (!k) bad("</" name " does not end", i)
				if (depth == 0)
					bad("</" name "> closes nothing", i)
				if (stack[depth] != name)
					bad("</" name "> closes <" stack[depth] "> (opened at line " opened[depth] ")", i)
				depth--
				i += k
				continue
			}
			if (!match(substr(s, i + 1), /^[A-Za-z][A-Za-z0-9-]*/)) {
				i++
				continue
			}
			name = tolower(substr(s, i + 1, RLENGTH))
			p = i + 1 + RLENGTH
			q = ""
			while (p <= n) {
				c = substr(s, p, 1)
				if (q != "") {
					if (c == q) q = ""
				} else if (c == "\"" || c == "'\''") {
					q = c
				} else if (c == ">") {
					break
				}
				p++
			}
			if (p > n) bad("<" name " does not end", i)
			start = i
			i = p + 1
			if (substr(s, p - 1, 1) == "/" || (name in void)) continue
			stack[++depth] = name
			opened[depth] = line(start)
			if (name == "style" || name == "script") {
				k = index(tolower(substr(s, i)), "</" name)
				if (!k) bad("<" name "> is never closed", start)
				i += k - 1
			}
		}
		if (depth > 0)
			bad("<" stack[depth] "> (line " opened[depth] ") is never closed", n)
	}' "$1"
}
