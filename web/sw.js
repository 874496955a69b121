// The offline service worker. This is the template: scripts/postbuild.mjs
// writes dist/sw.js from it with the build's cache version and the list of
// every file of the build (paths relative to this file, so the same build
// logic serves a site's root or a sub-path).
//
// Cache-first for the app's own files. A new deployment is fetched on the
// next visit (the browser checks sw.js on each navigation), installs in the
// background, then takes over at once and deletes the old cache: the page
// loads every file it needs when it starts, so swapping caches under an
// open page is safe. web/shell.js then tells the open page that a new
// version is ready, with a button to reload.
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
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

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
      .then((hit) => hit || fetch(request)),
  );
});
