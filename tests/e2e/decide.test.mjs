// The "Comparer et planifier" section: compare models, plan from a goal,
// check the sales team's capacity, driven like a user in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, freshContext, valueOf, ready } from "./harness.mjs";

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open() {
  const context = await freshContext(browser);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.goto(server.url);
  await ready(page);
  return { page, errors };
}

async function waitForValue(page, testid, value) {
  await page.waitForFunction(
    ([id, expected]) => document.querySelector(`[data-testid="${id}"]`)?.dataset.value === expected,
    [testid, value],
  );
}

test("the day-rate provider's cost and ROI follow its day rate", async () => {
  const { page, errors } = await open();
  // Defaults: 8 days × 3 months × 1 meeting = 24 booked, 6 sales × 6 000 × 40 % = 14 400 margin.
  assert.equal(await valueOf(page, "compare-time-booked"), "24");
  assert.equal(await valueOf(page, "compare-time-total-cost"), "10800");
  assert.equal(await valueOf(page, "compare-result-total-cost"), "6000");
  assert.equal(await valueOf(page, "compare-result-roi"), "3.8");
  await page.fill('input[name="time_day_rate"]', "500");
  // 500 × 8 × 3 = 12 000; (14 400 − 12 000) / 12 000 = 0.2.
  await waitForValue(page, "compare-time-total-cost", "12000");
  assert.equal(await valueOf(page, "compare-time-roi"), "0.2");
  assert.equal(await valueOf(page, "compare-time-net-result"), "2400");
  // The team's and the day-rate provider's ROI at 100 % delivery is the plan's.
  assert.equal(await valueOf(page, "compare-time-roi-at-100"), "0.2");
  assert.ok((await page.textContent('[data-testid="compare-verdict"]')).length > 10);
  assert.equal(await page.getAttribute('input[name="time_day_rate"]', "aria-invalid"), "false");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("a wrong day rate gets a message at the field and keeps the last figures", async () => {
  const { page } = await open();
  await page.fill('input[name="time_day_rate"]', "-5");
  await page.waitForSelector('input[name="time_day_rate"][aria-invalid="true"]');
  assert.match(await page.textContent("#decide-error-time_day_rate"), /100\s000/);
  assert.equal(await valueOf(page, "compare-time-total-cost"), "10800");
  await page.context().close();
});

test("the central scenario drives the comparison", async () => {
  const { page } = await open();
  await page.fill('input[name="months"]', "6");
  // 8 days × 6 months = 48 booked; 450 × 8 × 6 = 21 600.
  await waitForValue(page, "compare-time-booked", "48");
  assert.equal(await valueOf(page, "compare-time-total-cost"), "21600");
  await page.context().close();
});

test("a revenue goal works back to sales, meetings and calls", async () => {
  const { page } = await open();
  await page.selectOption('select[name="goal_kind"]', "revenue");
  await page.fill('input[name="goal_value"]', "60000");
  // 60 000 / 6 000 = 10 sales; / (50 % × 50 %) = 40 held = 40 booked; / (30 % × 10 %) → 1 334 calls.
  await waitForValue(page, "plan-sales", "10");
  assert.equal(await valueOf(page, "plan-held"), "40");
  assert.equal(await valueOf(page, "plan-booked"), "40");
  assert.equal(await valueOf(page, "plan-calls"), "1334");
  // 40 meetings × 120 € = 4 800 €.
  assert.equal(await valueOf(page, "plan-budget"), "4800");
  await page.context().close();
});

test("an undefined plan step says why in words", async () => {
  const { page } = await open();
  await page.fill('input[name="call_to_conversation"]', "0");
  await waitForValue(page, "plan-calls", "");
  assert.match(await page.textContent('[data-testid="plan-calls"]'), /décideur/);
  assert.equal(await valueOf(page, "plan-booked"), "40");
  await page.context().close();
});

test("an overloaded sales team gets a warning in words", async () => {
  const { page } = await open();
  // Defaults: 50 held meetings, 1 rep × 8 a week × 13 weeks = 104: 48 %.
  assert.equal(await page.isVisible('[data-testid="capacity-warning"]'), false);
  assert.equal(await valueOf(page, "capacity-extra-weeks"), "0");
  await page.fill('input[name="rep_meetings_per_week"]', "3");
  // 50 / (3 × 13) > 100 %; ceil(50 / 3) = 17 weeks, 4 more than 13.
  await page.waitForSelector('[data-testid="capacity-warning"]');
  assert.ok(Number(await valueOf(page, "capacity-load")) > 1);
  assert.equal(await valueOf(page, "capacity-extra-weeks"), "4");
  assert.match(await page.textContent('[data-testid="capacity-warning"]'), /ne signe pas/);
  await page.fill('input[name="reps"]', "2");
  await page.waitForSelector('[data-testid="capacity-warning"]', { state: "detached" });
  assert.ok(Number(await valueOf(page, "capacity-load")) < 1);
  await page.context().close();
});

test("the ROI-against-delivery chart draws one line per model and follows the day rate", async () => {
  const { page, errors } = await open();
  const chart = page.locator('[data-testid="chart-delivery"]');
  await chart.scrollIntoViewIfNeeded();
  const snapshot = async () => {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    return page.evaluate(() => {
      const canvas = document.querySelector('[data-testid="chart-delivery"]');
      const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
      // Count the three models' colours (blue, orange, green lines).
      let blue = 0, orange = 0, green = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const [r, g, b] = [pixels[i], pixels[i + 1], pixels[i + 2]];
        if (b > 180 && r < 60) blue++;
        else if (r > 150 && g < 90 && b < 40) orange++;
        else if (g > 100 && r < 60 && b < 90) green++;
      }
      return { blue, orange, green, image: canvas.toDataURL() };
    });
  };
  const before = await snapshot();
  for (const colour of ["blue", "orange", "green"]) assert.ok(before[colour] > 100, `no ${colour} line`);
  const label = await chart.getAttribute("aria-label");
  assert.match(label, /Au résultat/);
  assert.match(label, /50\s%/);
  await page.fill('input[name="time_day_rate"]', "900");
  await page.waitForFunction(() => document.querySelector('[data-testid="compare-time-total-cost"]').dataset.value !== "10800");
  const after = await snapshot();
  assert.notEqual(after.image, before.image, "the chart did not follow the day rate");
  assert.notEqual(await chart.getAttribute("aria-label"), label);
  assert.deepEqual(errors, []);
  await page.context().close();
});
