// The offline service worker. This is the template: scripts/postbuild.mjs
// writes dist/sw.js from it with the build's cache version and the list of
// every file of the build (paths relative to this file, so the same build
// logic serves a site's root or a sub-path).
//
// Cache-first for the app's own files. A new deployment is fetched on the
// next visit (the browser checks sw.js on each navigation), installs in the
// background, then takes over at once; web/shell.js then tells the open
// page that a new version is ready, with a button to reload.
//
// An open page of the old build may still need files of its own: the
// panels' chunks (pkg-<hash>/split_*.wasm) load after the core, when idle
// or when the panel nears the screen, and a chunk that failed is asked for
// again. So an old cache goes only once no open page still needs it: each
// page answers which build's chunks it still waits for (web/shell.js), and
// until then its files are served from the old cache (their paths are the
// build's own, so nothing of two builds ever mixes).
const VERSION = "__VERSION__";
const FILES = /*FILES*/ [];

// One cache per copy of the app: two copies on one origin (at the root and
// under a sub-path) must not delete each other's cache.
const PREFIX = "teleprospection-roi " + self.registration.scope + " ";
const CACHE = PREFIX + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // no-cache: revalidate with the server, never take a stale HTTP copy.
      .then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: "no-cache" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim().then(cleanUp));
});

// A page says it no longer waits for any chunk (or has just started): the
// old caches that no open page needs can go.
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "clean-up") event.waitUntil(cleanUp());
});

/// Deletes this copy's old caches, but not one that holds the chunks an
/// open page still waits for. While a newer build installs, nothing goes:
/// to this worker its cache looks old, and a page's "clean-up" sent to the
/// worker still in charge had deleted the new cache as it filled (the
/// update then showed with no cache behind it). The new worker cleans up
/// once it is active.
async function cleanUp() {
  const newer = () => self.registration.installing || self.registration.waiting;
  if (newer()) return;
  const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const waiting = await Promise.all(pages.map(chunksAwaited));
  const old = (await caches.keys()).filter((key) => key.startsWith(PREFIX) && key !== CACHE);
  await Promise.all(
    old.map(async (key) => {
      const cache = await caches.open(key);
      const urls = (await cache.keys()).map((request) => request.url);
      const needed = waiting.some((folder) => folder === "*" || (folder && urls.some((url) => url.includes(folder))));
      if (!needed && !newer()) await caches.delete(key);
    }),
  );
}

/// The folder of chunks a page still waits for ("/pkg-<hash>/"), null if
/// none; "*" (keep everything) if it does not answer in time.
function chunksAwaited(page) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve("*"), 3000);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      resolve(typeof event.data === "string" ? event.data : null);
    };
    page.postMessage({ type: "chunks-awaited" }, [channel.port2]);
  });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  // The app's page, whatever link it carries in its query or fragment, is
  // the one index.html, cached as "./". Other pages that may share the
  // scope (an app at a site's root) are left to the network.
  const path = url.origin + url.pathname;
  const page = path === self.registration.scope || path === self.registration.scope + "index.html";
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(page ? "./" : request, { ignoreSearch: true }))
      // An old build's file, for its page still open (see cleanUp).
      .then((hit) => hit || (page ? undefined : caches.match(request, { ignoreSearch: true })))
      .then((hit) => hit || fetch(request)),
  );
});
