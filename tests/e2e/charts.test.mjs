// The charts as drawn, read back from the canvas's hooks (the ranges and
// prices it was drawn with) and from their text alternatives, against the
// engine's figures on the page (issue 17).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, stopApp, twoFrames, freshContext, valueOf, ready } from "./harness.mjs";

let server;
let browser;

before(async () => {
  ({ server, browser } = await startApp());
});
after(() => stopApp({ server, browser }));

async function open(hash = "", options = {}) {
  const context = await freshContext(browser, options);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.goto(server.url + hash);
  await ready(page);
  return { page, errors };
}

/// The price chart once drawn for the figures on screen: its hooks.
async function priceChart(page) {
  const chart = page.locator('[data-testid="chart-price"]');
  await chart.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="chart-price"]').dataset.draws) >= 1);
  await twoFrames(page);
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="chart-price"]');
    const range = (name) => canvas.getAttribute(name)?.split(" ").map(Number);
    const price = (name) => (canvas.hasAttribute(name) ? Number(canvas.getAttribute(name)) : null);
    return {
      price: range("data-price-range"),
      net: range("data-net-range"),
      roi: range("data-roi-range"),
      current: price("data-current-price"),
      breakEven: price("data-break-even-price"),
      target: price("data-target-price"),
      label: canvas.getAttribute("aria-label"),
      note: document.querySelector('[data-testid="chart-price-note"]')?.textContent ?? "",
      noteShown: !document.querySelector('[data-testid="chart-price-note"]')?.hidden,
    };
  });
}

const close = (a, b) => Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(b));
const includes = ([lo, hi], value) => lo <= value && value <= hi;

test("the price chart marks the engine's break-even and target-ROI prices, each panel with its zero", async () => {
  for (const lang of ["fr", "en"]) {
    const { page, errors } = await open(`#v=1&lang=${lang}`);
    const chart = await priceChart(page);
    const breakEven = Number(await valueOf(page, "break-even-price"));
    const target = Number(await valueOf(page, "max-price-for-target"));
    assert.ok(close(chart.breakEven, breakEven), `break-even ${chart.breakEven} ≠ ${breakEven}`);
    assert.ok(close(chart.target, target), `target price ${chart.target} ≠ ${target}`);
    assert.equal(chart.current, Number(await page.inputValue('input[name="price"]')));
    // Every marker is on the price axis, and each y axis holds its zero.
    for (const price of [chart.current, chart.breakEven, chart.target]) assert.ok(includes(chart.price, price), `${price} off the axis`);
    assert.ok(chart.net[0] < 0 && chart.net[1] > 0, `net axis ${chart.net}`);
    assert.ok(chart.roi[0] < 0 && chart.roi[1] > 0, `ROI axis ${chart.roi}: past break-even the ROI is negative`);
    // A sensible ROI axis: not below −100 %, above the current ROI, and not
    // the thousands of per cent the ROI reaches near a zero price.
    const roi = Number(await valueOf(page, "roi"));
    assert.ok(chart.roi[0] >= -1.1, `ROI axis starts at ${chart.roi[0]}`);
    assert.ok(chart.roi[1] > roi && chart.roi[1] < 3 * roi * 1.1, `ROI axis ends at ${chart.roi[1]} for a ROI of ${roi}`);
    // The line leaves the frame at the lowest prices: the note says so.
    assert.ok(chart.noteShown);
    assert.match(chart.note, lang === "fr" ? /Aux prix les plus bas, le ROI dépasse \+\d/ : /At the lowest prices the ROI goes above \+\d/);
    // The text alternative names the prices as the page shows them.
    const shown = (id) => page.$eval(`[data-testid="${id}"]`, (el) => (el.querySelector(".card-value") ?? el).textContent.trim());
    assert.ok(chart.label.includes(await shown("break-even-price")), chart.label);
    assert.ok(chart.label.includes(await shown("max-price-for-target")), chart.label);
    assert.deepEqual(errors, []);
    await page.context().close();
  }
});

test("the highest prices on the chart are rounded down to the cent, as on the page", async () => {
  // A basket of 6,001 €: break-even at 576.096 €, which must not read 576,10 €.
  const { page } = await open("#v=1&deal=6001");
  const chart = await priceChart(page);
  assert.ok(close(chart.breakEven, 576.096), String(chart.breakEven));
  assert.match(chart.label, /Prix d’équilibre\s:\s576,09\s€/);
  await page.context().close();
});

test("a losing price shows a negative ROI and net on their axes, the markers below it", async () => {
  const { page } = await open("#v=1&price=700");
  const chart = await priceChart(page);
  const roi = Number(await valueOf(page, "roi"));
  const net = Number(await valueOf(page, "net-result"));
  assert.ok(roi < 0 && net < 0);
  assert.ok(includes(chart.roi, roi), `ROI ${roi} off the axis ${chart.roi}`);
  assert.ok(includes(chart.net, net), `net ${net} off the axis ${chart.net}`);
  assert.equal(chart.current, 700);
  assert.ok(chart.breakEven < chart.current && chart.target < chart.breakEven);
  await page.context().close();
});

test("an unreachable target ROI is said, not drawn; the chart follows the target", async () => {
  // A one-off fee of 1,000 € is more than the margin left at +10,000 %.
  const { page } = await open("#v=1&setup=1000&target=10000");
  let chart = await priceChart(page);
  assert.equal(chart.target, null);
  assert.match(chart.note, /Aucun prix n’atteint le ROI visé \(\+10\s000\s%\)/);
  await page.fill('input[name="target"]', "200");
  await page.waitForFunction(() => document.querySelector('[data-testid="chart-price"]').hasAttribute("data-target-price"));
  chart = await priceChart(page);
  assert.ok(close(chart.target, Number(await valueOf(page, "max-price-for-target"))));
  assert.doesNotMatch(chart.note, /ROI visé/);
  await page.context().close();
});

test("printing redraws the charts for paper, then for the screen again", async () => {
  const { page } = await open();
  await priceChart(page);
  const screen = await page.$eval('[data-testid="chart-price"]', (c) => [c.width, c.height]);
  const sizes = await page.evaluate(() => {
    const canvases = ["chart-price", "chart-cash"].map((id) => document.querySelector(`[data-testid="${id}"]`));
    window.dispatchEvent(new Event("beforeprint"));
    return canvases.map((c) => [c.width, c.height, c.dataset.scale]);
  });
  // charts::PRINT_SIZE at three pixels per CSS pixel.
  for (const size of sizes) assert.deepEqual(size, [1320, 870, "300"]);
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await twoFrames(page);
  assert.deepEqual(await page.$eval('[data-testid="chart-price"]', (c) => [c.width, c.height]), screen);
  await page.context().close();
});

test("at 390 px the chart tables keep every column and the tornado's names are whole", async () => {
  const { page } = await open("#v=1", { viewport: { width: 390, height: 844 } });
  for (const id of ["chart-price", "chart-cash", "chart-scenarios"]) {
    const summary = page.locator(`[data-testid="${id}"] ~ details summary`);
    await summary.scrollIntoViewIfNeeded();
    await summary.click();
    // The table is built once its details open.
    await page.waitForSelector(`[data-testid="${id}"] ~ details thead th`);
    const fit = await page.$eval(`[data-testid="${id}"] ~ details`, (details) => {
      const box = details.querySelector(".table-scroll");
      const cells = [...details.querySelectorAll("thead th")];
      const left = box.getBoundingClientRect().left;
      return {
        columns: cells.length,
        // The last column is reachable: inside the box or by scrolling it.
        reachable: cells.every((th) => th.getBoundingClientRect().right - left <= box.scrollWidth + 1),
        scrolls: getComputedStyle(box).overflowX === "auto",
        page: document.documentElement.scrollWidth,
      };
    });
    assert.ok(fit.columns >= 2 && fit.reachable && fit.scrolls, `${id}: ${JSON.stringify(fit)}`);
    assert.ok(fit.page <= 390, `${id}: the page is ${fit.page} px wide`);
  }
  // The scenario chart's table has each scenario's net result and ROI.
  const rows = await page.$$eval('[data-testid="chart-scenarios"] ~ details tbody tr', (trs) => trs.map((tr) => tr.textContent));
  assert.equal(rows.length, 3);
  const tornado = page.locator('[data-testid="chart-tornado"]');
  await page.locator('[data-testid="risk-panel"]').scrollIntoViewIfNeeded();
  await tornado.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('[data-testid="chart-tornado"]').hasAttribute("data-names-cut"));
  assert.equal(await tornado.getAttribute("data-names-cut"), "0");
  await page.context().close();
});

test("the histogram's break-even line stands inside the plot, not on its frame", async () => {
  const { page } = await open();
  await page.locator('[data-testid="risk-panel"]').scrollIntoViewIfNeeded();
  const histogram = page.locator('[data-testid="chart-histogram"]');
  await histogram.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('[data-testid="chart-histogram"]').hasAttribute("data-net-range"));
  const [lo, hi] = (await histogram.getAttribute("data-net-range")).split(" ").map(Number);
  // Every trial of the default scenario gains: zero is the lowest value, yet
  // stands clear of the frame.
  assert.ok(lo < 0 && hi > 0, `${lo} ${hi}`);
  assert.ok(-lo / (hi - lo) > 0.03, `zero at ${(-lo / (hi - lo)).toFixed(3)} of the width`);
  await page.context().close();
});
