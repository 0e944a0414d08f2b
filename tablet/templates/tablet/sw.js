/* Service worker of the inspectors' tablet: keeps the app shell and the assigned records' pages for offline work. */
"use strict";
const CONFIG = {{ config|safe }};
const VERSION = CONFIG.version;
const SHELL = "tablet-shell-" + VERSION;
// Each person's pages in their own cache: on a shared tablet the next person never gets the last one's pages.
const PAGES = "tablet-pages-";
const META = "tablet-meta";
const SCOPE = CONFIG.scope;
const USER_KEY = SCOPE + "__user__";
const USER_HEADER = CONFIG.userHeader;
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
      // Old shells, and the one page cache every user shared before pages were kept per person.
      .then((keys) => Promise.all(keys.filter((k) => (k.startsWith("tablet-shell-") && k !== SHELL) || k === "tablet-pages")
        .map((k) => caches.delete(k))))
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

/* Who is signed in, as the server last said it (every tablet page and the sign-in page tell it in a header);
   kept in a cache so that a restarted worker still knows it offline. "" is nobody. */
let currentUser = null;

async function userNow() {
  if (currentUser === null) {
    const kept = await (await caches.open(META)).match(USER_KEY);
    currentUser = kept ? await kept.text() : "";
  }
  return currentUser;
}

async function noteUser(response) {
  const user = response.headers.get(USER_HEADER);
  if (user === null || user === currentUser) return user;
  currentUser = user;
  await (await caches.open(META)).put(USER_KEY, new Response(user));
  return user;
}

async function keep(request, response) {
  const user = await noteUser(response);
  if (user && keepable(response)) await (await caches.open(PAGES + user)).put(request, response.clone());
}

async function networkFirst(request) {
  try {
    const response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    await keep(request, response);
    return response;
  } catch (error) {
    const user = await userNow();
    const cache = user ? await caches.open(PAGES + user) : null;
    const cached = cache ? await cache.match(request, { ignoreVary: true }) : null;
    if (cached) return cached;
    if (request.mode === "navigate") {
      const home = cache ? await cache.match(SCOPE, { ignoreVary: true }) : null;
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
      for (const page of data.pages || []) {
        try {
          await keep(page, await fetch(page, { credentials: "same-origin" }));
        } catch (error) { /* offline again: the next visit retries */ }
      }
      if (event.source) event.source.postMessage({ type: "pages-cached", count: (data.pages || []).length });
    })());
  } else if (data.type === "forget-pages") {
    // Signing out: this person's pages go, and nobody is signed in until the server says who is.
    event.waitUntil((async () => {
      const user = await userNow();
      if (user) await caches.delete(PAGES + user);
      currentUser = "";
      await (await caches.open(META)).put(USER_KEY, new Response(""));
    })());
  }
});
