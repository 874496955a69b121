// Shared pieces of the end-to-end tests: a static server for dist/ on
// 127.0.0.1 (at the root or under a sub-path) and headless Debian Chromium
// driven by playwright-core (no browser is downloaded).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
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

/// Serves `dir` under `base` (e.g. "/" or "/outils/roi/") on a free port.
export async function serve(dir = process.env.DIST || "dist", base = "/") {
  const root = resolve(dir);
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
      const body = await readFile(path);
      res.writeHead(200, { "content-type": TYPES[extname(path)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/// Headless Chromium (Debian's), launched with the flags this network
/// needs. Each test opens its own context: a fresh profile, fresh storage.
export async function launch() {
  return chromium.launch({
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
  });
}

/// A fresh browser profile (storage, cache, service workers) in `browser`.
export async function freshContext(browser, options = {}) {
  return browser.newContext({ locale: "fr-FR", ...options });
}

/// The exact engine value of a figure (its data-value).
export async function valueOf(page, testid) {
  return page.getAttribute(`[data-testid="${testid}"]`, "data-value");
}

/// Waits until the app has computed its first figure.
export async function ready(page) {
  await page.waitForSelector('[data-testid="roi"][data-value]', { timeout: 20000 });
}
