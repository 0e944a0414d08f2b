/* Service worker of the inspectors' tablet: keeps the app shell and the assigned records' pages for offline work. */
"use strict";
const CONFIG = {{ config|safe }};
const VERSION = CONFIG.version;
const SHELL = "tablet-shell-" + VERSION;
const PAGES = "tablet-pages";
const SCOPE = CONFIG.scope;
const LOGIN = CONFIG.login;
const ASSETS = CONFIG.assets;
const OFFLINE_TEXT = CONFIG.offline;
// A weak connection must not keep the inspector waiting: past this, the cached copy is shown.
const NETWORK_TIMEOUT_MS = 5000;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("tablet-shell-") && k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then((value) => { clearTimeout(timer); resolve(value); }, (error) => { clearTimeout(timer); reject(error); });
  });
}

function keepable(response) {
  // Never keep a redirect (an expired session lands on the login page) or an error page.
  return response && response.ok && !response.redirected && response.type === "basic";
}

async function networkFirst(request) {
  const cache = await caches.open(PAGES);
  try {
    const response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    if (keepable(response)) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreVary: true });
    if (cached) return cached;
    if (request.mode === "navigate") {
      const home = await cache.match(SCOPE, { ignoreVary: true });
      if (home) return home;
      return new Response("<!doctype html><meta charset=utf-8><meta name=viewport content='width=device-width'><h1>" + OFFLINE_TEXT + "</h1>",
        { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
    }
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (keepable(response)) (await caches.open(SHELL)).put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith(LOGIN)) return;
  if (ASSETS.includes(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else if (url.pathname.startsWith(SCOPE) || url.pathname.startsWith(CONFIG.api)) {
    event.respondWith(networkFirst(request));
  }
});

// The pages send the list of their assigned records' pages; each is fetched now, while the network is there.
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "cache-pages") {
    event.waitUntil((async () => {
      const cache = await caches.open(PAGES);
      for (const page of data.pages || []) {
        try {
          const response = await fetch(page, { credentials: "same-origin" });
          if (keepable(response)) await cache.put(page, response);
        } catch (error) { /* offline again: the next visit retries */ }
      }
      if (event.source) event.source.postMessage({ type: "pages-cached", count: (data.pages || []).length });
    })());
  } else if (data.type === "forget-pages") {
    event.waitUntil(caches.delete(PAGES));
  }
});
