// An automated accessibility check: axe-core injected into the page (from
// node_modules, no network) must find no serious or critical violation,
// in French and in English, with an error shown.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { startApp, stopApp, freshContext, ready } from "./harness.mjs";

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
