# completion_cases.bash: the cases that the zsh and fish completions are
# run through (tests/robust/completion_zsh.sh, completion_fish.sh), the
# same offers tests/robust/completion.sh expects of bash: one case a line,
# "EXPECTED|COMMAND LINE", EXPECTED the offers sorted and joined by a
# space. Sourced after lib.sh; sets up $T/other.yaml for the --pack cases.

# The approach ids of a pack, in its own words: list items at two spaces
# under the top-level "approaches:" key.
approach_ids() {
	awk '/^[a-z_]+:/ { on = ($1 == "approaches:") }
		on && /^  - id: / { print $3 }' "$1" | sort | paste -s -d ' ' -
}
ids=$(approach_ids "$TOP/content/guide.yaml")
[ "$(echo "$ids" | wc -w)" = 6 ] || fail "expected six approaches, got: $ids"
sed 's/^  - id: expert-help$/  - id: expert-advice/' \
	"$TOP/content/guide.yaml" >"$T/other.yaml"

completion_cases() {
	local tab='|'
	cat <<CASES
start status stop${tab}backpain st
checkin due export history pack practice report review start status stop${tab}backpain 
$ids${tab}backpain start 
$ids${tab}backpain stop 
mind-body movement-rewiring${tab}backpain start m
$ids${tab}backpain start --date today 
csv json table${tab}backpain history --format 
html markdown text${tab}backpain report --format 
csv json${tab}backpain export --format 
csv json${tab}backpain export --format=
helped no-change stopped worse${tab}backpain stop mind-body --outcome 
today yesterday${tab}backpain checkin 4 --date 
mat-session mckenzie-exercises${tab}backpain practice m
daily-reminders${tab}backpain checkin 4 --did d
pain-location=${tab}backpain checkin 4 --answer pain
--answer --date --db --did --help --interference --note --pack --pain${tab}backpain checkin --
--date --db --help --outcome --pack${tab}backpain stop mind-body --
--db --help --pack --practices --questions${tab}backpain pack list --
check list${tab}backpain pack 
0 1 10 2 3 4 5 6 7 8 9${tab}backpain checkin --note start 
${tab}backpain status 
expert-advice${tab}backpain --pack $T/other.yaml start exp
expert-advice${tab}backpain start --pack $T/other.yaml exp
expert-help${tab}backpain start exp
${tab}backpain --pack $T/missing.yaml start 
CASES
}
