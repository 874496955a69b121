// Locked down: no request leaves for another host during a full session;
// the Content-Security-Policy admits only the app's own files and is
// enforced; text from links and storage is only ever text; a Rust panic
// shows a recoverable error screen, not a dead page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { startApp, stopApp, serveHtml, seriousAxeViolations, freshContext, valueOf, ready, workerControls, savedContaining, reveal } from "./harness.mjs";

let server;
let browser;

before(async () => {
  ({ server, browser } = await startApp());
});
after(() => stopApp({ server, browser }));

const WORKING = "teleprospection-roi/working";

/// A fresh page that records CSP violations, console errors and dialogs.
async function watchedPage(context) {
  await context.addInitScript(() => {
    window.__violations = [];
    addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const seen = { errors: [], dialogs: 0 };
  page.on("console", (message) => message.type() === "error" && seen.errors.push(message.text()));
  page.on("pageerror", (error) => seen.errors.push(String(error)));
  page.on("dialog", (dialog) => {
    seen.dialogs += 1;
    dialog.dismiss();
  });
  return { page, seen };
}

test("every request of a full session goes to the app's own origin, and nothing breaks the CSP", async () => {
  const context = await freshContext(browser);
  const requests = [];
  context.on("request", (request) => requests.push({ url: request.url(), worker: !!request.serviceWorker() }));
  const { page, seen } = await watchedPage(context);

  await page.goto(server.url);
  await ready(page);
  await workerControls(page);
  await page.fill('input[name="scenario-name"]', "Session complète");
  await page.fill('input[name="price"]', "150");
  await page.fill('input[name="noshow"]', "12,5");
  await reveal(page, "basis");
  await page.selectOption('select[name="basis"]', "held");
  await page.click('[data-testid="lang-en"]');
  await page.waitForFunction(() => document.documentElement.lang === "en");
  await page.fill('input[name="win"]', "40.5");
  for (const details of await page.locator("details").all()) {
    if (!(await details.evaluate((d) => d.open))) await details.locator("summary").first().click();
  }
  // Scroll through the page so every chart draws.
  for (const canvas of await page.locator("canvas").all()) await canvas.scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 100000);
  await page.waitForTimeout(300);
  await page.reload();
  await ready(page);
  assert.equal(await page.inputValue('input[name="win"]'), "40.5");
  await page.goto(`${server.url}?embed=1&lang=fr`);
  await ready(page);

  const origin = new URL(server.url).origin;
  const elsewhere = requests.filter(({ url }) => new URL(url).origin !== origin);
  assert.deepEqual(elsewhere, [], "requests to another origin");
  // The list is real: the page's and the worker's own requests are in it.
  const paths = new Set(requests.map(({ url }) => new URL(url).pathname));
  for (const path of ["/", "/sw.js", "/manifest.webmanifest"]) assert.ok(paths.has(path), `${path} requested`);
  assert.ok([...paths].some((p) => p.endsWith(".wasm")));
  assert.ok(requests.some(({ worker }) => worker), "the worker's precache requests are recorded too");

  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(seen.errors, []);
  assert.equal(seen.dialogs, 0);
  await context.close();
});

test("the CSP allows only the app's own files and the build's own inline script, and is enforced", async () => {
  const html = await readFile(`${process.env.DIST || "dist"}/index.html`, "utf8");
  const policy = html.match(/http-equiv=Content-Security-Policy content="([^"]*)"/)[1];
  const directives = Object.fromEntries(
    policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]),
  );
  assert.deepEqual(directives["default-src"], ["'self'"]);
  assert.deepEqual(directives["object-src"], ["'none'"]);
  for (const [name, sources] of Object.entries(directives)) {
    for (const source of sources) {
      assert.match(source, /^'(self|none|wasm-unsafe-eval|sha256-[A-Za-z0-9+/]+=*)'$/, `${name} ${source}`);
    }
  }
  // The hashes are those of the inline scripts the build wrote, and only
  // those: the loader of the split wasm (scripts/split.sh) and the
  // prerender's two (the pre-paint marks, the wasm-less line).
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.equal(inline.length, 3);
  const hashes = inline.map((script) => `'sha256-${createHash("sha256").update(script).digest("base64")}'`);
  assert.deepEqual(directives["script-src"], ["'self'", "'wasm-unsafe-eval'", ...hashes]);
  // The styles, written inline by the post-build step (the first paint
  // needs no other request): one <style>, hashed, nothing else inline.
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  assert.equal(styles.length, 1);
  assert.match(styles[0], /\.embed /, "the page's own stylesheets are in it");
  assert.deepEqual(directives["style-src"], ["'self'", `'sha256-${createHash("sha256").update(styles[0]).digest("base64")}'`]);

  // Enforced: a script injected into the page does not run.
  const context = await freshContext(browser);
  const { page } = await watchedPage(context);
  await page.goto(server.url);
  await ready(page);
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true";
    document.body.append(script);
    const style = document.createElement("style");
    style.textContent = "body { display: none }";
    document.head.append(style);
    const image = document.createElement("img");
    image.src = "https://example.com/pixel.png";
    document.body.append(image);
  });
  await page.waitForFunction(() => window.__violations.length >= 3);
  assert.equal(await page.evaluate(() => window.__injected), undefined);
  const violations = await page.evaluate(() => window.__violations);
  assert.ok(violations.some((v) => v.startsWith("script-src")), violations.join("\n"));
  assert.ok(violations.some((v) => v.startsWith("img-src") && v.includes("example.com")), violations.join("\n"));
  assert.ok(violations.some((v) => v.startsWith("style-src")), violations.join("\n"));
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).display), "none");
  await context.close();
});

test("markup and script in a link's name, a stored name or a call-to-action label show as text and never run", async () => {
  const payload = "<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>";
  const label = "<b onmouseover=window.__pwned=3>Go</b>";
  const context = await freshContext(browser);
  const { page, seen } = await watchedPage(context);

  // From a link.
  await page.goto(`${server.url}#v=1&name=${encodeURIComponent(payload)}`);
  await ready(page);
  assert.equal(await page.textContent('[data-testid="scenario-name"]'), ` — ${payload}`);

  // From storage.
  const stored = JSON.parse(await savedContaining(page, "__pwned"));
  stored.draft.name = `${payload.slice(0, 40)}"><svg onload=window.__pwned=4>`;
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [WORKING, JSON.stringify(stored)]);
  await page.goto(server.url);
  await ready(page);
  assert.equal(await page.inputValue('input[name="scenario-name"]'), stored.draft.name);
  assert.equal(await page.textContent('[data-testid="scenario-name"]'), ` — ${stored.draft.name}`);

  // From an embed link's call-to-action label (shown in a frame only).
  const host = await serveHtml(
    `<iframe src="${server.url}?embed=1&cta.label=${encodeURIComponent(label)}&cta.url=https%3A%2F%2Fexample.com"></iframe>`,
  );
  await page.goto(host.url);
  const frame = await (await page.waitForSelector("iframe")).contentFrame();
  await ready(frame);
  assert.equal(await frame.textContent('[data-testid="cta"]'), label);
  await frame.hover('[data-testid="cta"]');

  for (const target of [page, frame]) {
    assert.equal(await target.locator("img[src=x], svg[onload], b[onmouseover]").count(), 0);
    assert.equal(await target.evaluate(() => window.__pwned), undefined);
  }
  assert.equal(seen.dialogs, 0);
  await context.close();
  await host.close();
});

test("a Rust panic shows an error screen that exports the scenario and reloads", async () => {
  // bypassCSP: only to inject axe-core for the accessibility check.
  const context = await freshContext(browser, { acceptDownloads: true, bypassCSP: true });
  const { page } = await watchedPage(context);
  await page.goto(server.url);
  await ready(page);
  await page.fill('input[name="price"]', "150");
  const saved = await savedContaining(page, '"price":"150"');

  // The test hook (src/browser/shell.rs), from a timer like any event.
  await page.evaluate(() => setTimeout(() => window.wasmBindings.test_panic()));
  const screen = page.locator('[data-testid="crash"]');
  await screen.waitFor();
  assert.equal(await screen.getAttribute("role"), "alert");
  assert.match(await screen.textContent(), /Le calculateur s’est arrêté/);
  assert.match(await screen.textContent(), /navigateur\u00a0: rechargez/);
  // The dead app is gone: nothing left to type into.
  assert.equal(await page.locator("input").count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.tagName), "H1");
  assert.deepEqual(await seriousAxeViolations(page), []);

  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="crash-export"]')]);
  assert.equal(download.suggestedFilename(), "scenario-roi.json");
  // The scenario on screen, in the export format (it imports as is).
  const exported = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.equal(exported.format, "teleprospection-roi/scenarios");
  assert.equal(exported.scenarios[0].central.price, JSON.parse(saved).draft.central.price);
  assert.equal(exported.scenarios[0].central.price, "150");

  await Promise.all([page.waitForEvent("load"), page.click('[data-testid="crash-reload"]')]);
  await ready(page);
  assert.equal(await page.inputValue('input[name="price"]'), "150");
  assert.equal(await valueOf(page, "total-cost"), "7500");
  assert.equal(await page.locator('[data-testid="crash"]').count(), 0);

  // In English after the switch. With storage refusing every write, the
  // scenario on screen can still be exported, and the screen does not
  // claim it is saved.
  await page.click('[data-testid="lang-en"]');
  await page.waitForFunction(() => document.documentElement.lang === "en");
  await page.evaluate(() => {
    localStorage.clear();
    Storage.prototype.setItem = () => {
      throw new DOMException("full", "QuotaExceededError");
    };
    setTimeout(() => window.wasmBindings.test_panic());
  });
  await screen.waitFor();
  assert.match(await screen.textContent(), /The calculator has stopped/);
  assert.match(await screen.textContent(), /could not be saved in this browser: export it/);
  assert.equal(await page.locator('[data-testid="crash-export"]').count(), 1);
  await context.close();
});
