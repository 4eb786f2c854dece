#!/usr/bin/env bash
# The reminder's systemd user units, as make install puts them: the timer
# fires at 20:00 daily and catches up (Persistent); systemd-analyze verify
# passes on both units (when systemd-analyze is there); and the service's
# own command, run as systemd would run it, shows the reminder through
# notify-send when there is one, prints it for the journal when there is
# none or it fails, stays quiet once the day is checked in, and fails when
# the log cannot be read.
. "$(dirname "$0")/../lib.sh"
[ -x "$BACKPAIN" ] || fail "no binary at $BACKPAIN"
command -v make >/dev/null || { echo "make is not installed"; exit 77; }

root=$T/root
make --no-print-directory -C "$TOP" B="$B" DESTDIR="$root" PREFIX=/usr \
	install >"$T/make.log" 2>&1 || { cat "$T/make.log" >&2; fail "make install"; }
units=$root/usr/lib/systemd/user
service=$units/backpain-due.service
timer=$units/backpain-due.timer
[ -f "$service" ] && [ -f "$timer" ] || fail "the units are not installed"
expect_grep '^OnCalendar=\*-\*-\* 20:00:00$' "$timer"
expect_grep '^Persistent=true$' "$timer"
expect_grep '^WantedBy=timers.target$' "$timer"
expect_grep '^Type=oneshot$' "$service"

if command -v systemd-analyze >/dev/null; then
	# It also checks that ExecStart's program exists and that the
	# Documentation= man page opens, so it is given the installed one.
	MANPATH=$root/usr/share/man systemd-analyze verify "$service" "$timer" \
		>"$T/verify" 2>&1 || { cat "$T/verify" >&2; fail "systemd-analyze verify"; }
	[ ! -s "$T/verify" ] || { cat "$T/verify" >&2; fail "systemd-analyze verify complained"; }
	# It would catch a broken unit.
	sed 's/^OnCalendar=.*/OnCalendar=*-*-* 25:00/' "$timer" >"$T/backpain-due.timer"
	cp "$service" "$T/backpain-due.service"
	MANPATH=$root/usr/share/man systemd-analyze verify "$T/backpain-due.service" \
		"$T/backpain-due.timer" >/dev/null 2>&1 && fail "verify passed a bad timer"
else
	echo "skip: systemd-analyze is not installed, the units are not verified"
fi

# ExecStart=/bin/sh -c '...': the command as systemd passes it to sh ($$
# is a $), with the installed program in the DESTDIR.
cmd=$(sed -n "s|^ExecStart=/bin/sh -c '\\(.*\\)'\$|\\1|p" "$service")
[ -n "$cmd" ] || fail "no ExecStart=/bin/sh -c '...' in $service"
cmd=${cmd//\$\$/\$}
case $cmd in *"/usr/bin/backpain due"*) ;; *) fail "ExecStart does not run /usr/bin/backpain due: $cmd" ;; esac
cmd=${cmd//\/usr\/bin\/backpain/$root\/usr\/bin\/backpain}
# remind PATH: run it with that PATH (no HOME log: BACKPAIN_DB).
remind() {
	rm -f "$T/notified"
	PATH=$1 BACKPAIN_DB=$T/log.db /bin/sh -c "$cmd" >"$T/out" 2>"$T/err"
}
mkdir -p "$T/none" "$T/notify" "$T/nobus"
printf '#!/bin/sh\nprintf "%%s|" "$@" >"%s"\n' "$T/notified" >"$T/notify/notify-send"
printf '#!/bin/sh\necho "cannot connect to the session bus" >&2\nexit 1\n' \
	>"$T/nobus/notify-send"
chmod +x "$T/notify/notify-send" "$T/nobus/notify-send"

remind "$T/notify" || fail "the service failed with notify-send"
expect_grep "^--app-name=backpain|backpain|Today's check-in is due" "$T/notified"
[ ! -s "$T/out" ] || fail "printed although notify-send showed it"
remind "$T/none" || fail "the service failed without notify-send"
expect_grep "^Today's check-in is due" "$T/out"
remind "$T/nobus" || fail "the service failed when notify-send failed"
expect_grep "^Today's check-in is due" "$T/out"
[ ! -s "$T/err" ] || { cat "$T/err" >&2; fail "notify-send's error reached the journal"; }

"$BACKPAIN" --db "$T/log.db" checkin 4 >/dev/null || fail "checkin"
remind "$T/notify" || fail "the service failed on a day checked in"
[ ! -e "$T/notified" ] || fail "reminded on a day checked in"
[ ! -s "$T/out" ] || fail "printed on a day checked in"

echo "not a database" >"$T/log.db"
rm -f "$T/log.db.checked"
remind "$T/notify" && fail "the service succeeded on a damaged log"
[ ! -e "$T/notified" ] || fail "reminded on a damaged log"
expect_grep "backpain" "$T/err"
exit 0
