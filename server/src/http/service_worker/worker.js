/* TORVAN service worker. The server prepends VERSION (a hash of the built
 * client) and PRECACHE (its files), so each build gets its own caches.
 *
 * - The shell (WASM, JS, CSS, icons, offline page) of this version is
 *   precached; older versions' caches are removed on activate. A new
 *   version waits until the page asks it to take over ("Update available").
 * - Pages are network-first. The shop-floor pages a person opened (boards,
 *   tasks, QC checklists, scan) are kept and shown when the network is
 *   down; any other page falls back to the offline page.
 * - Writes a tablet makes on the shop floor (task moves, timer starts and
 *   stops, QC results, QC photos) that cannot reach the server are kept in IndexedDB, answered
 *   503 "Queued", and sent again in order when the connection returns.
 *   Each carries the id its page made (the capture, the photo), a
 *   version or the moment it was tapped, so the server applies a replay
 *   once. A replay the server
 *   refuses is kept and shown with its reason, never dropped silently.
 * - Nothing else is intercepted: other writes, reads of /api/ and the live
 *   channel go straight to the network.
 */
'use strict';

const SHELL_CACHE = `torvan-shell-${VERSION}`;
const PAGES_CACHE = `torvan-pages-${VERSION}`;
const OFFLINE_URL = '/offline.html';
const SHELL_URLS = [
  OFFLINE_URL,
  '/offline.css',
  '/manifest.webmanifest',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
  '/icons/icon-maskable-512.png',
  ...PRECACHE,
];
/** Pages kept for offline use: the shop floor's. */
const KEPT_PAGES = [/^\/boards(\/|$)/, /^\/tasks\//, /^\/qc(\/|$)/, /^\/scan$/];
/** Writes kept when the network is down: [method, path pattern]. */
const QUEUED_WRITES = [
  ['POST', /^\/api\/tasks\/move$/],
  ['POST', /^\/api\/tasks\/time\/(start|stop)$/],
  ['POST', /^\/api\/qc\/record$/],
  ['PUT', /^\/files\/qc-photos\/[0-9a-f-]{36}$/],
];
const SYNC_TAG = 'torvan-outbox';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(SHELL_CACHE).then((cache) =>
      cache.addAll(SHELL_URLS.map((url) => new Request(url, { cache: 'reload' }))),
    ),
  );
  // The first version takes over at once; a later one waits for the
  // page's "Reload" so a page never runs half old, half new.
  if (!self.registration.active) {
    self.skipWaiting();
  }
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith('torvan-') && name !== SHELL_CACHE && name !== PAGES_CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (isQueuedWrite(request.method, url.pathname)) {
    event.respondWith(sendOrKeep(request));
    return;
  }
  if (request.method !== 'GET' || url.pathname.startsWith('/api/')) {
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(page(request, url));
    return;
  }
  if (url.pathname.startsWith('/pkg/') || url.pathname.startsWith('/icons/') || url.pathname === '/offline.css') {
    event.respondWith(caches.match(request).then((cached) => cached || fetch(request)));
  }
});

/** Network first; a kept copy (or the offline page) when it fails. */
async function page(request, url) {
  const keep = KEPT_PAGES.some((pattern) => pattern.test(url.pathname));
  try {
    const response = await fetch(request);
    if (keep && response.ok && !response.redirected) {
      const copy = response.clone();
      caches.open(PAGES_CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  } catch (offline) {
    const kept = keep ? await caches.match(request, { cacheName: PAGES_CACHE }) : undefined;
    return kept || (await caches.match(OFFLINE_URL)) || new Response('You are offline', { status: 503 });
  }
}

function isQueuedWrite(method, path) {
  return QUEUED_WRITES.some(([m, pattern]) => m === method && pattern.test(path));
}

/* ---- The outbox: IndexedDB "torvan-outbox", store "writes" (by seq). ---- */

function database() {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open('torvan-outbox', 1);
    opening.onupgradeneeded = () => {
      const db = opening.result;
      db.createObjectStore('writes', { keyPath: 'seq', autoIncrement: true });
      db.createObjectStore('meta');
    };
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error);
  });
}

function inStore(name, mode, work) {
  return database().then(
    (db) =>
      new Promise((resolve, reject) => {
        const tx = db.transaction(name, mode);
        const result = work(tx.objectStore(name));
        tx.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
        tx.onerror = () => reject(tx.error);
      }),
  );
}

const allWrites = () => inStore('writes', 'readonly', (store) => store.getAll());
const signedIn = () => inStore('meta', 'readonly', (store) => store.get('user'));

/** Sends the write, or keeps it when the network is down or writes wait. */
async function sendOrKeep(request) {
  const kept = request.clone();
  const user = await signedIn();
  const waiting = (await allWrites()).some((write) => write.state === 'waiting' && write.user === user);
  if (!waiting) {
    try {
      return await fetch(request);
    } catch (offline) {
      // Kept below.
    }
  }
  const write = {
    method: kept.method,
    url: kept.url,
    contentType: kept.headers.get('content-type') || '',
    body: await kept.blob(),
    user,
    queuedAt: new Date().toISOString(),
    state: 'waiting',
    error: null,
  };
  await inStore('writes', 'readwrite', (store) => store.add(write));
  if (self.registration.sync) {
    self.registration.sync.register(SYNC_TAG).catch(() => undefined);
  }
  announce();
  if (waiting) {
    flush();
  }
  return new Response(JSON.stringify('Queued'), {
    status: 503,
    headers: { 'Content-Type': 'application/json' },
  });
}

let flushing = null;

/** Sends the signed-in person's waiting writes in order; one run at a time. */
function flush() {
  if (!flushing) {
    flushing = sendWaiting().finally(() => {
      flushing = null;
      announce();
    });
  }
  return flushing;
}

async function sendWaiting() {
  const user = await signedIn();
  for (const write of await allWrites()) {
    if (write.state !== 'waiting' || write.user !== user) {
      continue;
    }
    let response;
    try {
      response = await fetch(write.url, {
        method: write.method,
        headers: write.contentType ? { 'Content-Type': write.contentType } : {},
        body: write.body,
        credentials: 'same-origin',
      });
    } catch (offline) {
      return; // Still offline: the rest waits, in order.
    }
    if (response.ok) {
      await inStore('writes', 'readwrite', (store) => store.delete(write.seq));
    } else if (response.status === 401 || response.status === 503) {
      return; // Signed out, or the server is starting: try again later.
    } else {
      write.state = 'refused';
      write.error = await response.text();
      await inStore('writes', 'readwrite', (store) => store.put(write));
    }
    announce();
  }
}

/** Tells every open page what waits and what was refused. */
async function announce() {
  const user = await signedIn();
  const writes = (await allWrites()).filter((write) => write.user === user);
  const entries = await Promise.all(writes.map(describe));
  const windows = await self.clients.matchAll({ type: 'window' });
  for (const client of windows) {
    client.postMessage({ type: 'torvan-outbox', entries });
  }
}

/** A write as the page shows it: its fields, not its bytes. */
async function describe(write) {
  const url = new URL(write.url);
  let fields = {};
  if (write.contentType.startsWith('application/x-www-form-urlencoded')) {
    fields = Object.fromEntries(new URLSearchParams(await write.body.text()));
  } else {
    fields = Object.fromEntries(url.searchParams);
    fields.bytes = String(write.body.size);
  }
  return {
    seq: write.seq,
    path: url.pathname,
    fields,
    queuedAt: write.queuedAt,
    state: write.state,
    error: write.error,
  };
}

self.addEventListener('sync', (event) => {
  if (event.tag === SYNC_TAG) {
    event.waitUntil(flush());
  }
});

self.addEventListener('message', (event) => {
  const message = event.data || {};
  const work = {
    // A page opened, or the connection returned: who is signed in, then send.
    hello: () =>
      inStore('meta', 'readwrite', (store) => store.put(message.user || null, 'user')).then(flush),
    discard: () =>
      inStore('writes', 'readwrite', (store) => store.delete(message.seq)).then(announce),
    // Signing out forgets the person's kept pages and unsent writes.
    'sign-out': () =>
      signedIn()
        .then((user) =>
          allWrites().then((writes) =>
            inStore('writes', 'readwrite', (store) =>
              writes.filter((write) => write.user === user).forEach((write) => store.delete(write.seq)),
            ),
          ),
        )
        .then(() => inStore('meta', 'readwrite', (store) => store.delete('user')))
        .then(() => caches.delete(PAGES_CACHE)),
    'skip-waiting': () => self.skipWaiting(),
  }[message.type];
  if (work) {
    event.waitUntil(work());
  }
});
