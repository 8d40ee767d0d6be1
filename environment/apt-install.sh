#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages named as arguments that are not installed yet: 'apt-get update' once, then
# 'apt-get install'. Packages already present are left alone. Needs root (or sudo) only when something is missing.
# Used by /test.sh (the tests' packages) and tests/reference/install.sh (the benchmarks' Python packages).
# Usage: bash environment/apt-install.sh [--quiet] [--no-install-recommends] PACKAGE...
set -euo pipefail

me="${APT_INSTALL_CALLER:-apt-install.sh}"
quiet=0
options=()
while [ $# -gt 0 ]; do
    case "$1" in
        --quiet) quiet=1; shift ;;
        --no-install-recommends) options+=(--no-install-recommends); shift ;;
        *) break ;;
    esac
done

missing=()
for package in "$@"; do
    if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        [ "$quiet" -eq 1 ] || echo "$me: $package is installed ($(dpkg-query -W -f='${Version}' "$package"))."
    else
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    [ "$quiet" -eq 1 ] || echo "$me: nothing to install."
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "$me: apt-get not found; this script supports Debian and Ubuntu. Install ${missing[*]} with your package manager." >&2
    exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo=(sudo)
    else
        echo "$me: ${missing[*]} missing and not running as root (no sudo either); run it as root." >&2
        exit 1
    fi
fi
echo "$me: installing ${missing[*]} with apt-get (this updates the package lists first)."
if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq; then
    echo "$me: 'apt-get update' failed; check the network and /etc/apt/sources.list, then run it again." >&2
    exit 1
fi
if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${options[@]}" "${missing[@]}"; then
    echo "$me: 'apt-get install ${missing[*]}' failed; see the apt messages above." >&2
    exit 1
fi
