#!/usr/bin/env bash
# cycles: no two files of src/ use each other in a loop, so every file can
# be read, tested and replaced from the bottom up. "Use" is read from what
# the compiler left: a file uses another when its object file refers to a
# function or variable the other's object defines (nm, the plain build's
# objects), and a header uses the headers it includes. A loop of any length
# (a -> b -> c -> a) fails, with the symbols that make each step. Folders
# use each other downward only, in the order of doc/design.md (LAYERS).
set -u
cd "${TOP:?run through tests/run.sh}" || exit 1
B=${B:-build}
bad=0
# The objects of the sources there are now: a removed file's object may
# linger in the build directory and must not count.
objs=$(find src -name '*.c' | sort | sed 's/\.c$/.o/')
for o in $objs; do
	[ -f "$B/obj/$o" ] || { echo "FAIL: no $B/obj/$o: build first (make check does)" >&2; exit 1; }
done
n=$(printf '%s\n' "$objs" | grep -c .)
if [ "$n" -lt 40 ]; then
	echo "FAIL: only $n objects under $B/obj/src: build first (make check does)" >&2
	exit 1
fi

# loops: read "FROM TO WHY" lines, print every loop found, exit 1 if any.
# Tarjan's strongly connected components; a component of two or more files
# is a loop, shown as its members and the edges inside it.
loops() {
	awk '
	{ if (!(($1, $2) in e)) { e[$1, $2] = $3; adj[$1] = adj[$1] " " $2 } else e[$1, $2] = e[$1, $2] " " $3
	  v[$1] = 1; v[$2] = 1 }
	function visit(x,   list, m, i, y) {
		idx[x] = low[x] = ++counter; stack[++sp] = x; on[x] = 1
		m = split(adj[x], list, " ")
		for (i = 1; i <= m; i++) {
			y = list[i]
			if (!(y in idx)) { visit(y); if (low[y] < low[x]) low[x] = low[y] }
			else if (on[y] && idx[y] < low[x]) low[x] = idx[y]
		}
		if (low[x] == idx[x]) {
			size = 0; delete comp
			do { y = stack[sp--]; on[y] = 0; comp[++size] = y } while (y != x)
			if (size > 1) {
				found = 1
				printf "FAIL: a loop between %d files:\n", size
				for (i = 1; i <= size; i++) for (j = 1; j <= size; j++)
					if ((comp[i], comp[j]) in e)
						printf "    %s -> %s:%s\n", comp[i], comp[j], e[comp[i], comp[j]]
			}
		}
	}
	END { for (x in v) if (!(x in idx)) visit(x); exit found }'
}

# The finder itself must find a loop of three, and pass a chain.
if printf 'a b x\nb c y\nc a z\n' | loops >/dev/null ||
	! printf 'a b x\nb c y\na c z\n' | loops >/dev/null; then
	echo "FAIL: the loop finder is broken" >&2
	exit 1
fi

# Object files: FROM TO SYMBOL for each symbol one uses and another defines.
(cd "$B/obj" && nm -A $objs) | awk '
	{ f = $1; sub(/\.o:.*/, ".c", f) }
	$(NF - 1) == "U" { use[f, $NF] = 1; next }
	$(NF - 1) ~ /^[TDBRVW]$/ { def[$NF] = f }
	END { for (k in use) { split(k, q, SUBSEP); g = def[q[2]]
		if (g != "" && g != q[1]) print q[1], g, q[2] } }' |
	sort >"${TMPDIR:-/tmp}/cycles.$$"
edges=$(grep -c . "${TMPDIR:-/tmp}/cycles.$$")
if [ "$edges" -lt 100 ]; then
	echo "FAIL: only $edges uses read from the objects; nm did not work?" >&2
	bad=1
fi
loops <"${TMPDIR:-/tmp}/cycles.$$" >&2 || bad=1

# Folders use each other downward only, in the order of doc/design.md's
# picture: each word is a layer, highest first; folders joined by a comma
# share a layer and never use each other. main and app are src/main.c and
# src/app.c.
LAYERS="main cli,ui report app review program analysis store,content lib"
awk -v layers="$LAYERS" '
	BEGIN { n = split(layers, l, " ")
		for (i = 1; i <= n; i++) { m = split(l[i], f, ","); for (j = 1; j <= m; j++) rank[f[j]] = i } }
	function folder(p,   q) { split(p, q, "/"); return q[3] == "" ? substr(q[2], 1, index(q[2], ".") - 1) : q[2] }
	{ a = folder($1); b = folder($2)
	  if (!(a in rank) || !(b in rank)) { printf "FAIL: %s or %s is in no layer of LAYERS\n", $1, $2; bad = 1; next }
	  if (a != b && rank[b] <= rank[a]) { printf "FAIL: %s (%s) uses %s (%s), a layer not below it: %s\n", $1, a, $2, b, $3; bad = 1 } }
	END { exit bad }' "${TMPDIR:-/tmp}/cycles.$$" >&2 || bad=1
# The faces, main.c and app.c read and write the log through the program
# only (issue 18; layers.sh checks their sources): none of their objects
# uses one of src/store/.
hits=$(awk '$1 ~ /^src\/(cli|ui|report)\/|^src\/(main|app)\.c$/ && $2 ~ /^src\/store\//' \
	"${TMPDIR:-/tmp}/cycles.$$")
if [ -n "$hits" ]; then
	echo "FAIL: a face uses the store, not the program:" >&2
	printf '%s\n' "$hits" | sed 's/^/    /' >&2
	bad=1
fi
rm -f "${TMPDIR:-/tmp}/cycles.$$"

# Headers: FROM TO for each #include "..." that names a header of ours.
for h in include/*.h src/*/*.h; do
	sed -n 's/^#include "\([^"]*\)".*/\1/p' "$h" | while read -r inc; do
		for d in "${h%/*}" include; do
			[ -f "$d/$inc" ] && { echo "$h $d/$inc include"; break; }
		done
	done
done | loops >&2 || bad=1
exit $bad
