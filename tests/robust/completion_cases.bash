# completion_cases.bash: the cases that the bash, zsh and fish completions
# are all run through (tests/robust/completion.sh, completion_zsh.sh,
# completion_fish.sh): one case a line, "EXPECTED|COMMAND LINE", EXPECTED
# the offers sorted and joined by a space. After "ID=" the offers are the
# words after the "=", as bash completes them. Sourced after lib.sh; sets
# up $T/other.yaml for the --pack cases.

# The approach ids of a pack, in its own words: list items at two spaces
# under the top-level "approaches:" key.
approach_ids() {
	awk '/^[a-z_]+:/ { on = ($1 == "approaches:") }
		on && /^  - id: / { print $3 }' "$1" | sort | paste -s -d ' ' -
}
ids=$(approach_ids "$TOP/content/guide.yaml")
[ "$(echo "$ids" | wc -w)" = 6 ] || fail "expected six approaches, got: $ids"
# The red-flag ids, the same way: under the top-level "red_flags:" key.
flag_ids() {
	awk '/^[a-z_]+:/ { on = ($1 == "red_flags:") }
		on && /^  - id: / { print $3 }' "$1"
}
flags=$(flag_ids "$TOP/content/guide.yaml" | sort | paste -s -d ' ' -)
[ "$(echo "$flags" | wc -w)" -ge 10 ] || fail "expected the red flags, got: $flags"
# As safety --answer takes them, before yes or no.
flags_eq=$(flag_ids "$TOP/content/guide.yaml" | sed 's/$/=/' | sort |
	paste -s -d ' ' -)
# The lesson ids, under the top-level "lessons:" key.
lessons=$(awk '/^[a-z_]+:/ { on = ($1 == "lessons:") }
	on && /^  - id: / { print $3 }' "$TOP/content/guide.yaml" | sort |
	paste -s -d ' ' -)
[ "$(echo "$lessons" | wc -w)" -ge 6 ] || fail "expected the lessons, got: $lessons"
impressions="a-little-better a-little-worse much-better much-worse no-change very-much-better very-much-worse"
# The renamed approach, and the lesson moments that name it.
sed -e 's/^  - id: expert-help$/  - id: expert-advice/' \
	-e 's/\(start\|stop\):expert-help$/\1:expert-advice/' \
	"$TOP/content/guide.yaml" >"$T/other.yaml"

# A glob qualifier after --db or --pack is text, never expanded: (e:...:)
# would run its code (here $T/mark, which makes $T/ran) at every
# completion. The ids come as for any --db (pack list reads no log); a
# pack of that name does not load. qualifiers_stayed_text says whether
# the code ever ran.
printf '#!/bin/sh\n: >"%s/ran"\n' "$T" >"$T/mark"
chmod +x "$T/mark"
qualifier="$T/*(e:$T/mark:)"
qualifiers_stayed_text() {
	[ ! -e "$T/ran" ] || fail "a glob qualifier typed after --db or --pack ran"
}

completion_cases() {
	local tab='|'
	cat <<CASES
start status stop${tab}backpain st
flare${tab}backpain fl
checkin due export flare history import learn pack pause practice report resume review safety setup start status stop${tab}backpain 
setup${tab}backpain se
--db --help --pack${tab}backpain setup --
${tab}backpain setup 
$ids${tab}backpain start 
$ids${tab}backpain stop 
$ids${tab}backpain stop --keep 
$ids${tab}backpain stop --drop 
mind-body movement-rewiring${tab}backpain start m
$ids${tab}backpain start --date today 
$ids${tab}backpain stop --outcome worse 
$ids${tab}backpain pause 
$ids${tab}backpain resume --date today 
pack pause practice${tab}backpain p
csv json table${tab}backpain history --format 
csv json table${tab}backpain review --format 
html markdown text${tab}backpain report --format 
csv json${tab}backpain export --format 
csv json${tab}backpain export --format=
helped no-change stopped worse${tab}backpain stop mind-body --outcome 
$impressions${tab}backpain stop mind-body --impression 
much-better much-worse${tab}backpain stop mind-body --impression mu
today yesterday${tab}backpain checkin 4 --date 
mat-session mckenzie-exercises mckenzie-flexion${tab}backpain practice m
daily-reminders${tab}backpain checkin 4 --did d
pain-location=${tab}backpain checkin 4 --answer pain
--answer --date --db --did --help --interference --note --pack --pain${tab}backpain checkin --
--after --anyway --before --date --db --help --minutes --pack${tab}backpain practice --
--date --db --drop --help --impression --keep --outcome --pack${tab}backpain stop mind-body --
--date --db --help --impression --keep --outcome --pack${tab}backpain stop mind-body --keep --
--date --db --drop --help --pack${tab}backpain stop mind-body --drop --
--date --db --help --impression --keep --outcome --pack${tab}backpain stop mind-body --outcome helped --
--date --db --help --impression --keep --outcome --pack${tab}backpain stop mind-body --impression=much-better --
--date --db --help --note --over --pack --pain${tab}backpain flare --
--date --db --help --over --pack${tab}backpain flare --over --
--date --db --help --note --pack --pain${tab}backpain flare --pain 6 --
--date --db --help --note --pack --pain${tab}backpain flare --note --over --
0 1 10 2 3 4 5 6 7 8 9${tab}backpain flare --pain 
today yesterday${tab}backpain flare --over --date 
${tab}backpain flare 
--all --days --db --format --help --pack${tab}backpain history --
--db --flags --help --lessons --pack --practices --questions --reading${tab}backpain pack list --
--db --help --pack --replace${tab}backpain import --
--answer --checked --date --db --help --pack${tab}backpain safety --
$flags_eq${tab}backpain safety --answer 
back-shape= bladder-bowel= both-legs=${tab}backpain safety --answer saddle-numbness=no --answer b
no yes${tab}backpain safety --answer saddle-numbness=
$flags${tab}backpain safety --checked 
today yesterday${tab}backpain safety --checked fever --date 
check list${tab}backpain pack 
0 1 10 2 3 4 5 6 7 8 9${tab}backpain checkin --note start 
${tab}backpain status 
learn${tab}backpain le
$lessons${tab}backpain learn 
flare-up-plan${tab}backpain learn fl
--db --dismiss --help --pack${tab}backpain learn --
$lessons${tab}backpain learn --dismiss 
sleep-stress-mood staying-at-work${tab}backpain learn --dismiss s
--db --help --pack${tab}backpain learn --dismiss flare-up-plan --
${tab}backpain learn --dismiss flare-up-plan 
${tab}backpain learn 2 
relaxed-breathing${tab}backpain practice r
relaxed-breathing${tab}backpain checkin 4 --did re
expert-advice${tab}backpain --pack $T/other.yaml start exp
expert-advice${tab}backpain start --pack $T/other.yaml exp
expert-help${tab}backpain start exp
${tab}backpain --pack $T/missing.yaml start 
$ids${tab}backpain --db $qualifier start 
$ids${tab}backpain start --db $qualifier 
$ids${tab}backpain --db=$qualifier start 
${tab}backpain --pack $qualifier start 
CASES
}
