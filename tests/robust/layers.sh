#!/usr/bin/env bash
# layers: the layering of doc/design.md, read from the sources by folder.
# SQL only under src/store/, curses only under src/ui/, yaml_* only in the
# content loader (src/content/content_tree.c). The two faces stand on app.h
# and program.h and never on each other: nothing under src/ui/ includes
# cli.h or calls a cli_ function, nothing under src/cli/ includes a ui
# header; main.c opens nothing itself; only the write path
# (src/program/program_write*.c, and program_import*.c for an import) calls
# the store's writes, so no face writes directly. A folder's private
# header (src/FOLDER/*_int.h) is included from that folder only.
# No face reads the log itself (issue 18): nothing under src/cli/, src/ui/,
# src/report/, nor src/app.c or src/main.c, nor a header of include/ they
# include (directly or through another), includes store.h or names the
# store (store_*, STORE_*); they hold struct store, the log's handle, and
# the values of the headers below the store, and read through program.h.
# That check runs first on planted files, which must fail it.
set -u
cd "${TOP:?run through tests/run.sh}" || exit 1
bad=0
complain() {
	echo "FAIL: $1:" >&2
	printf '%s\n' "$2" | sed 's/^/    /' >&2
	bad=1
}
# Code only: the comments of a file may name what lies elsewhere.
code() { # FILE...: FILE:LINE:text of the lines outside /* */ and // comments
	awk '
	FNR == 1 { c = 0 }
	{
		s = $0; out = ""
		while (s != "") {
			if (c) {
				i = index(s, "*/")
				if (!i) { s = ""; break }
				s = substr(s, i + 2); c = 0
			} else {
				i = index(s, "/*"); j = index(s, "//")
				if (j && (!i || j < i)) { out = out substr(s, 1, j - 1); s = ""; break }
				if (!i) { out = out s; s = ""; break }
				out = out substr(s, 1, i - 1); s = substr(s, i + 2); c = 1
			}
		}
		if (out ~ /[^ \t]/) print FILENAME ":" FNR ":" out
	}' "$@"
}
src=$(find src include tools -name '*.[ch]' | sort)

# shellcheck disable=SC2086
hits=$(code $src | grep -E '\<sqlite3_[a-z_0-9]+|#include <sqlite3\.h>' |
	grep -v -E '^src/store/')
[ -z "$hits" ] || complain "SQLite used outside src/store/" "$hits"
# shellcheck disable=SC2086
hits=$(code $src | grep -E '#include <n?curses(w/curses)?\.h>|\<(initscr|endwin|newwin|wrefresh|mvw?addn?w?str|wattr_?(on|off|set)|getch|wgetch|keypad|start_color)\>' |
	grep -v -E '^src/ui/')
[ -z "$hits" ] || complain "curses used outside src/ui/" "$hits"
# shellcheck disable=SC2086
hits=$(code $src | grep -E '\<yaml_[a-z_]+|#include <yaml\.h>' |
	grep -v -E '^src/content/content_tree\.c:')
[ -z "$hits" ] || complain "libyaml used outside the content loader" "$hits"

hits=$(code src/ui/*.c src/ui/*.h | grep -E '#include "cli|\<cli_[a-z_]+\(')
[ -z "$hits" ] || complain "src/ui/ uses the CLI" "$hits"
hits=$(code src/cli/*.c src/cli/*.h | grep -E '#include "(ui|widget)')
[ -z "$hits" ] || complain "the CLI uses the TUI's headers" "$hits"
hits=$(code src/main.c | grep -E '\<(store|content|config|program)_[a-z_]+\(')
[ -z "$hits" ] || complain "main.c opens something besides the app" "$hits"
writes='store_(checkin_put|checkin_write|session_add|trial_start|trial_stop|trial_set_outcome|trial_set_impression|screening_add|screening_checked|profile_set|habit_keep|habit_drop|flare_begin|flare_end|flare_reend|import)\('
# shellcheck disable=SC2086
hits=$(code $src | grep -E "$writes" |
	grep -v -E '^src/(store/[a-z_]+|program/program_write[a-z_]*|program/program_import[a-z_]*)\.c:' |
	grep -v -E '^include/store\.h:')
[ -z "$hits" ] || complain "a write outside the write path" "$hits"

# faces ROOT: the lines of code of the faces under ROOT, and of the headers
# of ROOT/include they reach (store.h's own lines left out), that include
# store.h or name the store.
faces() (
	cd "$1" || exit 1
	files=$(ls src/cli/*.[ch] src/ui/*.[ch] src/report/*.[ch] src/app.c \
		src/main.c 2>/dev/null)
	[ -n "$files" ] || { echo "no faces found under $1"; exit 0; }
	seen=" "
	new=$files
	while [ -n "$new" ]; do
		# shellcheck disable=SC2086
		new=$(code $new |
			sed -n 's/^[^:]*:[0-9]*:[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' |
			sort -u | while read -r h; do
				case " store.h$seen" in *" $h "* | *" include/$h "*) continue ;; esac
				[ -f "include/$h" ] && echo "include/$h"
			done)
		for h in $new; do
			seen="$seen$h "
		done
	done
	# shellcheck disable=SC2086
	code $files $seen |
		grep -E '#[[:space:]]*include[[:space:]]*"store\.h"|\<(store|STORE)_[A-Za-z0-9_]+'
)
plant=$(mktemp -d "${TMPDIR:-/tmp}/layers.XXXXXX")
trap 'rm -rf "$plant"' EXIT
mkdir -p "$plant/src/cli" "$plant/src/ui" "$plant/include"
printf '#include "top.h"\n/* store_open() is a word here */\nint f(void);\n' \
	>"$plant/src/cli/a.c"
printf '#include "deep.h"\n' >"$plant/include/top.h"
printf 'struct store;\nint g(struct store *);\n' >"$plant/include/deep.h"
printf 'int restore_terminal(void);\n' >"$plant/src/ui/b.c"
planted=$(faces "$plant")
[ -z "$planted" ] || complain "the faces' check refuses a clean face" "$planted"
for v in 'include/deep.h:#include "store.h"' 'src/ui/b.c:int n = STORE_NONE;' \
	'src/cli/a.c:struct store_trial *t;' 'include/top.h:void h(void) { store_close(0); }'; do
	cp "$plant/${v%%:*}" "$plant/saved"
	printf '%s\n' "${v#*:}" >>"$plant/${v%%:*}"
	[ -n "$(faces "$plant")" ] ||
		complain "the faces' check misses a planted violation" "$v"
	mv "$plant/saved" "$plant/${v%%:*}"
done
hits=$(faces .)
[ -z "$hits" ] || complain "a face reads the log itself (include program.h, not store.h)" "$hits"

# A folder's private headers stay in it: src/X/Y_int.h is included from
# src/X/ (the unit tests of that module may include it by its path).
for h in src/*/*_int.h; do
	dir=${h%/*}
	name=${h##*/}
	# shellcheck disable=SC2086
	hits=$(code $src | grep -F "#include \"$name\"" | grep -v "^$dir/")
	[ -z "$hits" ] || complain "$h included outside $dir/" "$hits"
done
# Public headers only in include/, private ones only beside their files.
hits=$(find include -name '*_int.h'; find src -name '*.h' ! -name '*_int.h')
[ -z "$hits" ] || complain "a header in the wrong place (public in include/, private as src/FOLDER/*_int.h)" "$hits"
# Every source file lives in a layer's folder, but main.c and app.c.
hits=$(find src -maxdepth 1 -name '*.c' ! -name main.c ! -name app.c)
[ -z "$hits" ] || complain "a source file outside the layers' folders" "$hits"

# The checks must see files: an empty list would pass everything.
[ "$(printf '%s\n' $src | grep -c '^src/store/')" -gt 3 ] ||
	complain "no store sources found" "$(ls src)"
exit $bad
