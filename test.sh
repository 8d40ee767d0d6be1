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
#   jupyter-notebook  Jupyter itself: the notebook tests execute every notebook with the .net-csharp kernel and open
#                     one in Jupyter Notebook in headless Chromium (tests/Research.Notebooks.Tests/Jupyter)
#   jupyter-nbformat  `jupyter trust` for the browser test
#   python3-nbclient  executes the notebooks through the Jupyter protocol (tests/Research.Notebooks.Tests/Jupyter)
# Add a package here, one per line, with the tests that need it.
apt_packages=(
  chromium
  python3-pyld
  python3-nbformat
  jupyter-notebook
  jupyter-nbformat
  python3-nbclient
)

APT_INSTALL_CALLER=test.sh bash environment/apt-install.sh --quiet "${apt_packages[@]}" || exit 1

if [ ! -d ../shared/data ]; then
  echo "test.sh: NOTE: ../shared/data is absent: the real-data tests will fail and say so." >&2
fi

# ---- Set-up steps before the tests ------------------------------------------------------------------------
# Steps that must run after the packages are installed and before `dotnet test` go here (one command each;
# stop with a message and exit 1 when one fails).
# The notebooks' library folder (notebooks/.lib), the kernel tool Microsoft.dotnet-interactive and the .net-csharp
# kernelspec: the Jupyter notebook tests run every notebook with them.
dotnet run --project src/Research.Cli -c Release -- notebooks setup \
  || { echo "test.sh: 'research notebooks setup' failed (see above); the notebook tests need it." >&2; exit 1; }

# ---- The tests -------------------------------------------------------------------------------------------
exec dotnet test Research.sln -c Release "$@"
