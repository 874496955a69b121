// Embed mode: the app in an iframe of a host page on another origin (the
// README's snippet). The host receives the content height and sizes the
// iframe; the frame shows the compact layout and the call-to-action; a
// javascript: (or data:) call-to-action is refused and reported; the host's
// accent colour and transparent background apply with AA contrast, and a bad
// colour is reported.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
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
async function hostPage(keys, { background = "" } = {}) {
  const appOrigin = new URL(app.url).origin;
  const style = background ? `<style>body{background:${background}}</style>` : "";
  const host = await serveHtml(
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Host</title>${style}</head><body>
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

/// WCAG 2's contrast between the text and background colours `selector`
/// has (computed styles, so whatever custom properties set them).
function contrastOf(frame, selector) {
  return frame.evaluate((selector) => {
    const rgb = (text) => text.match(/[\d.]+/g).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => {
      const f = (x) => ((x /= 255) <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const style = getComputedStyle(document.querySelector(selector));
    const [a, b] = [lum(rgb(style.color)) + 0.05, lum(rgb(style.backgroundColor)) + 0.05];
    return { color: style.color, background: style.backgroundColor, ratio: Math.max(a, b) / Math.min(a, b) };
  }, selector);
}

/// The colour of the pixel at (x, y) of `page`'s viewport, read back from
/// a screenshot (what the visitor sees, host page and frame together).
async function pixelAt(page, x, y) {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  const reader = await page.context().newPage();
  const colour = await reader.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const context = canvas.getContext("2d");
    context.drawImage(img, 0, 0);
    return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, png.toString("base64"));
  await reader.close();
  return colour;
}

test("the host's accent and transparent background apply, the call-to-action and pressed buttons stay AA", async () => {
  const cta = `cta.label=Devis&cta.url=${encodeURIComponent(CTA_URL)}`;
  const sand = [253, 246, 227];
  // A pale yellow accent: white text on it would fail AA.
  for (const [keys, shows] of [
    [`embed=1&accent=fbbf24&bg=transparent&${cta}`, sand],
    [`embed=1&accent=%23FBBF24&${cta}`, [255, 255, 255]],
  ]) {
    const host = await hostPage(keys, { background: "rgb(253 246 227)" });
    const context = await freshContext(browser, { viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(host.url);
    const frame = await appFrame(page);
    await frame.waitForSelector('[data-testid="cta"]');
    const transparent = keys.includes("bg=transparent");
    assert.equal(await frame.evaluate(() => document.documentElement.classList.contains("bg-transparent")), transparent);

    const button = await contrastOf(frame, '[data-testid="cta"]');
    assert.equal(button.background, "rgb(251, 191, 36)", keys);
    assert.ok(button.ratio >= 4.5, `call-to-action text: ${JSON.stringify(button)}`);
    const pressed = await contrastOf(frame, '.language button[aria-pressed="true"]');
    assert.equal(pressed.background, "rgb(251, 191, 36)");
    assert.ok(pressed.ratio >= 4.5, `pressed button: ${JSON.stringify(pressed)}`);
    // The accent as text on the page (an unpressed button) is darkened to AA.
    const unpressed = await contrastOf(frame, '.language button[aria-pressed="false"]');
    assert.ok(unpressed.ratio >= 4.5, `unpressed button: ${JSON.stringify(unpressed)}`);

    // The frame's left margin, beside the form: the host's sand shows
    // through a transparent page, the page's white otherwise.
    const box = await page.locator("#roi-calculator").boundingBox();
    const field = await frame.locator('input[name="price"]').boundingBox();
    assert.deepEqual(await pixelAt(page, box.x + 4, box.y + field.y), shows, keys);

    // The keys stay in the frame's address when it rewrites it.
    await frame.fill('input[name="price"]', "160");
    await frame.waitForFunction(() => location.hash.includes("price=160"));
    assert.match(frame.url(), /accent=fbbf24/);
    assert.equal(/bg=transparent/.test(frame.url()), transparent);
    await context.close();
  }
});

const PALETTES = JSON.parse(readFileSync(new URL("../fixtures/embed/accent-palettes.json", import.meta.url), "utf8"));
const SHADES = ["--accent", "--accent-ink", "--accent-text", "--accent-soft"];

test("the pre-paint script gives every accent the reference shades (colour::Palette::of)", async () => {
  // bypassCSP: the page's own pre-paint script is run again below, for
  // each accent, through new Function (which the CSP rightly refuses).
  const context = await freshContext(browser, { bypassCSP: true });
  const page = await context.newPage();
  // Before the wasm: the shades are the pre-paint script's alone.
  await page.route(/\.wasm$/, (route) => route.abort());
  const shadesOf = () =>
    page.evaluate((names) => Object.fromEntries(names.map((n) => [n, document.documentElement.style.getPropertyValue(n)])), SHADES);
  const expected = (row) => Object.fromEntries(SHADES.map((n) => [n, row[n]]));
  // The first accent through a real load: the colour keys carry no
  // scenario, so the prerendered figures are not hidden as being computed.
  await page.goto(`${app.url}?embed=1&accent=${PALETTES[0].accent}&bg=transparent`);
  assert.deepEqual(await shadesOf(), expected(PALETTES[0]));
  assert.equal(await page.getAttribute("html", "class"), "embed bg-transparent");
  // Every accent: the address changed, the shipped script run again.
  const again = (search) =>
    page.evaluate((search) => {
      history.replaceState(null, "", search);
      document.documentElement.removeAttribute("style");
      new Function(document.querySelector("script[data-prerender-head]").textContent)();
    }, search);
  for (const row of PALETTES) {
    const form = row.accent.length === 3 ? `%23${row.accent.toUpperCase()}` : row.accent;
    await again(`?embed=1&accent=${form}`);
    assert.deepEqual(await shadesOf(), expected(row), row.accent);
  }
  // Not in embed mode, or with a bad colour: none.
  for (const keys of ["accent=fbbf24", "embed=1&accent=fbbf2", "embed=1&accent=red", "embed=1&accent=%23%23fff"]) {
    await again(`?${keys}`);
    assert.deepEqual(Object.values(await shadesOf()), ["", "", "", ""], keys);
  }
  await page.unroute(/\.wasm$/);
  // The app, once started, keeps them.
  await page.goto(`${app.url}?embed=1&accent=fbbf24`);
  await ready(page);
  assert.equal(await page.evaluate(() => document.documentElement.style.getPropertyValue("--accent")), "#fbbf24");
  await context.close();
});

for (const [lang, colour, background] of [
  ["fr", /«\u00a0accent=red\u00a0»\u00a0: couleur refusée/, /«\u00a0bg=white\u00a0»\u00a0: fond refusé/],
  ["en", /“accent=red”: colour refused/, /“bg=white”: background refused/],
]) {
  test(`a bad colour or background is ignored and reported (${lang})`, async () => {
    const host = await hostPage(`embed=1&accent=red&bg=white&lang=${lang}&cta.label=Go&cta.url=${encodeURIComponent(CTA_URL)}`);
    const context = await freshContext(browser);
    const page = await context.newPage();
    await page.goto(host.url);
    const frame = await appFrame(page);
    const notice = await frame.textContent('[data-testid="notice-link-ignored"]');
    assert.match(notice, colour);
    assert.match(notice, background);
    assert.equal(await frame.evaluate(() => document.documentElement.getAttribute("style")), null);
    assert.equal(await frame.getAttribute("html", "class"), "embed");
    // The page's own accent, untouched.
    assert.equal((await contrastOf(frame, '[data-testid="cta"]')).background, "rgb(29, 78, 216)");
    assert.doesNotMatch(frame.url(), /accent=|bg=/);
    await context.close();
  });
}
