#!/usr/bin/env bash
# Benchmarks: the engine natively (criterion), then the release build in
# headless Chromium (scripts/bench.mjs), with the first-visit run beside the
# React peer when it can be built (scripts/peer.sh: PEER_SRC, or the local
# mirror of its repository; without it the run carries on without the peer).
# Prints figures; asserts nothing. BENCH_ONLY=first-visit (or typing, keys, panels)
# skips criterion and runs that part alone.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
if [ -z "${BENCH_ONLY:-}" ]; then
  cargo bench --locked --bench engine -- --warm-up-time 1 --measurement-time 3
fi
scripts/build.sh
if [ -z "${PEER_DIST:-}" ]; then
  scripts/peer.sh || echo "bench: the peer could not be built (see above); the first-visit run goes on without it" >&2
fi
node scripts/bench.mjs
