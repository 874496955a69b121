// The prerendered first view (issue #21): the answer is on screen before
// the wasm arrives, never shown as a visitor's when it is not theirs, and
// the app takes over without losing what was typed or moving the figures.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, stopApp, freshContext, ready, valueOf } from "./harness.mjs";

let server;
let browser;

before(async () => {
  ({ server, browser } = await startApp());
});
after(() => stopApp({ server, browser }));

/// A page whose wasm is held back until `release()` (or blocked for good).
async function heldPage(options = {}) {
  const context = await freshContext(browser, options.context);
  if (options.init) await context.addInitScript(options.init);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    if (options.block) return route.abort();
    await released;
    await route.continue();
  });
  return { context, page, errors, release };
}

/// What the first paint shows: read as soon as the document is parsed,
/// while the wasm is still held.
const firstView = (page) =>
  page.evaluate(() => {
    const roi = document.querySelector('[data-testid="roi"]');
    const value = roi.querySelector(".card-value");
    return {
      live: document.documentElement.dataset.app === "live",
      computing: document.documentElement.classList.contains("computing"),
      roi: roi.dataset.value,
      roiShown: getComputedStyle(value).visibility !== "hidden" ? value.textContent : null,
      busy: document.querySelector(".answer").getAttribute("aria-busy"),
      price: document.querySelector('input[name="price"]').value,
    };
  });

test("the default scenario's answer is on screen before the wasm, from the same components", async () => {
  const { context, page, release } = await heldPage();
  await page.goto(server.url, { waitUntil: "domcontentloaded" });
  const view = await firstView(page);
  assert.equal(view.live, false, "the prerendered page is not the live app");
  assert.equal(view.computing, false);
  assert.equal(view.roi, "3.8");
  assert.match(view.roiShown, /\+380\s?%/);
  assert.equal(view.price, "120");
  for (const testid of ["net-result", "break-even-price", "max-price-for-target", "payback-month"]) {
    assert.ok(await page.locator(`[data-testid="${testid}"]`).isVisible(), testid);
  }
  assert.equal(await valueOf(page, "net-result"), "22800");
  assert.match(await page.textContent('[data-testid="verdict"]'), /Rentable/);
  release();
  await page.waitForFunction(() => document.documentElement.dataset.app === "live");
  assert.equal(await valueOf(page, "roi"), "3.8");
  await context.close();
});

test("with the wasm blocked, the page keeps its figures and form and says so in one line", async () => {
  const { context, page, errors } = await heldPage({ block: true });
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="needs-wasm"]');
  assert.match(await page.textContent('[data-testid="needs-wasm"]'), /JavaScript et de WebAssembly/);
  assert.equal(await page.locator('[data-testid="crash"]').count(), 0, "no error screen");
  assert.ok(await page.locator('input[name="price"]').isVisible());
  assert.equal(await valueOf(page, "roi"), "3.8");
  assert.ok(await page.locator('[data-testid="roi"] .card-value').isVisible());
  assert.equal(await page.evaluate(() => document.documentElement.dataset.app), undefined);
  void errors;
  await context.close();
});

for (const [what, setup] of [
  ["a shared link", { url: "#v=1&price=150" }],
  ["a query-string link (marketing site)", { url: "?price=150" }],
  ["an English link", { url: "#v=1&lang=en" }],
  [
    "a scenario stored in this browser",
    {
      url: "",
      init: () => {
        if (!sessionStorage.getItem("seeded")) {
          sessionStorage.setItem("seeded", "1");
          const central = { basis: "booked", cycle: "2", deal: "6000", fixed: "0", hourly: "0", hours: "0", margin: "40", meetings: "50", months: "3", multiple: "3", noshow: "0", opp: "50", price: "150", recurring: "0", retention: "80", rounding: "whole", setup: "0", target: "100", win: "50", years: "0" };
          localStorage.setItem("teleprospection-roi/working", JSON.stringify({ schema: 2, lang: "fr", draft: { name: "", central, prudent: {}, ambitious: {} } }));
        }
      },
    },
  ],
]) {
  test(`${what} never shows the default figures as the visitor's, from the first paint`, async () => {
    const { context, page, release } = await heldPage({ init: setup.init });
    await page.goto(server.url + setup.url, { waitUntil: "domcontentloaded" });
    const view = await firstView(page);
    assert.equal(view.computing, true, "marked as being computed before the first paint");
    assert.equal(view.roiShown, null, "the default ROI is hidden");
    assert.equal(view.busy, "true");
    assert.match(await page.textContent('[data-testid="verdict"]'), /.?/);
    release();
    await page.waitForFunction(() => document.documentElement.dataset.app === "live");
    const after = await firstView(page);
    assert.equal(after.computing, false);
    assert.equal(after.busy, "false");
    assert.ok(after.roiShown, "the live figures show");
    if (what === "an English link") {
      assert.equal(await page.getAttribute("html", "lang"), "en");
      assert.match(after.roiShown, /\+380%/);
    } else {
      assert.equal(after.roi, "2.84", "the visitor's own scenario (price 150)");
    }
    await context.close();
  });
}

test("a returning visitor with the default scenario stored sees the figures at once", async () => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  await page.waitForFunction(() => localStorage.getItem("teleprospection-roi/working") !== null);
  // The stored scenario is the default one: nothing to hide next time.
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.reload({ waitUntil: "domcontentloaded" });
  const view = await firstView(page);
  assert.equal(view.computing, false);
  assert.match(view.roiShown, /\+380\s?%/);
  await context.close();
});

test("text typed before the app starts is kept, with the focus and the caret", async () => {
  const { context, page, release } = await heldPage();
  await page.goto(server.url, { waitUntil: "domcontentloaded" });
  const price = page.locator('input[name="price"]');
  await price.click();
  await price.fill("");
  await page.keyboard.type("200");
  await page.evaluate(() => document.querySelector('input[name="price"]').setSelectionRange(1, 1));
  release();
  await page.waitForFunction(() => document.documentElement.dataset.app === "live");
  assert.equal(await price.inputValue(), "200");
  await page.waitForFunction(() => document.querySelector('[data-testid="total-cost"]').dataset.value === "10000");
  const focus = await page.evaluate(() => {
    const active = document.activeElement;
    return { name: active.name, start: active.selectionStart, end: active.selectionEnd };
  });
  assert.deepEqual(focus, { name: "price", start: 1, end: 1 });
  // Typing carries on where the caret was.
  await page.keyboard.type("5");
  await page.waitForFunction(() => document.querySelector('input[name="price"]').value === "2500");
  await context.close();
});

test("the figures do not move when the app takes over", async () => {
  for (const width of [390, 1280]) {
    const { context, page, release } = await heldPage({ context: { viewport: { width, height: 900 } } });
    await page.goto(server.url, { waitUntil: "load" });
    const boxes = () =>
      page.evaluate(() =>
        ["roi", "net-result", "break-even-price", "verdict", "payback-month", "scenario-name"].map((testid) => {
          const box = document.querySelector(`[data-testid="${testid}"]`).getBoundingClientRect();
          return [testid, Math.round(box.x), Math.round(box.y), Math.round(box.width), Math.round(box.height)];
        }),
      );
    const before = await boxes();
    release();
    await page.waitForFunction(() => document.documentElement.dataset.app === "live");
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.deepEqual(await boxes(), before, `${width} px`);
    await context.close();
  }
});
