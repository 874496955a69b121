// An automated accessibility check: axe-core injected into the page (from
// node_modules, no network) must find no serious or critical violation,
// in French and in English, with an error shown; and at 390 and 1280 px,
// on the page and in the embed (with a host accent), every group of the
// form closed and then open.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { startApp, stopApp, freshContext, ready, serveHtml, seriousAxeViolations } from "./harness.mjs";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
let server;
let browser;

before(async () => {
  ({ server, browser } = await startApp());
});
after(() => stopApp({ server, browser }));

async function seriousViolations(page) {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

for (const [lang, width] of [["fr", 1280], ["en", 360]]) {
  test(`no serious or critical axe violation (${lang}, ${width} px, with a field error)`, async () => {
    // axe-core goes in as an inline script, which the app's CSP rightly refuses.
    const context = await freshContext(browser, { viewport: { width, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}#v=1&lang=${lang}`);
    await ready(page);
    await page.fill('input[name="noshow"]', "150");
    await page.waitForSelector('input[name="noshow"][aria-invalid="true"]');
    const violations = await seriousViolations(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    await context.close();
  });
}

/// Opens every group of the form (`details.group`), as a visitor refining
/// the scenario would, and waits for what opening them draws.
async function openGroups(target) {
  const count = await target.evaluate(() => {
    const groups = document.querySelectorAll("details.group");
    for (const group of groups) group.open = true;
    return groups.length;
  });
  assert.ok(count >= 5, `the form's groups are there (${count})`);
  await target.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

for (const lang of ["fr", "en"]) {
  for (const width of [390, 1280]) {
    test(`no serious or critical axe violation with every group open (${lang}, ${width} px)`, async () => {
      const context = await freshContext(browser, { viewport: { width, height: width < 600 ? 844 : 900 }, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${server.url}#v=1&lang=${lang}`);
      await ready(page);
      const closed = await seriousAxeViolations(page);
      assert.deepEqual(closed, [], JSON.stringify(closed, null, 2));
      await openGroups(page);
      const open = await seriousAxeViolations(page);
      assert.deepEqual(open, [], JSON.stringify(open, null, 2));
      // A losing scenario: the verdict, cards and guardrails in red.
      await page.goto(`${server.url}#v=1&price=700&lang=${lang}`);
      await page.waitForSelector('[data-testid="roi"][data-value^="-"]');
      await openGroups(page);
      const losing = await seriousAxeViolations(page);
      assert.deepEqual(losing, [], JSON.stringify(losing, null, 2));
      await context.close();
    });

    test(`no serious or critical axe violation in the embed, groups closed and open (${lang}, ${width} px)`, async () => {
      const host = await serveHtml(
        `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Host</title></head><body>
<iframe id="roi" src="${server.url}?embed=1&lang=${lang}&accent=0f766e&cta.label=Devis&cta.url=${encodeURIComponent("https://example.com/")}" title="ROI" style="width:100%;border:0" height="1600"></iframe>
</body></html>`,
      );
      const context = await freshContext(browser, { viewport: { width, height: width < 600 ? 844 : 900 }, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(host.url);
      await page.waitForFunction(() => document.querySelector("#roi").contentWindow !== null);
      const frame = page.frames().find((f) => f.url().startsWith(server.url));
      await ready(frame);
      await frame.waitForSelector('[data-testid="cta"]');
      const closed = await seriousAxeViolations(frame);
      assert.deepEqual(closed, [], JSON.stringify(closed, null, 2));
      await openGroups(frame);
      const open = await seriousAxeViolations(frame);
      assert.deepEqual(open, [], JSON.stringify(open, null, 2));
      await context.close();
      await host.close();
    });
  }
}
