// Draws the app's PNG icons (web/icon-192.png, web/icon-512.png) from the
// same shapes as web/icon.svg: a blue rounded square with three rising
// white bars. Our own artwork, no image library: a 3-colour palette PNG.
// Run by hand after changing the design: `node scripts/icons.mjs`.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

// On the SVG's 16-unit grid: corner radius, then bars as [x0, y0, x1, y1].
const RADIUS = 3;
const BARS = [
  [3, 9, 5.5, 13],
  [6.75, 6, 9.25, 13],
  [10.5, 3, 13, 13],
];
const PALETTE = [
  [0, 0, 0], // 0: transparent (tRNS)
  [0x1d, 0x4e, 0xd8], // 1: the page's accent blue
  [0xff, 0xff, 0xff], // 2: white
];

function colourAt(x, y) {
  // Outside the rounded corners: transparent.
  const cx = Math.min(Math.max(x, RADIUS), 16 - RADIUS);
  const cy = Math.min(Math.max(y, RADIUS), 16 - RADIUS);
  if ((x - cx) ** 2 + (y - cy) ** 2 > RADIUS ** 2) return 0;
  return BARS.some(([x0, y0, x1, y1]) => x >= x0 && x < x1 && y >= y0 && y < y1) ? 2 : 1;
}

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(size) {
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size); // filter byte 0, then one index per pixel (bit depth 8)
    for (let px = 0; px < size; px++) {
      row[1 + px] = colourAt(((px + 0.5) * 16) / size, ((py + 0.5) * 16) / size);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 3, 0, 0, 0], 8); // bit depth 8, palette colour, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("PLTE", Buffer.from(PALETTE.flat())),
    chunk("tRNS", Buffer.from([0])),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [192, 512]) {
  writeFileSync(new URL(`../web/icon-${size}.png`, import.meta.url), png(size));
}
