// Offline and installable: after one online visit the app loads, computes
// and gives back the scenario typed before, with the server stopped and the
// network gone; once for a build served at a site's root and once for a
// build under a sub-path (service worker scope and every URL included).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import {
  serve,
  launch,
  freshContext,
  valueOf,
  ready,
  build,
  workerControls,
  savedContaining,
  persistentContext,
} from "./harness.mjs";

const SUB_PATH = "/outils/roi/";
const BUILDS = [
  { where: "at the root", dist: process.env.DIST || "dist", base: "/" },
  { where: "under a sub-path", dist: "target/e2e/sub-path", base: SUB_PATH },
];

let browser;

before(async () => {
  build(BUILDS[1].dist, { PUBLIC_URL: SUB_PATH });
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/// Every URL in the page's caches, as paths.
const cachedPaths = (page) =>
  page.evaluate(async () => {
    const paths = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths.sort();
  });

for (const { where, dist, base } of BUILDS) {
  test(`offline ${where}: the app loads, computes and restores the scenario`, async () => {
    const server = await serve(dist, base);
    const context = await freshContext(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await ready(page);
    await workerControls(page);

    // The worker's scope is the app's directory, and it precached every
    // file of the build (index.html as the directory itself).
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, server.url);
    // Every file, those in pkg-<hash>/ (the wasm's core and chunks) too.
    const expected = readdirSync(dist, { recursive: true })
      .filter((name) => name !== "sw.js" && !name.startsWith(".") && statSync(join(dist, name)).isFile())
      .map((name) => (name === "index.html" ? base : base + name))
      .sort();
    assert.deepEqual(await cachedPaths(page), expected);

    await page.fill('input[name="price"]', "150");
    await page.fill('input[name="win"]', "40");
    await page.waitForFunction(() => document.querySelector('[data-testid="total-cost"]').dataset.value === "7500");
    const roi = await valueOf(page, "roi");
    await savedContaining(page, '"win":"40"');

    // Save it in the library before going offline.
    await page.fill('input[name="scenario-name"]', "Hors ligne");
    await page.click('[data-testid="library-save"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="library-item-name"]')?.textContent === "Hors ligne");

    // The network is gone: the server stops and the browser is offline.
    await server.close();
    await context.setOffline(true);

    // The bare address: the scenario comes back from storage.
    await page.goto(server.url);
    await ready(page);
    assert.equal(await page.inputValue('input[name="price"]'), "150");
    assert.equal(await page.inputValue('input[name="win"]'), "40");
    assert.equal(await valueOf(page, "roi"), roi);
    assert.equal(await valueOf(page, "total-cost"), "7500");
    // Figures still compute offline.
    await page.fill('input[name="price"]', "200");
    await page.waitForFunction(() => document.querySelector('[data-testid="total-cost"]').dataset.value === "10000");

    // The saved scenario is listed, with its ROI, from storage alone.
    assert.equal(await page.locator('[data-testid="library"] [data-testid="library-item"]').count(), 1);
    assert.equal(await page.textContent('[data-testid="library-item-name"]'), "Hors ligne");
    assert.equal(await page.getAttribute('[data-testid="library-roi"]', "data-value"), roi);

    // A marketing-site link (a query) opens offline too, with or without
    // index.html in the address.
    for (const address of ["", "index.html"]) {
      await page.goto(`${server.url}${address}?price=120&meetings=80`);
      await ready(page);
      assert.equal(await page.inputValue('input[name="meetings"]'), "80");
      assert.equal(await valueOf(page, "total-cost"), "9600");
    }
    // Another page within the worker's scope is not answered with the app.
    await assert.rejects(page.goto(`${server.url}other-page/`), /net::ERR_/);
    await context.close();
  });
}

test("installable: the manifest parses with our icons and Chromium reports no installability error", async () => {
  const server = await serve(BUILDS[1].dist, SUB_PATH);
  // An ordinary profile: Chromium does not offer to install from incognito.
  const context = await persistentContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  await workerControls(page);
  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send("Page.getAppManifest");
  assert.equal(manifest.url, `${server.url}manifest.webmanifest`);
  assert.deepEqual(manifest.errors, []);
  const parsed = JSON.parse(manifest.data);
  assert.deepEqual(
    parsed.icons.map((icon) => icon.sizes),
    ["192x192", "512x512", "any"],
  );
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  assert.deepEqual(installabilityErrors, []);
  // Every icon the manifest names is served, at the sub-path.
  for (const icon of parsed.icons) {
    const response = await page.request.get(new URL(icon.src, manifest.url).href);
    assert.equal(response.status(), 200, icon.src);
  }
  await context.close();
  await server.close();
});
