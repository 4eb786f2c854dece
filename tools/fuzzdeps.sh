#!/bin/sh
# fuzzdeps.sh: clang can build a libFuzzer target, or the runtime package
# that provides it (libclang-rt-N-dev) is installed.
set -eu
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
printf 'int LLVMFuzzerTestOneInput(const char *d, long n);\nint LLVMFuzzerTestOneInput(const char *d, long n) { (void)d; (void)n; return 0; }\n' > "$t/f.c"
if clang -fsanitize=fuzzer "$t/f.c" -o "$t/f" >/dev/null 2>&1; then
	exit 0
fi
major=$(clang -dumpversion | cut -d. -f1)
exec "$(dirname "$0")/deps.sh" "libclang-rt-$major-dev"
