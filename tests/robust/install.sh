#!/usr/bin/env bash
# make install into a DESTDIR puts the binary, the man page, the pack, the
# bash, zsh and fish completions and the reminder's systemd user units in
# place with the right modes; the installed binary runs
# with its installed pack; make uninstall takes away exactly that again.
. "$(dirname "$0")/../lib.sh"

[ -x "$BACKPAIN" ] || fail "no binary at $BACKPAIN"
command -v make >/dev/null || { echo "make is not installed"; exit 77; }

root=$T/root
prefix=/usr/local
# B is the build the test runner was given, so nothing is rebuilt here.
mk() {
	make --no-print-directory -C "$TOP" B="$B" DESTDIR="$root" "$@" \
		>>"$T/make.log" 2>&1 || { cat "$T/make.log" >&2; fail "make $*"; }
}

mk install
files="bin/backpain:755
share/man/man1/backpain.1:644
share/backpain/guide.yaml:644
share/bash-completion/completions/backpain:644
share/zsh/vendor-completions/_backpain:644
share/fish/vendor_completions.d/backpain.fish:644
lib/systemd/user/backpain-due.service:644
lib/systemd/user/backpain-due.timer:644"
for entry in $files; do
	f=$root$prefix/${entry%%:*}
	want=${entry#*:}
	[ -f "$f" ] || fail "make install did not install $f"
	mode=$(stat -c %a "$f")
	[ "$mode" = "$want" ] || fail "$f has mode $mode, expected $want"
done
# Nothing else besides those files.
(cd "$root" && find . -type f -o -type l | sort) >"$T/installed"
printf '%s\n' ./usr/local/bin/backpain \
	./usr/local/lib/systemd/user/backpain-due.service \
	./usr/local/lib/systemd/user/backpain-due.timer \
	./usr/local/share/backpain/guide.yaml \
	./usr/local/share/bash-completion/completions/backpain \
	./usr/local/share/fish/vendor_completions.d/backpain.fish \
	./usr/local/share/man/man1/backpain.1 \
	./usr/local/share/zsh/vendor-completions/_backpain >"$T/expected"
expect_same "$T/expected" "$T/installed"
cmp -s "$BACKPAIN" "$root$prefix/bin/backpain" ||
	fail "installed binary differs from $BACKPAIN"
cmp -s "$TOP/content/guide.yaml" "$root$prefix/share/backpain/guide.yaml" ||
	fail "installed pack differs from content/guide.yaml"
cmp -s "$TOP/completion/backpain.bash" \
	"$root$prefix/share/bash-completion/completions/backpain" ||
	fail "installed completion differs from completion/backpain.bash"
cmp -s "$TOP/completion/_backpain" \
	"$root$prefix/share/zsh/vendor-completions/_backpain" ||
	fail "installed zsh completion differs from completion/_backpain"
cmp -s "$TOP/completion/backpain.fish" \
	"$root$prefix/share/fish/vendor_completions.d/backpain.fish" ||
	fail "installed fish completion differs from completion/backpain.fish"
# The installed man page names the installed pack and program.
expect_grep "^\.It Pa $prefix/share/backpain/guide.yaml\$" \
	"$root$prefix/share/man/man1/backpain.1"

# The installed binary runs from there, with its installed pack.
bin=$root$prefix/bin/backpain
pack=$root$prefix/share/backpain/guide.yaml
expect_exit 0 "$bin" --version
expect_grep '^backpain [0-9]' "$T/out"
expect_exit 0 "$bin" pack check "$pack"
expect_exit 0 "$bin" pack list
cp "$T/out" "$T/builtin-list"
[ -s "$T/builtin-list" ] || fail "pack list printed nothing"
expect_exit 0 "$bin" --pack "$pack" pack list
expect_same "$T/builtin-list" "$T/out"
# No log appears anywhere for any of that.
[ ! -e "$HOME/.local/share/backpain" ] || fail "pack commands created a log"

mk uninstall
(cd "$root" && find . -type f -o -type l) >"$T/left"
[ ! -s "$T/left" ] || { cat "$T/left" >&2; fail "make uninstall left files"; }
[ ! -e "$root$prefix/share/backpain" ] ||
	fail "make uninstall left $prefix/share/backpain"
# Uninstalling twice is harmless.
mk uninstall

# PREFIX is honoured, and the man page follows it.
rm -rf "$root"
mk install PREFIX=/opt/bp
for f in bin/backpain share/man/man1/backpain.1 share/backpain/guide.yaml \
	share/bash-completion/completions/backpain \
	share/zsh/vendor-completions/_backpain \
	share/fish/vendor_completions.d/backpain.fish \
	lib/systemd/user/backpain-due.service lib/systemd/user/backpain-due.timer; do
	[ -f "$root/opt/bp/$f" ] || fail "make install PREFIX=/opt/bp: no $f"
done
[ ! -e "$root/usr" ] || fail "make install PREFIX=/opt/bp wrote under /usr"
expect_grep '^\.It Pa /opt/bp/share/backpain/guide.yaml$' \
	"$root/opt/bp/share/man/man1/backpain.1"
expect_grep '^0 20 \* \* \* /opt/bp/bin/backpain due$' \
	"$root/opt/bp/share/man/man1/backpain.1"
! grep -n /usr/local "$root/opt/bp/share/man/man1/backpain.1" ||
	fail "the man page installed under /opt/bp still names /usr/local"
expect_grep "^ExecStart=.*(/opt/bp/bin/backpain due)" \
	"$root/opt/bp/lib/systemd/user/backpain-due.service"
! grep -n /usr/local "$root/opt/bp/lib/systemd/user/backpain-due.service" ||
	fail "the service installed under /opt/bp still names /usr/local"
expect_exit 0 "$root/opt/bp/bin/backpain" pack check \
	"$root/opt/bp/share/backpain/guide.yaml"
mk uninstall PREFIX=/opt/bp
(cd "$root" && find . -type f -o -type l) >"$T/left"
[ ! -s "$T/left" ] || { cat "$T/left" >&2; fail "uninstall PREFIX=/opt/bp left files"; }

# A file of the user's own in the pack directory survives uninstall.
mk install
echo "mine" >"$root$prefix/share/backpain/my-pack.yaml"
mk uninstall
[ -f "$root$prefix/share/backpain/my-pack.yaml" ] ||
	fail "make uninstall removed a file it did not install"
exit 0
