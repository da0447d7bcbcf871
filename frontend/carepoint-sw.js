/*
 * Carepoint's service worker. When the network is down, a page navigation shows Carepoint's offline page instead of
 * the browser's own error, and the page retries by itself when the connection returns.
 *
 * Privacy: it caches ONLY the offline page, which is static and patient-free (its styles are inline). It never stores a
 * response from the application: GP records, searches and notes stay in memory on the server and in the open page,
 * never on the device. Every navigation goes to the network first; nothing is answered from the cache but the
 * offline page, and only when the network has failed.
 *
 * It is served as /carepoint-sw.js, not /sw.js: in production Vaadin answers /sw.js from its pre-compiled bundle
 * (META-INF/VAADIN/webapp/sw.js, a Workbox worker written for @PWA) ahead of Carepoint's static files, and that
 * worker imports sw-runtime-resources-precache.js, which exists only with @PWA, so registering it failed.
 */
// Change the version whenever offline.html changes, so that browsers replace their stored copy.
const CACHE = 'carepoint-offline-v2';
const OFFLINE_URL = 'offline.html';
const STATIC = [OFFLINE_URL];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE)
      .then((cache) => cache.addAll(STATIC.map((u) => new Request(u, { cache: 'reload' }))))
      .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.mode === 'navigate' && request.method === 'GET') {
    // Network only; the offline page when the network fails. The response itself is never cached.
    event.respondWith(fetch(request).catch(() => caches.open(CACHE).then((cache) => cache.match(OFFLINE_URL))));
  }
  // Everything else (Vaadin's requests, push, records, PDFs) goes straight to the network, untouched.
});
