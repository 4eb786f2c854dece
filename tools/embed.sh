#!/bin/sh
# embed.sh FILE SYMBOL: print a C file defining SYMBOL[] (the bytes of FILE
# and a NUL) and SYMBOL_len (the byte count, without the NUL). Uses only od
# and sed, so a fresh Debian machine needs nothing extra.
set -eu
file=$1 sym=$2
size=$(wc -c < "$file" | tr -d ' ')
printf '/* Generated from %s by tools/embed.sh; do not edit. */\n' "$file"
printf '#include <stddef.h>\n\n'
printf 'const char %s[] = {\n' "$sym"
od -An -v -tx1 "$file" | sed -e 's/  */ /g' -e 's/^ //' -e 's/ $//' \
    -e '/^$/d' -e 's/\([0-9a-f][0-9a-f]\)/(char)0x\1,/g'
printf '0};\nconst size_t %s_len = %s;\n' "$sym" "$size"
