// Campaign tracking driven like a user in headless Chromium on the release
// build: a 12-week campaign recorded week by week, the week-4 checkpoint's
// figures, odds and verdict against the engine's fixture, reload, a shared
// link in a fresh profile, a JSON export imported elsewhere, the next
// campaign from the observed rates; hostile links with checkpoint keys;
// a scenario stored before tracking existed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { startApp, stopApp, freshContext, valueOf, ready, twoFrames, seriousAxeViolations } from "./harness.mjs";

let server;
let browser;
let week4;

before(async () => {
  ({ server, browser } = await startApp());
  week4 = JSON.parse(await readFile(new URL("../fixtures/tracking/week-4.json", import.meta.url)));
  delete week4.about;
});
after(() => stopApp({ server, browser }));

/// The engine's 12-week campaign (src/engine/tracking/tests): cumulative
/// booked, held, opportunities, sales and lost at each week.
const CAMPAIGN = [
  [6, 6, 3, 0, 0],
  [12, 11, 6, 1, 2],
  [18, 17, 10, 2, 5],
  [24, 22, 13, 4, 9],
  [28, 26, 15, 4, 10],
  [32, 29, 17, 5, 11],
  [36, 33, 19, 6, 12],
  [40, 36, 21, 7, 13],
  [43, 39, 23, 7, 14],
  [46, 42, 24, 8, 15],
  [48, 44, 25, 8, 15],
  [50, 46, 26, 9, 16],
];
const FIELDS = ["booked", "held", "opps", "sales", "lost"];

async function open(context, hash = "") {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.goto(server.url + hash);
  await ready(page);
  page.errors = errors;
  return page;
}

/// Types `text` into the box named `name` as a user does: click, select
/// what is there, type the keys.
async function typeInto(page, name, text) {
  const box = page.locator(`input[name="${name}"]`);
  await box.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.type(String(text));
}

/// Waits until the panel's figures are those of the campaign on screen.
async function settled(page) {
  await page.waitForFunction(() => {
    const results = document.querySelector(".track-results");
    const verdict = document.querySelector('[data-testid="track-verdict"]');
    return results?.getAttribute("aria-busy") === "false" && verdict?.dataset.value;
  });
}

async function trackValues(page) {
  return page.evaluate(() => {
    const values = {};
    for (const element of document.querySelectorAll('.track-results [data-testid^="track-"][data-value]')) {
      values[element.dataset.testid] = element.dataset.value;
    }
    return values;
  });
}

/// Adds the checkpoint of week `n` (1-based) and types its counts.
async function recordWeek(page, n) {
  await page.click('[data-testid="track-add"]');
  // A week after the previous one, its counts carried over, the focus on
  // the booked meetings.
  await page.waitForFunction((n) => document.activeElement?.name === `chk${n}.booked`, n);
  assert.equal(await page.inputValue(`input[name="chk${n}.week"]`), String(n));
  if (n > 1) {
    assert.equal(await page.inputValue(`input[name="chk${n}.booked"]`), String(CAMPAIGN[n - 2][0]));
  }
  const counts = CAMPAIGN[n - 1];
  for (const [i, field] of FIELDS.entries()) await typeInto(page, `chk${n}.${field}`, counts[i]);
}

async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid="${testid}"]`)]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test("a 12-week campaign: week by week, the week-4 verdict, reload, link, export, the next plan", async () => {
  const context = await freshContext(browser, { permissions: ["clipboard-read", "clipboard-write"] });
  const page = await open(context);
  // The plan: the default scenario at 250 € a meeting.
  await typeInto(page, "price", "250");
  await page.locator('[data-testid="track-panel"]').scrollIntoViewIfNeeded();
  assert.ok(await page.isVisible('[data-testid="track-empty"]'));

  for (let n = 1; n <= 4; n++) await recordWeek(page, n);
  await settled(page);

  // Week 4: the engine's figures, odds and verdict, to the last digit.
  assert.deepEqual(await trackValues(page), week4);
  // The win rate is behind plan (4 of 13 decided against 50 %), and says so.
  assert.ok(Number(await valueOf(page, "track-win")) < 0.5);
  const verdict = await page.textContent('[data-testid="track-verdict"]');
  assert.match(verdict, /^Ajuster\u00a0: opportunité → vente à 30,8\u00a0% contre 50\u00a0% prévus, 38,5\u00a0% de ventes en moins que prévu\./);
  assert.match(verdict, /ROI \+72,8\u00a0% pour un objectif de \+100\u00a0%/);
  assert.equal(await page.textContent('[data-testid="track-proj-roi"]'), "+72,8\u00a0%");
  assert.equal(await page.textContent('[data-testid="track-loss-probability"]'), "moins de 0,1\u00a0%");
  assert.equal(await page.textContent('[data-testid="track-roi-p10"]'), "+34,4\u00a0%");
  assert.match(await page.textContent('[data-testid="track-trials"]'), /10\s000\stirages/);
  // The table: each count with what the plan expected by that week.
  assert.equal(await valueOf(page, "track-4-booked"), "24");
  assert.equal(Number(await valueOf(page, "track-4-booked-plan")).toFixed(4), (200 / 13).toFixed(4));
  assert.match(await page.textContent('[data-testid="track-4-booked"]'), /24\s*prévu 15,38/);
  assert.equal(await page.locator('[data-testid="track-row"]').count(), 4);

  // The invoice check: 7 000 € invoiced for 24 meetings at 250 €.
  await typeInto(page, "chk4.invoiced", "7000");
  await page.waitForFunction(() => document.querySelector('[data-testid="track-invoice-gap"]')?.dataset.value === "1000");
  await settled(page);
  assert.equal(
    await page.textContent('[data-testid="track-invoice-check"]'),
    "Les factures dépassent de 1\u202f000\u00a0€ (4\u00a0rendez-vous) ce que justifient les volumes\u00a0: 7\u202f000\u00a0€ facturés pour 6\u202f000\u00a0€.",
  );
  // Emptied, the invoices follow the counts again.
  await typeInto(page, "chk4.invoiced", "");
  await page.keyboard.press("Backspace");
  await page.waitForFunction(() => document.querySelector('[data-testid="track-invoice-gap"]')?.dataset.value === "0");
  await settled(page);
  assert.deepEqual(await trackValues(page), week4);

  // A value that does not fit is said at its box; the figures wait.
  await typeInto(page, "chk4.held", "30");
  await page.waitForFunction(() => document.querySelector("#track-error-held")?.textContent.includes("Pas plus que les rendez-vous pris (24)"));
  assert.equal(await page.getAttribute('input[name="chk4.held"]', "aria-invalid"), "true");
  assert.equal(await page.getAttribute(".track-results", "aria-busy"), "true");
  await typeInto(page, "chk4.held", "22");
  await settled(page);
  assert.deepEqual(await trackValues(page), week4);

  // Reload: the campaign is still there, with the same figures.
  await page.waitForFunction(() => location.hash.includes("chk4.lost=9"));
  await page.reload();
  await ready(page);
  await page.locator('[data-testid="track-panel"]').scrollIntoViewIfNeeded();
  await settled(page);
  assert.deepEqual(await trackValues(page), week4);

  // The shared link opens the same campaign in a fresh profile.
  await page.click('[data-testid="copy-link"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-link-status"]').textContent !== "");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /chk1\.week=1&chk1\.booked=6/);
  const elsewhere = await freshContext(browser);
  const shared = await open(elsewhere, link.slice(server.url.length));
  await shared.locator('[data-testid="track-panel"]').scrollIntoViewIfNeeded();
  await settled(shared);
  assert.deepEqual(await trackValues(shared), week4);
  assert.deepEqual(shared.errors, []);
  await elsewhere.close();

  // The JSON export carries every checkpoint; imported elsewhere, the same.
  const { bytes } = await download(page, "export-json");
  const json = JSON.parse(bytes.toString("utf8"));
  assert.equal(json.scenarios[0].tracking.checkpoints.length, 4);
  assert.deepEqual(json.scenarios[0].tracking.checkpoints[3], { week: "4", booked: "24", held: "22", opps: "13", sales: "4", lost: "9" });
  const importer = await freshContext(browser);
  const imported = await open(importer);
  await imported.setInputFiles('[data-testid="library-import"]', { name: "campaign.json", mimeType: "application/json", buffer: bytes });
  await imported.waitForSelector('[data-testid="track-row"]');
  await imported.locator('[data-testid="track-panel"]').scrollIntoViewIfNeeded();
  await settled(imported);
  assert.deepEqual(await trackValues(imported), week4);
  // The library shows the tracked scenario's latest verdict and projected ROI.
  const line = imported.locator('[data-testid="library-tracking"]');
  await line.scrollIntoViewIfNeeded();
  await imported.waitForFunction(() => document.querySelector('[data-testid="library-tracking"]')?.dataset.value);
  assert.equal(await line.getAttribute("data-value"), "adjust");
  assert.equal(await line.getAttribute("data-roi"), "0.728");
  assert.equal(await line.textContent(), "Suivi\u00a0: ajuster, ROI projeté +72,8\u00a0%");
  await importer.close();

  // Weeks 5 to 12: the campaign runs to its end.
  await page.locator('[data-testid="track-panel"]').scrollIntoViewIfNeeded();
  for (let n = 5; n <= 12; n++) await recordWeek(page, n);
  await settled(page);
  assert.equal(await page.locator('[data-testid="track-row"]').count(), 12);
  assert.equal(await valueOf(page, "track-proj-break-even-price"), "");
  assert.match(await page.textContent('[data-testid="track-proj-break-even-price"]'), /Tous les rendez-vous sont déjà facturés/);
  // The chart: drawn, and its data has a row per checkpoint.
  const chart = page.locator('[data-testid="chart-tracking"]');
  await chart.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="chart-tracking"]')?.dataset.draws) > 0);
  await page.click(".chart-tracking summary");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="track-chart-row"]').length === 12);
  assert.match(await chart.getAttribute("aria-label"), /semaine 12\u00a0: 50 rendez-vous pris \(prévu 46,15\), 9 ventes/);

  // The next campaign starts from the observed rates (week 12: 4 no-shows
  // of 50, 26 opportunities of 46 held, 9 won of 25 decided).
  await page.locator('[data-testid="track-next-plan"]').scrollIntoViewIfNeeded();
  await page.click('[data-testid="track-next-plan"]');
  await page.waitForSelector('[data-testid="track-empty"]');
  assert.equal(await page.inputValue('input[name="noshow"]'), "8");
  assert.equal(await page.inputValue('input[name="opp"]'), "56,5217");
  assert.equal(await page.inputValue('input[name="win"]'), "36");
  assert.equal(await page.inputValue('input[name="price"]'), "250");
  assert.match(await page.textContent('[data-testid="track-status"]'), /Taux constatés chargés dans le formulaire/);
  await page.waitForFunction(() => !location.hash.includes("chk1"));
  // Undo brings the tracked campaign back.
  await page.click('[data-testid="track-undo"]');
  await page.waitForSelector('[data-testid="track-row"]');
  assert.equal(await page.locator('[data-testid="track-row"]').count(), 12);
  assert.equal(await page.inputValue('input[name="win"]'), "50");
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("a hostile link: checkpoints out of order, going backwards, past the 52nd are listed", async () => {
  const context = await freshContext(browser);
  const chk = (n, week, b, h, o, s) => `chk${n}.week=${week}&chk${n}.booked=${b}&chk${n}.held=${h}&chk${n}.opps=${o}&chk${n}.sales=${s}`;
  const link = `#v=1&${chk(1, 5, 12, 11, 6, 1)}&${chk(2, 3, 14, 12, 6, 1)}&${chk(3, 6, 10, 10, 6, 1)}&${chk(4, 7, 14, 12, 7, 2)}&chk53.week=9`;
  const page = await open(context, link);
  const items = await page.locator('[data-testid="notice-link-ignored"] li').allTextContents();
  assert.ok(items.some((t) => /«\u00a0chk2\.week=3\u00a0»\u00a0: point d’étape ignoré\. Une semaine après la semaine 5/.test(t)), items.join("\n"));
  assert.ok(items.some((t) => /«\u00a0chk3\.booked=10\u00a0»\u00a0: point d’étape ignoré\. Un cumul ne recule pas\u00a0: au moins 12/.test(t)), items.join("\n"));
  assert.ok(items.some((t) => /«\u00a0chk53\.week=9\u00a0»\u00a0: au-delà des 52 points d’étape/.test(t)), items.join("\n"));
  // The two that fit load, renumbered.
  await page.locator('[data-testid="track-panel"]').scrollIntoViewIfNeeded();
  assert.equal(await page.locator('[data-testid="track-row"]').count(), 2);
  assert.equal(await valueOf(page, "track-2-week"), "7");
  await settled(page);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("a link with 10,000 checkpoints: the page stays fast and says what it ignored", async () => {
  const context = await freshContext(browser);
  const parts = [];
  for (let n = 1; n <= 10_000; n++) parts.push(`chk${n}.week=${n}&chk${n}.booked=${n}&chk${n}.held=${n}&chk${n}.opps=0&chk${n}.sales=0`);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  const started = Date.now();
  await page.goto(`${server.url}#v=1&price=150&${parts.join("&")}`);
  await ready(page);
  const took = Date.now() - started;
  assert.ok(took < 10_000, `first figure after ${took} ms`);
  assert.equal(await valueOf(page, "total-cost"), "7500");
  const notice = await page.textContent('[data-testid="notice-link-ignored"]');
  assert.match(notice, /au-delà des 52 points d’étape/);
  assert.match(notice, /… et \d+ autres/);
  // 52 checkpoints load; typing still answers at once.
  await page.locator('[data-testid="track-panel"]').scrollIntoViewIfNeeded();
  assert.equal(await page.locator('[data-testid="track-row"]').count(), 52);
  await settled(page);
  const typed = Date.now();
  await page.fill('input[name="price"]', "160");
  await page.waitForFunction(() => document.querySelector('[data-testid="total-cost"]')?.dataset.value === "8000");
  assert.ok(Date.now() - typed < 2_000, `a price edit took ${Date.now() - typed} ms`);
  await settled(page);
  // The chart's band: 52 checkpoints in one run, well under a frame budget per checkpoint.
  const millis = Number(await page.getAttribute('[data-testid="track-panel"]', "data-sim-ms"));
  assert.ok(millis < 1_000, `the tracking run took ${millis} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a scenario stored before campaign tracking loads, with no checkpoint", async () => {
  const context = await freshContext(browser);
  const stored = await readFile(new URL("../fixtures/storage/working-v2.json", import.meta.url), "utf8");
  assert.ok(!stored.includes("checkpoints"));
  await context.addInitScript((text) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem("teleprospection-roi/working", text);
      sessionStorage.setItem("seeded", "1");
    }
  }, stored);
  const page = await open(context);
  assert.equal(await page.inputValue('input[name="scenario-name"]'), "PME industrielles");
  assert.equal(await page.inputValue('input[name="meetings"]'), "80");
  await page.locator('[data-testid="track-panel"]').scrollIntoViewIfNeeded();
  assert.ok(await page.isVisible('[data-testid="track-empty"]'));
  assert.equal(await page.locator('[data-testid="track-row"]').count(), 0);
  assert.ok(!(await page.evaluate(() => localStorage.getItem("teleprospection-roi/working"))).includes("checkpoints"));
  // Tracking starts from there: the first checkpoint is saved with it.
  await page.click('[data-testid="track-add"]');
  await typeInto(page, "chk1.booked", "5");
  await typeInto(page, "chk1.held", "4");
  await page.waitForFunction(() => (localStorage.getItem("teleprospection-roi/working") || "").includes('"checkpoints"'));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test("by keyboard and screen reader: add, remove and undo; no serious axe violation; a phone's width", async () => {
  const context = await freshContext(browser, { bypassCSP: true, viewport: { width: 360, height: 740 } });
  const page = await open(context, "#v=1&price=250&chk1.week=1&chk1.booked=6&chk1.held=6&chk1.opps=3&chk1.sales=0");
  await page.locator('[data-testid="track-panel"]').scrollIntoViewIfNeeded();
  await settled(page);
  await page.focus('[data-testid="track-add"]');
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.name === "chk2.booked");
  await page.keyboard.type("12");
  await page.focus('[data-testid="track-1-remove"]');
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "track-undo");
  assert.match(await page.textContent('[data-testid="track-status"]'), /Point d’étape de la semaine 1 supprimé/);
  assert.equal(await page.locator('[data-testid="track-row"]').count(), 1);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="track-row"]').length === 2);
  assert.equal(await valueOf(page, "track-1-week"), "1");
  assert.equal(await valueOf(page, "track-2-booked"), "12");
  await settled(page);
  // Nothing runs off a 360 px screen: wide tables scroll inside their box.
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360);
  await twoFrames(page);
  const violations = await seriousAxeViolations(page);
  assert.deepEqual(violations, []);
  await context.close();
});

test("the printed report lists the checkpoints with the plan to date and the latest verdict", async () => {
  const context = await freshContext(browser);
  await context.addInitScript(() => {
    window.print = () => {
      window.printed = (window.printed || 0) + 1;
    };
  });
  const weeks = CAMPAIGN.slice(0, 4)
    .map(([b, h, o, s, l], i) => `chk${i + 1}.week=${i + 1}&chk${i + 1}.booked=${b}&chk${i + 1}.held=${h}&chk${i + 1}.opps=${o}&chk${i + 1}.sales=${s}&chk${i + 1}.lost=${l}`)
    .join("&");
  const page = await open(context, `#v=1&price=250&${weeks}`);
  await page.click('[data-testid="print"]');
  await page.waitForFunction(() => window.printed === 1);
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible('[data-testid="print-tracking"]'), true);
  assert.equal(await page.isVisible('[data-testid="track-panel"]'), false, "the panel's boxes stay off paper");
  const rows = await page.$$eval(".print-tracking tbody tr", (rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent)));
  assert.equal(rows.length, 4);
  assert.deepEqual(rows[3].slice(0, 2), ["4", "24 (prévu 15,38)"]);
  assert.equal(rows[3][7], "+72,8\u00a0%");
  assert.equal(await page.getAttribute('[data-testid="print-track-verdict"]', "data-value"), "adjust");
  assert.match(await page.textContent('[data-testid="print-track-verdict"]'), /Ajuster\u00a0: opportunité → vente à 30,8\u00a0%/);
  const pdf = (await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true })).toString("latin1");
  const pages = (pdf.match(/\/Type\s*\/Page(?!s)/g) || []).length;
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
  assert.deepEqual(page.errors, []);
  await context.close();
});
