import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { requireShopMember } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/forms/read-form';
import { idParam } from '$lib/server/merchant/route-params';
import { saveOrderSettings, shopSettings } from '$lib/server/merchant/shop-settings';
import { orderSettingsSchema } from '$lib/schemas/order-settings';

/** Click & collect and delivery: slot length, orders per slot, preparation time, zone and fee. */
export const load: PageServerLoad = ({ locals, url, params }) => {
  const database = db();
  const shopId = idParam(params.id);
  requireShopMember(database, locals, url, shopId);
  const shop = shopSettings(database, shopId);
  if (!shop) error(404, 'Boutique introuvable');
  return {
    shop: {
      id: shop.id,
      name: shop.name,
      clickAndCollect: shop.clickAndCollect,
      slotMinutes: shop.slotMinutes,
      slotCapacity: shop.slotCapacity,
      prepMinutes: shop.prepMinutes,
      delivery: shop.delivery,
      deliveryPostcodes: shop.deliveryPostcodes,
      deliveryFeeCents: shop.deliveryFeeCents
    }
  };
};

export const actions: Actions = {
  default: async ({ locals, url, params, request }) => {
    const database = db();
    const shopId = idParam(params.id);
    requireShopMember(database, locals, url, shopId);
    const form = await readForm(request, orderSettingsSchema);
    if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
    if (!saveOrderSettings(database, shopId, form.data)) error(404, 'Boutique introuvable');
    return { saved: true };
  }
};
