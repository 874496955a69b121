#!/usr/bin/env bash
# Installs what is missing, then serves the app with the default scenario on
# http://127.0.0.1:8080 (release build, rebuilt when a file changes; the
# offline service worker runs here too, see README "Offline").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# Trunk refuses to start when a watch-ignore path is missing (fresh clone).
mkdir -p target node_modules pkg
# No autoreload: Trunk would inject an inline script that the page's CSP
# refuses (its hash changes as it is served); reload by hand after a rebuild.
exec trunk serve --release --offline --skip-version-check --no-autoreload --address 127.0.0.1 --port 8080
