/*
 * Carepoint service worker: when the network is down, a page navigation shows the offline page instead of the
 * browser's error. It caches only static, patient-free assets; clinical data is never cached on the device.
 */
const CACHE = 'carepoint-static-v1';
const OFFLINE_URL = 'offline.html';
const STATIC = [OFFLINE_URL, 'icons/icon-192.png', 'manifest.webmanifest'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(STATIC)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  if (event.request.mode !== 'navigate') {
    return;
  }
  event.respondWith(fetch(event.request).catch(() => caches.match(OFFLINE_URL)));
});
