// The "Comparer et planifier" section: compare models, plan from a goal,
// check the sales team's capacity, driven like a user in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, stopApp, twoFrames, openPage, freshContext, valueOf, ready, reveal } from "./harness.mjs";

let server;
let browser;

before(async () => {
  ({ server, browser } = await startApp());
});
after(() => stopApp({ server, browser }));

const open = () => openPage(browser, server.url);

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
  // Pay per result nets the most (22 800 €) and, paying only what is
  // delivered, stays the safest: the sentence opens on its name.
  assert.match(
    await page.textContent('[data-testid="compare-verdict"]'),
    /^«\u00a0Au résultat\u00a0» rapporte le plus si tout se passe comme prévu, et reste le plus sûr/,
  );
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

test("a language switch keeps what was typed in the tools, wrong or not, in the new format", async () => {
  const { page } = await open();
  await page.fill('input[name="team_callers"]', "abc");
  await page.fill('input[name="team_salary"]', "3 600,5");
  await page.fill('input[name="risk_trials"]', "50");
  await page.waitForSelector('input[name="team_callers"][aria-invalid="true"]');
  await page.waitForSelector('input[name="risk_trials"][aria-invalid="true"]');
  await page.click('[data-testid="lang-en"]');
  await page.waitForFunction(() => document.documentElement.lang === "en");
  await twoFrames(page);
  assert.equal(await page.inputValue('input[name="team_callers"]'), "abc");
  // Boxes group with the narrow space in English too ("3,600" would be
  // asked about: one comma before three digits).
  assert.equal(await page.inputValue('input[name="team_salary"]'), "3\u202f600.5");
  assert.equal(await page.inputValue('input[name="risk_trials"]'), "50");
  assert.equal(await page.getAttribute('input[name="team_callers"]', "aria-invalid"), "true");
  assert.match(await page.textContent("#decide-error-team_callers"), /[Nn]umber/);
  assert.equal(await page.getAttribute('input[name="risk_trials"]', "aria-invalid"), "true");
  assert.match(await page.textContent("#risk-error-trials"), /100/);
  await page.context().close();
});

test("the central scenario drives the comparison", async () => {
  const { page } = await open();
  await reveal(page, "months");
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
    await twoFrames(page);
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
  // Off screen the panel is skipped (content-visibility): it is drawn once
  // it has been laid out and its canvas seen, a frame or two after the scroll.
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="chart-delivery"]').dataset.draws) > 0);
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

async function segmentRows(page) {
  return page.$$eval('[data-testid="segment-row"]', (rows) =>
    rows.map((row) => ({
      index: row.dataset.index,
      rank: row.dataset.rank,
      name: row.querySelector("input").value,
      roi: row.querySelector(`[data-testid="segment-${row.dataset.index}-roi"]`).dataset.value,
    })),
  );
}

test("segments are added from the form, ranked by ROI, renamed, and still there after a reload", async () => {
  const { page, errors } = await open();
  assert.equal(await page.textContent('[data-testid="segment-empty"]'), "Aucun segment pour l’instant.");
  await page.click('[data-testid="segment-add"]');
  await page.fill('input[name="price"]', "180");
  await page.waitForFunction(() => document.querySelector('[data-testid="roi"]').dataset.value !== "3.8");
  await page.click('[data-testid="segment-add"]');
  let rows = await segmentRows(page);
  assert.deepEqual(rows.map((r) => [r.index, r.rank, r.name]), [["1", "1", "Segment 1"], ["2", "2", "Segment 2"]]);
  assert.equal(rows[0].roi, "3.8");
  assert.equal(rows[1].roi, await valueOf(page, "roi"));
  // A richer segment at 180 € climbs to the top once its margin is higher.
  await page.fill('input[name="margin"]', "70");
  await page.waitForFunction((old) => document.querySelector('[data-testid="roi"]').dataset.value !== old, rows[1].roi);
  await page.click('[data-testid="segment-2-replace"]');
  // The row moved to the top; keyboard focus moved with it.
  await page.waitForFunction(() => document.activeElement?.dataset.testid === "segment-2-replace");
  await page.fill('[data-testid="segment-2-name"]', "PME industrielles");
  await page.press('[data-testid="segment-2-name"]', "Enter");
  await page.locator('[data-testid="segment-2-name"]').blur();
  rows = await segmentRows(page);
  assert.deepEqual(rows.map((r) => [r.index, r.rank, r.name]), [["2", "1", "PME industrielles"], ["1", "2", "Segment 1"]]);
  await page.locator('[data-testid="chart-segments"]').scrollIntoViewIfNeeded();
  await twoFrames(page);
  assert.match(await page.getAttribute('[data-testid="chart-segments"]', "aria-label"), /PME industrielles\s:/);
  await page.reload();
  await ready(page);
  const reloaded = await segmentRows(page);
  assert.deepEqual(reloaded, rows);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("a removed segment comes back with undo; loading one fills the form", async () => {
  const { page } = await open();
  await page.click('[data-testid="segment-add"]');
  await page.fill('input[name="price"]', "90");
  await page.waitForFunction(() => document.querySelector('[data-testid="provider-cost"]')?.dataset.value !== "6000");
  await page.click('[data-testid="segment-add"]');
  await page.click('[data-testid="segment-1-remove"]');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === "segment-undo");
  assert.match(await page.textContent('[data-testid="segment-status"]'), /Segment «\sSegment 1\s» supprimé/);
  assert.deepEqual((await segmentRows(page)).map((r) => r.name), ["Segment 2"]);
  await page.click('[data-testid="segment-undo"]');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === "segment-1-name");
  assert.deepEqual((await segmentRows(page)).map((r) => [r.index, r.name]).sort(), [["1", "Segment 1"], ["2", "Segment 2"]]);
  await page.click('[data-testid="segment-1-load"]');
  assert.equal(await page.inputValue('input[name="price"]'), "120");
  await page.waitForFunction(() => document.querySelector('[data-testid="roi"]').dataset.value === "3.8");
  assert.match(await page.textContent('[data-testid="segment-status"]'), /«\sSegment 1\s» est chargé/);
  await page.context().close();
});

test("a shared link with segments shows their ranking in a fresh profile", async () => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(`${server.url}#v=1&seg1.name=Micro-entreprises&seg1.price=150&seg1.deal=1000&seg2.name=PME%20industrielles&seg2.price=180&seg2.margin=55`);
  await ready(page);
  const rows = await segmentRows(page);
  assert.deepEqual(rows.map((r) => [r.index, r.rank, r.name]), [["2", "1", "PME industrielles"], ["1", "2", "Micro-entreprises"]]);
  // PME: 12 sales × 6 000 € = 72 000 € revenue, 55 % margin = 39 600 €;
  // 50 meetings × 180 € = 9 000 € cost; net 30 600 €, ROI 340 %.
  assert.equal(await valueOf(page, "segment-2-net-result"), "30600");
  assert.equal(await valueOf(page, "segment-2-roi"), "3.4");
  // Micro: 12 × 1 000 € × 40 % = 4 800 € margin against 7 500 €: a loss.
  assert.equal(await valueOf(page, "segment-1-net-result"), "-2700");
  // The main scenario is untouched by the segments.
  assert.equal(await valueOf(page, "roi"), "3.8");
  await context.close();
});

test("the decision tools' inputs travel in the link and come back from it", async () => {
  const { page } = await open();
  await page.fill('input[name="time_day_rate"]', "900");
  await page.fill('input[name="reps"]', "4");
  await page.waitForFunction(() => location.hash.includes("time_day_rate=900") && location.hash.includes("reps=4"));
  const link = new URL(page.url()).hash;
  const cost = await valueOf(page, "compare-time-total-cost");
  const load = await valueOf(page, "capacity-load");
  const context = await freshContext(browser);
  const other = await context.newPage();
  await other.goto(server.url + link + "&goal_kind=revenue&goal_value=120000");
  await ready(other);
  assert.equal(await other.inputValue('input[name="time_day_rate"]'), "900");
  assert.equal(await valueOf(other, "compare-time-total-cost"), cost);
  assert.equal(await valueOf(other, "capacity-load"), load);
  // 120 000 € of revenue at 6 000 € a sale: 20 sales.
  assert.equal(await valueOf(other, "plan-sales"), "20");
  await context.close();
  await page.context().close();
});
