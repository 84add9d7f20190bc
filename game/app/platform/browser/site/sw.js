// Keeps every file of the game, so it opens and plays with no network (see game/web.py).
// The list and its version come from files.json; a new build has a new version, and the old
// copy is dropped once the new one is complete.
"use strict";

async function listing() {
  const r = await fetch("files.json", { cache: "no-store" });
  return r.json();
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const files = await listing();
    const cache = await caches.open("t-cell-hero-" + files.version);
    await cache.addAll(files.keep.concat(["files.json", "sw.js"]));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const files = await listing().catch(() => null);
    if (files) {
      for (const name of await caches.keys()) {
        if (name !== "t-cell-hero-" + files.version) await caches.delete(name);
      }
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== location.origin) return;
  event.respondWith((async () => {
    const kept = await caches.match(event.request, { ignoreSearch: true });
    if (kept && !url.pathname.endsWith("/files.json")) return kept;
    try {
      return await fetch(event.request);
    } catch (e) {
      if (kept) return kept;
      throw e;
    }
  })());
});
