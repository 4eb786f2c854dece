#!/bin/sh
# deps.sh PACKAGE...: make sure these Debian packages are installed. Installs
# the missing ones with apt-get (through sudo when not root), saying which;
# on a system without apt-get, lists them and fails.
set -eu
missing=
for p in "$@"; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case $status in
	*" installed") ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
	echo "backpain: please install these packages (or your system's equivalents):$missing" >&2
	exit 1
fi
sudo=
if [ "$(id -u)" != 0 ]; then
	if ! command -v sudo >/dev/null 2>&1; then
		echo "backpain: not root and no sudo; please install:$missing" >&2
		exit 1
	fi
	sudo=sudo
fi
echo "backpain: installing missing Debian packages:$missing"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing
