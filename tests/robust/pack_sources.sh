#!/usr/bin/env bash
# robust/pack_sources (issue 11): the built-in pack passes `pack check`, and
# every evidence entry and every figure in content/guide.yaml carries its
# source. A figure is a percentage, a count of people, a ratio ("1 in 10",
# "two in three"), a median or mean, or a number of days with pain; its
# source is a `source:` key or a `# source:` comment in the same list item
# (or the comments just above it), or, for a top-level key, in the comments
# just above that key. An evidence entry needs a non-empty `source:`. With
# GUIDE-FACTS.md at hand ($SHARED), the first author of every citation in a
# `source:` key ("Name et al.", "Name & Name", "Name 2016") must be one
# GUIDE-FACTS names. The check is in POSIX awk (mawk and gawk), as python is
# not among the tools `make test` installs; three broken copies of the guide
# show that it still catches what it is for.
. "$(dirname "$0")/../lib.sh"
GUIDE="${GUIDE:-$(cd "$(dirname "$0")/../.." && pwd)/content/guide.yaml}"

"$BACKPAIN" pack check >"$T/out" 2>&1 || { cat "$T/out" >&2; fail "the built-in pack does not pass pack check"; }
"$BACKPAIN" pack check "$GUIDE" >"$T/out" 2>&1 || { cat "$T/out" >&2; fail "$GUIDE does not pass pack check"; }

FACTS=
if [ -n "${SHARED:-}" ] && [ -f "$SHARED/GUIDE-FACTS.md" ]; then
	FACTS=$SHARED/GUIDE-FACTS.md
else
	echo "no GUIDE-FACTS.md in \$SHARED: cited authors not checked"
fi

# check_sources FILE: print "FILE:LINE: ..." for each figure or evidence
# entry in FILE without a source, and each citation whose first author
# GUIDE-FACTS ($FACTS, when set) does not name; exit 1 if any. Byte-wise
# (LC_ALL=C): a word character is [A-Za-z0-9_] (so a letter like "é" next
# to a figure or a name counts as a word boundary, the stricter reading),
# a digit is 0-9, whitespace is ASCII's, plus Unicode spaces before "%".
check_sources() {
	BP_FACTS=$FACTS BP_GUIDE=$1 LC_ALL=C awk '
	function indent(l, k) {
		k = 0
		while (substr(l, k + 1, 1) == " ")
			k++
		return k
	}
	function lstrip(l) { sub("^" WS "+", "", l); return l }
	function strip(l) { sub("^" WS "+", "", l); sub(WS "+$", "", l); return l }
	function blank(l) { return l !~ NONWS }
	function comment(l) { return substr(lstrip(l), 1, 1) == "#" }
	function opens_item(l) { return substr(lstrip(l), 1, 2) == "- " }
	# item_bounds(i): the list item (or top-level key) holding line i, with
	# the comment lines just above it: lines FIRST to LAST - 1.
	function item_bounds(i, ind, j, k, l, top) {
		ind = indent(L[i])
		if (opens_item(L[i]))
			ind++ # the line opens its own item
		for (j = i; j > 1; j--) {
			l = L[j]
			if (!blank(l) && !comment(l) &&
			    (opens_item(l) && indent(l) < ind || indent(l) == 0))
				break
		}
		top = indent(L[j])
		for (k = j + 1; k <= n; k++) {
			l = L[k]
			if (!blank(l) && !comment(l) && indent(l) <= top)
				break
		}
		while (j > 1 && comment(L[j - 1]))
			j--
		FIRST = j
		LAST = k
	}
	# A `source:` key with a value (a folded `>-` is one), or a comment
	# that says `source:`.
	function sourced(first, last, i, s) {
		for (i = first; i < last; i++) {
			s = strip(L[i])
			if (s ~ ("^(- )?source:" WS "*" NONWS) ||
			    substr(s, 1, 1) == "#" && index(s, "source:"))
				return 1
		}
		return 0
	}
	function bad(msg) {
		print file ":" msg
		nbad++
	}
	BEGIN {
		WS = "[ \t\n\v\f\r\034\035\036\037]"
		NONWS = "[^ \t\n\v\f\r\034\035\036\037]"
		# Word boundaries: the text is matched lowercased between two
		# spaces, so a non-word character stands before and after.
		B = "[^a-z0-9_]"
		# Before "%", any space: ASCII or (in UTF-8) Unicode.
		SPACE = "(" WS "|\302[\205\240]|\341\232\200|" \
		    "\342\200[\200-\212\250\251\257]|\342\201\237|\343\200\200)"
		FIGURE = "[0-9]" SPACE "?%" \
		    "|" B "[0-9][0-9,]* (people|adults|patients)" B \
		    "|" B "[0-9]+ in [0-9]+" B \
		    "|" B "(one|two|three|four|five) in (two|three|four|five|ten)" B \
		    "|" B "(median|mean) of" B \
		    "|" B "[0-9]+ (fewer |more )?days (in|with) pain" B \
		    "|" B "pain on (about )?[0-9]+ days" B
		YEAR = "[^A-Za-z0-9_](19|20)[0-9][0-9][^A-Za-z0-9_]"
		path = ENVIRON["BP_FACTS"]
		if (path != "") {
			while ((r = getline line < path) > 0)
				facts = facts line "\n"
			if (r < 0)
				unreadable = 1
			close(path)
		}
	}
	{
		sub(/\r$/, "")
		L[++n] = $0
	}
	END {
		file = ENVIRON["BP_GUIDE"]
		if (unreadable) {
			print path ": cannot read"
			exit 2
		}
		for (i = 1; i <= n; i++) {
			if (comment(L[i]) || (" " tolower(L[i]) " ") !~ FIGURE)
				continue
			item_bounds(i)
			if (!sourced(FIRST, LAST))
				bad(i ": a figure without a source: " strip(L[i]))
		}
		for (i = 1; i <= n; i++) {
			if (L[i] !~ ("^" WS "*- claim:"))
				continue
			item_bounds(i)
			for (k = i; k < LAST; k++)
				if (L[k] ~ ("^" WS "*source:" WS "*" NONWS))
					break
			if (k == LAST)
				bad(i ": an evidence entry without a source")
		}
		# The first author of each citation in a source: key: the
		# capitalised word that opens a part (parts split at ";") holding
		# "et al", "&" or a year.
		for (i = 1; path != "" && i <= n; i++) {
			if (L[i] !~ ("^" WS "*(- )?source:"))
				continue
			text = substr(L[i], index(L[i], "source:") + 7)
			for (k = i + 1; k <= n && !blank(L[k]) &&
			    indent(L[k]) > indent(L[i]); k++)
				text = text " " strip(L[k])
			gsub(/>-/, " ", text)
			np = split(text, part, ";")
			for (p = 1; p <= np; p++) {
				if (!match(part[p], "^" WS "*[A-Z][a-z]+") ||
				    substr(part[p], RSTART + RLENGTH, 1) ~ /[A-Za-z0-9_]/)
					continue
				who = lstrip(substr(part[p], RSTART, RLENGTH))
				if ((index(part[p], "et al") || index(part[p], "&") ||
				    (" " part[p] " ") ~ YEAR) && !index(facts, who))
					bad(i ": cites " who ", whom GUIDE-FACTS.md does not name")
			}
		}
		exit (nbad > 0)
	}' "$1"
}

check_sources "$GUIDE" >&2 || fail "figures or evidence without a source (above)"

# It still bites: broken copies of the guide fail, each for its reason.
# bites WHAT EXPECTED: $T/broken.yaml (a copy of $GUIDE with WHAT done to
# it) must fail the check with EXPECTED among the errors.
bites() {
	! cmp -s "$GUIDE" "$T/broken.yaml" || fail "could not make a copy with $1"
	! check_sources "$T/broken.yaml" >"$T/broken.err" ||
		fail "a copy with $1 passes the check"
	grep -q -- "$2" "$T/broken.err" ||
		{ cat "$T/broken.err" >&2; fail "a copy with $1 fails without '$2'"; }
}
# The first evidence entry's source: line (and its continuation lines).
awk 'claim == 0 && /^ *- claim:/ { claim = 1 }
	claim == 1 && /^ *source:/ { claim = 2; ind = match($0, /[^ ]/); next }
	claim == 2 { if (match($0, /[^ ]/) > ind) next; claim = 3 }
	{ print }' "$GUIDE" >"$T/broken.yaml"
bites "an evidence entry's source removed" ": an evidence entry without a source"
# The first top-level "# source:" comment (above `about:`, its 80%).
awk '!done && /^# source:/ { done = 1; next } { print }' "$GUIDE" >"$T/broken.yaml"
bites "a figure's source comment removed" ": a figure without a source: "
if [ -n "$FACTS" ]; then
	! grep -q Quillfeather "$FACTS" || fail "GUIDE-FACTS.md names Quillfeather"
	awk '!done && /^ *source: .*et al/ {
		sub(/source: /, "source: Quillfeather et al., Spine 2020; "); done = 1 }
	{ print }' "$GUIDE" >"$T/broken.yaml"
	bites "a citation of Quillfeather" ": cites Quillfeather, whom GUIDE-FACTS.md does not name"
fi
exit 0
