#!/usr/bin/env bash
# README's test command: installs the Debian packages the tests use when they are missing, then runs every
# test project with `dotnet test Research.sln -c Release`. Arguments are passed on to `dotnet test`, e.g.
#   ./test.sh --filter "FullyQualifiedName~Metrics"
# Needs root or sudo only when a package is missing. .ci/run calls this script.
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# ---- Debian packages the tests use (installed only when missing) -------------------------------------------
#   chromium          headless rendering of the HTML reports and datasheets (tests/Research.Tests/Plots)
#   python3-pyld      JSON-LD expansion of croissant.json (tests/reference/check_jsonld.py)
#   python3-nbformat  schema validation of executed notebooks (tests/Research.Notebooks.Tests)
# Add a package here, one per line, with the tests that need it.
apt_packages=(
  chromium
  python3-pyld
  python3-nbformat
)

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: apt-get not found; install ${missing[*]} (Debian names) with your package manager, then run ./test.sh again." >&2
    exit 1
  fi
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      echo "test.sh: ${missing[*]} missing and not running as root (no sudo either); run ./test.sh as root once." >&2
      exit 1
    fi
  fi
  echo "test.sh: installing ${missing[*]} with apt-get."
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
    || { echo "test.sh: 'apt-get update' failed; check the network and /etc/apt/sources.list." >&2; exit 1; }
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { echo "test.sh: 'apt-get install ${missing[*]}' failed; see the apt messages above." >&2; exit 1; }
fi

if [ ! -d ../shared/data ]; then
  echo "test.sh: NOTE: ../shared/data is absent: the real-data tests will fail and say so." >&2
fi

# ---- Set-up steps before the tests ------------------------------------------------------------------------
# Steps that must run after the packages are installed and before `dotnet test` go here (one command each;
# stop with a message and exit 1 when one fails).

# ---- The tests -------------------------------------------------------------------------------------------
exec dotnet test Research.sln -c Release "$@"
