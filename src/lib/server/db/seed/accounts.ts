import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../index';
import { shopMembers, shops, users, type UserRole } from '../schema';
import { hashPassword } from '../../auth/password';
import { writeSetting } from '../../settings';

/** The demo's shared password (documented in the README; demo only). */
export const DEMO_PASSWORD = 'placette-demo';

interface DemoAccount {
  email: string;
  role: UserRole;
  displayName: string;
  /** Shops this person owns, by slug. */
  owns?: string[];
}

export const demoAccounts: DemoAccount[] = [
  { email: 'curateur@placette.test', role: 'curator', displayName: 'Camille (community manager)' },
  { email: 'fleuriste@placette.test', role: 'merchant', displayName: 'Inès, Pétales & Briques', owns: ['petales-et-briques'] },
  { email: 'libraire@placette.test', role: 'merchant', displayName: 'Louis, La Plume du Taur', owns: ['la-plume-du-taur'] },
  { email: 'habitant@placette.test', role: 'citizen', displayName: 'Habitant' },
  // Owners of the three applications waiting for the curator.
  { email: 'velos@placette.test', role: 'merchant', displayName: 'Vélos de la Brique', owns: ['velos-de-la-brique'] },
  { email: 'bougies@placette.test', role: 'merchant', displayName: 'La Fabrique à bougies', owns: ['la-fabrique-a-bougies'] },
  { email: 'epices@placette.test', role: 'merchant', displayName: 'Le Comptoir des épices', owns: ['le-comptoir-des-epices'] }
];

/**
 * Demo accounts (all with DEMO_PASSWORD) and the demo's platform settings: open to the public,
 * and two-factor not enforced for the demo curator so anyone can try the back office.
 */
export async function seedDemoAccounts(database: Db): Promise<number> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return database.transaction((tx) => {
    const slugs = demoAccounts.flatMap((a) => a.owns ?? []);
    const shopIds = new Map(
      tx.select({ id: shops.id, slug: shops.slug }).from(shops).where(inArray(shops.slug, slugs)).all().map((s) => [s.slug, s.id])
    );
    for (const account of demoAccounts) {
      const existing = tx.select({ id: users.id }).from(users).where(eq(users.email, account.email)).get();
      if (existing) continue;
      const { id } = tx
        .insert(users)
        .values({ email: account.email, passwordHash, role: account.role, displayName: account.displayName })
        .returning({ id: users.id })
        .get();
      for (const slug of account.owns ?? []) {
        const shopId = shopIds.get(slug);
        if (shopId !== undefined) tx.insert(shopMembers).values({ shopId, userId: id, role: 'owner' }).run();
      }
    }
    writeSetting(tx, 'staff_two_factor_required', false);
    writeSetting(tx, 'platform_open', true);
    return demoAccounts.length;
  });
}
