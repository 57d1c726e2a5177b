/* Registers the TORVAN service worker. Loaded with <script src="/register-sw.js" defer>.
 * The app (WASM) talks to the worker itself: what waits to be sent, the
 * update prompt, sign-out. */
'use strict';

if ('serviceWorker' in navigator) {
  window.addEventListener('load', function () {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function (err) {
      console.warn('TORVAN: service worker registration failed', err);
    });
  });
  // Offline, a link opens the page the worker kept (or its offline page)
  // instead of the app's in-page navigation, which would ask the server
  // for the new page's data and fail. Caught before the router sees it.
  window.addEventListener(
    'click',
    function (event) {
      if (navigator.onLine || event.defaultPrevented || event.button !== 0) {
        return;
      }
      var link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (link && link.origin === window.location.origin && !link.hasAttribute('download')) {
        event.stopPropagation();
      }
    },
    true,
  );
}
