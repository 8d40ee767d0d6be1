#!/usr/bin/env bash
# Lints the repository's Dockerfile (or the files given) with two npm linters, installed at pinned
# versions into .tools/dockerfile-lint/ (git-ignored) on first use:
#   dockerfile-utils  (rcjsuen/dockerfile-utils, the validator behind VS Code's Dockerfile language server)
#   dockerfilelint    (replicatedhq/dockerfilelint)
# hadolint is the usual choice but is neither in Debian 12 nor on npm. Needs node and npm.
# Exit code 0 when both linters report nothing, 1 otherwise.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools="$root/.tools/dockerfile-lint"
versions=(dockerfile-utils@0.16.3 dockerfilelint@1.8.0)
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$root/Dockerfile")

if ! command -v npm >/dev/null 2>&1; then
    echo "lint-dockerfile.sh: npm not found; install Node.js and npm (Debian: apt-get install npm)." >&2
    exit 2
fi
if [ ! -x "$tools/node_modules/.bin/dockerfile-utils" ] || [ ! -x "$tools/node_modules/.bin/dockerfilelint" ]; then
    echo "lint-dockerfile.sh: installing ${versions[*]} into $tools"
    mkdir -p "$tools"
    npm install --prefix "$tools" --no-audit --no-fund --no-save --loglevel=error "${versions[@]}" >/dev/null
fi

status=0
for file in "${files[@]}"; do
    echo "== dockerfile-utils lint $file"
    output=$("$tools/node_modules/.bin/dockerfile-utils" lint "$file" 2>&1) || status=1
    if [ -n "$output" ]; then echo "$output"; status=1; else echo "no problems"; fi

    echo "== dockerfilelint $file"
    "$tools/node_modules/.bin/dockerfilelint" "$file" || status=1
done
exit $status
