// The risk panel: ranges, the Monte Carlo figures, the histogram and the
// tornado, driven like a user in headless Chromium on the release build.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { startApp, stopApp, twoFrames, freshContext, valueOf, ready } from "./harness.mjs";

const FIGURES = [
  "risk-loss-probability",
  "risk-net-p10",
  "risk-net-p50",
  "risk-net-p90",
  "risk-roi-p10",
  "risk-roi-p50",
  "risk-roi-p90",
];

let server;
let browser;
let fixture;

before(async () => {
  ({ server, browser } = await startApp());
  fixture = JSON.parse(await readFile(new URL("../fixtures/risk/default-scenario.json", import.meta.url)));
});
after(() => stopApp({ server, browser }));

async function open(hash = "") {
  const context = await freshContext(browser);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.goto(server.url + hash);
  await ready(page);
  // The simulation runs only while its panel is on screen.
  await page.locator('[data-testid="risk-panel"]').scrollIntoViewIfNeeded();
  await settled(page);
  return { page, errors };
}

/// Waits until the figures are those of the inputs on screen.
async function settled(page) {
  await page.waitForFunction(() => {
    const figures = document.querySelector(".risk-figures");
    const loss = document.querySelector('[data-testid="risk-loss-probability"]');
    return figures?.getAttribute("aria-busy") === "false" && loss?.dataset.value;
  });
}

async function figures(page) {
  const values = {};
  for (const id of FIGURES) values[id] = await valueOf(page, id);
  return values;
}

/// Types `text` into a range end (`win_low`, …) and waits for the new run.
async function setEnd(page, key, text) {
  await page.fill(`input[name="${key}"]`, text);
  await page.waitForFunction(() => document.querySelector(".risk-figures")?.getAttribute("aria-busy") === "true");
  await settled(page);
}

async function inked(page, testid) {
  await twoFrames(page);
  return page.evaluate((id) => {
    const canvas = document.querySelector(`[data-testid="${id}"]`);
    const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 250 || pixels[i + 2] < 250) count++;
    return { count, image: canvas.toDataURL() };
  }, testid);
}

test("the browser's simulation gives the engine's figures, bit for bit", async () => {
  const { page, errors } = await open();
  const shown = await figures(page);
  for (const id of FIGURES) assert.equal(shown[id], fixture[id], id);
  assert.match(await page.textContent('[data-testid="risk-trials"]'), /10\s000\stirages/);
  const reading = await page.textContent('[data-testid="risk-reading"]');
  assert.match(reading, /Aucun des 10\s000\stirages ne perd d’argent/);
  assert.match(reading, /16\s562\s€/);
  // The defaults come from the prudent and ambitious scenarios.
  assert.equal(await page.inputValue('input[name="win_low"]'), "40");
  assert.equal(await page.inputValue('input[name="win_high"]'), "60");
  assert.equal(await page.textContent('[data-testid="risk-likely-win"]'), "50");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("narrowing a range narrows the spread; widening it brings losses", async () => {
  const { page } = await open();
  const wide = await figures(page);
  await setEnd(page, "win_low", "48");
  await setEnd(page, "win_high", "52");
  const narrow = await figures(page);
  assert.ok(Number(narrow["risk-net-p10"]) > Number(wide["risk-net-p10"]), "P10 did not rise");
  assert.ok(Number(narrow["risk-net-p90"]) < Number(wide["risk-net-p90"]), "P90 did not fall");
  // A win rate that can fall to 5 % makes some campaigns lose money.
  await setEnd(page, "win_low", "5");
  await setEnd(page, "opp_low", "10");
  const risky = await figures(page);
  const loss = Number(risky["risk-loss-probability"]);
  assert.ok(loss > 0 && loss < 1, `loss probability ${loss}`);
  assert.match(await page.textContent('[data-testid="risk-reading"]'), /de perdre de l’argent/);
  // The link carries the ranges (written once typing pauses).
  await page.waitForFunction(() => /win_low=5(&|$)/.test(location.hash) && /opp_low=10(&|$)/.test(location.hash));
  await page.context().close();
});

test("certain inputs give the deterministic result at every percentile", async () => {
  const { page } = await open();
  for (const key of ["noshow", "opp", "win", "deal", "margin", "hours"]) {
    const likely = await page.textContent(`[data-testid="risk-likely-${key}"]`);
    await page.fill(`input[name="${key}_low"]`, likely);
    await page.fill(`input[name="${key}_high"]`, likely);
  }
  await page.waitForFunction(
    () => document.querySelector('[data-testid="risk-net-p10"]')?.dataset.value ===
      document.querySelector('[data-testid="risk-net-p90"]')?.dataset.value,
  );
  await settled(page);
  const shown = await figures(page);
  const net = Number(await valueOf(page, "net-result"));
  for (const id of ["risk-net-p10", "risk-net-p50", "risk-net-p90"]) {
    assert.ok(Math.abs(Number(shown[id]) - net) < 1e-6, `${id} ${shown[id]} vs ${net}`);
  }
  assert.equal(shown["risk-loss-probability"], net < 0 ? "1" : "0");
  await page.context().close();
});

test("a low end above the likely value is refused at the field", async () => {
  const { page } = await open();
  const before = await figures(page);
  await page.fill('input[name="win_low"]', "70");
  const error = page.locator("#risk-error-win_low");
  await error.waitFor();
  assert.match(await error.textContent(), /ne peut pas dépasser la valeur probable \(50\)/);
  assert.equal(await page.getAttribute('input[name="win_low"]', "aria-invalid"), "true");
  assert.equal(await page.getAttribute(".risk-figures", "aria-busy"), "true");
  assert.match(await page.textContent(".risk-status"), /Corrigez les fourchettes/);
  // The last figures stay, marked stale; the link keeps the typed end out of the run.
  assert.deepEqual(await figures(page), before);
  await page.fill('input[name="win_low"]', "");
  await page.locator('input[name="win_low"]').blur();
  await settled(page);
  assert.equal(await page.inputValue('input[name="win_low"]'), "40");
  assert.deepEqual(await figures(page), before);
  await page.context().close();
});

test("a new draw changes the figures and travels in the link", async () => {
  const { page } = await open();
  const before = await figures(page);
  const seed = await page.textContent('[data-testid="risk-seed"]');
  await page.click('[data-testid="risk-new-seed"]');
  await page.waitForFunction(
    (old) => document.querySelector('[data-testid="risk-net-p50"]')?.dataset.value !== old,
    before["risk-net-p50"],
  );
  await settled(page);
  const redrawn = await figures(page);
  const newSeed = await page.textContent('[data-testid="risk-seed"]');
  assert.notEqual(newSeed, seed);
  await page.waitForFunction((seed) => location.hash.includes(`risk_seed=${seed}`), newSeed);
  // The same link in a fresh profile gives the same figures.
  const link = new URL(page.url()).hash;
  const { page: other } = await open(link);
  assert.deepEqual(await figures(other), redrawn);
  await other.context().close();
  await page.context().close();
});

test("a shared link sets ranges and trials; the charts are drawn and follow", async () => {
  const { page } = await open("#v=1&win_low=30&win_high=60&risk_trials=2000");
  assert.equal(await page.inputValue('input[name="win_low"]'), "30");
  assert.match(await page.inputValue('input[name="risk_trials"]'), /^2\s000$/);
  assert.match(await page.textContent('[data-testid="risk-trials"]'), /2\s000\stirages/);
  for (const id of ["chart-histogram", "chart-tornado"]) {
    await page.locator(`[data-testid="${id}"]`).scrollIntoViewIfNeeded();
  }
  const histogram = await inked(page, "chart-histogram");
  const tornado = await inked(page, "chart-tornado");
  assert.ok(histogram.count > 500, "the histogram is blank");
  assert.ok(tornado.count > 500, "the tornado is blank");
  // The tornado's table (built when opened) says which input moves the ROI
  // most: the win rate here.
  await page.locator('[data-testid="chart-tornado"] ~ details summary').click();
  const first = await page.getAttribute('[data-testid^="tornado-"]', "data-testid");
  assert.equal(first, "tornado-win");
  await page.locator('[data-testid="risk-panel"]').scrollIntoViewIfNeeded();
  await setEnd(page, "win_high", "90");
  await page.locator('[data-testid="chart-histogram"]').scrollIntoViewIfNeeded();
  const after = await inked(page, "chart-histogram");
  assert.notEqual(after.image, histogram.image, "the histogram did not follow the range");
  // The open table follows the data too: the highest ROI at win_high = 90 %.
  assert.match(await page.textContent('[data-testid="tornado-win"] td:last-child'), /\+\d{3}(,\d)?\s%/);
  const atHigh = await page.textContent('[data-testid="tornado-win"] td:last-child');
  await setEnd(page, "win_high", "70");
  assert.notEqual(await page.textContent('[data-testid="tornado-win"] td:last-child'), atHigh);
  await page.context().close();
});

test("the ends follow the prudent and ambitious values the user set; the odds carry no sign", async () => {
  const { page } = await open();
  await page.fill("#prudent-win", "20");
  await page.locator('[data-testid="risk-panel"]').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('input[name="win_low"]').value === "20");
  await settled(page);
  await page.fill("#prudent-opp", "10");
  // Typing scrolled the scenarios table into view: back to the panel, which
  // runs its simulation only while on screen.
  await page.locator('[data-testid="risk-panel"]').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('input[name="opp_low"]').value === "10");
  await settled(page);
  const loss = Number(await valueOf(page, "risk-loss-probability"));
  assert.ok(loss > 0 && loss < 1, `loss probability ${loss}`);
  const reading = await page.textContent('[data-testid="risk-reading"]');
  assert.match(reading, /\(\d+(,\d)?\s%\)/);
  assert.doesNotMatch(reading, /\+/);
  assert.doesNotMatch(await page.getAttribute('[data-testid="chart-histogram"]', "aria-label"), /\+/);
  await page.context().close();
});
