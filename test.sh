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

APT_INSTALL_CALLER=test.sh bash environment/apt-install.sh --quiet "${apt_packages[@]}" || exit 1

if [ ! -d ../shared/data ]; then
  echo "test.sh: NOTE: ../shared/data is absent: the real-data tests will fail and say so." >&2
fi

# ---- Set-up steps before the tests ------------------------------------------------------------------------
# Steps that must run after the packages are installed and before `dotnet test` go here (one command each;
# stop with a message and exit 1 when one fails).

# ---- The tests -------------------------------------------------------------------------------------------
exec dotnet test Research.sln -c Release "$@"
