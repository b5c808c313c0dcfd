import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/forms/read-form';
import { filterSchema, quickReplyDeleteSchema, quickReplyFormSchema } from '$lib/schemas/messaging';
import { merchantShops } from '$lib/server/merchant/shops';
import { addQuickReply, deleteQuickReply, listQuickReplies, readReceiptsSetting, shopInbox } from '$lib/server/messaging/service';
import { messagingFail, saveReadReceipts } from '$lib/server/messaging/pages';

/** The shared inbox of every shop this person belongs to (only members see a shop's messages). */
export const load: PageServerLoad = ({ locals, url }) => {
  const user = requireUser(locals, url);
  const database = db();
  const filter = filterSchema.parse(url.searchParams.get('filter') ?? 'all');
  const shops = merchantShops(database, user.id).map((s) => ({ id: s.id, name: s.name, quickReplies: listQuickReplies(database, s.id) }));
  const all = shopInbox(database, user.id, 'all');
  return {
    filter,
    shops,
    conversations: filter === 'all' ? all : shopInbox(database, user.id, filter),
    unread: all.reduce((sum, c) => sum + c.unread, 0),
    readReceipts: readReceiptsSetting(database, user.id)
  };
};

export const actions: Actions = {
  addQuickReply: async ({ locals, url, request }) => {
    const user = requireUser(locals, url);
    const form = await readForm(request, quickReplyFormSchema);
    if (!form.ok) return fail(400, { values: form.values, errors: form.errors, shopId: Number(form.values.shopId) || undefined });
    try {
      addQuickReply(db(), user, form.data.shopId, form.data.body);
    } catch (err) {
      return messagingFail(err);
    }
    return { done: 'quick_reply_added', shopId: form.data.shopId };
  },
  deleteQuickReply: async ({ locals, url, request }) => {
    const user = requireUser(locals, url);
    const form = await readForm(request, quickReplyDeleteSchema);
    if (!form.ok) return fail(400, { errors: form.errors });
    try {
      deleteQuickReply(db(), user, form.data.id);
    } catch (err) {
      return messagingFail(err);
    }
    return { done: 'quick_reply_deleted' };
  },
  receipts: async ({ locals, url, request }) => {
    const user = requireUser(locals, url);
    return saveReadReceipts(user.id, request);
  }
};
