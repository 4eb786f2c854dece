#!/usr/bin/env bash
# flag_bounds.sh: each safety question of the built-in pack about a symptom
# or an event carries its own bound (new, recent, getting worse, not yet
# checked by a doctor), in the question itself and not only in the advice
# shown after a yes. A red flag is about something new or changing: without
# the bound, a person whose leg has been numb for years, long since checked,
# or who fell once long ago, answers yes and is sent to emergency care or
# held back from every approach. An edit that drops a bound fails here.
#
# The questions are read as the program prints them (`pack list --flags`),
# for the built-in pack and for content/guide.yaml loaded as a file. Every
# flag of the pack is named below, as bounded or as history (a past cancer,
# injecting drugs, a weakened immune system, the age pain began: true or not
# whatever the date), so a new flag needs a decision here too.
. "$(dirname "$0")/../lib.sh"
GUIDE="$TOP/content/guide.yaml"

# id|words the question must hold (case-insensitive), one or more.
cat >"$T/bounds" <<'EOF'
saddle-numbness|newly
bladder-bowel|newly
genital-sensation|since this back pain began|newly|not yet had it checked by a doctor
both-legs|in the last few weeks|getting worse|not yet checked by a doctor
leg-weakness|in the last few weeks|getting worse|not yet checked by a doctor
major-trauma|in the last few weeks|no doctor having checked you since
fever|do you have a fever
weight-loss|recently
night-pain|all the time|eased by no position and no rest|not just on some nights
back-shape|a new lump
fragile-bones-fall|since this back pain began|no doctor has checked
no-improvement|this episode|a month or more
EOF
history="cancer-history weak-immunity injected-drugs onset-age"

# check_bounds LIST: LIST is `pack list --flags` output; print a line for
# each bounded flag whose question lacks one of its words, and for each
# flag named neither above nor in $history; exit 1 if any.
check_bounds() {
	local list=$1 id words q w rc=0
	while IFS='|' read -r id words; do
		q=$(awk -v id="$id" '$2 == id { sub(/^ *[0-9]+ +[^ ]+ +[^ ]+ +/, ""); print }' "$list")
		if [ -z "$q" ]; then
			echo "$id: no such flag in the pack"
			rc=1
			continue
		fi
		while [ -n "$words" ]; do
			w=${words%%|*}
			[ "$w" = "$words" ] && words= || words=${words#*|}
			grep -qiF -- "$w" <<<"$q" ||
				{ echo "$id: the question lacks '$w': $q"; rc=1; }
		done
	done <"$T/bounds"
	for id in $(awk '{ print $2 }' "$list"); do
		grep -q "^$id|" "$T/bounds" && continue
		case " $history " in *" $id "*) continue ;; esac
		echo "$id: a new flag, neither bounded nor history in flag_bounds.sh"
		rc=1
	done
	return $rc
}

expect_exit 0 "$BACKPAIN" pack list --flags
cp "$T/out" "$T/builtin"
[ "$(wc -l <"$T/builtin")" -ge 16 ] || fail "the built-in pack lists fewer than 16 flags"
check_bounds "$T/builtin" >&2 || fail "a safety question lost its bound (above)"
expect_exit 0 "$BACKPAIN" --pack "$GUIDE" pack list --flags
expect_same "$T/builtin" "$T/out"

# It still bites: a copy of the guide with a bound removed fails, naming
# the flag and the missing words.
# bites WHAT SED ID WORDS: apply SED to a copy of the guide; the check must
# fail on it with "ID: the question lacks 'WORDS'".
bites() {
	sed "$2" "$GUIDE" >"$T/broken.yaml"
	! cmp -s "$GUIDE" "$T/broken.yaml" || fail "could not make a copy with $1"
	expect_exit 0 "$BACKPAIN" --pack "$T/broken.yaml" pack list --flags
	cp "$T/out" "$T/broken.list"
	! check_bounds "$T/broken.list" >"$T/broken.err" || fail "a copy with $1 passes"
	grep -qF -- "$3: the question lacks '$4'" "$T/broken.err" ||
		{ cat "$T/broken.err" >&2; fail "a copy with $1 fails without naming $3"; }
}
bites "saddle numbness not bounded as new" \
	's/Have you newly noticed numbness/Have you noticed numbness/' \
	saddle-numbness newly
bites "night pain eased by rest" \
	's/eased by no position and no rest, and$/and/' \
	night-pain "eased by no position and no rest"
# A flag nobody classified fails too.
sed 's/^  - id: fever$/  - id: fever-new/' "$GUIDE" >"$T/broken.yaml"
expect_exit 0 "$BACKPAIN" --pack "$T/broken.yaml" pack list --flags
! check_bounds "$T/out" >"$T/broken.err" || fail "a renamed flag passes"
grep -q '^fever-new: a new flag' "$T/broken.err" ||
	{ cat "$T/broken.err" >&2; fail "an unclassified flag is not named"; }
exit 0
