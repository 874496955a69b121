// Embed mode: the app in an iframe of a host page on another origin (the
// README's snippet). The host receives the content height and sizes the
// iframe; the frame shows the compact layout and the call-to-action; a
// javascript: (or data:) call-to-action is refused and reported.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, serveHtml, launch, freshContext, valueOf, ready, seriousAxeViolations } from "./harness.mjs";

let app;
let browser;
const hosts = [];

before(async () => {
  app = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await app?.close();
  for (const host of hosts) await host.close();
});

const CTA_URL = "https://example.com/contact?from=roi";

/// A marketing page on its own origin embedding the app with `keys`, with
/// the host-side lines of the README.
async function hostPage(keys) {
  const appOrigin = new URL(app.url).origin;
  const host = await serveHtml(
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Host</title></head><body>
<h1>Un site marketing</h1>
<iframe id="roi-calculator" src="${app.url}?${keys}" title="Calculateur de ROI"
  style="width:100%;border:0" height="600"></iframe>
<script>
  window.heights = [];
  addEventListener("message", (event) => {
    if (event.origin !== "${appOrigin}" || event.data?.type !== "teleprospection-roi:height") return;
    window.heights.push(event.data.height);
    document.getElementById("roi-calculator").height = event.data.height;
  });
</script>
</body></html>`,
  );
  hosts.push(host);
  return host;
}

/// The app's frame in the host page, once it has computed.
async function appFrame(page) {
  await page.waitForFunction(() => document.querySelector("#roi-calculator").contentWindow !== null);
  const frame = page.frames().find((f) => f.url().startsWith(app.url));
  assert.ok(frame, "the iframe holds the app");
  await ready(frame);
  return frame;
}

const heightOf = (frame) => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));

test("an embedded calculator sends its height, fits its iframe and shows the compact layout", async () => {
  const host = await hostPage(
    `price=150&embed=1&cta.label=${encodeURIComponent("Demander un devis")}&cta.url=${encodeURIComponent(CTA_URL)}`,
  );
  const context = await freshContext(browser, { viewport: { width: 900, height: 700 } });
  const page = await context.newPage();
  await page.goto(host.url);
  const frame = await appFrame(page);
  assert.equal(await valueOf(frame, "total-cost"), "7500");

  // The host got the height and sized the iframe to the frame's content.
  await page.waitForFunction(() => window.heights.length > 0);
  let content = await heightOf(frame);
  await page.waitForFunction((h) => window.heights.at(-1) === h, content);
  assert.equal(await page.getAttribute("#roi-calculator", "height"), String(content));
  const box = await page.locator("#roi-calculator").boundingBox();
  assert.equal(Math.round(box.height), content);

  // Compact: the form, the results and the call-to-action; no extra chrome.
  assert.equal(await frame.getAttribute("html", "class"), "embed");
  for (const hidden of [".lead", ".charts", ".scenarios", ".decide", ".foot", ".summary-bar"]) {
    assert.equal(await frame.locator(hidden).first().isVisible(), false, `${hidden} is hidden`);
  }
  assert.ok(await frame.locator('input[name="price"]').isVisible());
  assert.ok(await frame.locator('[data-testid="roi"]').isVisible());
  const cta = frame.locator('[data-testid="cta"]');
  assert.equal(await cta.textContent(), "Demander un devis");
  assert.equal(await cta.getAttribute("href"), CTA_URL);
  assert.equal(await cta.getAttribute("target"), "_top");

  // The same app on a page of its own (another profile) is much taller.
  const other = await freshContext(browser, { viewport: { width: 900, height: 700 } });
  const full = await other.newPage();
  await full.goto(`${app.url}?price=150`);
  await ready(full);
  assert.ok((await heightOf(full)) > content * 1.5, "the embed layout is compact");
  await other.close();

  // When the content grows (a field's error), a new height follows.
  await frame.fill('input[name="price"]', "abc");
  await frame.waitForSelector(".stale-notice");
  await page.waitForFunction((h) => window.heights.at(-1) > h, content);
  content = await heightOf(frame);
  await page.waitForFunction((h) => window.heights.at(-1) === h, content);

  // The frame keeps its embed keys in its address (a reload stays embedded)
  // and leaves the visitor's own working scenario alone.
  await frame.fill('input[name="price"]', "160");
  await frame.waitForFunction(() => location.hash.includes("price=160"));
  assert.match(frame.url(), /embed=1/);
  assert.match(frame.url(), /cta\.url=https%3A%2F%2Fexample\.com/);
  assert.equal(await frame.evaluate(() => localStorage.getItem("teleprospection-roi/working")), null);
  await context.close();
});

for (const [scheme, target] of [
  ["javascript:", "javascript:alert(document.domain)"],
  ["data:", "data:text/html,<script>alert(1)</script>"],
]) {
  test(`a ${scheme} call-to-action is refused and reported`, async () => {
    const host = await hostPage(`embed=1&cta.label=Cliquez&cta.url=${encodeURIComponent(target)}`);
    const context = await freshContext(browser);
    const page = await context.newPage();
    let dialogs = 0;
    page.on("dialog", (dialog) => {
      dialogs += 1;
      dialog.dismiss();
    });
    await page.goto(host.url);
    const frame = await appFrame(page);
    assert.equal(await frame.locator('[data-testid="cta"]').count(), 0);
    assert.equal(await frame.locator(`a[href^="${scheme}"]`).count(), 0);
    const notice = await frame.textContent('[data-testid="notice-link-ignored"]');
    assert.match(notice, /cta\.url/);
    assert.match(notice, /adresse refusée/);
    assert.equal(dialogs, 0);
    await context.close();
  });
}

test("the call-to-action shows only inside a frame, never on a page of its own", async () => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${app.url}?embed=1&cta.label=Login&cta.url=${encodeURIComponent(CTA_URL)}`);
  await ready(page);
  assert.equal(await page.getAttribute("html", "class"), "embed");
  assert.equal(await page.locator('[data-testid="cta"]').count(), 0);
  await context.close();
});

test("the embedded page, with its call-to-action and a refused one reported, has no serious axe violation", async () => {
  const host = await hostPage(
    `embed=1&cta.url=${encodeURIComponent(CTA_URL)}&cta.label=Devis&cta.url=javascript%3Aalert(1)&lang=en`,
  );
  const context = await freshContext(browser, { viewport: { width: 360, height: 700 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(host.url);
  const frame = await appFrame(page);
  await frame.waitForSelector('[data-testid="cta"]');
  await frame.waitForSelector('[data-testid="notice-link-ignored"]');
  assert.deepEqual(await seriousAxeViolations(frame), []);
  await context.close();
});
