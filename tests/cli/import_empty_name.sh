#!/usr/bin/env bash
# `import ''` is a usage error (64), as the exit statuses document for an
# empty argument, not an unreadable file (66); no log is made.
. "$(dirname "$0")/../lib.sh"
DB=$T/log.db

expect_exit 64 bp import ''
expect_grep "^backpain: import: the file name is empty" "$T/err"
[ ! -e "$DB" ] || fail "import '' made a log"
expect_exit 64 bp import --replace ''
expect_exit 66 bp import "$T/missing.json"
[ ! -e "$DB" ] || fail "a missing file made a log"
echo "import '' is a usage error"
