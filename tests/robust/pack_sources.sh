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
# GUIDE-FACTS names.
. "$(dirname "$0")/../lib.sh"
GUIDE="${GUIDE:-$(cd "$(dirname "$0")/../.." && pwd)/content/guide.yaml}"

"$BACKPAIN" pack check >"$T/out" 2>&1 || { cat "$T/out" >&2; fail "the built-in pack does not pass pack check"; }
"$BACKPAIN" pack check "$GUIDE" >"$T/out" 2>&1 || { cat "$T/out" >&2; fail "$GUIDE does not pass pack check"; }

FACTS="${SHARED:-/nonexistent}/GUIDE-FACTS.md"
[ -f "$FACTS" ] || FACTS=/work/shared/GUIDE-FACTS.md
[ -f "$FACTS" ] || { echo "no GUIDE-FACTS.md: cited authors not checked"; FACTS=; }
python3 - "$GUIDE" "$FACTS" <<'PY' || fail "figures or evidence without a source (above)"
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
FIGURE = re.compile(
    r"\d+(\.\d+)?\s?%|\b\d[\d,]* (people|adults|patients)\b|\b\d+ in \d+\b"
    r"|\b(one|two|three|four|five) in (two|three|four|five|ten)\b"
    r"|\b(median|mean) of\b|\b\d+ (fewer |more )?days (in|with) pain\b"
    r"|\bpain on (about )?\d+ days\b", re.I)

def indent(l):
    return len(l) - len(l.lstrip(" "))

def is_comment(l):
    return l.lstrip().startswith("#")

def item_bounds(i):
    """The list item (or top-level key) holding line i: (first, last)."""
    ind = indent(lines[i])
    if lines[i].lstrip().startswith("- "):
        ind += 1  # the line opens its own item
    j = i
    while j > 0:
        l = lines[j]
        if l.strip() and not is_comment(l):
            if l.lstrip().startswith("- ") and indent(l) < ind:
                break
            if indent(l) == 0:
                break
        j -= 1
    top = indent(lines[j])
    k = j + 1
    while k < len(lines):
        l = lines[k]
        if l.strip() and not is_comment(l) and indent(l) <= top:
            break
        k += 1
    # Comments right above the item belong to it.
    while j > 0 and is_comment(lines[j - 1]):
        j -= 1
    return j, k

def sourced(first, last):
    for l in lines[first:last]:
        s = l.strip()
        if re.match(r"(- )?source:\s*\S", s) or re.match(r"(- )?source:\s*>-?$", s) \
                or s.startswith("# source:") or "source:" in s and s.startswith("#"):
            return True
    return False

bad = []
for i, l in enumerate(lines):
    if is_comment(l) or not FIGURE.search(l):
        continue
    first, last = item_bounds(i)
    if not sourced(first, last):
        bad.append("%s:%d: a figure without a source: %s" % (sys.argv[1], i + 1, l.strip()))
for i, l in enumerate(lines):
    if re.match(r"\s*- claim:", l):
        first, last = item_bounds(i)
        if not any(re.match(r"\s*source:\s*\S", x) for x in lines[i:last]):
            bad.append("%s:%d: an evidence entry without a source" % (sys.argv[1], i + 1))
facts = open(sys.argv[2], encoding="utf-8").read() if sys.argv[2] else None
# The first author of each citation in a source: key: the capitalised word
# that opens a part (parts split at ';') holding "et al", "&" or a year.
for i, l in enumerate(lines):
    if facts is None or not re.match(r"\s*(- )?source:", l):
        continue
    text, k = l.split("source:", 1)[1], i + 1
    while k < len(lines) and lines[k].strip() and indent(lines[k]) > indent(l):
        text += " " + lines[k].strip()
        k += 1
    for part in text.replace(">-", " ").split(";"):
        m = re.match(r"\s*([A-Z][a-z]+)\b", part)
        if m and re.search(r"et al|&|\b(19|20)\d\d\b", part) and m.group(1) not in facts:
            bad.append("%s:%d: cites %s, whom GUIDE-FACTS.md does not name"
                       % (sys.argv[1], i + 1, m.group(1)))
for b in bad:
    print(b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
