/* global self */
/*
 * WatchTogether's service worker: shows Web Push notifications and opens what they are about.
 * The push payload is the API's PushMessage JSON: { title, body, url, tag }.
 */

self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

function readMessage(event) {
  const fallback = { title: 'WatchTogether', body: null, url: null, tag: undefined };
  if (!event.data) return fallback;
  try {
    const message = event.data.json();
    return {
      title: typeof message.title === 'string' && message.title ? message.title : fallback.title,
      body: typeof message.body === 'string' ? message.body : null,
      url: typeof message.url === 'string' ? message.url : null,
      tag: typeof message.tag === 'string' ? message.tag : undefined,
    };
  } catch {
    return { ...fallback, body: event.data.text() };
  }
}

self.addEventListener('push', (event) => {
  const message = readMessage(event);
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body ?? undefined,
      tag: message.tag,
      icon: '/icon.svg',
      data: { url: message.url },
    }),
  );
});

/** Only paths of this site; anything else opens the home page. */
function targetUrl(url) {
  const path = typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url : '/home';
  return new URL(path, self.location.origin).href;
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = targetUrl(event.notification.data && event.notification.data.url);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      // A tab already on the page: focus it. Else reuse a tab of this site, else open a new one.
      const exact = windows.find((w) => w.url === target);
      if (exact) return exact.focus();
      const ours = windows.find((w) => new URL(w.url).origin === self.location.origin);
      if (ours && 'navigate' in ours) {
        const focused = await ours.focus();
        return (focused ?? ours).navigate(target);
      }
      return self.clients.openWindow(target);
    })(),
  );
});
