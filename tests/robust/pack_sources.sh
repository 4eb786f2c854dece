#!/usr/bin/env bash
# robust/pack_sources (issue 11): the built-in pack passes `pack check`, and
# what content/guide.yaml states rests on its sources, in its own words.
#
# On every run, from the repository alone:
# - every figure carries its source: a `source:` key, a lesson's
#   `sources:` or a `# source:` comment in the same list item (or the
#   comments just above it), or, for a top-level key, in the comments just
#   above that key; and every evidence entry has a non-empty `source:`;
# - every study or book cited (in a `source:` key, or as a resource with
#   an author and a year) and every figure is one that content/facts.txt
#   lists, every item of a lesson's `sources:` is a citation on that list,
#   and every line of that list is still used by the pack (the list says
#   what a figure and a citation are);
# - no shown text names a file of the project (GUIDE-FACTS.md, a README):
#   a reader is given the study or guideline, never our notes.
# With GUIDE-FACTS.md at hand ($SHARED), also:
# - every line of content/facts.txt is found in GUIDE-FACTS: a cited name
#   with its year, a figure in its context;
# - no shown text copies GUIDE-FACTS: no run of 8 or more words in a row,
#   compared without case and punctuation, appears in both, except the
#   titles in $TITLES below, which have to be given as they are.
#
# "Shown text" is the value of every key the program prints: not ids,
# numbers or flags, and not comments. A citation in a `source:` key or a
# lesson's `sources:` is the same wherever it is written, and is left out
# of the last check. The
# checks are in POSIX awk (mawk and gawk), as python is not among the tools
# `make test` installs; broken copies of the guide and of the list show
# that each check still catches what it is for.
. "$(dirname "$0")/../lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
GUIDE="${GUIDE:-$ROOT/content/guide.yaml}"
LIST="${LIST:-$ROOT/content/facts.txt}"

"$BACKPAIN" pack check >"$T/out" 2>&1 || { cat "$T/out" >&2; fail "the built-in pack does not pass pack check"; }
"$BACKPAIN" pack check "$GUIDE" >"$T/out" 2>&1 || { cat "$T/out" >&2; fail "$GUIDE does not pass pack check"; }
[ -r "$LIST" ] || fail "cannot read $LIST"

FACTS=
if [ -n "${SHARED:-}" ] && [ -f "$SHARED/GUIDE-FACTS.md" ]; then
	FACTS=$SHARED/GUIDE-FACTS.md
else
	echo "no GUIDE-FACTS.md in \$SHARED: content/facts.txt and the wording not checked against it"
fi

# Titles that may match GUIDE-FACTS word for word, one a line: a book or a
# video has to be named as it is.
TITLES='The New 12 Minute Foundation Training Workout with Dr. Eric Goodman'

# The awk functions both checks share. Byte-wise (LC_ALL=C): a word
# character is [A-Za-z0-9_] (so a letter like "é" next to a figure or a name
# counts as a word boundary, the stricter reading), a digit is 0-9,
# whitespace is ASCII's, plus Unicode spaces before "%".
# shellcheck disable=SC2016 # awk's $0, not the shell's
AWK_LIB='
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
	# scalars(): the shown text of L[1..n], one scalar at a time: S_LINE[k]
	# is the line of its key or list dash, S_KEY[k] its key ("-" for a
	# list item, but the key of its list for an item of `sources:`),
	# S_TOP[k] the top-level key it is under, S_TEXT[k] its lines joined
	# by single spaces. As much YAML as a pack written as
	# content/README.md asks needs: block scalars (">-", "|"), plain or
	# quoted scalars over one line or more, flow lists kept as their text.
	function scalars(i, l, col, cont, rest, key, text, start, block, top,
	    depth, ind) {
		ns = depth = 0
		top = ""
		i = 1
		while (i <= n) {
			l = L[i]
			if (blank(l) || comment(l)) {
				i++
				continue
			}
			# col: where the key (or the value) starts; cont: the
			# value goes on over the lines indented further.
			col = cont = ind = indent(l)
			rest = substr(l, col + 1)
			key = ""
			# The keys whose lists or mappings hold this line: an
			# item may stand at the indentation of its key.
			while (depth > 0 && (PK_IND[depth] > ind ||
			    PK_IND[depth] == ind && !opens_item(l)))
				depth--
			while (rest == "-" || substr(rest, 1, 2) == "- ") {
				cont = col
				key = "-"
				rest = substr(rest, 2)
				col++
				while (substr(rest, 1, 1) == " ") {
					rest = substr(rest, 2)
					col++
				}
			}
			if (match(rest, /^[A-Za-z_][A-Za-z0-9_]*:( |$)/)) {
				key = substr(rest, 1, RLENGTH)
				sub(/: ?$/, "", key)
				rest = substr(rest, RLENGTH + 1)
				cont = col
				if (ind == 0)
					top = key
			}
			rest = strip(rest)
			start = i++
			if (rest == "") {
				# A mapping or a list follows, under key.
				PK_IND[++depth] = col
				PK_KEY[depth] = key
				continue
			}
			if (key == "-" && depth > 0 && PK_KEY[depth] == "sources")
				key = "sources"

			block = rest ~ /^[>|][-+0-9]*$/
			text = block ? "" : rest
			for (; i <= n; i++) {
				l = L[i]
				if (!blank(l) && indent(l) <= cont)
					break
				if (!block && comment(l))
					continue
				text = text " " strip(l)
			}
			if (key in HIDDEN)
				continue
			text = strip(text)
			if (text ~ /^".*"$/ || text ~ /^\047.*\047$/)
				text = substr(text, 2, length(text) - 2)
			S_LINE[++ns] = start
			S_KEY[ns] = key
			S_TOP[ns] = top
			S_TEXT[ns] = text
		}
	}
	# figures(t, claim): the figures in the shown text t, as tokens in
	# FIG[1..nfig], the way content/facts.txt lists them: a percentage
	# "66%", a count of people "312" or "600 million", a ratio "8 of 91",
	# "1 in 10" or "two in three", "median of 21", a number of days with
	# pain "3 days". In an evidence claim (claim true), every number in
	# digits is a figure too.
	function figures(t, claim, s, tok) {
		nfig = 0
		s = t = " " tolower(t) " "
		while (match(s, FIG_RE)) {
			tok = substr(s, RSTART, RLENGTH)
			s = substr(s, RSTART + RLENGTH)
			gsub(SPACE, " ", tok)
			tok = strip(tok)
			sub("^" B, "", tok)
			if (tok !~ /%$/)
				sub(B "$", "", tok)
			gsub(/ +%$/, "%", tok)
			sub(/ (people|adults|patients)$/, "", tok)
			sub(/ (fewer |more )?days (in|with) pain$/, " days", tok)
			sub(/^pain on (about )?/, "", tok)
			FIG[++nfig] = tok
		}
		if (!claim)
			return
		s = t
		while (match(s, B "[0-9][0-9,.]*%?")) {
			tok = substr(s, RSTART + 1, RLENGTH - 1)
			s = substr(s, RSTART + RLENGTH)
			sub(/[.,]$/, "", tok)
			FIG[++nfig] = tok
		}
	}
	# citation(s): a part of a source: key (between ";") that cites a
	# study or book: it opens with a capitalised word and holds "et al",
	# "&" or a year.
	function citation(s) {
		s = strip(s)
		return s ~ /^[A-Z][a-z]+([^A-Za-z0-9_]|$)/ &&
		    (index(s, "et al") || index(s, "&") || (" " s " ") ~ YEAR)
	}
	# fold(t): t in lower case, every run of other characters than a-z
	# and 0-9 one space, none at the ends: "Mind-Body, 66%" is "mind body
	# 66".
	function fold(t) {
		t = tolower(t)
		gsub(/[^a-z0-9]+/, " ", t)
		return strip(t)
	}
	# slurp(path): the file at path, its lines joined by single spaces;
	# sets UNREADABLE when it cannot be read.
	function slurp(path, r, line, all) {
		all = ""
		while ((r = getline line < path) > 0)
			all = all " " line
		if (r < 0)
			UNREADABLE = path
		close(path)
		gsub(WS "+", " ", all)
		return all " "
	}
	BEGIN {
		WS = "[ \t\n\v\f\r\034\035\036\037]"
		NONWS = "[^ \t\n\v\f\r\034\035\036\037]"
		# Keys whose values the program does not show as text.
		split("id urgency effort kind minutes per_day format language " \
		    "holds revision wildcard flare flare_tool report " \
		    "trial_days settle_days warn_if value year after", h, " ")
		for (k in h)
			HIDDEN[h[k]] = 1
		# Word boundaries: the text is matched lowercased between two
		# spaces, so a non-word character stands before and after.
		B = "[^a-z0-9_]"
		# Before "%", any space: ASCII or (in UTF-8) Unicode.
		SPACE = "(" WS "|\302[\205\240]|\341\232\200|" \
		    "\342\200[\200-\212\250\251\257]|\342\201\237|\343\200\200)"
		NUM = "([0-9][0-9,.]*[0-9]|[0-9])"
		FIG_RE = NUM SPACE "?%" \
		    "|" B "[0-9][0-9,]*( million)? (people|adults|patients)" B \
		    "|" B "[0-9][0-9,]* of [0-9][0-9,]*" B \
		    "|" B "[0-9]+ in [0-9]+" B \
		    "|" B "(one|two|three|four|five) in (two|three|four|five|ten)" B \
		    "|" B "(median|mean) of [0-9][0-9,.]*" \
		    "|" B "[0-9]+ (fewer |more )?days (in|with) pain" B \
		    "|" B "pain on (about )?[0-9]+ days" B
		YEAR = "[^A-Za-z0-9_](19|20)[0-9][0-9][^A-Za-z0-9_]"
	}
	{
		sub(/\r$/, "")
		L[++n] = $0
	}
'

# check_sources GUIDE LIST: print "FILE:LINE: ..." for each figure or
# evidence entry in GUIDE without a source, each citation or figure LIST
# does not list, each line of LIST that GUIDE does not use, each shown text
# that names a file of ours, and, with GUIDE-FACTS ($FACTS, when set), each
# line of LIST that GUIDE-FACTS does not back; exit 1 if any.
check_sources() {
	BP_FACTS=$FACTS BP_GUIDE=$1 BP_LIST=$2 LC_ALL=C awk "$AWK_LIB"'
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
	# A `source:` key with a value (a folded `>-` is one), the
	# `sources:` of a lesson (the loader requires one or more), or a
	# comment that says `source:`.
	function sourced(first, last, i, s) {
		for (i = first; i < last; i++) {
			s = strip(L[i])
			if (s ~ ("^(- )?source:" WS "*" NONWS) ||
			    s ~ "^(- )?sources:" ||
			    substr(s, 1, 1) == "#" && index(s, "source:"))
				return 1
		}
		return 0
	}
	function bad(msg) {
		print file ":" msg
		nbad++
	}
	function badlist(i, msg) {
		print list ":" i ": " msg
		nbad++
	}
	# cited(text, name, year): the citation text starts with name (as
	# whole words) and holds year (if the list gives one).
	function cited(text, name, year) {
		return index(text, name) == 1 &&
		    substr(text, length(name) + 1, 1) !~ /[A-Za-z0-9_]/ &&
		    (year == "" || (" " text " ") ~ ("[^0-9]" year "[^0-9]"))
	}
	# named(c): cite line c as the list writes it.
	function named(c) {
		return CNAME[c] (CYEAR[c] == "" ? "" : " " CYEAR[c])
	}
	# cite(i, text): the citation text at line i must match a cite line
	# of the list.
	function cite(i, text, c, y) {
		for (c = 1; c <= ncite; c++)
			if (cited(text, CNAME[c], CYEAR[c])) {
				CUSED[c] = 1
				return
			}
		y = "without a year"
		if (match(" " text " ", YEAR))
			y = substr(" " text " ", RSTART + 1, 4)
		match(text, /^[A-Z][A-Za-z]*/)
		bad(i ": cites " substr(text, 1, RLENGTH) " " y ", which " list \
		    " does not list")
	}
	# near(hay, name, year): hay names name (as a word) with year (when
	# there is one) at most 120 characters after it.
	function near(hay, name, year, s, p, after) {
		s = hay
		while ((p = index(s, name)) > 0) {
			after = substr(s, p + length(name), 120)
			if (substr(s, p - 1, 1) !~ /[A-Za-z0-9_]/ &&
			    substr(after, 1, 1) !~ /[A-Za-z0-9_]/ &&
			    (year == "" || (after " ") ~ ("[^0-9]" year "[^0-9]")))
				return 1
			s = substr(s, p + length(name))
		}
		return 0
	}
	END {
		file = ENVIRON["BP_GUIDE"]
		list = ENVIRON["BP_LIST"]
		path = ENVIRON["BP_FACTS"]
		# The list: cite NAME... YEAR, figure TOKEN [= FORM | ...].
		while ((r = getline line < list) > 0) {
			ln++
			if (line ~ ("^" WS "*(#|$)"))
				continue
			if (match(line, /^cite [A-Z][^ ]*( [^ ]+)* (19|20)[0-9][0-9]$/)) {
				CYEAR[++ncite] = substr(line, length(line) - 3)
				CNAME[ncite] = substr(line, 6, length(line) - 10)
				CLINE[ncite] = ln
			} else if (match(line, /^cite [A-Z][^ ]*( [^ ]+)*$/)) {
				CYEAR[++ncite] = ""
				CNAME[ncite] = substr(line, 6)
				CLINE[ncite] = ln
			} else if (match(line, /^figure [^ =|]/)) {
				line = substr(line, 8)
				p = index(line, " = ")
				tok = strip(p ? substr(line, 1, p - 1) : line)
				FTOK[++nfigl] = tok
				FFORM[nfigl] = p ? substr(line, p + 3) : tok
				FLINE[nfigl] = ln
				LISTED[tok] = 1
			} else
				badlist(ln, "neither a cite nor a figure line: " line)
		}
		if (r < 0) {
			print list ": cannot read"
			exit 2
		}
		close(list)
		if (path != "")
			facts = slurp(path)
		if (UNREADABLE != "") {
			print UNREADABLE ": cannot read"
			exit 2
		}
		scalars()
		for (k = 1; k <= ns; k++) {
			i = S_LINE[k]
			t = S_TEXT[k]
			# Figures: each with a source, each one the list holds.
			# The text of a lesson states results as a claim does, so
			# every number in it counts.
			figures(t, S_KEY[k] == "claim" ||
			    S_TOP[k] == "lessons" && S_KEY[k] == "text")
			if (nfig > 0) {
				item_bounds(i)
				if (!sourced(FIRST, LAST))
					bad(i ": a figure without a source: " FIG[1])
			}
			for (f = 1; f <= nfig; f++) {
				if ((k, FIG[f]) in SEEN)
					continue # once for each scalar
				SEEN[k, FIG[f]] = 1
				STATED[FIG[f]] = 1
				if (!(FIG[f] in LISTED))
					bad(i ": a figure " list " does not list: " FIG[f])
			}
			# Our own files are no source for a reader.
			if (tolower(t) ~ /guide[-_ ]facts|readme|[a-z0-9_]\.(md|txt|ya?ml|[ch])([^a-z0-9]|$)/)
				bad(i ": shown text names a file of the project: " t)
			# The sources: of a lesson: each item one citation of the list.
			if (S_KEY[k] == "sources") {
				if (substr(t, 1, 1) == "[")
					bad(i ": write sources: as a block list, one citation a line")
				else
					cite(i, t)
				continue
			}
			# Citations: each part of a source: key, between ";", that
			# opens with a capitalised word and holds "et al", "&" or a
			# year.
			if (S_KEY[k] != "source")
				continue
			np = split(t, part, ";")
			for (p = 1; p <= np; p++) {
				s = strip(part[p])
				gsub(WS "+", " ", s)
				if (citation(s))
					cite(i, s)
			}
		}
		# Resources with an author and a year: the author surname (the
		# last word before the first "," or " and ") and the year.
		for (i = 1; i <= n; i++) {
			if (L[i] !~ ("^" WS "*(- )?year:" WS "*[0-9]"))
				continue
			y = strip(substr(L[i], index(L[i], "year:") + 5))
			item_bounds(i)
			who = ""
			for (j = FIRST; j < LAST; j++)
				if (L[j] ~ ("^" WS "*(- )?by:" WS "*" NONWS))
					who = strip(substr(L[j], index(L[j], "by:") + 3))
			if (who == "")
				continue
			sub(/,.*/, "", who)
			sub(/ and .*/, "", who)
			sub(/.* /, "", who)
			cite(i, who " " y)
		}
		for (i = 1; i <= n; i++)
			if (L[i] ~ ("^" WS "*- claim:")) {
				item_bounds(i)
				for (k = i; k < LAST; k++)
					if (L[k] ~ ("^" WS "*source:" WS "*" NONWS))
						break
				if (k == LAST)
					bad(i ": an evidence entry without a source")
			}
		# Each line of the list is used, and (with GUIDE-FACTS) backed.
		for (c = 1; c <= ncite; c++) {
			if (!(c in CUSED))
				badlist(CLINE[c], "cite " named(c) ": " file \
				    " does not cite it")
			if (path != "" && !near(facts, CNAME[c], CYEAR[c]))
				badlist(CLINE[c], "cite " named(c) \
				    ": GUIDE-FACTS.md does not name " CNAME[c] \
				    (CYEAR[c] == "" ? "" : " with " CYEAR[c]))
		}
		lfacts = tolower(facts)
		for (f = 1; f <= nfigl; f++) {
			if (!(FTOK[f] in STATED))
				badlist(FLINE[f], "figure " FTOK[f] ": " file \
				    " does not state it")
			if (path == "")
				continue
			nform = split(FFORM[f], form, "|")
			for (p = 1; p <= nform; p++) {
				s = tolower(strip(form[p]))
				gsub(WS "+", " ", s)
				if (s == "" || !index(lfacts, s))
					badlist(FLINE[f], "figure " FTOK[f] ": \"" \
					    s "\" is not in GUIDE-FACTS.md")
			}
		}
		exit (nbad > 0)
	}' "$1"
}

# check_wording GUIDE: print "FILE:LINE: ..." for each run of 8 or more
# words of GUIDE's shown text that GUIDE-FACTS ($FACTS) holds in a row,
# once folded (fold() above); the titles in $TITLES may match. Exit 1 if any.
RUN=8
check_wording() {
	BP_FACTS=$FACTS BP_GUIDE=$1 BP_TITLES=$TITLES BP_RUN=$RUN LC_ALL=C awk "$AWK_LIB"'
	END {
		file = ENVIRON["BP_GUIDE"]
		run = ENVIRON["BP_RUN"] + 0
		nw = split(fold(slurp(ENVIRON["BP_FACTS"])), w, " ")
		if (UNREADABLE != "") {
			print UNREADABLE ": cannot read"
			exit 2
		}
		for (p = 1; p + run - 1 <= nw; p++) {
			key = w[p]
			for (q = 1; q < run; q++)
				key = key " " w[p + q]
			COPIED[key] = 1
		}
		ntitle = split(ENVIRON["BP_TITLES"], title, "\n")
		scalars()
		for (k = 1; k <= ns; k++) {
			t = fold(S_TEXT[k])
			# A citation is copied as it is: "Ashar et al., JAMA
			# Psychiatry 2022;79:13" is the same wherever it stands.
			# In a source: key or an item of the sources: of a lesson,
			# each part between ";" that check_sources reads as a
			# citation is left out, and no run goes through it.
			if (S_KEY[k] == "source" || S_KEY[k] == "sources") {
				np = split(S_TEXT[k], part, ";")
				t = ""
				for (p = 1; p <= np; p++)
					t = t " | " (citation(part[p]) ? "" : fold(part[p]))
			}
			t = " " t " "
			# A title splits the text: no run goes through it.
			for (x = 1; x <= ntitle; x++)
				if (fold(title[x]) != "")
					gsub(" " fold(title[x]) " ", " | ", t)
			m = split(t, v, " ")
			p = 1
			while (p + run - 1 <= m) {
				key = v[p]
				for (q = 1; q < run; q++)
					key = key " " v[p + q]
				if (!(key in COPIED)) {
					p++
					continue
				}
				# The longest run from p: windows that match on.
				e = p + run - 1
				while (e < m) {
					key = v[e + 2 - run]
					for (q = e + 3 - run; q <= e + 1; q++)
						key = key " " v[q]
					if (!(key in COPIED))
						break
					e++
				}
				key = v[p]
				for (q = p + 1; q <= e; q++)
					key = key " " v[q]
				print file ":" S_LINE[k] ": " (e - p + 1) \
				    " words as in GUIDE-FACTS.md: " key
				nbad++
				p = e + 1
			}
		}
		exit (nbad > 0)
	}' "$1"
}

check_sources "$GUIDE" "$LIST" >&2 ||
	fail "figures or citations without a source, or not in $LIST (above)"
if [ -n "$FACTS" ]; then
	check_wording "$GUIDE" >&2 || fail "shown text copied from GUIDE-FACTS.md (above)"
fi

# It still bites: broken copies of the guide and of the list fail, each
# for its reason.
# bites WHAT EXPECTED [CHECK]: $T/broken.yaml (a copy of $GUIDE with WHAT
# done to it) and $T/broken.txt (a copy of $LIST) must fail CHECK
# (check_sources by default) with EXPECTED among the errors.
bites() {
	{ ! cmp -s "$GUIDE" "$T/broken.yaml" || ! cmp -s "$LIST" "$T/broken.txt"; } ||
		fail "could not make a copy with $1"
	if [ "${3:-check_sources}" = check_sources ]; then
		! check_sources "$T/broken.yaml" "$T/broken.txt" >"$T/broken.err" ||
			fail "a copy with $1 passes the check"
	else
		! "$3" "$T/broken.yaml" >"$T/broken.err" ||
			fail "a copy with $1 passes the check"
	fi
	grep -q -- "$2" "$T/broken.err" ||
		{ cat "$T/broken.err" >&2; fail "a copy with $1 fails without '$2'"; }
	cp "$GUIDE" "$T/broken.yaml"
	cp "$LIST" "$T/broken.txt"
}
cp "$GUIDE" "$T/broken.yaml"
cp "$LIST" "$T/broken.txt"
# The first evidence entry's source: line (and its continuation lines).
awk 'claim == 0 && /^ *- claim:/ { claim = 1 }
	claim == 1 && /^ *source:/ { claim = 2; ind = match($0, /[^ ]/); next }
	claim == 2 { if (match($0, /[^ ]/) > ind) next; claim = 3 }
	{ print }' "$GUIDE" >"$T/broken.yaml"
bites "an evidence entry's source removed" ": an evidence entry without a source"
# The first top-level "# source:" comment (above `about:`, its 80%).
awk '!done && /^# source:/ { done = 1; next } { print }' "$GUIDE" >"$T/broken.yaml"
bites "a figure's source comment removed" ": a figure without a source: "
# A citation the list does not hold.
! grep -q Quillfeather "$LIST" || fail "$LIST names Quillfeather"
awk '!done && /^ *source: .*et al/ {
	sub(/source: /, "source: Quillfeather et al., Spine 2020; "); done = 1 }
	{ print }' "$GUIDE" >"$T/broken.yaml"
bites "a citation of Quillfeather" ": cites Quillfeather 2020, which $T/broken.txt does not list"
# A resource's year changed: Sarno's book of 1991 given as 1992.
sed 's/^\(  *year: \)1991$/\11992/' "$GUIDE" >"$T/broken.yaml"
bites "a resource's year changed" ": cites Sarno 1992, which $T/broken.txt does not list"
# A figure changed: 66% (with its source) as 67%, which the list lacks.
sed 's/\([^0-9]\)66%/\167%/' "$GUIDE" >"$T/broken.yaml"
bites "a figure changed" ": a figure $T/broken.txt does not list: 67%"
# A figure over a line break is read whole: "8 of 91" (the mat's
# warning, not a claim) split after "of", and its 91 made 92.
awk '!done && sub(/ 8 of 91 people/, " 8 of\n          92 people") { done = 1 }
	{ print }' "$GUIDE" >"$T/broken.yaml"
bites "a figure over a line break changed" ": a figure $T/broken.txt does not list: 8 of 92"
# Our notes named as a source.
awk '!done && /^ *source: .*et al/ { sub(/source: .*/, "source: GUIDE-FACTS.md, section 2.5"); done = 1 }
	{ print }' "$GUIDE" >"$T/broken.yaml"
bites "GUIDE-FACTS.md named as a source" ": shown text names a file of the project: GUIDE-FACTS.md"
# A lesson's sources removed: the figures of its text lose their source.
n=$(awk '/^  - id: hurt-and-harm$/ { l = 1 } l && /^    text:/ { print NR; exit }' "$GUIDE")
[ -n "$n" ] || fail "no hurt-and-harm lesson with a text in $GUIDE"
awk '/^  - id: hurt-and-harm$/ { l = 1 }
	l && /^    sources:$/ { drop = 1; next }
	drop && /^      - / { next }
	drop { drop = 0; l = 0 }
	{ print }' "$GUIDE" >"$T/broken.yaml"
bites "a lesson's sources removed" ":$n: a figure without a source: "
# Every number in a lesson's text is a figure: WalkBack's 208 days as 209.
grep -q ' 208 days' "$GUIDE" || fail "$GUIDE does not state 208 days"
sed 's/ 208 days/ 209 days/' "$GUIDE" >"$T/broken.yaml"
bites "a number in a lesson changed" ": a figure $T/broken.txt does not list: 209"
# A lesson's source that the list does not hold, and one in a flow list.
awk '!done && /^      - Pocovi et al\./ {
	sub(/Pocovi et al\./, "Quillfeather et al., Spine 2020; Pocovi et al."); done = 1 }
	{ print }' "$GUIDE" >"$T/broken.yaml"
bites "a lesson citing Quillfeather" ": cites Quillfeather 2020, which $T/broken.txt does not list"
awk '/^  - id: staying-at-work$/ { l = 1 }
	l && /^    sources:$/ { print "    sources: [NICE NG59 (2016, updated 2020)]"; drop = 1; next }
	drop && /^      - / { next }
	drop { drop = 0; l = 0 }
	{ print }' "$GUIDE" >"$T/broken.yaml"
bites "a lesson's sources as a flow list" ": write sources: as a block list"
# A list line the pack no longer uses.
printf 'figure 999\n' >>"$T/broken.txt"
bites "an unused list line" ": figure 999: $T/broken.yaml does not state it"
printf 'cite Quillfeather 2020\n' >>"$T/broken.txt"
bites "an unused cite line" ": cite Quillfeather 2020: $T/broken.yaml does not cite it"
printf 'cite Quillfeather\n' >>"$T/broken.txt"
bites "an unused cite line without a year" ": cite Quillfeather: $T/broken.yaml does not cite it"
printf 'figures 12\n' >>"$T/broken.txt"
bites "a malformed list line" ": neither a cite nor a figure line: figures 12"
if [ -n "$FACTS" ]; then
	# A list line that GUIDE-FACTS does not back: a figure's context
	# changed, a citation's year changed.
	! grep -q '313 people' "$FACTS" || fail "GUIDE-FACTS.md has 313 people"
	sed 's/^figure 312 = 312 people/figure 312 = 313 people/' "$LIST" >"$T/broken.txt"
	bites "a figure GUIDE-FACTS does not hold" ': figure 312: "313 people with back pain" is not in GUIDE-FACTS.md'
	sed 's/^cite Long 2004$/cite Long 2005/' "$LIST" >"$T/broken.txt"
	sed 's/Spine 2004;29:2593/Spine 2005;29:2593/' "$GUIDE" >"$T/broken.yaml"
	bites "a citation GUIDE-FACTS does not hold" ": cite Long 2005: GUIDE-FACTS.md does not name Long with 2005"
	# A sentence of GUIDE-FACTS in the shown text: the first line of its
	# text with 12 words or more, at the end of `about`.
	line=$(awk '!/^#/ && NF >= 12 { print; exit }' "$FACTS")
	[ -n "$line" ] || fail "no line of 12 words in GUIDE-FACTS.md"
	awk -v line="$line" '{ print } /^about:/ { about = 1; next }
		about && /^[^ ]/ { about = 0 }
		about && /^  anywhere\.$/ { print "  " line; about = 0 }' \
		"$GUIDE" >"$T/broken.yaml"
	bites "a line of GUIDE-FACTS.md copied" " words as in GUIDE-FACTS.md: " check_wording
	# ... in a source: key too, beside the citations it may copy.
	awk -v line="$line" '!done && /^    source: NICE NG59;/ {
		sub(/NICE NG59;/, "NICE NG59; " line ";"); done = 1 } { print }' \
		"$GUIDE" >"$T/broken.yaml"
	bites "a line of GUIDE-FACTS.md in a source" " words as in GUIDE-FACTS.md: " check_wording
	# ... and in a lesson's text.
	awk -v line="$line" '{ print }
		!done && /^  - id: staying-at-work$/ { l = 1 }
		l && !done && /^    text: >-$/ { print "      " line; done = 1 }' \
		"$GUIDE" >"$T/broken.yaml"
	bites "a line of GUIDE-FACTS.md in a lesson" " words as in GUIDE-FACTS.md: " check_wording
	# ... and a title on the list may match, another title not.
	check_wording "$GUIDE" >/dev/null || fail "the guide fails check_wording"
	TITLES='' check_wording "$GUIDE" >"$T/broken.err" &&
		fail "the guide passes check_wording with no titles exempt"
	grep -q "words as in GUIDE-FACTS.md: the new 12 minute foundation" "$T/broken.err" ||
		{ cat "$T/broken.err" >&2; fail "the video's title is not what the exemption covers"; }
fi
exit 0
