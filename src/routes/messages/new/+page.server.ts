import { fail, redirect } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { shops } from '$lib/server/db/schema';
import { requireUser } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/forms/read-form';
import { newConversationFormSchema } from '$lib/schemas/messaging';
import { startConversation } from '$lib/server/messaging/service';
import { messagingFail } from '$lib/server/messaging/pages';

/** "Écrire au commerçant": `/messages/new?shop=<id>` (anonymous visitors sign in first, then come back). */
export const load: PageServerLoad = ({ locals, url }) => {
  const user = requireUser(locals, url);
  const shopId = Number(url.searchParams.get('shop')?.replace(/^shop-/, ''));
  const shop =
    Number.isInteger(shopId) && shopId > 0
      ? (db().select({ id: shops.id, name: shops.name, slug: shops.slug }).from(shops).where(and(eq(shops.id, shopId), eq(shops.status, 'approved'))).get() ?? null)
      : null;
  return { shop, orderId: url.searchParams.get('order') ?? '', canStart: user.role === 'citizen' };
};

export const actions: Actions = {
  default: async ({ locals, url, request }) => {
    const user = requireUser(locals, url);
    const form = await readForm(request, newConversationFormSchema);
    if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
    let id: number;
    try {
      id = startConversation(db(), user, form.data).id;
    } catch (err) {
      return messagingFail(err);
    }
    redirect(303, `/messages/${id}`);
  }
};
