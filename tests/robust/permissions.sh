#!/usr/bin/env bash
# The log is health data: the file (and its -wal and -shm companions) 0600
# in a 0700 directory, whatever the umask, at the default XDG path, under
# XDG_DATA_HOME, with BACKPAIN_DB and with --db.
. "$(dirname "$0")/../lib.sh"

mode() { stat -c %a "$1"; }
check() { # DB_PATH
	local f
	[ "$(mode "$(dirname "$1")")" = 700 ] ||
		fail "$(dirname "$1") is $(mode "$(dirname "$1")"), not 700"
	for f in "$1" "$1-wal" "$1-shm"; do
		[ -e "$f" ] || continue
		[ "$(mode "$f")" = 600 ] || fail "$f is $(mode "$f"), not 600"
	done
	[ "$(sqlite3 "$1" 'select count(*) from checkin')" = 1 ] ||
		fail "$1 has no check-in"
}

for mask in 000 077 022; do
	H="$T/home-$mask"
	mkdir -p "$H"
	(
		umask $mask
		export HOME=$H
		faketime "$CLI_NOW" "$BACKPAIN" checkin 3 >/dev/null ||
			fail "default path, umask $mask"
		# Another process keeps the WAL open while we look.
		faketime "$CLI_NOW" "$BACKPAIN" status >/dev/null ||
			fail "status, umask $mask"
		check "$H/.local/share/backpain/log.db"

		XDG_DATA_HOME="$H/xdg" faketime "$CLI_NOW" "$BACKPAIN" \
			checkin 3 >/dev/null || fail "XDG_DATA_HOME, umask $mask"
		check "$H/xdg/backpain/log.db"

		BACKPAIN_DB="$H/env/deeper/log.db" faketime "$CLI_NOW" \
			"$BACKPAIN" checkin 3 >/dev/null ||
			fail "BACKPAIN_DB, umask $mask"
		check "$H/env/deeper/log.db"

		faketime "$CLI_NOW" "$BACKPAIN" checkin 3 \
			--db "$H/opt/log.db" >/dev/null || fail "--db, umask $mask"
		check "$H/opt/log.db"
		faketime "$CLI_NOW" "$BACKPAIN" --db "$H/opt2/log.db" \
			checkin 3 >/dev/null || fail "--db first, umask $mask"
		check "$H/opt2/log.db"
	) || exit 1
done

# A log another user could read is not ours to guess about: it is made
# private again when opened.
umask 022
mkdir -p "$T/loose" && chmod 755 "$T/loose"
faketime "$CLI_NOW" "$BACKPAIN" --db "$T/loose/log.db" checkin 3 >/dev/null ||
	fail "loose"
chmod 644 "$T/loose/log.db"
faketime "$CLI_NOW" "$BACKPAIN" --db "$T/loose/log.db" checkin 4 >/dev/null ||
	fail "loose again"
[ "$(mode "$T/loose/log.db")" = 600 ] ||
	fail "a 0644 log stayed $(mode "$T/loose/log.db")"
