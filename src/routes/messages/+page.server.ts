import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { citizenConversations, readReceiptsSetting } from '$lib/server/messaging/service';
import { saveReadReceipts } from '$lib/server/messaging/pages';
import { shopMembers } from '$lib/server/db/schema';
import { eq } from 'drizzle-orm';

export const load: PageServerLoad = ({ locals, url }) => {
  const user = requireUser(locals, url);
  const database = db();
  return {
    conversations: citizenConversations(database, user.id),
    readReceipts: readReceiptsSetting(database, user.id),
    runsShop: !!database.select({ s: shopMembers.shopId }).from(shopMembers).where(eq(shopMembers.userId, user.id)).get()
  };
};

export const actions: Actions = {
  receipts: async ({ locals, url, request }) => {
    const user = requireUser(locals, url);
    return saveReadReceipts(user.id, request);
  }
};
