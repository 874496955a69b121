// Shared pieces of the end-to-end tests: a static server for dist/ on
// 127.0.0.1 (at the root or under a sub-path) and headless Debian Chromium
// driven by playwright-core (no browser is downloaded).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:http";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

// What a static host compresses: text, scripts, styles and wasm (not images).
const COMPRESSIBLE = new Set([".html", ".js", ".wasm", ".css", ".json", ".webmanifest", ".svg"]);

/// Serves `dir` under `base` (e.g. "/" or "/outils/roi/") on a free port,
/// or on `port` (a second deployment at the same address).
/// `{ gzip: true }` serves compressible files gzip-compressed (level 9,
/// compressed once per file version) to a client that accepts it, as a static host
/// does: the first-visit benchmark measures bytes on the wire.
export async function serve(dir = process.env.DIST || "dist", base = "/", port = 0, { gzip = false } = {}) {
  const root = resolve(dir);
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404).end();
      return;
    }
    let path = normalize(join(root, decodeURIComponent(url.pathname.slice(base.length))));
    if (!path.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, "index.html");
      let body = await readFile(path);
      const headers = { "content-type": TYPES[extname(path)] || "application/octet-stream" };
      if (gzip && COMPRESSIBLE.has(extname(path))) {
        headers.vary = "accept-encoding";
        if (/\bgzip\b/.test(req.headers["accept-encoding"] || "")) {
          const key = `${path}:${(await stat(path)).mtimeMs}`;
          if (!compressed.has(key)) compressed.set(key, gzipSync(body, { level: 9 }));
          body = compressed.get(key);
          headers["content-encoding"] = "gzip";
        }
      }
      if (gzip) headers["content-length"] = body.length;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}${base}`,
    port: address.port,
    // Closes the browser's kept-alive connections too: the server is gone.
    close: () =>
      new Promise((ok) => {
        server.close(ok);
        server.closeAllConnections();
      }),
  };
}

/// Serves one page, `html`, on a free port: a host page on another origin
/// than the app (e.g. a marketing site embedding it).
export async function serveHtml(html) {
  const dir = mkdtempSync(join(tmpdir(), "roi-host-"));
  writeFileSync(join(dir, "index.html"), html);
  const server = await serve(dir, "/");
  return {
    ...server,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/// Headless Chromium (Debian's), launched with the flags this network
/// needs. Each test opens its own context: a fresh profile, fresh storage.
const CHROMIUM = {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

export async function launch() {
  return chromium.launch(CHROMIUM);
}

/// dist/ served on 127.0.0.1 and Chromium launched: what most test files
/// start in `before` (`({ server, browser } = await startApp())`).
export async function startApp() {
  return { server: await serve(), browser: await launch() };
}

/// Closes what `startApp` opened (either may be missing after a failure).
export async function stopApp({ server, browser }) {
  await browser?.close();
  await server?.close();
}

/// A browser with an ordinary (not incognito) profile in a fresh temporary
/// directory, for what incognito contexts cannot show (installability).
export async function persistentContext() {
  const profile = mkdtempSync(join(tmpdir(), "roi-profile-"));
  const context = await chromium.launchPersistentContext(profile, { ...CHROMIUM, locale: "fr-FR" });
  // The profile goes once the browser has exited (the close event comes earlier).
  const close = context.close.bind(context);
  context.close = async (...options) => {
    await close(...options);
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  };
  return context;
}

/// A fresh browser profile (storage, cache, service workers) in `browser`.
export async function freshContext(browser, options = {}) {
  return browser.newContext({ locale: "fr-FR", ...options });
}

/// The exact engine value of a figure (its data-value).
export async function valueOf(page, testid) {
  return page.getAttribute(`[data-testid="${testid}"]`, "data-value");
}

/// Waits until the app has taken over the first view and computed its first
/// figure, and, on a page of its own (not embedded), until every panel below
/// the answer has been built: the panels' chunks load once the page is idle
/// (ui::lazy), and the tests of a panel start from a page that is whole.
/// The seams themselves are tested in split.test.mjs, from `coreReady`.
export async function ready(page) {
  await coreReady(page);
  await panelsBuilt(page);
}

/// Waits until the app has taken over and computed its first figure: the
/// core is running, typing works; the panels may still be loading.
export async function coreReady(page) {
  await page.waitForSelector('html[data-app="live"] [data-testid="roi"][data-value]', { timeout: 20000 });
}

/// Waits until every lazily loaded panel (ui::lazy) has been built: the
/// page below the answer is whole.
export async function panelsBuilt(page) {
  await page.waitForFunction(() => !document.querySelector(".lazy-panel"), null, { timeout: 30000 });
}

/// A fresh profile's page on `url`, once its first figure is computed,
/// with the page's uncaught errors collected in `errors`.
export async function openPage(browser, url) {
  const context = await freshContext(browser);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.goto(url);
  await ready(page);
  return { page, errors };
}

/// Resolves once two animation frames have passed in `page`: whatever was
/// asked for in the first (a chart draw) has run.
export function twoFrames(page) {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/// A release build into `dist` (under target/, for tests that need another
/// build than dist/: a sub-path, a second version), with `env` added
/// (PUBLIC_URL, BUILD_LABEL). Cargo's output is reused: a few seconds.
export function build(dist, env = {}) {
  const run = spawnSync("scripts/build.sh", {
    env: { ...process.env, ...env, DIST: dist },
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`build of ${dist} failed:\n${run.stderr}`);
  return dist;
}

/// Waits until a service worker controls `page` (after its first install).
export async function workerControls(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30000 });
}

/// The stored working scenario, once it holds `text`.
export async function savedContaining(page, text) {
  await page.waitForFunction(
    (t) => (localStorage.getItem("teleprospection-roi/working") || "").includes(t),
    text,
  );
  return page.evaluate(() => localStorage.getItem("teleprospection-roi/working"));
}

/// axe-core's serious and critical violations in `target` (a page or a
/// frame). axe goes in as an inline script: the context needs bypassCSP.
export async function seriousAxeViolations(target) {
  await target.addScriptTag({ path: createRequire(import.meta.url).resolve("axe-core/axe.min.js") });
  const violations = await target.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/// Opens the collapsed group of the form that holds the control named
/// `name` (the form shows the essentials first and the rest in groups),
/// so that a test can type into it as a user would after opening it.
export async function reveal(page, name) {
  await page.evaluate((name) => {
    const control = document.querySelector(`[name="${name}"]`);
    const group = control?.closest("details");
    if (group && !group.open) group.open = true;
  }, name);
}
