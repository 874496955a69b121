// A new deployment: two builds that differ (BUILD_LABEL v1 / v2) served one
// after the other at the same address. The open page is told a new version
// is ready, reloads onto it, and the old version's cache is gone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { serve, launch, freshContext, valueOf, ready, build, workerControls, savedContaining } from "./harness.mjs";

const V1 = "target/e2e/v1";
const V2 = "target/e2e/v2";
let browser;

before(async () => {
  build(V1, { BUILD_LABEL: "v1" });
  build(V2, { BUILD_LABEL: "v2" });
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const label = (page) => page.getAttribute('meta[name="build"]', "content");
const cacheNames = (page) => page.evaluate(() => caches.keys());
/// The cache version a build's sw.js carries.
const versionOf = (dist) => readFileSync(`${dist}/sw.js`, "utf8").match(/const VERSION = "([0-9a-f]+)"/)[1];

test("a second build served at the same address takes over and the old cache is gone", async () => {
  const [v1, v2] = [versionOf(V1), versionOf(V2)];
  assert.notEqual(v1, v2, "a change in any file makes a new cache version");

  let server = await serve(V1, "/");
  const { port } = server;
  const context = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  await workerControls(page);
  assert.equal(await label(page), "v1");
  assert.deepEqual(await cacheNames(page), [`teleprospection-roi ${server.url} ${v1}`]);
  await page.fill('input[name="price"]', "150");
  await savedContaining(page, '"price":"150"');

  // Deploy v2 at the same address; the next visit still opens v1 from the
  // cache, finds the new worker, and the page says a new version is ready.
  await server.close();
  server = await serve(V2, "/", port);
  await page.goto(server.url);
  await ready(page);
  assert.equal(await label(page), "v1");
  await page.waitForSelector('[data-testid="notice-update-ready"]', { timeout: 30000 });
  assert.match(await page.textContent('[data-testid="notice-update-ready"]'), /nouvelle version/);

  await Promise.all([page.waitForEvent("load"), page.click('[data-testid="reload-update"]')]);
  await ready(page);
  assert.equal(await label(page), "v2");
  assert.deepEqual(await cacheNames(page), [`teleprospection-roi ${server.url} ${v2}`]);
  // Nothing typed is lost across the update.
  assert.equal(await page.inputValue('input[name="price"]'), "150");
  assert.equal(await valueOf(page, "total-cost"), "7500");

  // And v2 is what loads offline from now on.
  await server.close();
  await context.setOffline(true);
  await page.goto(server.url);
  await ready(page);
  assert.equal(await label(page), "v2");
  await context.close();
});
