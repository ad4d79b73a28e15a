/*
 * Offline shell for the browser build. The desktop app loads its files from disk and does
 * not use this. In a browser, every same-origin GET is answered from the network when there
 * is one (and the copy refreshed), and from this cache when there is not, so the app reloads
 * and keeps working with the network cut; the build's hashed files (assets/) come from this
 * cache first. Data never goes through here: it lives in IndexedDB.
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

/** Network first: the copy is refreshed, the cache answers when there is no network. */
function networkFirst(request) {
  return fetch(request)
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
    });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // Vite names the files in assets/ by their content's hash: a name never gets other content, so
  // the cached copy is answered at once (a start does not wait to download the 2 MB bundle again).
  if (url.pathname.includes('/assets/')) {
    event.respondWith(caches.match(request, { ignoreVary: true }).then((cached) => cached ?? networkFirst(request)));
    return;
  }
  event.respondWith(networkFirst(request));
});
