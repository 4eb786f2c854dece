#!/usr/bin/env bash
# pack.sh: `backpain pack check` and `pack list` on the built-in pack and on
# fixture packs: the ok line, every error as FILE:LINE:COLUMN on stderr,
# the exit codes of DESIGN.md section 5 (0, 64 usage, 65 bad pack, 66
# unreadable), several files checked at once (each in turn, the worst
# status), options after the command, and nothing written anywhere.
. "$(dirname "$0")/../lib.sh"
FIX="$TOP/tests/fixtures/packs"

# The built-in pack, named as such, with the guide's six approaches.
expect_exit 0 "$BACKPAIN" pack check
expect_grep '^<built-in pack>: ok, 6 approaches, [1-9][0-9]* practices$' "$T/out"
[ -s "$T/err" ] && fail "pack check wrote to stderr"
builtin=$(sed 's/^[^:]*: //' "$T/out")
# ... which is content/guide.yaml, checked as a file.
expect_exit 0 "$BACKPAIN" pack check "$TOP/content/guide.yaml"
echo "$TOP/content/guide.yaml: $builtin" >"$T/want"
expect_same "$T/want" "$T/out"

# A file given; singular and plural.
expect_exit 0 "$BACKPAIN" pack check "$FIX/minimal.yaml"
echo "$FIX/minimal.yaml: ok, 2 approaches, 1 practice" >"$T/want"
expect_same "$T/want" "$T/out"

# The pack in use: --pack (before or after the command), else BACKPAIN_PACK.
expect_exit 0 "$BACKPAIN" --pack "$FIX/minimal.yaml" pack check
expect_same "$T/want" "$T/out"
expect_exit 0 "$BACKPAIN" pack check --pack "$FIX/minimal.yaml"
expect_same "$T/want" "$T/out"
BACKPAIN_PACK="$FIX/minimal.yaml" expect_exit 0 "$BACKPAIN" pack check
expect_same "$T/want" "$T/out"
# --db is accepted after the command too, and opens nothing here.
expect_exit 0 "$BACKPAIN" pack check "$FIX/minimal.yaml" --db "$T/log.db"
expect_same "$T/want" "$T/out"

# An invalid pack: every error, one line each, on stderr; nothing on stdout.
bad="$FIX/bad.yaml"
expect_exit 65 "$BACKPAIN" pack check "$bad"
[ -s "$T/out" ] && fail "an invalid pack printed to stdout"
cat >"$T/want" <<EOF
$bad:30:5: missing key 'summary' in approach
$bad:32:5: unknown key 'sumary' in approach (did you mean 'summary'?)
$bad:41:18: expected an integer from 1 to 180 for 'minutes', got '200'
$bad:48:18: 'warn_if' must be one of the choices, got 'worse'
$bad:50:9: duplicate approach id 'first' (first at line 30, column 9)
$bad:56:5: duplicate key 'effort' (first at line 55, column 5)
EOF
expect_same "$T/want" "$T/err"
# The same pack chosen with --pack fails every command that needs it.
expect_exit 65 "$BACKPAIN" --pack "$bad" pack list
expect_same "$T/want" "$T/err"
expect_exit 65 "$BACKPAIN" pack check --pack "$bad"
expect_same "$T/want" "$T/err"

# Lessons and red flag revisions (issue 20): a lesson without sources, a
# moment naming no approach, a lesson's practice with another practice's
# id, a revision of 0, each placed.
badl="$FIX/bad-lessons.yaml"
expect_exit 65 "$BACKPAIN" pack check "$badl"
[ -s "$T/out" ] && fail "an invalid pack printed to stdout"
cat >"$T/want" <<EOF
$badl:30:15: expected an integer from 1 to 1000 for 'revision', got '0'
$badl:65:20: 'start:frist' names no approach of the pack (did you mean 'start:first'?)
$badl:67:13: duplicate practice id 'walk' (first at line 41, column 13)
$badl:72:5: missing key 'sources' in lesson
$badl:75:5: unknown key 'source' in lesson (did you mean 'sources'?)
$badl:80:14: expected at least 1 item in 'sources', got 0
EOF
expect_same "$T/want" "$T/err"
# Mended, it is valid; the count is of the approaches' practices.
sed -e '/revision: 0/d' -e 's/start:frist/start:first/' \
	-e 's/id: walk .*/id: breathe/' -e 's/ source: / sources: [/' \
	-e 's/sources: \[Brinjikji 2015$/&]/' \
	-e 's/sources: \[\] .*/sources: [NICE NG59 2016]/' "$badl" >"$T/lessons.yaml"
expect_exit 0 "$BACKPAIN" pack check "$T/lessons.yaml"
echo "$T/lessons.yaml: ok, 2 approaches, 1 practice" >"$T/want"
expect_same "$T/want" "$T/out"

# Bad YAML: libyaml's complaint, placed.
printf 'format: 1\nid: [x\n' >"$T/syntax.yaml"
expect_exit 65 "$BACKPAIN" pack check "$T/syntax.yaml"
expect_grep "^$T/syntax.yaml:3:1: invalid YAML: " "$T/err"

# Unreadable: 66, with the file name and the reason.
expect_exit 66 "$BACKPAIN" pack check "$T/nowhere.yaml"
echo "$T/nowhere.yaml: cannot read: No such file or directory" >"$T/want"
expect_same "$T/want" "$T/err"
expect_exit 66 "$BACKPAIN" pack check "$T"
expect_grep "^$T: cannot read: Is a directory$" "$T/err"
expect_exit 66 "$BACKPAIN" --pack "$T/nowhere.yaml" pack list
expect_same "$T/want" "$T/err"

# Several files: each checked in turn whatever the others gave, its ok
# line or its errors in the order given; the status is the worst of theirs
# (0 all valid, else 66 when one is unreadable, else 65).
min_ok="$FIX/minimal.yaml: ok, 2 approaches, 1 practice"
expect_exit 0 "$BACKPAIN" pack check "$FIX/minimal.yaml" "$TOP/content/guide.yaml"
printf '%s\n' "$min_ok" "$TOP/content/guide.yaml: $builtin" >"$T/want"
expect_same "$T/want" "$T/out"
[ -s "$T/err" ] && fail "pack check of two valid packs wrote to stderr"
expect_exit 65 "$BACKPAIN" pack check "$bad" "$FIX/minimal.yaml" "$T/syntax.yaml"
echo "$min_ok" >"$T/want"
expect_same "$T/want" "$T/out"
[ "$(grep -c "^$bad:[0-9]*:[0-9]*: " "$T/err")" = 6 ] ||
	fail "not every error of bad.yaml among several files"
expect_grep "^$T/syntax.yaml:3:1: invalid YAML: " "$T/err"
[ "$(wc -l <"$T/err")" = 7 ] || fail "more than the errors of the two files"
# One stream: each file's lines in their turn.
"$BACKPAIN" pack check "$FIX/minimal.yaml" "$bad" "$TOP/content/guide.yaml" \
	"$T/syntax.yaml" >"$T/all" 2>&1
sed 's/:.*//' "$T/all" | uniq >"$T/files"
printf '%s\n' "$FIX/minimal.yaml" "$bad" "$TOP/content/guide.yaml" \
	"$T/syntax.yaml" >"$T/want"
expect_same "$T/want" "$T/files"
for order in "$T/nowhere.yaml $bad" "$bad $T/nowhere.yaml"; do
	# shellcheck disable=SC2086 # the words are the files
	expect_exit 66 "$BACKPAIN" pack check $order "$FIX/minimal.yaml"
	echo "$min_ok" >"$T/want"
	expect_same "$T/want" "$T/out"
	expect_grep "^$T/nowhere.yaml: cannot read: No such file or directory$" "$T/err"
	expect_grep "^$bad:56:5: duplicate key 'effort'" "$T/err"
done
# Options among the files; the files, not --pack, are what is checked.
expect_exit 0 "$BACKPAIN" --pack "$bad" pack check "$FIX/minimal.yaml" \
	--db "$T/log.db" "$FIX/minimal.yaml"
printf '%s\n' "$min_ok" "$min_ok" >"$T/want"
expect_same "$T/want" "$T/out"
# An empty name among them is a usage error before any file is read.
expect_exit 64 "$BACKPAIN" pack check "$FIX/minimal.yaml" "" "$bad"
expect_grep "^backpain: pack: the file name is empty$" "$T/err"
[ -s "$T/out" ] && fail "pack check with an empty name checked a file"
grep -q "^$bad" "$T/err" && fail "pack check with an empty name checked a file"

# pack list: position, id, title, trial, practices, in aligned columns.
expect_exit 0 "$BACKPAIN" pack list --pack "$FIX/minimal.yaml"
cat >"$T/want" <<'EOF'
1  first   First approach   28 days  1 practice
2  second  Second approach  open     0 practices
EOF
expect_same "$T/want" "$T/out"
expect_exit 0 "$BACKPAIN" pack list
awk '{ print $1, $2 }' "$T/out" >"$T/ids"
cat >"$T/want" <<'EOF'
1 mind-body
2 foundation-training
3 movement-rewiring
4 targeted-stretching
5 acupressure-mat
6 expert-help
EOF
expect_same "$T/want" "$T/ids"
# Aligned: the title column starts at the same place on every line.
[ "$(awk '{ print index($0, $3) }' "$T/out" | sort -u | wc -l)" = 1 ] ||
	fail "pack list columns are not aligned"

# Usage errors: 64 with the usage on stderr and nothing on stdout.
for args in "pack" "pack frob" "pack check --frob" "pack list --bogus" \
	"pack list extra" "pack check --pack" "frob"; do
	# shellcheck disable=SC2086 # the words are the arguments
	expect_exit 64 "$BACKPAIN" $args
	expect_grep '^usage: ' "$T/err"
	[ -s "$T/out" ] && fail "backpain $args printed to stdout"
done
expect_exit 64 "$BACKPAIN" pack frob
expect_grep "^backpain: pack: unknown subcommand 'frob'" "$T/err"
expect_exit 64 "$BACKPAIN" pack list --bogus
expect_grep "^backpain: pack: unknown option '--bogus'" "$T/err"
expect_exit 64 "$BACKPAIN" --bogus
expect_grep '^usage: ' "$T/err"

# Help to stdout, exit 0: globally and after the command.
expect_exit 0 "$BACKPAIN" --help
expect_grep '^usage: backpain' "$T/out"
expect_grep 'backpain pack check \[FILE...\] | pack list \[--practices | --questions | --reading | --flags | --lessons\]' "$T/out"
expect_exit 0 "$BACKPAIN" pack --help
expect_grep '^usage: backpain pack check \[FILE...\] | pack list \[--practices | --questions | --reading | --flags | --lessons\]$' "$T/out"
expect_exit 0 "$BACKPAIN" pack list --help
expect_grep '^usage: backpain pack' "$T/out"
[ -s "$T/err" ] && fail "--help wrote to stderr"

# Practices and questions, the ids that practice, --did and --answer take.
expect_exit 0 "$BACKPAIN" --pack "$FIX/minimal.yaml" pack list --practices
[ "$(awk '{ print $2 }' "$T/out" | paste -s -d ' ' -)" = \
	"$(sed -n 's/^ *- id: \(.*\)/\1/p' "$FIX/minimal.yaml" |
		grep -Fx -f <(sed -n '/practices:/,/questions:/s/^ *- id: //p' \
			"$FIX/minimal.yaml") | paste -s -d ' ' -)" ] ||
	{ cat "$T/out" >&2; fail "pack list --practices ids"; }
expect_exit 0 "$BACKPAIN" pack list --practices
[ "$(wc -l <"$T/out")" = 11 ] ||
	fail "the guide has ten practices of approaches and one of a lesson"
expect_grep '^ *[0-9]*  mckenzie-exercises  *targeted-stretching  *5 min,  8 a day  McKenzie' "$T/out"
# A lesson's practice, last, with its lesson where an approach stands.
tail -n 1 "$T/out" | grep -q '^11  relaxed-breathing  *sleep-stress-mood  *5 min,  2 a day  Relaxed breathing$' ||
	{ cat "$T/out" >&2; fail "the lesson's practice is not listed last"; }
expect_exit 0 "$BACKPAIN" pack list --questions
expect_grep '^ *[0-9]*  pain-location  *targeted-stretching  *centralising|same|spreading$' "$T/out"
expect_exit 64 "$BACKPAIN" pack list --practices --questions
expect_grep 'do not go together' "$T/err"
expect_exit 64 "$BACKPAIN" pack list --reading --questions
expect_grep 'do not go together' "$T/err"

# The red flags, the ids that safety --answer and --checked take: every
# one of the pack, in its order, with its urgency and question.
expect_exit 0 "$BACKPAIN" pack list --flags
[ "$(awk '{ print $2 }' "$T/out" | paste -s -d ' ' -)" = \
	"$(sed -n '/^red_flags:/,/^[a-z_]*:$/s/^  - id: //p' "$TOP/content/guide.yaml" |
		paste -s -d ' ' -)" ] ||
	{ cat "$T/out" >&2; fail "pack list --flags ids"; }
expect_grep '^ 1  saddle-numbness  *emergency  Have you newly noticed numbness' "$T/out"
expect_grep '^ *[0-9]*  fever  *soon  *Along with the back pain' "$T/out"
expect_exit 0 "$BACKPAIN" --pack "$FIX/minimal.yaml" pack list --flags
expect_grep '^ 1  numbness  *emergency  Numb?$' "$T/out"
[ "$(wc -l <"$T/out")" = 1 ] || fail "minimal.yaml has one red flag"
# Each listed id is one that safety --answer takes.
expect_exit 0 "$BACKPAIN" --db "$T/flags/log.db" --pack "$FIX/minimal.yaml" \
	safety --answer "$(awk '{ print $2 }' "$T/out")=no"
rm -rf "$T/flags"
expect_exit 64 "$BACKPAIN" pack list --flags --practices
expect_grep 'do not go together' "$T/err"
expect_exit 64 "$BACKPAIN" pack check --flags
expect_grep 'go with list' "$T/err"

# The lessons (issue 20): the ids and numbers that learn takes, in order.
expect_exit 0 "$BACKPAIN" pack list --lessons
[ "$(awk '{ print $2 }' "$T/out" | paste -s -d ' ' -)" = \
	"$(sed -n '/^lessons:/,/^[a-z_]*:$/s/^  - id: //p' "$TOP/content/guide.yaml" |
		paste -s -d ' ' -)" ] ||
	{ cat "$T/out" >&2; fail "pack list --lessons ids"; }
expect_grep '^ 1  hurt-and-harm  *Hurt and harm, and what scans show$' "$T/out"
expect_exit 0 "$BACKPAIN" --pack "$FIX/minimal.yaml" pack list --lessons
expect_exit 64 "$BACKPAIN" pack list --lessons --flags
expect_grep 'do not go together' "$T/err"
expect_exit 64 "$BACKPAIN" pack check --lessons
expect_grep 'go with list' "$T/err"

# The further reading (issue 11): every item of the pack's list, with its
# author and note.
expect_exit 0 "$BACKPAIN" pack list --reading
[ "$(grep -c '^[a-z]*: ' "$T/out")" = \
	"$(sed -n '/^further_reading:/,$p' "$TOP/content/guide.yaml" | grep -c '^  - kind:')" ] ||
	{ cat "$T/out" >&2; fail "pack list --reading does not list every item"; }
expect_grep '^article: Exploring and Dissolving Chronic Pain, by Max Langenkamp$' "$T/out"
expect_grep '^book: Explain Pain, by David Butler and Lorimer Moseley (2003)$' "$T/out"
expect_grep '^    He had chronic wrist pain for years' "$T/out"
expect_exit 0 "$BACKPAIN" --pack "$FIX/minimal.yaml" pack list --reading
expect_grep '^This pack suggests no further reading.$' "$T/out"
expect_exit 64 "$BACKPAIN" pack check --practices
expect_grep 'go with list' "$T/err"

expect_exit 0 "$BACKPAIN" --version
expect_grep '^backpain [0-9][0-9]*\.[0-9][0-9]*\.[0-9][0-9]*$' "$T/out"

# Checking packs writes nothing: no log, no config, no stray files.
rm -f "$T/out" "$T/err" "$T/want" "$T/ids" "$T/syntax.yaml" "$T/lessons.yaml" \
	"$T/all" "$T/files"
[ -z "$(find "$T" -mindepth 1 ! -path "$HOME")" ] ||
	fail "pack commands left files: $(find "$T" -mindepth 1)"
exit 0
