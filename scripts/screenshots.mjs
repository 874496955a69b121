// The README's screenshots, taken from the release build in dist/ (build
// it first: `make build`): the first screen at 390 x 844 and 1280 x 900,
// and the embed in a marketing page with the host's accent and a
// transparent background. Written to docs/screenshots/ at device scale 1,
// and then stored with a palette of 256 colours (a page of flat colours and
// anti-aliased text loses nothing visible), which keeps each file small.
// Usage: node scripts/screenshots.mjs
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync, inflateSync } from "node:zlib";
import { serve, serveHtml, launch, ready, twoFrames } from "../tests/e2e/harness.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = process.env.DIST || join(root, "dist");
// SCREENSHOTS_DIR: elsewhere (tests/e2e/screenshots.test.mjs).
const out = process.env.SCREENSHOTS_DIR || join(root, "docs", "screenshots");
if (!existsSync(join(dist, "index.html"))) {
  console.error(`no ${join(dist, "index.html")}: run \`make build\` first`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });

const app = await serve(dist);
const browser = await launch();
const written = [];

/// A fresh profile's page of `width` x `height` at device scale 1.
async function newPage(width, height) {
  const context = await browser.newContext({ locale: "fr-FR", viewport: { width, height }, deviceScaleFactor: 1 });
  return context.newPage();
}

async function settle(target) {
  await ready(target);
  await target.evaluate(() => document.fonts.ready);
  await twoFrames(target);
}

try {
  for (const [width, height] of [
    [390, 844],
    [1280, 900],
  ]) {
    const page = await newPage(width, height);
    await page.goto(app.url);
    await settle(page);
    const path = join(out, `first-screen-${width}.png`);
    await page.screenshot({ path });
    written.push(path);
    await page.context().close();
  }

  // A marketing page on another origin, with the README's host lines.
  const appOrigin = new URL(app.url).origin;
  const keys = [
    "embed=1",
    "accent=0f766e",
    "bg=transparent",
    `cta.label=${encodeURIComponent("Demander un devis")}`,
    `cta.url=${encodeURIComponent("https://www.example.com/contact")}`,
  ].join("&");
  const host = await serveHtml(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Exemple</title>
<style>
  body { margin: 0; background: #f5f1e8; color: #1c1917; font-family: Georgia, serif; }
  header { background: #0f766e; color: #fff; padding: 1rem 2rem; font: 600 1.1rem system-ui, sans-serif; }
  main { max-width: 64rem; margin: 0 auto; padding: 1.5rem 2rem; }
  h1 { font-size: 1.9rem; margin: 0 0 0.5rem; } p { margin: 0 0 1rem; }
</style></head><body>
<header>Exemple &middot; Agence de prospection</header>
<main><h1>Votre campagne vaut-elle son prix&nbsp;?</h1>
<p>Essayez vos propres chiffres&nbsp;: le calculateur ci-dessous est celui de ce dépôt, intégré dans une iframe.</p>
<iframe id="roi-calculator" title="Calculateur de ROI" style="width:100%;border:0" height="900" src="${app.url}?${keys}"></iframe>
</main>
<script>
  addEventListener("message", (event) => {
    if (event.origin !== "${appOrigin}" || event.data?.type !== "teleprospection-roi:height") return;
    document.getElementById("roi-calculator").height = event.data.height;
    window.sized = true;
  });
</script></body></html>`);
  try {
    const page = await newPage(1280, 900);
    await page.goto(host.url);
    await page.waitForFunction(() => document.querySelector("#roi-calculator").contentWindow !== null);
    const frame = page.frames().find((f) => f.url().startsWith(app.url));
    await settle(frame);
    await frame.waitForSelector('[data-testid="cta"]');
    // The host has sized the frame to its content.
    await page.waitForFunction(() => window.sized === true);
    await twoFrames(page);
    const path = join(out, "embed-in-host.png");
    await page.screenshot({ path, fullPage: true });
    written.push(path);
    await page.context().close();
  } finally {
    await host.close();
  }
} finally {
  await browser.close();
  await app.close();
}

for (const path of written) {
  const png = readFileSync(path);
  const smaller = withPalette(png);
  if (smaller.length < png.length) writeFileSync(path, smaller);
  console.log(`${path.startsWith(root) ? path.slice(root.length + 1) : path}  ${(statSync(path).size / 1024).toFixed(1)} KiB`);
}

/// `png` (8-bit RGB, as Chromium writes screenshots) stored with a palette
/// of its 256 most frequent colours, every other colour drawn as the
/// nearest of them; `png` itself for any other kind of PNG.
function withPalette(png) {
  const chunks = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    chunks.push({ type: png.toString("ascii", at + 4, at + 8), data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  const header = chunks.find((c) => c.type === "IHDR").data;
  const [width, height, depth, kind, , , interlace] = [header.readUInt32BE(0), header.readUInt32BE(4), ...header.subarray(8)];
  if (depth !== 8 || kind !== 2 || interlace !== 0) return png;
  // Undo the row filters (PNG spec, 9.2).
  const filtered = inflateSync(Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data)));
  const stride = width * 3;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = filtered[y * (stride + 1)];
    const line = filtered.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const above = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= 3 ? row[x - 3] : 0;
      const b = above[x];
      const c = x >= 3 ? above[x - 3] : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const predicted = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      row[x] = (line[x] + predicted) & 255;
    }
  }
  const counts = new Map();
  for (let i = 0; i < pixels.length; i += 3) {
    const colour = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
    counts.set(colour, (counts.get(colour) || 0) + 1);
  }
  const palette = [...counts.keys()].sort((x, y) => counts.get(y) - counts.get(x)).slice(0, 256);
  const index = new Map(palette.map((colour, i) => [colour, i]));
  const nearest = (colour) => {
    let best = 0;
    let distance = Infinity;
    palette.forEach((entry, i) => {
      const d = ((entry >> 16) - (colour >> 16)) ** 2 + (((entry >> 8) & 255) - ((colour >> 8) & 255)) ** 2 + ((entry & 255) - (colour & 255)) ** 2;
      if (d < distance) [best, distance] = [i, d];
    });
    index.set(colour, best);
    return best;
  };
  const indexed = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * stride + x * 3;
      const colour = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
      indexed[y * (width + 1) + 1 + x] = index.get(colour) ?? nearest(colour);
    }
  }
  const plte = Buffer.alloc(palette.length * 3);
  palette.forEach((colour, i) => plte.writeUIntBE(colour, i * 3, 3));
  const ihdr = Buffer.from(header);
  ihdr[9] = 3; // colour type: indexed
  return Buffer.concat([
    png.subarray(0, 8),
    chunk("IHDR", ihdr),
    chunk("PLTE", plte),
    chunk("IDAT", deflateSync(indexed, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}
