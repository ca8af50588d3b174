/**
 * The field app's service worker (built to /sw.js by vite-plugin.ts, scope '/'). It keeps the
 * app shell and the built assets the field app needs, so /field opens with no connection after
 * one online visit. API requests are never cached: the phone's data lives in IndexedDB.
 * Office pages pass straight through; only /field navigations fall back to the cached shell.
 */

// Typed by hand: the WebWorker lib clashes with the DOM lib of the rest of the app.
type ExtendableEvent = Event & { waitUntil(work: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & { request: Request; respondWith(response: Promise<Response>): void };
type WorkerScope = {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
};
const worker = self as unknown as WorkerScope;

// Replaced at build time by the list of what the field app loads, and its hash.
const PRECACHE = '__FIELD_PRECACHE__' as unknown as { version: string; urls: string[] };

const SHELL = '/field';
const PREFIX = 'jaring-field-';
const CACHE = `${PREFIX}${PRECACHE.version}`;
/** Past this, a slow link counts as none: the cached shell opens instead of a blank wait. */
const NAVIGATION_TIMEOUT_MS = 4000;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(PRECACHE.urls);
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      await worker.clients.claim();
    })(),
  );
});

const isFieldPage = (path: string) => path === SHELL || path.startsWith(`${SHELL}/`);

/** Network first (a new version shows when online), the cached shell when there is no network or it is too slow. */
async function fieldPage(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then(async (response) => {
    if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) await cache.put(SHELL, response.clone());
    return response;
  });
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), NAVIGATION_TIMEOUT_MS));
  try {
    const response = await Promise.race([network, timeout]);
    if (response) return response;
  } catch {
    // No network: the cached shell below.
  }
  const cached = await cache.match(SHELL);
  return cached ?? network;
}

/** Built assets carry a content hash: once cached, never fetched again. */
async function asset(request: Request): Promise<Response> {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(CACHE)).put(request, response.clone());
  return response;
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    if (isFieldPage(url.pathname)) event.respondWith(fieldPage(request));
    return;
  }
  if (url.pathname.startsWith('/assets/') || PRECACHE.urls.includes(url.pathname)) event.respondWith(asset(request));
});

export {};
