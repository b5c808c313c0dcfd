import { and, desc, gt, eq, like, or } from 'drizzle-orm';
import webpush, { type PushSubscription, type RequestOptions, type SendResult } from 'web-push';
import type { Db } from '../db';
import { catalogLog, pushDigests, pushSubscriptions } from '../db/schema';
import { catalogSnapshot } from '../catalog/snapshot';
import { currentCatalogVersion } from '../catalog/log';
import { readSetting } from '../settings';
import type { DigestPayload } from '$lib/schemas/push';
import type { CatalogItem } from '$lib/catalog/types';
import { ellipsis } from '$lib/format';
import { vapidKeys, vapidSubject } from './vapid';

/** Chrome shows every push, so the server sends at most one digest a day. */
export const DIGEST_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** Web Push payloads are limited to ~4 KB once encrypted: keep the digest short. */
export const DIGEST_MAX_ITEMS = 12;
const TITLE_MAX = 90;

export type DigestOutcome =
  | { status: 'sent'; items: number; recipients: number; delivered: number; removed: number; failed: number }
  | { status: 'skipped'; reason: 'too-soon' | 'nothing-new' | 'no-subscribers' };

export type PushSender = (subscription: PushSubscription, payload: string, options: RequestOptions) => Promise<SendResult>;

function stillRelevant(item: CatalogItem, now: number): item is Extract<CatalogItem, { kind: 'deal' | 'event' }> {
  if (item.kind === 'deal') return Date.parse(item.ends_at) > now;
  if (item.kind === 'event') return Date.parse(item.starts_at) > now;
  return false;
}

/**
 * The digest of deals and events published or changed since the previous digest, newest first:
 * ids, kinds, titles and themes only. It is the same for every subscriber; each device decides
 * what to say from its own preferences.
 */
export function buildDigest(database: Db, now: Date): { payload: DigestPayload; version: number } | null {
  const previous = database.select().from(pushDigests).orderBy(desc(pushDigests.id)).get();
  const since = previous?.catalogVersion ?? 0;
  const changed = database
    .select({ itemId: catalogLog.itemId, version: catalogLog.version })
    .from(catalogLog)
    .where(
      and(
        gt(catalogLog.version, since),
        eq(catalogLog.op, 'upsert'),
        or(like(catalogLog.itemId, 'deal-%'), like(catalogLog.itemId, 'event-%'))
      )
    )
    .orderBy(desc(catalogLog.version))
    .all();
  const { index } = catalogSnapshot(database);
  const seen = new Set<string>();
  const items: DigestPayload['items'] = [];
  for (const { itemId } of changed) {
    if (seen.has(itemId) || items.length >= DIGEST_MAX_ITEMS) continue;
    seen.add(itemId);
    const item = index.byId.get(itemId);
    if (!item || !stillRelevant(item, now.getTime())) continue;
    items.push({
      id: item.id,
      kind: item.kind,
      title: ellipsis(item.title, TITLE_MAX),
      themes: item.themes,
      ...(item.kind === 'deal' ? { shop_name: item.shop_name } : {})
    });
  }
  if (items.length === 0) return null;
  const city = readSetting<{ city?: string }>(database, 'territory')?.city ?? '';
  return { payload: { v: 1, type: 'digest', city, items }, version: currentCatalogVersion(database) };
}

/**
 * Broadcasts the digest to every subscription, at most once a day and only when there is
 * something new. Subscriptions the push service reports as gone (404/410) are deleted.
 */
export async function sendDigest(
  database: Db,
  now: Date,
  { force = false, send = webpush.sendNotification.bind(webpush) as PushSender } = {}
): Promise<DigestOutcome> {
  const previous = database.select().from(pushDigests).orderBy(desc(pushDigests.id)).get();
  if (!force && previous && now.getTime() - Date.parse(previous.sentAt) < DIGEST_INTERVAL_MS) {
    return { status: 'skipped', reason: 'too-soon' };
  }
  const subscriptions = database.select().from(pushSubscriptions).all();
  if (subscriptions.length === 0) return { status: 'skipped', reason: 'no-subscribers' };
  const digest = buildDigest(database, now);
  if (!digest) return { status: 'skipped', reason: 'nothing-new' };

  const keys = vapidKeys(database);
  const body = JSON.stringify(digest.payload);
  const options: RequestOptions = {
    TTL: 24 * 60 * 60,
    urgency: 'low',
    topic: 'digest',
    vapidDetails: { subject: vapidSubject(), publicKey: keys.publicKey, privateKey: keys.privateKey }
  };
  let delivered = 0;
  let failed = 0;
  const gone: number[] = [];
  for (const sub of subscriptions) {
    try {
      await send({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, body, options);
      delivered++;
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 404 || status === 410) gone.push(sub.id);
      else {
        failed++;
        console.error(`[placette] push delivery failed: ${status ?? (error as Error).message}`);
      }
    }
  }
  database.transaction((tx) => {
    for (const id of gone) tx.delete(pushSubscriptions).where(eq(pushSubscriptions.id, id)).run();
    tx.insert(pushDigests)
      .values({ sentAt: now.toISOString(), catalogVersion: digest.version, itemCount: digest.payload.items.length })
      .run();
  });
  return {
    status: 'sent',
    items: digest.payload.items.length,
    recipients: subscriptions.length,
    delivered,
    removed: gone.length,
    failed
  };
}
