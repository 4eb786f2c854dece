#!/usr/bin/env bash
# --db through a symbolic link (issue 19): a link to an existing log is
# used; a link to nothing is refused (73, naming the link and where it
# points) and no file is created where it points, be it a directory
# everyone can write to (as /tmp) or a private one.
. "$(dirname "$0")/../lib.sh"
mkdir -m 1777 "$T/shared"
mkdir -m 700 "$T/private"

# dangling LINK TARGET FINAL ARGS...: bp --db LINK ARGS is refused (73),
# naming LINK and TARGET (where it points), and FINAL (where its chain of
# links ends) is not there after.
dangling() {
	local link=$1 target=$2 final=$3
	shift 3
	DB=$link expect_exit 73 bp "$@"
	expect_grep "cannot create the log through $link, a symbolic link to $target, which does not exist; nothing was created" "$T/err"
	if [ -e "$final" ] || [ -L "$final" ]; then
		fail "$* through $link made $final"
	fi
}

DB=$T/source.db bp_on 2026-11-20 checkin 2 >/dev/null || fail seed
DB=$T/source.db bp export >"$T/export.json" || fail export
ln -s "$T/shared/log.db" "$T/to-shared.db"
ln -s "$T/private/log.db" "$T/to-private.db"
ln -s "$T/to-private.db" "$T/to-link.db"
for cmd in status "checkin 3" export "import $T/export.json" history; do
	# shellcheck disable=SC2086 # the words of cmd are its arguments
	dangling "$T/to-shared.db" "$T/shared/log.db" "$T/shared/log.db" $cmd
done
dangling "$T/to-private.db" "$T/private/log.db" "$T/private/log.db" \
	checkin 3
dangling "$T/to-link.db" "$T/to-private.db" "$T/private/log.db" checkin 3

# The same place given itself makes the log; the links then lead to it.
DB=$T/private/log.db expect_exit 0 bp checkin 3
DB=$T/to-private.db expect_exit 0 bp checkin 4 --date 2026-11-23
DB=$T/to-link.db expect_exit 0 bp history
expect_grep "^2026-11-23 *4" "$T/out"
[ "$(sqlite3 "$T/private/log.db" "select count(*) from checkin")" = 2 ] ||
	fail "the link did not lead to the log"
[ -L "$T/to-private.db" ] || fail "the link was replaced"
echo "no log is created through a symbolic link"
