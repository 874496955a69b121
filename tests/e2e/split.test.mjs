// The split wasm (issue #18): the core loads first; each panel's chunk
// comes when its place nears the screen or once the page is idle; a chunk
// that fails leaves a retry in its panel and the rest working; after one
// full visit every panel works offline; an embedded page asks for none.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp, stopApp, freshContext, ready, coreReady, valueOf, workerControls } from "./harness.mjs";

let server;
let browser;

before(async () => {
  ({ server, browser } = await startApp());
});
after(() => stopApp({ server, browser }));

const PANELS = ["charts", "scenarios", "decide", "risk", "track", "library"];
const chunkOf = (url) => (url.match(/\/split_([a-z_]+)\.wasm$/) || [])[1];

/// A fresh page on `url`, with the panel chunks it requested (by name).
async function watched(url, { route, serviceWorkers = "allow" } = {}) {
  const context = await freshContext(browser, { viewport: { width: 1280, height: 800 }, serviceWorkers });
  const page = await context.newPage();
  const chunks = [];
  page.on("request", (request) => {
    const chunk = chunkOf(request.url());
    if (chunk) chunks.push(chunk);
  });
  if (route) await page.route(/\/split_[a-z_]+\.wasm$/, route);
  await page.goto(url);
  await coreReady(page);
  return { context, page, chunks };
}

test("the first screen works with the core alone; a panel's chunk comes as it nears the screen", async () => {
  // Held back: only what the page asks for itself is fetched.
  const held = [];
  const { context, page, chunks } = await watched(server.url, {
    route: (route) => held.push(route),
  });
  // Typing works before any panel has arrived.
  await page.fill('input[name="price"]', "150");
  await page.waitForFunction(() => document.querySelector('[data-testid="roi"]').dataset.value === "2.84");
  assert.ok(!chunks.includes("decide"), `decide fetched early: ${chunks}`);
  // Near the screen: asked for, and it works once it comes.
  for (const route of held.splice(0)) await route.continue();
  await page.unroute(/\/split_[a-z_]+\.wasm$/);
  await page.locator('[data-lazy="decide"], .decide').first().scrollIntoViewIfNeeded();
  await page.waitForSelector('input[name="team_callers"]');
  assert.ok(chunks.includes("decide"));
  await page.fill('input[name="team_callers"]', "2");
  await page.waitForFunction(() => document.querySelector('[data-testid="compare-team-booked"]').dataset.value === "100");
  await context.close();
});

test("once the page is idle every panel's chunk is fetched, without scrolling", async () => {
  const { context, page, chunks } = await watched(server.url);
  await page.waitForFunction(
    (count) => performance.getEntriesByType("resource").filter((r) => /\/split_[a-z_]+\.wasm$/.test(r.name)).length >= count,
    PANELS.length,
    { timeout: 20000 },
  );
  for (const panel of PANELS) assert.ok(chunks.includes(panel), `${panel} not fetched: ${chunks}`);
  // Fetched, not shown: the panels far below are still placeholders or
  // built as they come near; the page has not moved.
  assert.equal(await page.evaluate(() => scrollY), 0);
  await context.close();
});

test("a chunk that fails leaves a retry in its panel; the rest of the page works", async () => {
  let blocked = true;
  // No service worker: its precache would fetch the chunk past the page's
  // route and serve it from its cache (a first visit whose network failed
  // has no cached chunk either).
  const { context, page } = await watched(server.url, {
    route: (route) => (blocked && chunkOf(route.request().url()) === "risk" ? route.abort() : route.continue()),
    serviceWorkers: "block",
  });
  await page.locator('[data-lazy="risk"]').scrollIntoViewIfNeeded();
  const failed = page.locator('[data-lazy="risk"] [data-testid="lazy-failed"]');
  await failed.waitFor();
  assert.match(await failed.textContent(), /n’a pas pu être chargée/);
  assert.equal(await page.locator('[data-testid="crash"]').count(), 0, "no error screen");
  // The rest works: the form, and the other panels.
  await page.fill('input[name="price"]', "180");
  await page.waitForFunction(() => document.querySelector('[data-testid="roi"]').dataset.value === "2.2");
  await page.locator('[data-lazy="decide"], .decide').first().scrollIntoViewIfNeeded();
  await page.waitForSelector('input[name="team_callers"]');
  // The network is back: one press brings the panel.
  blocked = false;
  await page.click('[data-lazy="risk"] [data-testid="lazy-retry"]');
  await page.waitForSelector('[data-testid="risk-panel"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="risk-panel"]').dataset.simMs);
  await context.close();
});

test("an embedded page never asks for a panel's chunk", async () => {
  const { context, page, chunks } = await watched(`${server.url}?embed=1&price=150`);
  assert.equal(await valueOf(page, "roi"), "2.84");
  // Past the idle time that fetches every chunk on a page of its own.
  await page.waitForTimeout(4000);
  await page.mouse.wheel(0, 5000);
  await page.waitForTimeout(500);
  assert.deepEqual(chunks, []);
  assert.equal(await page.locator(".lazy-panel").count(), 0);
  await context.close();
});

test("after one full visit, every panel works offline", async () => {
  const context = await freshContext(browser, { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  await workerControls(page);
  // The worker precached every file of the build, chunks included.
  await page.waitForFunction(async () => {
    const keys = await caches.keys();
    for (const key of keys) {
      const cached = await (await caches.open(key)).keys();
      if (cached.some((request) => /\/split_decide\.wasm$/.test(request.url))) return true;
    }
    return false;
  }, null, { timeout: 30000 });
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await page.locator('[data-lazy="decide"], .decide').first().scrollIntoViewIfNeeded();
  await page.waitForSelector('input[name="team_callers"]');
  await page.locator('[data-lazy="risk"], [data-testid="risk-panel"]').first().scrollIntoViewIfNeeded();
  await page.waitForSelector('[data-testid="risk-panel"]');
  await page.locator('[data-lazy="library"], .library').first().scrollIntoViewIfNeeded();
  await page.waitForSelector('[data-testid="library-save"]');
  await page.locator('[data-lazy="scenarios"], .scenarios').first().scrollIntoViewIfNeeded();
  await page.waitForSelector('input[name="prudent.win"]');
  assert.equal(await page.locator('[data-testid="lazy-failed"]').count(), 0);
  await context.close();
});

test("the chunks' folder is named after their bytes: another build's chunks never mix in", () => {
  // A copy of the build with one chunk changed, post-built again by hand.
  const copy = mkdtempSync(join(tmpdir(), "roi-split-"));
  try {
    cpSync("dist", copy, { recursive: true });
    const pkg = readdirSync(copy).find((name) => name.startsWith("pkg-"));
    assert.ok(pkg, "no pkg-<hash>/ in dist");
    const chunk = readdirSync(join(copy, pkg)).find((name) => name.startsWith("split_"));
    writeFileSync(join(copy, pkg, chunk), Buffer.concat([readFileSync(join(copy, pkg, chunk)), Buffer.from([0])]));
    const run = spawnSync("node", ["scripts/postbuild.mjs", copy], { encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    const renamed = readdirSync(copy).find((name) => name.startsWith("pkg-"));
    assert.notEqual(renamed, pkg, "same folder for different chunks");
    const index = readFileSync(join(copy, "index.html"), "utf8");
    assert.ok(index.includes(`/${renamed}/`) && !index.includes(`/${pkg}/`), "index.html still points at the old folder");
    assert.ok(readFileSync(join(copy, "sw.js"), "utf8").includes(`${renamed}/${chunk}`), "the worker does not precache the new chunk");
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
