/// <reference lib="webworker" />
import { get } from 'idb-keyval';
import { defaultPrefs, PREFS_STORAGE_KEY, type Prefs } from '$lib/personalisation/prefs';
import { parseStoredPrefs } from '$lib/personalisation/prefs-schema';
import { digestNotification } from '$lib/personalisation/digest-notification';
import type { DigestPayload } from '$lib/schemas/push';
import { parsePersonalPayload, personalNotification } from '$lib/push-client/personal-notification';

async function devicePrefs(): Promise<Prefs> {
  try {
    const prefs = parseStoredPrefs(await get(PREFS_STORAGE_KEY));
    if (prefs) return prefs;
  } catch {
    // No IndexedDB in this context: fall back to the neutral wording.
  }
  return defaultPrefs();
}

function isDigest(value: unknown): value is DigestPayload {
  const v = value as DigestPayload | null;
  return !!v && v.type === 'digest' && Array.isArray(v.items);
}

/**
 * A push arrived: a personal notification (order ready, new message) is shown as the server
 * meant it, in this device's language; anything else is the digest, worded from this device's
 * own themes. Every push must show a notification, so an unreadable payload still gets a
 * neutral one.
 */
export async function showPush(sw: ServiceWorkerGlobalScope, data: PushMessageData | null): Promise<void> {
  let payload: unknown = null;
  try {
    payload = data?.json();
  } catch {
    payload = null;
  }
  const prefs = await devicePrefs();
  const personal = parsePersonalPayload(payload);
  if (personal) {
    const notification = personalNotification(personal, prefs.locale);
    await sw.registration.showNotification(notification.title, {
      body: notification.body,
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-96.png',
      tag: notification.tag,
      lang: prefs.locale,
      data: { url: notification.url }
    });
    return;
  }
  const digest: DigestPayload = isDigest(payload) ? payload : { v: 1, type: 'digest', city: '', items: [] };
  const notification = digestNotification(digest, prefs);
  await sw.registration.showNotification(notification.title, {
    body: notification.body,
    icon: '/icons/icon-192.png',
    badge: '/icons/icon-96.png',
    tag: 'placette-digest',
    lang: prefs.locale,
    data: { url: notification.url }
  });
}

/** A tap: focus a window already on that page, else bring one there, else open one. */
export async function openFromNotification(sw: ServiceWorkerGlobalScope, notification: Notification): Promise<void> {
  notification.close();
  const target = new URL((notification.data as { url?: string } | null)?.url ?? '/', sw.location.origin);
  if (target.origin !== sw.location.origin) return;
  const windows = (await sw.clients.matchAll({ type: 'window', includeUncontrolled: true })) as WindowClient[];
  const already = windows.find((w) => {
    const url = new URL(w.url);
    return url.origin === target.origin && url.pathname === target.pathname;
  });
  if (already) {
    await already.focus();
    return;
  }
  const open = windows[0];
  if (open) {
    try {
      await open.focus();
      if (await open.navigate(target.href)) return;
    } catch {
      // A window this worker does not control cannot be navigated: open one instead.
    }
  }
  await sw.clients.openWindow(target.href);
}
