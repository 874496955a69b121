#!/usr/bin/env bash
# Trunk's post_build hook, on its staging directory ($TRUNK_STAGING_DIR):
# first the page's first view written into index.html (src/bin/prerender.rs,
# run natively), then scripts/postbuild.mjs (minified scripts, the CSP with
# the hash of every inline script, the service worker's file list). In one
# hook because Trunk starts the hooks of a stage at the same time.
set -euo pipefail
cd "$(dirname "$0")/.."
# --offline as Trunk builds: install.sh fetched the crates.
cargo run --quiet --offline --locked --bin prerender
node scripts/postbuild.mjs
