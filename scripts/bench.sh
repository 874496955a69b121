#!/usr/bin/env bash
# Benchmarks: the engine natively (criterion), then the release build in
# headless Chromium (scripts/bench.mjs). Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
cargo bench --locked --bench engine -- --warm-up-time 1 --measurement-time 3
scripts/build.sh
node scripts/bench.mjs
