#!/usr/bin/env bash
# Every test of the project, in order, stopping at the first failure:
# format, clippy (native and wasm32), native unit and property tests,
# browser component tests (wasm-bindgen-test in headless Chromium), the
# release build with its size budget, and the end-to-end tests that serve
# dist/ on 127.0.0.1 and drive headless Chromium like a user.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy, native"
cargo clippy --locked --all-targets -- -D warnings
step "clippy, wasm32"
cargo clippy --locked --target wasm32-unknown-unknown --lib --bins --tests -- -D warnings

step "native tests (engine, formats, link and storage codecs; property tests)"
cargo test --locked

step "browser component tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER=$(command -v chromedriver) WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --locked --target wasm32-unknown-unknown --test web

step "release build"
scripts/build.sh

step "size report; fails with the figure if the first paint, the core before typing or the total grew past the size held so far"
node scripts/size.mjs --hold

step "end-to-end tests (release build on 127.0.0.1, headless Chromium)"
node --test --test-concurrency=1 tests/e2e/
