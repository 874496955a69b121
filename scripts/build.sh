#!/usr/bin/env bash
# The release build into dist/. PUBLIC_URL=/outils/roi/ builds for a sub-path.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# Trunk refuses to start when a watch-ignore path is missing (fresh clone).
mkdir -p pkg
trunk build --release --offline --skip-version-check --public-url "${PUBLIC_URL:-/}" ${DIST:+--dist "$DIST"}
