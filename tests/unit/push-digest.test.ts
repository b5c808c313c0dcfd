import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { deals, pushDigests, pushSubscriptions } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/db/seed';
import { recordCatalogChanges } from '../../src/lib/server/catalog/log';
import webpush from 'web-push';
import { DIGEST_MAX_ITEMS, sendDigest as sendDigestVia, type PushSender } from '../../src/lib/server/push/digest';
import { vapidKeys } from '../../src/lib/server/push/vapid';
import { startPushEndpoint } from '../support/push-endpoint';
import type { DigestPayload } from '../../src/lib/schemas/push';

/**
 * The digest goes end to end: real web-push encryption and VAPID signing, real HTTP to a push
 * endpoint on loopback that decrypts what a browser would receive.
 */
describe('push digest', () => {
  const now = new Date('2026-11-25T10:00:00+01:00');
  let database: Db;
  let endpoint: Awaited<ReturnType<typeof startPushEndpoint>>;

  beforeAll(async () => {
    database = openDatabase(':memory:');
    seedDemo(database, now);
    endpoint = await startPushEndpoint();
  });
  afterAll(() => endpoint.close());

  // The real web-push client, trusting the test endpoint's self-signed certificate.
  const send: PushSender = (subscription, payload, options) =>
    webpush.sendNotification(subscription, payload, { ...options, agent: endpoint.agent });
  const sendDigest = (database: Db, at: Date) => sendDigestVia(database, at, { send });

  function subscribe(name: string, status?: number) {
    const sub = endpoint.subscriber(name, status);
    database.insert(pushSubscriptions).values({ endpoint: sub.endpoint, p256dh: sub.p256dh, auth: sub.auth }).run();
    return sub;
  }

  it('sends nothing when nobody subscribed', async () => {
    expect(await sendDigest(database, now)).toEqual({ status: 'skipped', reason: 'no-subscribers' });
  });

  it('delivers the same decrypted digest of current deals and upcoming events to every subscriber', async () => {
    // Two subscribers whose devices follow opposite themes: the server cannot tell them apart.
    subscribe('opera-lover');
    subscribe('sport-fan');
    const outcome = await sendDigest(database, now);
    expect(outcome).toMatchObject({ status: 'sent', recipients: 2, delivered: 2, removed: 0, failed: 0 });

    expect(endpoint.received).toHaveLength(2);
    const [a, b] = endpoint.received;
    expect(a.plaintext).toBe(b.plaintext);
    // Everything the push service sees is the same shape for both: no per-person header.
    const visible = (h: ReceivedPush['headers']) => ({ ttl: h.ttl, urgency: h.urgency, topic: h.topic, encoding: h['content-encoding'] });
    expect(visible(a.headers)).toEqual(visible(b.headers));
    expect(a.headers['content-encoding']).toBe('aes128gcm');
    expect(a.headers.authorization).toMatch(/^vapid t=.+, k=/);
    expect(String(a.headers.authorization)).toContain(vapidKeys(database).publicKey);
    expect(a.body.length).toBeLessThanOrEqual(4096);

    const payload = JSON.parse(a.plaintext) as DigestPayload;
    expect(payload).toMatchObject({ v: 1, type: 'digest', city: 'Toulouse' });
    expect(payload.items.length).toBeGreaterThan(0);
    expect(payload.items.length).toBeLessThanOrEqual(DIGEST_MAX_ITEMS);
    for (const item of payload.items) {
      expect(['deal', 'event']).toContain(item.kind);
      expect(item.id).toMatch(new RegExp(`^${item.kind}-\\d+$`));
      expect(item.themes.length).toBeGreaterThan(0);
    }
    expect(database.select().from(pushDigests).all()).toHaveLength(1);
  });

  it('waits a day before the next digest, then sends only what is new', async () => {
    expect(await sendDigest(database, new Date(now.getTime() + 3600_000))).toEqual({ status: 'skipped', reason: 'too-soon' });
    const tomorrow = new Date(now.getTime() + 25 * 3600_000);
    expect(await sendDigest(database, tomorrow)).toEqual({ status: 'skipped', reason: 'nothing-new' });

    const deal = database.select().from(deals).where(eq(deals.status, 'published')).all().find((d) => d.endsAt > tomorrow.toISOString())!;
    database.transaction((tx) => {
      tx.update(deals).set({ title: 'Nouveau : -30 % sur les vinyles' }).where(eq(deals.id, deal.id)).run();
      recordCatalogChanges(tx, [`deal-${deal.id}`], 'upsert');
    });
    endpoint.received.length = 0;
    expect(await sendDigest(database, tomorrow)).toMatchObject({ status: 'sent', items: 1, delivered: 2 });
    const payload = JSON.parse(endpoint.received[0].plaintext) as DigestPayload;
    expect(payload.items).toEqual([expect.objectContaining({ id: `deal-${deal.id}`, title: 'Nouveau : -30 % sur les vinyles' })]);
  });

  it('forgets subscriptions the push service says are gone', async () => {
    subscribe('uninstalled', 410);
    const deal = database.select().from(deals).where(eq(deals.status, 'published')).all().at(-1)!;
    database.transaction((tx) => {
      tx.update(deals).set({ endsAt: '2027-01-31T23:00:00Z' }).where(eq(deals.id, deal.id)).run();
      recordCatalogChanges(tx, [`deal-${deal.id}`], 'upsert');
    });
    const outcome = await sendDigest(database, new Date(now.getTime() + 50 * 3600_000));
    expect(outcome).toMatchObject({ status: 'sent', recipients: 3, delivered: 2, removed: 1 });
    expect(database.select().from(pushSubscriptions).all().map((s) => s.endpoint)).not.toContain(
      expect.stringContaining('uninstalled')
    );
  });
});

type ReceivedPush = Awaited<ReturnType<typeof startPushEndpoint>>['received'][number];
