/**
 * What this device's push subscription is used for, as the service worker can read it.
 *
 * The page keeps it in `localStorage` (key `placette.push`, see device.ts); a service worker has
 * no `localStorage`, so the page also writes a copy, with the subscription's endpoint, to the
 * device's IndexedDB key-value store (same key). When the browser renews the subscription
 * (`pushsubscriptionchange`), the worker reads this copy to give the new subscription to the
 * server for exactly the uses that were on, replacing the old endpoint.
 */
export type PushUse = 'digest' | 'personal';

export const PUSH_RECORD_KEY = 'placette.push';

export interface PushRecord {
  uses: PushUse[];
  /** The endpoint of the subscription these uses were given to the server with. */
  endpoint: string | null;
}

export function parsePushRecord(value: unknown): PushRecord | null {
  const v = value as { uses?: unknown; endpoint?: unknown } | null;
  if (!v || typeof v !== 'object' || !Array.isArray(v.uses)) return null;
  const uses = [...new Set(v.uses.filter((u): u is PushUse => u === 'digest' || u === 'personal'))].sort();
  return { uses, endpoint: typeof v.endpoint === 'string' && v.endpoint.startsWith('https://') ? v.endpoint : null };
}

export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(value.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
