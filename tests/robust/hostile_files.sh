#!/usr/bin/env bash
# Files that are not what they should be are refused, without blocking and
# without changing anything: a FIFO as config, pack or log; a log directory
# others can write to; -wal or -shm that are another user's or not private;
# a --db that is not a backpain log (never chmodded); report -o onto a
# symbolic link or a FIFO. Each refusal names the file and says what to do.
. "$(dirname "$0")/../lib.sh"
DB=$T/log.db
bp checkin 4 >/dev/null || fail "first check-in"
cp "$DB" "$T/sound.db"

# within SECONDS COMMAND...: prints the exit status of COMMAND (output to
# $T/out, $T/err); a command still running after SECONDS fails the test.
within() {
	local rc secs=$1
	shift
	timeout "$secs" bash -c '"$@"' within "$@" >"$T/out" 2>"$T/err" </dev/null
	rc=$?
	[ "$rc" = 124 ] && fail "$* blocked"
	echo "$rc"
}

export -f bp faketime
export CLI_NOW CLI_PACK FAKETIME_LIB DB

# FIFOs: nothing ever writes to them; each command must answer at once.
mkfifo "$T/fifo"
mkdir -p "$HOME/.config/backpain"
mkfifo "$HOME/.config/backpain/config.yaml"
[ "$(within 10 bp status)" = 66 ] || fail "config FIFO: not 66"
expect_grep "config.yaml: cannot read: it is not a regular file" "$T/err"
[ "$(within 10 bp due)" = 66 ] || fail "config FIFO, due: not 66"
rm "$HOME/.config/backpain/config.yaml"
[ "$(within 10 "$BACKPAIN" --db "$DB" --pack "$T/fifo" status)" = 66 ] ||
	fail "pack FIFO: not 66"
expect_grep "fifo: cannot read: it is not a regular file" "$T/err"
[ "$(within 10 "$BACKPAIN" pack check "$T/fifo")" = 66 ] ||
	fail "pack check FIFO: not 66"
[ "$(within 10 env BACKPAIN_PACK="$T/fifo" "$BACKPAIN" --db "$DB" status)" = 66 ] ||
	fail "BACKPAIN_PACK FIFO: not 66"
[ "$(within 10 "$BACKPAIN" --db "$T/fifo" due)" = 73 ] ||
	fail "log FIFO: not 73"
expect_grep "cannot use $T/fifo as the log: it is not a regular file" "$T/err"

# A config that cannot be read is a missing input (66), not bad data:
# here a directory where the file should be.
mkdir "$HOME/.config/backpain/config.yaml"
refuse 66 status
grep -q "config.yaml: cannot read" "$T/step.err" || fail "config dir message"
rmdir "$HOME/.config/backpain/config.yaml"

# The log's directory: writable by others (even with the sticky bit, which
# does not stop them making log.db-wal first) or another user's: 77.
for m in 777 1777 770 757; do
	mkdir -m "$m" "$T/d$m"
	cp "$T/sound.db" "$T/d$m/log.db"
	DB=$T/d$m/log.db refuse 77 status
	grep -q "can be written by others (mode 0*$m).*chmod go-w $T/d$m" \
		"$T/step.err" || fail "mode $m: $(cat "$T/step.err")"
	[ ! -e "$T/d$m/log.db-wal" ] || fail "mode $m: a -wal was made"
	# A new log is not made there either.
	DB=$T/d$m/new.db step status
	[ ! -e "$T/d$m/new.db" ] || fail "mode $m: a new log was made"
done
mkdir -m 700 "$T/theirs"
cp "$T/sound.db" "$T/theirs/log.db"
chown nobody "$T/theirs"
DB=$T/theirs/log.db refuse 77 status
grep -q "directory $T/theirs belongs to another user" "$T/step.err" ||
	fail "another user's directory: $(cat "$T/step.err")"

# -wal and -shm: another user's, too wide, or not a file: 77, and nothing
# of the log read or changed.
mkdir -m 700 "$T/c"
for kind in wide-wal other-wal wide-shm link-shm; do
	cp "$T/sound.db" "$T/c/log.db"
	rm -f "$T/c/log.db-wal" "$T/c/log.db-shm"
	case $kind in
	wide-wal) : >"$T/c/log.db-wal"; chmod 666 "$T/c/log.db-wal" ;;
	other-wal) : >"$T/c/log.db-wal"; chmod 600 "$T/c/log.db-wal"
		chown nobody "$T/c/log.db-wal" ;;
	wide-shm) : >"$T/c/log.db-shm"; chmod 644 "$T/c/log.db-shm" ;;
	link-shm) ln -s "$T/elsewhere" "$T/c/log.db-shm" ;;
	esac
	cp "$T/c/log.db" "$T/c/before"
	expect_exit 77 bp --db "$T/c/log.db" checkin 2
	expect_grep "log.db-[ws][ah][lm], beside the log" "$T/err"
	expect_grep "nothing was changed" "$T/err"
	cmp -s "$T/c/log.db" "$T/c/before" || fail "$kind: the log changed"
	[ ! -e "$T/elsewhere" ] || fail "$kind: followed the link"
done
grep -q "chmod 600" <(bp --db "$T/c/log.db" status 2>&1; rm -f "$T/c/log.db-shm";
	: >"$T/c/log.db-wal"; chmod 640 "$T/c/log.db-wal";
	bp --db "$T/c/log.db" status 2>&1) || fail "no chmod advice for a wide -wal"

# --db naming a file that is not a backpain log, or a link to one: refused,
# and its mode left alone.
echo "a shopping list" >"$T/list.txt"
chmod 644 "$T/list.txt"
ln -s "$T/list.txt" "$T/list.db"
sqlite3 "$T/other.db" "PRAGMA user_version = 2; CREATE TABLE t (x)"
chmod 640 "$T/other.db"
cp "$T/other.db" "$T/other.copy"
for f in list.txt list.db other.db; do
	expect_exit 74 bp --db "$T/$f" status
done
[ "$(stat -c %a "$T/list.txt")" = 644 ] || fail "a text file was chmodded"
[ "$(stat -c %a "$T/other.db")" = 640 ] || fail "another database was chmodded"
cmp -s "$T/other.db" "$T/other.copy" || fail "another database changed"
expect_grep "other.db is an SQLite database but not a backpain log" "$T/err"
# A log of ours that others could read is still made private.
cp "$T/sound.db" "$T/c/loose.db"
chmod 644 "$T/c/loose.db"
bp --db "$T/c/loose.db" status >/dev/null || fail "a loose log"
[ "$(stat -c %a "$T/c/loose.db")" = 600 ] || fail "a loose log stayed loose"

# report -o: a symbolic link or a FIFO is refused and left as it was; -
# is standard output; a name in capitals picks the format too.
ln -s "$T/target" "$T/r.txt"
refuse 73 report -o "$T/r.txt"
grep -q "r.txt': it is a symbolic link" "$T/step.err" || fail "-o link message"
[ -L "$T/r.txt" ] && [ ! -e "$T/target" ] || fail "-o replaced or followed the link"
[ "$(within 10 bp report -o "$T/fifo")" = 73 ] || fail "-o FIFO: not 73"
[ -p "$T/fifo" ] || fail "-o replaced the FIFO"
(cd "$T" && expect_exit 0 bp report -o -) || exit 1
[ -s "$T/out" ] || fail "-o - wrote nothing to standard output"
[ ! -e "$T/-" ] || fail "-o - made a file named -"
expect_exit 0 bp report -o "$T/R.HTM"
grep -q "^<!DOCTYPE html>" "$T/R.HTM" || fail "-o x.HTM is not HTML"
expect_exit 0 bp report -o "$T/R.MD"
head -n 1 "$T/R.MD" | grep -q "^# " || fail "-o x.MD is not Markdown"

# --format with a value no command knows is a usage error everywhere.
for cmd in history export report review; do
	refuse 64 "$cmd" --format xml
done

# The clock at the end of the calendar, past the last day a log can hold
# (9998-12-31, day.h): today is refused for a check-in, the last day is
# not, and the HTML report still ends.
DB=$T/late.db
for when in '9999-12-15 12:00:00' '9999-12-31 12:00:00'; do
	rm -f "$DB" "$DB.checked"
	[ "$(CLI_NOW=$when within 20 bp checkin 3)" = 65 ] ||
		fail "a check-in today at $when was not refused"
	CLI_NOW=$when bp checkin 3 --date 9998-12-31 >/dev/null ||
		fail "check-in on the last day at $when"
	rc=0
	timeout 20 env LD_PRELOAD="$FAKETIME_LIB" FAKETIME="@$when" \
		NO_FAKE_STAT=1 "$BACKPAIN" --db "$DB" --pack "$CLI_PACK" \
		report --format html >"$T/late.html" || rc=$?
	[ "$rc" = 0 ] || fail "report --format html at $when exited $rc"
	grep -q "</html>" "$T/late.html" || fail "no whole report at $when"
done
echo "hostile files refused without blocking or changing anything"
