import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { db } from '../db';
import { requireShopMember } from '../auth/guards';
import { parseForm } from '../forms/read-form';
import { productSchema, themeSlugs } from '$lib/schemas/merchant';
import { saveProduct } from './products';
import { idParam } from './route-params';

/** The add/edit product action, shared by /products/new and /products/[productId]. */
export async function productAction(event: RequestEvent, productId: number | null) {
  const database = db();
  const shopId = idParam(event.params.id ?? '');
  requireShopMember(database, event.locals, event.url, shopId);
  let formData: FormData;
  try {
    formData = await event.request.formData();
  } catch {
    return fail(400, { values: {}, errors: { form: 'invalid' }, themes: [] as string[] });
  }
  const themes = themeSlugs(formData.getAll('themes'));
  const form = parseForm(formData, productSchema);
  if (!form.ok) return fail(400, { values: form.values, errors: form.errors, themes });
  const id = saveProduct(database, shopId, productId, { ...form.data, themes });
  if (id === null) error(404, 'Produit introuvable');
  redirect(303, `/merchant/shops/${shopId}/products`);
}
