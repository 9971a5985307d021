// The offline visit form's service worker (docs/decisions/0007), scope /visits/. It keeps only the offline
// form pages (which hold nothing decrypted), the stylesheets and the form's script; network first, the
// cache when there is no network. Every other request under /visits/ goes to the network untouched.
'use strict';
var CACHE = 'qorgau-offline-visit-1';
var OFFLINE_PAGE = /^\/visits\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/offline$/;

function kept(url) {
  return url.origin === self.location.origin
    && (OFFLINE_PAGE.test(url.pathname) || /^\/css\/[a-z-]+\.css$/.test(url.pathname) || url.pathname === '/js/offline-visit.js');
}

// The page under its path alone (the language switch adds a query); the others under their full address.
function cacheKey(url) {
  return OFFLINE_PAGE.test(url.pathname) ? url.origin + url.pathname : url.href;
}

function store(url, response) {
  if (!response.ok || response.redirected || response.type !== 'basic') {
    return Promise.resolve();
  }

  return caches.open(CACHE).then(function (cache) { return cache.put(cacheKey(url), response); });
}

self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (event) { event.waitUntil(self.clients.claim()); });

// The page names itself, its script and stylesheets once the worker is ready (it was not yet when they loaded).
self.addEventListener('message', function (event) {
  var urls = (event.data && Array.isArray(event.data.cache) ? event.data.cache : [])
    .map(function (u) { try { return new URL(u, self.location.origin); } catch (e) { return null; } })
    .filter(function (u) { return u && kept(u); });
  event.waitUntil(Promise.all(urls.map(function (url) {
    return fetch(url.href, { credentials: 'same-origin', redirect: 'manual' }).then(function (r) { return store(url, r); }).catch(function () { });
  })));
});

self.addEventListener('fetch', function (event) {
  var url = new URL(event.request.url);
  if (event.request.method !== 'GET' || !kept(url)) {
    return;
  }

  event.respondWith(fetch(event.request).then(function (response) {
    var copy = response.clone();
    event.waitUntil(store(url, copy));
    return response;
  }).catch(function () {
    return caches.match(cacheKey(url)).then(function (cached) { return cached || Response.error(); });
  }));
});
