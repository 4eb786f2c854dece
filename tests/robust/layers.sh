#!/usr/bin/env bash
# layers: the layering of DESIGN.md section 2, read from the sources. The
# two faces stand on app.h and program.h and never on each other: nothing
# under src/ui/ includes cli.h or calls a cli_ function, no cli*.c includes
# a ui header; main.c opens nothing itself; and only the write path
# (program_write.c, and program_import.c for an import) calls the store's
# writes, so no face writes directly.
set -u
cd "${TOP:?run through tests/run.sh}" || exit 1
bad=0
complain() {
	echo "FAIL: $1:" >&2
	printf '%s\n' "$2" | sed 's/^/    /' >&2
	bad=1
}

hits=$(grep -n -E '#include "cli|\<cli_[a-z_]+\(' src/ui/*.c)
[ -z "$hits" ] || complain "src/ui/ uses the CLI" "$hits"
hits=$(grep -n -E '#include "ui' src/cli*.c src/cli*.h)
[ -z "$hits" ] || complain "the CLI uses the TUI's headers" "$hits"
hits=$(grep -n -E '\<(store|content|config)_[a-z_]+\(' src/main.c)
[ -z "$hits" ] || complain "main.c opens something besides the app" "$hits"
writes='store_(checkin_put|checkin_write|session_add|trial_start|trial_stop|trial_set_outcome|trial_set_impression|screening_add|screening_checked|profile_set|habit_keep|habit_drop|flare_begin|flare_end|import)\('
hits=$(grep -n -E "$writes" src/*.c src/ui/*.c |
	grep -v -E '^src/(store[a-z_]*|program_write|program_import)\.c:')
[ -z "$hits" ] || complain "a write outside the write path" "$hits"
exit $bad
