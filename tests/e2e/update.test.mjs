// A new deployment: two builds that differ (BUILD_LABEL v1 / v2) served one
// after the other at the same address. The open page is told a new version
// is ready, reloads onto it, and the old version's cache is gone; a page of
// the old build still waiting for a panel's chunk gets it from the old
// cache, which stays until no open page needs it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { serve, launch, freshContext, valueOf, ready, coreReady, build, workerControls, savedContaining } from "./harness.mjs";

const V1 = "target/e2e/v1";
const V2 = "target/e2e/v2";
let browser;

before(async () => {
  build(V1, { BUILD_LABEL: "v1" });
  build(V2, { BUILD_LABEL: "v2" });
  browser = await launch();
});
// Every server a test opened, closed at the end even when the test failed
// half-way (an open server would keep this file's process alive).
const servers = [];
async function serveBuild(...args) {
  const server = await serve(...args);
  servers.push(server);
  return server;
}
after(async () => {
  await browser?.close();
  for (const server of servers) await Promise.resolve(server.close()).catch(() => {});
});

const label = (page) => page.getAttribute('meta[name="build"]', "content");
const cacheNames = (page) => page.evaluate(() => caches.keys());
/// The cache version a build's sw.js carries.
const versionOf = (dist) => readFileSync(`${dist}/sw.js`, "utf8").match(/const VERSION = "([0-9a-f]+)"/)[1];

test("a second build served at the same address takes over and the old cache is gone", async () => {
  const [v1, v2] = [versionOf(V1), versionOf(V2)];
  assert.notEqual(v1, v2, "a change in any file makes a new cache version");

  let server = await serveBuild(V1, "/");
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
  server = await serveBuild(V2, "/", port);
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

test("an update never leaves an open page of the old build without its panels' chunks", async () => {
  let server = await serveBuild(V1, "/");
  const { port } = server;
  const context = await freshContext(browser);
  // A first visit on a flaky network: the panels' chunks fail, and the
  // worker installs only afterwards (its script held until then).
  const worker = [];
  let holding = true;
  await context.route(/\/sw\.js$/, (route) => (holding ? worker.push(route) : route.continue()));
  const old = await context.newPage();
  await old.route(/\/split_[a-z_]+\.wasm$/, (route) => route.abort());
  await old.goto(server.url);
  await coreReady(old);
  await old.locator('[data-lazy="risk"] [data-testid="lazy-failed"]').waitFor();
  holding = false;
  for (const route of worker.splice(0)) await route.continue().catch(() => {}); // a request the browser dropped meanwhile
  await workerControls(old);

  // v2 is deployed; another tab's visit installs it, and it takes over both.
  await server.close();
  server = await serveBuild(V2, "/", port);
  const other = await context.newPage();
  await other.goto(server.url);
  await coreReady(other);
  await other.waitForSelector('[data-testid="notice-update-ready"]', { timeout: 30000 });
  const v1 = versionOf(V1);
  const v2 = versionOf(V2);
  assert.ok((await cacheNames(old)).includes(`teleprospection-roi ${server.url} ${v2}`));
  assert.ok((await cacheNames(old)).includes(`teleprospection-roi ${server.url} ${v1}`), "the old page still needs v1's chunks");

  // The network is back: the old page's panel comes, from its own build.
  await old.unroute(/\/split_[a-z_]+\.wasm$/);
  await old.click('[data-lazy="risk"] [data-testid="lazy-retry"]');
  await old.waitForSelector('[data-testid="risk-panel"]');
  await old.waitForFunction(() => document.querySelector('[data-testid="risk-panel"]').dataset.simMs);
  assert.equal(await label(old), "v1");
  assert.equal(await old.locator('[data-testid="crash"]').count(), 0);

  // Both pages move on to v2: the old cache is gone.
  await Promise.all([old.waitForEvent("load"), old.reload()]);
  await Promise.all([other.waitForEvent("load"), other.reload()]);
  await ready(old);
  await ready(other);
  assert.equal(await label(old), "v2");
  await old.waitForFunction((names) => caches.keys().then((keys) => JSON.stringify(keys) === names), JSON.stringify([`teleprospection-roi ${server.url} ${v2}`]));
  await server.close();
  await context.close();
});
