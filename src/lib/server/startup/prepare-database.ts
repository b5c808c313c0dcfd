import { db } from '../db';
import { isEmpty, seedDemo } from '../db/seed';
import { seedDemoAccounts } from '../db/seed/accounts';
import { vapidKeys } from '../push/vapid';
import { startMessageRetention } from '../messaging/retention';

/**
 * Opens (and migrates) the database at start and, unless PLACETTE_DEMO=0, fills an empty one
 * with the demo city so a fresh install shows something real. Also makes sure the instance has
 * its Web Push (VAPID) key pair.
 */
export async function prepareDatabase(): Promise<void> {
  const database = db();
  if (process.env.PLACETTE_DEMO !== '0' && isEmpty(database)) {
    const counts = seedDemo(database);
    const accounts = await seedDemoAccounts(database);
    console.info(`[placette] demo city seeded: ${JSON.stringify({ ...counts, accounts })}`);
  }
  // Generated on first start, then reused: subscriptions are bound to this key pair.
  vapidKeys(database);
  // Messages and their photos are deleted on schedule (PRIVACY.md, Messaging).
  startMessageRetention(database);
}
