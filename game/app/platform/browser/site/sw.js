// Keeps every file of one build of the game, so it opens and plays with no network (see
// game/web.py, which writes this build's version below).
//
// Everything, files.json included, comes from this build's copy, so a page never mixes files
// of two builds. A new build has a new version, so the browser installs its worker beside this
// one; it takes over the next time the game is opened (never in the middle of a session), and
// the old copy is then dropped.
"use strict";
const VERSION = "__VERSION__";
const KEPT = "t-cell-hero-" + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const files = await (await fetch("files.json", { cache: "reload" })).json();
    const cache = await caches.open(KEPT);
    const wanted = files.keep.concat(["files.json"]);
    // past the browser's own cache, so no file of an older build is kept under this version
    await cache.addAll(wanted.map((name) => new Request(name, { cache: "reload" })));
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("t-cell-hero-") && name !== KEPT) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(KEPT);
    const kept = await cache.match(event.request, { ignoreSearch: true });
    return kept || fetch(event.request);
  })());
});
