// Prints the raw, gzip (level 9) and brotli (quality 11) size of every file
// in dist/ and the total. With --check, fails when the gzip total is over the
// hard budget. Sizes are deterministic for a given build, so CI can hold them.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const GOAL_KIB = 120;
const HARD_KIB = 140;
const dist = process.env.DIST || "dist";

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const rows = files(dist)
  .filter((path) => !path.endsWith(".map"))
  .sort()
  .map((path) => {
    const bytes = readFileSync(path);
    return {
      file: relative(dist, path),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
      }).length,
    };
  });
const total = rows.reduce(
  (sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip, brotli: sum.brotli + r.brotli }),
  { raw: 0, gzip: 0, brotli: 0 },
);

const kib = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${"file".padEnd(48)} ${"raw KiB".padStart(8)} ${"gzip".padStart(8)} ${"brotli".padStart(8)}`);
for (const r of rows) console.log(`${r.file.padEnd(48)} ${kib(r.raw)} ${kib(r.gzip)} ${kib(r.brotli)}`);
console.log(`${"total".padEnd(48)} ${kib(total.raw)} ${kib(total.gzip)} ${kib(total.brotli)}`);
console.log(`gzip total ${(total.gzip / 1024).toFixed(1)} KiB (goal ${GOAL_KIB} KiB, hard budget ${HARD_KIB} KiB)`);

if (process.argv.includes("--json")) console.log(JSON.stringify({ files: rows, total }));
if (process.argv.includes("--check") && total.gzip > HARD_KIB * 1024) {
  console.error(`FAIL: dist/ is ${(total.gzip / 1024).toFixed(1)} KiB gzipped, over the ${HARD_KIB} KiB budget`);
  process.exit(1);
}
