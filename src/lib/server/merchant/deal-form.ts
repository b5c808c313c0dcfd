import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { readForm } from '../forms/read-form';
import { dealSchema } from '$lib/schemas/merchant';
import { saveDeal } from './deals';
import { shopMember } from './route-params';

/** The add/edit deal action, shared by /deals/new and /deals/[dealId]: either way the deal waits for the curator. */
export async function dealAction(event: RequestEvent, dealId: number | null) {
  const { database, shopId } = shopMember(event);
  const form = await readForm(event.request, dealSchema);
  if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
  const id = saveDeal(database, shopId, dealId, form.data);
  if (id === null) error(404, 'Bon plan introuvable');
  redirect(303, `/merchant/shops/${shopId}/deals?saved=1`);
}
