#!/usr/bin/env bash
# The zsh completion (completion/_backpain) in a real interactive zsh,
# driven in a tmux pane: each command line is typed and completed with
# complete-word, and the matches zsh was given are read back (compadd is
# wrapped to write them to a file). Commands, options, values, and the ids
# read from the real program and the pack in use: the same offers as bash
# (completion_cases.bash). Completing creates no log.
. "$(dirname "$0")/../tui/lib_tui.bash"
command -v zsh >/dev/null || { echo "zsh is not installed"; exit 77; }
[ -x "$BACKPAIN" ] || fail "no binary at $BACKPAIN"
. "$(dirname "$0")/completion_cases.bash"

mkdir -p "$T/bin" "$T/zdot"
ln -s "$BACKPAIN" "$T/bin/backpain"
# compadd records what would be offered (those calls that add matches;
# -O, -A and -D only collect) and then adds it; ^T completes the line and
# then says it is done.
cat >"$T/zdot/.zshrc" <<ZSHRC
fpath=("$TOP/completion" \$fpath)
autoload -Uz compinit && compinit -u -d "$T/zcompdump"
PS1='zsh> '
unsetopt beep
compadd() {
	if (( \${@[(I)-[OAD]*]} )); then
		builtin compadd "\$@"
		return
	fi
	local -a hits
	builtin compadd -A hits "\$@"
	(( \$#hits )) && print -rl -- \$hits >>"$T/hits"
	builtin compadd "\$@"
}
_bp_complete() {
	zle complete-word
	: >"$T/done"
}
zle -N _bp_complete
bindkey '^T' _bp_complete
ZSHRC
tui_start -s 200x50 env ZDOTDIR="$T/zdot" PATH="$T/bin:$PATH" HOME="$HOME" \
	zsh -i
wait_for "zsh>"

# offers LINE: complete LINE in the pane; the matches, sorted, on stdout.
offers() {
	local tries=200
	rm -f "$T/hits" "$T/done"
	type_text "$1"
	keys C-t
	while [ ! -e "$T/done" ] && [ "$tries" -gt 0 ]; do
		sleep 0.05
		tries=$((tries - 1))
	done
	[ -e "$T/done" ] || { screen >&2; fail "zsh did not complete '$1'"; }
	keys C-u
	[ -e "$T/hits" ] && sort -u "$T/hits" | paste -s -d ' ' -
	echo
}

completion_cases >"$T/cases"
bad=0
while IFS='|' read -r want line; do
	got=$(offers "$line")
	if [ "$got" != "$want" ]; then
		echo "FAIL: '$line<TAB>' offers '$got', expected '$want'" >&2
		bad=1
	fi
done <"$T/cases"
qualifiers_stayed_text
[ "$bad" = 0 ] || fail "zsh offers differ"

# Files for --pack, -o, pack check and import.
mkdir -p "$T/files" && : >"$T/files/my-pack.yaml"
for line in "backpain pack check $T/files/my" "backpain --pack $T/files/my" \
	"backpain report -o $T/files/my" "backpain import $T/files/my"; do
	got=$(offers "$line")
	case $got in *my-pack.yaml*) ;; *) fail "'$line<TAB>' offers '$got'" ;; esac
done
# Completing never creates a log, even with --db on the line.
offers "backpain --db $T/log/log.db start " >/dev/null
[ ! -e "$T/log" ] || fail "completion created $T/log"
[ ! -e "$HOME/.local/share/backpain" ] || fail "completion created a log"
exit 0
