import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/lib/server/db';
import { seedDemo } from '../../src/lib/server/db/seed';
import { AccountError } from '../../src/lib/server/accounts/accounts';
import { joinAsCurrentUser, joinAsNewMerchant, uniqueShopSlug } from '../../src/lib/server/merchant/join';
import { findProduct, saveProduct } from '../../src/lib/server/merchant/products';
import { parseEuros, productSchema, shopApplicationSchema, slugify } from '../../src/lib/schemas/merchant';
import { parseForm } from '../../src/lib/server/forms/read-form';
import { shopChecklist } from '../../src/lib/merchant/checklist';

const NOW = new Date('2026-03-20T09:30:00Z');

function n(db: Db, sql: string): number {
  return (db.$client.prepare(sql).pluck().get() as number) ?? 0;
}

const application = {
  shopName: 'Pétales & Briques',
  category: 'fleuriste' as const,
  description: 'Des fleurs de saison.',
  address: '3 rue du Taur, Toulouse',
  lat: 43.6,
  lng: 1.44,
  clickAndCollect: true,
  themes: ['nature', 'not-a-theme']
};

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.append(k, v);
  return f;
}

describe('parseEuros', () => {
  it('reads French and English decimals into cents', () => {
    expect(parseEuros('12,50')).toBe(1250);
    expect(parseEuros('12.50')).toBe(1250);
    expect(parseEuros('12,5')).toBe(1250);
    expect(parseEuros('12')).toBe(1200);
    expect(parseEuros(' 1 250,00 € ')).toBe(125000);
    expect(parseEuros('0,07')).toBe(7);
  });
  it('refuses what is not a price', () => {
    for (const bad of ['', 'abc', '-3', '12,505', '1.2.3', '12,', '1e3']) expect(parseEuros(bad), bad).toBeNull();
  });
});

describe('productSchema', () => {
  it('parses a product form', () => {
    const result = parseForm(form({ name: ' Bouquet ', description: '', price: '12,50', stock: '4', visible: 'on' }), productSchema);
    expect(result).toMatchObject({ ok: true, data: { name: 'Bouquet', price: 1250, stock: 4, visible: true } });
  });
  it('returns error codes and keeps typed values', () => {
    const result = parseForm(form({ name: '', price: '12,5,0', stock: '-1' }), productSchema);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({ name: 'required', price: 'price_invalid', stock: 'stock_invalid' });
    expect(result.values.price).toBe('12,5,0');
  });
  it('treats a missing checkbox as off', () => {
    const result = parseForm(form({ name: 'Vase', price: '3', stock: '0' }), productSchema);
    expect(result.ok && result.data.visible).toBe(false);
  });
});

describe('shop application', () => {
  it('parses lat/lng with a comma and refuses an unknown category', () => {
    const ok = parseForm(
      form({ shopName: 'Chez Lu', category: 'cafe', description: 'x', address: '1 place du Capitole', lat: '43,6', lng: '1.44' }),
      shopApplicationSchema
    );
    expect(ok).toMatchObject({ ok: true, data: { lat: 43.6, lng: 1.44, clickAndCollect: false } });
    const bad = parseForm(form({ shopName: 'Chez Lu', category: 'casino', description: 'x', address: '1 place', lat: '99', lng: '' }), shopApplicationSchema);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors).toMatchObject({ category: 'required', lat: 'coord_outside', lng: 'required' });
  });

  it('slugs names and keeps them unique', () => {
    const db = openDatabase(':memory:');
    seedDemo(db, NOW);
    expect(slugify('Pétales & Briques !')).toBe('petales-briques');
    expect(slugify('!!!')).toBe('boutique');
    expect(uniqueShopSlug(db, 'Pétales et Briques')).toBe('petales-et-briques-2');
  });

  it('creates account, pending shop, ownership and themes in one go', async () => {
    const db = openDatabase(':memory:');
    seedDemo(db, NOW);
    const { userId, shopId, slug } = await joinAsNewMerchant(db, { email: 'nouvelle@placette.test', password: 'une fleur pour Lucie', displayName: 'Lucie' }, application);
    expect(slug).toBe('petales-briques');
    expect(db.$client.prepare('SELECT role FROM users WHERE id = ?').pluck().get(userId)).toBe('merchant');
    expect(db.$client.prepare('SELECT status FROM shops WHERE id = ?').pluck().get(shopId)).toBe('pending');
    expect(db.$client.prepare('SELECT role FROM shop_members WHERE shop_id = ? AND user_id = ?').pluck().get(shopId, userId)).toBe('owner');
    expect(db.$client.prepare('SELECT theme_slug FROM shop_themes WHERE shop_id = ?').pluck().all(shopId)).toEqual(['nature']);
  });

  it('writes nothing when the email is taken', async () => {
    const db = openDatabase(':memory:');
    seedDemo(db, NOW);
    db.$client.prepare("INSERT INTO users (email, password_hash, role) VALUES ('fleuriste@placette.test', 'x', 'merchant')").run();
    const before = [n(db, 'SELECT count(*) FROM users'), n(db, 'SELECT count(*) FROM shops'), n(db, 'SELECT count(*) FROM shop_members')];
    await expect(
      joinAsNewMerchant(db, { email: 'fleuriste@placette.test', password: 'une fleur pour Lucie', displayName: '' }, application)
    ).rejects.toThrow(AccountError);
    expect([n(db, 'SELECT count(*) FROM users'), n(db, 'SELECT count(*) FROM shops'), n(db, 'SELECT count(*) FROM shop_members')]).toEqual(before);
  });

  it('turns a signed-in citizen into a merchant', () => {
    const db = openDatabase(':memory:');
    seedDemo(db, NOW);
    const citizen = db.$client.prepare("INSERT INTO users (email, password_hash) VALUES ('c@placette.test', 'x') RETURNING id").pluck().get() as number;
    const { shopId } = joinAsCurrentUser(db, citizen, application);
    expect(db.$client.prepare('SELECT role FROM users WHERE id = ?').pluck().get(citizen)).toBe('merchant');
    expect(db.$client.prepare('SELECT user_id FROM shop_members WHERE shop_id = ?').pluck().get(shopId)).toBe(citizen);
  });
});

describe('saveProduct', () => {
  const db = openDatabase(':memory:');
  seedDemo(db, NOW);
  const shopId = db.$client.prepare("SELECT id FROM shops WHERE slug = 'petales-et-briques'").pluck().get() as number;
  const otherShop = db.$client.prepare("SELECT id FROM shops WHERE slug = 'la-plume-du-taur'").pluck().get() as number;
  const journal = () => db.$client.prepare('SELECT item_id, op FROM catalog_log ORDER BY version DESC LIMIT 1').get();

  it('journals an upsert for a visible product of an approved shop', () => {
    const { id } = saveProduct(db, shopId, null, { name: 'Bouquet', description: '', price: 1250, stock: 3, visible: true, themes: [] })!;
    expect(journal()).toEqual({ item_id: `product-${id}`, op: 'upsert' });
    saveProduct(db, shopId, id, { name: 'Bouquet', description: '', price: 1250, stock: 3, visible: false, themes: ['nature'] });
    expect(journal()).toEqual({ item_id: `product-${id}`, op: 'delete' });
    expect(findProduct(db, shopId, id)).toMatchObject({ visible: false, themes: ['nature'] });
  });

  it('never edits another shop’s product', () => {
    const { id } = saveProduct(db, shopId, null, { name: 'Pivoine', description: '', price: 500, stock: 1, visible: true, themes: [] })!;
    expect(saveProduct(db, otherShop, id, { name: 'Volé', description: '', price: 1, stock: 1, visible: true, themes: [] })).toBeNull();
    expect(findProduct(db, otherShop, id)).toBeNull();
    expect(findProduct(db, shopId, id)?.name).toBe('Pivoine');
  });

  it('replaces the photo and reports the one whose files can go', () => {
    const photo = (id: string) => ({ id, width: 640, height: 480, widths: [320, 640] as (320 | 640)[], formats: ['avif', 'webp'] as ('avif' | 'webp')[] });
    const input = { name: 'Orchidée', description: '', price: 2500, stock: 2, visible: true, themes: [] };
    const { id } = saveProduct(db, shopId, null, input, { replace: [photo('a'.repeat(26))] })!;
    expect(findProduct(db, shopId, id)?.photos.map((p) => p.id)).toEqual(['a'.repeat(26)]);
    expect(saveProduct(db, shopId, id, input)!.replacedPhotos).toEqual([]);
    expect(findProduct(db, shopId, id)?.photos).toHaveLength(1);
    const swapped = saveProduct(db, shopId, id, input, { replace: [photo('b'.repeat(26))] })!;
    expect(swapped.replacedPhotos.map((p) => p.id)).toEqual(['a'.repeat(26)]);
    expect(saveProduct(db, shopId, id, input, { replace: [] })!.replacedPhotos.map((p) => p.id)).toEqual(['b'.repeat(26)]);
    expect(findProduct(db, shopId, id)?.photos).toEqual([]);
  });
});

describe('shopChecklist', () => {
  const empty = { description: '', openingHours: {}, phone: null, productCount: 0, dealCount: 0, themeCount: 0 };
  it('counts what is done', () => {
    expect(shopChecklist(empty)).toMatchObject({ done: 0, total: 6 });
    const full = shopChecklist({
      description: 'x'.repeat(120),
      openingHours: { '1': [['09:00', '19:00']], '2': [['09:00', '19:00']], '3': [['09:00', '19:00']], '4': [['09:00', '19:00']], '5': [['09:00', '19:00']], '7': [] },
      phone: '05 61 00 00 00',
      productCount: 5,
      dealCount: 0,
      themeCount: 1
    });
    expect(full.done).toBe(5);
    expect(full.items.find((i) => i.key === 'deal')).toEqual({ key: 'deal', done: false, optional: true });
  });
  it('needs 5 open days, 120 characters and 5 products', () => {
    const c = shopChecklist({ ...empty, description: 'x'.repeat(119), openingHours: { '1': [['9:00', '12:00']] }, productCount: 4, phone: '  ' });
    expect(c.done).toBe(0);
  });
});
