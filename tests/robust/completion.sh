#!/usr/bin/env bash
# The bash completion, sourced into bash and called as bash would call it:
# commands, options, values, and approach ids read from the real program.
. "$(dirname "$0")/../lib.sh"

[ -x "$BACKPAIN" ] || fail "no binary at $BACKPAIN"
mkdir -p "$T/bin"
ln -s "$BACKPAIN" "$T/bin/backpain"
export PATH="$T/bin:$PATH"
# shellcheck source=../../completion/backpain.bash
. "$TOP/completion/backpain.bash"
complete -p backpain >/dev/null || fail "the script registers no completion"

# completes WORD...: complete the last WORD of the command line WORD...;
# the offers, sorted and space-separated, on stdout.
completes() {
	COMP_WORDS=("$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMP_LINE="$*"
	COMP_POINT=${#COMP_LINE}
	COMPREPLY=()
	_backpain backpain "${COMP_WORDS[COMP_CWORD]}" \
		"${COMP_WORDS[COMP_CWORD - 1]}"
	printf '%s\n' "${COMPREPLY[@]}" | sort | paste -s -d ' ' -
}

# offers EXPECTED WORD...: fail unless completing WORD... offers EXPECTED.
offers() {
	local want=$1 got
	shift
	got=$(completes "$@")
	[ "$got" = "$want" ] || fail "'$*<TAB>' offers '$got', expected '$want'"
}

# The cases zsh and fish are run through too (completion_cases.bash), each
# line cut into words as bash cuts it: at blanks, and around each "=" (one
# of COMP_WORDBREAKS), a word of its own.
# shellcheck source=completion_cases.bash
. "$(dirname "$0")/completion_cases.bash"
completion_cases >"$T/cases"
bad=0
while IFS='|' read -r want line; do
	read -ra parts <<<"$line"
	case $line in *" ") parts+=("") ;; esac
	words=()
	for p in "${parts[@]}"; do
		while [[ $p == *=* ]]; do
			words+=("${p%%=*}" "=")
			p=${p#*=}
		done
		words+=("$p")
	done
	got=$(completes "${words[@]}")
	if [ "$got" != "$want" ]; then
		echo "FAIL: '$line<TAB>' offers '$got', expected '$want'" >&2
		bad=1
	fi
done <"$T/cases"
qualifiers_stayed_text
[ "$bad" = 0 ] || fail "bash offers differ from completion_cases.bash"

offers "start status stop" backpain st
offers "checkin due export flare history import learn pack pause practice report resume review safety setup start status stop" \
	backpain ""
offers "--db --help --pack --version -V -h" backpain -
offers "$ids" backpain start ""
offers "$ids" backpain stop ""
offers "mind-body movement-rewiring" backpain start m
offers "" backpain start mind-body ""
offers "csv json table" backpain history --format ""
offers "csv json table" backpain review --format ""
offers "html markdown text" backpain report --format ""
offers "csv json" backpain export --format ""
# --format=VALUE, which bash splits at the "=".
offers "csv" backpain history --format = c
offers "csv json table" backpain history --format = ""
offers "helped no-change stopped worse" backpain stop mind-body --outcome ""
offers "today yesterday" backpain checkin 4 --date ""
offers "yesterday" backpain practice x --date y
offers "--answer --date --db --did --help --interference --note --pack --pain" \
	backpain checkin --
offers "--after --anyway --before --date --db --help --minutes --pack" backpain practice -
offers "--date --db --drop --help --impression --keep --outcome --pack" backpain stop mind-body -
offers "--all --days --db --format --help --pack" backpain history -
offers "--db --format --help --output --pack -o" backpain report -
offers "check list" backpain pack ""
# Practice and question ids, from `pack list --practices` / `--questions`.
offers "mat-session mckenzie-exercises mckenzie-flexion" backpain practice m
offers "daily-reminders" backpain checkin 4 --did d
offers "pain-location=" backpain checkin 4 --answer pain
offers "--db --flags --help --lessons --pack --practices --questions --reading" backpain pack list --
offers "" backpain status ""
offers "" backpain checkin --note ""

# Files for --db, --pack, -o and pack check.
mkdir -p "$T/files" && : >"$T/files/my-pack.yaml"
offers "$T/files/my-pack.yaml" backpain pack check "$T/files/my"
offers "$T/files/my-pack.yaml" backpain --pack "$T/files/my"
offers "$T/files/my-pack.yaml" backpain --db "$T/files/my"
offers "$T/files/my-pack.yaml" backpain report -o "$T/files/my"
offers "$T/files/my-pack.yaml" backpain report --output "$T/files/my"
offers "$T/files/my-pack.yaml" backpain import "$T/files/my"
offers "--db --help --pack --replace" backpain import -
# Values of options are not taken for the command's operand.
offers "$ids" backpain start --date today ""
offers "$ids" backpain stop --outcome worse ""
offers "0 1 10 2 3 4 5 6 7 8 9" backpain checkin --note start ""

# --pack given earlier on the line is the pack the ids come from, before
# or after the command, and as --pack=FILE.
expect_exit 0 "$BACKPAIN" pack check "$T/other.yaml"
offers "expert-advice" backpain --pack "$T/other.yaml" start exp
offers "expert-advice" backpain start --pack "$T/other.yaml" exp
offers "expert-advice" backpain --pack = "$T/other.yaml" start exp
offers "expert-help" backpain start exp
# So is BACKPAIN_PACK.
BACKPAIN_PACK=$T/other.yaml offers "expert-advice" backpain start exp
# A pack that does not load gives no ids, and no noise.
offers "" backpain --pack "$T/missing.yaml" start "" 2>"$T/noise"
[ ! -s "$T/noise" ] || { cat "$T/noise" >&2; fail "completion printed errors"; }

# Completing never creates a log, even with --db on the line.
offers "$ids" backpain --db "$T/log/log.db" start ""
[ ! -e "$T/log" ] || fail "completion created $T/log"
[ ! -e "$HOME/.local/share/backpain" ] || fail "completion created a log"
exit 0
