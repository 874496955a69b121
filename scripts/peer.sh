#!/usr/bin/env bash
# Builds the React peer of the first-visit benchmark (scripts/bench.mjs):
# Beanstalk-Consulting/cold-email-roi-calculator (React, Vite, Recharts,
# shadcn). It has no licence: it is built under target/ for measuring only,
# and none of its files is ever committed (target/ is ignored).
#
#   PEER_SRC=<a checkout, a bare git dir, or a plain source folder> scripts/peer.sh
#
# Default PEER_SRC: the mirror at /work/.mirror/Beanstalk-Consulting+cold-email-roi-calculator/repo
# when present. The source (git: HEAD) is exported into target/peer/src, then
# `npm ci` (its own package-lock.json, from the npm registry only) and
# `npx vite build` leave target/peer/dist. Skipped when target/peer/dist was
# already built from the same commit (or, for a plain folder, the same files).
#
# Its lock file pins Vite 5.4 (Node ^18 or >= 20): Debian's Node 20 and npm
# 11 build it as it is (npm 11 skips the install scripts of esbuild and
# @swc/core; their binaries come as platform packages from the registry, so
# the build needs none). Its index.html also loads a script from a third-party CDN
# (gptengineer.js, a Lovable editor helper): Vite keeps that URL as it is,
# and the benchmark blocks every request that is not to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

MIRROR=/work/.mirror/Beanstalk-Consulting+cold-email-roi-calculator/repo
PEER_SRC=${PEER_SRC:-}
if [ -z "$PEER_SRC" ]; then
  if [ -d "$MIRROR" ]; then
    PEER_SRC=$MIRROR
  else
    echo "peer.sh: set PEER_SRC to a copy of Beanstalk-Consulting/cold-email-roi-calculator (a checkout or a bare git dir)" >&2
    exit 1
  fi
fi
[ -d "$PEER_SRC" ] || { echo "peer.sh: PEER_SRC=$PEER_SRC is not a directory" >&2; exit 1; }

OUT=$PWD/target/peer
mkdir -p "$OUT"

# What identifies the source: the commit, or a hash of the files.
if git --git-dir="$PEER_SRC" rev-parse --verify -q HEAD >/dev/null 2>&1; then
  GIT=(git --git-dir="$PEER_SRC")
elif git -C "$PEER_SRC" rev-parse --verify -q HEAD >/dev/null 2>&1; then
  GIT=(git -C "$PEER_SRC")
else
  GIT=()
fi
if [ ${#GIT[@]} -gt 0 ]; then
  ID=$("${GIT[@]}" rev-parse HEAD)
else
  ID=files-$(cd "$PEER_SRC" && find . -path ./node_modules -prune -o -path ./dist -prune -o -type f -print0 \
    | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
fi

if [ -f "$OUT/dist/index.html" ] && [ "$(cat "$OUT/built-from" 2>/dev/null)" = "$ID" ]; then
  echo "peer already built from $ID: $OUT/dist"
  exit 0
fi

echo "peer: building $ID from $PEER_SRC"
rm -rf "$OUT/src" "$OUT/dist" "$OUT/built-from"
mkdir -p "$OUT/src"
if [ ${#GIT[@]} -gt 0 ]; then
  "${GIT[@]}" archive HEAD | tar -x -C "$OUT/src"
else
  (cd "$PEER_SRC" && tar -c --exclude=./node_modules --exclude=./dist .) | tar -x -C "$OUT/src"
fi

cd "$OUT/src"
npm ci --no-audit --no-fund
npx --no-install vite build --outDir "$OUT/dist" --emptyOutDir
echo "$ID" >"$OUT/built-from"
echo "peer built: $OUT/dist"
