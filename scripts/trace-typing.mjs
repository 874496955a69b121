// Where the milliseconds of an edit go: records a Chromium trace of price
// edits at 4x CPU (as make bench measures them) and prints, per edit, the
// main thread's time by kind (script, style, layout, paint), slowest first,
// plus the last layouts' dirty-object counts. Each window runs from the
// input event to the rendering of the frame that shows it, so its total
// includes the idle wait for that frame: read the times by kind. Needs a
// release build in dist/.
//   node scripts/trace-typing.mjs            EDITS=60 (default 40) TOP=8
//   CSS='.scenarios{display:none}' ...       tries a style change first
//   SCROLL=3000 ...                          edits while scrolled down
import { serve, launch, freshContext } from "../tests/e2e/harness.mjs";
const server = await serve();
const browser = await launch();
const context = await freshContext(browser, { bypassCSP: true });
const page = await context.newPage();
await page.goto(server.url);
await page.waitForSelector('[data-testid="roi"][data-value]');
if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
if (process.env.SCROLL) await page.evaluate((y) => window.scrollTo(0, Number(y)), process.env.SCROLL);
await page.waitForTimeout(500);
const cdp = await context.newCDPSession(page);
await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
const events = [];
cdp.on("Tracing.dataCollected", (d) => events.push(...d.value));
const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
await cdp.send("Tracing.start", { categories: "devtools.timeline,blink.user_timing", transferMode: "ReportEvents" });
const windows = [];
for (let i = 0; i < Number(process.env.EDITS || 40); i++) {
  windows.push(await page.evaluate(async (value) => {
    const input = document.querySelector('input[name="price"]');
    const task = () => new Promise((res) => { const c = new MessageChannel(); c.port1.onmessage = res; c.port2.postMessage(0); });
    const frame = () => new Promise((res) => requestAnimationFrame(res));
    // As make bench: the edit lands just after a frame, and the window runs
    // until the next frame (the one that shows it) is rendered.
    await frame();
    await task();
    input.value = value;
    performance.mark("s");
    const start = performance.now();
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await task();
    await frame();
    await task();
    const end = performance.now();
    performance.mark("e");
    return [start, end];
  }, String(100 + (i % 40) * 5)));
}
await cdp.send("Tracing.end");
await done;
const marks = events.filter((e) => e.cat.includes("blink.user_timing") && (e.name === "s" || e.name === "e")).map((e) => [e.name, e.ts]);
const starts = marks.filter((m) => m[0] === "s").map((m) => m[1]);
const ends = marks.filter((m) => m[0] === "e").map((m) => m[1]);
const tid = events.find((e) => e.name === "s")?.tid;
const rows = [];
for (let i = 0; i < starts.length; i++) {
  const by = {};
  for (const e of events) {
    if (e.tid !== tid || e.ph !== "X" || e.ts < starts[i] || e.ts > ends[i]) continue;
    by[e.name] = (by[e.name] || 0) + e.dur / 1000;
  }
  rows.push({ total: (ends[i] - starts[i]) / 1000, by });
}
rows.sort((a, b) => b.total - a.total);
const sum = (k) => rows.reduce((a, r) => a + (r.by[k] || 0), 0) / rows.length;
console.log("p95", rows[Math.floor(rows.length * 0.05)].total.toFixed(1), "mean per edit: layout", sum("Layout").toFixed(2), "prepaint", sum("PrePaint").toFixed(2), "paint", sum("Paint").toFixed(2), "script", sum("FunctionCall").toFixed(2), "style", sum("UpdateLayoutTree").toFixed(2));
for (const r of rows.slice(0, process.env.TOP ? Number(process.env.TOP) : 8)) {
  const top = Object.entries(r.by).filter(([k]) => ["Layout", "Paint", "UpdateLayoutTree", "PrePaint", "Layerize", "FunctionCall", "EventDispatch", "RunMicrotasks", "HitTest", "IntersectionObserverController::computeIntersections", "UpdateLayer", "Commit", "ParseHTML", "FireAnimationFrame"].includes(k)).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ");
  console.log(r.total.toFixed(1), top);
}
console.log("median", rows[Math.floor(rows.length / 2)].total.toFixed(1));
await browser.close();
await server.close();
const layouts = events.filter((e) => e.name === "Layout" && e.ph === "X" && e.tid === tid).slice(-6);
for (const l of layouts) console.log("layout", (l.dur / 1000).toFixed(1), JSON.stringify(l.args.beginData), (l.args.endData?.layoutRoots || []).length);
const paints = events.filter((e) => e.name === "Paint" && e.ph === "X" && e.tid === tid).slice(-4);
for (const p of paints) console.log("paint", (p.dur / 1000).toFixed(1), JSON.stringify(p.args.data).slice(0, 200));
