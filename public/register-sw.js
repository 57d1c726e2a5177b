/* Registers the TORVAN service worker. Loaded with <script src="/register-sw.js" defer>. */
'use strict';

if ('serviceWorker' in navigator) {
  window.addEventListener('load', function () {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function (err) {
      console.warn('TORVAN: service worker registration failed', err);
    });
  });
}
