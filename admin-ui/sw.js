// The service worker keeps the app shell on the device so a sheet opened before going into the
// mountains can be filled, and the page reloaded, with no signal. Files come from the network
// first (so an update is seen at once) and from the cache when there is none. API calls are
// not cached here: the app keeps what it needs in IndexedDB. scripts/build-admin-ui.sh fills
// in the version (a hash of every file) and the file list, so any change installs anew.
const version = 'unbuilt';
const files = [];
const cacheName = `tisheng-${version}`;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    await cache.addAll(['./', ...files]);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys())
      if (name.startsWith('tisheng-') && name !== cacheName) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin) return;
  if (!url.pathname.startsWith('/admin/')) return;
  event.respondWith((async () => {
    try {
      const response = await fetch(event.request);
      if (response.ok) await (await caches.open(cacheName)).put(event.request, response.clone());
      return response;
    } catch (error) {
      const cached = await caches.match(event.request, { ignoreSearch: true }) ??
        (event.request.mode === 'navigate' ? await caches.match('./') : undefined);
      if (cached) return cached;
      throw error;
    }
  })());
});
