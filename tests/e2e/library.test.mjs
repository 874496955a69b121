// The saved library on the release build: save, reload, rename, duplicate,
// delete and undo; two tabs; a shared link leaves the library alone;
// export and import; CSV for French and English spreadsheets; copy link;
// the printed page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { startApp, stopApp, freshContext, valueOf, ready, savedContaining } from "./harness.mjs";

let server;
let browser;

before(async () => {
  ({ server, browser } = await startApp());
});
after(() => stopApp({ server, browser }));

const LIBRARY_KEY = "teleprospection-roi/library";

async function open(context, url = server.url) {
  const page = await context.newPage();
  await page.goto(url);
  await ready(page);
  return page;
}

/// The list as [name, ROI data-value] pairs, in display order.
async function listed(page) {
  return page.$$eval('[data-testid="library"] [data-testid="library-item"]', (items) =>
    items.map((item) => [
      item.querySelector('[data-testid="library-item-name"]').textContent,
      item.querySelector('[data-testid="library-roi"]').dataset.value,
    ]),
  );
}

async function waitForList(page, expected) {
  await page
    .waitForFunction(
      (expected) =>
        JSON.stringify(
          [...document.querySelectorAll('[data-testid="library-item"]')].map((item) => [
            item.querySelector('[data-testid="library-item-name"]').textContent,
            item.querySelector('[data-testid="library-roi"]').dataset.value,
          ]),
        ) === JSON.stringify(expected),
      expected,
      { timeout: 5000 },
    )
    .catch(() => {});
  assert.deepEqual(await listed(page), expected);
}

/// The library item named `name`.
const item = (page, name) =>
  page.locator('[data-testid="library-item"]', {
    has: page.locator('[data-testid="library-item-name"]', { hasText: new RegExp(`^${name}$`) }),
  });

async function setName(page, name) {
  await page.fill('input[name="scenario-name"]', name);
}

test("two saved scenarios are listed with their ROI after a reload", async () => {
  const context = await freshContext(browser);
  const page = await open(context);
  assert.equal(await page.textContent('[data-testid="library-state"]'), "Pas encore enregistré");
  await setName(page, "Alpha");
  await page.fill('input[name="price"]', "240");
  await page.click('[data-testid="library-save"]');
  await waitForList(page, [["Alpha", "1.4"]]);
  assert.equal(await page.textContent('[data-testid="library-state"]'), "Enregistré");
  // A second scenario: another name and price, saved as new.
  await setName(page, "Beta");
  await page.fill('input[name="price"]', "150");
  assert.equal(await page.textContent('[data-testid="library-state"]'), "Modifications non enregistrées");
  await page.click('[data-testid="library-save-as"]');
  // 7,500 € of cost against 28,800 € of margin: ROI +284 %. Newest first.
  await waitForList(page, [["Beta", "2.84"], ["Alpha", "1.4"]]);

  await page.goto(server.url);
  await ready(page);
  await waitForList(page, [["Beta", "2.84"], ["Alpha", "1.4"]]);
  // The scenario on screen is still tied to its entry.
  assert.equal(await page.textContent('[data-testid="library-state"]'), "Enregistré");
  assert.equal(await item(page, "Beta").getAttribute("class"), "library-item open");
  // Opening Alpha shows its figures; undo brings Beta back.
  await item(page, "Alpha").locator('[data-testid="library-open"]').click();
  assert.equal(await valueOf(page, "roi"), "1.4");
  assert.equal(await page.inputValue('input[name="scenario-name"]'), "Alpha");
  await page.click('[data-testid="library-undo"]');
  assert.equal(await valueOf(page, "roi"), "2.84");
  assert.equal(await page.inputValue('input[name="scenario-name"]'), "Beta");
  await context.close();
});

test("rename, duplicate, delete and undo", async () => {
  const context = await freshContext(browser);
  const page = await open(context);
  await setName(page, "Alpha");
  await page.fill('input[name="price"]', "240");
  await page.click('[data-testid="library-save"]');
  await waitForList(page, [["Alpha", "1.4"]]);

  await item(page, "Alpha").locator('[data-testid="library-rename"]').click();
  const field = page.locator('[data-testid="library-rename-input"]');
  assert.equal(await field.inputValue(), "Alpha");
  // A blank name is refused where it is typed, and nothing is renamed.
  await field.fill("   ");
  await field.press("Enter");
  assert.equal(await field.evaluate((input) => input.validity.valid), false);
  // A rename left with Escape starts again from the name.
  await field.fill("Beta");
  await field.press("Escape");
  await waitForList(page, [["Alpha", "1.4"]]);
  await item(page, "Alpha").locator('[data-testid="library-rename"]').click();
  await page.waitForFunction(() => document.activeElement?.dataset.testid === "library-rename-input");
  assert.equal(await field.inputValue(), "Alpha");
  await field.fill("Gamma");
  await field.press("Enter");
  await waitForList(page, [["Gamma", "1.4"]]);
  // Keyboard focus comes back to the renamed item's Rename button.
  await page.waitForFunction(() => document.activeElement?.dataset.testid === "library-rename");
  // The open scenario follows its new name, and is still saved.
  assert.equal(await page.inputValue('input[name="scenario-name"]'), "Gamma");
  assert.equal(await page.textContent('[data-testid="library-state"]'), "Enregistré");

  await item(page, "Gamma").locator('[data-testid="library-duplicate"]').click();
  await waitForList(page, [["Gamma (copie)", "1.4"], ["Gamma", "1.4"]]);
  assert.match(await page.textContent('[data-testid="library-status"]'), /Copie créée/);

  await item(page, "Gamma").locator('[data-testid="library-delete"]').click();
  await waitForList(page, [["Gamma (copie)", "1.4"]]);
  assert.match(await page.textContent('[data-testid="library-status"]'), /Gamma\u00a0» supprimé/);
  // The deleted scenario was on screen: it stays there, no longer saved.
  assert.equal(await page.textContent('[data-testid="library-state"]'), "Pas encore enregistré");
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "library-undo");
  await page.click('[data-testid="library-undo"]');
  await waitForList(page, [["Gamma (copie)", "1.4"], ["Gamma", "1.4"]]);
  assert.equal(await page.textContent('[data-testid="library-state"]'), "Enregistré");

  await page.goto(server.url);
  await ready(page);
  await waitForList(page, [["Gamma (copie)", "1.4"], ["Gamma", "1.4"]]);
  await context.close();
});

test("two pages on the same origin see each other's saves, and no save overwrites a newer one", async () => {
  const context = await freshContext(browser);
  const a = await open(context);
  const b = await open(context);
  await setName(a, "From A");
  await a.fill('input[name="price"]', "240");
  await a.click('[data-testid="library-save"]');
  await waitForList(b, [["From A", "1.4"]]);
  await setName(b, "From B");
  await b.click('[data-testid="library-save-as"]');
  await waitForList(a, [["From B", "3.8"], ["From A", "1.4"]]);

  // B opens A's scenario and saves a change: A, with no change of its own,
  // follows.
  await item(b, "From A").locator('[data-testid="library-open"]').click();
  await b.fill('input[name="price"]', "200");
  await b.click('[data-testid="library-save"]');
  await a.waitForFunction(() => document.querySelector('[data-testid="roi"]').dataset.value === "1.88");
  assert.equal(await a.inputValue('input[name="price"]'), "200");
  assert.match(await a.textContent('[data-testid="library-status"]'), /modifié dans un autre onglet/);

  // Now both change it; B saves first. A is told and chooses; nothing is
  // overwritten silently.
  await a.fill('input[name="price"]', "300");
  await b.fill('input[name="price"]', "210");
  await b.click('[data-testid="library-save"]');
  await a.waitForSelector('[data-testid="library-conflict"]');
  await a.click('[data-testid="library-save"]');
  const stored = await a.evaluate((key) => JSON.parse(localStorage.getItem(key)), LIBRARY_KEY);
  const fromA = stored.scenarios.find((s) => s.draft.name === "From A");
  assert.equal(fromA.draft.central.price, "210", "A's stale save was refused");
  await a.click('[data-testid="library-conflict-mine"]');
  await waitForList(a, [["From A", "0.92"], ["From B", "3.8"]]);
  // B had no change since its save: it now shows A's version.
  await b.waitForFunction(() => document.querySelector('[data-testid="roi"]').dataset.value === "0.92");
  await waitForList(b, [["From A", "0.92"], ["From B", "3.8"]]);
  await context.close();
});

test("opening a shared link does not change the library", async () => {
  const context = await freshContext(browser);
  const page = await open(context);
  await setName(page, "Kept");
  await page.fill('input[name="price"]', "240");
  await page.click('[data-testid="library-save"]');
  await waitForList(page, [["Kept", "1.4"]]);
  const before = await page.evaluate((key) => localStorage.getItem(key), LIBRARY_KEY);
  // The working copy is saved once typing pauses (or when the tab hides,
  // which a second headless page does not do): wait for it, as the undo
  // below restores it.
  await savedContaining(page, '"price":"240"');

  const shared = await open(context, `${server.url}#v=1&price=300&name=Shared`);
  assert.equal(await valueOf(shared, "roi"), "0.92");
  await waitForList(shared, [["Kept", "1.4"]]);
  assert.equal(await shared.textContent('[data-testid="library-state"]'), "Pas encore enregistré");
  assert.match(await shared.textContent('[data-testid="library-status"]'), /ouvert depuis un lien/);
  assert.equal(await shared.evaluate((key) => localStorage.getItem(key), LIBRARY_KEY), before);
  // What was on screen before the link can come back.
  await shared.click('[data-testid="library-undo"]');
  assert.equal(await valueOf(shared, "roi"), "1.4");
  assert.equal(await shared.textContent('[data-testid="library-state"]'), "Enregistré");
  assert.equal(await shared.evaluate((key) => localStorage.getItem(key), LIBRARY_KEY), before);
  await context.close();
});

const SCENARIO_FIGURES = ["roi", "net-result", "sales", "break-even-price"].flatMap((id) =>
  ["prudent", "central", "ambitious"].map((variant) => `scenario-${variant}-${id}`),
);
const allFigures = (page) =>
  Promise.all(["roi", "net-result", "total-cost", "payback-month", ...SCENARIO_FIGURES].map((id) => valueOf(page, id)));

async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid="${testid}"]`)]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test("a JSON export imports back to the same figures", async () => {
  const context = await freshContext(browser);
  const page = await open(context);
  await setName(page, "Export me");
  await page.fill('input[name="meetings"]', "80");
  await page.fill('input[name="noshow"]', "12,5");
  await page.fill('input[name="prudent.win"]', "20");
  await page.waitForFunction(() => location.hash.includes("prudent.win=20"));
  const expected = await allFigures(page);
  const { name, bytes } = await download(page, "export-json");
  assert.equal(name, "export-me.json");
  const json = JSON.parse(bytes.toString("utf8"));
  assert.equal(json.format, "teleprospection-roi/scenarios");
  assert.equal(json.schema, 1);
  const [scenario] = json.scenarios;
  for (const variant of ["central", "prudent", "ambitious"]) {
    assert.equal(Object.keys(scenario[variant]).length, 20, `every input of ${variant}`);
  }
  assert.equal(scenario.central.noshow, "12.5");
  assert.equal(scenario.prudent.win, "20");
  assert.deepEqual(scenario.overridden.prudent, ["win"]);
  await context.close();

  // A fresh profile imports it: same figures, and it is in the library.
  const other = await freshContext(browser);
  const fresh = await open(other);
  assert.notDeepEqual(await allFigures(fresh), expected);
  await fresh.setInputFiles('[data-testid="library-import"]', {
    name: "export-me.json",
    mimeType: "application/json",
    buffer: bytes,
  });
  await fresh.waitForFunction(() => document.querySelector('[data-testid="sales"]').dataset.value !== "12");
  assert.deepEqual(await allFigures(fresh), expected);
  assert.equal(await fresh.inputValue('input[name="scenario-name"]'), "Export me");
  assert.equal((await listed(fresh)).map(([n]) => n).join(), "Export me");
  assert.match(await fresh.textContent('[data-testid="library-status"]'), /1 scénario importé dans vos scénarios/);

  // A damaged file: what is valid loads, the rest is listed in words.
  const broken = JSON.parse(bytes.toString("utf8"));
  broken.scenarios[0].name = "Damaged";
  broken.scenarios[0].central.win = "250";
  broken.scenarios[0].central.colour = "red";
  await fresh.setInputFiles('[data-testid="library-import"]', {
    name: "broken.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  await fresh.waitForSelector('[data-testid="import-problems"]');
  const problems = await fresh.textContent('[data-testid="import-problems"]');
  assert.match(problems, /Scénario 1, «\u00a0win\u00a0»\u00a0: valeur refusée/);
  assert.match(problems, /«\u00a0colour\u00a0»\u00a0: nom inconnu/);
  assert.equal(await fresh.inputValue('input[name="scenario-name"]'), "Damaged");
  assert.equal(await fresh.inputValue('input[name="win"]'), "50");

  await fresh.setInputFiles('[data-testid="library-import"]', {
    name: "notes.json",
    mimeType: "application/json",
    buffer: Buffer.from("{ not json"),
  });
  await fresh.waitForFunction(() =>
    document.querySelector('[data-testid="library-status"]').textContent.includes("Rien n’a été importé"),
  );
  assert.match(await fresh.textContent('[data-testid="import-problems"]'), /pas du JSON/);
  await other.close();
});

test("the CSV opens in a French and in an English spreadsheet", async () => {
  const context = await freshContext(browser);
  const page = await open(context);
  await setName(page, "Tableur");
  await page.fill('input[name="noshow"]', "12,5");
  await page.waitForFunction(() => location.hash.includes("noshow=12.5"));
  const fr = await download(page, "export-csv");
  assert.equal(fr.name, "tableur.csv");
  assert.deepEqual([...fr.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte-order mark");
  const frLines = fr.bytes.toString("utf8").slice(1).split("\r\n");
  assert.deepEqual(frLines[0].split(";"), ["Scénario", "Tableur"]);
  const noshow = frLines.find((l) => l.startsWith("Rendez-vous non honorés;"));
  assert.deepEqual(noshow.split(";"), ["Rendez-vous non honorés", "%", "22,5", "12,5", "7,5"]);
  const roi = frLines.find((l) => l.startsWith("ROI;")).split(";");
  assert.equal(roi[3], "300");
  assert.match(frLines.find((l) => l.startsWith("Lien;")), /#v=1&noshow=12\.5/);

  await page.click('[data-testid="lang-en"]');
  const en = await download(page, "export-csv");
  const enLines = en.bytes.toString("utf8").slice(1).split("\r\n");
  assert.deepEqual(enLines[0].split(","), ["Scenario", "Tableur"]);
  const enNoshow = enLines.find((l) => l.startsWith("No-show rate,"));
  assert.deepEqual(enNoshow.split(","), ["No-show rate", "%", "22.5", "12.5", "7.5"]);
  await context.close();
});

test("copy link: to the clipboard, or selected in a field when there is none", async () => {
  const context = await freshContext(browser, { permissions: ["clipboard-read", "clipboard-write"] });
  const page = await open(context, `${server.url}#v=1&price=150`);
  await page.click('[data-testid="copy-link"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-link-status"]').textContent !== "");
  assert.equal(await page.textContent('[data-testid="copy-link-status"]'), "Lien copié dans le presse-papiers.");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
  // Copied while a field is wrong: the link keeps the last valid value, and
  // the status says so.
  await page.fill('input[name="price"]', "abc");
  await page.waitForSelector('input[name="price"][aria-invalid="true"]');
  await page.click('[data-testid="copy-link"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-link-status"]').textContent.includes("dernière valeur valide"));
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /price=150/);
  await context.close();

  const bare = await freshContext(browser);
  await bare.addInitScript(() => Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }));
  const fallback = await open(bare, `${server.url}#v=1&price=150`);
  await fallback.click('[data-testid="copy-link"]');
  await fallback.waitForSelector('[data-testid="share-link-field"]');
  assert.match(await fallback.textContent('[data-testid="copy-link-status"]'), /le lien est sélectionné/);
  const selected = await fallback.evaluate(() => {
    const field = document.querySelector('[data-testid="share-link-field"]');
    return {
      focused: document.activeElement === field,
      readOnly: field.readOnly,
      value: field.value,
      whole: field.selectionStart === 0 && field.selectionEnd === field.value.length,
    };
  });
  assert.deepEqual(selected, { focused: true, readOnly: true, value: fallback.url(), whole: true });
  await bare.close();
});

test("a failed save keeps the previous good copy and says so", async () => {
  const context = await freshContext(browser);
  const page = await open(context);
  await setName(page, "Safe");
  await page.fill('input[name="price"]', "240");
  await page.click('[data-testid="library-save"]');
  await waitForList(page, [["Safe", "1.4"]]);
  const before = await page.evaluate((key) => localStorage.getItem(key), LIBRARY_KEY);
  // Storage full from now on.
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException("full", "QuotaExceededError");
    };
  });
  await page.fill('input[name="price"]', "300");
  await page.click('[data-testid="library-save"]');
  assert.match(await page.textContent('[data-testid="library-status"]'), /copie enregistrée précédente est intacte/);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), LIBRARY_KEY), before);
  await waitForList(page, [["Safe", "1.4"]]);
  assert.equal(await page.textContent('[data-testid="library-state"]'), "Modifications non enregistrées");
  await context.close();
});

test("an unreadable library is kept aside; a newer one is left untouched", async () => {
  const context = await freshContext(browser);
  const page = await open(context);
  await page.evaluate((key) => localStorage.setItem(key, "{broken"), LIBRARY_KEY);
  await page.goto(server.url);
  await ready(page);
  assert.ok(await page.isVisible('[data-testid="notice-storage-unreadable"]'));
  assert.equal(
    await page.evaluate(() => localStorage.getItem("teleprospection-roi/library-unreadable-backup")),
    "{broken",
  );
  // The raw copy can be taken away, byte for byte.
  const backup = await download(page, "download-backup");
  assert.equal(backup.bytes.toString("utf8"), "{broken");
  await setName(page, "After");
  await page.click('[data-testid="library-save"]');
  await waitForList(page, [["After", "3.8"]]);

  const newer = JSON.stringify({ schema: 99, scenarios: [{ anything: true }] });
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [LIBRARY_KEY, newer]);
  await page.goto(server.url);
  await ready(page);
  assert.ok(await page.isVisible('[data-testid="notice-storage-newer"]'));
  await page.click('[data-testid="library-save-as"]');
  assert.match(await page.textContent('[data-testid="library-status"]'), /ne sont pas modifiés ici/);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), LIBRARY_KEY), newer);
  await context.close();
});

test("the printed report fits one A4 page with the name, date, link, inputs, figures and charts", async () => {
  const context = await freshContext(browser);
  await context.addInitScript(() => {
    window.print = () => {
      window.printed = (window.printed || 0) + 1;
    };
  });
  // A long scenario: every input set, variants overridden, a long name.
  const name = "Campagne PME industrielles Île-de-France et Hauts-de-France 2026";
  const link =
    "#v=1&meetings=80&price=150&basis=held&noshow=12.5&setup=500&opp=45&win=30&rounding=expected" +
    "&deal=9000&margin=35&recurring=2000&retention=70&years=3&hours=2.5&hourly=60&fixed=1500&months=6" +
    "&cycle=3&target=150&multiple=4&prudent.win=20&prudent.deal=7000&ambitious.deal=12000" +
    `&ambitious.noshow=5&name=${encodeURIComponent(name)}`;
  for (const lang of ["fr", "en"]) {
    const page = await open(context, `${server.url}${link}&lang=${lang}`);
    await page.click('[data-testid="print"]');
    await page.waitForFunction(() => window.printed === 1);

    await page.emulateMedia({ media: "print" });
    const shown = (selector) => page.isVisible(selector);
    assert.equal(await shown('[data-testid="print-report"]'), true);
    assert.equal(await shown(".library"), false, "tools stay off paper");
    assert.equal(await shown("form"), false);
    assert.equal(await shown('[data-testid="roi"]'), true);
    assert.equal(await shown('[data-testid="chart-price"]'), true);
    assert.equal(await shown('[data-testid="chart-cash"]'), true);
    assert.equal(await shown('[data-testid="scenario-prudent-roi"]'), true);
    const report = await page.textContent('[data-testid="print-report"]');
    assert.ok(report.includes(name), report);
    const date = lang === "fr" ? /Édité le \d\d\/\d\d\/\d{4} à \d\d:\d\d/ : /Printed on \d{4}-\d\d-\d\d \d\d:\d\d/;
    assert.match(report, date);
    assert.equal(await page.textContent('[data-testid="print-link"]'), page.url());
    // Inputs as text, values set by hand in bold.
    const inputs = await page.$$eval(".print-inputs tbody tr", (rows) =>
      rows.map((row) => [...row.children].map((cell) => cell.textContent + (cell.classList.contains("set-by-hand") ? "*" : ""))),
    );
    assert.equal(inputs.length, 20);
    const noshow = lang === "fr" ? ["Rendez-vous non honorés", "22,5\u00a0%", "12,5\u00a0%", "5\u00a0%*"] : ["No-show rate", "22.5%", "12.5%", "5%*"];
    assert.deepEqual(inputs.find((row) => row[0] === noshow[0]), noshow);

    const pdf = (await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true })).toString("latin1");
    const pages = pdf.match(/\/Type\s*\/Page(?!s)/g) || [];
    assert.equal(pages.length, 1, `one A4 page (${lang})`);
    await page.close();
  }
  await context.close();
});

test("the library is usable on a 360 px phone and passes axe with items, problems and the link field", async () => {
  // bypassCSP: only so that axe-core can be injected as a script.
  const context = await freshContext(browser, { viewport: { width: 360, height: 800 }, bypassCSP: true });
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }));
  const page = await open(context);
  await setName(page, "Un nom de scénario assez long pour passer à la ligne sur un téléphone");
  await page.click('[data-testid="library-save"]');
  await page.click('[data-testid="library-save-as"]');
  await item(page, "Un nom de scénario assez long pour passer à la ligne sur un téléphone")
    .locator('[data-testid="library-delete"]')
    .click();
  await page.setInputFiles('[data-testid="library-import"]', {
    name: "bad.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"format":"teleprospection-roi/scenarios","schema":1,"scenarios":[{"name":"Imported","central":{"price":"-4"}}]}'),
  });
  await page.waitForSelector('[data-testid="import-problems"]');
  await page.click('[data-testid="copy-link"]');
  await page.waitForSelector('[data-testid="share-link-field"]');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), "no sideways scrolling");
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve("axe-core/axe.min.js") });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document.querySelector(".library"), { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  await context.close();
});

test("one press from the results reaches the library's Save button", async () => {
  const context = await freshContext(browser);
  const page = await open(context);
  await page.click('[data-testid="jump-to-library"]');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === "library-save");
  assert.ok(await page.locator('[data-testid="library-save"]').isVisible());
  // Nothing but the focus moved: the address still holds the scenario.
  assert.doesNotMatch(page.url(), /#library/);
  await context.close();
});
