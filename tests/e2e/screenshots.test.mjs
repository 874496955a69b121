// scripts/screenshots.mjs, which takes the README's screenshots from dist/,
// still runs and writes them at the sizes the README shows, each well
// under 200 KB (into a temporary directory: docs/screenshots/ is left alone).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

test("the README's screenshots are taken from dist/, small", () => {
  const dir = mkdtempSync(join(tmpdir(), "roi-screenshots-"));
  try {
    const run = spawnSync("node", ["scripts/screenshots.mjs"], {
      env: { ...process.env, SCREENSHOTS_DIR: dir },
      encoding: "utf8",
    });
    assert.equal(run.status, 0, run.stderr);
    for (const [name, width, height] of [
      ["first-screen-390.png", 390, 844],
      ["first-screen-1280.png", 1280, 900],
      ["embed-in-host.png", 1280, null],
    ]) {
      const png = readFileSync(join(dir, name));
      assert.equal(png.toString("ascii", 12, 16), "IHDR", name);
      assert.equal(png.readUInt32BE(16), width, `${name} width`);
      if (height) assert.equal(png.readUInt32BE(20), height, `${name} height`);
      // The host page with its header, its text and the whole frame.
      else assert.ok(png.readUInt32BE(20) > 700, `${name} height`);
      assert.ok(statSync(join(dir, name)).size < 150 * 1024, `${name}: ${statSync(join(dir, name)).size} bytes`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
