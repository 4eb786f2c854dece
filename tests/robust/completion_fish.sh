#!/usr/bin/env bash
# The fish completion (completion/backpain.fish) in the real fish, through
# `complete -C`: commands, options, values, and approach, practice and
# question ids read from the real program and the pack in use; the same
# offers as bash (completion_cases.bash). Completing creates no log.
. "$(dirname "$0")/../lib.sh"
command -v fish >/dev/null || { echo "fish is not installed"; exit 77; }
[ -x "$BACKPAIN" ] || fail "no binary at $BACKPAIN"
. "$(dirname "$0")/completion_cases.bash"

mkdir -p "$T/bin"
ln -s "$BACKPAIN" "$T/bin/backpain"
export PATH="$T/bin:$PATH"
completion_cases | cut -d "|" -f 2 >"$T/lines"
completion_cases | cut -d "|" -f 1 >"$T/want"

# One fish for every case: each line completed, the offers (the word before
# fish's tab and description) sorted; where the word being completed has an
# "=", what fish offers after it (an --opt= or FLAG= prefix left off), as
# bash completes it.
cat >"$T/run.fish" <<'FISH'
set -g fish_complete_path $argv[1] $fish_complete_path
while read -l line
	complete -C"$line" | cut -f 1 | string replace -r '^[-a-z0-9]+=(?=.)' '' |
		sort | paste -s -d ' ' -
end <$argv[2]
FISH
fish --no-config "$T/run.fish" "$TOP/completion" "$T/lines" >"$T/got" 2>"$T/noise" ||
	{ cat "$T/noise" >&2; fail "fish failed"; }
[ ! -s "$T/noise" ] || { cat "$T/noise" >&2; fail "completion printed errors"; }
qualifiers_stayed_text
paste -d '|' "$T/lines" "$T/want" "$T/got" | awk -F '|' '$2 != $3 {
	printf "FAIL: '\''%s<TAB>'\'' offers '\''%s'\'', expected '\''%s'\''\n", $1, $3, $2; bad = 1 }
	END { exit bad }' >&2 || fail "fish offers differ"
[ "$(wc -l <"$T/got")" = "$(wc -l <"$T/want")" ] || fail "fish gave $(wc -l <"$T/got") results for $(wc -l <"$T/want") cases"

# Files for --db, --pack, -o, pack check and import.
mkdir -p "$T/files" && : >"$T/files/my-pack.yaml"
for line in "backpain pack check $T/files/my" "backpain --pack $T/files/my" \
	"backpain --db $T/files/my" "backpain report -o $T/files/my" \
	"backpain import $T/files/my"; do
	got=$(fish --no-config -c "set -g fish_complete_path $TOP/completion \$fish_complete_path
		complete -C'$line'" | cut -f 1)
	[ "$got" = "$T/files/my-pack.yaml" ] || fail "'$line<TAB>' offers '$got'"
done
# BACKPAIN_PACK is the pack the ids come from too.
got=$(BACKPAIN_PACK=$T/other.yaml fish --no-config -c "set -g fish_complete_path $TOP/completion \$fish_complete_path
	complete -C'backpain start exp'" | cut -f 1)
[ "$got" = expert-advice ] || fail "BACKPAIN_PACK: 'start exp' offers '$got'"
# Completing never creates a log, even with --db on the line.
fish --no-config -c "set -g fish_complete_path $TOP/completion \$fish_complete_path
	complete -C'backpain --db $T/log/log.db start '" >/dev/null
[ ! -e "$T/log" ] || fail "completion created $T/log"
[ ! -e "$HOME/.local/share/backpain" ] || fail "completion created a log"
exit 0
