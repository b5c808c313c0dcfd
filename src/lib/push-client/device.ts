/**
 * The browser's one push subscription, shared by two opt-ins: the anonymous daily digest
 * (Préférences) and the account's order and message notifications (Mon compte). A service worker
 * registration holds a single subscription, so turning one of them off must not end the other:
 * this device remembers (in `localStorage`, key `placette.push`) which of them use it, and the
 * browser subscription is ended only when neither does. A copy, with the subscription's
 * endpoint, goes to IndexedDB for the service worker (record.ts), which re-registers a
 * subscription the browser renews.
 */
import { del, set } from 'idb-keyval';
import { base64UrlToBytes, PUSH_RECORD_KEY, type PushRecord, type PushUse } from './record';
import { SERVICE_WORKER_SCOPE, SERVICE_WORKER_URL } from '$lib/service-worker-url';

export type PushState = 'unsupported' | 'denied' | 'off' | 'on';
export type { PushUse } from './record';

const USES_KEY = PUSH_RECORD_KEY;

export function pushSupported(): boolean {
  return typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** How long to wait for the service worker on a first visit, when it is still being installed. */
const REGISTRATION_WAIT_MS = 4000;

/**
 * The service worker registration to subscribe with. On a first visit there may be none yet: the
 * app registers it a little after the page has loaded (UpdatePrompt.svelte), and turning
 * notifications on cannot wait for that, so it is registered now (the same registration: the
 * app's later call finds it) and awaited a little. Only for turning something on: reading the
 * state uses `currentSubscription`, which registers nothing.
 */
export async function pushRegistration(): Promise<ServiceWorkerRegistration | null> {
  if (!pushSupported()) return null;
  const existing = await navigator.serviceWorker.getRegistration();
  if (existing) return existing;
  if (import.meta.env.PROD) {
    navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: SERVICE_WORKER_SCOPE }).catch(() => {
      // Refused (private mode): the answer below is then null, "unsupported".
    });
  }
  return Promise.race([
    navigator.serviceWorker.ready,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), REGISTRATION_WAIT_MS))
  ]);
}

/** This device's push subscription, if any (none without a service worker registered yet). */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  const reg = await navigator.serviceWorker.getRegistration();
  return (await reg?.pushManager.getSubscription()) ?? null;
}

/** Which opt-ins use this device's subscription. Before there were two, a subscription meant the digest. */
export function pushUses(subscription: PushSubscription | null): Set<PushUse> {
  let stored: unknown = null;
  try {
    stored = JSON.parse(localStorage.getItem(USES_KEY) ?? 'null');
  } catch {
    stored = null;
  }
  const uses = (stored as { uses?: unknown } | null)?.uses;
  if (Array.isArray(uses)) return new Set(uses.filter((u): u is PushUse => u === 'digest' || u === 'personal'));
  return new Set(subscription ? ['digest'] : []);
}

function saveUses(uses: Set<PushUse>): void {
  try {
    localStorage.setItem(USES_KEY, JSON.stringify({ uses: [...uses].sort() }));
  } catch {
    // Storage refused (private mode quota): the next visit falls back to the subscription alone.
  }
}

/**
 * The service worker's copy (IndexedDB): which uses this subscription has, and its endpoint; none
 * when nothing uses it. Never throws: without it, a renewed subscription is simply not re-registered.
 */
export async function mirrorForWorker(subscription: PushSubscription | null): Promise<void> {
  const uses = subscription ? pushUses(subscription) : new Set<PushUse>();
  try {
    if (!subscription || uses.size === 0) await del(PUSH_RECORD_KEY);
    else await set(PUSH_RECORD_KEY, { uses: [...uses].sort(), endpoint: subscription.endpoint } satisfies PushRecord);
  } catch {
    // No IndexedDB (private mode in some browsers).
  }
}

/** Asks for the permission when needed; 'granted', or the state to show instead. */
export async function askPermission(): Promise<'granted' | 'denied' | 'off'> {
  if ((await Notification.requestPermission()) === 'granted') return 'granted';
  return Notification.permission === 'denied' ? 'denied' : 'off';
}

/** The device's subscription, created with the instance's public key when there is none yet. */
export async function ensureSubscription(reg: ServiceWorkerRegistration): Promise<PushSubscription> {
  const existing = await reg.pushManager.getSubscription();
  if (existing) return existing;
  // A new subscription starts unused (not taken for an older digest-only one).
  saveUses(new Set());
  const { public_key } = (await (await fetch('/api/push/key')).json()) as { public_key: string };
  return reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(public_key) });
}

export async function addUse(subscription: PushSubscription, use: PushUse): Promise<void> {
  const uses = pushUses(subscription);
  uses.add(use);
  saveUses(uses);
  await mirrorForWorker(subscription);
}

/** This opt-in no longer uses the subscription; the browser's subscription ends when none does. */
export async function releaseUse(subscription: PushSubscription | null | undefined, use: PushUse): Promise<void> {
  const uses = pushUses(subscription ?? null);
  uses.delete(use);
  if (uses.size > 0) {
    saveUses(uses);
    await mirrorForWorker(subscription ?? null);
    return;
  }
  try {
    localStorage.removeItem(USES_KEY);
  } catch {
    // Nothing stored, or storage refused.
  }
  await mirrorForWorker(null);
  if (subscription) await subscription.unsubscribe();
}
