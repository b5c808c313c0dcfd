/**
 * The shop settings page's parsing (hours, closures), its saves (one transaction, journaled when
 * public), deals going back to review, and the staff invitation token's lifecycle.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { seedDemo } from '../../src/lib/server/db/seed';
import { catalogLog, deals, shopInvites, shopMembers, shops, users } from '../../src/lib/server/db/schema';
import {
  addClosedDate,
  formatDayHours,
  normaliseTime,
  parseCalendarDate,
  parseDayHours,
  parseWeeklyHours,
  removeClosedDate
} from '../../src/lib/merchant/shop-hours';
import { addShopClosure, removeShopClosure, saveShopSettings, shopSettings } from '../../src/lib/server/merchant/shop-settings';
import { findDeal, parisDateTime, saveDeal } from '../../src/lib/server/merchant/deals';
import {
  acceptInvite,
  createInvite,
  findInvite,
  hashInviteToken,
  INVITE_TTL_MS,
  pendingInvites,
  removeStaff,
  revokeInvite
} from '../../src/lib/server/merchant/invites';
import { dealSchema, shopSettingsSchema } from '../../src/lib/schemas/merchant';
import { parseForm } from '../../src/lib/server/forms/read-form';
import { loadCatalogItems } from '../../src/lib/server/catalog/build';

const NOW = new Date('2026-11-25T10:00:00+01:00');

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.append(k, v);
  return f;
}

describe('opening hours parsing', () => {
  it('normalises the ways people write a time', () => {
    expect(normaliseTime('9')).toBe('09:00');
    expect(normaliseTime('9h')).toBe('09:00');
    expect(normaliseTime('9h30')).toBe('09:30');
    expect(normaliseTime('09:30')).toBe('09:30');
    expect(normaliseTime('24:00')).toBe('24:00');
    expect(normaliseTime('24:30')).toBeNull();
    expect(normaliseTime('12:60')).toBeNull();
    expect(normaliseTime('midi')).toBeNull();
  });

  it('reads one or two ranges, with any dash and separator, sorted', () => {
    expect(parseDayHours('09:00–12:30, 14:00–19:00')).toEqual({ ok: true, ranges: [['09:00', '12:30'], ['14:00', '19:00']] });
    expect(parseDayHours('14h-19h et 9h - 12h30')).toEqual({ ok: true, ranges: [['09:00', '12:30'], ['14:00', '19:00']] });
    expect(parseDayHours('10:00—18:00')).toEqual({ ok: true, ranges: [['10:00', '18:00']] });
    expect(parseDayHours('18:00 - 24:00')).toEqual({ ok: true, ranges: [['18:00', '24:00']] });
  });

  it('treats an empty day (or "fermé") as closed', () => {
    expect(parseDayHours('')).toEqual({ ok: true, ranges: [] });
    expect(parseDayHours('  ')).toEqual({ ok: true, ranges: [] });
    expect(parseDayHours('Fermé')).toEqual({ ok: true, ranges: [] });
  });

  it('refuses a range that ends before it starts, too many ranges, overlaps and nonsense', () => {
    expect(parseDayHours('19:00–09:00')).toEqual({ ok: false, code: 'hours_order' });
    expect(parseDayHours('09:00–09:00')).toEqual({ ok: false, code: 'hours_order' });
    expect(parseDayHours('08:00–10:00, 11:00–12:00, 14:00–18:00')).toEqual({ ok: false, code: 'hours_too_many' });
    expect(parseDayHours('09:00–13:00, 12:00–18:00')).toEqual({ ok: false, code: 'hours_overlap' });
    expect(parseDayHours('le matin')).toEqual({ ok: false, code: 'hours_format' });
    expect(parseDayHours('09:00')).toEqual({ ok: false, code: 'hours_format' });
    expect(parseDayHours('24:00–24:00')).toEqual({ ok: false, code: 'hours_format' });
  });

  it('reads the week from the form, keyed errors per day, closed days left out', () => {
    const values: Record<string, string> = { 'hours-1': '', 'hours-2': '10:00–19:00', 'hours-7': '' };
    expect(parseWeeklyHours((name) => values[name])).toEqual({ ok: true, hours: { '2': [['10:00', '19:00']] } });
    values['hours-3'] = '19:00–10:00';
    values['hours-4'] = 'n’importe quoi';
    expect(parseWeeklyHours((name) => values[name])).toEqual({ ok: false, errors: { 'hours-3': 'hours_order', 'hours-4': 'hours_format' } });
  });

  it('formats what it parses back to the same text', () => {
    const text = '09:00–12:30, 14:00–19:00';
    const parsed = parseDayHours(text);
    expect(parsed.ok && formatDayHours(parsed.ranges)).toBe(text);
    expect(formatDayHours(undefined)).toBe('');
  });
});

describe('closure dates', () => {
  it('accepts only real calendar dates', () => {
    expect(parseCalendarDate('2026-12-24')).toBe('2026-12-24');
    expect(parseCalendarDate('2028-02-29')).toBe('2028-02-29');
    expect(parseCalendarDate('2026-02-29')).toBeNull();
    expect(parseCalendarDate('2026-13-01')).toBeNull();
    expect(parseCalendarDate('24/12/2026')).toBeNull();
    expect(parseCalendarDate('')).toBeNull();
  });

  it('adds sorted without duplicates and removes', () => {
    expect(addClosedDate(['2026-12-31', '2026-12-24'], '2026-12-25')).toEqual(['2026-12-24', '2026-12-25', '2026-12-31']);
    expect(addClosedDate(['2026-12-24'], '2026-12-24')).toEqual(['2026-12-24']);
    expect(removeClosedDate(['2026-12-24', '2026-12-25'], '2026-12-24')).toEqual(['2026-12-25']);
  });
});

describe('shop settings and deals against the demo database', () => {
  let database: Db;
  let florist: typeof shops.$inferSelect;
  let owner: { id: number; email: string };
  const journal = () => database.select().from(catalogLog).all().map((r) => `${r.op}:${r.itemId}`);

  beforeEach(() => {
    database = openDatabase(':memory:');
    seedDemo(database, NOW);
    florist = database.select().from(shops).where(eq(shops.slug, 'petales-et-briques')).get()!;
    // The demo accounts are seeded separately (with real password hashes); an owner is enough here.
    owner = database.insert(users).values({ email: 'fleuriste@placette.test', passwordHash: 'x', role: 'merchant', displayName: 'Inès' }).returning({ id: users.id, email: users.email }).get();
    database.insert(shopMembers).values({ shopId: florist.id, userId: owner.id, role: 'owner' }).run();
  });

  const validSettings = {
    name: 'Pétales & Briques',
    category: 'fleuriste',
    summary: 'Fleurs de saison',
    description: 'Des **fleurs** de saison.\r\n\r\n- renoncules\r\n- anémones',
    address: '3 rue du Taur, Toulouse',
    lat: '43,6045',
    lng: '1.444',
    phone: '05 61 00 00 00'
  };

  it('validates the settings form: Markdown kept as typed (line endings normalised), coordinates and phone checked', () => {
    const ok = parseForm(form(validSettings), shopSettingsSchema);
    expect(ok.ok && ok.data).toMatchObject({ description: 'Des **fleurs** de saison.\n\n- renoncules\n- anémones', lat: 43.6045, lng: 1.444 });
    const bad = parseForm(form({ ...validSettings, lat: '91', lng: 'abc', phone: 'appelez-moi', description: 'x'.repeat(4001) }), shopSettingsSchema);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && Object.keys(bad.errors).sort()).toEqual(['description', 'lat', 'lng', 'phone']);
    expect(!bad.ok && bad.errors.phone).toBe('phone_invalid');
    expect(!bad.ok && bad.errors).toMatchObject({ lat: 'coord_outside', lng: 'invalid' });
  });

  it('keeps a shop within the territory: Paris, the other hemisphere or 1e3 are refused', () => {
    const errors = (lat: string, lng: string) => {
      const parsed = parseForm(form({ ...validSettings, lat, lng }), shopSettingsSchema);
      return parsed.ok ? {} : parsed.errors;
    };
    expect(errors('43,5', '1,3')).toEqual({});
    expect(errors('43.72', '1.6')).toEqual({});
    expect(errors('48.8566', '2.3522')).toMatchObject({ lat: 'coord_outside', lng: 'coord_outside' });
    expect(errors('-43.6', '1.44')).toMatchObject({ lat: 'coord_outside' });
    expect(errors('1e3', '0x1')).toMatchObject({ lat: 'invalid', lng: 'invalid' });
  });

  it('saves everything in one transaction, journals the approved shop and the catalog shows it', () => {
    const before = journal().length;
    const parsed = parseForm(form(validSettings), shopSettingsSchema);
    if (!parsed.ok) throw new Error('invalid');
    const hours = { '1': [['09:00', '12:30'], ['14:00', '19:00']] as [string, string][] };
    expect(saveShopSettings(database, florist.id, { ...parsed.data, hours, themes: ['nature', 'unknown-theme'] })).toBe(true);
    const saved = shopSettings(database, florist.id)!;
    expect(saved.openingHours).toEqual(hours);
    expect(saved.themes).toEqual(['nature']);
    expect(saved.phone).toBe('05 61 00 00 00');
    expect(journal().slice(before)).toEqual([`upsert:shop-${florist.id}`]);
    const item = loadCatalogItems(database).find((i) => i.id === `shop-${florist.id}`);
    expect(item).toMatchObject({ description: 'Des **fleurs** de saison.\n\n- renoncules\n- anémones', hours });
  });

  it('does not journal a shop that is not public', () => {
    const pending = database.select().from(shops).where(eq(shops.status, 'pending')).get()!;
    const before = journal().length;
    addShopClosure(database, pending.id, '2026-12-24');
    expect(shopSettings(database, pending.id)!.closedDates).toContain('2026-12-24');
    expect(journal().length).toBe(before);
  });

  it('adds and removes closure dates', () => {
    addShopClosure(database, florist.id, '2026-12-26');
    addShopClosure(database, florist.id, '2026-12-24');
    expect(shopSettings(database, florist.id)!.closedDates).toEqual(expect.arrayContaining(['2026-12-24', '2026-12-26']));
    removeShopClosure(database, florist.id, '2026-12-24');
    expect(shopSettings(database, florist.id)!.closedDates).not.toContain('2026-12-24');
  });

  it('a deal needs its end on or after its start', () => {
    expect(parseForm(form({ title: 'Bouquet offert', startsOn: '2026-12-10', endsOn: '2026-12-01' }), dealSchema)).toMatchObject({ ok: false, errors: { endsOn: 'deal_ends_before' } });
    expect(parseForm(form({ title: 'Bouquet offert', startsOn: '2026-12-10', endsOn: '2026-12-10' }), dealSchema).ok).toBe(true);
    expect(parseForm(form({ title: 'Bouquet offert', startsOn: '2026-02-30', endsOn: '2026-12-10' }), dealSchema)).toMatchObject({ ok: false, errors: { startsOn: 'date_invalid' } });
  });

  it('new deals are pending; editing a published one sends it back to review with a tombstone', () => {
    const id = saveDeal(database, florist.id, null, { title: 'Bouquet offert', details: '', startsOn: '2026-12-01', endsOn: '2026-12-10' })!;
    expect(findDeal(database, florist.id, id)).toMatchObject({ status: 'pending', startsOn: '2026-12-01', endsOn: '2026-12-10' });
    expect(database.select().from(deals).where(eq(deals.id, id)).get()!.startsAt).toBe('2026-12-01T00:00:00+01:00');

    const published = database.select().from(deals).where(and(eq(deals.shopId, florist.id), eq(deals.status, 'published'))).get()!;
    const before = journal().length;
    saveDeal(database, florist.id, published.id, { title: 'Nouveau titre', details: 'x', startsOn: '2026-12-01', endsOn: '2026-12-02' });
    expect(findDeal(database, florist.id, published.id)!.status).toBe('pending');
    expect(journal().slice(before)).toEqual([`delete:deal-${published.id}`]);
    expect(loadCatalogItems(database).some((i) => i.id === `deal-${published.id}`)).toBe(false);
    // Another shop's deal is not found.
    const other = database.select().from(shops).where(eq(shops.slug, 'la-plume-du-taur')).get()!;
    expect(saveDeal(database, other.id, published.id, { title: 'x y z', details: '', startsOn: '2026-12-01', endsOn: '2026-12-02' })).toBeNull();
  });

  it('Paris offsets follow daylight saving', () => {
    expect(parisDateTime('2026-07-14', '00:00')).toBe('2026-07-14T00:00:00+02:00');
    expect(parisDateTime('2026-01-14', '23:59')).toBe('2026-01-14T23:59:00+01:00');
  });

  describe('staff invitations', () => {
    const newUser = (email: string) =>
      database.insert(users).values({ email, passwordHash: 'x', role: 'citizen', displayName: 'New' }).returning({ id: users.id, email: users.email }).get();

    it('stores only the SHA-256 of a 128-bit token, valid for 7 days', () => {
      const result = createInvite(database, florist.id, owner.id, ' Nouvelle@Example.test ', NOW);
      if (!('token' in result)) throw new Error('no token');
      expect(Buffer.from(result.token, 'base64url')).toHaveLength(16);
      const row = database.select().from(shopInvites).where(eq(shopInvites.shopId, florist.id)).get()!;
      expect(row.tokenHash).toBe(hashInviteToken(result.token));
      expect(row.tokenHash).not.toContain(result.token);
      expect(JSON.stringify(database.select().from(shopInvites).all())).not.toContain(result.token);
      expect(row).toMatchObject({ email: 'nouvelle@example.test', role: 'staff', expiresAt: NOW.getTime() + INVITE_TTL_MS });
      expect(pendingInvites(database, florist.id, NOW).map((i) => i.email)).toEqual(['nouvelle@example.test']);
    });

    it('joins as staff once; the token cannot be used again', () => {
      const { token } = createInvite(database, florist.id, owner.id, 'nouvelle@example.test', NOW) as { token: string };
      const person = newUser('nouvelle@example.test');
      expect(acceptInvite(database, token, person, new Date(NOW.getTime() + 3600_000))).toEqual({ ok: true, shopId: florist.id });
      const member = database.select().from(shopMembers).where(and(eq(shopMembers.shopId, florist.id), eq(shopMembers.userId, person.id))).get();
      expect(member?.role).toBe('staff');
      expect(database.select({ role: users.role }).from(users).where(eq(users.id, person.id)).get()!.role).toBe('merchant');
      expect(acceptInvite(database, token, person, NOW)).toEqual({ ok: false, error: 'not_found' });
      expect(findInvite(database, token, NOW)).toEqual({ ok: false, error: 'not_found' });
    });

    it('refuses an expired token with its own reason', () => {
      const { token } = createInvite(database, florist.id, owner.id, 'nouvelle@example.test', NOW) as { token: string };
      const person = newUser('nouvelle@example.test');
      const later = new Date(NOW.getTime() + INVITE_TTL_MS + 1);
      expect(findInvite(database, token, later)).toEqual({ ok: false, error: 'expired' });
      expect(acceptInvite(database, token, person, later)).toEqual({ ok: false, error: 'expired' });
      expect(pendingInvites(database, florist.id, later)).toEqual([]);
    });

    it('refuses another address and keeps the invitation for the right one', () => {
      const { token } = createInvite(database, florist.id, owner.id, 'nouvelle@example.test', NOW) as { token: string };
      const intruder = newUser('autre@example.test');
      expect(acceptInvite(database, token, intruder, NOW)).toEqual({ ok: false, error: 'wrong_email' });
      expect(database.select().from(shopMembers).where(eq(shopMembers.userId, intruder.id)).all()).toEqual([]);
      expect(acceptInvite(database, token, newUser('nouvelle@example.test'), NOW).ok).toBe(true);
    });

    it('refuses garbage tokens, existing members, and supports revoking and removing staff (never the owner)', () => {
      expect(findInvite(database, 'not a token', NOW)).toEqual({ ok: false, error: 'not_found' });
      expect(createInvite(database, florist.id, owner.id, 'fleuriste@placette.test', NOW)).toEqual({ error: 'already_member' });
      const { token } = createInvite(database, florist.id, owner.id, 'nouvelle@example.test', NOW) as { token: string };
      // Inviting again renews: the old link stops working.
      const { token: renewed } = createInvite(database, florist.id, owner.id, 'nouvelle@example.test', NOW) as { token: string };
      expect(findInvite(database, token, NOW).ok).toBe(false);
      const [invite] = pendingInvites(database, florist.id, NOW);
      expect(revokeInvite(database, florist.id, invite.id)).toBe(true);
      expect(findInvite(database, renewed, NOW).ok).toBe(false);

      const { token: third } = createInvite(database, florist.id, owner.id, 'nouvelle@example.test', NOW) as { token: string };
      const person = newUser('nouvelle@example.test');
      acceptInvite(database, third, person, NOW);
      expect(removeStaff(database, florist.id, owner.id)).toBe(false);
      expect(removeStaff(database, florist.id, person.id)).toBe(true);
    });
  });
});
