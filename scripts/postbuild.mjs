// The last step of every build: Trunk runs it as a post_build hook
// (Trunk.toml) on its staging directory, for `trunk build` and for each
// rebuild of `trunk serve`. It can also run by hand on a built directory:
// `node scripts/postbuild.mjs dist`. Running it twice gives the same result.
//
// 0. The build's scripts (the wasm-bindgen glue and web/shell.js) are
//    minified with terser, Trunk's own minifier failing on the glue
//    (2.3 KiB less gzipped), and their `integrity` in index.html follows.
// 1. index.html gets
//    - its stylesheets written inline, shell.js deferred (the first paint
//      needs only the page);
//    - the Content-Security-Policy, with the sha256 of each inline script
//      the build produced (Trunk's module script that starts the wasm) and
//      of the inline styles;
//    - the manifest and icon links at the public URL;
//    - `<meta name="build">` when BUILD_LABEL is set (a deployment label).
// 2. sw.js is written from web/sw.js with the list of every file of the
//    build and a cache version: a hash of every file's name and bytes, so
//    any change to any file is a new version.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { minify } from "terser";

const fail = (message) => {
  console.error(`postbuild: ${message}`);
  process.exit(1);
};

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) fail("usage: node scripts/postbuild.mjs <built directory> (or run as a Trunk hook)");
const indexPath = join(dir, "index.html");
let index = readFileSync(indexPath, "utf8");

// Where the app is served: Trunk's public URL, or read back from the
// script URL Trunk wrote (when run by hand).
let publicUrl =
  process.env.TRUNK_PUBLIC_URL || (index.match(/from ["']([^"']*\/)pkg(?:-[0-9a-f]{12})?\/[^"'/]*\.js["']/) || [])[1];
if (!publicUrl) fail("cannot tell the public URL (no TRUNK_PUBLIC_URL, no module script in index.html)");
if (!publicUrl.endsWith("/")) publicUrl += "/";

const label = process.env.BUILD_LABEL || "";
if (!/^[\w.:+-]*$/.test(label)) fail("BUILD_LABEL may hold only letters, digits and . _ : + -");

// The split wasm (scripts/split.sh): its loader and glue minified (no
// integrity: the module script imports them), then pkg/ named after its
// contents, pkg-<hash>/, so that an open page of one build never fetches a
// chunk of another (chunk names follow the code's place, not its bytes).
// A rerun on a built directory finds pkg-<hash>/ already there.
const pkgName = readdirSync(dir).find((name) => name === "pkg" || /^pkg-[0-9a-f]{12}$/.test(name));
if (pkgName) {
  const pkgDir = join(dir, pkgName);
  for (const name of readdirSync(pkgDir).filter((name) => name.endsWith(".js"))) {
    const path = join(pkgDir, name);
    const { code } = await minify(readFileSync(path, "utf8"), { module: true, compress: { passes: 2 }, format: { comments: false } });
    if (!code) fail(`terser returned nothing for ${pkgName}/${name}`);
    writeFileSync(path, code);
  }
  const hash = createHash("sha256");
  for (const name of readdirSync(pkgDir).sort()) hash.update(`${name}\0`).update(readFileSync(join(pkgDir, name))).update("\0");
  const hashed = `pkg-${hash.digest("hex").slice(0, 12)}`;
  if (hashed !== pkgName) {
    if (existsSync(join(dir, hashed))) rmSync(join(dir, hashed), { recursive: true });
    renameSync(pkgDir, join(dir, hashed));
  }
  // ./pkg/… (as written), or a previous run's pkg-<hash>/ at the public URL.
  index = index.replace(/(?:\.\/|[^"'\s=]*\/)?pkg(?:-[0-9a-f]{12})?\//g, `${publicUrl}${hashed}/`);
}

for (const name of readdirSync(dir).filter((name) => name.endsWith(".js") && name !== "sw.js")) {
  const path = join(dir, name);
  const { code } = await minify(readFileSync(path, "utf8"), {
    module: true,
    compress: { passes: 2 },
    format: { comments: false },
  });
  if (!code) fail(`terser returned nothing for ${name}`);
  writeFileSync(path, code);
  const integrity = `sha384-${createHash("sha384").update(code, "utf8").digest("base64")}`;
  let found = false;
  index = index.replace(/<(?:script|link)\b[^>]*>/g, (tag) => {
    if (!tag.includes(`/${name}`) || !/\bintegrity=/.test(tag)) return tag;
    found = true;
    return tag.replace(/integrity=(["']?)sha384-[A-Za-z0-9+/=]+\1/, `integrity=$1${integrity}$1`);
  });
  if (!found) fail(`no integrity for ${name} in index.html: has Trunk's output changed?`);
}

// The first paint waits for no request but the page itself (issue 21: on a
// phone network each further request costs a round trip, and shares the
// line with the wasm's preload): the stylesheets Trunk linked are written
// into one <style> where the first of them was, in their order, and their
// files go (the CSP hashes the <style>, below). shell.js runs deferred: it
// only registers listeners, still before the app's module script (deferred
// and module scripts run in document order).
const linked = [...index.matchAll(/<link\b[^>]*\brel=["']?stylesheet\b[^>]*>/g)].map((m) => m[0]);
if (linked.length > 0) {
  const css = linked.map((tag) => {
    const href = (tag.match(/\bhref=["']?([^"'\s>]+)/) || [])[1] || "";
    const name = href.startsWith(publicUrl) ? href.slice(publicUrl.length) : href.replace(/^\.?\//, "");
    const path = join(dir, name);
    if (!name.endsWith(".css") || !existsSync(path)) fail(`stylesheet ${href} is not in ${dir}`);
    const text = readFileSync(path, "utf8");
    rmSync(path);
    return text;
  });
  let first = true;
  for (const tag of linked) {
    index = index.replace(tag, () => (first ? `<style>${css.join("\n")}</style>` : ""));
    first = false;
  }
}
index = index.replace(/<script\b(?![^>]*\bdefer\b)([^>]*\bsrc=[^>]*\/shell-[0-9a-f]+\.js[^>]*)>/, "<script defer$1>");

// What this script adds carries `data-postbuild`: drop it first, so that a
// second run replaces rather than repeats.
index = index.replace(/<[^>]*\sdata-postbuild[^>]*>/g, "");

const inlineScripts = [...index.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inlineScripts.length === 0) fail("no inline script in index.html: has Trunk's output changed?");
const hashes = inlineScripts.map((text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`);
const styleHashes = [...index.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map(
  (m) => `'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`,
);

// Only the app's own files; 'wasm-unsafe-eval' lets the page compile its
// wasm, and nothing else runs but the hashed script(s) Trunk wrote.
// frame-ancestors cannot be set here (browsers ignore it in a meta tag):
// the README gives the header a host may add.
const POLICY = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`,
  `style-src 'self' ${styleHashes.join(" ")}`,
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const added = [
  `<meta data-postbuild http-equiv=Content-Security-Policy content="${POLICY}">`,
  `<link data-postbuild rel=manifest href="${publicUrl}manifest.webmanifest">`,
  `<link data-postbuild rel=icon href="${publicUrl}icon.svg" type=image/svg+xml>`,
  `<meta data-postbuild name=theme-color content="#1d4ed8">`,
  label ? `<meta data-postbuild name=build content="${label}">` : "",
].join("");
// Right after <meta charset>, before any script: a policy applies only to
// what comes after it.
const charset = /<meta charset=[^>]*>/i;
if (!charset.test(index)) fail("no <meta charset> in index.html");
index = index.replace(charset, (tag) => tag + added);
writeFileSync(indexPath, index);

// The precache list: every file but the worker itself, relative to it.
function files(at) {
  return readdirSync(at)
    .filter((name) => !name.startsWith("."))
    .flatMap((name) => {
      const path = join(at, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
}
const built = files(dir)
  .map((path) => relative(dir, path).split(sep).join("/"))
  .filter((path) => path !== "sw.js")
  .sort();
const version = createHash("sha256");
for (const path of built) version.update(`${path}\0`).update(readFileSync(join(dir, path))).update("\0");
const precache = built.map((path) => (path === "index.html" ? "./" : path));

// The template's whole-line comments are for readers of web/sw.js only.
const template = readFileSync(new URL("../web/sw.js", import.meta.url), "utf8").replace(/^\s*\/\/.*\n/gm, "");
const worker = template
  .replace('"__VERSION__"', () => JSON.stringify(version.digest("hex").slice(0, 16)))
  .replace("/*FILES*/ []", () => JSON.stringify(precache));
if (worker.includes("__VERSION__") || worker.includes("/*FILES*/")) fail("web/sw.js lost its placeholders");
writeFileSync(join(dir, "sw.js"), worker);
console.log(`postbuild: ${dir}: CSP with ${hashes.length} script hash(es), ${precache.length} files precached`);
