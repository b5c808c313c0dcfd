/// <reference lib="webworker" />
import { get, set } from 'idb-keyval';
import { base64UrlToBytes, parsePushRecord, PUSH_RECORD_KEY, type PushRecord } from '$lib/push-client/record';

/** What the server answered for each use (HTTP status), null for a use that was off, 'error' when unreachable. */
export interface RenewalOutcome {
  endpoint: string | null;
  digest: number | 'error' | null;
  personal: number | 'error' | null;
}

type RenewalEvent = Pick<PushSubscriptionChangeEvent, 'oldSubscription' | 'newSubscription'>;

/**
 * The browser renewed (or dropped) this device's push subscription: the new one is given to the
 * server for each use that was on (record.ts), replacing the old endpoint there.
 *
 * - The daily digest stays anonymous: its request carries no cookie (`credentials: 'omit'`).
 * - Personal push goes to the account with this device's session cookie; when the session has
 *   ended, the server answers 401 and nothing else happens (the account page turns it off on the
 *   next visit).
 * - Without a new subscription from the browser, one is made with the same server key as the
 *   old one (or the key the server hands out).
 */
export async function renewPushSubscription(sw: ServiceWorkerGlobalScope, event: RenewalEvent): Promise<RenewalOutcome> {
  const outcome: RenewalOutcome = { endpoint: null, digest: null, personal: null };
  let record: PushRecord | null = null;
  try {
    record = parsePushRecord(await get(PUSH_RECORD_KEY));
  } catch {
    record = null;
  }
  if (!record || record.uses.length === 0) return outcome;

  const subscription = event.newSubscription ?? (await sw.registration.pushManager.getSubscription()) ?? (await resubscribe(sw, event.oldSubscription));
  const oldEndpoint = event.oldSubscription?.endpoint ?? record.endpoint;
  const body = JSON.stringify({ ...subscription.toJSON(), ...(oldEndpoint && oldEndpoint !== subscription.endpoint ? { oldEndpoint } : {}) });
  outcome.endpoint = subscription.endpoint;

  const post = async (url: string, credentials: RequestCredentials): Promise<number | 'error'> => {
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, credentials, cache: 'no-store' });
      return response.status;
    } catch {
      return 'error';
    }
  };
  if (record.uses.includes('digest')) outcome.digest = await post('/api/push/subscriptions', 'omit');
  if (record.uses.includes('personal')) outcome.personal = await post('/api/account/push-subscriptions', 'same-origin');

  // The copy follows the new endpoint; a use the server no longer takes (signed out) is dropped.
  const uses = record.uses.filter((use) => outcome[use] !== 401 && outcome[use] !== 403);
  try {
    await set(PUSH_RECORD_KEY, { uses, endpoint: subscription.endpoint } satisfies PushRecord);
  } catch {
    // No IndexedDB: the page writes it again on its next visit.
  }
  return outcome;
}

async function resubscribe(sw: ServiceWorkerGlobalScope, old: PushSubscription | null): Promise<PushSubscription> {
  let key: BufferSource | null = old?.options.applicationServerKey ?? null;
  if (!key) {
    const { public_key } = (await (await fetch('/api/push/key', { credentials: 'omit' })).json()) as { public_key: string };
    key = base64UrlToBytes(public_key);
  }
  return sw.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
}
