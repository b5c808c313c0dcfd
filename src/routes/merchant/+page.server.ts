import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { merchantShops } from '$lib/server/merchant/shops';

export const load: PageServerLoad = ({ locals, url }) => {
  const user = requireUser(locals, url);
  return { shops: merchantShops(db(), user.id) };
};
