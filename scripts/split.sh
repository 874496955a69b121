#!/usr/bin/env bash
# Trunk's pre_build hook: builds the wasm split into a core and lazily
# loaded chunks, into pkg/ (copied into the build by index.html's
# copy-dir), the way cargo-leptos `--split` does it:
#   cargo (relocations kept, --cfg split_wasm: ui::lazy's split points)
#   -> wasm-split-cli (core module, one module per panel, shared chunks,
#      __wasm_split.js, the loader)
#   -> wasm-bindgen on the core (keeping the linker's exports the chunks use)
#   -> wasm-opt on every module (release).
# Trunk's own Rust pipeline cannot do this (it runs wasm-bindgen first):
# index.html's rust link is data-trunk-skip. Tool versions: Trunk.toml and
# scripts/install.sh (which installs them; this only checks).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

profile=${TRUNK_PROFILE:-release}
name=teleprospection-roi
target=target/split
# RUSTFLAGS replaces .cargo/config.toml's, so erase_components is restated.
export RUSTFLAGS="--cfg erase_components --cfg split_wasm -Clink-args=--emit-relocs"

bindgen_version=$(sed -n 's/^wasm_bindgen[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' Trunk.toml)
[ "$(wasm-bindgen --version | awk '{print $2}')" = "$bindgen_version" ] \
  || { echo "split.sh: wasm-bindgen on PATH is not $bindgen_version: run scripts/install.sh" >&2; exit 1; }
command -v wasm-split-cli >/dev/null \
  || { echo "split.sh: wasm-split-cli is missing: run scripts/install.sh" >&2; exit 1; }

flags=(--target wasm32-unknown-unknown --bin "$name" --offline --locked)
out_dir=debug
if [ "$profile" = release ]; then
  flags+=(--release)
  out_dir=release
fi
# KEEP_NAMES=1: function names kept (for a CPU profile; larger files).
opt_names=()
if [ -n "${KEEP_NAMES:-}" ]; then
  export CARGO_PROFILE_RELEASE_STRIP=none
  opt_names=(-g)
fi
CARGO_TARGET_DIR=$target cargo build --quiet "${flags[@]}"

rm -rf pkg
mkdir -p pkg
wasm-split-cli --target web --out-name "$name" "$target/wasm32-unknown-unknown/$out_dir/$name.wasm" pkg
wasm-bindgen --target web --keep-lld-exports --no-demangle --no-typescript \
  --out-dir pkg --out-name "$name" "pkg/$name.wasm" 2> >(grep -v "target_features" >&2)
rm "pkg/$name.wasm"

if [ "$profile" = release ]; then
  for module in pkg/*.wasm; do
    wasm-opt -Oz "${opt_names[@]}" --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$module" -o "$module" 2> >(grep -v "unknown name subsection" >&2)
  done
fi
echo "split.sh: pkg/ holds the core ($name.js, ${name}_bg.wasm), $(ls pkg/split_*.wasm | wc -l) panels and $(ls pkg/chunk_*.wasm 2>/dev/null | wc -l) shared chunks"
