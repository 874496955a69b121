// On a 390 px phone, in French and in English: every choice of the form
// reads whole in its box (no "…absences c"), and the tables outside the
// charts (figure details, the three scenarios, the compared models) show
// all their columns without scrolling sideways, for a winning, a losing and
// a renewing scenario; and the embed's groups open onto their fields.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startApp, stopApp, freshContext, ready } from "./harness.mjs";

let server;
let browser;

before(async () => {
  ({ server, browser } = await startApp());
});
after(() => stopApp({ server, browser }));

const PHONE = { width: 390, height: 844 };
/// Room Chromium's select keeps for its arrow, beside the text.
const ARROW_PX = 24;

async function openAll(page) {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll("details")) details.open = true;
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/// Each option of each select of the form, with its text's width in the
/// select's font and the room the select gives it.
function selectRooms(page) {
  return page.evaluate((arrow) => {
    const context = document.createElement("canvas").getContext("2d");
    return [...document.querySelectorAll(".inputs select, .more-inputs select")].flatMap((select) => {
      const style = getComputedStyle(select);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - arrow;
      return [...select.options].map((option) => ({
        name: select.name,
        text: option.text,
        width: Math.ceil(context.measureText(option.text).width),
        room: Math.floor(room),
      }));
    });
  }, ARROW_PX);
}

for (const lang of ["fr", "en"]) {
  for (const embed of [false, true]) {
    const where = embed ? "the embed" : "the page";
    test(`every choice of the form reads whole at 390 px (${where}, ${lang})`, async () => {
      const context = await freshContext(browser, { viewport: PHONE });
      const page = await context.newPage();
      await page.goto(`${server.url}${embed ? "?embed=1&" : "#v=1&"}lang=${lang}`);
      await ready(page);
      await openAll(page);
      const rooms = await selectRooms(page);
      assert.ok(rooms.length >= 4, JSON.stringify(rooms));
      for (const option of rooms) {
        assert.ok(option.room > 0, `${option.name} is shown: ${JSON.stringify(option)}`);
        assert.ok(option.width <= option.room, `cut: ${JSON.stringify(option)}`);
      }
      await context.close();
    });
  }

  test(`the tables outside the charts keep all their columns on screen at 390 px (${lang})`, async () => {
    const context = await freshContext(browser, { viewport: PHONE });
    const page = await context.newPage();
    for (const scenario of ["v=1", "v=1&price=700", "v=1&recurring=3000&years=3"]) {
      await page.goto(`${server.url}#${scenario}&lang=${lang}`);
      await ready(page);
      await page.waitForFunction((s) => location.hash.includes(s.split("&").at(-1)), scenario);
      await openAll(page);
      const tables = await page.evaluate(() =>
        [...document.querySelectorAll("table")]
          .filter((table) => !table.closest(".chart"))
          .map((table) => {
            const box = table.parentElement;
            const section = table.closest("section, details")?.className || table.className;
            return { section, table: Math.ceil(table.getBoundingClientRect().width), room: box.clientWidth, right: table.getBoundingClientRect().right };
          }),
      );
      const names = tables.map((t) => t.section).join(" ");
      for (const expected of ["details", "scenarios", "decide-panel"]) {
        assert.match(names, new RegExp(expected), `a ${expected} table is there: ${names}`);
      }
      for (const table of tables) {
        assert.ok(table.table <= table.room && table.right <= PHONE.width, `${scenario}: ${JSON.stringify(table)}`);
      }
    }
    await context.close();
  });
}

test("in the embed, an opened group shows its fields", async () => {
  const context = await freshContext(browser, { viewport: PHONE });
  const page = await context.newPage();
  await page.goto(`${server.url}?embed=1`);
  await ready(page);
  await page.click("#group-contract > summary");
  assert.ok(await page.locator('select[name="basis"]').isVisible());
  assert.ok(await page.locator('input[name="setup"]').isVisible());
  // The scenario's name stays out of the embed.
  assert.equal(await page.locator('input[name="scenario-name"]').isVisible(), false);
  await context.close();
});
