// Browser benchmark of the release build (dist/), served on 127.0.0.1 and
// driven in headless Chromium. Prints figures, never asserts on time:
//   - cold load: navigation start → first computed figure on screen (median of 9 fresh loads)
//   - typing: input event → figures and every chart settled, over 60 edits
//     of the price, p50/p95, at normal speed and with 4× CPU throttling
//   - risk: one Monte Carlo run of 10,000 trials plus the tornado (the
//     panel's own measurement, data-sim-ms), p50/p95 over 20 new draws,
//     at normal speed and with 4× CPU throttling
//   - memory: JS heap + wasm memory after 1,000 edits, and its growth
//   - sizes: every file of dist/ raw and gzipped
// Writes everything to bench-report.json.
import { writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { serve, launch, freshContext } from "../tests/e2e/harness.mjs";

const EDITS = 60;
const LOADS = 9;

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const round = (ms) => Math.round(ms * 100) / 100;

// Runs before the app: records when the first figure appears and keeps the
// wasm instance (Trunk announces it with TrunkApplicationStarted).
const probe = () => {
  window.__bench = { firstFigure: null };
  addEventListener("TrunkApplicationStarted", (event) => (window.__bench.wasm = event.detail.wasm));
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="roi"][data-value]')) {
      window.__bench.firstFigure = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
};

// One edit, measured inside the page: the input event is dispatched, then
// the app's work runs (Leptos effects are microtasks, charts draw in them);
// a message-channel task runs only after all of it has settled: that is
// `work`. Then the frame that shows it: from its animation-frame callbacks
// to the next task, the browser's style, layout and paint; `shown` is
// work plus that rendering (the idle wait for the frame left out).
// Each edit lands just after a frame, as a typist's keystrokes do: edits
// faster than frames would find the charts already drawn in that frame
// (they draw at most once per frame, the next draw waits for the next
// one) and leave their drawing out of the figure.
const editAndSettle = async (value) => {
  const input = document.querySelector('input[name="price"]');
  const settled = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(0);
  });
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await settled();
  input.value = value;
  const start = performance.now();
  input.dispatchEvent(new Event("input", { bubbles: true }));
  await settled();
  const work = performance.now() - start;
  const frameStart = await new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  await settled();
  return { work, shown: work + performance.now() - frameStart };
};

async function coldLoads(browser, url) {
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await freshContext(browser);
    const page = await context.newPage();
    await page.addInitScript(probe);
    await page.goto(url);
    await page.waitForFunction(() => window.__bench.firstFigure !== null, null, { timeout: 20000 });
    times.push(await page.evaluate(() => window.__bench.firstFigure));
    await context.close();
  }
  return { median_ms: round(quantile(times, 0.5)), p95_ms: round(quantile(times, 0.95)), runs: times.map(round) };
}

async function typing(page, cdp, rate) {
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  const edits = [];
  for (let i = 0; i < EDITS; i++) edits.push(await page.evaluate(editAndSettle, String(100 + (i % 40) * 5)));
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  const times = edits.map((e) => e.work);
  const shown = edits.map((e) => e.shown);
  return {
    throttling: rate,
    edits: EDITS,
    p50_ms: round(quantile(times, 0.5)),
    p95_ms: round(quantile(times, 0.95)),
    max_ms: round(Math.max(...times)),
    shown_p50_ms: round(quantile(shown, 0.5)),
    shown_p95_ms: round(quantile(shown, 0.95)),
  };
}

const RISK_RUNS = 20;

async function risk(page, cdp, rate) {
  await page.locator('[data-testid="risk-panel"]').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('[data-testid="risk-panel"]').dataset.simMs);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  const times = [];
  for (let i = 0; i < RISK_RUNS; i++) {
    const seed = await page.textContent('[data-testid="risk-seed"]');
    await page.click('[data-testid="risk-new-seed"]');
    await page.waitForFunction(
      (old) => document.querySelector('[data-testid="risk-seed"]').textContent !== old &&
        document.querySelector(".risk-figures").getAttribute("aria-busy") === "false",
      seed,
    );
    times.push(Number(await page.getAttribute('[data-testid="risk-panel"]', "data-sim-ms")));
  }
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await page.evaluate(() => window.scrollTo(0, 0));
  return { throttling: rate, runs: RISK_RUNS, trials: 10000, p50_ms: round(quantile(times, 0.5)), p95_ms: round(quantile(times, 0.95)) };
}

async function memory(page, cdp) {
  const measure = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = (await cdp.send("Runtime.getHeapUsage")).usedSize;
    const wasm = await page.evaluate(() => window.__bench.wasm?.memory?.buffer.byteLength ?? 0);
    return { js_heap_bytes: heap, wasm_memory_bytes: wasm, total_mib: round((heap + wasm) / 1048576) };
  };
  const at100 = await (async () => {
    for (let i = 0; i < 100; i++) await page.evaluate(editAndSettle, String(100 + (i % 50)));
    return measure();
  })();
  for (let i = 100; i < 1000; i++) await page.evaluate(editAndSettle, String(100 + (i % 50)));
  const at1000 = await measure();
  return { after_100_edits: at100, after_1000_edits: at1000, growth_mib: round(at1000.total_mib - at100.total_mib) };
}

// A fresh page with the probe, once its first figure is on screen, and a
// DevTools session on it (throttling, heap).
async function probedPage(browser, url) {
  const context = await freshContext(browser);
  const page = await context.newPage();
  await page.addInitScript(probe);
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.firstFigure !== null);
  return { context, page, cdp: await context.newCDPSession(page) };
}

const printTyping = (t) =>
  console.log(`typing, ${t.throttling}× CPU: p50 ${t.p50_ms} ms, p95 ${t.p95_ms} ms, max ${t.max_ms} ms (${t.edits} edits); with the frame's rendering: p50 ${t.shown_p50_ms} ms, p95 ${t.shown_p95_ms} ms`);

// BENCH_ONLY=typing prints the typing figures alone (quick before/after runs).
const only = process.env.BENCH_ONLY;
const server = await serve();
const browser = await launch();
try {
  if (only === "typing") {
    const { page, cdp } = await probedPage(browser, server.url);
    printTyping(await typing(page, cdp, 1));
    printTyping(await typing(page, cdp, 4));
  } else {
  const cold = await coldLoads(browser, server.url);
  const { context, page, cdp } = await probedPage(browser, server.url);
  await cdp.send("HeapProfiler.enable");
  const normal = await typing(page, cdp, 1);
  const throttled = await typing(page, cdp, 4);
  const riskRuns = [await risk(page, cdp, 1), await risk(page, cdp, 4)];
  const mem = await memory(page, cdp);
  await context.close();
  const sizes = JSON.parse(execFileSync("node", ["scripts/size.mjs", "--json"]).toString().trim().split("\n").pop());

  console.log(`cold load to first figure: median ${cold.median_ms} ms, p95 ${cold.p95_ms} ms (${LOADS} fresh loads)`);
  printTyping(normal);
  printTyping(throttled);
  for (const r of riskRuns) {
    console.log(`risk, ${r.trials} trials + tornado, ${r.throttling}× CPU: p50 ${r.p50_ms} ms, p95 ${r.p95_ms} ms (${r.runs} draws)`);
  }
  console.log(`memory after 1,000 edits: ${mem.after_1000_edits.total_mib} MiB (JS heap + wasm), growth since edit 100: ${mem.growth_mib} MiB`);
  console.log(`dist/ gzip total: ${(sizes.total.gzip / 1024).toFixed(1)} KiB`);
  const report = { date: new Date().toISOString(), cold_load: cold, typing: [normal, throttled], risk: riskRuns, memory: mem, sizes };
  writeFileSync("bench-report.json", JSON.stringify(report, null, 2));
  console.log("report: bench-report.json");
  }
} finally {
  await browser.close();
  await server.close();
}
