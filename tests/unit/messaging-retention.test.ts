import { describe, expect, it } from 'vitest';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { conversations, messages, users } from '../../src/lib/server/db/schema';
import { ordersFixture } from '../support/orders-fixture';
import { jpegFixture } from '../support/image-fixtures';
import { saveImage } from '../../src/lib/server/images';
import { postMessage, startConversation, exportConversations } from '../../src/lib/server/messaging/service';
import { purgeExpiredMessages, retentionConfig } from '../../src/lib/server/messaging/retention';
import { deleteAccount } from '../../src/lib/server/accounts/data';

const DAY = 86_400_000;
const T0 = new Date('2026-01-10T10:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);

async function photoUpload() {
  const bytes = await jpegFixture({ width: 640, height: 480 });
  return saveImage(new File([new Uint8Array(bytes)], 'p.jpg', { type: 'image/jpeg' }), { visibility: 'private' });
}

describe('message retention', () => {
  it('reads its settings from the environment, with the documented defaults', () => {
    expect(retentionConfig({})).toEqual({ messageDays: 365, photoDays: 30 });
    expect(retentionConfig({ PLACETTE_MESSAGE_RETENTION_DAYS: '90', PLACETTE_DELIVERY_PHOTO_DAYS: '7' })).toEqual({ messageDays: 90, photoDays: 7 });
    expect(retentionConfig({ PLACETTE_MESSAGE_RETENTION_DAYS: 'abc', PLACETTE_DELIVERY_PHOTO_DAYS: '-3' })).toEqual({ messageDays: 365, photoDays: 30 });
  });

  it('deletes a conversation a year after its last activity, photos after 30 days, nothing earlier', async () => {
    process.env.PLACETTE_UPLOADS = await mkdtemp(join(tmpdir(), 'placette-ret-'));
    const f = ordersFixture();
    const citizen = { id: f.citizen, role: 'citizen' };
    const merchant = { id: f.merchantA, role: 'merchant' };
    const quiet = startConversation(f.db, citizen, { shopId: f.shopA, body: 'Ancienne question' }, T0).id;
    const photo = await photoUpload();
    const withPhoto = postMessage(f.db, merchant, quiet, { clientId: crypto.randomUUID(), body: 'Le bouquet livré', photo }, at(1)).message;
    const busy = startConversation(f.db, citizen, { shopId: f.shopB, body: 'Question' }, T0).id;
    postMessage(f.db, citizen, busy, { clientId: crypto.randomUUID(), body: 'Relance' }, at(300));
    const config = { messageDays: 365, photoDays: 30 };
    const files = () => readdir(join(process.env.PLACETTE_UPLOADS!, 'private'));

    // Day 30: the photo is 29 days old, nothing goes.
    expect(await purgeExpiredMessages(f.db, at(30), config)).toEqual({ conversations: 0, photos: 0 });
    expect(await files()).toContain(photo.id);
    // Day 32: the photo goes, its message stays and says so.
    expect(await purgeExpiredMessages(f.db, at(32), config)).toEqual({ conversations: 0, photos: 1 });
    expect(await files()).not.toContain(photo.id);
    const kept = f.db.select().from(messages).where(eq(messages.id, withPhoto.id)).get()!;
    expect(kept).toMatchObject({ photo: null, photoExpired: true, body: 'Le bouquet livré' });
    // Day 366 after the last message (day 1): the quiet thread goes; the busy one (day 300) stays.
    expect(await purgeExpiredMessages(f.db, at(365), config)).toEqual({ conversations: 0, photos: 0 });
    expect(await purgeExpiredMessages(f.db, at(367), config)).toEqual({ conversations: 1, photos: 0 });
    expect(f.db.select().from(conversations).all().map((c) => c.id)).toEqual([busy]);
    expect(f.db.select().from(messages).where(eq(messages.conversationId, quiet)).all()).toEqual([]);
    expect(await purgeExpiredMessages(f.db, at(666), config)).toEqual({ conversations: 1, photos: 0 });
  });

  it('account deletion: a citizen’s conversations go, a merchant’s messages stay anonymised', async () => {
    process.env.PLACETTE_UPLOADS = await mkdtemp(join(tmpdir(), 'placette-ret-'));
    const f = ordersFixture();
    const a = startConversation(f.db, { id: f.citizen, role: 'citizen' }, { shopId: f.shopA, body: 'Bonjour' }).id;
    const b = startConversation(f.db, { id: f.other, role: 'citizen' }, { shopId: f.shopA, body: 'Salut' }).id;
    const reply = postMessage(f.db, { id: f.merchantA, role: 'merchant' }, b, { clientId: crypto.randomUUID(), body: 'Bonjour à vous' }).message;
    expect(exportConversations(f.db, f.citizen).conversations[0].messages.map((m) => m.body)).toEqual(['Bonjour']);
    expect(exportConversations(f.db, f.merchantA).sent_for_shops.map((m) => m.body)).toEqual(['Bonjour à vous']);

    deleteAccount(f.db, f.citizen);
    expect(f.db.select().from(conversations).where(eq(conversations.id, a)).get()).toBeUndefined();
    deleteAccount(f.db, f.merchantA);
    const kept = f.db.select().from(messages).where(eq(messages.id, reply.id)).get()!;
    expect(kept).toMatchObject({ body: 'Bonjour à vous', senderId: null, side: 'shop' });
    expect(f.db.select().from(users).where(eq(users.id, f.merchantA)).get()).toBeUndefined();
  });
});
