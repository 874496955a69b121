// What a user types survives a reload; a shared link opens the same
// figures in a fresh profile; bad links and bad stored data never block.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, stopApp, freshContext, valueOf, ready, reveal } from "./harness.mjs";

let server;
let browser;

before(async () => {
  ({ server, browser } = await startApp());
});
after(() => stopApp({ server, browser }));

const FIGURES = ["roi", "net-result", "total-cost", "sales", "break-even-price", "payback-month"];
const figures = (page) => Promise.all(FIGURES.map((id) => valueOf(page, id)));

test("typing survives a reload", async () => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  await page.fill('input[name="price"]', "150");
  await page.fill('input[name="win"]', "40");
  await page.waitForFunction(() => document.querySelector('[data-testid="total-cost"]').dataset.value === "7500");
  const before = await figures(page);
  // Reload the bare address: the saved working scenario comes back.
  await page.goto(server.url);
  await ready(page);
  assert.equal(await page.inputValue('input[name="price"]'), "150");
  assert.deepEqual(await figures(page), before);
  await context.close();
});

test("the address follows the scenario and opens the same figures in a fresh profile", async () => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  await page.fill('input[name="meetings"]', "80");
  await page.fill('input[name="noshow"]', "12,5");
  await reveal(page, "basis");
  await page.selectOption('select[name="basis"]', "held");
  await page.waitForFunction(() => location.hash.includes("basis=held"));
  const link = page.url();
  assert.match(link, /#v=1&/);
  assert.match(link, /meetings=80/);
  assert.match(link, /noshow=12\.5/);
  assert.doesNotMatch(link, /price=/, "defaults are not written");
  const expected = await figures(page);
  await context.close();

  const other = await freshContext(browser);
  const opened = await other.newPage();
  await opened.goto(link);
  await ready(opened);
  assert.deepEqual(await figures(opened), expected);
  assert.equal(await opened.inputValue('input[name="noshow"]'), "12,5");
  await other.close();
});

test("a query string pre-fills the calculator (marketing-site links)", async () => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(server.url + "?price=200&lang=en");
  await ready(page);
  assert.equal(await valueOf(page, "total-cost"), "10000");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  await context.close();
});

test("a bad link loads what it can and says what it ignored", async () => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  const garbage = "x".repeat(100_000);
  await page.goto(`${server.url}#v=1&price=150&bogus=1&win=250&meetings=%ZZ&${garbage}`);
  await ready(page);
  assert.equal(await valueOf(page, "total-cost"), "7500");
  const notice = await page.textContent('[data-testid="notice-link-ignored"]');
  assert.match(notice, /bogus/);
  assert.match(notice, /win=250/);
  await context.close();
});

test("a link with hundreds of unknown keys lists a few and counts the rest", async () => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  const unknown = Array.from({ length: 300 }, (_, i) => `k${i}=1`).join("&");
  await page.goto(`${server.url}#v=1&price=150&${unknown}`);
  await ready(page);
  assert.equal(await valueOf(page, "total-cost"), "7500");
  const items = await page.locator('[data-testid="notice-link-ignored"] li').allTextContents();
  assert.equal(items.length, 9);
  assert.match(items[0], /k0/);
  assert.equal(items[8], "… et 292 autres");
  // The calculator stays within the first screens.
  const formTop = await page.evaluate(() => document.querySelector("main").getBoundingClientRect().top);
  assert.ok(formTop < 900, `the calculator starts ${formTop} px down`);
  await context.close();
});

test("unreadable stored data: the app starts, says so, and keeps the raw text", async () => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  // The autosave waits for a pause: let it land before spoiling it.
  await page.waitForFunction(() => localStorage.getItem("teleprospection-roi/working") !== null);
  await page.evaluate(() => localStorage.setItem("teleprospection-roi/working", "{not json"));
  await page.goto(server.url);
  await ready(page);
  assert.equal(await valueOf(page, "roi"), "3.8");
  assert.ok(await page.isVisible('[data-testid="notice-storage-unreadable"]'));
  const backup = await page.evaluate(() => localStorage.getItem("teleprospection-roi/unreadable-backup"));
  assert.equal(backup, "{not json");
  await context.close();
});

test("a scenario name with markup shows as plain text", async () => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  let alerted = false;
  page.on("dialog", async (dialog) => {
    alerted = true;
    await dialog.dismiss();
  });
  const raw = "<img src=x onerror=alert(1)><script>alert(2)</script>";
  await page.goto(`${server.url}#v=1&name=${encodeURIComponent(raw)}`);
  await ready(page);
  assert.equal(await page.textContent('[data-testid="scenario-name"]'), ` — ${raw}`);
  assert.equal(await page.inputValue('input[name="scenario-name"]'), raw);
  assert.equal(await page.locator("img[src=x]").count(), 0);
  assert.equal(alerted, false);
  await context.close();
});
