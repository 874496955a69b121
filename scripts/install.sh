#!/usr/bin/env bash
# Installs whatever this project needs and is missing, at the pinned versions.
# Idempotent: a second run only checks. Sources only the package registries
# (crates.io, npm, Debian); nothing downloads a prebuilt binary from elsewhere.
#
#   scripts/install.sh          build tools: wasm target, Trunk, wasm-bindgen, wasm-opt
#   scripts/install.sh --browser  the above plus Debian's chromium and chromedriver
#
# The versions live in Trunk.toml (trunk-version, [tools]) and package.json;
# Cargo.lock must agree with Trunk.toml on wasm-bindgen, or this fails loudly.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[install]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[install] %s\033[0m\n' "$*" >&2; exit 1; }

toml_value() { # toml_value KEY FILE: the first `KEY = "value"` in FILE
  sed -n "s/^$1[[:space:]]*=[[:space:]]*\"\([^\"]*\)\".*/\1/p" "$2" | head -n 1
}

trunk_version=$(toml_value trunk-version Trunk.toml); trunk_version=${trunk_version#=}
bindgen_version=$(toml_value wasm_bindgen Trunk.toml)
wasm_opt_version=$(toml_value wasm_opt Trunk.toml)
lock_bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
binaryen_version=$(sed -n 's/.*"binaryen": "\([0-9]*\)\..*/\1/p' package.json)

[ -n "$trunk_version" ] && [ -n "$bindgen_version" ] && [ -n "$wasm_opt_version" ] \
  || die "Trunk.toml must pin trunk-version, [tools] wasm_bindgen and wasm_opt"
[ "$lock_bindgen" = "$bindgen_version" ] \
  || die "Cargo.lock has wasm-bindgen $lock_bindgen but Trunk.toml pins $bindgen_version: set [tools] wasm_bindgen = \"$lock_bindgen\" (and wasm-bindgen = \"=$lock_bindgen\" in Cargo.toml)"
[ "version_$binaryen_version" = "$wasm_opt_version" ] \
  || die "package.json has binaryen $binaryen_version but Trunk.toml pins wasm_opt = \"$wasm_opt_version\": make them agree"

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
command -v cargo >/dev/null || die "cargo is missing: this project needs a Rust toolchain (rustup) on the machine"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in clippy rustfmt; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done

installed_version() { "$1" --version 2>/dev/null | awk '{print $2}'; }

if [ "$(installed_version trunk)" != "$trunk_version" ]; then
  say "installing trunk $trunk_version (about 10 minutes on 2 cores)"
  cargo install trunk --version "$trunk_version" --locked
fi
if [ "$(installed_version wasm-bindgen)" != "$bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version (about 5 minutes)"
  # No --locked: its lock file pins a webpki-roots release the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

# The wasm splitter (scripts/split.sh), from crates.io; the version
# cargo-leptos' --split is verified with (shared/recipes/wasm-split.md).
split_version=0.2.4
if ! cargo install --list | grep -qx "wasm_split_cli_support v$split_version:"; then
  say "installing wasm_split_cli_support $split_version (wasm-split-cli, about 2 minutes)"
  cargo install --locked "wasm_split_cli_support@$split_version" --features build-binary
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "installing node and npm from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
fi
# npm ci only when node_modules is missing or does not match package.json.
if ! npm ls --depth=0 >/dev/null 2>&1; then
  say "installing the npm tools (binaryen, terser, playwright-core, axe-core)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
[ "$(wasm-opt --version | awk '{print $4}')" = "($wasm_opt_version)" ] \
  || die "wasm-opt on PATH is not $wasm_opt_version: run npm ci"

if [ "${1:-}" = "--browser" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing chromium and chromium-driver from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  fi
fi

# Trunk builds with --offline: the crates must be in the local registry first.
cargo fetch --locked -q
say "tools ready: trunk $trunk_version, wasm-bindgen $bindgen_version, wasm-opt $wasm_opt_version, wasm-split-cli $split_version"
