#!/usr/bin/env bash
# make deb, in a copy of the tree: the package builds with dpkg-buildpackage,
# lintian finds no error in it, it holds the files of `make install
# PREFIX=/usr` (with the man page gzipped and the copyright and changelog
# that Debian requires in /usr/share/doc/backpain), its program runs, its
# version is the program's, its dependencies come from the shared
# libraries, and it has no maintainer scripts or conffiles, so that
# `dpkg -r` / `apt remove` takes every file away again.
. "$(dirname "$0")/../lib.sh"
for tool in dpkg-buildpackage dh lintian make; do
	command -v $tool >/dev/null || { echo "$tool is not installed"; exit 77; }
done

# A copy of the tree, as a person would unpack it: no build directory.
src=$T/src
mkdir -p "$src"
(cd "$TOP" && tar -cf - --exclude-vcs --exclude=./build --exclude="./${B#"$TOP"/}" .) |
	tar -xf - -C "$src"
(cd "$src" && find . -type f -exec md5sum {} + | sort) >"$T/tree.before"
make --no-print-directory -C "$src" B="$T/b" deb >"$T/deb.log" 2>&1 ||
	{ tail -n 40 "$T/deb.log" >&2; fail "make deb"; }
version=$(sed -n 's/^#define BACKPAIN_VERSION "\(.*\)"$/\1/p' "$TOP/include/version.h")
deb=$T/b/backpain_${version}_$(dpkg --print-architecture).deb
[ -f "$deb" ] || { ls "$T/b" >&2; fail "no $deb (does debian/changelog name version $version?)"; }
# The tree is left as it was: the package was built in a copy under B.
(cd "$src" && find . -type f -exec md5sum {} + | sort) >"$T/tree.after"
diff "$T/tree.before" "$T/tree.after" >&2 || fail "make deb changed the tree"

# lintian: no errors; what else it says is kept in the log.
lintian --pedantic --info "$deb" >"$T/lintian" 2>&1
cat "$T/lintian"
! grep '^E:' "$T/lintian" || fail "lintian reports errors"

# The files: those of make install PREFIX=/usr, plus Debian's doc files.
dpkg-deb -x "$deb" "$T/x"
make --no-print-directory -C "$TOP" B="$B" PREFIX=/usr DESTDIR="$T/inst" \
	install >"$T/make.log" 2>&1 || { cat "$T/make.log" >&2; fail "make install"; }
(cd "$T/inst" && find . -type f -o -type l | sed 's|^\./|/|' | sort) >"$T/want"
echo /usr/share/doc/backpain/changelog.gz >>"$T/want"
echo /usr/share/doc/backpain/copyright >>"$T/want"
sort -o "$T/want" "$T/want"
(cd "$T/x" && find . -type f -o -type l | sed -e 's|^\./|/|' \
	-e 's|^\(/usr/share/man/.*\)\.gz$|\1|' | sort) >"$T/got"
expect_same "$T/want" "$T/got"
for f in $(grep -v '^/usr/share/doc/' "$T/want"); do
	case $f in
	/usr/bin/backpain) want_mode=755 ;;
	/usr/share/man/*) f=$f.gz want_mode=644 ;;
	*) want_mode=644 ;;
	esac
	[ "$(stat -c %a "$T/x$f")" = "$want_mode" ] || fail "$f has mode $(stat -c %a "$T/x$f")"
	case $f in
	/usr/bin/* | /usr/share/man/*) ;;
	*) cmp -s "$T/inst$f" "$T/x$f" || fail "$f differs from make install's" ;;
	esac
done
zcat "$T/x/usr/share/man/man1/backpain.1.gz" | cmp -s - "$T/inst/usr/share/man/man1/backpain.1" ||
	fail "the packaged man page differs from make install's"

# Its program runs, and says the package's version.
expect_exit 0 "$T/x/usr/bin/backpain" --version
[ "$(cat "$T/out")" = "backpain $version" ] || fail "--version says '$(cat "$T/out")'"
expect_exit 0 "$T/x/usr/bin/backpain" pack check "$T/x/usr/share/backpain/guide.yaml"

# Dependencies from the shared libraries; nothing that dpkg -r would leave.
dpkg-deb -f "$deb" Depends >"$T/depends"
for lib in libc6 libncursesw6 libsqlite3-0 libyaml-0-2; do
	grep -q "$lib" "$T/depends" || { cat "$T/depends" >&2; fail "no $lib in Depends"; }
done
dpkg-deb --ctrl-tarfile "$deb" | tar -tf - | sed 's|^\./||' | grep -v '^$' | sort >"$T/control"
printf '%s\n' control md5sums >"$T/control.want"
expect_same "$T/control.want" "$T/control"
exit 0
