#!/usr/bin/env bash
# tui/safety_revision (issue 20): a safety question whose meaning changed
# (the pack raised its revision) was answered to its earlier wording. The
# Safety screen says so under the answer; a yes still holds (On hold on
# Today). A no still counts, and the re-check is Today's next step: its
# "nothing new" answers the questions listed, then asks the one with the
# new wording by itself, whatever its urgency, and that answer is kept at
# the new revision.
. "$(dirname "$0")/lib_tui.bash"
OLD="$TUI_PACKS/tui.yaml"
sed 's/^    urgency: soon$/&\n    revision: 2/' "$OLD" >"$T/new.yaml"
grep -q 'revision: 2' "$T/new.yaml" || fail "no revision in new.yaml"
PACK=$T/new.yaml

bpf() { # bpf PACK ARGS...: the CLI at CLI_NOW with that pack
	local pack=$1
	shift
	faketime "$CLI_NOW" "$BACKPAIN" --db "$DB" --pack "$pack" "$@"
}

# A yes to the earlier wording of the soon question: it still holds.
bpf "$OLD" safety --answer test-emergency=no --answer test-soon=yes \
	>/dev/null || fail "old answers"
sqlite3 "$DB" "insert into profile (key, value) values ('onboarded', '2026-11-01')" ||
	fail "onboarded"
at "@$CLI_NOW"
bp_tui "${AT[@]}"
wait_for "On hold: you answered yes on 2026-11-24"
keys '!'
wait_words "Answered to an earlier wording of this question, on 2026-11-24: please answer it again (a)."
keys q q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
tmux_ kill-server

# A no to it counts as answered; the re-check is due and asks it again.
DB=$T/no.db
bpf "$OLD" safety --answer test-emergency=no --answer test-soon=no \
	>/dev/null || fail "old answers"
sqlite3 "$DB" "insert into profile (key, value) values ('onboarded', '2026-11-01')" ||
	fail "onboarded"
bpf "$PACK" checkin 4 >/dev/null || fail "checkin"
bp_tui "${AT[@]}"
wait_for "Next: the safety questions with a new wording, again"
keys Enter
wait_for "Anything new since 2026-11-24?"
screen >/dev/null
grep -q "test lamp" "$T/screen" && fail "the new wording was in the list"
keys n
wait_for "Is the test lamp blinking?"
wait_words "This question has a new wording since you last answered it"
keys n
wait_gone "Is the test lamp blinking?"
wait_for "Today's check-in:"
screen >/dev/null
grep -q "new wording" "$T/screen" && fail "the re-check is still the next step"
keys q
[ "$(wait_exit)" = 0 ] || fail "did not exit 0"
[ "$(sqlite3 "$DB" "select flag_id || ' ' || answer || ' ' || revision
	from screening order by id")" = "test-emergency 0 1
test-soon 0 1
test-emergency 0 1
test-soon 0 2" ] || fail "the re-check's answers are not kept with their revision"
no_sanitizer_reports
