/*
 * Offline shell for the browser build. The desktop app loads its files from disk and does
 * not use this. In a browser, every same-origin GET is answered from the network when there
 * is one (and the copy refreshed), and from this cache when there is not, so the app reloads
 * and keeps working with the network cut. Data never goes through here: it lives in IndexedDB.
 */
// Filled in at build time with the build's own files (see renderer/vite.config.ts), so each
// build installs a new worker that caches exactly the files it needs to start offline.
const PRECACHE = __PRECACHE__;
const CACHE = `fieldbook-shell-${__BUILD_ID__}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          void caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(async () => {
        // ignoreVary: the dev/preview server varies on Origin, and module scripts are CORS requests.
        const cached = await caches.match(request, { ignoreSearch: request.mode === 'navigate', ignoreVary: true });
        return cached ?? (request.mode === 'navigate' ? caches.match('./index.html') : Response.error());
      }),
  );
});
