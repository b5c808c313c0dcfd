import { openDatabase, type Db } from '../../src/lib/server/db';
import { products, shopMembers, shops, users } from '../../src/lib/server/db/schema';
import { writeSetting } from '../../src/lib/server/settings';
import { addDays, parisClock } from '../../src/lib/catalog/hours';
import { pickupSlots, BOOKING_HORIZON_DAYS } from '../../src/lib/orders/slots';
import { bookedOnDate, slotShop } from '../../src/lib/server/orders/shop-slots';
import { eq } from 'drizzle-orm';
import type { WeeklyHours } from '../../src/lib/catalog/types';

/** Open every day 08:00–20:00, so a slot is always within reach whatever the test's clock. */
export const EVERY_DAY: WeeklyHours = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [['08:00', '20:00']]]));

export interface OrdersFixture {
  db: Db;
  citizen: number;
  other: number;
  merchantA: number;
  merchantB: number;
  /** Row ids. */
  shopA: number;
  shopB: number;
  florist: number;
  /** Product row ids: two at shop A, one at shop B, one at the florist, one hidden at A. */
  bread: number;
  cake: number;
  book: number;
  bouquet: number;
  hidden: number;
}

/** A small open platform: three shops (one delivering), five products, four accounts. */
export function ordersFixture(database: Db = openDatabase(':memory:'), stock = { bread: 10, cake: 3, book: 5, bouquet: 4 }): OrdersFixture {
  writeSetting(database, 'platform_open', true);
  const user = (email: string, role: 'citizen' | 'merchant', displayName = '') =>
    database.insert(users).values({ email, passwordHash: 'x', role, displayName }).returning({ id: users.id }).get().id;
  const shop = (slug: string, extra: Partial<typeof shops.$inferInsert> = {}) =>
    database
      .insert(shops)
      .values({ slug, name: slug, category: 'boulangerie', address: '1 rue X, Toulouse', lat: 43.6, lng: 1.44, openingHours: EVERY_DAY, status: 'approved', slotCapacity: 2, prepMinutes: 20, ...extra })
      .returning({ id: shops.id })
      .get().id;
  const product = (shopId: number, name: string, priceCents: number, units: number, visible = true) =>
    database.insert(products).values({ shopId, name, priceCents, stock: units, stockIn: units, visible }).returning({ id: products.id }).get().id;

  const citizen = user('habitant@example.org', 'citizen', 'Habitant');
  const other = user('autre@example.org', 'citizen', 'Autre');
  const merchantA = user('a@example.org', 'merchant', 'A');
  const merchantB = user('b@example.org', 'merchant', 'B');
  const shopA = shop('boulangerie-a');
  const shopB = shop('librairie-b');
  const florist = shop('fleuriste', { delivery: true, deliveryPostcodes: ['31000'], deliveryFeeCents: 590, clickAndCollect: false });
  database.insert(shopMembers).values([
    { shopId: shopA, userId: merchantA, role: 'owner' },
    { shopId: shopB, userId: merchantB, role: 'owner' }
  ]).run();
  return {
    db: database,
    citizen,
    other,
    merchantA,
    merchantB,
    shopA,
    shopB,
    florist,
    bread: product(shopA, 'Pain', 250, stock.bread),
    cake: product(shopA, 'Gâteau', 1800, stock.cake),
    book: product(shopB, 'Livre', 2090, stock.book),
    bouquet: product(florist, 'Bouquet', 3500, stock.bouquet),
    hidden: product(shopA, 'Caché', 100, 5, false)
  };
}

/** Every slot with room left at a shop over the booking horizon, as seen at `now`. */
export function openSlots(database: Db, shopId: number, now = Date.now()): string[] {
  const shop = database.select().from(shops).where(eq(shops.id, shopId)).get()!;
  const today = parisClock(now).date;
  const out: string[] = [];
  for (let k = 0; k <= BOOKING_HORIZON_DAYS; k++) {
    const date = addDays(today, k);
    for (const slot of pickupSlots(slotShop(shop), date, now, bookedOnDate(database, shopId, date))) if (slot.left > 0) out.push(slot.start);
  }
  return out;
}

/** The first slot with room left at a shop, as seen at `now`. */
export function firstSlot(database: Db, shopId: number, now = Date.now(), skip = 0): string {
  const shop = database.select().from(shops).where(eq(shops.id, shopId)).get()!;
  const today = parisClock(now).date;
  let seen = 0;
  for (let k = 0; k <= BOOKING_HORIZON_DAYS; k++) {
    const date = addDays(today, k);
    for (const slot of pickupSlots(slotShop(shop), date, now, bookedOnDate(database, shopId, date))) if (slot.left > 0 && seen++ >= skip) return slot.start;
  }
  throw new Error('no slot');
}

/** `stock + reserved + sold == stock_in` for every product, and reserved/sold match the order lines. */
export function stockLedger(database: Db): { id: number; stock: number; reserved: number; sold: number; stockIn: number; openLines: number; soldLines: number }[] {
  return database.$client
    .prepare(
      `SELECT p.id, p.stock, p.reserved, p.sold, p.stock_in AS stockIn,
        coalesce((SELECT sum(l.qty) FROM order_lines l JOIN order_parts op ON op.id = l.part_id WHERE l.product_id = p.id AND op.status IN ('placed','accepted','ready')), 0) AS openLines,
        coalesce((SELECT sum(l.qty) FROM order_lines l JOIN order_parts op ON op.id = l.part_id WHERE l.product_id = p.id AND op.status = 'collected'), 0) AS soldLines
       FROM products p ORDER BY p.id`
    )
    .all() as ReturnType<typeof stockLedger>;
}
